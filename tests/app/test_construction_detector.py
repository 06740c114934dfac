"""The construction detector's stages on small synthetic inputs (tests/fixtures/
construction_scene.py): registration, lighting, persistence in zones, temporary objects,
the operator's accept, and the zones file's validation."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import CameraMoved, ChangeGone, Detection
from app.vision.construction.registration import register
from app.vision.construction.zones import ZonesError, parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)


def _detector() -> ConstructionDetector:
    return ConstructionDetector(parse_zones(cs.zones(PERSIST)),
                                ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))


def _run(det: ConstructionDetector, frames, start: int = 0) -> list[tuple[int, object]]:
    return [(start + i, ev) for i, f in enumerate(frames) for ev in det.process(f, start + i)]


def _detections(events) -> list[tuple[int, Detection]]:
    return [(i, ev) for i, ev in events if isinstance(ev, Detection)]


def test_registration_recovers_a_known_shift() -> None:
    base, rng = cs.ground(), np.random.default_rng(5)
    ref, moved = cs.shot(base, rng), cs.shot(base, rng, shift=(6.0, -4.0))
    reg = register(ref, moved, ConstructionConfig())
    assert reg.ok, reg.reason
    assert abs(abs(reg.warp[0, 2]) - 6.0) < 0.5 and abs(abs(reg.warp[1, 2]) - 4.0) < 0.5
    assert abs(reg.angle_deg) < 0.2


def test_a_camera_knocked_askew_is_reported_within_one_sample() -> None:
    det = _detector()
    base, rng = cs.ground(), np.random.default_rng(2)
    assert not _run(det, [cs.shot(base, rng) for _ in range(20)])
    events = _run(det, [cs.shot(base, rng, shift=(70.0, 30.0))], start=20)
    assert [type(ev) for _, ev in events] == [CameraMoved]
    assert events[0][0] == 20  # the very sample it moved on


def test_a_lighting_ramp_yields_no_change() -> None:
    det = _detector()
    base, rng = cs.ground(), np.random.default_rng(4)
    frames = [cs.shot(base, rng, gain=0.65 + 0.7 * i / 100) for i in range(100)]
    assert not _detections(_run(det, frames))


def test_a_shed_kept_on_the_lawn_raises_one_alarm_in_its_zone_in_time() -> None:
    det = _detector()
    found = _detections(_run(det, cs.timelapse(100, shed_from=30)))
    assert len(found) == 1
    at, ev = found[0]
    assert ev.event.zone == "lawn-1" and ev.event.zone_kind == "green_space"
    assert 30 + PERSIST <= at <= 30 + 3 * PERSIST  # stayed long enough, reported in time
    x, y, w, h = ev.event.bbox_px
    sx, sy = cs.ON_LAWN
    assert x <= sx + 20 and y <= sy + 20 and x + w >= sx + 76 and y + h >= sy + 60
    assert ev.before.shape == ev.after.shape and ev.frame.shape == (cs.H, cs.W, 3)


def test_the_same_shed_outside_every_zone_raises_none() -> None:
    det = _detector()
    assert not _detections(_run(det, cs.timelapse(100, shed_from=30, at=cs.ON_PLAZA)))


def test_a_shed_taken_down_before_the_persistence_time_raises_none() -> None:
    frames = cs.timelapse(100, shed_from=30)
    frames[42:] = cs.timelapse(100, shed_from=None, seed=9)[42:]  # 12 s: scaffolding, a cart
    assert not _detections(_run(_detector(), frames))


def test_a_closed_change_is_watched_until_it_goes_and_grows_no_more() -> None:
    """Dispatched: not raised again while it stands, its going reported; a shed put up
    right beside it is raised as a change of its own, not taken into it."""
    base, rng = cs.ground(), np.random.default_rng(1)
    one = cs.with_shed(base, (100, 40))
    two = cs.with_shed(one, (100, 124))
    frames = [cs.shot(base if i < 10 else one if i < 40 else two, rng) for i in range(100)]
    frames += [cs.shot(base, rng) for _ in range(60)]  # both taken down
    det = _detector()
    first = _detections(_run(det, frames[:35]))
    assert len(first) == 1
    change_id = first[0][1].event.id
    assert det.close(change_id) and not det.close("no-such-change")
    later = _run(det, frames[35:], start=35)
    raised = _detections(later)
    assert len(raised) == 1 and raised[0][1].event.bbox_px[1] >= 112  # the second shed alone
    gone = [ev.id for _, ev in later if isinstance(ev, ChangeGone)]
    assert change_id in gone


def test_accept_absorbs_the_change_into_the_reference() -> None:
    det = _detector()
    frames = cs.timelapse(160, shed_from=30)
    first = _detections(_run(det, frames[:100]))
    assert len(first) == 1
    change_id = first[0][1].event.id
    assert [c.id for c in det.open_changes()] == [change_id]
    assert det.absorb(change_id)
    later = _run(det, frames[100:], start=100)
    assert not _detections(later)  # the shed is now part of the scene
    assert not det.open_changes()
    assert not any(isinstance(ev, ChangeGone) for _, ev in later)


@pytest.mark.parametrize(("data", "named"), [
    ({"zones": [{**cs.LAWN, "kind": "lawn"}], "min_persist_s": 5}, "'kind' must be one of"),
    ({"zones": [cs.LAWN]}, "'min_persist_s' is missing"),
    ({"zones": [cs.LAWN, cs.LAWN], "min_persist_s": 5}, "used twice"),
    ({"zones": [{**cs.LAWN, "polygon_px": [[0, 0], [1, 1]]}], "min_persist_s": 5},
     "at least 3"),
    ({"zones": [cs.LAWN], "min_persist_s": -1}, "positive number"),
])
def test_a_bad_zones_file_names_the_problem(data, named) -> None:
    with pytest.raises(ZonesError, match=named):
        parse_zones(data)
