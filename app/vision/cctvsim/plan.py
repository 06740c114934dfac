"""Where things are in a CCTV clip: the calibrated part of the facade (what an installer
would click), the throws (with bursts and short drops from the lowest floors) and the
distractors, all drawn from one seed."""

from __future__ import annotations

import math

import numpy as np

from app.vision.cctvsim.actors import (
    Laundry,
    Moth,
    Path3D,
    WorldActor,
    bird_pass,
    bird_takeoff,
    fall_path,
)
from app.vision.cctvsim.camera import CctvCamera
from app.vision.cctvsim.moth_depth import Optics, sample_depth
from app.vision.cctvsim.tower import Tower


def calibrated_rect(cam: CctvCamera, t: Tower) -> tuple[int, int, int, int] | None:
    """(lowest floor, highest floor, first bay, last bay) of the largest block of whole
    storeys × bays whose corners are all in the frame, or None."""
    ks, bs = np.meshgrid(np.arange(t.floors + 1), np.arange(t.bays + 1), indexing="ij")
    pts = np.stack([bs.ravel() * t.bay_m, ks.ravel() * t.storey_m,
                    np.full(ks.size, cam.distance_m)], 1)
    px = cam.project(pts).reshape(t.floors + 1, t.bays + 1, 2)
    m = 4
    inside = (np.isfinite(px[..., 0]) & (px[..., 0] >= m) & (px[..., 0] < cam.width - m)
              & (px[..., 1] >= m) & (px[..., 1] < cam.height - m)).astype(int)
    cs = np.zeros((t.floors + 2, t.bays + 2), int)
    cs[1:, 1:] = inside.cumsum(0).cumsum(1)
    best, best_area = None, 0
    for k0 in range(1, t.floors):  # floor 1 (ground) is hidden behind trees and fences
        for k1 in range(k0 + 1, t.floors + 1):
            for b0 in range(t.bays):
                for b1 in range(t.bays, b0, -1):
                    area = (k1 - k0) * (b1 - b0)
                    if area <= best_area:
                        break
                    n = cs[k1 + 1, b1 + 1] - cs[k0, b1 + 1] - cs[k1 + 1, b0] + cs[k0, b0]
                    if n == (k1 - k0 + 1) * (b1 - b0 + 1):
                        best, best_area = (k0 + 1, k1, b0 + 1, b1), area
                        break
    return best


def facade_file(cam: CctvCamera, t: Tower, rect: tuple[int, int, int, int]) -> dict:
    kl, kh, bl, bh = rect
    x0, x1 = (bl - 1) * t.bay_m, bh * t.bay_m
    y0, y1 = (kl - 1) * t.storey_m, kh * t.storey_m
    d = cam.distance_m
    px = cam.project(np.array([[x0, y1, d], [x1, y1, d], [x1, y0, d], [x0, y0, d]]))
    return {"corners_px": [[round(float(x), 2), round(float(y), 2)] for x, y in px],
            "floors": kh - kl + 1, "columns": bh - bl + 1, "lowest_floor": kl}


def _visible_span(cam: CctvCamera, path: Path3D, t0: float) -> tuple[float | None, list]:
    ts = np.arange(t0, path.t[-1] - 1e-6, 0.02)
    px = cam.project(np.array([path.at(t) for t in ts]))
    ok = (np.isfinite(px[:, 0]) & (px[:, 0] >= 0) & (px[:, 0] < cam.width)
          & (px[:, 1] >= 0) & (px[:, 1] < cam.height))
    if not ok[0]:
        return None, []
    last = int(np.argmin(ok)) - 1 if not ok.all() else len(ok) - 1
    return float(ts[last]), [float(v) for v in px[last]]


def make_throw(cam: CctvCamera, t: Tower, rect, rng: np.random.Generator, t0: float,
               night: bool, near: tuple[int, int] | None = None,
               low_floor: bool | None = None, floor: int | None = None) -> WorldActor | None:
    kl, kh, bl, bh = rect
    for _ in range(40):
        if floor is not None:
            k, b = floor, int(rng.integers(bl, bh + 1)) if near is None else near[1]
        elif near is not None and rng.random() < 0.6:
            k = int(np.clip(near[0] + rng.integers(-1, 2), max(kl, 2), kh))
            b = int(np.clip(near[1] + rng.integers(-1, 2), bl, bh))
        else:
            low = rng.random() < 0.45 if low_floor is None else low_floor
            lo, hi = max(kl, 2), kh
            if low and lo <= 6:
                hi = min(hi, 6)
            k, b = int(rng.integers(lo, hi + 1)), int(rng.integers(bl, bh + 1))
        wx, _ = t.window_centre(k, b)
        p0 = np.array([wx + rng.uniform(-0.3, 0.3) * t.window_w * t.bay_m,
                       (k - 1) * t.storey_m + rng.uniform(0.9, 1.5),
                       cam.distance_m - rng.uniform(0.2, 1.2)])
        v0 = np.array([np.clip(rng.normal(0, 0.7), -1.5, 1.5), rng.uniform(-0.5, 2.0),
                       -rng.uniform(0.0, 2.5)])
        light = rng.random() < 0.35
        v_term = rng.uniform(6.0, 15.0) if light else rng.uniform(20.0, 50.0)
        path = fall_path(p0, v0, t0, v_term)
        t_last, last_px = _visible_span(cam, path, t0)
        if t_last is None or t_last - t0 < 0.6:
            continue
        # The benchmark's population is what a camera can see: 2–16 px at the release
        # (2–4 px for 40 %), whatever size in metres that takes at this distance.
        u = rng.random()
        size_px = rng.uniform(2.0, 4.0) if u < 0.4 else (
            rng.uniform(4.0, 8.0) if u < 0.75 else rng.uniform(8.0, 16.0))
        size = size_px * float(cam.depth(p0[None])[0]) / cam.f_px
        if night:
            value = np.array([rng.uniform(0.3, 1.0)], np.float32)
        else:
            v = rng.uniform(0.03, 0.15) if rng.random() < 0.5 else rng.uniform(0.7, 1.2)
            value = np.clip(np.array([v, v, v]) * rng.uniform(0.7, 1.3, 3), 0, 1.4).astype(
                np.float32)
        origin = cam.project(p0[None])[0]
        depth = float(cam.depth(p0[None])[0])
        actor = WorldActor("throw", path, float(size), value,
                           aspect=float(rng.uniform(1.0, 3.0)),
                           spin_hz=float(rng.uniform(0.0, 4.0)))
        actor.truth = {
            "t_start": round(t0, 3), "t_impact": round(float(path.t[-1]), 3),
            "t_last_visible": round(t_last, 3),
            "origin_px": [round(float(origin[0]), 1), round(float(origin[1]), 1)],
            "impact_px": [round(v, 1) for v in last_px], "floor": k, "column": b - bl + 1,
            "size_px": round(size * cam.f_px / depth, 2), "mass": "light" if light else "heavy",
            "release_m": [round(float(v), 2) for v in p0]}
        return actor
    return None


def perched_bird(cam: CctvCamera, t: Tower, rect, rng: np.random.Generator,
                 duration: float, night: bool) -> WorldActor:
    kl, kh, bl, bh = rect
    k, b = int(rng.integers(kl, kh + 1)), int(rng.integers(bl, bh + 1))
    sx, sy = t.sill(k, b)
    sill = np.array([sx + rng.uniform(-0.5, 0.5), sy + 0.12, cam.distance_m - 0.15])
    land = rng.random() < 0.4
    t_ev = float(rng.uniform(0.5, max(1.0, duration - 1.0)))
    fly = bird_takeoff(sill, t_ev, rng, land=land)
    if land:  # arrives at t_ev + 4 s and then sits
        rest_t = np.arange(fly.t[-1] + 0.05, max(duration + 1.0, fly.t[-1] + 0.1), 0.05)
        path = Path3D(np.concatenate([fly.t, rest_t]),
                      np.concatenate([fly.xyz, np.repeat(fly.xyz[-1:], len(rest_t), 0)]))
    else:
        rest_t = np.arange(-1.0, t_ev, 0.05)
        path = Path3D(np.concatenate([rest_t, fly.t]),
                      np.concatenate([np.repeat(sill[None], len(rest_t), 0), fly.xyz]))
    # resample to a uniform step (Path3D interpolates on a uniform grid)
    tt = np.arange(path.t[0], path.t[-1], 0.005)
    xyz = np.stack([np.interp(tt, path.t, path.xyz[:, i]) for i in range(3)], 1)
    grey = 0.35 if night else 0.25
    return WorldActor("sill_bird", Path3D(tt, xyz), float(rng.uniform(0.2, 0.32)),
                      np.full(1 if night else 3, grey, np.float32), aspect=1.4, flap_hz=6.0)


def passing_bird(cam: CctvCamera, t: Tower, rect, rng: np.random.Generator, t0: float,
                 night: bool) -> WorldActor:
    kl, kh = rect[0], rect[1]
    y = rng.uniform((kl - 1) * t.storey_m, kh * t.storey_m + 4.0)
    path = bird_pass(cam, t.width_m, y, t0, rng)
    v = rng.uniform(0.1, 0.3) if rng.random() < 0.7 else rng.uniform(0.7, 0.95)
    return WorldActor("bird", path, float(rng.uniform(0.25, 0.6)),
                      np.full(1 if night else 3, v, np.float32), aspect=1.8,
                      flap_hz=float(rng.uniform(3.0, 8.0)))


def laundry(cam: CctvCamera, t: Tower, rect, rng: np.random.Generator,
            night: bool) -> Laundry:
    kl, kh, bl, bh = rect
    k, b = int(rng.integers(kl, kh + 1)), int(rng.integers(bl, bh + 1))
    x, _ = t.window_centre(k, b)
    rod = np.array([x + rng.uniform(-1, 1), (k - 1) * t.storey_m + 2.3,
                    cam.distance_m - rng.uniform(0.6, 1.2)])
    val = np.full(1, rng.uniform(0.4, 0.9)) if night else rng.uniform(0.1, 1.0, 3)
    return Laundry(rod, float(rng.uniform(0.3, 0.8)), float(rng.uniform(0.4, 1.0)),
                   val.astype(np.float32), float(rng.uniform(0, 6.3)),
                   float(rng.uniform(0.3, 1.0)))


def moth(rng: np.random.Generator, w: int, h: int, t0: float,
         depth_rng: np.random.Generator | None = None, optics: Optics | None = None) -> Moth:
    """A moth at the lens from ``t0``: its flight in the image from ``rng`` (the clip's),
    its distance from the lens (``moth_depth``) from ``depth_rng``, the moths' own
    generator, so that what the clip draws after its moths does not depend on their depth.
    Without ``depth_rng``: the fixed-size moth (its ``size`` and ``bright`` are used only
    then)."""
    scale = h / 720
    m = Moth(t0, t0 + float(rng.uniform(1.0, 6.0)),
             np.array([rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h]),
             rng.normal(0, 60, 2) * scale, float(rng.uniform(10, 120) * scale),
             float(rng.choice([-1, 1]) * rng.uniform(3.0, 10.0)),
             float(rng.uniform(3, 30) * scale), float(rng.uniform(0.8, 3.0)),
             int(rng.integers(0, 1000)))
    if depth_rng is not None and optics is not None:
        m.depth = sample_depth(depth_rng, optics)
    return m


def per_ten_seconds(rng: np.random.Generator, duration: float, lo: int, hi: int) -> int:
    return int(rng.integers(lo, hi + 1)) * max(1, int(math.ceil(duration / 10.0)))
