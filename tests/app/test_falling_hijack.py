"""A fall whose track is taken over, near its end, by something slower it passes (laundry
swinging out from a balcony, a branch): the object goes on in a new track, while the old one
lives on for a while on the clutter. The two must raise one alarm. The detector is fed blobs
as the motion stage would give them."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.falling import FallingObjectDetector
from app.vision.falling.foreground import Blobs
from tests.app.test_falling_physics import CAM, FH, D, _facade

FPS = 25.0


class _ScriptedStage:
    """Stands in for the motion stage: the blobs of each frame, in order."""

    weak_at = None

    def __init__(self, frames: list[Blobs]) -> None:
        self._frames = iter(frames)

    def step(self, gray: np.ndarray) -> Blobs:
        return next(self._frames)


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
    det = FallingObjectDetector(facade=_facade(), fps=FPS)
    det.stage = _ScriptedStage(frames)
    events = []
    for i in range(len(frames)):
        frame = np.full((720, 1280), i * 50 % 256, np.uint8)  # each new: none dropped
        events += det.process(frame, (i - 25) / FPS)
    return events + det.flush()


# Each raised two alarms before (the second 1.4–1.9 s into the fall, on the object's new
# track): its first points were compared with where the old track was at the same time,
# which by then was the laundry's place.
@pytest.mark.parametrize("v_term,at,hidden,below", [(8.0, 35, 2, 2.0), (12.0, 35, 1, 5.0),
                                                     (12.0, 35, 2, 2.0), (12.0, 45, 2, 2.0)])
def test_a_fall_whose_track_is_taken_over_by_laundry_is_one_alarm(v_term, at, hidden, below):
    events = _detect(_hijacked_fall(v_term, at, hidden, below))
    assert len(events) == 1, [(e.t_start, e.floor, len(e.track)) for e in events]
    assert events[0].floor == 17
