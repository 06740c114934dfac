"""Registration of a sample to its reference: ECC (Evangelidis & Psarakis 2008), Euclidean,
coarse to fine on small grey copies.

ECC maximises a correlation coefficient, so it ignores gain and offset (time of day,
exposure); a Euclidean warp covers pole sway and a slow pan drift. Failure — no convergence,
a correlation too low, a shift or turn beyond what jitter does — means the camera looks
elsewhere: moved, knocked or tampered with, which is an alert of its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig

SMALL_W = 320  # ECC runs at this width, then half of it for the coarse pass
#: a warp is kept on this grid (``settle``): translation in working pixels, linear part
SHIFT_STEP = 2.0 ** -10
LINEAR_STEP = 2.0 ** -20


@dataclass(frozen=True)
class Registration:
    ok: bool
    warp: np.ndarray  # 2×3, working-resolution pixels: reference → sample
    correlation: float
    shift_px: float  # at working resolution
    angle_deg: float
    reason: str = ""  # for people and logs: "shifted 45 px"
    failure: str = ""  # for screens to word: one of FAILURES, "" when it registered


#: why a registration failed, as a code (``Registration.failure``)
FAILURES = ("no_convergence", "low_correlation", "shifted", "turned")


def _prep(img: np.ndarray, width: int) -> np.ndarray:
    """Grey, small, and reduced to locally normalised edge strength: ECC's correlation
    ignores a global gain, not a lamp coming on over part of the view, and not snow turning
    a dark lawn white (its edges change sign, not place) — edge magnitude over its local
    mean keeps only where the edges are."""
    gray = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    h = round(gray.shape[0] * width / gray.shape[1])
    small = cv2.resize(gray, (width, h), interpolation=cv2.INTER_AREA).astype(np.float32)
    small = cv2.GaussianBlur(small, (0, 0), 1.0)
    mag = cv2.magnitude(cv2.Sobel(small, cv2.CV_32F, 1, 0), cv2.Sobel(small, cv2.CV_32F, 0, 1))
    local = cv2.GaussianBlur(mag, (0, 0), width / 40.0) + 4.0
    return cv2.GaussianBlur(np.minimum(mag / local, 4.0), (5, 5), 1.0)


def _ecc(ref: np.ndarray, cur: np.ndarray, warp: np.ndarray, iters: int
         ) -> tuple[float, np.ndarray]:
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, iters, 1e-5)
    rho, warp = cv2.findTransformECC(ref, cur, warp.copy(), cv2.MOTION_EUCLIDEAN, criteria,
                                     None, 3)
    return float(rho), warp


def motion(warp: np.ndarray) -> tuple[float, float]:
    """How far a Euclidean warp moves the picture: (shift in pixels, turn in degrees)."""
    return (float(np.hypot(warp[0, 2], warp[1, 2])),
            math.degrees(math.atan2(float(warp[1, 0]), float(warp[0, 0]))))


def settle(warp: np.ndarray) -> np.ndarray:
    """``warp`` rounded to a fixed grid: translation to 2⁻¹⁰ px, the linear part to 2⁻²⁰.

    ECC's answer can differ in its last bit (1–2 ulp, ~1e-7) between two processes running
    identical code on identical pictures (round 20's digest: fresh 1060 sample 134). Where
    that tips ``warpAffine``'s coordinate rounding, one aligned pixel moves one grey level,
    and a borderline block far downstream can turn an alarm on or off (dev 1011, round 19).
    On the grid both answers are the same number unless they straddle a grid boundary (odds
    about ulp/step: ~1e-4 for a translation, ~0.06 at worst for a cosine next to 1, whose
    ulp moves no pixel by more than 1e-4 px). The cost: warpAffine computes coordinates in
    1/1024 px and interpolates at 1/32 px; the grid moves a pixel of a 640 × 352 picture
    by at most 2⁻¹¹ + (640 + 352) · 2⁻²¹ ≈ 1e-3 px, 1/30 of that interpolation step. Powers
    of two, so every grid value is exact in float32. It also settles the warp kept as the
    next registration's start, which otherwise carries a last-bit difference on."""
    out = warp.astype(np.float64)
    out[:, :2] = np.round(out[:, :2] / LINEAR_STEP) * LINEAR_STEP
    out[:, 2] = np.round(out[:, 2] / SHIFT_STEP) * SHIFT_STEP
    return out.astype(np.float32)


def register(ref: np.ndarray, cur: np.ndarray, cfg: ConstructionConfig,
             start: np.ndarray | None = None) -> Registration:
    """Align ``cur`` to ``ref`` (both BGR or grey, same size: the working resolution);
    ``start``: the last warp found for this camera (jitter is small, a drift continues)."""
    width = ref.shape[1]
    scale = SMALL_W / width
    fine_ref, fine_cur = _prep(ref, SMALL_W), _prep(cur, SMALL_W)
    coarse_ref, coarse_cur = _prep(ref, SMALL_W // 2), _prep(cur, SMALL_W // 2)
    warp = np.eye(2, 3, dtype=np.float32)
    if start is not None:
        warp = start.astype(np.float32).copy()
        warp[:, 2] *= scale / 2
    try:
        _, warp = _ecc(coarse_ref, coarse_cur, warp, 60)
        warp[:, 2] *= 2.0
        rho, warp = _ecc(fine_ref, fine_cur, warp, 40)
    except cv2.error:
        return Registration(False, np.eye(2, 3, dtype=np.float32), 0.0, math.inf, 0.0,
                            "no convergence", "no_convergence")
    warp[:, 2] /= scale  # back to working pixels
    warp = settle(warp)  # the same warp in every process (and as the next start)
    warp[:, 2] += cfg.realisation * SHIFT_STEP  # exact: on the grid (config.py)
    shift, angle = motion(warp)
    reason, failure = "", ""
    if rho < cfg.min_correlation:
        reason, failure = f"correlation {rho:.2f}", "low_correlation"
    elif shift > cfg.max_shift_frac * width:
        reason, failure = f"shifted {shift:.0f} px", "shifted"
    elif abs(angle) > cfg.max_angle_deg:
        reason, failure = f"turned {angle:.1f}°", "turned"
    return Registration(not reason, warp, rho, shift, angle, reason, failure)


def align(img: np.ndarray, warp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``img`` warped into the reference's geometry, and the mask of pixels it covers."""
    h, w = img.shape[:2]
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    out = cv2.warpAffine(img, warp, (w, h), flags=flags, borderMode=cv2.BORDER_REPLICATE)
    inside = cv2.warpAffine(np.full((h, w), 255, np.uint8), warp, (w, h), flags=flags,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return out, (inside > 250).astype(np.uint8)
