"""Round 7 on small synthetic inputs (tests/fixtures/construction_scene.py): a change that
goes up beside one raised before. A part within two blocks of a raised change is that
change (a fence's posts, a shed's flat walls) — unless it stands in another zone: then it
is a structure of its own (dev 1006: a fence on the lawn beside a shed raised on the lane
joined the shed's alarm and was never raised)."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
YARD = {"id": "yard", "kind": "no_build", "name": "后院",
        "polygon_px": [[340, 20], [620, 20], [620, 330], [340, 330]]}
SHED_AT = (350, 120)  # on the yard, from sample 20
LATER = 40  # the second structure goes up


def _fence(base: np.ndarray) -> np.ndarray:
    """A red mesh fence on the lawn, its right end two blocks from the shed."""
    out = base.copy()
    for x in range(200, 319, 6):
        cv2.line(out, (x, 150), (x, 230), (50, 50, 160), 2)
    for y in (150, 190, 230):
        cv2.line(out, (200, y), (318, y), (50, 50, 160), 3)
    return out


def _alarms(later: np.ndarray, base: np.ndarray, shed: np.ndarray) -> list[tuple[int, Detection]]:
    det = ConstructionDetector(parse_zones({"zones": [cs.LAWN, YARD], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    rng = np.random.default_rng(2)
    frames = [later if i >= LATER else shed if i >= 20 else base for i in range(80)]
    return [(i, ev) for i, f in enumerate(frames) for ev in det.process(cs.shot(f, rng), float(i))
            if isinstance(ev, Detection)]


def test_a_fence_on_the_lawn_beside_a_raised_shed_is_an_alarm_of_its_own() -> None:
    base = cs.ground()
    shed = cs.with_shed(base, SHED_AT)
    found = _alarms(_fence(shed), base, shed)
    assert [ev.event.zone for _i, ev in found] == ["yard", "lawn-1"]
    i, ev = found[1]
    assert LATER + PERSIST <= i <= LATER + 3 * PERSIST
    x, _y, w, _h = ev.event.bbox_px
    assert x >= 180 and x + w <= 340, ev.event.bbox_px  # the fence, not the shed


def test_a_lean_to_added_to_the_raised_shed_in_its_own_zone_stays_that_alarm() -> None:
    base = cs.ground()
    shed = cs.with_shed(base, SHED_AT)
    lean_to = cs.with_shed(shed, (SHED_AT[0] + 96 + 24, SHED_AT[1] + 20), w=64, h=60)
    assert [ev.event.zone for _i, ev in _alarms(lean_to, base, shed)] == ["yard"]
