"""Runs carried through hours no sample could judge, and small changes in a busy picture,
on small synthetic inputs (tests/fixtures/construction_scene.py).

A run lives on no evidence while no sample can judge it — the registration cannot align a
rainy day, the lens is covered — and the first sample after could raise it: a rainy night
started wet-lawn runs, 85 samples of the next day could not be registered, and the next
dusk's first infrared sample raised them 18 h old (dev 1025). Now such a run is judged
afresh by the day, as a run the night carried unseen is (test_construction_dawn.py).

Rain by day starts runs on 15-20 % of the blocks, each when its drops fall, so the weather
rule (changes elsewhere starting with this one) finds no shared start for a small change
whose onset is the median of a start the evening made and one the rain made (dev 1017: a
roof patch of two blocks raised at 13:00 on a rainy day while 120-160 blocks ran). Not
fixed: a strict expected failure (docs/benchmarks.md, round 9).
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)


def _striped(base: np.ndarray, rects: list[tuple[int, int, int, int]]) -> np.ndarray:
    """``rects`` (x, y, w, h) seen differently: a wet surface, low raking light."""
    out = base.copy()
    for x, y, w, h in rects:
        stripes = np.ones((h, w), np.float32)
        for k in range(-h, w, 12):
            cv2.line(stripes, (k, h), (k + h, 0), 0.4, 4)
        out[y:y + h, x:x + w] *= stripes[..., None]
    return out


def _detector() -> ConstructionDetector:
    return ConstructionDetector(parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST}),
                                ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))


# ---- carried through blind hours ----------------------------------------------------------
DAY, NIGHT = 28, 20  # the first day seeds the colour reference, the night's first 12 the infrared
WET = (100, 120, 64, 64)  # the lawn the lamp shows differently when wet
BLIND = range(DAY + NIGHT, DAY + NIGHT + 14)  # samples that judge nothing
NIGHT2 = range(BLIND[-1] + 1, BLIND[-1] + 9)  # the next night
MORNING = NIGHT2[-1] + 1


def _through_blind_hours(night_look: set[int], day_look: set[int], total: int,
                         shed: bool = False) -> list[tuple[int, Detection]]:
    det = _detector()
    base, rng = cs.ground(), np.random.default_rng(5)
    if shed:
        built = cs.with_shed(base, cs.ON_LAWN)
    found = []
    for i in range(total):
        scene = built if shed and i >= 14 else base
        if i in BLIND:  # a covered lens, a picture nothing can be registered on
            frame = np.full((cs.H, cs.W, 3), 40, np.uint8)
        elif DAY <= i < DAY + NIGHT or i in NIGHT2:
            frame = cs.infrared(_striped(scene, [WET]) if i in night_look else scene, rng)
        else:
            frame = cs.shot(_striped(scene, [WET]) if i in day_look else scene, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    return found


def test_a_wet_lawn_carried_through_blind_hours_is_not_raised_by_the_next_night() -> None:
    """The lamp shows the wet lawn from the night's judged samples on (the run starts at
    41 and holds); the blind hours pass; the next night's first samples show it again. The
    old code raised it by the next night's first sample, 21 samples old, though no day had
    ever seen it; the morning shows the lawn as it always was."""
    wet = set(range(DAY + 12, DAY + NIGHT)) | set(NIGHT2)
    assert _through_blind_hours(wet, set(), total=MORNING + 14) == []


def test_a_shed_carried_through_blind_hours_is_raised_by_the_day_after() -> None:
    """The guard: a shed the day saw go up (sample 14), carried through the night and the
    blind hours, is raised once the day's own samples have judged it again, its start
    kept."""
    found = _through_blind_hours(set(), set(), total=MORNING + 14, shed=True)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, ev = found[0]
    assert MORNING < i <= MORNING + 9
    assert ev.event.t_onset < DAY


# ---- a small change in a busy picture -----------------------------------------------------
RAIN = range(30, 62)
PATCH = [(208, 160, 16, 16), (224, 160, 16, 16)]  # two blocks of the lawn


def _in_the_rain(total: int, patch_from: tuple[int, int], patch_until: int
                 ) -> tuple[list[tuple[int, Detection]], list[float]]:
    """Rain: a few per cent of the blocks (outside the patch) look wet for three samples
    from a random sample on, so 15-20 % of the picture runs and no start is shared. The
    patch's first block looks different from ``patch_from[0]`` on (the evening's light
    on it, carried), its second from ``patch_from[1]``, both until ``patch_until``."""
    det = _detector()
    base, rng = cs.ground(), np.random.default_rng(11)
    rows, cols = cs.H // 16, cs.W // 16
    free = [(r, c) for r in range(rows) for c in range(cols)
            if not any(x // 16 - 1 <= c <= x // 16 + 1 and y // 16 - 1 <= r <= y // 16 + 1
                       for x, y, _w, _h in PATCH)]
    wet_until: dict[tuple[int, int], int] = {}
    found, running = [], []
    for i in range(total):
        if i in RAIN:
            for k in rng.choice(len(free), size=int(0.03 * rows * cols), replace=False):
                wet_until.setdefault(free[k], i + 3)
        wet_until = {b: u for b, u in wet_until.items() if u > i}
        rects = [(c * 16, r * 16, 16, 16) for r, c in wet_until]
        rects += [p for p, start in zip(PATCH, patch_from, strict=True) if start <= i < patch_until]
        frame = cs.shot(_striped(base, rects), rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
        running.append(float(det.runs.running.mean()) if det.samples > 1 else 0.0)
    return found, running


@pytest.mark.xfail(strict=True, reason="not fixed: the rule tried in round 9 (a small change "
                   "waits while >= 10 % of the picture runs) lost dev 1010's yard shed "
                   "through a rainy day and moved dev 1017's roof alarm to the dawn")
def test_a_small_patch_the_rain_shows_is_not_raised_while_the_rain_runs() -> None:
    """The patch's onset is the median of its blocks' starts (14 and 32): 23, when no rain
    run started, so the rule of shared starts does not see the rain. The old code raised it
    at 44, in the rain, and still does; with the rule tried it ended when the rain
    stopped and the roof dried."""
    found, running = _in_the_rain(total=RAIN[-1] + 16, patch_from=(14, 32),
                                  patch_until=RAIN[-1] + 1)
    assert 0.12 <= float(np.median(running[RAIN[0] + 8:RAIN[-1]])) <= 0.25  # as dev's rain
    assert found == []
