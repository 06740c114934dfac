"""A fall does not turn in mid-air (``app/vision/falling/moth.py``, issue 15 round 14): a
track physics accepted as a fall whose object then carries on in mid-air slower than it
fell — a moth at the lens at the end of a loop — is refused; a fall that goes on, lands,
or is taken over by something slower while it goes on in a new track is not."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.cctvsim import CctvSpec, plan_cctv_clip
from app.vision.facade import parse_facade
from app.vision.falling.moth import turns_after
from app.vision.falling.tracker import Track

FPS = 25.0
SHAPE = (360, 640)
GATE = 4.0


@pytest.fixture(scope="module")
def facade():
    """A night camera's facade (cctvsim seed 6: 13 storeys in view, columns 0–10)."""
    spec = CctvSpec(seed=6, width=640, height=360, throws=0, night=True, distractors=(),
                    nvr_repeat=(FPS, FPS), duration_s=1.0)
    return parse_facade(plan_cctv_clip(spec)[1])


def track(facade, tid, t, heights, column=4.0, size=8.0) -> Track:
    """A track of image points at (column, height in storeys) on the facade."""
    tr = Track(tid)
    px = facade.to_image(np.stack([np.full(len(t), column), heights], axis=1))
    for tt, (x, y) in zip(t, px, strict=True):
        tr.add(float(tt), float(x), float(y), size)
    return tr


def fall(t, h0=11.0):
    """Storeys up the facade of an object let go at t = 0 from h0 (g, 3 m storeys)."""
    return h0 - 0.5 * 9.81 * np.asarray(t) ** 2 / 3.0


def test_a_fall_whose_object_slows_down_in_mid_air_turned(facade):
    t = np.arange(0, 1.0, 1 / FPS)
    tail = np.arange(1.0, 1.4, 1 / FPS)
    h_end = fall(t[-1])
    slow = h_end - 1.0 / 3.0 * (tail - t[-1])  # then 1 m/s down: a moth's loop flattening
    tr = track(facade, 1, np.r_[t, tail], np.r_[fall(t), slow])
    assert turns_after(tr, 0.0, float(t[-1]), [], facade, SHAPE, GATE) == "turns in mid-air"


def test_a_fall_lost_and_a_slower_track_beginning_where_it_ended_turned(facade):
    """The tracker loses a turning moth (it predicts the fall going on): the turn is a new
    track that begins where the first ended."""
    t = np.arange(0, 1.0, 1 / FPS)
    tr = track(facade, 1, t, fall(t))
    t2 = np.arange(1.04, 1.5, 1 / FPS)
    up = fall(t[-1]) + 0.5 / 3.0 * (t2 - t[-1])  # going up at 0.5 m/s
    after = track(facade, 2, t2, up)
    assert turns_after(tr, 0.0, float(t[-1]), [after], facade, SHAPE, GATE) is not None


def test_a_fall_that_goes_on_falling_did_not_turn(facade):
    t = np.arange(0, 1.4, 1 / FPS)
    tr = track(facade, 1, t, fall(t))
    assert turns_after(tr, 0.0, 1.0, [], facade, SHAPE, GATE) is None


def test_a_fall_taken_over_by_something_slower_while_it_falls_on_did_not_turn(facade):
    """A moth (or a bird) takes the track over where the object passes it; the object goes
    on down in a new track along its own trajectory."""
    t = np.arange(0, 1.0, 1 / FPS)
    tail = np.arange(1.0, 1.4, 1 / FPS)
    tr = track(facade, 1, np.r_[t, tail], np.r_[fall(t), np.full(len(tail), fall(t[-1]))])
    on = track(facade, 2, tail + 0.04, fall(tail + 0.04))
    assert turns_after(tr, 0.0, float(t[-1]), [on], facade, SHAPE, GATE) is None


def test_a_fall_that_reached_the_foot_of_the_facade_did_not_turn(facade):
    """It landed: at the facade's foot an object stops (or bounces), it does not turn."""
    t = np.arange(0, 1.6, 1 / FPS)
    h = np.maximum(fall(t, h0=3.0), 0.0)  # lands at 1.35 s and stays
    tr = track(facade, 1, t, h)
    land = float(t[np.argmax(h <= 0.0)])
    assert turns_after(tr, 0.0, land, [], facade, SHAPE, GATE) is None
