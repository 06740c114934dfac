"""Per-pixel noise of the foreground stage: σ for the threshold, kept clear of rain, and a
reference for the global-change test that counts it.

σ is a capped running mean of d² (difference to the background, squared): it follows the
sensor's noise and the codec's heavy-tailed residuals alike, which a median or a lower
quantile of |d| does not (tried: on H.264 night footage they sit at a third of the tail
and the mask fills with speckle — twice the blobs a frame). But a mean of d² is pulled up
by anything bright that hits a pixel often: at night the IR lamp lights rain drops at the
lens, each a streak 30–130 px long, and where more than one pixel in nine is hit per frame
the capped mean runs away (its fixed point is (1−p)·σ²/(1−9p)) — σ rose to 5–22 grey
levels where the sensor's was 1.5–4.5, and a light object of contrast 16–45 falling
through the rain stayed under 4σ. So the threshold's σ is not fed where the frame shows a
rain streak (``update(d2, keep)``: the stage passes the mask of this frame's streaks).

The global-change test (``MotionStage._areal``) needs the opposite: a noise level that
*does* include rain, so streaks everywhere are not taken for the scene changing (with the
threshold's σ it reset the model on a seventh of a night's frames). It keeps the estimate
it was tuned with, unmasked, on a sparse grid (one pixel in 8×8: it only ever used the
median over that grid), so it costs nothing.
"""

from __future__ import annotations

import math

import cv2
import numpy as np


class RunningNoise:
    """Capped running mean of d² per pixel (every ``step``-th row and column); ``var`` is σ²,
    floored at ``sigma_min``²."""

    def __init__(self, shape: tuple[int, int], sigma0: float, sigma_min: float, rate: float,
                 step: int = 1) -> None:
        h, w = shape
        self.step = step
        self.var = np.full((-(-h // step), -(-w // step)), sigma0**2, np.float32)
        self.floor = sigma_min**2
        self.rate = rate

    def update(self, d2: np.ndarray, keep: np.ndarray | None = None) -> None:
        """``keep``: uint8 mask, non-zero where the pixel's d² counts as noise."""
        if self.step > 1:
            d2 = np.ascontiguousarray(d2[::self.step, ::self.step])
        # capped at 3σ, so a passing object barely moves it (OpenCV: one pass per step)
        cap = cv2.addWeighted(self.var, 9.0, self.var, 0.0, 4.0)
        cv2.min(d2, cap, dst=cap)
        cv2.accumulateWeighted(cap, self.var, self.rate, mask=keep)
        cv2.max(self.var, self.floor, dst=self.var)

    def sigma(self) -> float:
        """The frame's typical σ: the median over the pixels."""
        return math.sqrt(float(np.median(self.var)))

    def warp(self, m: np.ndarray) -> None:
        h, w = self.var.shape
        self.var = cv2.warpAffine(self.var, m / np.float32([1, 1, self.step]), (w, h),
                                  borderMode=cv2.BORDER_REPLICATE)
