"""Moving things of a synthetic clip: thrown objects (with ground truth) and distractors.

Thrown objects follow gravity with quadratic drag in 3D and are projected through the
camera, so their pixel acceleration varies with height exactly as a real camera sees it.
Birds fly straight at constant velocity (crossing, or gliding down at shallow angles);
leaves and paper sink at terminal speed with flutter. Each mover precomputes its image
positions per frame and draws itself with motion blur.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.vision.synth.scene import SceneParams

G = 9.81


@dataclass
class Mover:
    kind: str
    t: np.ndarray  # frame times at which it exists
    px: np.ndarray  # (n,2) image positions at those times (end of exposure)
    size_px: np.ndarray  # (n,) apparent size
    bgr: tuple[int, int, int]
    wing_phase: np.ndarray | None = None  # birds: flapping
    truth: dict = field(default_factory=dict)

    def draw(self, frame: np.ndarray, i_frame: int, frame_times: np.ndarray) -> None:
        t_now = frame_times[i_frame]
        idx = np.searchsorted(self.t, t_now - 1e-9)
        if idx >= len(self.t) or abs(self.t[idx] - t_now) > 1e-6:
            return
        x1, y1 = self.px[idx]
        # Motion blur: the shutter is open ~1/3 of the frame period, streak from there.
        if idx > 0:
            x0, y0 = self.px[idx] - (self.px[idx] - self.px[idx - 1]) * 0.35
        else:
            x0, y0 = x1, y1
        size = float(self.size_px[idx])
        h, w = frame.shape[:2]
        pad = int(size + 4)
        xa, xb = int(min(x0, x1)) - pad, int(max(x0, x1)) + pad + 1
        ya, yb = int(min(y0, y1)) - pad, int(max(y0, y1)) + pad + 1
        if xb <= 0 or yb <= 0 or xa >= w or ya >= h:
            return
        xa, ya, xb, yb = max(xa, 0), max(ya, 0), min(xb, w), min(yb, h)
        roi = frame[ya:yb, xa:xb]
        mask = np.zeros(roi.shape[:2], np.uint8)
        s = 16  # 4 fractional bits: sub-pixel drawing
        p0 = (int((x0 - xa) * s), int((y0 - ya) * s))
        p1 = (int((x1 - xa) * s), int((y1 - ya) * s))
        thick = max(1, int(round(size)))
        if self.wing_phase is not None:  # bird: body plus two wings flapping
            span = size * 1.6
            lift = span * 0.5 * math.sin(self.wing_phase[idx])
            for sign in (-1, 1):
                tip = (int((x1 - xa + sign * span) * s), int((y1 - ya - lift) * s))
                cv2.line(mask, p1, tip, 255, max(1, thick // 3), cv2.LINE_AA, 4)
            axes = (int(max(size * 0.5, 1.0) * s), int(max(size * 0.3, 0.8) * s))
            cv2.ellipse(mask, p1, axes, 0, 0, 360, 255, -1, cv2.LINE_AA, 4)
        elif thick <= 2 and p0 == p1:
            cv2.circle(mask, p1, int(size / 2 * s), 255, -1, cv2.LINE_AA, 4)
        else:
            cv2.line(mask, p0, p1, 255, thick, cv2.LINE_AA, 4)
        # A streak spreads the same light over a longer path: dimmer per pixel.
        streak = math.hypot(x1 - x0, y1 - y0)
        alpha = mask.astype(np.float32) * (min(1.0, (size + 1) / (size + 1 + streak)) / 255)
        colour = np.float32(self.bgr)
        roi[:] = (roi * (1 - alpha[..., None]) + colour * alpha[..., None]).astype(np.uint8)


def _frame_times(fps: float, t_a: float, t_b: float) -> np.ndarray:
    i0, i1 = math.ceil(t_a * fps - 1e-9), math.floor(t_b * fps + 1e-9)
    return np.arange(i0, i1 + 1) / fps


def _inside(p: SceneParams, px: np.ndarray, margin: float = 40) -> np.ndarray:
    return ((px[:, 0] > -margin) & (px[:, 0] < p.width + margin)
            & (px[:, 1] > -margin) & (px[:, 1] < p.height + margin))


def _integrate(pos: np.ndarray, vel: np.ndarray, g_eff: float, v_term: float,
               t_max: float, dt: float = 0.002) -> tuple[np.ndarray, np.ndarray]:
    """Fall with quadratic drag: dv/dt = −g_eff·ŷ − (g_eff/v_T²)|v|v, until the ground."""
    k = g_eff / v_term**2
    n = int(t_max / dt) + 1
    ts, ps = np.empty(n), np.empty((n, 3))
    p, v = pos.astype(float).copy(), vel.astype(float).copy()
    for i in range(n):  # thousands of steps per object, once per clip: not a hot path
        ts[i], ps[i] = i * dt, p
        if p[1] <= 0.0:
            return ts[: i + 1], ps[: i + 1]
        a = np.array([0.0, -g_eff, 0.0]) - k * np.linalg.norm(v) * v
        v = v + a * dt
        p = p + v * dt
    return ts, ps


def make_throw(p: SceneParams, rng: np.random.Generator, t0: float, floor: int,
               column: int, size_px: float | None = None,
               contrast: float | None = None) -> Mover:
    cw, fh = p.column_w_m, p.floor_h_m
    x = p.facade_x0_m + (column - 0.5) * cw + rng.uniform(-0.25, 0.25) * cw
    y = (floor - 1) * fh + rng.uniform(0.9, 1.6)
    z = p.distance_m - rng.uniform(0.3, 1.2)
    vel = np.array([rng.uniform(-1.5, 1.5), rng.uniform(-0.5, 1.5), -rng.uniform(0.0, 2.5)])
    heavy = rng.random() < 0.6
    g_eff = G if heavy else G - rng.uniform(2.0, 7.0)
    v_term = rng.uniform(25, 50) if heavy else rng.uniform(10, 22)
    ts, ps = _integrate(np.array([x, y, z]), vel, g_eff, v_term, t_max=10.0)
    times = _frame_times(p.fps, t0, t0 + ts[-1])
    world = np.stack([np.interp(times - t0, ts, ps[:, i]) for i in range(3)], axis=1)
    px = p.camera.project(world)
    size0 = rng.uniform(2.0, 14.0)
    size0 = size0 if size_px is None else size_px
    depth = p.camera.depth(world)
    size = size0 * depth[0] / depth
    wall = np.mean(p.wall_bgr)
    dark = rng.random() < (0.5 if not p.night else 0.25)
    contrast = rng.uniform(25, 110) if contrast is None else contrast
    level = wall - contrast if dark else wall + contrast
    level = float(np.clip(level, 5, 250))
    keep = _inside(p, px, margin=0)
    release_px = p.camera.project(np.array([[x, y, z]]))[0]
    ground = p.camera.project(ps[-1:])[0]
    ground_visible = 0 <= ground[0] < p.width and 0 <= ground[1] < p.height
    truth = {"t_start": round(t0, 3), "floor": floor, "column": column,
             "origin_px": [round(float(v), 1) for v in release_px],
             "t_impact": round(t0 + float(ts[-1]), 3),
             "impact_px": [round(float(v), 1) for v in ground] if ground_visible else None,
             "t_last_visible": round(float(times[keep][-1]), 3) if keep.any() else None,
             "size_px": round(float(size0), 2), "contrast": round(abs(level - wall), 1),
             "polarity": "dark" if level < wall else "bright",
             "mass": "heavy" if heavy else "light", "g_eff": round(g_eff, 2)}
    return Mover("throw", times, px, size, (level, level, level), truth=truth)


def make_bird(p: SceneParams, rng: np.random.Generator, t0: float,
              glide: bool | None = None) -> Mover:
    z = rng.uniform(8.0, p.distance_m - 3.0)
    lo, hi = p.camera.visible_height_range(z)
    y = rng.uniform(max(lo, 2.0) + 0.3 * (hi - lo), hi)
    half = z * math.tan(math.radians(p.vfov_deg) / 2) * p.width / p.height
    direction = 1 if rng.random() < 0.5 else -1
    x = -direction * half * 1.1
    speed = rng.uniform(6.0, 14.0)
    glide = bool(rng.random() < 0.5) if glide is None else glide
    angle = math.radians(rng.uniform(10, 35) if glide else rng.uniform(-12, 12))
    vel = speed * np.array([direction * math.cos(angle), -math.sin(angle), rng.uniform(-0.2, 0.2)])
    times = _frame_times(p.fps, t0, t0 + 2.6 * half / speed)
    world = np.array([x, y, z]) + (times - t0)[:, None] * vel
    px = p.camera.project(world)
    keep = _inside(p, px)
    span_m = rng.uniform(0.3, 0.8)
    size = span_m * p.camera.f_px / np.maximum(p.camera.depth(world), 1.0) / 1.6
    phase = (times - t0) * 2 * math.pi * rng.uniform(3, 6)
    if glide:
        phase = np.full_like(phase, 0.3)  # wings held still
    shade = int(rng.integers(20, 70)) if not p.night else int(rng.integers(60, 110))
    return Mover("bird_glide" if glide else "bird", times[keep], px[keep],
                 np.clip(size[keep], 2.0, 20.0), (shade, shade, shade), phase[keep])


def make_flutter(p: SceneParams, rng: np.random.Generator, t0: float, kind: str) -> Mover:
    """A leaf or a sheet of paper: terminal-speed sinking with side-to-side flutter."""
    z = p.distance_m - rng.uniform(1.0, 10.0)
    lo, hi = p.camera.visible_height_range(z)
    y0 = rng.uniform(max(lo, 3.0) + 0.2 * (hi - lo), hi)
    x0 = rng.uniform(-0.4, 0.4) * p.facade_w_m + p.facade_x0_m + p.facade_w_m / 2
    v_sink = rng.uniform(0.8, 2.0) if kind == "leaf" else rng.uniform(1.0, 2.8)
    amp, freq = rng.uniform(0.3, 1.2), rng.uniform(0.5, 2.0)
    drift = rng.uniform(-0.8, 0.8)
    dur = min(12.0, (y0 - max(lo, 0.0)) / v_sink)
    times = _frame_times(p.fps, t0, t0 + dur)
    tau = times - t0
    ph = rng.uniform(0, 2 * math.pi)
    w = 2 * math.pi * freq
    # Sinking speed swings with the flutter (a leaf dives at the bottom of each swing).
    y = y0 - v_sink * tau - 0.35 * v_sink / (2 * w) * np.sin(2 * w * tau + ph)
    x = x0 + drift * tau + amp * np.sin(w * tau + ph)
    world = np.stack([x, y, np.full_like(x, z)], axis=1)
    px = p.camera.project(world)
    base = rng.uniform(3, 8) if kind == "leaf" else rng.uniform(5, 14)
    size = base * (0.55 + 0.45 * np.abs(np.cos(w * tau + ph)))  # turning edge-on
    if kind == "leaf":
        bgr = (int(rng.integers(20, 60)), int(rng.integers(60, 110)), int(rng.integers(40, 90)))
    else:
        v = int(rng.integers(200, 250)) if not p.night else int(rng.integers(90, 140))
        bgr = (v, v, v)
    keep = _inside(p, px, margin=0)
    return Mover(kind, times[keep], px[keep], size[keep], bgr)
