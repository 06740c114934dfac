"""A fall that gets a track of its own only late in its drop (at night a dark object is seen
only in some frames, passing lit and unlit bands of the facade, and the fragments of one or
two blobs in between never make a track): the late track is taken back along its own
trajectory through the earlier blobs (``backtrace.py``). The detector is fed blobs as the
motion stage would give them, so the tracks, the stitching pool and the alarms are what is
tested, not the rendering."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.falling.foreground import Blobs
from tests.app.test_falling_physics import CAM, FH, D, _facade
from tests.fixtures.scripted_blobs import detect

FPS = 25.0


def _drop(secs: float, pattern: str, tail: int, seed: int = 0,
          gravity: bool = True) -> list[Blobs]:
    """A drop from the 17th floor, ``secs`` long, seen in the frames ``pattern`` marks (it
    repeats) and then in every one of its last ``tail`` frames; ``gravity=False``: the same
    path at a constant speed (a raindrop, a passing insect), not a fall."""
    rng = np.random.default_rng(seed)
    t = np.arange(0, secs, 1 / FPS)
    if gravity:  # from rest, with quadratic drag (terminal speed 40 m/s)
        h = 16 * FH + 1.2 - 40.0**2 / 9.81 * np.log(np.cosh(9.81 * t / 40.0))
    else:
        h = 16 * FH + 1.2 - 8.0 * t
    px = CAM.project(np.stack([np.full_like(t, 1.0), h, np.full_like(t, D - 0.8)], axis=1))
    n = len(t)
    seen = [pattern[i % len(pattern)] == "1" for i in range(n - tail)] + [True] * tail
    frames = [Blobs(np.zeros((0, 2)), np.zeros(0)) for _ in range(25)]
    for i in range(n):
        xy = [px[i] + rng.normal(0, 0.5, 2)] if seen[i] else []
        frames.append(Blobs(np.array(xy, float).reshape(-1, 2), np.full(len(xy), 4.0)))
    frames += [Blobs(np.zeros((0, 2)), np.zeros(0)) for _ in range(25)]
    return frames


def _detect(frames: list[Blobs]) -> list:
    return detect(frames, _facade(), FPS, lead=25)


# Seen two frames in four until its last 6–8 frames: the pairs are tracks of two points that
# end at the next hole (too short for the stitching pool), and the late track alone is too
# short for physics. All of these were missed before the trace back.
@pytest.mark.parametrize("secs,pattern,tail", [(1.6, "1100", 6), (1.6, "1100", 8),
                                               (2.0, "1100", 8), (2.0, "1001", 6),
                                               (2.0, "1001", 8)])
def test_a_fall_tracked_only_late_is_found_with_its_floor(secs, pattern, tail):
    events = _detect(_drop(secs, pattern, tail))
    assert len(events) == 1, [(e.t_start, e.floor, len(e.track)) for e in events]
    assert events[0].floor == 17


def test_the_same_blobs_at_a_constant_speed_are_no_fall():
    # The trace back takes blobs along any smooth path; only physics makes it a fall.
    assert _detect(_drop(2.0, "1100", 8, gravity=False)) == []
