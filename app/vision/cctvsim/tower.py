"""The tower and what is static on it: a reflectance texture of the facade (wall, windows,
slabs, balconies, air-conditioner units, sills), and the scene's radiance as the camera sees
it by day (colour, sun or shade, bright sky) or by night (IR illuminator, greyscale).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.vision.cctvsim.camera import CctvCamera


@dataclass
class Tower:
    floors: int
    storey_m: float
    bays: int
    bay_m: float
    window_w: float  # fraction of the bay
    window_h_m: float
    sill_m: float  # sill height above the storey's floor
    balconies: np.ndarray  # (floors, bays) bool
    ac_units: list[tuple[int, int, float]] = field(default_factory=list)  # (floor, bay, side)
    lit: np.ndarray | None = None  # (floors, bays) lit at night
    wall_rgb: tuple[float, float, float] = (0.6, 0.6, 0.6)

    @property
    def width_m(self) -> float:
        return self.bays * self.bay_m

    @property
    def height_m(self) -> float:
        return self.floors * self.storey_m

    def window_centre(self, floor: int, bay: int) -> tuple[float, float]:
        """(X, Y) of the middle of a window's opening; floor 1 is the ground floor."""
        return ((bay - 0.5) * self.bay_m,
                (floor - 1) * self.storey_m + self.sill_m + self.window_h_m / 2)

    def sill(self, floor: int, bay: int) -> tuple[float, float]:
        return (bay - 0.5) * self.bay_m, (floor - 1) * self.storey_m + self.sill_m


def sample_tower(rng: np.random.Generator, night: bool) -> Tower:
    floors = int(rng.integers(12, 35))
    bays = int(rng.integers(5, 15))
    t = Tower(floors=floors, storey_m=float(rng.uniform(2.8, 3.2)), bays=bays,
              bay_m=float(rng.uniform(3.0, 4.5)), window_w=float(rng.uniform(0.4, 0.7)),
              window_h_m=float(rng.uniform(1.3, 1.9)), sill_m=float(rng.uniform(0.8, 1.0)),
              balconies=rng.random((floors, bays)) < rng.uniform(0.0, 0.6))
    t.ac_units = [(int(k), int(c), float(rng.choice([-1.0, 1.0])))
                  for k, c in zip(rng.integers(2, floors + 1, floors * bays // 4),
                                  rng.integers(1, bays + 1, floors * bays // 4), strict=True)]
    t.lit = rng.random((floors, bays)) < (rng.uniform(0.1, 0.5) if night else 0.0)
    base = rng.uniform(0.35, 0.8)
    tint = rng.uniform(-0.08, 0.08, 3)
    t.wall_rgb = tuple(float(np.clip(base + v, 0.1, 0.9)) for v in tint)
    return t


def facade_texture(t: Tower, rng: np.random.Generator, ppm: float,
                   night: bool) -> tuple[np.ndarray, np.ndarray]:
    """(reflectance texture (h, w, c) float32, emission (h, w) float32 for lit windows).
    One channel at night (IR), three (BGR) by day. Row 0 is the top of the tower."""
    w, h = int(math.ceil(t.width_m * ppm)), int(math.ceil(t.height_m * ppm))
    c = 1 if night else 3
    wall = np.array([0.7] if night else t.wall_rgb[::-1], np.float32)
    tex = np.empty((h, w, c), np.float32)
    tex[:] = wall
    # Material: blotchy weathering and fine tile grain.
    blot = cv2.resize(rng.normal(0, 1, (max(2, h // 40), max(2, w // 40))).astype(np.float32),
                      (w, h), interpolation=cv2.INTER_CUBIC)
    grain = rng.normal(0, 1, (h, w)).astype(np.float32)
    tex *= (1 + 0.06 * blot + 0.03 * grain)[..., None]
    emit = np.zeros((h, w), np.float32)

    def rect(x0: float, y0: float, x1: float, y1: float) -> tuple[slice, slice]:
        """Texture slices of a rectangle given in metres (y up)."""
        return (slice(max(0, int((t.height_m - y1) * ppm)), max(0, int((t.height_m - y0) * ppm))),
                slice(max(0, int(x0 * ppm)), max(0, int(x1 * ppm))))

    glass = np.array([0.06] if night else [0.32, 0.26, 0.2], np.float32)
    frame_c = np.array([0.8] if night else [0.85, 0.85, 0.85], np.float32)
    for k in range(1, t.floors + 1):
        y_floor = (k - 1) * t.storey_m
        # slab edge band between storeys
        tex[rect(0, y_floor - 0.12, t.width_m, y_floor + 0.12)] *= 0.8
        for b in range(1, t.bays + 1):
            cx = (b - 0.5) * t.bay_m
            half = t.window_w * t.bay_m / 2
            y0, y1 = y_floor + t.sill_m, y_floor + t.sill_m + t.window_h_m
            tex[rect(cx - half - 0.06, y0 - 0.06, cx + half + 0.06, y1 + 0.06)] = frame_c
            sl = rect(cx - half, y0, cx + half, y1)
            shade = 0.7 + 0.6 * rng.random()
            tex[sl] = glass * shade
            if not night:  # sky reflected in the upper half of the pane
                rows = tex[sl].shape[0]
                if rows:
                    ramp = np.linspace(1.6, 0.9, rows, dtype=np.float32)[:, None, None]
                    tex[sl] *= ramp
            tex[rect(cx - 0.03, y0, cx + 0.03, y1)] = frame_c * 0.9  # mullion
            tex[rect(cx - half - 0.1, y0 - 0.12, cx + half + 0.1, y0 - 0.02)] = frame_c  # sill
            if t.lit is not None and t.lit[k - 1, b - 1]:
                emit[sl] = float(rng.uniform(0.4, 1.0))
            if t.balconies[k - 1, b - 1]:  # railing: a light band with balusters
                ry0, ry1 = y_floor + 0.05, y_floor + 1.05
                rs = rect(cx - t.bay_m * 0.45, ry0, cx + t.bay_m * 0.45, ry1)
                tex[rs] = tex[rs] * 0.5 + frame_c * 0.4
                xs = np.arange(tex[rs].shape[1])
                tex[rs][:, xs % max(2, int(0.12 * ppm)) == 0] *= 0.55
    for k, b, side in t.ac_units:
        cx = (b - 0.5) * t.bay_m + side * (t.window_w * t.bay_m / 2 + 0.55)
        y0 = (k - 1) * t.storey_m + 0.3
        box = rect(cx - 0.4, y0, cx + 0.4, y0 + 0.6)
        tex[box] = np.array([0.75] if night else [0.8, 0.82, 0.82], np.float32)
        fan = rect(cx - 0.15, y0 + 0.1, cx + 0.25, y0 + 0.5)
        tex[fan] *= 0.55
    return np.clip(tex, 0, 1.5), emit


def ir_lamp(cos_axis, dist, near: float, min_dist: float = 1.0):
    """Irradiance of the camera's IR illuminator at ``dist`` m, ``cos_axis`` off the optical
    axis: a beam of ~35° half-width, its power set so the nearest facade point in view
    (``near`` m) gets 0.8 on the axis, falling off with the square of the distance."""
    beam = np.exp(-((np.arccos(np.clip(cos_axis, -1, 1)) / math.radians(35.0)) ** 2))
    power = 0.8 * near * near
    return power / np.maximum(dist, min_dist) ** 2 * beam


def render_static(cam: CctvCamera, t: Tower, rng: np.random.Generator,
                  night: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(radiance image (h, w, c) float32 before exposure, facade distance (h, w), mask of
    facade pixels). Day: sunlit or shaded facade under a bright sky. Night: the camera's IR
    illuminator, falling off with the square of the distance and away from the axis."""
    rays = cam.rays().astype(np.float32)
    fx, fy, dist = cam.hit_facade(rays)
    on = np.isfinite(dist) & (fx >= 0) & (fx <= t.width_m) & (fy >= 0) & (fy <= t.height_m)
    ppm = float(min(40.0, 6000.0 / max(t.width_m, t.height_m)))
    tex, emit = facade_texture(t, rng, ppm, night)
    # Two levels of detail: the far top of a tall facade is minified many times.
    tex_lo = cv2.resize(cv2.GaussianBlur(tex, (0, 0), 2.0), None, fx=0.25, fy=0.25,
                        interpolation=cv2.INTER_AREA)
    if tex_lo.ndim == 2:
        tex_lo = tex_lo[..., None]
    mx = np.where(on, fx * ppm, -1).astype(np.float32)
    my = np.where(on, (t.height_m - fy) * ppm, -1).astype(np.float32)
    hi = cv2.remap(tex, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    lo = cv2.remap(tex_lo, mx * 0.25, my * 0.25, cv2.INTER_LINEAR,
                   borderMode=cv2.BORDER_REPLICATE)
    hi = hi.reshape(*on.shape, -1)
    lo = lo.reshape(*on.shape, -1)
    footprint = np.where(on, dist / cam.f_px * ppm, 0)  # texels per pixel
    wlo = np.clip((footprint - 1.0) / 3.0, 0, 1)[..., None].astype(np.float32)
    refl = hi * (1 - wlo) + lo * wlo
    em = cv2.remap(emit, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    elev = rays[..., 1] / np.linalg.norm(rays, axis=-1)
    c = refl.shape[-1]
    img = np.empty(on.shape + (c,), np.float32)
    if night:
        r, u, f = cam.axes()
        cos_axis = (rays @ f.astype(np.float32)) / np.linalg.norm(rays, axis=-1)
        near = float(np.nanmin(np.where(on, dist, np.nan))) if on.any() else 10.0
        lum = ir_lamp(cos_axis, dist, near)
        img[:] = 0.012  # night sky: city glow, no IR return
        img[on] = (refl[on] * lum[on][:, None]) + em[on][:, None]
    else:
        sun = rng.random() < 0.5
        light = float(rng.uniform(0.9, 1.2) if sun else rng.uniform(0.45, 0.7))
        sky = np.stack([1.35 - 0.3 * elev, 1.15 - 0.25 * elev, 1.0 - 0.2 * elev], -1)
        clouds = cv2.resize(rng.normal(0, 1, (8, 12)).astype(np.float32),
                            (on.shape[1], on.shape[0]), interpolation=cv2.INTER_CUBIC)
        sky = sky * (1 + 0.06 * clouds[..., None])
        img[:] = sky.astype(np.float32)
        img[on] = refl[on] * light
    ground = (~on) & (elev < 0)
    if ground.any():
        img[ground] = 0.25 if not night else 0.05
    return img, np.where(on, dist, np.inf).astype(np.float32), on
