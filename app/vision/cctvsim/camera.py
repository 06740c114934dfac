"""A CCTV camera at the foot of a tower: pose (distance, height, tilt, yaw, roll), a wide
lens with radial (barrel) distortion, and a rolling-shutter readout time.

World frame: X along the facade (metres from its left edge), Y up from the ground, Z
horizontal from the camera's foot towards the facade plane Z = ``distance_m``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CctvCamera:
    width: int
    height: int
    hfov_deg: float  # 2.8–6 mm lenses on 1/2.8" sensors: 55–100° horizontal
    tilt_deg: float  # upward pitch; up to 60° at the foot of a tower
    yaw_deg: float  # facade not square to the camera
    roll_deg: float  # a bracket is never quite level
    position: tuple[float, float]  # (X, Y) of the lens; Z = 0
    distance_m: float  # horizontal distance to the facade plane
    k1: float  # radial distortion of normalised coordinates (negative: barrel)
    readout_s: float  # rolling shutter: time from the top row to the bottom row

    @property
    def f_px(self) -> float:
        return (self.width / 2) / math.tan(math.radians(self.hfov_deg) / 2)

    def axes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Unit vectors right, up, forward of the camera in world coordinates."""
        th, ps, ro = (math.radians(v) for v in (self.tilt_deg, self.yaw_deg, self.roll_deg))
        fwd = np.array([math.sin(ps) * math.cos(th), math.sin(th), math.cos(ps) * math.cos(th)])
        right = np.array([math.cos(ps), 0.0, -math.sin(ps)])
        up = np.cross(fwd, right)
        # roll turns right/up about the optical axis
        r2 = math.cos(ro) * right + math.sin(ro) * up
        u2 = -math.sin(ro) * right + math.cos(ro) * up
        return r2, u2, fwd

    def project(self, xyz: np.ndarray) -> np.ndarray:
        """(N,3) world points → (N,2) distorted pixel coordinates; NaN behind the camera."""
        p = np.atleast_2d(np.asarray(xyz, np.float64)) - self._origin()
        r, u, f = self.axes()
        zc = p @ f
        with np.errstate(divide="ignore", invalid="ignore"):
            xn, yn = (p @ r) / zc, (p @ u) / zc
        d = 1.0 + self.k1 * (xn * xn + yn * yn)
        px = np.stack([self.width / 2 + self.f_px * xn * d,
                       self.height / 2 - self.f_px * yn * d], axis=1)
        px[zc <= 0.05] = np.nan
        return px

    def depth(self, xyz: np.ndarray) -> np.ndarray:
        p = np.atleast_2d(np.asarray(xyz, np.float64)) - self._origin()
        return p @ self.axes()[2]

    def _origin(self) -> np.ndarray:
        return np.array([self.position[0], self.position[1], 0.0])

    def rays(self, step: int = 1) -> np.ndarray:
        """World ray directions (h//step, w//step, 3) of the pixel grid, distortion undone
        by fixed-point iteration (barrel distortion of a few per cent converges in 5)."""
        ys, xs = np.mgrid[0:self.height:step, 0:self.width:step].astype(np.float64)
        xd = (xs - self.width / 2) / self.f_px
        yd = -(ys - self.height / 2) / self.f_px
        xn, yn = xd.copy(), yd.copy()
        for _ in range(6):
            d = 1.0 + self.k1 * (xn * xn + yn * yn)
            xn, yn = xd / d, yd / d
        r, u, f = self.axes()
        return xn[..., None] * r + yn[..., None] * u + f

    def hit_facade(self, rays: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(X, Y, distance) where each ray meets the facade plane; inf where it does not."""
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.where(rays[..., 2] > 1e-6, self.distance_m / rays[..., 2], np.inf)
        x = self.position[0] + s * rays[..., 0]
        y = self.position[1] + s * rays[..., 1]
        return x, y, s * np.linalg.norm(rays, axis=-1)


def sample_camera(rng: np.random.Generator, width: int, height: int, tower_w: float,
                  tower_h: float) -> CctvCamera:
    """A plausible install: close to the tower and steep, or further back and flatter."""
    steep = rng.random() < 0.6
    distance = rng.uniform(8.0, 25.0) if steep else rng.uniform(25.0, 60.0)
    tilt = rng.uniform(35.0, 60.0) if steep else rng.uniform(15.0, 40.0)
    return CctvCamera(
        width=width, height=height, hfov_deg=float(rng.uniform(60.0, 95.0)),
        tilt_deg=float(tilt), yaw_deg=float(rng.uniform(-15.0, 15.0)),
        roll_deg=float(rng.uniform(-2.0, 2.0)),
        position=(float(tower_w * rng.uniform(0.3, 0.7)), float(rng.uniform(2.0, 8.0))),
        distance_m=float(distance), k1=float(rng.uniform(-0.08, 0.0)),
        readout_s=float(rng.uniform(0.015, 0.033)))
