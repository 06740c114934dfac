"""Runs the day started and the night carried unseen, on small synthetic inputs
(tests/fixtures/construction_scene.py).

An infrared night cannot deny a change a day picture saw (a fence or a paving is often no
different from the lawn under the camera's lamp), so a run the day started lives through
the night on no evidence. In a file the one colour reference is learnt block by block at
different hours; a patch of the far fire lane that looks different in the evening light
started a run, the night carried it, and the first morning samples — the low sun showing the
patch the same way for a moment — raised it as a change twelve hours old (dev 5000's "scene"
alarms, all at dawn).

Round 8 tried judging such a run afresh in the morning (it keeps its start, but must hold
for MIN_JUDGED day samples again before it can be raised): on dev the distractor week 5000
went from 3 fire-lane alarms to 1 and 1013 from 2 to 1, fences and pavings were raised
0.7-0.8 h later, but dev 1003's rooftop room, raised at dawn before, was missed (in both
variants tried: the run's own count reset, or a separate count of the day's samples). Taken
out again (docs/detection.md, round 8). The patch below is the known false alarm it was for:
a strict expected failure, so a change that stops it is noticed."""

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
SPOT = (100, 120, 64, 64)  # x, y, w, h on the lawn
DAY, NIGHT = 16, 20  # the first day seeds the colour reference, the night's first 12 the infrared
DUSK_LOOK = (12, 13, 14, 15)  # the evening light shows the patch differently ...
DAWN = DAY + NIGHT  # ... and so does the low morning sun, for its first two samples


def _night(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The infrared picture: grey, lit by the camera's lamp the same way every night."""
    grey = cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_BGR2GRAY)
    grey = np.clip(grey.astype(np.float32) * 0.7 + rng.normal(0, 3, grey.shape), 0, 255)
    return cv2.cvtColor(grey.astype(np.uint8), cv2.COLOR_GRAY2BGR)


def _in_low_light(base: np.ndarray) -> np.ndarray:
    """The patch in low, raking light: the shadows of a railing fall across it."""
    x, y, w, h = SPOT
    out = base.copy()
    stripes = np.ones((h, w), np.float32)
    for k in range(-h, w, 12):
        cv2.line(stripes, (k, h), (k + h, 0), 0.4, 4)
    out[y:y + h, x:x + w] *= stripes[..., None]
    return out


def _alarms(lit: set[int], total: int) -> list[tuple[int, Detection]]:
    """A day, a night that shows the lawn as it always was, a morning; in the samples of
    ``lit`` the day picture shows the patch in low light."""
    det = ConstructionDetector(parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    base, rng = cs.ground(), np.random.default_rng(7)
    low = _in_low_light(base)
    found = []
    for i in range(total):
        night = DAY <= i < DAWN
        frame = _night(base, rng) if night else cs.shot(low if i in lit else base, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    return found


@pytest.mark.xfail(strict=True, reason="known false alarm: the night cannot deny a run the "
                   "day started, and the first morning samples raise it")
def test_a_patch_seen_differently_at_dusk_and_dawn_is_not_raised_by_the_dawn() -> None:
    """The run the dusk starts (sample 13) is raised by the second morning
    sample (37), 24 samples old."""
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
