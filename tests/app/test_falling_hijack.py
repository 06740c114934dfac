"""A fall whose track is taken over, near its end, by something slower it passes (laundry
swinging out from a balcony, a branch): the object goes on in a new track, while the old one
lives on for a while on the clutter. The two must raise one alarm. The detector is fed blobs
as the motion stage would give them."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.falling.foreground import Blobs
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
