"""weather.py on small block grids, and through the real detector on the small ground scene: a
change whose blocks started at two different times is checked group by group
(``weather_by_block``, round 15; the default since round 16)."""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.weather import synced, weather_blocks
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

NAN = np.nan


def _grid() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    start = np.full((10, 20), NAN)
    comp = np.zeros((10, 20), bool)
    comp[4:6, 8:11] = True  # six blocks: three since 10.0 (the dusk), three since 20.0
    start[4, 8:11] = 10.0
    start[5, 8:11] = 20.0
    others = np.zeros((10, 20), bool)
    for r, c in ((0, 0), (0, 1), (8, 2), (9, 18), (1, 17)):  # snow: four places at 20.0-20.5
        others[r, c] = True
        start[r, c] = 20.0 + 0.1 * c / 18
    return comp, others, start


def test_the_group_that_started_with_the_snow_is_weather_and_the_other_is_not() -> None:
    comp, others, start = _grid()
    # the change's median start (15.0) is shared by nothing: the check by it alone fails
    assert not synced(others, start, 15.0, 0.5, 4, 3)
    out = weather_blocks(comp, others, start, 0.5, 4, 0.5, 3)
    assert out[5, 8:11].all() and not out[4, 8:11].any()


def test_nothing_is_weather_when_the_others_are_in_one_place() -> None:
    comp, others, start = _grid()
    others[:] = False
    others[0:2, 0:3] = True  # six blocks at 20.0, but one place: a second structure
    start[0:2, 0:3] = 20.0
    assert not weather_blocks(comp, others, start, 0.5, 4, 0.5, 3).any()


# ---- through the real detector, on the small ground scene (tests/fixtures/construction_scene.py)

PERSIST = 20.0  # seconds = samples (one a second)
DUSK, SNOW = 20, 30  # two weather events, each starting patches in five places of the picture
FIRST = ((8, 8), (8, 9))  # a change's blocks (row, col): two that came with the first event ...
SECOND = ((9, 8), (9, 9))  # ... and two with the second
PATCHES = {DUSK: ((3, 3), (16, 4), (15, 15), (5, 30), (17, 35)),
           SNOW: ((3, 12), (19, 8), (12, 16), (2, 26), (10, 37))}



def _lawn_alarms(**options: bool) -> list[int]:
    det = ConstructionDetector(parse_zones(cs.zones(PERSIST)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                  **options))
    base, rng = cs.ground(), np.random.default_rng(5)
    first = base
    for b in (*FIRST, *PATCHES[DUSK]):
        first = cs.with_slab(first, b)
    second = first
    for b in (*SECOND, *PATCHES[SNOW]):
        second = cs.with_slab(second, b)
    found = []
    for i in range(SNOW + 3 * int(PERSIST)):
        scene = second if i >= SNOW else first if i >= DUSK else base
        found += [i for ev in det.process(cs.shot(scene, rng), float(i))
                  if isinstance(ev, Detection) and ev.event.zone == "lawn-1"]
    return found


def test_a_change_of_two_weather_starts_is_weather_though_its_median_start_is_shared_by_nothing(
        ) -> None:
    """Half its blocks came with the first event, half with the second (fresh dev 1059's
    lawn-1: the dusk's and the night's snow); the median start lies between them, so the
    check by it alone raised the change (round 15). By block, all of it is weather."""
    assert _lawn_alarms(weather_by_block=False) != []
    assert _lawn_alarms() == []  # the default since round 16
