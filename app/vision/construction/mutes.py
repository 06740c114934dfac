"""The rejected changes a construction detector keeps quiet.

A reject says "false alarm": the change's blocks are not raised again, and the reference
keeps its old view of them, for as long as they keep running. With the detector's
``mute_grows`` a mute may also take, as an open change grows (blocks up to two apart),
what starts to run beside it soon after the reject (config.py).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from app.vision.construction.blockshape import within_reach


class Mutes:
    """Each rejected change's blocks and the time of its reject; ``mask`` is their union."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self._shape = shape
        self._kept: list[tuple[np.ndarray, float]] = []
        self.mask = np.zeros(shape, bool)

    def __bool__(self) -> bool:
        return bool(self._kept)

    def add(self, blocks: np.ndarray, t: float) -> None:
        self._kept.append((blocks.copy(), t))
        self.mask |= blocks

    def keep(self, running: np.ndarray,
             joining: Callable[[float], np.ndarray] | None = None) -> None:
        """Each mute keeps its blocks still ``running``; with ``joining`` (the blocks that
        may join a mute made at a given time) it also takes those reached from it."""
        kept = []
        for blocks, at in self._kept:
            blocks = blocks & running
            if joining is not None and blocks.any():
                blocks = _grown(blocks, joining(at))
            if blocks.any():
                kept.append((blocks, at))
        self._kept = kept
        self.mask = (np.logical_or.reduce([b for b, _ in kept]) if kept
                     else np.zeros(self._shape, bool))


def _grown(blocks: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """``blocks`` with every candidate block reachable from them in steps of two blocks."""
    while True:
        more = candidates & within_reach(blocks) & ~blocks  # as an open change grows
        if not more.any():
            return blocks
        blocks = blocks | more
