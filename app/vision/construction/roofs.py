"""Which roof a rooftop zone lies on, and its height: so the 3D view draws the zone on the
roof, not on the ground far behind the building (a roof seen from a camera, taken to the
plane z = 0, lands where the camera's ray through it meets the ground).

The camera's ray through the zone's centre is cut with the plane of each building's roof
(its base plus its floors; the scene's buildings); the nearest roof whose footprint holds
the cut point is the one. The zone is then taken to that plane with the camera's pose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import cv2
import numpy as np

from app.vision.construction.ground import GroundCalibration, Pinhole


@dataclass(frozen=True)
class Roof:
    footprint: np.ndarray  # (k, 2) site metres
    z: float  # height of the roof, site metres


def roofs_of(buildings: Iterable) -> list[Roof]:  # noqa: ANN001 (app.scene.model.Building)
    """The flat roofs of the scene's buildings (a fully underground garage has none)."""
    return [Roof(np.asarray(b.footprint, np.float64), float(b.base_z + b.height_m))
            for b in buildings if b.floors > 0 and len(b.footprint) >= 3]


def ray(pinhole: Pinhole, px: tuple[float, float]) -> np.ndarray:
    """Unit direction (site) of the camera's ray through image point ``px``."""
    fwd, right, up = pinhole.axes()
    f = pinhole.focal_px
    d = fwd + (px[0] - pinhole.width / 2) / f * right - (px[1] - pinhole.height / 2) / f * up
    return d / np.linalg.norm(d)


def roof_under(pinhole: Pinhole, polygon_px, roofs: Iterable[Roof]) -> Roof | None:
    """The nearest roof the zone's centre lies on, seen from this camera; None: none."""
    centre = np.asarray(polygon_px, np.float64).reshape(-1, 2).mean(axis=0)
    d = ray(pinhole, (float(centre[0]), float(centre[1])))
    c = np.asarray(pinhole.xyz, np.float64)
    best: tuple[float, Roof] | None = None
    for roof in roofs:
        if abs(d[2]) < 1e-9:
            continue
        s = (roof.z - c[2]) / d[2]
        if s <= 0:
            continue  # behind the camera (or a roof above it, seen from below)
        x, y = (c + s * d)[:2]
        ring = roof.footprint.astype(np.float32).reshape(-1, 1, 2)
        if cv2.pointPolygonTest(ring, (float(x), float(y)), False) >= 0 and \
                (best is None or s < best[0]):
            best = (s, roof)
    return best[1] if best is not None else None


def on_roof(pinhole: Pinhole, polygon_px, width: int, roofs: Iterable[Roof]
            ) -> tuple[np.ndarray, float] | None:
    """The zone taken to the plane of the roof it lies on: ((k, 2) site metres, z); None
    when it lies on no roof of the scene."""
    roof = roof_under(pinhole, polygon_px, roofs)
    if roof is None:
        return None
    poly = GroundCalibration.from_pose(pinhole, roof.z).ground_polygon(polygon_px, width)
    return (poly, roof.z) if len(poly) >= 3 else None
