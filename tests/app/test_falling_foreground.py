"""The detector's foreground stage on frames drawn in the test: what the tracker is handed.

A large object that starts slowly (the first half-second of a fall) must stay one blob
centred on itself, not dragged back by a ghost it left in the background; lights going off
at night must not blind the stage for seconds.
"""

from __future__ import annotations

import numpy as np

from app.vision.falling import FallingConfig
from app.vision.falling.foreground import MotionStage

H, W, FPS = 360, 640, 25.0


def _background(rng: np.random.Generator) -> np.ndarray:
    """A facade-like texture: window grid on a wall, so edges are everywhere."""
    img = np.full((H, W), 120.0)
    for y in range(10, H, 30):
        for x in range(12, W, 40):
            img[y:y + 16, x:x + 22] = 70.0 + 40.0 * rng.random()
    return img


def _frame(bg: np.ndarray, rng: np.random.Generator, sigma: float, gain: float = 1.0,
           square: tuple[float, float, int] | None = None, shade: float = 20.0) -> np.ndarray:
    img = bg * gain
    if square is not None:
        cx, cy, size = square
        y0, x0 = int(round(cy - size / 2)), int(round(cx - size / 2))
        img = img.copy()
        img[y0:y0 + size, x0:x0 + size] = shade * gain
    img = img + rng.normal(0.0, sigma, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def test_a_large_slow_start_is_one_blob_centred_on_the_object():
    rng = np.random.default_rng(7)
    bg = _background(rng)
    stage = MotionStage(FallingConfig(), FPS)
    for _ in range(40):  # settle on the empty scene
        stage.step(_frame(bg, rng, 2.0))
    # A 14 px object released from rest: it lingers over its own pixels for a while.
    worst = 0.0
    for i in range(25):
        t = i / FPS
        cy = 100.0 + 0.5 * 60.0 * t * t  # 60 px/s²: ~1.2 px per frame at the end
        blobs = stage.step(_frame(bg, rng, 2.0, square=(300.0, cy, 14)))
        assert blobs is not None
        near = np.hypot(blobs.xy[:, 0] - 300.0, blobs.xy[:, 1] - cy) < 30
        assert near.sum() >= 1, f"frame {i}: object not found"
        d = np.hypot(blobs.xy[near, 0] - 300.0, blobs.xy[near, 1] - cy).min()
        worst = max(worst, float(d))
        assert near.sum() == 1, f"frame {i}: the object split into {near.sum()} blobs"
    # A ghost trailing above the object would drag the blob's centre up by several px.
    assert worst <= 2.5, worst


def test_lights_going_off_at_night_do_not_blind_the_stage():
    rng = np.random.default_rng(3)
    bg = _background(rng) * 0.25  # a night scene: dark, noisy
    stage = MotionStage(FallingConfig(), FPS)
    for _ in range(40):
        stage.step(_frame(bg, rng, 6.0))
    skipped = 0
    found = 0
    for i in range(25):  # the lights dim over a fifth of a second to under half, same noise
        gain = max(0.45, 1.0 - 0.1 * i)
        blobs = stage.step(_frame(bg, rng, 6.0, gain=gain, square=(320.0, 80.0 + 6 * i, 8),
                                  shade=70.0))
        if blobs is None:
            skipped += 1
        elif (np.hypot(blobs.xy[:, 0] - 320.0, blobs.xy[:, 1] - (80.0 + 6 * i)) < 8).any():
            found += 1
    assert skipped <= 3, f"blind for {skipped} of 25 frames after the lights went off"
    assert found >= 18, f"a moving object was found in only {found} of 25 frames"
