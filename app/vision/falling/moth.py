"""A fall does not turn in mid-air (issue 15: moths at the lens at night).

A moth circling in front of an IR-lit camera is a big blob on a loop; a quarter of a loop,
or a loop on a downward drift, fits a fall's parabola for a second, and physics accepts it.
What the moth does next, no falling object does: it slows down, turns up or sideways, while
still in mid-air. The tracker often loses it at the turn (it predicts the fall going on),
so the turn is seen as a second track that begins where the first one ended, of the same
size, moving slower than the fall was — or, when the tracker kept up, as the track's own
points after the part physics accepted.

``turns_after`` looks for that continuation. It does not look at brightness or size (a
moth in a 720p IR clip is not saturated; a thrown object at night blooms to a moth's size)
and never uses a track's end alone (it is no evidence: a fall is lost over glass of its own
shade). A fall that lands at the facade's foot, or leaves the picture, stops there and is
exempt; so is one whose object is seen going on along its own trajectory (another object —
a moth, a bird — took the track over while the fall went on in a new track).
"""

from __future__ import annotations

import numpy as np

from app.vision.facade import Facade
from app.vision.falling.physics import at_facade_foot
from app.vision.falling.tracker import Track


def _heights(facade: Facade, x, y) -> np.ndarray:
    """Metres up the facade of image points."""
    uv = facade.to_facade(np.stack([np.asarray(x, float), np.asarray(y, float)], axis=1))
    return uv[:, 1] * facade.floor_height_m


def _descent(facade: Facade, t, x, y) -> float:
    """Downward speed (m/s on the facade) of points, a straight-line fit."""
    t = np.asarray(t, float)
    return -float(np.polyfit(t - t[0], _heights(facade, x, y), 1)[0])


def turns_after(tr: Track, t_first: float, t_last: float, others: list[Track],
                facade: Facade, shape: tuple[int, int], gate_px: float, *,
                window_s: float = 0.32, gap_s: float = 0.3, keep_frac: float = 0.5,
                min_points: int = 5) -> str | None:
    """Does the object of the fall accepted on ``tr`` between ``t_first`` and ``t_last``
    carry on in mid-air slower than it fell (its own points after ``t_last``, or a track
    of ``others`` that begins within ``gap_s`` where it ended)? The reason, or None.

    Speeds are fitted over ``window_s``: the fall's at its end, the continuation's at its
    start; the continuation must hold ``min_points`` points there (noise flickers do not)
    and be of the fall's size (half to twice)."""
    h, w = shape
    t = np.asarray(tr.t)
    x, y, s = np.asarray(tr.x), np.asarray(tr.y), np.asarray(tr.size)
    fall = (t >= t_first - 1e-6) & (t <= t_last + 1e-6)
    # Points at the end of the accepted part that jumped above the fall (the track already
    # on clutter the object passed) are not the fall's: its end is the last point on it.
    idx = np.flatnonzero(fall)
    if len(idx) >= 8:
        c = np.polyfit(t[idx[:-3]] - t[idx[0]], y[idx[:-3]], 2)  # the last 3 left out
        above = y[idx] < np.polyval(c, t[idx] - t[idx[0]]) - (gate_px + 0.25 * np.median(s[idx]))
        for j in range(len(idx) - 1, len(idx) - 4, -1):
            if not above[j]:
                break
            fall[idx[j]] = False
        t_last = float(t[fall][-1])
    end = fall & (t >= t_last - window_s - 1e-6)
    if end.sum() < min_points:
        return None
    xl, yl, tl = float(x[fall][-1]), float(y[fall][-1]), float(t[fall][-1])
    margin = 2 * gate_px + float(s[fall][-1])
    if (yl > h - margin or xl < margin or xl > w - margin
            or at_facade_foot(facade, (xl, yl), 0.25)):
        return None  # it landed or left the picture: where else could it go
    v_fall = _descent(facade, t[end], x[end], y[end])
    if v_fall <= 0:
        return None
    size = float(np.median(s[end]))
    vx = float(np.polyfit(t[end] - tl, x[end], 1)[0])
    vy = float(np.polyfit(t[end] - tl, y[end], 1)[0])
    last_s = fall & (t >= t_last - 2 * window_s - 1e-6)
    ay = max(2.0 * float(np.polyfit(t[last_s] - tl, y[last_s], 2)[0]), 0.0)

    def slower(ct, cx, cy, cs) -> bool:
        sel = ct <= ct[0] + window_s + 1e-6
        if sel.sum() < min_points:
            return False
        dt = float(ct[0] - tl)
        if cy[0] < yl - (gate_px + 0.25 * size):
            return False  # it jumped up: another object (a loop turns smoothly)
        # where it begins: near the end of the fall (within the gate and the way the fall
        # would have gone on meanwhile) — a turn, not a stranger across the frame
        reach = gate_px + size + np.hypot(vx, vy) * max(dt, 0.0)
        if np.hypot(cx[0] - xl, cy[0] - yl) > reach:
            return False
        if not 0.5 * size <= float(np.median(cs[sel])) <= 2.0 * size:
            return False
        last = (float(cx[sel][-1]), float(cy[sel][-1]))
        if last[1] > h - margin or at_facade_foot(facade, last, 0.25):
            return False
        return _descent(facade, ct[sel], cx[sel], cy[sel]) < keep_frac * v_fall

    def goes_on(ct, cx, cy, cs) -> bool:
        """An object of the fall's size on the fall's own way down after its end (it
        carries on falling, at its end speed or faster)."""
        dt = ct - tl
        ok = (dt > 0) & (dt <= 1.0)
        if ok.sum() < min_points - 1 or not 0.5 * size <= float(np.median(cs[ok])) <= 2 * size:
            return False
        px = xl + vx * dt[ok]
        py = yl + vy * dt[ok]
        tol = gate_px + 0.5 * size + 0.25 * abs(vy) * dt[ok]
        near = ((np.abs(cx[ok] - px) <= tol) & (cy[ok] >= py - tol)
                & (cy[ok] <= py + ay * dt[ok] ** 2 + tol))  # (up to twice its acceleration)
        return near.mean() >= 0.6

    after = t > t_last + 1e-6
    cands = []
    if after.sum() >= min_points:
        cands.append((t[after], x[after], y[after], s[after]))
    for o in others:
        if o is tr or not o.t or not tl - 1e-6 < o.t[0] <= tl + gap_s:
            continue
        cands.append((np.asarray(o.t), np.asarray(o.x), np.asarray(o.y), np.asarray(o.size)))
    turned = [c for c in cands if slower(*c)]
    if not turned:
        return None
    for o in others:
        if o is not tr and o.t and o.t[0] > t_first and o.t[-1] > tl and goes_on(
                np.asarray(o.t), np.asarray(o.x), np.asarray(o.y), np.asarray(o.size)):
            return None  # the fall went on in another track: this one was taken over
    return "turns in mid-air"
