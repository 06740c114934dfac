"""A fall whose track is taken over, near its end, by something slower it passes (laundry
swinging out from a balcony, a branch): the object goes on in a new track, while the old one
lives on for a while on the clutter. The two must raise one alarm. The detector is fed blobs
as the motion stage would give them."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.falling.config import FallingConfig
from app.vision.falling.foreground import Blobs
from app.vision.falling.physics import judge
from app.vision.falling.stitch import StitchPool
from app.vision.falling.tracker import Track
from tests.app.test_falling_physics import CAM, FH, D, _facade
from tests.fixtures.scripted_blobs import detect

FPS = 25.0


def _hijacked_fall(v_term: float, at: int, hidden: int, below: float) -> list[Blobs]:
    """A light object dropped from the 17th floor (terminal speed ``v_term``), hidden for
    ``hidden`` frames from frame ``at`` while a still blob sits ``below`` px under where it
    was then, for 6 frames (laundry it passes in front of)."""
    rng = np.random.default_rng(0)
    t = np.arange(0, 3.2, 1 / FPS)
    h = 16 * FH + 1.2 - v_term**2 / 9.81 * np.log(np.cosh(9.81 * t / v_term))
    px = CAM.project(np.stack([1.0 + 0.3 * t, h, np.full_like(t, D - 0.8)], axis=1))
    still = px[at] + np.array([3.0, below])
    empty = Blobs(np.zeros((0, 2)), np.zeros(0))
    frames = [empty] * 25
    for i in range(len(t)):
        xy = []
        if not at <= i < at + hidden and px[i, 1] < 715:
            xy.append(px[i] + rng.normal(0, 0.5, 2))
        if at <= i < at + 6:
            xy.append(still + rng.normal(0, 1.0, 2))
        frames.append(Blobs(np.array(xy, float).reshape(-1, 2), np.full(len(xy), 5.0)))
    return frames + [empty] * 25


def _detect(frames: list[Blobs]) -> list:
    return detect(frames, _facade(), FPS, lead=25)


# Each raised two alarms before (the second 1.4–1.9 s into the fall, on the object's new
# track): its first points were compared with where the old track was at the same time,
# which by then was the laundry's place.
@pytest.mark.parametrize("v_term,at,hidden,below", [(8.0, 35, 2, 2.0), (12.0, 35, 1, 5.0),
                                                     (12.0, 35, 2, 2.0), (12.0, 45, 2, 2.0)])
def test_a_fall_whose_track_is_taken_over_by_laundry_is_one_alarm(v_term, at, hidden, below):
    events = _detect(_hijacked_fall(v_term, at, hidden, below))
    assert len(events) == 1, [(e.t_start, e.floor, len(e.track)) for e in events]
    assert events[0].floor == 17


def _bird_then_fall(floor: int, scale: float) -> Track:
    """One ended track as the tracker left it on cctv-dev night seed 57: a sill bird flying
    up and to the left for 0.4 s (its points relative to the release, scaled), 0.36 s of
    coasting, then the first blob of a throw released there and the whole fall, 1.0 s."""
    rng = np.random.default_rng(floor)
    t = np.arange(0, 1.0, 1 / FPS)
    h = (floor - 1) * FH + 1.2 + 0.4 * t - 0.5 * 9.81 * t**2
    px = CAM.project(np.stack([1.0 - 0.9 * t, h, np.full_like(t, D - 0.8)], axis=1))
    bird = [(-18, 105, 169), (-17, 96, 178), (-16, 88, 185), (-13, 69, 189), (-12, 67, 187),
            (-11, 60, 175), (-9, 50, 155)]
    tr = Track(1)
    for k, dx, dy in bird:
        tr.add(k / FPS, px[0, 0] + scale * dx, px[0, 1] + scale * dy, 5.0)
    for ti, (x, y) in zip(t, px, strict=True):
        x, y = (x, y) + rng.normal(0, 0.5, 2)
        tr.add(float(ti), float(x), float(y), 5.0)
    return tr


# The pool dropped the whole track before: it ends above where it began (the bird began
# lower than the short fall ends), so it did not "move down", and the cut that separates
# the bird from the fall was never made. The fall was lost (no alarm).
@pytest.mark.parametrize("floor,scale", [(6, 1.0), (8, 1.5), (10, 2.0), (12, 2.0)])
def test_a_fall_taken_up_by_a_rising_birds_track_is_still_judged(floor, scale):
    tr = _bird_then_fall(floor, scale)
    assert tr.y[-1] < tr.y[0]  # the case: overall the track rose
    pool = StitchPool(facade=_facade())
    pool.add([tr])
    parts = pool.drain()
    verdicts = [judge(p, FallingConfig(), _facade(), 720, fps=FPS) for p in parts]
    falls = [(p, v) for p, v in zip(parts, verdicts, strict=True) if v.accepted]
    assert len(falls) == 1, [(len(p.t), v.reason) for p, v in zip(parts, verdicts, strict=True)]
    p, v = falls[0]
    assert p.t[0] >= 0.0  # the bird is not part of it
    assert _facade().cell(*v.origin_px)[0] == floor


def test_a_bird_flying_up_out_of_view_gives_the_pool_nothing():
    """The guard: a track that only rose (a bird taking off) is still dropped unfitted."""
    tr = Track(1)
    for k in range(20):
        tr.add(k / FPS, 600.0 - 4 * k, 500.0 - 0.4 * k * k, 5.0)
    pool = StitchPool(facade=_facade())
    pool.add([tr])
    assert pool.drain() == []
