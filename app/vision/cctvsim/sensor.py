"""The camera's electronics: auto-exposure that lags and sometimes hunts, wind-driven mount
shake read out row by row (rolling-shutter wobble), shot and read noise that grow with the
gain, a gamma curve, 8 bits; IR night mode is greyscale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np


@dataclass
class Wind:
    """Wind strength over time (0 calm … ~1.5 gale): a base plus gusts."""
    base: float
    gusts: list[tuple[float, float, float]] = field(default_factory=list)  # (amp, hz, phase)

    def at(self, t: float) -> float:
        return max(0.0, self.base + sum(a * math.sin(2 * math.pi * f * t + p)
                                        for a, f, p in self.gusts))


def sample_wind(rng: np.random.Generator) -> Wind:
    return Wind(float(rng.uniform(0.1, 0.8)),
                [(float(rng.uniform(0.05, 0.35)), float(rng.uniform(0.03, 0.4)),
                  float(rng.uniform(0, 6.3))) for _ in range(3)])


@dataclass
class Exposure:
    """Exposure multiplier E(t): follows the scene's brightness with a lag, and in hunting
    episodes oscillates around it (a cheap AE loop overshooting after a change)."""
    base: float
    lag_s: float
    scene: list[tuple[float, float, float]]  # (t, brightness ratio, ramp s): clouds, sun
    hunts: list[tuple[float, float, float, float]]  # (t0, duration, amplitude, hz)

    def scene_gain(self, t: float) -> float:
        g = 1.0
        for ts, ratio, ramp in self.scene:
            if t >= ts + ramp:
                g *= ratio
            elif t > ts:
                g *= 1 + (ratio - 1) * (t - ts) / ramp
        return g

    def exposure(self, t: float) -> float:
        # AE sees the scene lag_s late and compensates it
        e = self.base / self.scene_gain(max(0.0, t - self.lag_s))
        for t0, dur, amp, hz in self.hunts:
            if t0 <= t <= t0 + dur:
                env = math.sin(math.pi * (t - t0) / dur)
                e *= 1 + amp * env * math.sin(2 * math.pi * hz * (t - t0))
        return e


def sample_exposure(rng: np.random.Generator, duration: float, base: float, clouds: bool,
                    hunting: bool) -> Exposure:
    scene = []
    for _ in range(int(rng.integers(1, 3 + int(duration // 20))) if clouds else 0):
        r = rng.uniform(0.55, 0.85)
        scene.append((float(rng.uniform(0, duration)), float(r if rng.random() < 0.5 else 1 / r),
                      float(rng.uniform(0.5, 4.0))))
    hunts = []
    for _ in range(int(rng.integers(1, 2 + int(duration // 15))) if hunting else 0):
        hunts.append((float(rng.uniform(0, duration)), float(rng.uniform(1.0, 4.0)),
                      float(rng.uniform(0.05, 0.2)), float(rng.uniform(0.7, 3.0))))
    return Exposure(base, float(rng.uniform(0.3, 1.5)), scene, hunts)


@dataclass
class Shake:
    """Pole sway from the wind, px at the frame's scale, with occasional bursts (a truck,
    a gust). Each row takes the offset of the moment it was read."""
    amp_px: float
    hz: tuple[float, float]
    bursts: list[tuple[float, float, float]]  # (t0, duration, amp px)

    def offset(self, t: float, wind: float) -> tuple[float, float]:
        a = self.amp_px * wind
        for t0, dur, amp in self.bursts:
            if t0 <= t <= t0 + dur:
                a += amp * math.sin(math.pi * (t - t0) / dur)
        return (a * math.sin(2 * math.pi * self.hz[0] * t),
                0.7 * a * math.sin(2 * math.pi * self.hz[1] * t + 1.0))


def apply_shake(img: np.ndarray, shake: Shake, t: float, wind: float,
                readout_s: float) -> np.ndarray:
    h, w = img.shape[:2]
    rows = np.linspace(0, readout_s, 9)
    offs = np.array([shake.offset(t + r, wind) for r in rows], np.float32)
    if np.abs(offs).max() < 0.05:
        return img
    ys = np.linspace(0, h - 1, 9)
    dx = np.interp(np.arange(h), ys, offs[:, 0]).astype(np.float32)
    dy = np.interp(np.arange(h), ys, offs[:, 1]).astype(np.float32)
    mx = np.arange(w, dtype=np.float32)[None, :] + dx[:, None]
    my = np.broadcast_to(np.arange(h, dtype=np.float32)[:, None] + dy[:, None], (h, w)).copy()
    out = cv2.remap(img, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return out.reshape(img.shape)


class Sensor:
    """Radiance × exposure → noisy, gamma-encoded 8-bit BGR (grey in all three channels at
    night). Noise: shot noise ∝ √signal and read noise, both scaled by the analog gain."""

    def __init__(self, shape: tuple[int, int], night: bool, rng: np.random.Generator,
                 seed: int) -> None:
        self.night = night
        self.shot = float(rng.uniform(0.0006, 0.0015))
        self.read = float(rng.uniform(0.003, 0.006))
        self.noise = np.empty(shape, np.float32)
        self.row = np.empty((shape[0], 1), np.float32)
        cv2.setRNGSeed(seed)

    def capture(self, radiance: np.ndarray, exposure: float, gain: float) -> np.ndarray:
        v = radiance * exposure
        if v.ndim == 3 and self.night:
            v = v[..., 0]
        lum = v if v.ndim == 2 else v.mean(axis=2)
        sigma = cv2.sqrt(np.clip(lum, 0, 1) * (self.shot * gain) + (self.read * gain) ** 2)
        cv2.randn(self.noise, 0.0, 1.0)
        n = self.noise * sigma
        if self.night:  # row banding of a high-gain sensor
            cv2.randn(self.row, 0.0, 0.25)
            n += self.row * (self.read * gain)
        v = v + (n if v.ndim == 2 else n[..., None])
        out = np.clip(v, 0, 1)
        out = cv2.pow(out, 1 / 2.2) * 255.0
        out = out.astype(np.uint8)
        if out.ndim == 2:
            out = cv2.cvtColor(out, cv2.COLOR_GRAY2BGR)
        return out
