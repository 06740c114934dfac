"""The falling-object detector on short synthetic clips rendered in the test (no codec):
a throw is one event traced to its floor, distractors are none."""

from __future__ import annotations

import pytest

from app.vision.facade import parse_facade
from app.vision.falling import FallingObjectDetector, FallingObjectEvent
from app.vision.synth import ClipSpec, render_frames

FPS = 25.0


def run(spec: ClipSpec, with_facade: bool = True):
    truth, facade, frames = render_frames(spec)
    det = FallingObjectDetector(facade=parse_facade(facade) if with_facade else None, fps=FPS)
    events: list[FallingObjectEvent] = []
    for i, frame in enumerate(frames):
        events += det.process(frame, i / FPS)
    events += det.flush()
    return truth, events


@pytest.mark.parametrize("seed", [1, 3])
def test_a_throw_is_one_event_with_floor_and_start(seed):
    spec = ClipSpec(seed=seed, width=640, height=360, duration_s=4.0, throws=1, night=False,
                    distractors=("bird", "shake"), throw_size_px=5, throw_contrast=70)
    truth, events = run(spec)
    (gt,) = truth["events"]
    assert len(events) == 1, events
    ev = events[0]
    assert abs(ev.floor - gt["floor"]) <= 1
    assert ev.column == gt["column"]
    assert abs(ev.t_start - gt["t_start"]) <= 0.5
    assert ev.t_end > ev.t_start + 0.7
    assert 0.0 < ev.confidence <= 1.0


def test_a_throw_without_facade_still_alarms_without_floor():
    spec = ClipSpec(seed=2, width=640, height=360, duration_s=4.0, throws=1, night=False,
                    distractors=(), throw_size_px=6, throw_contrast=80)
    truth, events = run(spec, with_facade=False)
    assert len(events) == 1
    assert events[0].floor is None and events[0].column is None
    gx, gy = truth["events"][0]["origin_px"]
    ox, oy = events[0].origin_px
    assert abs(ox - gx) < 25 and abs(oy - gy) < 40


@pytest.mark.parametrize("seed", [4, 5])
def test_distractors_alone_raise_nothing(seed):
    # A gliding bird, fluttering leaves, a lighting step and camera shake: the classic
    # false alarms of frame differencing.
    spec = ClipSpec(seed=seed, width=640, height=360, duration_s=5.0, throws=0, night=False,
                    distractors=("bird", "leaf", "lighting", "shake"), bird_glide=True)
    truth, events = run(spec)
    assert truth["events"] == []
    assert "bird" in truth["distractors"] and "shake" in truth["distractors"]
    assert events == []


def test_event_json_has_the_contract_shape():
    ev = FallingObjectEvent(1.234, 2.5, (10.04, 20.0), None, 0.9, 7, 2)
    d = ev.to_json()
    assert list(d) == ["type", "t_start", "t_end", "origin_px", "impact_px", "confidence",
                       "floor", "column"]
    assert d["type"] == "falling_object" and d["t_start"] == 1.23 and d["impact_px"] is None


def test_the_alarm_comes_while_the_object_falls_and_is_refined_once():
    spec = ClipSpec(seed=1, width=640, height=360, duration_s=4.0, throws=1, night=False,
                    distractors=(), throw_size_px=6, throw_contrast=70)
    truth, facade, frames = render_frames(spec)
    det = FallingObjectDetector(facade=parse_facade(facade), fps=FPS)
    raised, updates = [], []
    for i, frame in enumerate(frames):
        raised += [(i / FPS, ev) for ev in det.process(frame, i / FPS)]
        updates += det.take_updates()
    raised += [(None, ev) for ev in det.flush()]
    updates += det.take_updates()
    (gt,) = truth["events"]
    assert len(raised) == 1, raised
    t_alarm, ev = raised[0]
    assert t_alarm is not None and t_alarm < gt["t_last_visible"]  # before it left the view
    assert t_alarm - gt["t_start"] < 1.6
    assert len(updates) == 1 and updates[0].event_id == ev.event_id
    assert updates[0].t_end > ev.t_end and abs(updates[0].floor - gt["floor"]) <= 1
