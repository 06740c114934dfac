"""weather.py on small block grids: a change whose blocks started at two different times is
checked group by group (``weather_by_block``, round 15)."""

from __future__ import annotations

import numpy as np

from app.vision.construction.weather import synced, weather_blocks

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
