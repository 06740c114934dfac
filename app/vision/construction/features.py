"""Lighting-robust description of 16×16 blocks, and the comparison of a sample with its
reference block by block.

Per block: a histogram of gradient orientations (unsigned, 8 bins) weighted by the gradient
magnitude divided by the local brightness — so a cloud shadow or a dimmer hour scales
nothing; its total, the block's texture energy; the mean chromaticity (r, g) = (R, G) /
(R + G + B), which shading leaves alone; and the vegetation index ExG − ExR on those
chromaticities (Woebbecke 1995; Meyer & Neto 2008). Besides, a coarse edge map (half the
working resolution, the same brightness-normalised gradient over a threshold) for the
*new-edges* cue: the share of a block's coarse edges that lie nowhere near an edge of the
reference. A fence's rails, the outline of a small shed far away, are a few pixels wide:
they hardly move a 16 px block's orientation histogram or texture energy (and a block that
hardly moves is slowly learnt into the reference, so the change fades), but they are
edges where the robust reference has none. Near = one coarse pixel (two working pixels),
so jitter and registration residue are not new; and an edge of the reference counts from
a lower strength (hysteresis), so a lamp post that stands out more at dusk than in the
day's median is not new either.

At night (an infrared picture against the infrared reference) the block's brightness is
a cue as well: the camera's own lamp lights the scene the same way every night.

Comparison: each cue is taken relative to a control group — the median change over the
other lawns for a lawn block (season, rain and snow touch every lawn), over the rest of the
picture otherwise (haze, exposure, white balance) — and divided by its threshold; the block
score is the largest. A change is an *appearance* (something new: texture up, colour or
vegetation lost) unless only texture went down, which is a background uncovered.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.zones import BlockZones

ORIENTATIONS = 8
COARSE = 2  # the new-edges cue works at 1/COARSE of the working resolution
EDGE_STRENGTH = 0.08  # normalised gradient of a coarse edge (paving joints: ~0.05-0.1)
EDGE_FAINT = 0.4  # of EDGE_STRENGTH: a faint edge of the reference still counts as one
ENERGY_FLOOR = 0.006  # mean normalised gradient of sensor noise on a flat block
MIN_CONTROL_BLOCKS = 8


@dataclass
class BlockFeatures:
    hog: np.ndarray  # (rows, cols, 8) orientation histogram of normalised gradients
    energy: np.ndarray  # (rows, cols) mean normalised gradient magnitude
    mean: np.ndarray  # (rows, cols) grey level
    chroma: np.ndarray  # (rows, cols, 2) mean r, g chromaticity
    vi: np.ndarray  # (rows, cols) ExG - ExR
    valid: np.ndarray  # (rows, cols) bool: exposed, inside the registered picture
    mono: bool  # an infrared (grey) picture: no colour cues
    # the new-edges cue's coarse maps, made only when the cue is on (None otherwise)
    edges: np.ndarray | None = None  # (H/2, W/2) bool: coarse edges
    near_edges: np.ndarray | None = None  # (H/2, W/2) bool: the coarse edges grown by one

    def with_blocks(self, blocks: np.ndarray, other: BlockFeatures,
                    block: int) -> BlockFeatures:
        """These features with ``blocks`` ((rows, cols) bool) taken from ``other``, the
        features of another picture of the same size (a coarse map where only one has it
        stays as it is)."""
        k = block // COARSE
        coarse = np.kron(blocks.astype(np.uint8), np.ones((k, k), np.uint8)).astype(bool)

        def pick(mine: np.ndarray | None, theirs: np.ndarray | None) -> np.ndarray | None:
            if mine is None or theirs is None:
                return mine
            m = blocks if mine.shape[:2] == blocks.shape else coarse
            return np.where(m.reshape(m.shape + (1,) * (mine.ndim - 2)), theirs, mine)
        return replace(self, **{f.name: pick(getattr(self, f.name), getattr(other, f.name))
                                for f in fields(self) if f.name != "mono"})


def _blocks(a: np.ndarray, b: int) -> np.ndarray:
    """Mean over b×b blocks of a (H, W[, C]) array whose H and W are multiples of b."""
    h, w = a.shape[:2]
    return a.reshape(h // b, b, w // b, b, *a.shape[2:]).mean(axis=(1, 3))


def block_features(img: np.ndarray, block: int, mono: bool,
                   inside: np.ndarray | None = None, *, edges: bool = True) -> BlockFeatures:
    """``img``: BGR uint8 whose sides are multiples of ``block``; ``inside``: uint8 mask of
    the pixels the registration filled (None: all); ``edges``: make the new-edges cue's
    coarse maps too (about 1 ms of a sample's ~40; the detector asks only when the cue is
    on)."""
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY).astype(np.float32)
    gray = cv2.GaussianBlur(gray, (3, 3), 0.8)
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    mag, ang = cv2.cartToPolar(gx, gy)
    local = cv2.blur(gray, (15, 15))
    nmag = mag / (8.0 * (local + 12.0))  # /8: Sobel's gain; +12: keep dark noise down
    bins = (ang * (ORIENTATIONS / np.pi)).astype(np.int32) % ORIENTATIONS
    hog = np.stack([_blocks(np.where(bins == k, nmag, 0.0), block)
                    for k in range(ORIENTATIONS)], axis=-1).astype(np.float32)
    energy = hog.sum(axis=-1)
    means = _blocks(img.astype(np.float32), block)  # (rows, cols, 3) B, G, R
    total = means.sum(axis=-1) + 1e-3
    r, g, b = means[..., 2] / total, means[..., 1] / total, means[..., 0] / total
    vi = (2 * g - r - b) - (1.4 * r - g)
    mean = means.mean(axis=-1)
    valid = (mean > 12.0) & (mean < 245.0)
    if inside is not None:
        valid &= _blocks(inside.astype(np.float32), block) > 0.99
    out = BlockFeatures(hog, energy, mean, np.stack([r, g], axis=-1), vi, valid, mono)
    if edges:
        strength = coarse_gradient(gray)
        out.edges = strength > EDGE_STRENGTH
        faint = (strength > EDGE_FAINT * EDGE_STRENGTH).view(np.uint8)
        out.near_edges = cv2.dilate(faint, np.ones((3, 3), np.uint8)).view(bool)
    return out


def coarse_gradient(gray: np.ndarray) -> np.ndarray:
    """``gray`` (float32, H and W multiples of 2·COARSE) at 1/COARSE scale: its gradient
    divided by the local brightness, as for the blocks."""
    h, w = gray.shape
    small = cv2.resize(gray, (w // COARSE, h // COARSE), interpolation=cv2.INTER_AREA)
    gx = cv2.Sobel(small, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(small, cv2.CV_32F, 0, 1, ksize=3)
    return cv2.magnitude(gx, gy) / (8.0 * (cv2.blur(small, (9, 9)) + 12.0))


def new_edges(cur: BlockFeatures, ref: BlockFeatures, block: int) -> np.ndarray:
    """(rows, cols): the share of each block's coarse pixels that are an edge in ``cur``
    and not near any edge of ``ref``."""
    fresh = (cur.edges & ~ref.near_edges).astype(np.float32)
    return _blocks(fresh, block // COARSE)


@dataclass
class BlockDiff:
    score: np.ndarray  # (rows, cols) largest cue over its threshold; >= 1 is a change
    appear: np.ndarray  # bool: the change adds something
    vanish: np.ndarray  # bool: the change takes something away (background uncovered)
    valid: np.ndarray  # bool: both sides usable
    # bool: where a change would be a background uncovered (texture gone, no lawn lost, no
    # new edges), whatever the score: the direction of a change under the threshold too
    # (hysteresis.py)
    uncovering: np.ndarray | None = None


def _relative(values: np.ndarray, valid: np.ndarray, zones: BlockZones) -> np.ndarray:
    """``values`` (rows, cols[, k]) minus its control median: the other lawns for a lawn
    block, the rest of the picture for the others."""
    out = values.astype(np.float32).copy()
    other = valid & ~zones.green
    if other.sum() >= MIN_CONTROL_BLOCKS:
        out[~zones.green] -= np.median(values[other], axis=0)
    green = valid & zones.green
    for zi in np.unique(zones.index[zones.green]):
        mine = zones.index == zi
        control = green & ~mine
        if control.sum() < MIN_CONTROL_BLOCKS:
            control = green  # one lawn alone: itself (a change must be a minority of it)
        if control.any():
            out[mine] -= np.median(values[control], axis=0)
    return out


def compare(cur: BlockFeatures, ref: BlockFeatures, zones: BlockZones,
            cfg: ConstructionConfig) -> BlockDiff:
    valid = cur.valid & ref.valid
    textured = (cur.energy >= cfg.min_energy) & (ref.energy >= cfg.min_energy)
    dot = (cur.hog * ref.hog).sum(axis=-1)
    norm = np.linalg.norm(cur.hog, axis=-1) * np.linalg.norm(ref.hog, axis=-1) + 1e-9
    hog = np.where(textured, 1.0 - dot / norm, 0.0)
    contrast = _relative(np.log((cur.energy + ENERGY_FLOOR) / (ref.energy + ENERGY_FLOOR)),
                         valid, zones)
    score = np.maximum(hog / cfg.hog_threshold, np.abs(contrast) / cfg.contrast_threshold)
    # new edges: relative to the control too (rain streaks, snow flakes, a noisier night
    # add edges everywhere); only an appearance, never a background uncovered
    fresh = np.zeros_like(score)
    if cfg.new_edge_threshold is not None:
        fresh = (_relative(new_edges(cur, ref, cfg.block_px), valid, zones)
                 / cfg.new_edge_threshold)
        score = np.maximum(score, fresh)
    greenery_lost = np.zeros_like(score, dtype=bool)
    if cur.mono and ref.mono:
        # at night the camera lights the scene itself, the same every night: brightness
        # is a cue then (by day a shadow would make it one too)
        bright = _relative(np.log((cur.mean + 6.0) / (ref.mean + 6.0)), valid, zones)
        score = np.maximum(score, np.abs(bright) / cfg.night_brightness_threshold)
    elif not (cur.mono or ref.mono):
        shift = _relative(cur.chroma - ref.chroma, valid, zones)
        chroma = np.linalg.norm(shift, axis=-1) / cfg.chroma_threshold
        lost = -_relative(cur.vi - ref.vi, valid, zones) / cfg.vegetation_threshold
        lost = np.where(zones.green, lost, 0.0)
        score = np.maximum(score, np.maximum(chroma, lost))
        greenery_lost = lost >= 0.5
    score = np.where(valid, score, 0.0).astype(np.float32)
    changed = score >= 1.0
    # texture gone and no lawn lost: what stood there has left (a car, a cart, a person
    # in the reference); paving over a lawn also smooths it, but takes the green with it
    faded = contrast <= -0.5 * cfg.contrast_threshold
    uncovering = faded & ~greenery_lost & (fresh < 1.0)
    vanish = changed & uncovering
    return BlockDiff(score, changed & ~vanish, vanish, valid, uncovering)
