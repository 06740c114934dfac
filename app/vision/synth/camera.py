"""The pinhole camera of the synthetic scenes: world (metres) → image (pixels).

World frame: X to the right along the facade, Y up (0 = ground), Z horizontal from the
camera towards the facade. The camera sits at (0, height, 0) pitched up by ``pitch_deg``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PinholeCamera:
    width: int
    height: int
    vfov_deg: float
    pitch_deg: float
    cam_height_m: float = 1.5

    @property
    def f_px(self) -> float:
        return (self.height / 2) / math.tan(math.radians(self.vfov_deg) / 2)

    def project(self, xyz: np.ndarray) -> np.ndarray:
        """(N,3) world points → (N,2) pixel coordinates (x right, y down)."""
        p = np.atleast_2d(np.asarray(xyz, dtype=np.float64))
        th = math.radians(self.pitch_deg)
        x = p[:, 0]
        y = p[:, 1] - self.cam_height_m
        z = p[:, 2]
        yc = y * math.cos(th) - z * math.sin(th)  # up in the camera frame
        zc = y * math.sin(th) + z * math.cos(th)  # along the optical axis
        zc = np.maximum(zc, 1e-6)
        f = self.f_px
        return np.stack([self.width / 2 + f * x / zc, self.height / 2 - f * yc / zc], axis=1)

    def depth(self, xyz: np.ndarray) -> np.ndarray:
        """Distance along the optical axis (m), for sizing sprites."""
        p = np.atleast_2d(np.asarray(xyz, dtype=np.float64))
        th = math.radians(self.pitch_deg)
        return (p[:, 1] - self.cam_height_m) * math.sin(th) + p[:, 2] * math.cos(th)

    def plane_homography(self, distance_m: float, x0: float, y0: float,
                         m_per_px: float) -> np.ndarray:
        """Homography from a texture of the plane Z = distance_m (texel (i, j) at
        X = x0 + i·m, Y = y0 − j·m) to the image, for warping the facade texture."""
        src = np.float64([[0, 0], [1000, 0], [1000, 1000], [0, 1000]])
        world = np.array([[x0 + i * m_per_px, y0 - j * m_per_px, distance_m] for i, j in src])
        dst = self.project(world)
        import cv2

        return cv2.getPerspectiveTransform(src.astype(np.float32), dst.astype(np.float32))

    def visible_height_range(self, distance_m: float) -> tuple[float, float]:
        """Heights (m above ground) of the plane Z = distance_m at the bottom and top rows."""
        half = math.radians(self.vfov_deg) / 2
        th = math.radians(self.pitch_deg)
        lo = self.cam_height_m + distance_m * math.tan(th - half)
        hi_angle = min(th + half, math.radians(89.0))
        return lo, self.cam_height_m + distance_m * math.tan(hi_angle)
