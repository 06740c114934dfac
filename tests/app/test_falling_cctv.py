"""The falling-object detector on the independent CCTV renderer (``app.vision.cctvsim``),
frames in memory at 640×360: the behaviours behind issue 15's fixes.

Each clip's truth is checked first, so a change to the renderer that no longer makes the
situation named in the test fails loudly instead of passing on something easier.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.cctvsim import CctvSpec, plan_cctv_clip
from app.vision.cctvsim.actors import Moth
from app.vision.facade import parse_facade
from app.vision.falling import FallingObjectDetector

NO_REPEATS = (25.0, 25.0)


def run(spec: CctvSpec, grey: bool = False, moths: tuple = ()):
    """(truth, events, first frame); ``moths`` are added to the clip's own (they are drawn
    at the lens, in image space, over whatever scene the seed gives)."""
    truth, facade, frames, fps = plan_cctv_clip(spec)
    truth["_moths"].extend(moths)  # the frame generator draws this very list
    det = FallingObjectDetector(facade=parse_facade(facade), fps=fps)
    events, seen = [], []
    for i, frame in enumerate(frames):
        if i == 0:
            seen.append(frame)
        events += det.process(frame[..., 0] if grey else frame, i / fps)
    events += det.flush()
    return truth, events, seen[0]


def moth_500090(t0: float, c0: tuple[float, float] = (282.9, 108.7)) -> Moth:
    """The moth behind cctv-dev distractor clip 500 090's alarm (issue 15 round 13), from
    ``t0`` for 2.5 s: a disc of 14–21 px saturated by the IR lamp, drifting down and
    looping (3.4 rad/s); a quarter of its loop comes down with a fall's acceleration for
    1.2 s (from the 12th floor, on that camera), and then it slows and wanders."""
    return Moth(t0, t0 + 2.5, np.array(c0), np.array([-6.35, 31.37]), 10.03, -3.424, 7.16,
                1.55, 70)


def test_a_short_drop_from_the_third_floor_is_one_event():
    spec = CctvSpec(seed=5, width=640, height=360, throws=1, throw_floor=3, night=False,
                    distractors=(), nvr_repeat=NO_REPEATS)
    truth, events, _ = run(spec)
    (gt,) = truth["events"]
    assert gt["floor"] == 3 and 1.1 <= gt["t_impact"] - gt["t_start"] <= 1.3  # the situation
    assert len(events) == 1, events
    assert events[0].floor == 3 and events[0].column == gt["column"]
    assert abs(events[0].t_start - gt["t_start"]) < 0.3


def test_two_throws_a_second_and_a_half_apart_from_neighbouring_windows_are_two_events():
    spec = CctvSpec(seed=1, width=640, height=360, throws=2, burst_gap_s=1.5, night=False,
                    distractors=(), nvr_repeat=NO_REPEATS)
    truth, events, _ = run(spec)
    a, b = truth["events"]
    assert abs(b["t_start"] - a["t_start"] - 1.5) < 1e-6
    assert abs(b["floor"] - a["floor"]) <= 1 and abs(b["column"] - a["column"]) <= 1
    assert b["t_start"] < a["t_last_visible"]  # both in the air at once
    assert len(events) == 2, events
    assert sorted((e.floor, e.column) for e in events) == sorted(
        (g["floor"], g["column"]) for g in truth["events"])


def test_a_moth_spiralling_in_front_of_the_lens_at_night_raises_nothing():
    spec = CctvSpec(seed=2, width=640, height=360, throws=0, night=True,
                    distractors=("moths",), nvr_repeat=NO_REPEATS, duration_s=8.0)
    truth, events, _ = run(spec)
    moths = [d for d in truth["_moths"] if d.t1 > 1.0]
    assert truth["night"] and moths  # the situation: moths in the clip, at night
    assert events == []


MOTH_OPEN = ("issue 15: a moth at the lens whose loop comes down like a fall is raised "
             "(the moth rules of rounds 13 and 14 were measured and dropped, docs/detection.md)")


def test_a_moth_whose_loop_comes_down_like_a_fall_raises_nothing():
    """cctv-dev 500 090's moth, in its own scene: physics accepts a quarter of its loop as
    a fall from the 12th floor (the live alarm after 1.2 s), after which the moth slows down
    and wanders. Round 14's turn rule (9985dc9, dropped) did not remove it: the moth's next
    two points still went on down as fast as it fell. It is saturated by the IR lamp over a
    wall that is not: the near-lens rule (round 19, nearlens.py) refuses it."""
    spec = CctvSpec(seed=500090, width=640, height=360, throws=0, distractors=(),
                    nvr_repeat=NO_REPEATS, duration_s=5.5)
    truth, events, _ = run(spec, moths=(moth_500090(2.0),))
    assert truth["night"] and len(truth["_moths"]) == 1  # the situation: one moth, at night
    assert events == []


def test_a_moth_that_turns_after_a_loop_shaped_like_a_fall_raises_nothing():
    """cctv-dev-moths distractor clip 700 008's moth (issue 15 round 14), in its own scene
    at its own 25 fps: from its first frame a loop of it comes down like a fall from the
    7th floor (raised live after 1 s), then it turns — more slowly than it fell, out of
    the tracker's gate, and goes on as a new track where the first ended. A falling object
    does not turn in mid-air. Passed with round 14's turn rule (9985dc9), which its
    decision rule dropped; passes with the near-lens rule (round 19): it is saturated."""
    t0 = 1.025  # 700 008's moth began at 56.675 s; shifted by whole flicker periods
    moth = Moth(t0, t0 + 1.956, np.array([332.77, 129.82]), np.array([9.218, 7.782]), 37.72,
                -4.2116, 2.15, 1.95, 545)
    spec = CctvSpec(seed=700008, width=640, height=360, throws=0, distractors=(), night=True,
                    fps=25.0, nvr_repeat=NO_REPEATS, duration_s=4.0)
    truth, events, _ = run(spec, moths=(moth,))
    assert truth["night"] and len(truth["_moths"]) == 1  # the situation: one moth, at night
    assert events == []


def test_a_large_bright_object_thrown_at_night_is_a_fall():
    """A guard for any moth rule: a 1.5 m object thrown at night is a blob of a third of
    a storey or more, saturated by the IR lamp — what a moth at the lens looks like — and
    it is a fall, on its floor."""
    spec = CctvSpec(seed=6, width=640, height=360, throws=1, night=True, distractors=(),
                    nvr_repeat=NO_REPEATS, throw_size_m=1.5)
    truth, events, _ = run(spec)
    (gt,) = truth["events"]
    assert gt["size_px"] > 15  # the situation: a big object (the moth's size), at night
    assert len(events) == 1, events
    assert abs(events[0].floor - gt["floor"]) <= 1


@pytest.mark.parametrize("dx", [pytest.param(-30.0, marks=pytest.mark.xfail(
    strict=True, reason=MOTH_OPEN + "; here the moth is a second alarm")), 30.0])
def test_a_night_throw_past_a_moth_is_found_and_the_moth_is_not(dx):
    """The same large object, thrown with 500 090's moth looping 30 px beside its window
    from 0.3 s before the release: the throw is raised, on its floor, and the moth is not
    (open for dx = −30, where the moth is raised as a second fall from the same floor; it
    passed with round 13's rule and with round 14's, both dropped)."""
    spec = CctvSpec(seed=6, width=640, height=360, throws=1, night=True, distractors=(),
                    nvr_repeat=NO_REPEATS, throw_size_m=1.5)
    (gt,) = plan_cctv_clip(spec)[0]["events"]  # where it is thrown (planned, not drawn)
    moth = moth_500090(gt["t_start"] - 0.3, (gt["origin_px"][0] + dx, gt["origin_px"][1]))
    truth, events, _ = run(spec, moths=(moth,))
    assert len(truth["_moths"]) == 1  # the situation: the moth, at night
    assert len(events) == 1, events
    assert abs(events[0].floor - gt["floor"]) <= 1
    assert abs(events[0].origin_px[0] - gt["origin_px"][0]) < 20


def test_an_infrared_greyscale_stream_works_in_colour_and_in_one_channel():
    spec = CctvSpec(seed=4, width=640, height=360, throws=1, night=True, distractors=(),
                    nvr_repeat=NO_REPEATS)
    for grey in (False, True):
        truth, events, first = run(spec, grey=grey)
        assert np.array_equal(first[..., 0], first[..., 2])  # IR mode: no colour
        (gt,) = truth["events"]
        assert len(events) == 1, events
        assert abs(events[0].floor - gt["floor"]) <= 1


def test_a_throw_at_night_through_ir_rain_with_a_tree_in_view_is_found():
    """Rain lit by the IR lamp everywhere and a wind-shaken canopy in view: the global-change
    test took the rain's spread and the tree's persistence together for a change of the
    scene and reset the model every few frames (each reset also baked that frame's streaks
    into the background), and the rain raised the noise threshold over the object's path;
    this fall was not raised at all."""
    spec = CctvSpec(seed=1, width=640, height=360, throws=1, night=True,
                    distractors=("rain", "trees"), nvr_repeat=NO_REPEATS)
    truth, events, _ = run(spec)
    (gt,) = truth["events"]
    assert truth["night"] and {"rain", "trees"} <= set(truth["distractors"])  # the situation
    assert len(events) == 1, events
    assert abs(events[0].floor - gt["floor"]) <= 1 and events[0].column == gt["column"]
