"""``dead_band`` (hysteresis.py): a running block whose appearance scores in [``dead_band``,
1.0) is neither a hit nor a miss for its run — on the fixture scene through the real detector
(tests/fixtures/construction_scene.py), in memory and H.264-encoded through ``detect_file``,
and on ``BlockRuns`` itself.

As in test_construction_hysteresis.py: the shed blended into the lawn at 9 % of its contrast
scores about 1.0, so whether a sample hits is a matter of the sensor noise. Persistence 20
samples, one a second; the shed from sample 12 (clearly drawn, it is raised at 33)."""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.digest import first_divergence
from app.vision.construction.events import ChangeGone
from app.vision.construction.persistence import BlockRuns
from tests.app import test_construction_hysteresis as hysteresis
from tests.app.test_construction_hysteresis import PERSIST, N, _digests, _events, _frames, _raised

borderline = hysteresis.borderline  # the 9 % shed, H.264-encoded (module-scoped fixture)

OFF = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST)
BAND = ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST, dead_band=0.9)


def test_a_borderline_shed_is_raised_when_its_dips_are_not_counted_as_misses() -> None:
    """At 9 % of its contrast the shed is never raised without the band (its blocks' dips
    under 1.0 are misses, the runs end); with it the dips count for nothing and it is raised
    a sample after the clear shed's 33. At 9.5 % it is raised either way."""
    off = [_raised(_events(OFF, _frames(a))[0]) for a in (0.09, 0.095)]
    band = [_raised(_events(BAND, _frames(a))[0]) for a in (0.09, 0.095)]
    assert off == [[], [33]]
    assert [len(r) for r in band] == [1, 1]
    assert all(33 <= r[0] <= 36 for r in band)


def test_the_band_starts_no_run() -> None:
    """At 6 % and 8 % the shed scores under 1.0 in every sample: no block ever runs, with
    or without the band (a run starts at 1.0 only)."""
    for alpha in (0.06, 0.08):
        for cfg in (OFF, BAND):
            events, det = _events(cfg, _frames(alpha))
            assert _raised(events) == []
            assert not det.runs.running.any()


def test_a_shed_taken_away_is_gone_as_soon_as_without_the_band() -> None:
    """Drawn clearly from 12 and taken away at 45: raised at 33 and reported gone at the
    same sample either way — the lawn back scores far under the band."""
    frames = _frames(1.0, until=45)
    off, band = _events(OFF, frames)[0], _events(BAND, frames)[0]
    assert _raised(off) == _raised(band) == [33]
    gone = [[i for i, ev in e if isinstance(ev, ChangeGone)] for e in (off, band)]
    assert gone[0] == gone[1] and len(gone[0]) == 1 and gone[0][0] > 45


def test_a_neutral_sample_neither_feeds_nor_ends_a_run() -> None:
    """``BlockRuns.update``: two blocks start a run; then block 0 is in the band and block 1
    misses, for more than ``gap_samples``: block 1's run ends on its gap, block 0's keeps its
    hits and samples as they were; its next hit is counted as the run's second."""
    cfg = ConstructionConfig()
    runs = BlockRuns((1, 2))
    every = np.ones((1, 2), bool)
    none = np.zeros((1, 2), bool)
    score = np.full((1, 2), 1.2, np.float32)
    runs.update(0.0, every, none, every, score, cfg)
    neutral = np.array([[True, False]])
    for t in range(1, cfg.gap_samples + 2):
        runs.update(float(t), none, none, every, score, cfg, neutral=neutral)
    assert runs.running.tolist() == [[True, False]]
    assert (runs.hits[0, 0], runs.samples[0, 0], runs.misses[0, 0]) == (1, 1, 0)
    runs.update(99.0, every, none, every, score, cfg, neutral=neutral)  # a hit is a hit
    assert (runs.hits[0, 0], runs.samples[0, 0]) == (2, 2)


def test_off_and_a_band_of_one_are_todays_runs_on_every_sample(borderline) -> None:
    """``dead_band`` None (the default) and 1.0 (an empty band) give the same state and
    events on every sample; 0.9 parts from them."""
    off = _digests(borderline, None)
    assert len(off) == N
    assert _digests(borderline, ConstructionConfig(dead_band=1.0)) == off
    assert first_divergence(off, _digests(borderline, ConstructionConfig(dead_band=0.9))) \
        is not None
