"""Wind-shaken trees and flags in the lower frame, drawn in image space: they stand
between the camera and the tower, and never stop moving on a windy day."""

from __future__ import annotations

import math

import cv2
import numpy as np


class Trees:
    def __init__(self, rng: np.random.Generator, w: int, h: int, night: bool) -> None:
        self.items = []
        for _ in range(int(rng.integers(1, 4))):
            rx, ry = int(rng.uniform(0.08, 0.25) * w), int(rng.uniform(0.12, 0.35) * h)
            cx, cy = int(rng.uniform(0.0, 1.0) * w), h + int(ry * rng.uniform(-0.2, 0.5))
            x0, y0, x1, y1 = max(cx - rx, 0), max(cy - ry, 0), min(cx + rx, w), min(cy + ry, h)
            if x1 - x0 < 8 or y1 - y0 < 8:
                continue
            mask = np.zeros((y1 - y0, x1 - x0), np.float32)
            for _ in range(6):  # a canopy is a cluster of crowns
                ex = int(rng.uniform(0.3, 0.6) * rx)
                cv2.ellipse(mask, (int(cx - x0 + rng.normal(0, rx * 0.4)),
                                   int(cy - y0 + rng.normal(0, ry * 0.3))),
                            (ex, int(ex * rng.uniform(0.6, 1.1))), 0, 0, 360, 1.0, -1)
            pad = 16
            th, tw = y1 - y0 + 2 * pad, x1 - x0 + 2 * pad
            leaves = cv2.GaussianBlur(rng.random((th, tw)).astype(np.float32), (0, 0), 1.3)
            leaves = (leaves > 0.5).astype(np.float32) * 0.6 + 0.4 * leaves
            base = np.array([0.55] if night else [0.08, 0.18, 0.1], np.float32)
            tex = leaves[..., None] * base * 1.6
            self.items.append((x0, y0, x1, y1, mask, tex, pad, rng.uniform(0.4, 1.4),
                               rng.uniform(2.0, 7.0), rng.uniform(0, 6.3)))

    def draw(self, img: np.ndarray, t: float, wind: float) -> None:
        for x0, y0, x1, y1, mask, tex, pad, hz, amp, ph in self.items:
            hh, ww = y1 - y0, x1 - x0
            a = amp * wind
            gx = np.linspace(0, 3.0, ww, dtype=np.float32)[None, :]
            gy = np.linspace(0, 2.0, hh, dtype=np.float32)[:, None]
            dx = a * np.sin(2 * math.pi * hz * t + ph + gx + 0.5 * gy)
            dy = 0.4 * a * np.sin(2 * math.pi * hz * 1.3 * t + ph + gy + 0.3 * gx)
            mx = (np.arange(ww, dtype=np.float32)[None, :] + pad + dx).astype(np.float32)
            my = (np.arange(hh, dtype=np.float32)[:, None] + pad + dy).astype(np.float32)
            moved = cv2.remap(tex, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
            if moved.ndim == 2:
                moved = moved[..., None]
            # the crown's outline sways too
            mm = cv2.remap(mask, mx - pad, my - pad, cv2.INTER_LINEAR)[..., None]
            roi = img[y0:y1, x0:x1]
            roi += mm * (moved - roi)


class Flags:
    def __init__(self, rng: np.random.Generator, w: int, h: int, night: bool) -> None:
        self.items = []
        for _ in range(int(rng.integers(1, 3))):
            fw, fh = int(rng.uniform(0.04, 0.09) * w), 0
            fh = int(fw * 0.66)
            x0, y0 = int(rng.uniform(0.05, 0.9) * w), int(rng.uniform(0.75, 0.92) * h)
            colour = np.array([0.7] if night else [0.05, 0.05, 0.6], np.float32)
            self.items.append((x0, y0, fw, fh, colour, rng.uniform(1.0, 3.0)))

    def draw(self, img: np.ndarray, t: float, wind: float) -> None:
        h, w = img.shape[:2]
        for x0, y0, fw, fh, colour, hz in self.items:
            cv2.line(img, (x0, y0 - 2), (x0, min(h - 1, y0 + 4 * fh)), [0.3] * 4, 2)
            for i in range(fw):
                if not 0 <= x0 + i < w:
                    continue
                k = i / fw
                off = wind * 0.25 * fh * k * math.sin(6.0 * k - 2 * math.pi * hz * t)
                ya, yb = int(y0 + off), int(y0 + off + fh * (1 - 0.2 * k * wind))
                ya, yb = max(ya, 0), min(yb, h)
                shade = 0.8 + 0.3 * math.cos(6.0 * k - 2 * math.pi * hz * t)
                img[ya:yb, x0 + i] = colour * shade
