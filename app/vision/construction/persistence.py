"""How long each block's change has stayed: one run per block, counted in usable samples.

A run starts at the first sample showing a static appearance in the block (different from
the reference, the same as the sample before: the fast model), gathers hits, survives up
to ``gap_samples`` samples without it (someone standing in front, a car parked beside) and
ends when it has been gone longer or was seen in too few of its samples — a lawn path that
someone crosses now and then never builds a run. Samples that cannot judge a block (night
before its reference exists, a global change, the registration border) neither hit nor
miss. A background seen uncovered for ``vanish_samples`` in a row is reported so the
reference can take it at once.
"""

from __future__ import annotations

import numpy as np

from app.vision.construction.config import ConstructionConfig

MIN_JUDGED = 6  # samples before a run can fail its hit ratio


class BlockRuns:
    def __init__(self, shape: tuple[int, int]) -> None:
        self.start = np.full(shape, np.nan)  # stream time of the run's first hit
        self.hits = np.zeros(shape, np.int32)
        self.samples = np.zeros(shape, np.int32)
        self.misses = np.zeros(shape, np.int32)  # consecutive usable samples without it
        self.score = np.zeros(shape, np.float32)  # mean change score over the hits
        self.vanish = np.zeros(shape, np.int32)  # consecutive samples showing it uncovered
        self.last_hit = np.full(shape, np.nan)  # stream time of the run's latest hit
        self.by_night = np.zeros(shape, bool)  # the run was started by a night picture

    @property
    def running(self) -> np.ndarray:
        return ~np.isnan(self.start)

    def update(self, t: float, hit: np.ndarray, vanish: np.ndarray, usable: np.ndarray,
               score: np.ndarray, cfg: ConstructionConfig, *, can_deny: bool = True
               ) -> np.ndarray:
        """One sample; returns the blocks whose run ended with it. ``can_deny`` False (an
        infrared night picture): a block may confirm its change but not deny it — a shed
        can be as bright as the lawn under the camera's lamp, and must not lose its run
        every night. A run the night itself started is the exception: the picture that
        saw it can tell it is gone (dev 1000: a few stray infrared hits an hour apart, on
        a lawn no one judged otherwise, kept a run alive from dusk till the snow came at
        midnight, and the snowed lawn was raised next morning as a structure 12 h old)."""
        hit = hit & usable
        new = hit & ~self.running
        self.start[new] = t
        self.hits[new] = self.samples[new] = 0
        self.score[new] = 0.0
        self.by_night[new] = not can_deny
        run = self.running & (usable if can_deny else hit | (usable & self.by_night))
        self.samples[run] += 1
        self.hits[hit] += 1
        self.last_hit[hit] = t
        self.score[hit] += (score[hit] - self.score[hit]) / self.hits[hit]
        self.misses[hit] = 0
        self.misses[run & ~hit] += 1
        ratio = self.hits / np.maximum(self.samples, 1)
        ended = self.running & ((self.misses > cfg.gap_samples)
                                | ((self.samples >= MIN_JUDGED) & (ratio < cfg.hit_ratio)))
        self.clear(ended)
        self.vanish[usable & vanish] += 1
        self.vanish[usable & ~vanish] = 0
        return ended

    def active(self, cfg: ConstructionConfig) -> np.ndarray:
        """Runs that are holding: seen often enough, at least three times."""
        ratio = self.hits / np.maximum(self.samples, 1)
        return self.running & (self.hits >= 3) & (ratio >= cfg.hit_ratio)

    def seen_at(self, t: float) -> np.ndarray:
        """Blocks whose change showed in the sample of time ``t``."""
        return self.last_hit == t

    def clear(self, blocks: np.ndarray) -> None:
        self.start[blocks] = self.last_hit[blocks] = np.nan
        self.hits[blocks] = self.samples[blocks] = self.misses[blocks] = 0
        self.score[blocks] = 0.0
        self.by_night[blocks] = False
