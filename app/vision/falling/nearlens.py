"""Objects at the lens: lit so hard by the camera's own IR lamp that they saturate.

At night a CCTV camera lights the scene with its own infrared lamp, and the irradiance it
gives falls with the square of the distance. The facade a 高空抛物 camera watches is 8–60 m
away, and the camera sets its exposure so that wall (and anything thrown in front of it)
sits below full scale. An insect flying 0.3–2 m from the lens gets (10/1)² to (60/0.5)² —
some 100× to 10⁴× — the light of the wall behind it: its image is a blown-out disc whatever
its reflectance, and it moves over a scene that is not blown out there. A thrown object is
at the facade, lit like the facade; only a very white object close to the camera reaches
full scale, and then not over most of its fall.

So the motion stage marks, in IR (greyscale) mode only, each blob holding a pixel of the
frame at full scale (``near_lens_level``) where the background is not (below
``near_lens_scene_max``: a lit window that is saturated anyway says nothing), and a track
whose judged blob points are so marked at ``near_lens_share`` or more is an object at the
lens, not a fall (``FallingObjectDetector``). By day the sun lights near and far alike,
and a white object against a dark wall may clip: colour frames are never marked.

The marks live beside the tracks (``SaturatedPoints``, by frame time and blob centre), not
in them: tracks are cut, joined and traced back in several places, and a point of a track
is always one of a frame's blob centres, which is what the marks are looked up by.
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

# a pixel's channels may differ this much in a greyscale stream (chroma noise of H.264) ...
_GREY_TOL = 10
# ... in at most this share of the sampled pixels
_GREY_SHARE = 0.01
_CROSS = cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3))


def colourless(frame: np.ndarray) -> bool:
    """Is this frame greyscale (a camera in IR night mode)? One channel, or three that are
    equal but for the codec's chroma noise, on a sparse grid of pixels."""
    if frame.ndim == 2 or frame.shape[2] == 1:
        return True
    step = max(1, min(frame.shape[:2]) // 64)
    s = frame[::step, ::step].astype(np.int16)
    spread = s.max(axis=2) - s.min(axis=2)
    return int(np.count_nonzero(spread > _GREY_TOL)) <= _GREY_SHARE * spread.size


def saturated(frame: np.ndarray, background: np.ndarray, fg: np.ndarray, rects: np.ndarray,
              level: float, scene_max: float, rim_px: float = 0.0) -> np.ndarray:
    """Per blob box (x, y, w, h): does it hold a foreground pixel at ``level`` or above in
    the frame where the background is below ``scene_max``? With ``rim_px`` > 0, only if
    the blob is also clipped to its rim: its ``rim_width`` below ``rim_px``. (The rim is
    measured only then: with the guard off, a marked blob costs one count.)"""
    out = np.zeros(len(rects), bool)
    for i, box in _hot_boxes(frame, background, fg, rects, level, scene_max):
        out[i] = rim_px <= 0 or rim_width(frame[box], background[box], fg[box],
                                          scene_max) < rim_px
    return out


def _hot_boxes(frame: np.ndarray, background: np.ndarray, fg: np.ndarray, rects: np.ndarray,
               level: float, scene_max: float):
    """(index, slices) of each blob box holding a foreground pixel at ``level`` or above
    over a background below ``scene_max``. (Three whole-frame comparisons first: on most
    night frames no such pixel exists and no box is looked at.)"""
    if not len(rects):
        return
    hot = cv2.bitwise_and(cv2.compare(frame, level, cv2.CMP_GE),
                          cv2.compare(background, scene_max, cv2.CMP_LT))
    hot = cv2.bitwise_and(hot, fg)
    if not cv2.countNonZero(hot):
        return
    h, w = frame.shape
    for i, (x, y, bw, bh) in enumerate(rects.astype(int)):
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + bw, w), min(y + bh, h)
        box = (slice(y0, y1), slice(x0, x1))
        if x1 > x0 and y1 > y0 and cv2.countNonZero(hot[box]):
            yield i, box


def rim_width(f: np.ndarray, b: np.ndarray, m: np.ndarray, scene_max: float) -> float:
    """A marked blob's box (frame, background, foreground mask): the width (px) of its
    shoulder — the pixels inside its half-height contour that are not near full scale — per
    boundary pixel of its near-full-scale core (at ``scene_max`` or above: a clipped source
    decodes to 238–254, the codec rounds its plateau).

    An edge ramps from the background up to the source's peak over some width b (optics,
    motion smear, the shading of a body); the sensor clips at full scale, so a source at p×
    full scale keeps ≈ b/p of its ramp below it, and the shoulder between near full scale
    and half height is ≈ 0.4·b/p, plus the codec's and the stage's own blur after the clip
    (about a pixel). A moth at the lamp (p ≈ 10–3000) is clipped to its rim: about a pixel.
    A white object at the facade lit at 1–3× full scale keeps much of its ramp (smear along
    the fall, shading): several pixels when it is large."""
    core = cv2.bitwise_and(cv2.compare(f, scene_max, cv2.CMP_GE), m)
    inner = cv2.erode(core, _CROSS, borderType=cv2.BORDER_CONSTANT, borderValue=0)
    edge = cv2.countNonZero(core) - cv2.countNonZero(inner)
    # inside the half-height contour: f ≥ (scene_max + b) / 2
    half = cv2.bitwise_and(cv2.compare(2 * f - b, scene_max, cv2.CMP_GE), m)
    shoulder = cv2.countNonZero(half) - cv2.countNonZero(cv2.bitwise_and(half, core))
    return shoulder / max(edge, 1)


class SaturatedPoints:
    """The centres of the blobs the stage marked saturated, by frame time, for ``keep_s``."""

    def __init__(self, keep_s: float) -> None:
        self.keep_s = keep_s
        self._at: dict[float, set[tuple[float, float]]] = {}
        self._order: deque[float] = deque()

    def add(self, t: float, xy: np.ndarray, sat: np.ndarray | None) -> None:
        if sat is not None and sat.any():
            self._at[t] = {(float(x), float(y)) for x, y in xy[sat]}
            self._order.append(t)
        while self._order and self._order[0] < t - self.keep_s:
            self._at.pop(self._order.popleft(), None)

    def share(self, t, x, y, weak, t_first: float, t_last: float) -> float:
        """The share of a track's blob points (not its weak ones) between ``t_first`` and
        ``t_last`` that are marked; 0 without any."""
        n = hit = 0
        for ti, xi, yi, wi in zip(t, x, y, weak, strict=True):
            if wi or not t_first - 1e-6 <= ti <= t_last + 1e-6:
                continue
            n += 1
            hit += (xi, yi) in self._at.get(ti, ())
        return hit / n if n else 0.0
