"""3D things in the synthetic compound, as flat faces: boxes (sheds, cars, carts, people,
roof additions, towers), pitched roofs, fences of posts and mesh, scaffolding of poles.

A face is a planar polygon in site metres with an albedo (linear RGB 0..1) and a surface
look ("plain", "ribbed" corrugated steel, "mesh" wire fence, "windows" a tower's grid).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Face:
    pts: np.ndarray  # (k, 3) site metres, counter-clockwise seen from outside
    albedo: tuple[float, float, float]
    look: str = "plain"

    @property
    def normal(self) -> np.ndarray:
        n = np.cross(self.pts[1] - self.pts[0], self.pts[2] - self.pts[0])
        return n / (np.linalg.norm(n) + 1e-12)

    @property
    def centre(self) -> np.ndarray:
        return self.pts.mean(axis=0)


@dataclass(frozen=True)
class Mesh:
    faces: tuple[Face, ...]
    base_z: float = 0.0  # the plane its shadow falls on

    def points(self) -> np.ndarray:
        return np.concatenate([f.pts for f in self.faces])


def _footprint(cx: float, cy: float, w: float, d: float, yaw: float) -> np.ndarray:
    """Corners (4, 2) of a w × d rectangle centred at (cx, cy), turned by yaw (radians)."""
    c, s = math.cos(yaw), math.sin(yaw)
    local = np.array([[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]])
    return local @ np.array([[c, s], [-s, c]]) + np.array([cx, cy])


def box(cx: float, cy: float, w: float, d: float, h: float, albedo, *, yaw: float = 0.0,
        z0: float = 0.0, look: str = "plain", top=None, top_look: str = "plain") -> Mesh:
    """A box standing on z0; ``top`` albedo for the roof (default: the walls')."""
    fp = _footprint(cx, cy, w, d, yaw)
    lo = np.column_stack([fp, np.full(4, z0)])
    hi = np.column_stack([fp, np.full(4, z0 + h)])
    faces = [Face(np.array([lo[i], lo[(i + 1) % 4], hi[(i + 1) % 4], hi[i]]), albedo, look)
             for i in range(4)]
    faces.append(Face(hi.copy(), tuple(top or albedo), top_look))
    return Mesh(tuple(faces), z0)


def shed(cx: float, cy: float, w: float, d: float, h: float, wall, roof, *,
         yaw: float = 0.0, z0: float = 0.0, progress: float = 1.0) -> Mesh:
    """A steel shed: ribbed walls and a mono-pitch roof; ``progress`` < 1 shows it being
    put up (the frame first, walls rising, the roof last)."""
    if progress < 0.35:  # corner posts only
        posts = [box(x, y, 0.12, 0.12, h * progress / 0.35, (0.5, 0.5, 0.52), z0=z0)
                 for x, y in _footprint(cx, cy, w - 0.1, d - 0.1, yaw)]
        return Mesh(tuple(f for p in posts for f in p.faces), z0)
    wall_h = h * min(1.0, (progress - 0.35) / 0.45 + 0.2)
    body = box(cx, cy, w, d, wall_h, wall, yaw=yaw, z0=z0, look="ribbed")
    if progress < 0.8:
        return Mesh(body.faces[:4], z0)
    fp = _footprint(cx, cy, w + 0.3, d + 0.3, yaw)
    rise = 0.35
    roof_pts = np.column_stack([fp, z0 + wall_h + np.array([0.0, 0.0, rise, rise])])
    return Mesh(body.faces[:4] + (Face(roof_pts, roof, "ribbed"),), z0)


def fence(points: list[tuple[float, float]], h: float, colour, *, solid: bool = False,
          progress: float = 1.0) -> Mesh:
    """Posts every ~2 m along a polyline with mesh (or solid) panels between them."""
    faces: list[Face] = []
    path = np.asarray(points, float)
    seg_len = np.hypot(*np.diff(path, axis=0).T)
    total = seg_len.sum() * progress
    done = 0.0
    for (a, b), length in zip(zip(path[:-1], path[1:], strict=True), seg_len, strict=True):
        if done >= total:
            break
        use = min(length, total - done)
        end = a + (b - a) * use / length
        n = max(1, math.ceil(use / 2.0))
        for k in range(n + 1):
            p = a + (end - a) * k / n
            faces += box(p[0], p[1], 0.1, 0.1, h + 0.1, colour).faces
        quad = np.array([[*a, 0.0], [*end, 0.0], [*end, h], [*a, h]])
        faces.append(Face(quad, colour, "plain" if solid else "mesh"))
        faces.append(Face(quad[::-1].copy(), colour, "plain" if solid else "mesh"))
        done += use
    return Mesh(tuple(faces))


def scaffold(cx: float, cy: float, w: float, d: float, h: float, *, yaw: float = 0.0,
             progress: float = 1.0) -> Mesh:
    """Poles on a 1.5 m grid with a plank deck every 2 m, up to ``progress`` of ``h``."""
    faces: list[Face] = []
    top = max(0.5, h * progress)
    fp = _footprint(cx, cy, w, d, yaw)
    steel, plank = (0.55, 0.55, 0.58), (0.62, 0.45, 0.25)
    u, v = fp[1] - fp[0], fp[3] - fp[0]
    nu, nv = max(1, round(w / 1.5)), max(1, round(d / 1.5))
    for i in range(nu + 1):
        for j in range(nv + 1):
            p = fp[0] + u * i / nu + v * j / nv
            faces += box(p[0], p[1], 0.06, 0.06, top, steel).faces
    z = 2.0
    while z <= top:
        faces.append(Face(np.column_stack([fp, np.full(4, z)]), plank))
        z += 2.0
    return Mesh(tuple(faces))


def car(cx: float, cy: float, yaw: float, colour) -> Mesh:
    body = box(cx, cy, 4.5, 1.8, 0.8, colour, yaw=yaw, z0=0.25)
    cabin = box(cx - 0.2 * math.cos(yaw), cy - 0.2 * math.sin(yaw), 2.4, 1.6, 0.6,
                (0.08, 0.09, 0.11), yaw=yaw, z0=1.05, top=colour)
    return Mesh(body.faces + cabin.faces)


def cart(cx: float, cy: float, yaw: float, colour) -> Mesh:
    return box(cx, cy, 1.6, 0.9, 1.1, colour, yaw=yaw, z0=0.15)


def person(cx: float, cy: float, colour) -> Mesh:
    body = box(cx, cy, 0.45, 0.3, 1.45, colour)
    head = box(cx, cy, 0.22, 0.22, 0.25, (0.45, 0.33, 0.25), z0=1.45, top=(0.05, 0.05, 0.05))
    return Mesh(body.faces + head.faces)
