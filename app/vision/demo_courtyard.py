"""Synthetic ground-level demo feeds: a garden, a vehicle gate, a garage level.

Seamless loops at a low frame rate (5 fps: these feeds are watched, not analysed for fast
motion): every mover's position is periodic in the loop length, so the last frame runs into
the first. People are walking blobs with a head, cars boxes with wheels; enough to look alive
on a wall of tiles without costing CPU.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import cv2
import numpy as np

W, H = 640, 360


def _background(kind: str, rng: np.random.Generator) -> np.ndarray:
    img = np.zeros((H, W, 3), np.uint8)
    if kind == "garage":
        img[:] = (58, 60, 62)
        img[int(H * 0.45):] = (80, 82, 84)
        for x in range(40, W, 140):  # pillars
            cv2.rectangle(img, (x, 60), (x + 26, H), (120, 122, 125), -1)
        for y in (int(H * 0.6), int(H * 0.85)):
            cv2.line(img, (0, y), (W, y), (200, 200, 200), 2)
        for x in range(0, W, 90):  # bay lines
            cv2.line(img, (x, int(H * 0.6)), (x - 30, H), (190, 190, 190), 2)
        for x in range(60, W, 160):  # ceiling lights
            cv2.rectangle(img, (x, 20), (x + 60, 28), (235, 240, 240), -1)
    else:
        img[: int(H * 0.35)] = (215, 190, 160)  # sky, BGR
        for i, x in enumerate(range(-20, W, 170)):  # towers in the back
            top = int(H * (0.05 + 0.08 * (i % 3)))
            cv2.rectangle(img, (x, top), (x + 130, int(H * 0.42)), (170, 175, 185), -1)
            for wy in range(top + 10, int(H * 0.4), 14):
                for wx in range(x + 10, x + 125, 22):
                    cv2.rectangle(img, (wx, wy), (wx + 12, wy + 7), (110, 100, 90), -1)
        img[int(H * 0.42):] = (150, 155, 160)  # paving
        if kind == "garden":
            cv2.ellipse(img, (W // 2, int(H * 0.8)), (220, 60), 0, 0, 360, (70, 140, 80), -1)
            for x in (80, 560, 330):
                cv2.circle(img, (x, int(H * 0.5)), 34, (50, 110, 60), -1)
                cv2.rectangle(img, (x - 4, int(H * 0.5) + 30), (x + 4, int(H * 0.6)),
                              (40, 60, 80), -1)
        else:  # gate: road, booth, kerbs
            cv2.rectangle(img, (0, int(H * 0.55)), (W, int(H * 0.85)), (95, 95, 98), -1)
            cv2.rectangle(img, (W // 2 - 40, int(H * 0.36)), (W // 2 + 10, int(H * 0.56)),
                          (200, 205, 210), -1)
            for x in range(0, W, 60):
                cv2.line(img, (x, int(H * 0.7)), (x + 30, int(H * 0.7)), (230, 230, 230), 2)
    noise = rng.normal(0, 4, img.shape)
    return np.clip(img + noise, 0, 255).astype(np.uint8)


def _person(img, x: float, y: float, scale: float, color, phase: float) -> None:
    h = int(34 * scale)
    cx, cy = int(x), int(y)
    swing = int(5 * scale * math.sin(phase))
    cv2.line(img, (cx, cy), (cx - swing, cy + h // 2), (40, 40, 40), max(1, int(3 * scale)))
    cv2.line(img, (cx, cy), (cx + swing, cy + h // 2), (40, 40, 40), max(1, int(3 * scale)))
    cv2.ellipse(img, (cx, cy - h // 4), (int(6 * scale), h // 3), 0, 0, 360, color, -1)
    cv2.circle(img, (cx, cy - int(h * 0.65)), int(5 * scale), (120, 150, 190), -1)


def _car(img, x: float, y: float, scale: float, color) -> None:
    w, h = int(90 * scale), int(34 * scale)
    x0, y0 = int(x - w / 2), int(y - h)
    cv2.rectangle(img, (x0, y0), (x0 + w, y0 + h), color, -1)
    cv2.rectangle(img, (x0 + w // 4, y0 - h // 2), (x0 + 3 * w // 4, y0), color, -1)
    cv2.rectangle(img, (x0 + w // 4 + 4, y0 - h // 2 + 3), (x0 + 3 * w // 4 - 4, y0 - 2),
                  (90, 70, 50), -1)
    for wx in (x0 + w // 5, x0 + 4 * w // 5):
        cv2.circle(img, (wx, y0 + h), max(3, h // 3), (20, 20, 20), -1)


#: where the demo's shed stands on the garden's lawn (x, y, w, h), in the 640×360 picture
SHED_PX = (250, 255, 96, 52)


def _shed(img: np.ndarray) -> None:
    """A tool shed put up on the lawn: corrugated steel walls, a dark door, a roof edge."""
    x, y, w, h = SHED_PX
    cv2.rectangle(img, (x, y), (x + w, y + h), (168, 172, 176), -1)
    for i in range(x + 4, x + w, 7):
        cv2.line(img, (i, y), (i, y + h), (118, 120, 124), 1)
    cv2.rectangle(img, (x + w - 30, y + 14), (x + w - 12, y + h), (60, 62, 66), -1)
    cv2.rectangle(img, (x - 6, y - 8), (x + w + 6, y), (90, 80, 150), -1)
    cv2.rectangle(img, (x, y), (x + w, y + h), (50, 50, 52), 1)


def render(kind: str, seed: int, fps: float = 5.0, loop_s: float = 30.0,
           shed: bool = False) -> Iterator[np.ndarray]:
    """Frames of one seamless loop; ``kind`` in garden | gate | garage; ``shed``: the
    garden with a shed put up on its lawn (the construction detector's demo)."""
    rng = np.random.default_rng(seed)
    bg = _background(kind, rng)
    if shed and kind == "garden":
        _shed(bg)
    n = int(round(loop_s * fps))
    people = [(rng.uniform(0.45, 0.95) * H, int(rng.integers(1, 3)) * rng.choice([-1, 1]),
               rng.uniform(0, 1), tuple(int(c) for c in rng.integers(30, 220, 3)))
              for _ in range(5 if kind == "garden" else 2)]
    cars = [(rng.uniform(0.62, 0.8) * H, int(rng.choice([-1, 1])), rng.uniform(0, 1),
             tuple(int(c) for c in rng.integers(30, 220, 3)))
            for _ in range(0 if kind == "garden" else 2)]
    flicker = rng.normal(0, 3, (H, W, 3)).astype(np.int16)
    for i in range(n):
        u = i / n  # loop phase 0..1
        img = bg.copy()
        for y, laps, p0, color in sorted(people + cars, key=lambda m: m[0]):
            is_car = (y, laps, p0, color) in cars
            x = ((p0 + laps * u) % 1.0) * (W + 200) - 100
            scale = 0.5 + y / H
            if is_car:
                _car(img, x, y, scale, color)
            else:
                _person(img, x, y, scale, color, 2 * math.pi * 20 * u * abs(laps))
        if kind == "gate":  # the barrier lifts while a car is near the booth
            near = any(abs(((p0 + laps * u) % 1.0) * (W + 200) - 100 - W // 2) < 90
                       for _, laps, p0, _ in cars)
            angle = -70 if near else 0
            end = (int(W // 2 + 10 + 200 * math.cos(math.radians(angle))),
                   int(H * 0.5 + 200 * math.sin(math.radians(angle))))
            cv2.line(img, (W // 2 + 10, int(H * 0.5)), end, (40, 40, 220), 5)
        shift = np.roll(flicker, i * 7, axis=1)  # sensor noise that is not frozen
        yield np.clip(img.astype(np.int16) + shift, 0, 255).astype(np.uint8)
