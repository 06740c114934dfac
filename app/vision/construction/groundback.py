"""The ground back from under a flat thing taken for a background uncovered (round 12's
``uncovered_memory``), and its roof guard (round 13's ``roof_guard_rows``).

A flat thing lying on textured ground — a tent, a scaffold's planks, a car's roof — reads as
"texture gone", a background uncovered, and is copied into the reference at once; when it is
taken away the ground reappears as a change against that ghost, still from sample to sample,
and nothing ends the run: the reference does not learn a running block. Dev 1007 raised the
lawn where a car had stood for two hours 19 h later, 1022 the fire lane under a struck
scaffold, and 1018's ghost of a tent ran for 45 h until a neighbour's change joined it (round
12). So the reference remembers what it showed before such a take (``ReferenceBank.uncover``),
for ``uncovered_memory`` × the persistence time of its own bin's samples after the last one (a
memory counted in hours ran out in the night after a scaffold struck at dusk, before a day
could show the ground): a block that differs from the reference, is still, and is close to
what was there before (under ``learn_below``) is the ground back — the reference takes it
again and its run ends. Not a raised or muted change (the caller leaves those out of
``still``).
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.ages import neighbours
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.features import BlockDiff, BlockFeatures, compare
from app.vision.construction.persistence import BlockRuns
from app.vision.construction.reference import ReferenceBank, ReferenceBin
from app.vision.construction.zones import BlockZones


def ground_back(b: ReferenceBin, aligned: np.ndarray, cur: BlockFeatures, diff: BlockDiff,
                still: np.ndarray, mono: bool, *, bank: ReferenceBank, runs: BlockRuns,
                zone_blocks: BlockZones, cfg: ConstructionConfig, interval: float,
                persist_s: float) -> np.ndarray:
    """Blocks of bin ``b`` where the ground comes back in this sample (``cur``, compared
    with the reference as ``diff``; ``still``: blocks still since the last sample and
    judged): the reference takes them and their runs end. Returns those blocks."""
    none = np.zeros_like(still)
    if cfg.uncovered_memory <= 0 or b.under is None:
        return none
    b.under_n += 1
    b.under &= b.under_n * interval <= cfg.uncovered_memory * persist_s
    cand = b.under & still & (diff.score >= 1.0)
    if not cand.any():
        return none
    was = bank.behind(b)
    if was is None:
        return none
    before = compare(cur, was, zone_blocks, cfg)
    back = cand & before.valid & (before.score < cfg.learn_below)
    if back.any() and cfg.roof_guard_rows > 0:
        back &= ~beside_a_room(back, diff, runs, zone_blocks, cfg)
    if back.any():
        bank.take(b, aligned, back, mono, everywhere=False)
        runs.clear(back)
        b.under &= ~back
    return back


def beside_a_room(back: np.ndarray, diff: BlockDiff, runs: BlockRuns, zone_blocks: BlockZones,
                  cfg: ConstructionConfig) -> np.ndarray:
    """Blocks on a roof, or up to ``roof_guard_rows`` rows above one outside every zone,
    that have an active neighbour still differing from the reference now (not one coming
    back itself): the ground comes back from under a flat thing all at once and the thing's
    sides match the reference again, but a room's walls stand beside the block. A light room
    on a roof, its half-built flat walls taken as a background uncovered, scored close to the
    roof and tower that stood there before once finished, and was taken back as the ground
    (fresh dev 1043: lost, round 12). The blocks the round-12 rule took back on a roof's
    tower wall (fresh dev 1028) had no such neighbour."""
    over = zone_blocks.roof | zone_blocks.above_roofs(cfg.roof_guard_rows)
    if not (back & over).any():
        return np.zeros_like(back)
    beside = neighbours(runs.active(cfg) & (diff.score >= 1.0) & ~back) > 0
    # ... and the blocks coming back joined to those: a wide front is one piece
    _n, labels = cv2.connectedComponents((back & over).astype(np.uint8), connectivity=8)
    held = np.unique(labels[back & over & beside])
    return np.isin(labels, held[held > 0])
