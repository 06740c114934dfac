"""The weather check's memory (``weather_memory``, round 17), on small block grids and through the
real detector on the small ground scene (tests/fixtures/construction_scene.py): runs elsewhere
that started with a change and have ended since still count as the weather's other places if
they lived long enough; runs that lived minutes do not."""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.weather import synced, with_ended
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

NAN = np.nan


def test_an_ended_run_counts_at_its_start_only_if_it_lived_long_enough() -> None:
    shape = (10, 20)
    start, running = np.full(shape, NAN), np.zeros(shape, bool)
    past_start, past_end = np.full(shape, NAN), np.full(shape, NAN)
    places = ((0, 0), (8, 2), (9, 18), (1, 17), (5, 10))
    for r, c in places:  # five places whose runs started at 20.0 and ended since
        past_start[r, c], past_end[r, c] = 20.0, 32.0
    others = np.zeros(shape, bool)  # none running now
    allowed = np.ones(shape, bool)
    assert not synced(others, start, 20.0, 0.5, 4, 3)
    mem, at = with_ended(others, start, running, past_start, past_end, allowed, 10.0)
    assert synced(mem, at, 20.0, 0.5, 4, 3)
    short, at = with_ended(others, start, running, past_start, past_end, allowed, 13.0)
    assert not short.any()  # they lived 12: too short a life for this memory
    allowed[0:2, :] = False  # not where the change itself is (near it, or held)
    mem, at = with_ended(others, start, running, past_start, past_end, allowed, 10.0)
    assert not mem[0, 0] and not mem[1, 17] and mem[5, 10]


def test_a_running_block_keeps_its_running_start() -> None:
    shape = (4, 4)
    start, past_start, past_end = (np.full(shape, NAN) for _ in range(3))
    running = np.zeros(shape, bool)
    running[1, 1], start[1, 1] = True, 50.0
    past_start[1, 1], past_end[1, 1] = 5.0, 40.0  # its run before this one
    others = running.copy()
    mem, at = with_ended(others, start, running, past_start, past_end, np.ones(shape, bool), 1.0)
    assert mem[1, 1] and at[1, 1] == 50.0


# ---- through the real detector

PERSIST = 30.0  # seconds = samples (one a second)
START = 20  # the change and the patches elsewhere appear together (the dusk's light)
CHANGE = ((8, 8), (8, 9), (9, 8), (9, 9))  # on lawn-1
PATCHES = ((3, 3), (16, 4), (15, 15), (5, 30), (17, 35))  # five places of the picture


def _lawn_alarms(patch_samples: int, **options: object) -> list[int]:
    """Lawn-1 alarms when the patches stay ``patch_samples`` and the change stays for good."""
    det = ConstructionDetector(parse_zones(cs.zones(PERSIST)),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                  **options))
    base, rng = cs.ground(), np.random.default_rng(5)
    changed = base
    for b in CHANGE:
        changed = cs.with_slab(changed, b)
    both = changed
    for b in PATCHES:
        both = cs.with_slab(both, b)
    found = []
    for i in range(START + 2 * int(PERSIST)):
        scene = (both if START <= i < START + patch_samples else changed if i >= START
                 else base)
        found += [i for ev in det.process(cs.shot(scene, rng), float(i))
                  if isinstance(ev, Detection) and ev.event.zone == "lawn-1"]
    return found


def test_patches_that_started_with_the_change_and_have_gone_still_make_it_weather() -> None:
    """The patches lived 14 samples and were gone (their runs ended) long before the change
    was old enough to raise: without the memory the check finds no other place running and
    raises it (as fresh dev 1059's dusk patch the snow had covered, round 16); with it, the
    start was the weather's."""
    assert _lawn_alarms(14) != []
    assert _lawn_alarms(14, weather_memory=0.5) == []


def test_patches_that_lived_minutes_are_not_remembered() -> None:
    """Patches there for 3 samples (a passing light) ended with lives under the memory's
    0.5 x persistence: the change is raised, as without the memory."""
    assert _lawn_alarms(3, weather_memory=0.5) != []
