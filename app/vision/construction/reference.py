"""The slow background: one reference picture per time-of-day bin, learnt as a median.

A bin is an infrared (night) picture or a colour one, and — when the stream's time is a
real clock — which part of the day it is (sun shadows fall elsewhere at 9 and at 15 h).
A bin starts as the per-pixel median of its first ``seed_samples`` samples (people and
cars passing are outvoted), kept JPEG-compressed meanwhile (~40 KB a sample). Afterwards it
follows the scene by the approximate median (McFarlane & Schofield 1995): each pixel moves
``slow_step`` grey levels a sample towards the sample — but only in blocks where nothing is
changing, so a structure is never learnt away (the slow model of Porikli 2008). A block
taken over on purpose (an accepted change, a background uncovered) is copied at once into
the bin that saw it and marked stale in the others, which copy it from their next sample.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.vision.construction.features import BlockFeatures, block_features

ABSOLUTE_CLOCK_S = 1e9  # stream times beyond this are epoch seconds (a live camera)


@dataclass
class ReferenceBin:
    key: str
    image: np.ndarray | None = None  # BGR at the working resolution, once seeded
    features: BlockFeatures | None = None
    seeds: list[bytes] = field(default_factory=list)  # JPEG samples until seeded
    stale: np.ndarray | None = None  # (rows, cols) blocks to take from the next sample
    warp: np.ndarray | None = None  # the last registration of a sample of this bin
    # what blocks taken as a background uncovered showed before (``uncover``): the picture,
    # its features, which blocks, and how many samples of this bin ago each was last taken
    # so (the bin's own samples: a night in between is not counted by the day's bin)
    behind: np.ndarray | None = None
    behind_features: BlockFeatures | None = None
    under: np.ndarray | None = None  # (rows, cols) bool
    under_n: np.ndarray | None = None  # (rows, cols) samples of this bin since then


def bin_key(t: float, mono: bool, hours_per_bin: int | None) -> str:
    """"mono" at night (one bin: no sun, the same lamps), "colour" by day — split into
    parts of the day when ``t`` is a wall clock and ``hours_per_bin`` is set."""
    if mono:
        return "mono"
    if hours_per_bin and t > ABSOLUTE_CLOCK_S:
        return f"colour-{time.localtime(t).tm_hour // hours_per_bin}"
    return "colour"


class ReferenceBank:
    def __init__(self, blocks: tuple[int, int], block_px: int, seed_samples: int,
                 slow_step: int, edges: bool = True) -> None:
        self.blocks = blocks
        self.block_px = block_px
        self.seed_samples = seed_samples
        self.slow_step = slow_step
        self.edges = edges  # keep the new-edges cue's maps of each reference
        self.bins: dict[str, ReferenceBin] = {}

    def get(self, key: str) -> ReferenceBin:
        b = self.bins.get(key)
        if b is None:
            b = self.bins[key] = ReferenceBin(key, stale=np.zeros(self.blocks, bool))
        return b

    def anchor(self) -> np.ndarray | None:
        """Any seeded reference (to register the seeds of a new bin against)."""
        return next((b.image for b in self.bins.values() if b.image is not None), None)

    def seed(self, b: ReferenceBin, aligned: np.ndarray, mono: bool) -> bool:
        """Add a sample to an unseeded bin; True when the bin has just been seeded."""
        ok, buf = cv2.imencode(".jpg", aligned, [cv2.IMWRITE_JPEG_QUALITY, 92])
        if ok:
            b.seeds.append(buf.tobytes())
        if len(b.seeds) < self.seed_samples:
            return False
        stack = np.stack([cv2.imdecode(np.frombuffer(s, np.uint8), cv2.IMREAD_COLOR)
                          for s in b.seeds])
        b.image = np.median(stack, axis=0).astype(np.uint8)
        b.seeds = []
        self._refresh(b, mono)
        return True

    def learn(self, b: ReferenceBin, aligned: np.ndarray, still: np.ndarray,
              mono: bool) -> None:
        """Approximate-median step towards ``aligned`` in the ``still`` blocks."""
        assert b.image is not None
        mask = self._pixels(still)[..., None]
        step = np.sign(aligned.astype(np.int16) - b.image.astype(np.int16)) * self.slow_step
        b.image = np.clip(b.image.astype(np.int16) + step * mask, 0, 255).astype(np.uint8)
        self._refresh(b, mono)

    def take(self, b: ReferenceBin, aligned: np.ndarray, blocks: np.ndarray, mono: bool,
             everywhere: bool) -> None:
        """Copy ``blocks`` of the sample into this bin; ``everywhere``: the other bins take
        the same blocks from their next sample (the scene has changed for good there)."""
        if not blocks.any():
            return
        if b.image is not None:
            mask = self._pixels(blocks)[..., None].astype(bool)
            b.image = np.where(mask, aligned, b.image)
            self._refresh(b, mono)
        b.stale &= ~blocks
        if everywhere:
            for other in self.bins.values():
                if other is not b and other.stale is not None:
                    other.stale |= blocks

    def uncover(self, b: ReferenceBin, aligned: np.ndarray, blocks: np.ndarray,
                mono: bool) -> None:
        """A background uncovered: ``take`` the blocks, and remember what the reference
        showed there before — the first time only, so a tarp taken again and again while it
        lies there still has the ground under it on record (``behind``)."""
        if not blocks.any() or b.image is None:
            return
        if b.under is None:
            b.behind = b.image.copy()
            b.under = np.zeros(self.blocks, bool)
            b.under_n = np.zeros(self.blocks, np.int32)
        new = blocks & ~b.under
        if new.any():
            mask = self._pixels(new)[..., None].astype(bool)
            b.behind = np.where(mask, b.image, b.behind)
            b.behind_features = None  # made when first asked for (``behind``)
        b.under |= blocks
        b.under_n[blocks] = 0
        self.take(b, aligned, blocks, mono, everywhere=False)

    def behind(self, b: ReferenceBin) -> BlockFeatures | None:
        """The reference's features with the remembered blocks as they were before they
        were taken as uncovered (None: nothing remembered)."""
        f = b.features
        if b.under is None or not b.under.any() or f is None or b.behind is None:
            return None
        if b.behind_features is None:
            b.behind_features = block_features(b.behind, self.block_px, f.mono,
                                               edges=self.edges)
        return f.with_blocks(b.under, b.behind_features, self.block_px)

    def forget(self, b: ReferenceBin) -> None:
        """Learn this bin afresh from the samples that follow (seeded as at the start)."""
        self.bins.pop(b.key, None)

    def reset(self) -> None:
        """Forget every reference (the camera now looks elsewhere, by the operator's word)."""
        self.bins.clear()

    def _pixels(self, blocks: np.ndarray) -> np.ndarray:
        k = self.block_px
        return np.kron(blocks.astype(np.uint8), np.ones((k, k), np.uint8))

    def _refresh(self, b: ReferenceBin, mono: bool) -> None:
        b.features = block_features(b.image, self.block_px, mono, edges=self.edges)
