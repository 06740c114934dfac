"""How long each block's change has stayed: one run per block, counted in usable samples.

A run starts at the first sample showing a static appearance in the block (different from
the reference, the same as the sample before: the fast model), gathers hits, survives up
to ``gap_samples`` samples without it (someone standing in front, a car parked beside) and
ends when it has been gone longer or was seen in too few of its samples — a lawn path that
someone crosses now and then never builds a run. Samples that cannot judge a block (night
before its reference exists, a global change, the registration border) neither hit nor
miss. A background seen uncovered for ``vanish_samples`` in a row is reported so the
reference can take it at once.

The night: an infrared picture cannot deny what a day picture saw (many structures look
like the lawn under the camera's lamp), so a run the day started lives through the night on
no evidence. The next day judges such a run afresh — it keeps its start and its count, but
is active again only once the day's own samples (at least ``MIN_JUDGED``) show it often
enough — so a patch that only the evening and the low morning sun show differently is not
raised by the dawn. A run the night itself started, the night can end.
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
        # the night's own record of a run: infrared samples that could judge it, and hits
        self.night_hits = np.zeros(shape, np.int32)
        self.night_usable = np.zeros(shape, np.int32)
        self.slept = np.zeros(shape, bool)  # the run has lived through a night picture
        # carried through a night unseen: hits and usable samples of the day since
        self.woke_hits = np.zeros(shape, np.int32)
        self.woke_samples = np.full(shape, -1, np.int32)  # -1: not on probation
        # carried through hours no sample could judge: only day samples judge it again
        self.day_judge = np.zeros(shape, bool)
        # day (colour) samples that could judge the run: how long a day has looked at it
        self.day_seen = np.zeros(shape, np.int32)
        # day (colour) samples since the run started, judging it or not: how much day passed
        self.day_passed = np.zeros(shape, np.int32)
        self.blind = 0  # samples in a row that could judge no block at all

    @property
    def running(self) -> np.ndarray:
        return ~np.isnan(self.start)

    def update(self, t: float, hit: np.ndarray, vanish: np.ndarray, usable: np.ndarray,
               score: np.ndarray, cfg: ConstructionConfig, *, can_deny: bool = True,
               neutral: np.ndarray | None = None) -> np.ndarray:
        """One sample; returns the blocks whose run ended with it. ``can_deny`` False (an
        infrared night picture): a block may confirm its change but not deny it — a shed
        can be as bright as the lawn under the camera's lamp, and must not lose its run
        every night. A run the night itself started is the exception: the picture that
        saw it can tell it is gone (dev 1000: a few stray infrared hits an hour apart, on
        a lawn no one judged otherwise, kept a run alive from dusk till the snow came at
        midnight, and the snowed lawn was raised next morning as a structure 12 h old).
        ``neutral`` (hysteresis.dead_band): blocks this sample neither hits nor misses; they
        still count as seen for ``blind`` and the vanish streak."""
        hit = hit & usable
        judged = usable if neutral is None else usable & ~(neutral & ~hit)
        if not usable.any():
            self.blind += 1
        elif self.blind > cfg.unseen_samples:
            self.judge_by_day(self.running)
            self.blind = 0
        else:
            self.blind = 0
        new = hit & ~self.running
        self.start[new] = t
        self.hits[new] = self.samples[new] = self.day_seen[new] = self.day_passed[new] = 0
        self.score[new] = 0.0
        self.by_night[new] = not can_deny
        if can_deny:
            # the first day picture after a night that never showed the change: the run
            # keeps its start and count, and the day's samples judge it afresh (dev 5000:
            # fire-lane patches the evening light showed differently were carried through
            # the night and raised by the first samples of the dawn). Resetting the run's
            # own count instead lost dev 1003's rooftop room
            # any night hit spares a run the morning's judging; the stricter rule (the
            # night must show it at the hit ratio, night_shown) was tried in round 8b and
            # lost dev 1021's fence: it only keeps an infrared sample from raising a run
            # (detector.py)
            shown = self.night_hits > 0
            slept = self.running & self.slept & ~new
            woke = slept & ~shown & ~self.day_judge
            self.woke_hits[woke] = self.woke_samples[woke] = 0
            # the night has shown it after all (not a run judged by day: judge_by_day)
            self.woke_samples[slept & shown & ~self.day_judge] = -1
            self.slept[:] = False
            self.night_hits[:] = self.night_usable[:] = 0
        else:
            self.slept |= self.running
            self.night_hits[hit] += 1
            self.night_usable[self.running & judged] += 1
        run = self.running & (judged if can_deny else hit | (judged & self.by_night))
        if can_deny:
            self.day_seen[run] += 1
            self.day_passed[self.running] += 1
        self.samples[run] += 1
        self.hits[hit] += 1
        waking = (self.woke_samples >= 0) & (can_deny | ~self.day_judge)
        self.woke_samples[run & waking] += 1
        self.woke_hits[hit & waking] += 1
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

    def skip(self) -> None:
        """A sample that judged no block (unregistered, dark): ``update`` not called."""
        self.blind += 1

    def judge_by_day(self, blocks: np.ndarray) -> None:
        """The runs of ``blocks`` are judged afresh, by day samples only: they keep their
        start and count, but are active again only once at least ``MIN_JUDGED`` day samples
        show them often enough; what the night recorded of them before is stale. For the runs
        carried through more than ``unseen_samples`` samples that could judge no block at
        all (dev 1025: a rainy night started wet-lawn runs, 85 samples of the rainy day
        could not be registered, and the next dusk's first infrared sample raised three of
        them 18 h old, no day having seen them). Not per block: the lawns left unjudged by
        the group guard for a whole day (1025's next day) are judged by the night only, and
        a shed put up on one at night was found so (judging such runs by the day only lost
        it)."""
        blocks = blocks & self.running
        self.woke_hits[blocks] = self.woke_samples[blocks] = 0
        self.day_judge[blocks] = True
        self.slept[blocks] = False
        self.night_hits[blocks] = self.night_usable[blocks] = 0

    def day_short(self, inside: np.ndarray, interval: float, persist: float,
                  cfg: ConstructionConfig) -> bool:
        """The day has not yet looked at these blocks' runs long enough (the median block):
        judged them for ``day_evidence`` or passed over them for ``day_passed`` of
        ``persist`` (config.py); False when both are off."""
        return any(share is not None and interval * float(np.median(count[inside]))
                   < share * persist for share, count in ((cfg.day_evidence, self.day_seen),
                                                          (cfg.day_passed, self.day_passed)))

    def active(self, cfg: ConstructionConfig) -> np.ndarray:
        """Runs that are holding: seen often enough, at least three times."""
        ratio = self.hits / np.maximum(self.samples, 1)
        woke = self.woke_hits / np.maximum(self.woke_samples, 1)
        judged = (self.woke_samples < 0) | ((self.woke_samples >= MIN_JUDGED)
                                            & (woke >= cfg.hit_ratio))
        return self.running & (self.hits >= 3) & (ratio >= cfg.hit_ratio) & judged

    def night_shown(self, cfg: ConstructionConfig) -> np.ndarray:
        """Runs this night (so far) has shown as a day must:
        at least three hits, in ``hit_ratio`` of its infrared samples that could judge
        them."""
        return (self.night_hits >= 3) & (self.night_hits >= cfg.hit_ratio * self.night_usable)

    @property
    def afresh(self) -> np.ndarray:
        """Runs the night carried unseen, being judged on the day's samples again."""
        return self.woke_samples >= 0

    def seen_at(self, t: float) -> np.ndarray:
        """Blocks whose change showed in the sample of time ``t``."""
        return self.last_hit == t

    def clear(self, blocks: np.ndarray) -> None:
        self.start[blocks] = self.last_hit[blocks] = np.nan
        self.hits[blocks] = self.samples[blocks] = self.misses[blocks] = 0
        self.day_seen[blocks] = self.day_passed[blocks] = 0
        self.score[blocks] = 0.0
        self.by_night[blocks] = False
        self.slept[blocks] = False
        self.night_hits[blocks] = self.night_usable[blocks] = 0
        self.woke_hits[blocks] = 0
        self.woke_samples[blocks] = -1
        self.day_judge[blocks] = False
