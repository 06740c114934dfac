"""How a raised change grows, on small synthetic inputs (tests/fixtures/construction_scene.py).

``grow_in_zone`` (round 19): an open change took any part of fewer than ``min_blocks`` up to
two blocks from it, whatever zone that part stood in, so an open alarm about a shed on a
lawn chained block by block into the fire lane beside it and took what changed there (fresh
1059, round 18). With it, such a part joins only a change of the zone it stands in.

``fold_late`` (round 19): a dispatched change is closed (it grows no more), so a late part of
it — a gap in a fence filled in, a panel that was going up when the case was dispatched —
was raised as a second alarm of the same fence (fresh 1051, 1061). With it, such a part is
folded into the dispatched change (``ChangeGrew``, noted on its case); something put up
beside it after the dispatch, reaching outside its box, is still raised (dev 1020's paving).
"""

from __future__ import annotations

import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.vision.cameras import CameraManager
from app.vision.construction.analyzer import ConstructionAnalyzer
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import ChangeGrew, Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
LANE = {"id": "lane", "kind": "fire_lane", "name": "消防通道",
        "polygon_px": [[304, 20], [420, 20], [420, 330], [304, 330]]}
SHED_AT = (196, 120)  # on the lawn's right edge: block columns 12-18, rows 7-12


def _detector(zones: list[dict], **cfg) -> ConstructionDetector:
    return ConstructionDetector(parse_zones({"zones": zones, "min_persist_s": PERSIST}),
                                ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                   **cfg))


def _slabs(img: np.ndarray, blocks) -> np.ndarray:  # noqa: ANN001
    for b in blocks:
        img = cs.with_slab(img, b)
    return img


# ---- grow_in_zone ----------------------------------------------------------------------
def _slabs_beside_an_open_lawn_alarm(shed_at: tuple[int, int], col: int,
                                    **cfg) -> list[Detection]:
    """A shed on the lawn from sample 10 (raised, never answered); a block from it, in block
    column ``col``, a slab from sample 45 and one below it from 49."""
    det = _detector([cs.LAWN, LANE], **cfg)
    base, rng = cs.ground(), np.random.default_rng(6)
    shed = cs.with_shed(base, shed_at)
    one, two = _slabs(shed, [(9, col)]), _slabs(shed, [(9, col), (10, col)])
    found = []
    for i in range(110):
        scene = base if i < 10 else shed if i < 45 else one if i < 49 else two
        found += [ev for ev in det.process(cs.shot(scene, rng), float(i))
                  if isinstance(ev, Detection)]
    return found


def _lane_beside_an_open_lawn_alarm(**cfg) -> list[Detection]:
    """The slabs in the fire lane beside the shed: a change of the lane."""
    return _slabs_beside_an_open_lawn_alarm(SHED_AT, 20, **cfg)


def test_an_open_alarm_on_the_lawn_takes_a_block_of_the_fire_lane_beside_it() -> None:
    """Without the rule: the lane's first block joins the lawn's alarm, then the next one
    (each a part of one block), and the lane's change is never raised."""
    found = _lane_beside_an_open_lawn_alarm()
    assert [d.event.zone for d in found] == ["lawn-1"]


def test_with_grow_in_zone_the_fire_lane_change_is_raised_on_its_own() -> None:
    found = _lane_beside_an_open_lawn_alarm(grow_in_zone=True)
    assert [d.event.zone for d in found] == ["lawn-1", "lane"]
    lane = found[1].event
    assert 47 + PERSIST <= lane.t_detected <= 49 + 3 * PERSIST
    x, _y, w, _h = lane.bbox_px
    assert x >= 320 and x + w <= 336, lane.bbox_px  # the lane's blocks only


def test_with_grow_in_zone_a_shed_still_grows_in_its_own_zone() -> None:
    """A slab on the lawn a block from the open alarm, two samples apart from a second one:
    the same zone, so it joins the shed's alarm as before (no second alarm)."""
    found = _slabs_beside_an_open_lawn_alarm((120, 120), 15, grow_in_zone=True)  # cols 7-13
    assert [d.event.zone for d in found] == ["lawn-1"]


# ---- fold_late -------------------------------------------------------------------------
def _dispatched_then(late: list[tuple[int, int]], late_from: int, **cfg):  # noqa: ANN202
    """Two slab pairs on the lawn a block apart (columns 6-7 and 9-10, rows 9-10) from
    sample 10, raised as one change and dispatched (closed) in the sample that raises it;
    then the ``late`` blocks from sample ``late_from``. Returns (the samples and detections
    raised, the ChangeGrew events, the first change's id)."""
    det = _detector([cs.LAWN], **cfg)
    base, rng = cs.ground(), np.random.default_rng(7)
    fence = _slabs(base, [(9, 6), (10, 6), (9, 7), (10, 7), (9, 9), (10, 9), (9, 10), (10, 10)])
    after = _slabs(fence, late)
    raised, grew, first = [], [], None
    for i in range(130):
        scene = base if i < 10 else after if i >= late_from else fence
        for ev in det.process(cs.shot(scene, rng), float(i)):
            if isinstance(ev, Detection):
                raised.append((i, ev))
                if first is None:
                    first = ev.event.id
                    assert det.close(first)
            elif isinstance(ev, ChangeGrew):
                grew.append(ev)
    return raised, grew, first


@pytest.mark.parametrize("fold", [False, True])
def test_a_gap_in_a_dispatched_fence_filled_in_later_is_that_fence(fold: bool) -> None:
    """Column 8, between the pairs (inside the dispatched change's box), from sample 60:
    without ``fold_late`` a second alarm of the same fence; with it, noted on the case."""
    raised, grew, first = _dispatched_then([(9, 8), (10, 8)], 60, fold_late=fold)
    assert 10 + PERSIST <= raised[0][0] < 60
    if not fold:
        assert len(raised) == 2 and not grew
        return
    assert len(raised) == 1
    assert [g.id for g in grew] == [first] and grew[0].blocks >= 2
    x, _y, w, _h = grew[0].bbox_px
    assert x >= 8 * 16 and x + w <= 9 * 16 + 1, grew[0].bbox_px  # the gap's column


def test_a_part_going_up_when_the_fence_was_dispatched_is_that_fence() -> None:
    """Column 12 (outside the box, two blocks from it), started the sample before the
    dispatch: not yet holding when the change was closed, so never taken in. Raised again
    without the rule, folded with it."""
    dispatched = _dispatched_then([], 999)[0][0][0]  # the sample that raises the fence
    late = [(9, 12), (10, 12)]
    raised, _grew, _first = _dispatched_then(late, dispatched - 1)
    assert len(raised) == 2 and raised[0][0] == dispatched  # without the rule: twice
    raised, grew, first = _dispatched_then(late, dispatched - 1, fold_late=True)
    assert len(raised) == 1 and [g.id for g in grew] == [first]


def test_a_shed_put_up_beside_a_dispatched_fence_afterwards_is_news() -> None:
    """Columns 11-12 from sample 60, after the dispatch and outside its box: raised."""
    raised, grew, first = _dispatched_then([(9, 11), (10, 11), (9, 12), (10, 12)], 60,
                                           fold_late=True)
    assert len(raised) == 2 and not grew
    x, _y, _w, _h = raised[1][1].event.bbox_px
    assert x >= 11 * 16, raised[1][1].event.bbox_px


def test_the_review_list_keeps_one_case_for_the_fence_and_notes_its_late_part(tmp_path) -> None:
    """The same gap filled in, on the product's loop: the camera's analyser, the room's
    ConstructionService; the operator dispatches the fence as soon as it is raised. The
    review list has one case, dispatched, with the late part noted on it."""
    cam = Camera(id="CAM-L", name="草坪", xyz=(0.0, 0.0, 10.0), yaw_deg=0.0, pitch_deg=-30.0,
                 stream=None)
    mgr = CameraManager([cam], book=AlarmBook(), evidence_dir=tmp_path, demo_feeds_dir=None,
                        settings_file=None)
    zones = parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST})
    analyzer = ConstructionAnalyzer("CAM-L", zones, mgr, config=ConstructionConfig(
        sample_period_s=1.0, min_persist_s=PERSIST, fold_late=True))
    service = mgr.construction
    service.attach("CAM-L", analyzer)
    base, rng = cs.ground(), np.random.default_rng(7)
    fence = _slabs(base, [(9, 6), (10, 6), (9, 7), (10, 7), (9, 9), (10, 9), (9, 10), (10, 10)])
    filled = _slabs(fence, [(9, 8), (10, 8)])
    for i in range(130):
        analyzer.process(cs.shot(base if i < 10 else fence if i < 60 else filled, rng), float(i))
        for rec in service.changes("open"):
            service.dispatch(rec.id, "值班员", "fence on the lawn")
    cases = service.changes()
    assert len(cases) == 1 and cases[0].state == "dispatched"
    (t, bbox), = cases[0].late_parts
    assert 60 + PERSIST <= t <= 60 + 3 * PERSIST and bbox[0] >= 8 * 16
