"""Round 9b on small synthetic inputs (tests/fixtures/construction_scene.py): where a change
stands when its picture rises over a zone it does not stand in. The camera looks down at an
angle, so what stands on the plaza in front of a lawn covers the lawn's edge in the picture.
Dev's outside sheds were raised on the fire lane behind them by their roof edge alone: the
parts of a shed between its roof edge and its foot often do not change (a wall like the
paving, or learnt), so the roof edge was a change of its own, standing in the lane by its
footing (1010, 1018)."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
# a lawn behind the plaza: its near edge at y = 152 crosses block row 9 (144-160), which is
# the lawn's by half its height
BEHIND = {"id": "lawn-2", "kind": "green_space", "name": "北侧绿地",
          "polygon_px": [[340, 20], [620, 20], [620, 152], [340, 152]]}


def _alarms(zones: list[dict], frames: list[np.ndarray]) -> list[tuple[int, Detection]]:
    det = ConstructionDetector(parse_zones({"zones": zones, "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    return [(i, ev) for i, f in enumerate(frames) for ev in det.process(f, float(i))
            if isinstance(ev, Detection)]


def _box(img: np.ndarray, x0: int, y0: int, x1: int, y1: int, colour: tuple) -> np.ndarray:
    out = img.copy()
    cv2.rectangle(out, (x0, y0), (x1, y1), colour, -1)
    for x in range(x0, x1, 10):  # boarded walls
        cv2.line(out, (x, y0), (x, y1), tuple(c * 0.6 for c in colour), 2)
    cv2.rectangle(out, (x0, y0), (x1, y1), (40, 40, 40), 2)
    return out


def _greenhouse(img: np.ndarray, foot_y: int) -> np.ndarray:
    """A glass pavilion 100 px wide and 95 high whose foot is at ``foot_y``: its roof and
    its plinth change the picture, its glass walls show what is behind them."""
    out = _box(img, 420, foot_y - 95, 520, foot_y - 70, (60, 70, 150))  # the roof
    return _box(out, 420, foot_y - 14, 520, foot_y, (70, 70, 75))  # the plinth


def test_a_glass_pavilion_on_the_plaza_in_front_of_the_lawn_raises_nothing() -> None:
    """Its foot on the plaza at y = 223, its roof over the lawn's edge in the picture (block
    rows 8-9); the glass walls between (rows 10-12) do not change. Before: the roof was a
    change of its own, standing on the lawn by its footing — raised there."""
    base = cs.ground()
    built = _greenhouse(base, 223)
    rng = np.random.default_rng(2)
    frames = [cs.shot(built if i >= 20 else base, rng) for i in range(60)]
    assert _alarms([BEHIND], frames) == []


def test_the_same_pavilion_standing_on_the_lawn_is_raised_there() -> None:
    """Its foot at y = 150, in the lawn: raised there, in time. Its roof and its plinth,
    three block rows apart, are raised as two alarms, as before: an alarm's growth joins
    parts up to two blocks apart."""
    base = cs.ground()
    built = _greenhouse(base, 150)
    rng = np.random.default_rng(2)
    found = _alarms([BEHIND], [cs.shot(built if i >= 20 else base, rng) for i in range(60)])
    assert found and {ev.event.zone for _i, ev in found} == {"lawn-2"}
    assert 20 + PERSIST <= found[0][0] <= 20 + 3 * PERSIST


def test_a_room_on_the_roof_behind_a_pavilion_on_the_plaza_is_still_raised() -> None:
    """A rooftop keeps its own rule (a room stands on the roof, above its strip): the
    pavilion in front judged outside does not take the room with it."""
    roof = {"id": "roof", "kind": "rooftop", "polygon_px": [[340, 80], [620, 80],
                                                            [620, 95], [340, 95]]}
    base = cs.ground()
    pavilion = _greenhouse(base, 223)
    room = _box(pavilion, 440, 40, 500, 84, (150, 140, 135))
    rng = np.random.default_rng(2)
    frames = [cs.shot(room if i >= 40 else pavilion if i >= 10 else base, rng)
              for i in range(90)]
    found = _alarms([roof], frames)
    assert [ev.event.zone for _i, ev in found] == ["roof"]
    assert 40 + PERSIST <= found[0][0] <= 40 + 3 * PERSIST


def test_a_shed_on_the_lawn_behind_the_lane_is_raised_above_a_crate_on_the_plaza() -> None:
    """A crate stands on the plaza from sample 5 (outside every zone, judged so once it has
    stood the persistence time); a shed goes up at sample 30 on a lawn behind a fire lane,
    its foot three block rows above the crate. The lane lies between: the shed is not the
    crate's top rising over the zone behind it. A guard (it passes on the old code too): on
    dev 1025 the rule without that condition took the shed on lawn-3 for the top of a
    scaffold's remnant on the plaza and lost it."""
    lawn = {"id": "lawn-3", "kind": "green_space", "polygon_px": [[20, 80], [620, 80],
                                                                  [620, 127], [20, 127]]}
    lane = {"id": "fire-lane", "kind": "fire_lane", "polygon_px": [[0, 128], [639, 128],
                                                                   [639, 159], [0, 159]]}
    base = cs.ground()
    crate = _box(base, 100, 160, 160, 190, (90, 150, 200))
    shed = cs.with_shed(crate, (100, 64), w=64, h=60)
    rng = np.random.default_rng(2)
    frames = [cs.shot(shed if i >= 30 else crate if i >= 5 else base, rng) for i in range(80)]
    found = _alarms([lawn, lane], frames)
    assert [ev.event.zone for _i, ev in found] == ["lawn-3"]
    assert 30 + PERSIST <= found[0][0] <= 30 + 3 * PERSIST
