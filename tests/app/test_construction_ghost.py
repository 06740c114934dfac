"""The ground back from under a flat thing the reference took for the background
(tests/fixtures/construction_scene.py; round 12).

A flat tent, a scaffold's planks or a car's roof lying on textured ground reads as "texture
gone" — a background uncovered — and is copied into the reference at once. When it is taken
away, the ground reappears as a change against that ghost, still from sample to sample, and
nothing ended the run (the reference does not learn a running block): dev 1007 raised the
lawn where a car had stood for two hours 19 h later, 1022 the fire lane under a struck
scaffold, and 1018's ghost of a tent ran 45 h until a neighbour's change joined it. The
reference now remembers what it showed before such a take (``uncovered_memory``).
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
LANE = {"id": "lane", "kind": "fire_lane", "name": "消防通道",
        "polygon_px": [[336, 20], [620, 20], [620, 330], [336, 330]]}  # on the plaza
AT = (384, 128)  # the tarp's corner: blocks (8, 24) to (9, 26)
LAID, LIFTED = 14, 30  # the tarp lies on the lane from the first judged sample for 16 s


def _tarp(img: np.ndarray) -> np.ndarray:
    """A flat blue-grey tarp over 3 × 2 blocks of the paving: almost no texture."""
    out = img.copy()
    x, y = AT
    cv2.rectangle(out, (x, y), (x + 47, y + 31), (140, 128, 118), -1)
    return out


def _alarms(total: int, memory: float | None = None, after: np.ndarray | None = None,
            night: int = 0) -> list[tuple[int, Detection]]:
    """``total`` samples: the paving, the tarp from LAID to LIFTED, then ``night`` infrared
    samples, then ``after`` by day (the paving again unless given)."""
    cfg = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST)
    if memory is not None:
        cfg = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                 uncovered_memory=memory)
    det = ConstructionDetector(parse_zones({"zones": [LANE], "min_persist_s": PERSIST,
                                            "sample_period_s": 1.0}), cfg)
    base, rng = cs.ground(), np.random.default_rng(5)
    tarp = _tarp(base)
    later = base if after is None else after
    found = []
    for i in range(total):
        scene = tarp if LAID <= i < LIFTED else later if i >= LIFTED else base
        shot = cs.shot(scene, rng)
        if LIFTED <= i < LIFTED + night:
            shot = cs.infrared(shot, rng)
        found += [(i, ev) for ev in det.process(shot, float(i)) if isinstance(ev, Detection)]
    return found


def test_the_ground_under_a_tarp_taken_for_the_background_is_not_raised() -> None:
    """The tarp is taken for the background uncovered within a few samples; once it is
    lifted the paving is the ground back, not a change. Without the memory (before round
    12) the paving was raised against the tarp's ghost once it had "stood" 20 samples."""
    assert _alarms(LIFTED + 50) == []
    ghost = _alarms(LIFTED + 50, memory=0.0)
    assert [ev.event.zone for _i, ev in ghost] == ["lane"]
    assert LIFTED + PERSIST <= ghost[0][0] <= LIFTED + PERSIST + 6


def test_the_ground_is_remembered_through_a_night_longer_than_the_memory() -> None:
    """The tarp is lifted at dusk and the night (30 infrared samples, more than the
    persistence time) passes before a day shows the paving again: the memory counts the
    day's own samples, so the ground is still known (dev 1022: a memory counted in hours
    ran out in the night after its scaffold was struck at dusk, and the ghost was raised
    the next day)."""
    night = 30
    assert _alarms(LIFTED + night + 40, night=night) == []
    ghost = _alarms(LIFTED + night + 40, memory=0.0, night=night)
    assert [ev.event.zone for _i, ev in ghost] == ["lane"]


def test_a_shed_put_where_the_tarp_lay_is_still_raised() -> None:
    """The guard: what comes after the tarp is a shed, not the paving it covered — it is
    no closer to what was there before, and is raised once it has stood, as before."""
    shed = cs.with_shed(cs.ground(), (AT[0] - 16, AT[1] - 16), w=80, h=64)
    for memory in (None, 0.0):
        found = _alarms(LIFTED + 50, memory=memory, after=shed)
        assert [ev.event.zone for _i, ev in found] == ["lane"], memory
        i, _ev = found[0]
        assert LIFTED + PERSIST <= i <= LIFTED + PERSIST + 6, (memory, i)
