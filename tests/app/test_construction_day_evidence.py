"""``day_evidence`` (config.py): a change is raised only once day samples have looked at it for a
share of the persistence time — on small synthetic inputs through the real detector
(tests/fixtures/construction_scene.py).

The persistence time counts the night, and an infrared night cannot deny a change a day saw.
On the bench (round 20) what the last hour of an afternoon started — a patch of the fire lane
in the low evening light — was carried through a rainy night (a stray rain hit on the lamp's
picture counts as the night having shown it, so the morning does not judge it afresh) and
raised by the dawn's first samples as a change twelve hours old, seen by day for two hours
of them (fresh 1051, 1060). Here: a day of 28 samples, a night of 20, persistence 20
samples; ``day_evidence`` 0.25 asks for 5 day samples.

``day_passed`` (round 21) counts the day samples that passed since a run started, judging it
or not: a shed on a lawn the group guard keeps out of every snowy day sample, which only the
nights judge, is raised as without the rule (fresh 1065, dev 1025: lost by ``day_evidence``)."""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
DAY, NIGHT = 28, 20
DAWN = DAY + NIGHT
NIGHT_JUDGED = range(DAY + 12, DAWN)  # the night's first 12 samples seed its reference
STRAY = {NIGHT_JUDGED[3], NIGHT_JUDGED[4]}  # rain on the lamp's picture hits the patch twice
ON = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST, day_evidence=0.25)
OFF = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST)
PASSED = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST, day_passed=0.25)
SHED_AT = (100, 120)


def _snowed(img: np.ndarray) -> np.ndarray:
    """Snow lying on the lower part of the lawn (~30 % of its blocks: the group guard, not
    the global one; not under the shed)."""
    out = img.copy()
    out[240:330, 20:300] = 0.6 * out[240:330, 20:300] + 0.4 * np.float32((235, 235, 240))
    return out


def _alarms(cfg: ConstructionConfig, shown: set[int], total: int,
            night_shows: bool = False, snowy: set[int] = frozenset()  # noqa: B006
            ) -> list[tuple[int, Detection]]:
    """A day, a night, a morning (and on, a day of 28 and a night of 20 samples): in the
    samples of ``shown`` the picture has a shed on the lawn (by day; at night only if
    ``night_shows`` or in a stray sample), otherwise the lawn as it always was; in the day
    samples of ``snowy`` snow lies on the lawn."""
    det = ConstructionDetector(parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST}), cfg)
    base, rng = cs.ground(), np.random.default_rng(7)
    built = cs.with_shed(base, SHED_AT)
    found = []
    for i in range(total):
        night = (i % DAWN) >= DAY
        there = i in shown and (not night or night_shows or i in STRAY)
        scene = built if there else base
        frame = cs.infrared(scene, rng) if night else cs.shot(
            _snowed(scene) if i in snowy else scene, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    return found


def test_what_the_dusk_started_and_the_dawn_showed_for_two_samples_is_not_raised() -> None:
    """Shown in the last three samples of the day (one judges it still: the run starts at
    25), twice by the rainy night, and by the first two samples of the morning. Without the
    rule the dawn raises it, 23 samples old, seen by day in four samples; with it, it is
    gone before the day has looked at it for five."""
    shown = {25, 26, 27} | STRAY | {DAWN, DAWN + 1}
    off = _alarms(OFF, shown, DAWN + 14)
    assert [(i, ev.event.zone) for i, ev in off] == [(DAWN + 1, "lawn-1")]
    assert _alarms(ON, shown, DAWN + 14) == []


def test_a_shed_put_up_at_dusk_is_still_raised_once_the_morning_has_looked_at_it() -> None:
    """The same start, but the shed stays: raised two samples later, by the morning (its
    first sample judges nothing: no sample before it in its bin; the run's day samples are
    26, 27, then 49, 50, 51)."""
    shown = set(range(25, DAWN + 14))
    off, on = _alarms(OFF, shown, DAWN + 14), _alarms(ON, shown, DAWN + 14)
    assert [(i, ev.event.zone) for i, ev in off] == [(DAWN + 1, "lawn-1")]
    assert [(i, ev.event.zone) for i, ev in on] == [(DAWN + 3, "lawn-1")]
    assert on[0][1].event.t_onset == off[0][1].event.t_onset


def test_a_shed_put_up_by_day_is_raised_when_it_was_without_the_rule() -> None:
    """Put up at sample 12 and seen by day for 15 samples before the night (the night's
    reference, seeded with it standing, does not show it): raised by the morning at the same
    sample either way."""
    shown = set(range(12, DAWN + 14))
    off = _alarms(OFF, shown, DAWN + 14, night_shows=True)
    on = _alarms(ON, shown, DAWN + 14, night_shows=True)
    assert len(off) == 1 and [(i, ev.event.zone) for i, ev in on] == [
        (i, ev.event.zone) for i, ev in off]


def test_day_passed_does_not_raise_what_the_dusk_started_and_the_dawn_showed_twice() -> None:
    """Shown in the last two samples of the day, twice by the rainy night, and by the first
    two of the morning: without a rule the dawn raises it; the day has passed over it for
    four samples (26, 27, 48, 49) of the five ``day_passed`` asks."""
    shown = {26, 27} | STRAY | {DAWN, DAWN + 1}
    assert [(i, ev.event.zone) for i, ev in _alarms(OFF, shown, DAWN + 14)] == [
        (DAWN + 1, "lawn-1")]
    assert _alarms(PASSED, shown, DAWN + 14) == []


def test_day_passed_raises_a_shed_only_the_nights_judge_as_without_the_rule() -> None:
    """Put up on the second day, while snow lies on the lawn by day: the group guard keeps
    the lawn out of every day sample from then on, so only the infrared nights see the shed
    (as on fresh 1065's and dev 1025's snow days). ``day_evidence`` never raises it (no day
    sample judged it); ``day_passed`` raises it when it was raised without a rule, by the
    third night: the second day passed over it."""
    total = 3 * DAWN
    snowy = set(range(DAWN, DAWN + DAY)) | set(range(2 * DAWN, 2 * DAWN + DAY))
    shown = set(range(DAWN + 2, total))
    off = _alarms(OFF, shown, total, night_shows=True, snowy=snowy)
    assert [ev.event.zone for _i, ev in off] == ["lawn-1"]
    assert 2 * DAWN + DAY <= off[0][0] < total  # by the third night
    assert _alarms(ON, shown, total, night_shows=True, snowy=snowy) == []
    passed = _alarms(PASSED, shown, total, night_shows=True, snowy=snowy)
    assert [(i, ev.event.zone) for i, ev in passed] == [(i, ev.event.zone) for i, ev in off]


def test_day_passed_raises_a_shed_put_up_by_day_when_it_was_without_the_rule() -> None:
    shown = set(range(12, DAWN + 14))
    off = _alarms(OFF, shown, DAWN + 14, night_shows=True)
    on = _alarms(PASSED, shown, DAWN + 14, night_shows=True)
    assert len(off) == 1 and [(i, ev.event.zone) for i, ev in on] == [
        (i, ev.event.zone) for i, ev in off]
