"""Hysteresis on a block's hit: a run starts where the score reaches 1.0 and is kept down to
``hit_keep`` (round 22).

A block's score is the largest of its cues over their thresholds (features.compare), and a
block hits when that is an appearance of 1.0 or more that the sample before showed too. A
block whose change scores near 1.0 hits in some samples and misses in others, and a change
of a few of its pixels by one grey level (round 21: every aligned picture differs so in a
handful of pixels with IPP or without it; the bench's realisations) flips which: its run
ends or survives, its hit ratio passes or fails, and the alarms built on it come and go —
of 39 distinct false alarms over three realisations of the 46 dev, fresh and week videos
only 6 recur in all three. With ``hit_keep`` a block already running hits on an appearance
down to that score: what started a run must fall clearly below the threshold to miss, not
by a grey level. A block with no run still needs 1.0 to start one, and the guards (a global
change, the group of lawns), the fast model's "the same as a sample ago" and the background
uncovered are judged at 1.0 as before.

``dead_band`` (round 22b; hit_keep measured worse: the hit ratio and the gap no longer ended
the lawn and lane patches the light shows near the threshold): a running block whose
appearance scores in [``dead_band``, 1.0) counts neither as a hit nor as a miss for its run
(persistence.BlockRuns.update: not one of its samples), so a grey level flips a borderline
block between a hit and nothing rather than a hit and a miss, and the ratio and the gap keep
their meaning over the samples that do judge it. The ground back (groundback.py) is still a
miss, and the band starts no run.
"""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.features import BlockDiff


def appearing(diff: BlockDiff, running: np.ndarray, cfg: ConstructionConfig) -> np.ndarray:
    """The blocks showing an appearance this sample: ``diff.appear`` (score ≥ 1.0), and with
    ``hit_keep`` also the running blocks whose appearance scores at least that."""
    if cfg.hit_keep is None:
        return diff.appear
    kept = running & diff.valid & (diff.score >= cfg.hit_keep) & ~diff.uncovering
    return diff.appear | kept


def dead_band(diff: BlockDiff, running: np.ndarray, back: np.ndarray,
              cfg: ConstructionConfig) -> np.ndarray | None:
    """The running blocks whose appearance scores in [``dead_band``, 1.0) this sample: neither
    hit nor miss for their runs. None when ``dead_band`` is off."""
    if cfg.dead_band is None:
        return None
    return (running & diff.valid & (diff.score >= cfg.dead_band) & (diff.score < 1.0)
            & ~diff.uncovering & ~back)
