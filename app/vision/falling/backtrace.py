"""A fall's earlier blobs, found by gravity rather than by track ownership.

At night a falling object is often seen only in part of its frames, and its blobs sit among
moths, rain and flicker: the tracker hands each one to whichever track is nearest (a moth's,
or a new one-point track that dies at once), so the fall never gets a track of its own until
it is already fast, late in its drop. Too late for the physics test: a track that begins
half a second before the object leaves the frame has too few points.

Such a late track already says where the object was: a fall is a parabola in time (y) and
nearly a line (x), so from its first few points the trajectory can be taken back, frame by
frame, through the blobs of the last second or so, and the blob that lies on it taken
whoever owns it. The same blob may then serve two tracks (the moth's and the fall's):
physics judges each, and the duplicate test keeps one alarm per object.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import numpy as np

from app.vision.facade import Facade
from app.vision.falling.foreground import Blobs
from app.vision.falling.lsq import polyfit
from app.vision.falling.tracker import Track

# (t, x, y) of a blob → the track that holds it (as one of its points), or None
Owner = Callable[[float, float, float], "Track | None"]


class BlobHistory:
    """Every frame's blobs over the last ``span_s`` seconds (centres and sizes only)."""

    def __init__(self, span_s: float = 1.5) -> None:
        self.span_s = span_s
        self.frames: deque[tuple[float, np.ndarray, np.ndarray]] = deque()

    def add(self, t: float, blobs: Blobs | None) -> None:
        if blobs is not None and len(blobs.xy):
            self.frames.append((t, blobs.xy, blobs.size))
        while self.frames and self.frames[0][0] < t - self.span_s:
            self.frames.popleft()


def starts_fast(tr: Track, frame_h: int, fps: float) -> bool:
    """A track that begins mid-fall: its first points already drop fast, faster every frame
    (gravity), and mostly downwards. A fall seen from its release, a moth, a bird or a
    drifting leaf does not look like this; rain falls fast but at a constant speed."""
    if len(tr.t) < 4 or any(tr.weak_flags[:4]):
        return False
    dt = np.diff(tr.t[:4])
    if dt.max() > 2.5 / fps:  # a hole among the first points: no clean speed
        return False
    vy = np.diff(tr.y[:4]) / dt
    vx = np.diff(tr.x[:4]) / dt
    fast = 0.006 * frame_h * fps  # 4 px a frame at 720p25
    return bool(vy[0] >= fast and vy[1] - vy[0] >= -0.002 * frame_h * fps
                and vy[2] - vy[1] >= -0.002 * frame_h * fps and vy[2] > vy[0]
                and np.all(np.abs(vx) <= 0.6 * vy + fps))


def trace_back(tr: Track, hist: BlobHistory, frame_h: int, fps: float,
               facade: Facade | None = None, a_max_mps2: float = 14.0,
               max_gap_s: float = 0.45, owner: Owner | None = None,
               ) -> list[tuple[float, float, float, float]]:
    """The blobs before ``tr``'s first point that lie on its trajectory taken back in time,
    (t, x, y, size), earliest first. Each frame's blob nearest the prediction is taken if it
    is within a window that grows with the step per frame and with the frames since the
    last find; the fit is redone with every find. Stops after ``max_gap_s`` without one,
    or at a blob whose track (``owner``) came to it along this same trajectory: the object
    had a track of its own there, which the stitching pool joins to this one.

    With a facade the fit is made on the facade plane (columns, floors), where a fall's
    height is a parabola with a bounded acceleration; in the image, seen steeply from below,
    the acceleration grows several-fold as the object nears the camera, and a parabola
    fitted to the late, fast part overshoots when taken back."""
    n0 = min(len(tr.t), 8)
    t = list(tr.t[:n0])
    x = list(tr.x[:n0])
    y = list(tr.y[:n0])
    s = list(tr.size[:n0])
    if facade is not None:
        uv = facade.to_facade(np.stack([x, y], axis=1))
        u, v = list(uv[:, 0]), list(-uv[:, 1])  # down positive, as y
        a_max = a_max_mps2 / facade.floor_height_m  # floors/s²
    else:
        u, v = list(x), list(y)
        a_max = 10.0 * frame_h  # px/s², physics' loosest bound without a facade

    def to_px(pu: float, pv: float) -> tuple[float, float]:
        if facade is None:
            return pu, pv
        qx, qy = facade.to_image([[pu, -pv]])[0]
        return float(qx), float(qy)

    found: list[tuple[float, float, float, float]] = []
    last = t[0]
    for tf, xy, size in reversed(hist.frames):
        if tf >= t[0] - 1e-6:
            continue
        if last - tf > max_gap_s:
            break
        # The earliest few points only: the fit should describe the part next to the gap.
        m = min(len(t), 5)
        tt = np.asarray(t[:m]) - t[0]
        vv = np.asarray(v[:m])
        cv = polyfit(tt, vv, 2)
        a = 2.0 * cv[0]
        if not 0.0 <= a <= a_max:  # not a fall's curve: fix the acceleration, fit the rest
            a = min(max(a, 0.0), a_max)
            cv = np.array([0.5 * a, *polyfit(tt, vv - 0.5 * a * tt * tt, 1)])
        cu = polyfit(tt, u[:m], 1)
        d = tf - t[0]
        if float(cv[1] + a * d) < -0.5 * a * max_gap_s:
            break  # well before the apex of a toss: no longer on this fall
        px, py = to_px(float(np.polyval(cu, d)), float(np.polyval(cv, d)))
        nx, ny = to_px(float(np.polyval(cu, d + 1.0 / fps)), float(np.polyval(cv, d + 1.0 / fps)))
        step = float(np.hypot(nx - px, ny - py))  # px a frame here
        frames = (last - tf) * fps
        tol = 5.0 + 0.5 * s[0] + 0.2 * step * frames
        dist = np.hypot(xy[:, 0] - px, xy[:, 1] - py)
        # Earlier on a fall is higher up: at least half the drop the fit predicts to the
        # next point (a blob below it is clutter the window happens to reach).
        dist[xy[:, 1] > y[0] - 0.5 * max(y[0] - py, 0.0)] = np.inf
        k = int(np.argmin(dist))
        if dist[k] > tol:
            continue
        bx, by, bs = float(xy[k, 0]), float(xy[k, 1]), float(size[k])
        held = owner(tf, bx, by) if owner is not None else None
        if held is not None:
            i = held.t.index(tf)
            if i >= 2:
                tp = held.t[i - 1]
                qx, qy = to_px(float(np.polyval(cu, tp - t[0])), float(np.polyval(cv, tp - t[0])))
                if np.hypot(held.x[i - 1] - qx, held.y[i - 1] - qy) <= tol:
                    break
        found.append((tf, bx, by, bs))
        if facade is not None:
            bu, bv = facade.to_facade(np.array([[bx, by]]))[0]
            bv = -bv
        else:
            bu, bv = bx, by
        for lst, val in ((t, tf), (x, bx), (y, by), (s, bs), (u, float(bu)), (v, float(bv))):
            lst.insert(0, val)
        last = tf
    return found[::-1]


def prepend(tr: Track, points: list[tuple[float, float, float, float]]) -> None:
    """Put the traced blobs in front of the track's own points (as blob points)."""
    tr.weak = [False] * len(points) + tr.weak_flags  # first: the flags of the old points
    tr.t[:0] = [p[0] for p in points]
    tr.x[:0] = [p[1] for p in points]
    tr.y[:0] = [p[2] for p in points]
    tr.size[:0] = [p[3] for p in points]
    tr._fit = None
