"""The part of a track that is one object: clutter picked up at its ends trimmed off.

When a small object is lost for a few frames (under H.264 smearing, over glass of its own
shade, among IR-lit rain at night) the tracker coasts, and its widening gate takes whatever
blob lies in it: a rain streak, a moth, tree flicker. Such a track is the fall in the middle
with a few points of clutter at one or both ends, and judged whole or by fixed quarters it
fails ("gappy", "swings sideways", "poor fit") although the fall in it is clean. On the
CCTV dev set this was a 7 px object at night in rain, tracked for 2.3 s between clutter,
and a drop from the 6th floor whose track coasted through a 0.3 s hole into clutter.

``clean_cores`` finds the points one smooth trajectory explains — grown point by point from
a smooth, descending window of consecutive points, each new point kept only when the last
kept ones predict it (a short extrapolation: clutter beside the path stays out) — and
returns them as sub-tracks, the longest piece and its densest run, for the physics test to
judge like any other track. Nothing is accepted here: the same physics decides.
"""

from __future__ import annotations

import numpy as np

from app.vision.falling.tracker import Track

_WINDOW = 6  # points a seed fit is made from
_SEEDS = 4  # seed windows tried, spread over the track
_REF = 10  # kept points the next one is predicted from
_MAX_SKIP = 6  # points in a row that do not fit: the track has left the object


def _sub(tr: Track, idx: np.ndarray) -> Track:
    out = Track(tr.id)
    out.t = [tr.t[i] for i in idx]
    out.x = [tr.x[i] for i in idx]
    out.y = [tr.y[i] for i in idx]
    out.size = [tr.size[i] for i in idx]
    flags = tr.weak_flags
    out.weak = [flags[i] for i in idx]
    return out


def _predict(t: np.ndarray, v: np.ndarray, at: float, deg: int) -> tuple[float, float]:
    """Value and slope at ``at`` of a polynomial least-squares fit."""
    c = np.polyfit(t, v, min(deg, len(t) - 1))
    return float(np.polyval(c, at)), float(np.polyval(np.polyder(c), at))


def _grow(t: np.ndarray, x: np.ndarray, y: np.ndarray, base_tol: np.ndarray, dt: float,
          seed: np.ndarray, max_gap: float) -> np.ndarray:
    """From a seed window, walk outwards point by point, keeping each point the last kept
    ones predict (a short extrapolation, so clutter stays out) and skipping the rest; stop
    at a hole longer than ``max_gap`` or after a run of points that do not fit."""
    keep = list(seed)
    n = len(t)
    for step in (1, -1):
        i, skipped = (keep[-1] + 1, 0) if step > 0 else (keep[0] - 1, 0)
        while 0 <= i < n and skipped < _MAX_SKIP:
            ref = np.asarray(keep[-_REF:] if step > 0 else keep[:_REF])
            last = ref[-1] if step > 0 else ref[0]
            gap = abs(t[i] - t[last])
            if gap > max_gap:
                break
            px, vx = _predict(t[ref], x[ref], t[i], 1)
            py, vy = _predict(t[ref], y[ref], t[i], 2)
            frames = max(1.0, gap / dt)
            tol = base_tol[i] + 0.15 * float(np.hypot(vx, vy)) * dt * frames
            if np.hypot(x[i] - px, y[i] - py) <= tol:
                if step > 0:
                    keep.append(i)
                else:
                    keep.insert(0, i)
                skipped = 0
            else:
                skipped += 1
            i += step
    return np.asarray(keep)


def _pieces(t: np.ndarray, idx: np.ndarray, max_gap: float) -> list[np.ndarray]:
    if not len(idx):
        return []
    cuts = np.flatnonzero(np.diff(t[idx]) > max_gap) + 1
    return np.split(idx, cuts)


def clean_cores(tr: Track, min_points: int, fps: float, max_gap_s: float) -> list[Track]:
    """Sub-tracks of ``tr`` without the clutter at its ends: the longest piece one smooth
    trajectory explains (holes up to ``max_gap_s``), then its densest run (holes of a few
    frames). Empty when there is nothing to trim or too little left."""
    n = len(tr.t)
    if n < min_points + 2:
        return []
    t = np.asarray(tr.t) - tr.t[0]
    x, y = np.asarray(tr.x), np.asarray(tr.y)
    base_tol = 2.5 + 0.5 * np.asarray(tr.size)
    best = np.zeros(0, int)
    dt = 1.0 / fps
    for s in np.unique(np.linspace(0, n - _WINDOW, _SEEDS).round().astype(int)):
        seed = np.arange(s, s + _WINDOW)
        if s in best or y[seed[-1]] - y[seed[0]] < 2.0:
            continue  # grown already; or not falling here (flicker, a hovering insect)
        # a seed must itself be smooth, or it grows a chain of clutter
        cx, cy = np.polyfit(t[seed], x[seed], 1), np.polyfit(t[seed], y[seed], 2)
        if np.max(np.hypot(x[seed] - np.polyval(cx, t[seed]),
                           y[seed] - np.polyval(cy, t[seed])) - base_tol[seed]) > 0:
            continue
        idx = _grow(t, x, y, base_tol, dt, seed, max_gap_s)
        if len(idx) > len(best):
            best = idx
    out = []
    pieces = _pieces(t, best, max_gap_s)
    core = max(pieces, key=len, default=np.zeros(0, int))
    if min_points <= len(core) < n:
        out.append(core)
    # The densest run: a hole of more than a few frames is where the object was lost and
    # the track may have coasted into something else that happens to line up.
    dense_gap = max(3.5, 0.12 * fps) / fps
    run = max(_pieces(t, core, dense_gap), key=len, default=np.zeros(0, int))
    if min_points <= len(run) < len(core):
        out.append(run)
    return [_sub(tr, idx) for idx in out]
