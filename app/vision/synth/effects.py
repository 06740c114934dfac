"""Whole-frame and region effects of a synthetic clip, each deterministic under a seed.

Lighting steps and cloud shadows (gain), windows switching, curtains swaying, trees
swaying, rain streaks, camera shake and sensor noise: the things that make a naive
frame-difference detector fire.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from app.vision.synth.scene import SceneParams


class Lighting:
    """Global gain steps (sun in/out) plus a soft cloud shadow drifting across."""

    def __init__(self, p: SceneParams, rng: np.random.Generator, duration: float,
                 steps: bool, cloud: bool) -> None:
        self.steps: list[tuple[float, float, float]] = []  # (t, ratio, ramp_s)
        if steps:
            for _ in range(int(rng.integers(1, 3))):
                r = rng.uniform(0.6, 0.85)
                self.steps.append((rng.uniform(0.5, duration), r if rng.random() < 0.5 else 1 / r,
                                   rng.uniform(0.0, 0.16)))
        self.cloud = None
        if cloud:
            w, h = p.width, p.height
            self.cloud = (rng.uniform(-0.3, 1.3) * w, rng.uniform(0.2, 0.8) * h,
                          rng.uniform(-80, 80), rng.uniform(-20, 20),
                          rng.uniform(0.25, 0.5) * w, rng.uniform(0.72, 0.88))
        self.shape = (p.height, p.width)

    def gain(self, t: float) -> float:
        g = 1.0
        for ts, ratio, ramp in self.steps:
            if t >= ts + ramp:
                g *= ratio
            elif t > ts:
                g *= 1 + (ratio - 1) * (t - ts) / ramp
        return g

    def apply(self, frame: np.ndarray, t: float) -> np.ndarray:
        g = self.gain(t)
        if self.cloud is None:
            return frame if abs(g - 1) < 1e-3 else cv2.convertScaleAbs(frame, alpha=g)
        h, w = self.shape
        cx, cy, vx, vy, radius, depth = self.cloud
        small = (w // 8, h // 8)
        yy, xx = np.mgrid[0:small[1], 0:small[0]].astype(np.float32) * 8
        d2 = ((xx - cx - vx * t) ** 2 + (yy - cy - vy * t) ** 2) / radius**2
        shade = g * (1 - (1 - depth) * np.exp(-d2 * 2.0))
        shade = cv2.resize(shade, (w, h), interpolation=cv2.INTER_LINEAR)
        return (frame * shade[..., None]).clip(0, 255).astype(np.uint8)


class Windows:
    """Windows switching on/off (night) or blinds changing (day), and curtains swaying."""

    def __init__(self, p: SceneParams, rng: np.random.Generator, duration: float,
                 toggles: bool, curtains: bool) -> None:
        k_lo, k_hi = p.visible_floor_range()
        self.toggles = []
        for _ in range(int(rng.integers(2, 6)) if toggles else 0):
            k, c = int(rng.integers(k_lo, k_hi + 1)), int(rng.integers(1, p.columns + 1))
            if p.night:
                v = int(rng.integers(150, 230)) if not p.lit[k - 1, c - 1] else 18
                colour = (int(v * 0.75), int(v * 0.9), v)
            else:
                v = int(rng.integers(40, 140))
                colour = (v + 10, v + 4, v)
            quad = np.round(p.window_quad(k, c, inset=0.05) * 16).astype(np.int32)
            self.toggles.append((rng.uniform(0.3, duration), quad, colour))
        self.curtains = []
        for _ in range(int(rng.integers(1, 4)) if curtains else 0):
            k, c = int(rng.integers(k_lo, k_hi + 1)), int(rng.integers(1, p.columns + 1))
            quad = p.window_quad(k, c, inset=0.08)
            x0, y0 = np.floor(quad.min(axis=0)).astype(int)
            x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
            x0, y0 = max(x0, 0), max(y0, 0)
            x1, y1 = min(x1, p.width), min(y1, p.height)
            if x1 - x0 < 3 or y1 - y0 < 3:
                continue
            mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
            cv2.fillConvexPoly(mask, np.round((quad - [x0, y0]) * 16).astype(np.int32), 1,
                               cv2.LINE_8, 4)
            base = 200 if not p.night else (150 if p.lit[k - 1, c - 1] else 40)
            self.curtains.append((x0, y0, x1, y1, mask.astype(bool), base,
                                  rng.uniform(0.3, 1.2), rng.uniform(4, 10)))

    def apply(self, frame: np.ndarray, t: float) -> None:
        for t_on, quad, colour in self.toggles:
            if t >= t_on:
                cv2.fillConvexPoly(frame, quad, colour, cv2.LINE_AA, 4)
        for x0, y0, x1, y1, mask, base, freq, period in self.curtains:
            xs = np.arange(x1 - x0, dtype=np.float32)
            shift = 3.0 * math.sin(2 * math.pi * freq * t) + 1.5 * math.sin(5.3 * freq * t)
            stripes = base * (0.85 + 0.15 * np.sin(2 * math.pi * (xs - shift) / period))
            roi = frame[y0:y1, x0:x1]
            roi[mask] = np.broadcast_to(stripes, mask.shape)[mask].astype(np.uint8)[:, None]


class Trees:
    """Foliage at the foot of the facade, swaying: the classic always-busy region."""

    def __init__(self, p: SceneParams, rng: np.random.Generator) -> None:
        self.items = []
        for _ in range(int(rng.integers(1, 4))):
            rx, ry = int(rng.uniform(0.05, 0.12) * p.width), int(rng.uniform(0.08, 0.2) * p.height)
            cx, cy = int(rng.uniform(0.05, 0.95) * p.width), p.height - int(ry * 0.6)
            x0, y0 = max(cx - rx, 0), max(cy - ry, 0)
            x1, y1 = min(cx + rx, p.width), min(cy + ry, p.height)
            mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
            cv2.ellipse(mask, (cx - x0, cy - y0), (rx, ry), 0, 0, 360, 1, -1)
            pad = 12
            tex = rng.normal(0, 1, ((y1 - y0 + 2 * pad) // 3 + 1, (x1 - x0 + 2 * pad) // 3 + 1))
            tex = cv2.resize(tex.astype(np.float32), None, fx=3, fy=3)
            lum = 30 if p.night else 70
            green = np.stack([lum * 0.6 + 18 * tex, lum + 25 * tex, lum * 0.7 + 18 * tex], -1)
            self.items.append((x0, y0, x1, y1, mask.astype(bool), green.clip(0, 255)
                               .astype(np.uint8), pad, rng.uniform(0.3, 1.0), rng.uniform(2, 6)))

    def apply(self, frame: np.ndarray, t: float) -> None:
        for x0, y0, x1, y1, mask, tex, pad, freq, amp in self.items:
            dx = int(round(pad + amp * math.sin(2 * math.pi * freq * t)))
            dy = int(round(pad + 0.4 * amp * math.sin(2 * math.pi * freq * 1.3 * t)))
            patch = tex[dy:dy + y1 - y0, dx:dx + x1 - x0]
            frame[y0:y1, x0:x1][mask] = patch[mask]


def draw_rain(frame: np.ndarray, rng: np.random.Generator, density: int, night: bool) -> None:
    """Near-camera rain: short faint streaks that cross the frame in a frame or two."""
    h, w = frame.shape[:2]
    layer = np.zeros((h, w), np.uint8)
    n = int(rng.poisson(density))
    xs, ys = rng.uniform(0, w, n), rng.uniform(0, h, n)
    lens, slant = rng.uniform(10, 35, n), rng.uniform(-0.2, 0.2, n)
    levels = rng.integers(8, 28 if not night else 18, n)
    for x, y, ln, s, lv in zip(xs, ys, lens, slant, levels, strict=True):
        cv2.line(layer, (int(x), int(y)), (int(x + s * ln), int(y + ln)), int(lv), 1, cv2.LINE_AA)
    cv2.add(frame, cv2.cvtColor(layer, cv2.COLOR_GRAY2BGR), dst=frame)


def shake_offsets(rng: np.random.Generator, n: int, fps: float, bursts: bool) -> np.ndarray:
    """Per-frame (dx, dy) in px: a constant small tremor plus gusts of a few px."""
    off = rng.normal(0, 0.15, (n, 2))
    if bursts:
        t = np.arange(n) / fps
        for _ in range(int(rng.integers(1, 3))):
            t0, dur = rng.uniform(0, max(n / fps - 1, 0.1)), rng.uniform(0.8, 3.0)
            amp, f = rng.uniform(1.5, 5.0), rng.uniform(2.0, 8.0)
            env = np.clip(np.minimum(t - t0, t0 + dur - t) / 0.3, 0, 1)
            phase = rng.uniform(0, 2 * math.pi, 2)
            off[:, 0] += env * amp * np.sin(2 * math.pi * f * t + phase[0])
            off[:, 1] += env * amp * 0.6 * np.sin(2 * math.pi * f * 1.1 * t + phase[1])
    return off


def apply_shake(frame: np.ndarray, dx: float, dy: float) -> np.ndarray:
    if abs(dx) < 0.05 and abs(dy) < 0.05:
        return frame
    m = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(frame, m, (frame.shape[1], frame.shape[0]),
                          borderMode=cv2.BORDER_REFLECT)


class Noise:
    """Sensor noise from a small bank of precomputed fields (generating 720p Gaussian noise
    for every frame would dominate the render time)."""

    def __init__(self, rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> None:
        self.bank = [rng.normal(0, sigma, shape).astype(np.int16) for _ in range(4)]
        self.rng = rng

    def apply(self, frame: np.ndarray) -> np.ndarray:
        n = self.bank[int(self.rng.integers(len(self.bank)))]
        n = np.roll(n, (int(self.rng.integers(n.shape[0])), int(self.rng.integers(n.shape[1]))),
                    axis=(0, 1))
        return (frame.astype(np.int16) + n[..., None]).clip(0, 255).astype(np.uint8)
