"""Multi-target tracking of small blobs with a gravity-aware constant-acceleration predictor.

Association is a gated assignment (Hungarian on distances normalised by each track's gate).
A young track knows nothing of its velocity, so its gate is stretched downwards (a falling
object only speeds up downwards); an older track predicts with its own fitted acceleration,
or the gravity prior in pixels until it has enough points. Gates widen with speed and with
missed frames, which is what keeps fast objects (tens of px per frame) tracked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import scipy  # submodules load on first use: scipy.optimize costs ~0.3 s of start-up

from app.vision.falling.config import FallingConfig
from app.vision.falling.foreground import Blobs
from app.vision.falling.lsq import polyfit

# (x, y, half-width, half-height, k) → (x, y, size) of the best weak detection, or None
WeakSearch = Callable[[float, float, float, float, float], "tuple[float, float, float] | None"]


@dataclass
class Track:
    id: int
    t: list[float] = field(default_factory=list)
    x: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    size: list[float] = field(default_factory=list)
    # per point: found below the blob threshold (Tracker._weak). Such a point lies near the
    # track's own prediction by construction, so it bridges a hole but is no independent
    # measurement of where the object was: the release is fitted without it (physics.py).
    weak: list[bool] = field(default_factory=list)
    misses: int = 0
    weak_run: int = 0  # weak points (found below the blob threshold) in a row at the end
    weak_total: int = 0
    _fit: tuple | None = field(default=None, repr=False, compare=False)

    def add(self, t: float, x: float, y: float, s: float) -> None:
        self.t.append(t)
        self.x.append(x)
        self.y.append(y)
        self.size.append(s)
        self.weak.append(False)
        self.misses = 0
        self.weak_run = 0

    @property
    def weak_flags(self) -> list[bool]:
        """``weak``, one flag per point; all False for a track whose points were set without
        their flags (put together by hand, as tests and the clean-core search do)."""
        return self.weak if len(self.weak) == len(self.t) else [False] * len(self.t)

    def drop_weak_tail(self) -> None:
        """Take off the weak points after the last blob: weak points bridge a track's holes,
        they never lengthen it (by construction they lie on its own prediction, so a tail of
        them would make any clutter track look like a longer fall)."""
        if self.weak_run:
            k = len(self.t) - self.weak_run
            del self.t[k:], self.x[k:], self.y[k:], self.size[k:], self.weak[k:]
            self.weak_total -= self.weak_run
            self.weak_run = 0
            self._fit = None

    def predict(self, t: float, a_prior: float) -> tuple[float, float, float, float]:
        """(x, y, half-width of gate in x, half-height in y) at time t, before the base gate."""
        n = len(self.t)
        if n == 1:
            return self.x[0], self.y[0], 0.0, 0.0
        if n < 5:
            dt0 = self.t[-1] - self.t[-2]
            vx = (self.x[-1] - self.x[-2]) / dt0
            vy = (self.y[-1] - self.y[-2]) / dt0
            ay = a_prior
        else:
            # The fit changes only when a point is added; a coasting track (and every track
            # is asked every frame) reuses it.
            if self._fit is None or self._fit[0] != n:
                tt = np.asarray(self.t[-8:]) - self.t[-1]
                px = polyfit(tt, self.x[-8:], 1)
                py = polyfit(tt, self.y[-8:], 2)
                ay = 2 * py[0]
                self._fit = (n, px[0], py[1], 0.5 * (ay + a_prior) if n < 8 else ay)
            _n, vx, vy, ay = self._fit
        dt = t - self.t[-1]
        x = self.x[-1] + vx * dt
        y = self.y[-1] + vy * dt + 0.5 * ay * dt * dt
        speed = float(np.hypot(vx, vy)) * dt
        return x, y, 0.2 * speed, 0.3 * speed + 0.25 * abs(ay) * dt * dt


class Tracker:
    def __init__(self, config: FallingConfig, frame_h: int, fps: float) -> None:
        self.cfg = config
        self.h = frame_h
        self.fps = fps
        self.active: list[Track] = []
        self._next = 1
        # Gravity prior in px/s² when no geometry is known: a mid-range camera's value.
        self.a_prior = 0.2 * frame_h
        self.gate = max(3.0, config.gate_frac * frame_h)

    def step(self, t: float, blobs: Blobs | None, weak: WeakSearch | None = None) -> list[Track]:
        """Associate this frame's blobs; return the tracks that ended. ``weak``: the
        stage's search below the blob threshold, for established tracks left without a blob."""
        ended: list[Track] = []
        if blobs is None:  # skipped frame: everybody coasts, nobody is penalised
            return ended
        cfg = self.cfg
        n_t, n_d = len(self.active), len(blobs.xy)
        assigned_d = np.zeros(n_d, bool)
        if n_t and n_d:
            # One row of normalised distances per track, all at once: under IR-lit rain
            # there are hundreds of tracks and blobs a frame.
            pred = np.array([(*tr.predict(t, self.a_prior), tr.size[-1], tr.misses, len(tr.t))
                             for tr in self.active])
            px, py, gx, gy = (pred[:, k:k + 1] for k in range(4))
            base = self.gate + 0.5 * pred[:, 4:5] + 1.0 * pred[:, 5:6]
            n_pts = pred[:, 6:7]
            dx = blobs.xy[None, :, 0] - px
            dy = blobs.xy[None, :, 1] - py
            # a one-point track knows no velocity: allow a fast downward start
            new = n_pts == 1
            down = 0.03 * self.h
            ny = np.where(new, np.where(dy > 0, dy / (base + down), -dy / base),
                          dy / (base + gy))
            nx = np.where(new, dx / base, dx / (base + gx))
            d = np.hypot(nx, ny)
            cost = np.where(d <= 1.0, d - 0.001 * np.minimum(n_pts, 50), 1e6)  # long tracks win ties
            # Only tracks and blobs with a candidate at all take part in the assignment (the
            # same optimum: the others could only be paired at the prohibitive cost).
            feas = cost < 1e5
            r_ok, c_ok = np.flatnonzero(feas.any(axis=1)), np.flatnonzero(feas.any(axis=0))
            cost = cost[np.ix_(r_ok, c_ok)]
            rows, cols = scipy.optimize.linear_sum_assignment(cost)
            for r, c in zip(rows, cols, strict=True):
                if cost[r, c] < 1e5:
                    tr, c = self.active[r_ok[r]], c_ok[c]
                    tr.add(t, float(blobs.xy[c, 0]), float(blobs.xy[c, 1]), float(blobs.size[c]))
                    assigned_d[c] = True
                    tr.misses = -1  # marked as updated this frame
        if weak is not None and cfg.weak_k_sigma > 0:
            self._weak(t, weak)
        still: list[Track] = []
        for tr in self.active:
            if tr.misses == -1:
                tr.misses = 0
            else:
                tr.misses += 1
            too_old = tr.t[-1] - tr.t[0] > cfg.max_track_s
            # A one-point track that is not confirmed at once is noise or rain: drop it
            # early, or rainy frames breed hundreds of tracks.
            # An established track coasts longer: objects vanish over glass of their shade.
            n = len(tr.t)
            limit = 1 if n <= 2 else (cfg.max_miss if n < 6 else cfg.max_miss_established)
            if tr.misses > limit or too_old:
                tr.drop_weak_tail()
                ended.append(tr)
            else:
                still.append(tr)
        for c in np.flatnonzero(~assigned_d):
            tr = Track(self._next)
            self._next += 1
            tr.add(t, float(blobs.xy[c, 0]), float(blobs.xy[c, 1]), float(blobs.size[c]))
            still.append(tr)
        self.active = still
        return ended

    def _weak(self, t: float, weak: WeakSearch) -> None:
        """Continue established tracks that found no blob with a weak detection in a window
        of their prediction's own uncertainty (at night a small object leaves a blob in only
        half its frames; a window as wide as the gate holds a noise pixel above 2.5σ most of
        the time, so it is kept to a few pixels). Weak points never start a track, come at
        most ``weak_max_run`` in a row and make at most ``weak_share`` of a track."""
        cfg = self.cfg
        lo, hi = cfg.weak_window_px
        for tr in self.active:
            n = len(tr.t)
            if (tr.misses == -1 or tr.misses > cfg.weak_max_gap or n < cfg.weak_min_points
                    or tr.weak_run >= cfg.weak_max_run
                    or tr.weak_total + 1 > cfg.weak_share * (n + 1)):
                continue
            x, y, gx, gy = tr.predict(t, self.a_prior)
            # only a track on its way down: a bird on a sill, a moth hovering, stay put
            if y - tr.y[-1] < cfg.weak_min_drop_px * (t - tr.t[-1]) * self.fps:
                continue
            spread = 1.0 + tr.misses  # the prediction grows less sure with every missed frame
            found = weak(x, y, min(max(lo, gx * spread), hi), min(max(lo, gy * spread), hi),
                         cfg.weak_k_sigma)
            if found is None:
                continue
            run, total = tr.weak_run, tr.weak_total
            tr.add(t, *found)
            tr.weak[-1] = True
            tr.weak_run, tr.weak_total = run + 1, total + 1
            tr.misses = -1

    def flush(self) -> list[Track]:
        ended, self.active = self.active, []
        for tr in ended:
            tr.drop_weak_tail()
        return ended
