"""A change's age, block by block, for the persistence check (``lone_after``, round 13).

A lone block is never raised (``min_blocks``), and a change's age is the median start of its
blocks — for two blocks their mean — so a block changed for a day or more (a stain on the
fire lane, a patch the reference learnt badly) was raised together with any neighbour that
changed for a moment: a block changed 26 h ago and one changed 20 min ago made a change 13 h
old (dev's "young partners": 8 of 14 false alarms in round 10's structure runs, and 5000's
distractor alarm). So a block that has held (``BlockRuns.active``) with no active neighbour
for longer than ``lone_after`` × the persistence time, when a neighbour joins it, counts its
age from that join. Only a lone spell that long: a real structure whose block's run restarts
(someone standing in front longer than ``gap_samples``) or whose neighbours flicker in and
out of being active leaves its other blocks alone for an hour or two and keeps the mean of
its starts, as before — round 10's ``held_blocks`` 2, which asked every pair to have stood
the whole persistence time, lost two of held-out-3's structures that way (the likely cause).
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.persistence import BlockRuns


def neighbours(blocks: np.ndarray) -> np.ndarray:
    """How many of each block's eight neighbours are in ``blocks`` ((rows, cols) bool)."""
    on = blocks.astype(np.float32)
    around = cv2.filter2D(on, -1, np.ones((3, 3), np.float32), borderType=cv2.BORDER_CONSTANT)
    return np.rint(around - on).astype(np.int32)


class BlockAges:
    """``aged_from``: each running block's age for the persistence check — its run's
    start, or when a neighbour joined it after it had held alone for long (NaN: not
    running)."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self.aged_from = np.full(shape, np.nan)
        # since when each holding block has had no active neighbour (NaN: it has one, or
        # is not running), and the runs' starts as the last sample left them
        self._lone_from = np.full(shape, np.nan)
        self._run_start = np.full(shape, np.nan)

    def update(self, runs: BlockRuns, cfg: ConstructionConfig, persist_s: float,
               t: float) -> None:
        running = runs.running
        fresh = running & ~(runs.start == self._run_start)  # started since the last sample
        self._run_start = runs.start.copy()
        self.aged_from[fresh] = runs.start[fresh]
        self.aged_from[~running] = np.nan
        if cfg.lone_after is None:
            return
        holding = runs.active(cfg)
        company = neighbours(holding) > 0
        lone = self._lone_from
        lone[~running | fresh] = np.nan
        # only a block that holds alone: one not holding itself yet, beside neighbours not
        # holding yet either, is a structure's part still being judged, not a stain
        alone = holding & ~company & np.isnan(lone)
        lone[alone] = np.where(fresh[alone], runs.start[alone], t)
        joined = running & company & ~np.isnan(lone)
        self.aged_from[joined & (t - lone > cfg.lone_after * persist_s)] = t
        lone[joined] = np.nan
