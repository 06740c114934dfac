"""How far a moth at the lens is, and what that distance does to its image.

A moth circling the IR lamp flies 0.3–2 m from the lens. Its image is the camera's own
projection of it, so everything here follows from the camera model (``camera.py``), the
lamp that lights the facade (``tower.ir_lamp``) and the distance d(t):

- **Size.** Wingspan L = 1.5–5 cm (moths that come to lamps). Its image is L·f_px/d px
  across — f_px = (W/2)/tan(hfov/2), 293–554 px at 640 px wide (hfov 60–95°), 587–1108 at
  1280 — so a 3 cm moth at 640 px spans ~12 px at 1 m, ~40 at 0.3 m, ~6 at 2 m. Drawn as an
  ellipse of semi-axes L·f_px/(2d) and 0.8 of that (as the fixed-size moth was).
- **Distance.** d(t) = d0·exp(Σₖ aₖ sin(2π fₖ t + φₖ)): d0 log-uniform in 0.45–1.3 m, three
  terms of aₖ 0.05–0.15 at fₖ 0.3–2 Hz, so d stays within 0.29–2.0 m and swings by tens of
  cm within a second (the largest 1-s swing of a 6-s life: 0.2 / 0.37 / 0.69 m at p5 /
  median / p95; depth speed median 0.5 m/s, peaks 1.5 m/s typical, ≤ 4.7 m/s). The image-plane flight is the fixed-size moth's
  (``Moth.at``): the moth's 3D path is its back-projection at d(t) — lateral position
  (x − cx)·d/f_px — so depth asks for no other image path (coming closer at a fixed image
  position = moving towards the axis in the world).
- **Brightness.** Lit by the lamp beside the lens — the facade's lamp, ``tower.ir_lamp``:
  0.8·near²/d² × a 35° beam, near = the nearest facade point in view (8–60 m) — with a
  near-infrared reflectance ρ = 0.1–0.5 (moth wings reflect NIR well). Radiance per pixel
  ∝ 1/d² (a bigger image gathers more light over more pixels). With the night exposure
  (~1.0–1.2, so the facade's brightest ~0.5–1.0) that is from ~0.5× full scale (a dark
  moth at 2 m far off the beam's axis, the facade at 8 m) to ~10⁴× (0.3 m, facade at 60 m),
  10–3000× in the clips looked at: a moth within 2 m of a lamp is nearly always saturated;
  brightness falls with d but the sensor mostly clips it. (The
  fixed-size moth had 0.8–3.0, whatever its size.)
- **Defocus.** The lens is focused far away (the facade, 8–60 m). A point at d is spread
  over a circle of confusion of diameter A·f/(d − f) on the sensor, A = f/N the aperture,
  i.e. ≈ A·f_px/d px. The lens: f = f_px × pixel pitch, pitch = 5.6 mm / W (a 1/2.8" sensor,
  5.6 mm wide: f = 2.5–4.8 mm for hfov 95–60°, the 2.8–6 mm CCTV lenses of ``camera.py``),
  N = 1.2–2.0 → A = 1.3–4 mm. The blur is a fixed share A/L of the moth's image (3–25 %,
  typically 5–15 %): 0.3–3 px at 640 px wide. Drawn as a pillbox (a defocused lens's
  point-spread) over the moth's sharp-edged, motion-smeared image.
- **Opacity** 0.73 (the fixed-size moth's three 0.35 stamps where they overlap): beating
  wings cover the disc part of the exposure; the 20 Hz flicker (0.7–1.0) is kept.

Every number is drawn from the moths' own generator (``np.random.default_rng([seed,
MOTH_TAG])``), never from the clip's, so a clip's other actors are those of a clip whose
moths had no depth, and a clip without moths is drawn exactly as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.vision.cctvsim.tower import ir_lamp

MOTH_TAG = 0x3074
SENSOR_WIDTH_M = 5.6e-3  # a 1/2.8" sensor's active width
OPACITY = 1 - 0.65 ** 3  # the fixed-size moth's three 0.35 stamps, where they overlap


@dataclass(frozen=True)
class Optics:
    """The camera as a moth at its lens sees it: focal length (px), aperture diameter (m),
    principal point (px), and the nearest facade distance its lamp is set for (m)."""
    f_px: float
    aperture_m: float
    centre: tuple[float, float]
    near_m: float

    def lamp(self, d: float, xy) -> float:
        """The lamp's irradiance at a point ``d`` m out along the ray of pixel ``xy``."""
        r = math.hypot(xy[0] - self.centre[0], xy[1] - self.centre[1])
        cos_axis = self.f_px / math.hypot(self.f_px, r)
        return float(ir_lamp(np.float64(cos_axis), np.float64(d), self.near_m, 0.05))


def sample_optics(rng: np.random.Generator, f_px: float, width: int, height: int,
                  near_m: float) -> Optics:
    """A lens for the camera: f from f_px and the sensor's pixel pitch, N = 1.2–2.0 (CCTV
    lenses open wide for the night), A = f/N."""
    f_m = f_px * SENSOR_WIDTH_M / width
    return Optics(float(f_px), f_m / float(rng.uniform(1.2, 2.0)), (width / 2, height / 2),
                  float(near_m))


@dataclass
class MothDepth:
    """A moth's distance from the lens over time and the image it gives there."""
    d0: float  # m
    amp: tuple[float, float, float]  # log-amplitudes of the excursions
    hz: tuple[float, float, float]
    phase: tuple[float, float, float]
    wingspan_m: float
    reflectance: float  # near infrared
    optics: Optics

    def d(self, s: float) -> float:
        """Distance (m) ``s`` seconds into the moth's life."""
        return self.d0 * math.exp(sum(a * math.sin(2 * math.pi * f * s + p)
                                      for a, f, p in zip(self.amp, self.hz, self.phase,
                                                         strict=True)))

    def semi_axis_px(self, d: float) -> float:
        return self.wingspan_m * self.optics.f_px / (2 * d)

    def blur_px(self, d: float) -> float:
        """Diameter of the circle of confusion, lens focused at infinity: A·f/(d − f) on
        the sensor, ≈ A·f_px/d px (f ≈ 3 mm ≪ d)."""
        return self.optics.aperture_m * self.optics.f_px / d

    def radiance(self, d: float, xy) -> float:
        return self.reflectance * self.optics.lamp(d, xy)


def sample_depth(rng: np.random.Generator, optics: Optics) -> MothDepth:
    d0 = math.exp(rng.uniform(math.log(0.45), math.log(1.3)))
    return MothDepth(d0, tuple(float(v) for v in rng.uniform(0.05, 0.15, 3)),
                     tuple(float(v) for v in rng.uniform(0.3, 2.0, 3)),
                     tuple(float(v) for v in rng.uniform(0, 2 * math.pi, 3)),
                     float(rng.uniform(0.015, 0.05)), float(rng.uniform(0.1, 0.5)), optics)


def _pillbox(diameter: float) -> np.ndarray | None:
    """A normalised disc kernel with an anti-aliased rim; None below a pixel."""
    r = diameter / 2
    if r < 0.5:
        return None
    n = int(math.ceil(r + 0.5))
    yy, xx = np.mgrid[-n:n + 1, -n:n + 1].astype(np.float32)
    k = np.clip(r + 0.5 - np.sqrt(xx * xx + yy * yy), 0, 1)
    return (k / k.sum()).astype(np.float32)


def draw_defocused(img: np.ndarray, centres: list[tuple[float, float]],
                   values: list[float], sx: float, sy: float, blur: float) -> None:
    """Blend into ``img`` a moth seen at ``centres`` during the exposure (one radiance each,
    the wing-beat flicker): its sharp ellipse (semi-axes sx, sy px) averaged over the
    exposure, then spread by the lens's pillbox of diameter ``blur`` px."""
    h, w = img.shape[:2]
    k = _pillbox(blur)
    pad = (k.shape[0] // 2 if k is not None else 0) + 2
    xs = [c[0] for c in centres]
    ys = [c[1] for c in centres]
    rr = max(sx, sy)
    x0, x1 = int(math.floor(min(xs) - rr)) - pad, int(math.ceil(max(xs) + rr)) + pad + 1
    y0, y1 = int(math.floor(min(ys) - rr)) - pad, int(math.ceil(max(ys) + rr)) + pad + 1
    if x1 <= 0 or y1 <= 0 or x0 >= w or y0 >= h:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    cover = np.zeros(xx.shape, np.float32)
    radiance = np.zeros(xx.shape, np.float32)
    s_edge = math.sqrt(max(sx, 0.35) * max(sy, 0.35))
    for (cx, cy), v in zip(centres, values, strict=True):
        u, q = (xx - cx) / max(sx, 0.35), (yy - cy) / max(sy, 0.35)
        # a sharp rim, anti-aliased over one pixel
        c = np.clip(0.5 + (1.0 - np.sqrt(u * u + q * q)) * s_edge, 0, 1) / len(centres)
        cover += c
        radiance += c * np.float32(v)
    if k is not None:
        cover = cv2.filter2D(cover, -1, k, borderType=cv2.BORDER_CONSTANT)
        radiance = cv2.filter2D(radiance, -1, k, borderType=cv2.BORDER_CONSTANT)
    a = cover * np.float32(OPACITY)
    x0c, y0c, x1c, y1c = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    sl = (slice(y0c - y0, y1c - y0), slice(x0c - x0, x1c - x0))
    roi = img[y0c:y1c, x0c:x1c]
    roi *= (1 - a[sl])[..., None]
    roi += (radiance[sl] * np.float32(OPACITY))[..., None]
