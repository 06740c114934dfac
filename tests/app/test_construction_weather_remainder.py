"""The weather check by block (``weather_by_block``) and what is left of a change without its
weather blocks (``weather_remainder``, round 16), on the small ground scene of
tests/fixtures/construction_scene.py, through the real detector.

A two-block change on the lawn: one block changed in the same sample as patches in five other
places of the picture (the weather: snow lying, a wet ground), its neighbour six samples later,
alone. Their median start is three samples after the weather's, outside its window, so the
check by the change's start finds no weather (fresh dev 1059's lawn-2 alarm, raised 41.3 h:
one block started with the night's snow, one by the dawn). By block, one of two started with
the weather — not most — so it was raised; without that block one is left, fewer than a change
needs (``min_blocks``): with ``weather_remainder`` it is weather. A change with enough blocks
of its own is still raised."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
WEATHER_AT, LOCAL_AT = 20, 26  # the weather's sample; the change's own blocks six later
WITH_WEATHER = (8, 8)  # (row, col) of 16-px blocks: the change's block that came with it
PATCHES = ((3, 3), (16, 4), (15, 15), (5, 30), (17, 35))  # lawn and plaza, five places


def _slab(img: np.ndarray, block: tuple[int, int]) -> np.ndarray:
    """A grey slab over one block (a patch of the weather, or part of a structure)."""
    r, c = block
    out = img.copy()
    x, y = c * 16, r * 16
    cv2.rectangle(out, (x, y), (x + 15, y + 15), (150, 150, 155), -1)
    cv2.line(out, (x + 2, y + 8), (x + 13, y + 8), (80, 80, 85), 2)
    return out


def _alarms(local: tuple[tuple[int, int], ...], **options: bool) -> list[tuple[int, tuple]]:
    det = ConstructionDetector(parse_zones(cs.zones(PERSIST)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                  **options))
    base, rng = cs.ground(), np.random.default_rng(5)
    weather = base
    for b in (WITH_WEATHER, *PATCHES):
        weather = _slab(weather, b)
    both = weather
    for b in local:
        both = _slab(both, b)
    found = []
    for i in range(LOCAL_AT + 3 * int(PERSIST)):
        scene = both if i >= LOCAL_AT else weather if i >= WEATHER_AT else base
        found += [(i, ev.event.bbox_px) for ev in det.process(cs.shot(scene, rng), float(i))
                  if isinstance(ev, Detection) and ev.event.zone == "lawn-1"]
    return found


def test_half_of_two_blocks_with_the_weather_is_raised_by_block_alone() -> None:
    """The check by block as round 15 built it: one of two is not most."""
    found = _alarms(((8, 9),), weather_by_block=True)
    assert len(found) == 1 and found[0][0] >= WEATHER_AT + PERSIST, found


def test_what_is_left_without_the_weather_block_is_too_small_to_raise() -> None:
    assert _alarms(((8, 9),), weather_by_block=True, weather_remainder=True) == []


def test_a_change_with_enough_blocks_of_its_own_is_still_raised() -> None:
    found = _alarms(((8, 9), (9, 9)), weather_by_block=True, weather_remainder=True)
    assert len(found) == 1, found
    x, y, w, h = found[0][1]
    assert x <= 8 * 16 and y <= 8 * 16 and x + w >= 10 * 16 and y + h >= 10 * 16
