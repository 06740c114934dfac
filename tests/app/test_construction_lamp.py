"""Round 11 on small synthetic inputs (tests/fixtures/construction_scene.py): a room on a
roof that only the night's lamp shows, and the weather check.

A change whose start is shared by changes in several other places is weather (snow lying in
patches, a ground drying unevenly), not a structure. When the picture turns infrared, the
camera's lamp shows every block it lights differently from that sample on: a light room
built on a roof by day against the roof and the tower behind it (fresh dev 1033, 1041)
scored under the day's thresholds and showed only at night — and its runs, started with the
night together with a few lamp-lit spots elsewhere, were taken for weather all night and
lost at dawn. A start shared at the switch to infrared is the light, not the weather:
``dusk_not_weather``, off by default (held-out-4: the same recall, one false alarm more),
so the default's lost room is a strict expected failure."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
# the podium roof seen from a tower camera: a strip 16 px high (one block row, 176-192)
ROOF = {"id": "roof", "kind": "rooftop", "name": "裙房屋顶",
        "polygon_px": [[340, 176], [620, 176], [620, 191], [340, 191]]}
DAY1, NIGHT1, DAY2 = range(0, 16), range(16, 32), range(32, 48)
NIGHT2, DAY3 = range(48, 72), range(72, 80)
SPOTS = ((360, 32), (560, 64), (480, 288))  # lamp-lit spots elsewhere, in no zone


def _room(base: np.ndarray) -> np.ndarray:
    """A room 48 px wide and 32 high whose corrugated walls meet the roof strip."""
    out = base.copy()
    cv2.rectangle(out, (448, 148), (496, 180), (150, 140, 135), -1)
    for x in range(448, 497, 8):
        cv2.line(out, (x, 148), (x, 180), (90, 85, 80), 2)
    cv2.line(out, (448, 148), (496, 148), (40, 40, 40), 2)  # the eaves
    return out


def _lit(base: np.ndarray) -> np.ndarray:
    """The lamp catches three spots (a sign, a glass door, a wet corner) differently."""
    out = base.copy()
    for x, y in SPOTS:
        cv2.rectangle(out, (x, y), (x + 32, y + 32), (235, 235, 235), -1)
        for j in range(y + 4, y + 32, 8):
            cv2.line(out, (x, j), (x + 32, j), (120, 120, 120), 2)
    return out


def _alarms(shown_from: int, dusk_not_weather: bool = True) -> list[tuple[int, Detection]]:
    """A day, a night, a day, a second night and a morning. The days never show the room
    (built on day two, it scores under their thresholds); from sample ``shown_from`` of the
    second night the lamp shows it, and the three spots elsewhere, until dawn."""
    det = ConstructionDetector(parse_zones({"zones": [ROOF], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                  dusk_not_weather=dusk_not_weather))
    base, rng = cs.ground(), np.random.default_rng(4)
    night = _lit(_room(base))
    found = []
    for i in range(DAY3.stop):
        if i in NIGHT1 or i in NIGHT2:
            frame = cs.infrared(night if i >= shown_from and i in NIGHT2 else base, rng)
        else:
            frame = cs.shot(base, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    return found


def test_a_room_the_lamp_shows_from_dusk_is_raised_by_that_night() -> None:
    """Its runs start with the night's second sample (the first has no sample before it in
    its bin), as the spots' do. Before, it was weather all night and never raised: the
    morning does not show it."""
    found = _alarms(shown_from=NIGHT2.start)
    assert [(ev.event.zone, ev.event.zone_kind) for _i, ev in found] == [("roof", "rooftop")]
    i, ev = found[0]
    assert NIGHT2.start + PERSIST <= i < NIGHT2.stop
    assert ev.event.t_onset <= NIGHT2.start + 2


def test_a_change_shared_with_other_places_in_the_middle_of_the_night_is_still_weather() -> None:
    """The guard: the same room and spots appearing together four samples into the night
    are weather as before — the light did not change then."""
    assert _alarms(shown_from=NIGHT2.start + 4) == []


@pytest.mark.xfail(strict=True, reason="dusk_not_weather is off by default: held-out-4 had "
                   "the same recall and one false alarm more (docs/benchmarks.md, round 11)")
def test_by_default_a_room_the_lamp_shows_from_dusk_is_raised_by_that_night() -> None:
    found = _alarms(shown_from=NIGHT2.start, dusk_not_weather=ConstructionConfig().dusk_not_weather)
    assert [ev.event.zone for _i, ev in found] == ["roof"]
