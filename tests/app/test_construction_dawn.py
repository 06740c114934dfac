"""Runs the day started and the night carried unseen, on small synthetic inputs
(tests/fixtures/construction_scene.py).

An infrared night cannot deny a change a day picture saw (a fence or a paving is often no
different from the lawn under the camera's lamp), so a run the day started lives through
the night on no evidence. In a file the one colour reference is learnt block by block at
different hours; a patch of the far fire lane that looks different in the evening light
started a run, the night carried it, and the first morning samples — the low sun showing the
patch the same way for a moment — raised it as a change twelve hours old (dev 5000's "scene"
alarms, all at dawn). Now a run the night never saw is judged afresh by the day: it keeps
its start and its count, but is active again only once MIN_JUDGED day samples show it often
enough — and while it is judged so, the reference does not take it as ground uncovered
(the first version of the rule did: dev 1003's rooftop room was learnt away and missed)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second): longer than the evening look
SPOT = (100, 120, 64, 64)  # x, y, w, h on the lawn
DAY, NIGHT = 28, 20  # the first day seeds the colour reference, the night's first 12 the infrared
DUSK_LOOK = tuple(range(14, DAY))  # the evening light shows the patch differently ...
DAWN = DAY + NIGHT  # ... and so does the low morning sun, for its first two samples



def _in_low_light(base: np.ndarray) -> np.ndarray:
    """The patch in low, raking light: the shadows of a railing fall across it."""
    x, y, w, h = SPOT
    out = base.copy()
    stripes = np.ones((h, w), np.float32)
    for k in range(-h, w, 12):
        cv2.line(stripes, (k, h), (k + h, 0), 0.4, 4)
    out[y:y + h, x:x + w] *= stripes[..., None]
    return out


def _washed_out(base: np.ndarray) -> np.ndarray:
    """The patch in the glare of the low sun: its texture gone."""
    x, y, w, h = SPOT
    out = base.copy()
    out[y:y + h, x:x + w] = cv2.GaussianBlur(out[y:y + h, x:x + w], (0, 0), 8)
    return out


def _alarms(lit: set[int], total: int, glare: set[int] = frozenset(),
            runs: list | None = None) -> list[tuple[int, Detection]]:
    """A day, a night, a morning; in the samples of ``lit`` the picture shows the patch
    in low light (the day's) or differently under the lamp (the night's); otherwise the
    night shows the lawn as it always was."""
    det = ConstructionDetector(parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    base, rng = cs.ground(), np.random.default_rng(7)
    low, washed = _in_low_light(base), _washed_out(base)
    found = []
    for i in range(total):
        night = DAY <= i < DAWN
        day = washed if i in glare else low if i in lit else base
        frame = cs.infrared(low if i in lit else base, rng) if night else cs.shot(day, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    if runs is not None:
        x, y, w, h = SPOT
        runs.append(det.runs.start[y // 16:(y + h) // 16, x // 16:(x + w) // 16])
    return found


def test_a_patch_seen_differently_at_dusk_and_dawn_is_not_raised_by_the_dawn() -> None:
    """The run the dusk starts (sample 15) is raised by the second morning sample (49),
    34 samples old."""
    lit = set(DUSK_LOOK) | {DAWN, DAWN + 1}
    assert _alarms(lit, total=DAWN + 14) == []


def test_a_change_seen_every_day_and_never_at_night_is_still_raised_in_the_morning() -> None:
    """What the morning keeps showing (a fence the lamp does not show) is raised in the
    morning, its start kept from the day before (the rule tried in round 8 raised it
    within the hour it took to judge it again)."""
    lit = set(DUSK_LOOK) | set(range(DAWN, DAWN + 14))
    found = _alarms(lit, total=DAWN + 14)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, ev = found[0]
    assert DAWN < i <= DAWN + 8
    assert ev.event.t_onset <= DUSK_LOOK[-1]


def test_a_change_washed_out_by_the_dawn_glare_is_not_learnt_as_uncovered_ground() -> None:
    """The morning glare shows the carried change as texture lost — what a background
    uncovered looks like — for three samples. While the day judges the run again it is not
    active, and the first version of the rule took the patch into the reference as the
    ground uncovered and ended its run (dev 1003's rooftop room): 8 of its 16 blocks were
    taken into the reference and started again as changes of that morning."""
    glare = set(range(DAWN, DAWN + 4))
    lit = set(DUSK_LOOK) | set(range(DAWN + 4, DAWN + 24))
    starts: list = []
    found = _alarms(lit, total=DAWN + 24, glare=glare, runs=starts)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    assert found[0][1].event.t_onset <= DUSK_LOOK[-1]
    assert np.nanmax(starts[0]) <= DUSK_LOOK[-1]  # every block of the patch: the dusk's run


NIGHT_JUDGED = range(DAY + 12, DAWN)  # the night's first 12 samples seed its reference


@pytest.mark.xfail(strict=True, reason="not fixed: the fix tried in round 8b (e395db2, "
                   "reverted) lost dev 1021's fence (docs/benchmarks.md, round 8b)")
def test_a_few_stray_night_hits_do_not_spare_the_dusk_patch_the_mornings_judging() -> None:
    """Rain on the infrared picture hits a few per cent of all blocks in every sample, and
    a hit or two on the dusk's patch counted as the night having shown it: the run was not
    judged afresh and the first morning samples raised it (dev 1013's fire lane, in rain).
    Here the lamp shows the patch differently in two samples of eight (one hit: the first
    of the two differs from the sample before) — not as often as the day must."""
    stray = {NIGHT_JUDGED[3], NIGHT_JUDGED[4]}
    lit = set(DUSK_LOOK) | stray | {DAWN, DAWN + 1}
    assert _alarms(lit, total=DAWN + 14) == []


def test_a_change_the_night_keeps_showing_is_raised_without_the_mornings_judging() -> None:
    """The guard: what the lamp shows in the night's samples, as often as the day must,
    has been shown by the night and is raised at once — by the night itself."""
    lit = set(DUSK_LOOK) | set(NIGHT_JUDGED) | set(range(DAWN, DAWN + 14))
    found = _alarms(lit, total=DAWN + 14)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, ev = found[0]
    assert i < DAWN
    assert ev.event.t_onset <= DUSK_LOOK[-1]


def test_a_stray_night_hit_does_not_raise_the_dusk_patch_at_night() -> None:
    """An infrared sample raised a patch the evening had started when a stray hit (rain on
    the lamp's picture) fell on it once it was old enough: the night had shown it in two
    samples of eight (dev 1017's fire lane, raised at 04:50 by one hit of its two blocks,
    9 hits in ~44 night samples). The morning here shows the lawn as it always was."""
    stray = {NIGHT_JUDGED[3], NIGHT_JUDGED[4]}
    assert _alarms(set(DUSK_LOOK) | stray, total=DAWN + 14) == []
