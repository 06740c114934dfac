"""The synthetic compound one camera sees: where the lawns, the fire lane, the utility yard,
the podium with its roof, the towers, the trees and the lamps are, and the camera itself.

Laid out in the camera's own frame (u across to the right, v forward along the view, metres
from the point below the camera) and turned to a random compass heading, so the sun comes
from every side over the set. Zones are the lawns (green_space), the fire lane, the yard in
front of a transformer kiosk (no_build) and the podium roof (rooftop); the plaza between
them is outside every zone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.vision.construction.ground import Pinhole
from app.vision.groundsynth import props

W, H = 640, 360


@dataclass
class Area:
    id: str
    kind: str  # zone kind, or "" for material only
    material: str  # lawn | asphalt | paving | gravel | roof
    poly: np.ndarray  # (k, 2) site metres
    z: float = 0.0


@dataclass
class Layout:
    pinhole: Pinhole
    heading: float  # radians: the camera's forward direction, anticlockwise from east
    areas: list[Area]
    solids: list[props.Mesh]  # podium, towers, kiosk, lamp posts, trunks
    trees: list[tuple[np.ndarray, float]]  # canopy centre (x, y, z), radius
    lamps: list[np.ndarray]  # lamp heads (x, y, z)
    plaza: np.ndarray  # paving outside every zone, for things that must not alarm
    podium: tuple[np.ndarray, float] = field(default=None)  # roof polygon, height

    def site(self, u: float, v: float) -> tuple[float, float]:
        c, s = math.cos(self.heading), math.sin(self.heading)
        x0, y0 = self.pinhole.xyz[:2]
        return (x0 + v * c + u * s, y0 + v * s - u * c)

    def site_poly(self, uv) -> np.ndarray:
        return np.array([self.site(u, v) for u, v in uv])

    def uv(self, pts: np.ndarray) -> np.ndarray:
        """(N, 2) site points → the camera frame (u across, v forward)."""
        c, s = math.cos(self.heading), math.sin(self.heading)
        d = np.asarray(pts, float).reshape(-1, 2) - np.asarray(self.pinhole.xyz[:2])
        return np.column_stack([d[:, 0] * s - d[:, 1] * c, d[:, 0] * c + d[:, 1] * s])

    def zone(self, zone_id: str) -> Area:
        return next(a for a in self.areas if a.id == zone_id)

    def zones(self) -> list[Area]:
        return [a for a in self.areas if a.kind]

    def image_poly(self, poly: np.ndarray, z: float) -> np.ndarray:
        """A site polygon at height z, projected and clipped to the picture."""
        pts, _ = self.pinhole.project(np.column_stack([poly, np.full(len(poly), z)]))
        return clip_to_frame(pts, W, H)


def clip_to_frame(poly: np.ndarray, w: int, h: int) -> np.ndarray:
    """Sutherland–Hodgman against the picture's four edges."""
    out = np.asarray(poly, float)
    for axis, limit, keep_above in ((0, 0.0, True), (0, w - 1.0, False), (1, 0.0, True),
                                    (1, h - 1.0, False)):
        if len(out) == 0:
            break
        res = []
        for i in range(len(out)):
            a, b = out[i], out[(i + 1) % len(out)]
            ina = a[axis] >= limit if keep_above else a[axis] <= limit
            inb = b[axis] >= limit if keep_above else b[axis] <= limit
            if ina:
                res.append(a)
            if ina != inb:
                s = (limit - a[axis]) / (b[axis] - a[axis])
                res.append(a + s * (b - a))
        out = np.asarray(res).reshape(-1, 2)
    return out


def make_layout(rng: np.random.Generator) -> Layout:
    height = float(rng.uniform(9.0, 15.0))
    pitch = -float(rng.uniform(22.0, 30.0))
    vfov = float(rng.uniform(42.0, 50.0))
    heading = float(rng.uniform(0, 2 * math.pi))
    cam = Pinhole((0.0, 0.0, height), math.degrees(heading), pitch, vfov, W, H)
    near = height / math.tan(math.radians(-pitch + vfov / 2))
    lay = Layout(cam, heading, [], [], [], [], np.zeros((0, 2)))
    d = near + 1.5  # first metre of ground in view
    j = lambda a, b: float(rng.uniform(a, b))  # noqa: E731
    gap = j(3.0, 6.0)  # the plaza between the two near lawns
    lawn1 = [(-gap / 2 - j(14, 22), d), (-gap / 2, d), (-gap / 2, d + j(10, 14)),
             (-gap / 2 - j(16, 24), d + j(10, 14))]
    lawn2 = [(gap / 2, d + j(0, 2)), (gap / 2 + j(14, 22), d + j(0, 2)),
             (gap / 2 + j(16, 24), d + j(10, 14)), (gap / 2, d + j(10, 14))]
    far = max(lawn1[2][1], lawn2[2][1]) + j(3, 5)
    lane = [(-60.0, far), (60.0, far), (60.0, far + j(4.5, 6.0)), (-60.0, far + 5.2)]
    back = far + 7.0
    yard = [(-j(20, 26), back), (-j(8, 10), back), (-j(8, 10), back + j(7, 9)),
            (-j(20, 26), back + 8.0)]
    lawn3 = [(-5.0, back), (j(4, 7), back), (j(4, 7), back + j(7, 9)), (-5.0, back + 8.0)]
    pod_h = j(3.5, 5.0)
    pod = [(j(9, 11), back + 1), (j(24, 30), back + 1), (j(24, 30), back + j(11, 14)),
           (j(9, 11), back + 12)]
    lay.plaza = lay.site_poly([(-gap / 2 + 0.6, d + 0.5), (gap / 2 - 0.6, d + 0.5),
                               (gap / 2 - 0.6, far - 1.0), (-gap / 2 + 0.6, far - 1.0)])
    lay.areas = [
        Area("ground", "", "paving", lay.site_poly([(-90, near - 5), (90, near - 5),
                                                    (90, 260), (-90, 260)])),
        Area("lawn-1", "green_space", "lawn", lay.site_poly(lawn1)),
        Area("lawn-2", "green_space", "lawn", lay.site_poly(lawn2)),
        Area("lawn-3", "green_space", "lawn", lay.site_poly(lawn3)),
        Area("fire-lane", "fire_lane", "asphalt", lay.site_poly(lane)),
        Area("yard", "no_build", "gravel", lay.site_poly(yard)),
        Area("roof", "rooftop", "roof", lay.site_poly(pod), pod_h),
    ]
    lay.podium = (lay.site_poly(pod), pod_h)
    centre = lay.site_poly(pod).mean(axis=0)
    pw = np.linalg.norm(lay.site_poly(pod)[1] - lay.site_poly(pod)[0])
    pdp = np.linalg.norm(lay.site_poly(pod)[3] - lay.site_poly(pod)[0])
    lay.solids.append(props.box(centre[0], centre[1], pw, pdp, pod_h, (0.55, 0.52, 0.48),
                                yaw=heading - math.pi / 2, top=(0.40, 0.38, 0.36)))
    ky = lay.site((yard[1][0] + yard[0][0]) / 2, back + 11.5)
    lay.solids.append(props.box(*ky, 3.0, 2.0, 2.2, (0.60, 0.62, 0.58), yaw=heading))
    for k in range(int(rng.integers(3, 6))):  # towers behind, some beside
        u = j(-70, 70)
        v = back + j(30, 70)
        lay.solids.append(props.box(*lay.site(u, v), j(14, 24), j(12, 18), j(35, 90),
                                    (0.62 + 0.05 * (k % 2), 0.60, 0.58), yaw=heading,
                                    look="windows"))
    side = float(rng.choice([-1, 1]))
    lay.solids.append(props.box(*lay.site(side * j(38, 46), d + j(10, 25)), j(14, 20),
                                j(14, 20), j(40, 70), (0.66, 0.63, 0.60), yaw=heading,
                                look="windows"))
    for _ in range(int(rng.integers(4, 8))):  # trees at lawn edges
        u = float(rng.choice([-1, 1])) * j(gap / 2 + 18, gap / 2 + 26)
        v = d + j(0, 25)
        x, y = lay.site(u, v)
        r = j(1.5, 3.0)
        lay.trees.append((np.array([x, y, r + j(1.5, 3.0)]), r))
        lay.solids.append(props.box(x, y, 0.3, 0.3, r + 1.5, (0.25, 0.18, 0.12)))
    for k in range(int(rng.integers(3, 6))):  # lamps along the plaza and the lane
        x, y = lay.site(float(rng.choice([-1, 1])) * (gap / 2 + 0.3), d + 4 + k * j(5, 8))
        lay.solids.append(props.box(x, y, 0.12, 0.12, 4.0, (0.2, 0.2, 0.22)))
        lay.lamps.append(np.array([x, y, 4.0]))
    return lay


def inside(poly: np.ndarray, pts: np.ndarray, margin: float = 0.0) -> bool:
    """All of ``pts`` at least ``margin`` metres inside the (site) polygon."""
    contour = poly.astype(np.float32).reshape(-1, 1, 2)
    return all(cv2.pointPolygonTest(contour, (float(x), float(y)), True) >= margin
               for x, y in pts)


def visible(lay: Layout, pts3: np.ndarray, margin_px: float = 8.0) -> bool:
    px, depth = lay.pinhole.project(pts3)
    return bool((depth > 1.0).all() and (px[:, 0] >= margin_px).all()
                and (px[:, 0] <= W - margin_px).all() and (px[:, 1] >= margin_px).all()
                and (px[:, 1] <= H - margin_px).all())
