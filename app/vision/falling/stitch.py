"""Stitching of track fragments: one falling object often yields two or three tracklets
(it vanishes over glass of its own shade, or outruns a gate). Ended tracklets wait a short
while in a pool; a later tracklet joins an earlier one when one smooth trajectory (cubic in
y, quadratic in x, against time) explains both. Only then is the whole judged on physics.
"""

from __future__ import annotations

import numpy as np

from app.vision.facade import Facade
from app.vision.falling.lsq import polyfit
from app.vision.falling.tracker import Track


def _rms(t: np.ndarray, v: np.ndarray, deg: int) -> float:
    coef = polyfit(t, v, deg)
    r = v - np.polyval(coef, t)
    return float(np.sqrt(np.mean(r * r)))


# A later fragment may start in the frame an earlier one ended, when its first blob is the
# other half of the earlier one's last (a fast object's exposure streak split into two
# blobs, the ending track took one and a new track the other; seen on cctv-dev at night: a
# 4 px throw tracked as 27 points and then 10 sharing one frame, both rejected alone).
# Only that frame, and only so close: side by side, flicker makes parallel tracklets that
# one smooth curve fits as well (real office footage: a window's flicker joined to a throw).
_SAME_FRAME_S = 1e-3


def _split_streak(a: Track, b: Track) -> bool:
    """Do b's first point and a's last, in the same frame, lie on one streak?"""
    if abs(b.t[0] - a.t[-1]) > _SAME_FRAME_S or len(a.t) < 2:
        return False
    step = float(np.hypot(a.x[-1] - a.x[-2], a.y[-1] - a.y[-2]))  # a frame of a's motion
    if step < 2.0:
        return False  # a streak is drawn by motion; still flicker splits into nothing
    reach = 2.0 + 0.5 * (a.size[-1] + b.size[0]) + step
    return float(np.hypot(b.x[0] - a.x[-1], b.y[0] - a.y[-1])) <= reach and \
        b.y[0] >= a.y[-1] - 2.0


def _after(b: Track, t_end: float) -> Track:
    """b without the points at or before ``t_end`` (the frames it shares with the fragment
    it continues)."""
    k = next((i for i, t in enumerate(b.t) if t > t_end + 1e-6), len(b.t))
    if k == 0:
        return b
    out = Track(b.id)
    out.t, out.x, out.y, out.size = b.t[k:], b.x[k:], b.y[k:], b.size[k:]
    out.weak = b.weak_flags[k:]
    return out


def joinable(a: Track, b: Track, max_gap_s: float) -> bool:
    """Can b (later) continue a (earlier)? b may begin in a's last frame with the other half
    of a split streak (``_split_streak``); that frame is then judged as a's."""
    gap = b.t[0] - a.t[-1]
    if gap > max_gap_s or len(a.t) < 3 or (gap <= 0 and not _split_streak(a, b)):
        return False
    b = _after(b, a.t[-1])
    if len(b.t) < 3:
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
    for tr in (a, _after(b, a.t[-1])):
        m.t += tr.t
        m.x += tr.x
        m.y += tr.y
        m.size += tr.size
        m.weak += tr.weak_flags
    return m


def _plane(tr: Track, facade: Facade | None) -> np.ndarray | None:
    """The track's points on the facade plane, (N, 2); None without a facade or when a
    point lies beyond the plane's horizon (there the homography folds over)."""
    if facade is None:
        return None
    p = facade.homography @ np.stack([tr.x, tr.y, np.ones(len(tr.x))])
    w = p[2]
    if not (np.all(w > 1e-9) or np.all(w < -1e-9)):
        return None
    return (p[:2] / w).T


def split_hijacked(tr: Track, facade: Facade | None = None) -> list[Track]:
    """Cut a track where it stops following its own smooth motion (it picked up a bird or a
    leaf passing by): two consecutive points far from the prediction of the last ten.

    With a facade the prediction is made on the
    facade plane, where a fall is a parabola in height and a straight line sideways, and
    taken back to the image; the miss is measured in pixels as without one. In the image
    a fall seen by a camera looking steeply up the facade speeds up far faster than a
    parabola over ten points predicts (at 15 fps the last steps grow from 20 to 80 px a
    frame, and the linear sideways prediction lags 10–40 px as perspective spreads the
    drift): in the image, most clean falls were cut before their last 3–9 points, and
    the tail, judged alone, raised a second alarm (tests/app/test_falling_steep.py)."""
    n = len(tr.t)
    if n < 10:
        return [tr]
    t, x, y = np.asarray(tr.t), np.asarray(tr.x), np.asarray(tr.y)
    uv = _plane(tr, facade)
    bad = 0
    for i in range(6, n):
        lo = max(0, i - 10)
        tt = t[lo:i] - t[i]
        if uv is None:
            qx, qy = polyfit(tt, x[lo:i], 1)[-1], polyfit(tt, y[lo:i], 2)[-1]
        else:
            assert facade is not None
            qx, qy = facade.to_image([[polyfit(tt, uv[lo:i, 0], 1)[-1],
                                       polyfit(tt, uv[lo:i, 1], 2)[-1]]])[0]
        err = float(np.hypot(x[i] - qx, y[i] - qy))
        tol = 3.0 + 0.5 * tr.size[i] + 0.15 * float(np.hypot(x[i] - x[i - 1], y[i] - y[i - 1]))
        bad = bad + 1 if err > tol else 0
        if bad == 2:
            cut = i - 1
            head, tail = Track(tr.id), Track(-tr.id)
            for part, sl in ((head, slice(0, cut)), (tail, slice(cut, n))):
                part.t, part.x, part.y = tr.t[sl], tr.x[sl], tr.y[sl]
                part.size = tr.size[sl]
                part.weak = tr.weak_flags[sl]
            return [head, *split_hijacked(tail, facade)]
    return [tr]


def _at_rest(tr: Track, still_px: float, points: int = 3) -> tuple[float, float, float] | None:
    """(x, y, radius) where the track's last ``points`` points stand still — all within a
    quarter of the blob's width, and at least ``still_px``, of their median (as
    ``physics.still_head`` has a blob at rest) — or None."""
    if len(tr.t) < points:
        return None
    xy = np.column_stack([tr.x[-points:], tr.y[-points:]])
    mid = np.median(xy, axis=0)
    r = max(still_px, 0.25 * float(np.median(tr.size[-points:])))
    if float(np.hypot(*(xy - mid).T).max()) > r:
        return None
    return float(mid[0]), float(mid[1]), r


def _released(a: Track, b: Track, still_px: float) -> bool:
    """Is b, cut off a's end by ``split_hijacked``, the fall of what stood still at a's end?
    a ends at rest; b begins below the rest point, within a downward cone (no further
    sideways than down), and moves down from there."""
    rest = _at_rest(a, still_px)
    if rest is None:
        return False
    x0, y0, r = rest
    down = b.y[0] - y0
    head = b.y[:4]
    return (down > r and abs(b.x[0] - x0) <= down + r
            and all(q - p >= -1 for p, q in zip(head, head[1:], strict=False)))


def rejoin_releases(parts: list[Track], still_px: float) -> list[Track]:
    """``split_hijacked`` predicts each point from the last ten: over a blob at rest it
    predicts rest, so the first points of the release are "off" and a sill-to-fall track is
    cut where the object was let go. Such a cut puts back together the head at rest and
    the fall below it (its first part); physics judges the whole, its head at rest allowed
    only before a release (``physics.still_head``). Seen on cctv-dev night clip 51: an 8th-
    floor throw tracked 0.5 s at the window, then two points of its fall after a hole; the
    cut left the two points (too few for the pool) and a head judged alone before the
    fall's continuation, 0.8 s later, was tracked."""
    out: list[Track] = []
    for q in parts:
        p = out[-1] if out else None
        if p is not None and q.t[0] > p.t[-1] and _released(p, q, still_px):
            m = Track(p.id)
            m.t, m.x, m.y, m.size = p.t + q.t, p.x + q.x, p.y + q.y, p.size + q.size
            m.weak = p.weak_flags + q.weak_flags
            out[-1] = m
        else:
            out.append(q)
    return out


class StitchPool:
    """Holds ended tracklets for ``hold_s`` so later fragments can join them.

    The work is bounded per frame: real facade footage with trees and flickering glass
    ends hundreds of tracklets a second, and fitting every pair (111k polynomial fits per
    90 frames on a real 720p clip, issue 18) cost 40–127 ms a frame. Only tracklets that
    could be part of a fall are kept (they moved down, or barely moved: a release), only
    pairs that pass cheap tests (later within the gap, not far above, near in x) are
    fitted, and at most ``max_fits`` of
    those (nearest first) per call."""

    def __init__(self, hold_s: float = 0.6, max_gap_s: float = 0.6, min_points: int = 3,
                 max_fits: int = 4, max_pool: int = 200, frame_budget: int = 48,
                 facade: Facade | None = None, cut_fall_then_rise: bool = False,
                 join_release_px: float = 0.0) -> None:
        self.facade = facade  # for split_hijacked
        self.cut_fall_then_rise = cut_fall_then_rise  # FallingConfig.pool_cut_fall_then_rise
        self.join_release_px = join_release_px  # FallingConfig.pool_join_release_px; 0: off
        self.hold_s = hold_s
        self.max_gap_s = max_gap_s
        self.min_points = min_points
        self.max_fits = max_fits
        self.max_pool = max_pool
        self.frame_budget = frame_budget  # fits a frame may spend looking for heads
        self._budget = frame_budget
        self.pool: list[Track] = []
        self._heads: dict[int, tuple[int, int, Track | None]] = {}  # live id → (n, pool rev, head)
        self._rev = 0
        self._ends_rev = -1
        self._ends_arr = np.zeros((0, 3))
        self.fits = 0  # joinable() calls so far, for the benchmark

    def _ends(self) -> np.ndarray:
        """(n, 3) end points (t, x, y) of the pooled tracklets, rebuilt when the pool changes."""
        if self._ends_rev != self._rev:
            self._ends_arr = np.array([(a.t[-1], a.x[-1], a.y[-1]) for a in self.pool],
                                      float).reshape(-1, 3)
            self._ends_rev = self._rev
        return self._ends_arr

    def _near(self, b: Track, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which of these ended tracklets b could continue, on cheap tests (later within
        the gap, not far above, near in x); and the gaps."""
        gap = b.t[0] - ends[:, 0]
        ok = ((gap > -_SAME_FRAME_S) & (gap <= self.max_gap_s) & (b.y[0] >= ends[:, 2] - 5 - 60 * gap)
              & (np.abs(b.x[0] - ends[:, 1]) < 40 + 100 * gap))
        return ok, gap

    def _best(self, b: Track) -> tuple[int, Track | None]:
        ends = self._ends()
        if not len(ends):
            return -1, None
        ok, gap = self._near(b, ends)
        idx = np.flatnonzero(ok)
        if not len(idx):
            return -1, None
        order = idx[np.argsort(np.abs(b.x[0] - ends[idx, 1]) + 50 * gap[idx])]
        best, best_i = None, -1
        for i in order[: self.max_fits]:
            a = self.pool[i]
            self.fits += 1
            if joinable(a, b, self.max_gap_s) and (best is None or len(a.t) > len(best.t)):
                best, best_i = a, int(i)
        return best_i, best

    def add(self, ended: list[Track]) -> None:
        parts = [p for tr in ended if len(tr.t) >= self.min_points
                 for p in self._parts(tr)]
        for b in sorted(parts, key=lambda tr: tr.t[0]):
            if len(b.t) < self.min_points:
                continue
            best_i, best = self._best(b)
            if best is not None:
                self.pool[best_i] = join(best, b)
            else:
                self.pool.append(b)
            self._rev += 1
        if len(self.pool) > self.max_pool:  # keep the longest: clutter is short
            self.pool = sorted(self.pool, key=lambda tr: len(tr.t))[-self.max_pool:]
            self._rev += 1

    def _parts(self, tr: Track) -> list[Track]:
        """The parts of an ended track that could belong to a fall. A track that did not
        move down overall may still end in one: a bird's track that rose out of view,
        coasted with a gate widened by its speed and missed frames, and took the first
        blob of a throw released there, then followed the fall (cctv-dev night seed 57:
        a 29-point track, bird up-left 0.4 s, then a clean 22-point fall from the 5th
        floor). Judged whole, it was dropped here before the cut that separates the two,
        and the fall was lost. Only a track whose end lies well below its highest point
        is cut (birds flying off and moths end near their top: no fits spent on them).
        With ``cut_fall_then_rise``, so is the mirror case: a track that first went well
        below its start, then ran back up (a fall's track that coasted at its end and took
        clutter going up: cctv-dev night seed 186). With ``join_release_px``, a cut in a
        track that moved down at a release (a blob at rest, then falling below it) is undone
        (``rejoin_releases``); the tracks that did not move down overall keep main's cut."""
        if _may_fall(tr):
            parts = split_hijacked(tr, self.facade)
            if self.join_release_px > 0 and len(parts) > 1:
                parts = rejoin_releases(parts, self.join_release_px)
            return parts
        if len(tr.t) < 10:
            return []
        well = 4 + 2 * (tr.size[0] if tr.size else 0)
        rose_then_fell = tr.y[-1] - min(tr.y) >= well
        fell_then_rose = self.cut_fall_then_rise and max(tr.y) - tr.y[0] >= well
        if not (rose_then_fell or fell_then_rose):
            return []
        return [p for p in split_hijacked(tr, self.facade) if p is not tr and _may_fall(p)]

    def head_for(self, live: Track) -> Track | None:
        """The pooled tracklet a live track continues (the first fragment of its fall);
        remembered until the live track or the pool changes."""
        key = self._heads.get(live.id)
        if key is not None and key[0] == len(live.t) and key[1] == self._rev:
            return key[2]
        if not _descending(live):
            return None
        if self._budget <= 0:
            return None  # asked again next frame
        before = self.fits
        head = self._best(live)[1]
        self._budget -= self.fits - before
        self._heads[live.id] = (len(live.t), self._rev, head)
        return head

    def ripe(self, now: float, live: list[Track] = ()) -> list[Track]:
        """Tracklets nobody can join any more. One whose continuation is still being
        tracked waits for it (the fall's first fragment must not be judged alone, or the
        origin comes from the later one), up to the longest track."""
        keep = []
        self._budget = self.frame_budget
        if len(self._heads) > 4 * len(live) + 100:
            alive = {tr.id for tr in live}
            self._heads = {k: v for k, v in self._heads.items() if k in alive}
        ends = self._ends()
        # Would be judged now, unless waited for. The one test decides both: a tracklet
        # found not due here was released below all the same when its age was the hold
        # to within rounding (now − t ≤ hold_s and t < now − hold_s disagree there), with
        # nobody asked whether its continuation was still being tracked: the head of a
        # fall seen in two fragments 0.28 s apart was judged alone (cctv-dev seed 63).
        age = now - ends[:, 0]
        due = age > self.hold_s
        if not due.any():
            return []
        # Only a live track that could continue one of those can hold it back: the rest
        # (under rain, most of them) need no fit. The longest, then the steepest descents
        # first: they spend the frame's budget (IR-lit rain is steep but short-lived, and
        # put first it spent the budget before a fall's continuation was asked).
        due_ends = ends[due]
        cands = sorted((tr for tr in live if len(tr.t) >= 3 and _descending(tr)
                        and self._near(tr, due_ends)[0].any()),
                       key=lambda tr: (-len(tr.t), -(tr.y[-1] - tr.y[0]) / len(tr.t)))
        waiting = {id(a) for tr in cands for a in [self.head_for(tr)] if a is not None}
        for tr, a, d in zip(self.pool, age, due, strict=True):
            if not d or (id(tr) in waiting and a <= 10.0):
                keep.append(tr)
        done = [tr for tr in self.pool if all(tr is not k for k in keep)]
        if done:
            self._rev += 1
        self.pool = keep
        return done

    def drain(self) -> list[Track]:
        done, self.pool = self.pool, []
        self._rev += 1
        return done


def _descending(tr: Track) -> bool:
    """A fall's later part moves steadily down (tree flicker and hovering insects wander)."""
    y = tr.y
    tail = y[-4:]
    return len(y) >= 3 and y[-1] - y[0] >= 2 and all(b - a >= -1 for a, b in
                                                      zip(tail, tail[1:], strict=False))


def _may_fall(tr: Track) -> bool:
    """Could this tracklet be part of a fall? It moved down overall, or hardly moved (the
    slow start of a release). A tracklet that went up and stayed up, or swept sideways
    without dropping, is a bird, a leaf in the wind or tree flicker."""
    dy = tr.y[-1] - tr.y[0]
    dx = abs(tr.x[-1] - tr.x[0])
    span = max(dx, abs(dy))
    return dy >= -3 or span < 4 + 2 * (tr.size[0] if tr.size else 0)
