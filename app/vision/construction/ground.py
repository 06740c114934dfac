"""Ground-plane calibration: the homography between a camera's image and the site's ground
(x east, y north, metres — the scene's coordinates), so zones drawn on the picture can be
drawn on the ground in 3D and a change can be placed in the compound.

Two ways to get it: from the camera's pose in the scene (position, yaw, pitch, field of
view: a pinhole looking at the plane z = ``ground_z``), which is what every scene camera has;
or from four or more image points whose site coordinates are known (lawn corners, kerb
ends), which corrects a pose that is only roughly right. Settings key ``"ground"``:
``{"image_px": [[x, y], ...], "site_xy": [[x, y], ...]}`` (same length, ≥ 4).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np


class GroundError(ValueError):
    """A ground calibration that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class Pinhole:
    """A camera at ``xyz`` (site metres); yaw 0 = east, 90 = north; positive pitch looks up
    (as ``app.domain.model.Camera``); square pixels, ``vfov_deg`` over ``height`` rows."""

    xyz: tuple[float, float, float]
    yaw_deg: float
    pitch_deg: float
    vfov_deg: float
    width: int
    height: int

    @property
    def focal_px(self) -> float:
        return (self.height / 2) / math.tan(math.radians(self.vfov_deg) / 2)

    def axes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """forward, right, up unit vectors in site coordinates."""
        yaw, pitch = math.radians(self.yaw_deg), math.radians(self.pitch_deg)
        fwd = np.array([math.cos(pitch) * math.cos(yaw), math.cos(pitch) * math.sin(yaw),
                        math.sin(pitch)])
        right = np.array([math.sin(yaw), -math.cos(yaw), 0.0])
        return fwd, right, np.cross(right, fwd)

    def project(self, pts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(N, 3) site points → (N, 2) pixels and (N,) depth along the view (≤ 0: behind)."""
        fwd, right, up = self.axes()
        d = np.asarray(pts, np.float64).reshape(-1, 3) - np.asarray(self.xyz)
        depth = d @ fwd
        safe = np.where(depth > 1e-6, depth, 1e-6)
        f = self.focal_px
        px = np.column_stack([self.width / 2 + f * (d @ right) / safe,
                              self.height / 2 - f * (d @ up) / safe])
        return px, depth

    def ground_homography(self, ground_z: float = 0.0) -> np.ndarray:
        """3×3 site (x, y) on the plane z = ground_z → image pixels."""
        fwd, right, up = self.axes()
        f = self.focal_px
        c = np.asarray(self.xyz, np.float64) - np.array([0.0, 0.0, ground_z])
        # pixel ~ K [R | -R c] [x, y, 0, 1]; rows of R are right, -up, fwd (image y down)
        rot = np.vstack([right, -up, fwd])
        k = np.array([[f, 0, self.width / 2], [0, f, self.height / 2], [0, 0, 1]])
        m = k @ np.column_stack([rot[:, 0], rot[:, 1], -rot @ c])
        return m / m[2, 2]


@dataclass(frozen=True)
class GroundCalibration:
    """Image pixels ↔ site ground metres."""

    image_to_site: np.ndarray  # 3×3
    source: str  # "pose" | "points"

    @classmethod
    def from_pose(cls, pinhole: Pinhole, ground_z: float = 0.0) -> GroundCalibration:
        return cls(np.linalg.inv(pinhole.ground_homography(ground_z)), "pose")

    @classmethod
    def from_points(cls, image_px, site_xy) -> GroundCalibration:
        src = np.asarray(image_px, np.float64).reshape(-1, 2)
        dst = np.asarray(site_xy, np.float64).reshape(-1, 2)
        if len(src) != len(dst) or len(src) < 4:
            raise GroundError("ground calibration needs the same number (≥ 4) of image_px "
                              "and site_xy points")
        if not (np.isfinite(src).all() and np.isfinite(dst).all()):
            raise GroundError("ground calibration points must be finite numbers")
        h, _ = cv2.findHomography(src, dst, 0)
        if h is None or abs(np.linalg.det(h)) < 1e-12:
            raise GroundError("ground calibration points are degenerate (three in a line?)")
        return cls(h, "points")

    def to_site(self, pts_px) -> np.ndarray:
        """(N, 2) image points → (N, 2) site metres (points above the horizon come out
        far away or behind: clip polygons to the ground first, see ``ground_polygon``)."""
        pts = np.asarray(pts_px, np.float64).reshape(-1, 1, 2)
        return cv2.perspectiveTransform(pts, self.image_to_site).reshape(-1, 2)

    def to_image(self, pts_xy) -> np.ndarray:
        pts = np.asarray(pts_xy, np.float64).reshape(-1, 1, 2)
        return cv2.perspectiveTransform(pts, np.linalg.inv(self.image_to_site)).reshape(-1, 2)

    def horizon_row(self, width: int) -> float:
        """Image row of the horizon (the line the ground plane vanishes at), at mid-width."""
        h = self.image_to_site  # a pixel is on the horizon where the third row gives w = 0
        a, b, c = h[2]
        return -(a * width / 2 + c) / b if abs(b) > 1e-12 else -math.inf

    def ground_polygon(self, polygon_px, width: int, margin_px: float = 4.0) -> np.ndarray:
        """An image polygon cut below the horizon (plus a margin) and taken to the site."""
        limit = self.horizon_row(width) + margin_px
        poly = _clip_below(np.asarray(polygon_px, np.float64).reshape(-1, 2), limit)
        return self.to_site(poly) if len(poly) >= 3 else np.zeros((0, 2))


def _clip_below(poly: np.ndarray, row: float) -> np.ndarray:
    """Sutherland–Hodgman against the half-plane y ≥ row."""
    out = []
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        ina, inb = a[1] >= row, b[1] >= row
        if ina:
            out.append(a)
        if ina != inb:
            s = (row - a[1]) / (b[1] - a[1])
            out.append(a + s * (b - a))
    return np.asarray(out).reshape(-1, 2)


def parse_ground(data: object) -> GroundCalibration:
    if not isinstance(data, dict) or set(data) != {"image_px", "site_xy"}:
        raise GroundError("'ground' must be {\"image_px\": [[x, y], ...], "
                          "\"site_xy\": [[x, y], ...]}")
    try:
        return GroundCalibration.from_points(data["image_px"], data["site_xy"])
    except (TypeError, ValueError) as exc:
        raise GroundError(str(exc)) from None
