"""Stitching of track fragments: one falling object often yields two or three tracklets
(it vanishes over glass of its own shade, or outruns a gate). Ended tracklets wait a short
while in a pool; a later tracklet joins an earlier one when one smooth trajectory (cubic in
y, quadratic in x, against time) explains both. Only then is the whole judged on physics.
"""

from __future__ import annotations

import numpy as np

from app.vision.falling.tracker import Track


def _rms(t: np.ndarray, v: np.ndarray, deg: int) -> float:
    coef = np.polyfit(t, v, deg)
    r = v - np.polyval(coef, t)
    return float(np.sqrt(np.mean(r * r)))


def joinable(a: Track, b: Track, max_gap_s: float) -> bool:
    """Can b (later) continue a (earlier)?"""
    gap = b.t[0] - a.t[-1]
    if gap <= 0 or gap > max_gap_s or len(a.t) < 3 or len(b.t) < 3:
        return False
    t = np.asarray(a.t + b.t) - a.t[0]
    x = np.asarray(a.x + b.x)
    y = np.asarray(a.y + b.y)
    span = float(np.ptp(y)) + float(np.ptp(x))
    tol = 2.0 + 0.006 * span + 0.1 * max(a.size[-1], b.size[0])
    deg = 3 if len(t) >= 8 else 2
    return _rms(t, y, deg) <= tol and _rms(t, x, 2) <= tol


def join(a: Track, b: Track) -> Track:
    m = Track(a.id)
    for tr in (a, b):
        m.t += tr.t
        m.x += tr.x
        m.y += tr.y
        m.size += tr.size
    return m


def split_hijacked(tr: Track) -> list[Track]:
    """Cut a track where it stops following its own smooth motion (it picked up a bird or a
    leaf passing by): two consecutive points far from the prediction of the last ten."""
    n = len(tr.t)
    if n < 10:
        return [tr]
    t, x, y = np.asarray(tr.t), np.asarray(tr.x), np.asarray(tr.y)
    bad = 0
    for i in range(6, n):
        lo = max(0, i - 10)
        tt = t[lo:i] - t[i]
        px, py = np.polyfit(tt, x[lo:i], 1), np.polyfit(tt, y[lo:i], 2)
        err = float(np.hypot(x[i] - px[-1], y[i] - py[-1]))
        tol = 3.0 + 0.5 * tr.size[i] + 0.15 * float(np.hypot(x[i] - x[i - 1], y[i] - y[i - 1]))
        bad = bad + 1 if err > tol else 0
        if bad == 2:
            cut = i - 1
            head, tail = Track(tr.id), Track(-tr.id)
            for part, sl in ((head, slice(0, cut)), (tail, slice(cut, n))):
                part.t, part.x, part.y = tr.t[sl], tr.x[sl], tr.y[sl]
                part.size = tr.size[sl]
            return [head, *split_hijacked(tail)]
    return [tr]


class StitchPool:
    """Holds ended tracklets for ``hold_s`` so later fragments can join them."""

    def __init__(self, hold_s: float = 0.6, max_gap_s: float = 0.6, min_points: int = 3) -> None:
        self.hold_s = hold_s
        self.max_gap_s = max_gap_s
        self.min_points = min_points
        self.pool: list[Track] = []

    def add(self, ended: list[Track]) -> None:
        parts = [p for tr in ended if len(tr.t) >= self.min_points for p in split_hijacked(tr)]
        for b in sorted(parts, key=lambda tr: tr.t[0]):
            if len(b.t) < self.min_points:
                continue
            best, best_i = None, -1
            for i, a in enumerate(self.pool):
                if joinable(a, b, self.max_gap_s) and (best is None or len(a.t) > len(best.t)):
                    best, best_i = a, i
            if best is not None:
                self.pool[best_i] = join(best, b)
            else:
                self.pool.append(b)

    def head_for(self, live: Track) -> Track | None:
        """The pooled tracklet a live track continues (the first fragment of its fall)."""
        best = None
        for a in self.pool:
            gap = live.t[0] - a.t[-1]
            # Cheap tests first: later, below (falls only speed up downwards), near in x.
            if (0 < gap <= self.max_gap_s and live.y[0] >= a.y[-1] - 5
                    and abs(live.x[0] - a.x[-1]) < 40 + 100 * gap
                    and joinable(a, live, self.max_gap_s)
                    and (best is None or len(a.t) > len(best.t))):
                best = a
        return best

    def ripe(self, now: float, live: list[Track] = ()) -> list[Track]:
        """Tracklets nobody can join any more. One whose continuation is still being
        tracked waits for it (the fall's first fragment must not be judged alone, or the
        origin comes from the later one), up to the longest track."""
        keep = []
        waiting = {id(a) for tr in live if len(tr.t) >= 3
                   for a in [self.head_for(tr)] if a is not None}
        for tr in self.pool:
            age = now - tr.t[-1]
            if age <= self.hold_s or (id(tr) in waiting and age <= 10.0):
                keep.append(tr)
        done = [tr for tr in self.pool if all(tr is not k for k in keep)]
        self.pool = keep
        return done

    def drain(self) -> list[Track]:
        done, self.pool = self.pool, []
        return done
