"""Acceptance of a track on physics, and its origin.

With a facade, every point is back-projected through the facade homography to
(column, floor) units on the facade plane — metres up the facade with the storey height —
and the height is fitted against time, h(t) = h0 + v0·t − ½·a·t². This removes the
perspective that makes pixel acceleration vary with height. A throw must accelerate
downwards within a plausible range (drag allows far less than g, birds and rain fit ≈ 0),
drop at least two floors, travel mostly vertically, and fit the parabola closely (flutter
does not). Without a facade the same rules run in pixels with looser, scale-free limits.
The origin is the fitted trajectory taken back to where the vertical speed was zero (the
release), at most a few tenths of a second before the first tracked point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from app.vision.facade import COLUMN_M, Facade, Viewpoint
from app.vision.falling.config import FallingConfig
from app.vision.falling.core import clean_cores
from app.vision.falling.tracker import Track


@dataclass
class Verdict:
    accepted: bool
    reason: str
    accel: float = 0.0  # m/s² (facade) or px/s² (no facade), downward positive
    drop: float = 0.0
    rms: float = 0.0
    origin_px: tuple[float, float] | None = None
    origin_uv: tuple[float, float] | None = None  # facade (columns, floors)
    confidence: float = 0.0
    t_first: float = 0.0  # time of the first point of the accepted part
    t_last: float = 0.0  # and of its last


def _fit(t: np.ndarray, h: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Quadratic least squares: coefficients [c2, c1, c0], residual RMS, std error of c2."""
    a = np.stack([t * t, t, np.ones_like(t)], axis=1)
    coef, *_ = np.linalg.lstsq(a, h, rcond=None)
    res = h - a @ coef
    dof = max(len(t) - 3, 1)
    s2 = float(res @ res) / dof
    cov = s2 * np.linalg.pinv(a.T @ a)
    return coef, math.sqrt(float(res @ res) / len(t)), math.sqrt(max(cov[0, 0], 0.0))


G = 9.81


def least_depth_accel(t: np.ndarray, h: np.ndarray, view: Viewpoint, floor_h: float,
                      depth_max_m: float, out_max_mps: float) -> float:
    """The least downward acceleration (m/s²) that heights ``h`` seen on the wall plane
    stand for, over the depths a thrown object can have in front of the wall. Seen from the
    camera, an object ``d`` out of the wall is projected onto it farther from the camera's
    foot by D / (D − d) (``Viewpoint.behind``): its true height is h_c + (h − h_c)(1 − d/D).
    From a steep camera close to the tower, an object falling at g is seen on the wall
    accelerating faster (by D / (D − d), and more while it moves outwards: the scale grows
    as it nears the camera). The depth is taken linear in time, d0 + w·t, moving outwards at
    0 … ``out_max_mps`` (a throw leaves the wall and does not come back), within
    0 … ``depth_max_m`` and half the camera's distance (as ``Viewpoint.behind``) at every
    point. The least-squares acceleration is linear in (d0, w), so its extremes over that
    polygon are at its corners: on the wall, at the limit throughout, from the wall at the
    fastest speed that stays within the limit, and at the fastest speed up to the limit."""
    dist = view.distance_m
    cap = min(depth_max_m, 0.5 * dist)
    s = t - t[0]
    span = max(float(s[-1]), 1e-9)
    w = min(out_max_mps, cap / span)
    corners = [(cap, 0.0), (0.0, w)] + ([(cap - w * span, w)] if w * span < cap else [])
    rel = h - view.v * floor_h  # height above the camera's foot on the wall
    out = [-2.0 * np.polyfit(s, h, 2)[0]]
    for d0, speed in corners:
        out.append(-2.0 * np.polyfit(s, rel * (1.0 - (d0 + speed * s) / dist), 2)[0])
    return float(min(out))


def _fall_drag(p: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Height of a fall with quadratic drag, at rest (release or apex) at t0 = p[1] from
    h0 = p[0], terminal speed 1/p[2]: h0 − v_t²/g · ln cosh(g (t − t0)/v_t)."""
    h0, t0, w = p
    x = G * w * np.abs(t - t0)
    logcosh = x + np.log1p(np.exp(-2 * x)) - math.log(2.0)
    return h0 - logcosh / (G * w * w)


def _drag_release(t: np.ndarray, h: np.ndarray, t_par: float, h_par: float,
                  cfg: FallingConfig) -> tuple[float, float]:
    """Release time and height of a late-starting track, fitted as a fall with quadratic
    drag from rest (g at the release, less as the speed grows); the parabola's answer when
    the fit does not hold."""
    from scipy.optimize import least_squares  # loaded on the first accepted track only

    lo = -cfg.max_back_extrapolation_s
    x0 = np.array([h_par, min(max(t_par, lo + 1e-3), -1e-3), 1.0 / 30.0])
    try:
        r = least_squares(lambda p: _fall_drag(p, t) - h, x0,
                          bounds=([-np.inf, lo, 1.0 / 200.0], [np.inf, 0.0, 1.0 / 3.0]),
                          x_scale=[1.0, 0.1, 0.01])
    except ValueError:
        return t_par, h_par
    h0, t0, _w = r.x
    if not r.success or not np.isfinite(r.x).all():
        return t_par, h_par
    # Never higher than the parabola (drag only shortens the way back), nor below the first
    # point.
    return float(t0), float(min(max(h0, h[0]), h_par))


def _terminal(t: np.ndarray, h: np.ndarray, horiz: np.ndarray, drop: float, fill: float,
              rms_ok: bool, cfg: FallingConfig) -> bool:
    """A light object (bag, cardboard) reaches its terminal speed within a second or two and
    then falls at a constant 10–20 m/s: no acceleration left to measure. Nothing else in
    front of a facade moves like that — birds glide at most ~35° down, so sideways faster
    than down; leaves and paper sink at 1–3 m/s — so a long, fast, straight, steep, gap-free
    descent is accepted on its own."""
    if t[-1] < cfg.terminal_span_s or fill < cfg.terminal_fill or drop < cfg.terminal_drop_m:
        return False
    vy = drop / t[-1]
    return (rms_ok and vy >= cfg.terminal_speed_mps
            and float(np.ptp(horiz)) <= cfg.terminal_horizontal_ratio * drop)


def judge(track: Track, cfg: FallingConfig, facade: Facade | None, frame_h: int,
          parts: bool = True, fps: float | None = None,
          view: Viewpoint | None = None) -> Verdict:
    """Judge the whole track, else (``parts``) its longest clean part: a track can pick up a
    bird or a leaf crossing it at either end, which must not hide the fall in between.
    ``view``: where the camera stands (``Facade.viewpoint``), for the acceleration of an
    object in front of the wall (``least_depth_accel``); without it, the wall plane's."""
    n = len(track.t)
    first = None
    spans = ((0, n), (0, 3 * n // 4), (n // 4, n), (0, n // 2), (n // 2, n))
    for a, b in spans if parts else spans[:1]:
        v = _judge_points(track, a, b, cfg, facade, frame_h, fps, view)
        if v.accepted:
            return v
        first = first or v
    if parts and max(track.y) - track.y[0] >= 0.02 * frame_h:
        # Clutter the track took on while the object was lost, trimmed off at both ends
        # (``core.py``); fixed quarters cut a clean fall only by luck. Only for tracks that
        # went down: the bulk (flicker, rain, birds) pays nothing.
        for core in clean_cores(track, cfg.strong_min_points, fps or 25.0, cfg.stitch_gap_s):
            v = _judge_points(core, 0, len(core.t), cfg, facade, frame_h, fps, view)
            if v.accepted:
                return v
    return first


def at_facade_foot(facade: Facade, point_px, floors: float) -> bool:
    """Is this image point on the facade plane within ``floors`` storeys of its foot, or
    below it? Not when it lies beyond the plane's horizon: above the facade of a camera
    looking steeply up, the sky maps to heights far below the foot (the homography folds
    over there), and a track ending in it has not landed."""
    hm = facade.homography
    p = hm @ np.array([point_px[0], point_px[1], 1.0])
    centre = facade.to_image([[facade.columns / 2, facade.floors / 2]])[0]
    c = hm @ np.array([centre[0], centre[1], 1.0])
    return bool(p[2] * c[2] > 0 and p[1] / p[2] <= floors)


def _rest_windows(t: np.ndarray, xy: np.ndarray, h: np.ndarray, horiz: np.ndarray,
                  facade: Facade | None, fps: float, cfg: FallingConfig) -> list[int]:
    """Starts of the windows of ``cfg.rest_window`` consecutive frames in which the track's
    points stay put (they move less than ``cfg.rest_frac`` of it, a median of pairwise
    slopes: one stray point does not make a pause) while its fit — a parabola in height,
    a line sideways — moves the object by at least ``cfg.rest_min_px`` in the image, and
    by more than twice what a fall from rest moves it over as many frames: a release or
    the apex of a toss, where the fit's object is slow too, is no pause."""
    m = cfg.rest_window
    n = len(t)
    if m < 2 or n < m:
        return []
    frame = np.round(t * fps).astype(int)
    cont = frame[m - 1:] - frame[: n - m + 1] == m - 1
    if not cont.any():
        return []
    ch, cx = np.polyfit(t, h, 2), np.polyfit(t, horiz, 1)
    hf, xf = np.polyval(ch, t), np.polyval(cx, t)
    span = t[m - 1:] - t[: n - m + 1]
    from_rest = 0.5 * max(-2.0 * ch[0], 0.0) * span ** 2  # height a release drops in a window
    if facade is not None:
        def img(x, hh):
            return facade.to_image(np.stack([x / COLUMN_M, hh / facade.floor_height_m], axis=1))
    else:
        def img(x, hh):
            return np.stack([x, -hh], axis=1)
    fit = img(xf, hf)
    pred = np.hypot(*(fit[m - 1:] - fit[: n - m + 1]).T)
    rest = np.hypot(*(img(xf[: n - m + 1], hf[: n - m + 1] - from_rest)
                      - fit[: n - m + 1]).T)
    ii, jj = np.triu_indices(m, 1)
    out = []
    for i in np.flatnonzero(cont & (pred >= cfg.rest_min_px) & (pred > 2.0 * rest)):
        w = slice(i, i + m)
        dtp = t[w][jj] - t[w][ii]
        vx = np.median((xy[w, 0][jj] - xy[w, 0][ii]) / dtp)
        vy = np.median((xy[w, 1][jj] - xy[w, 1][ii]) / dtp)
        if math.hypot(vx, vy) * span[i] < cfg.rest_frac * pred[i]:
            out.append(int(i))
    return out


def still_head(xy: np.ndarray, t: np.ndarray, size: np.ndarray, facade: Facade,
               still_px: float) -> tuple[int, float] | None:
    """The index of the last point of the track's head at rest and tau (below), None if it
    has none.

    At rest, a blob's centre stays within a quarter of its width (its edges flicker), and
    within ``still_px``: the head is the longest run of first points all within that radius
    r of their median. A released object accelerates from rest at once: a fall at g leaves
    the circle about its median after 1.15·tau, tau = sqrt(2·r / (px per metre · g)).
    Points that stay in it for longer (1.3·tau) are not the start of a fall but something
    standing still — an object on a sill before it is pushed off, a toss at its apex, or a
    sill bird, a lamp's flicker that a chain of blobs below then joins."""
    if still_px <= 0 or len(t) < 3:
        return None
    last, r = 0, still_px
    for j in range(2, len(t)):
        head = xy[: j + 1]
        rj = max(still_px, 0.25 * float(np.median(size[: j + 1])))
        if np.hypot(*(head - np.median(head, axis=0)).T).max() > rj:
            break
        last, r = j, rj
    if not last:
        return None
    u, v = facade.to_facade(xy[:1])[0]
    below = facade.to_image([[u, v - 1.0 / facade.floor_height_m]])[0]
    ppm = max(float(np.hypot(*(below - xy[0]))), 1e-6)  # px per metre down the wall
    tau = math.sqrt(2.0 * r / (ppm * G))
    return (last, tau) if t[last] - t[0] >= 1.3 * tau else None


def tail_borne(t: np.ndarray, h: np.ndarray, frac: float) -> bool:
    """Does the fall's curvature rest on its last points alone? The parabola refitted
    without the last ``frac`` of the points (at least 2; at least 4 left) must still curve
    downwards. A fall curves all along (from its release or wherever it is first seen); a
    chain of a blob creeping or standing, then one jump to another blob lower down, fits a
    parabola only thanks to the jump: without it the rest is straight or curves up."""
    if frac <= 0:
        return False
    k = max(2, math.ceil(frac * len(t)))
    if len(t) - k < 4:
        return False
    return -2 * _fit(t[:-k], h[:-k])[0][0] <= 0.0


def _blob_mask(track: Track, i0: int, i1: int) -> np.ndarray:
    """True for the points of track[i0:i1] that are blobs (not weak points)."""
    return ~np.asarray(track.weak_flags[i0:i1], bool)


def _judge_points(track: Track, i0: int, i1: int, cfg: FallingConfig, facade: Facade | None,
                  frame_h: int, fps: float | None, view: Viewpoint | None = None) -> Verdict:
    t = np.asarray(track.t[i0:i1]) - track.t[i0]
    # A short track is judged only as a candidate for the strong-evidence rule below (a
    # drop from the lowest floors is over within a second, and the camera may not see
    # its end); everything else needs the full span.
    short = len(t) < cfg.min_points or t[-1] < cfg.min_span_s
    xy = np.stack([track.x[i0:i1], track.y[i0:i1]], axis=1)
    # A drop from the lowest floor in view leaves the facade through its foot (it lands, or
    # falls out of the picture) a few tenths of a second after the camera first sees it
    # move: its slow first 0.3 s barely moves a small object, so the track may be no longer
    # than its points. Such a track is not held to the strong-evidence span; its points,
    # their fit and the acceleration's significance still are.
    at_foot = (facade is not None and len(t) >= cfg.strong_min_points
               and at_facade_foot(facade, xy[-1], cfg.strong_foot_floors))
    if (facade is None or len(t) < cfg.strong_min_points
            or (t[-1] < cfg.strong_min_span_s and not at_foot)):
        if len(t) < cfg.min_points:
            return Verdict(False, "few points")
        if t[-1] < cfg.min_span_s:
            return Verdict(False, "short span")
    if facade is not None:
        uv = facade.to_facade(xy)
        scale = facade.floor_height_m
        h = uv[:, 1] * scale  # metres up the facade
        # Horizontal metres: columns are of unknown width; take a storey-like one
        # (COLUMN_M) for the sideways tests, which are loose.
        horiz = uv[:, 0] * COLUMN_M
        a_min, a_max = cfg.a_min_mps2, cfg.a_max_mps2
        min_drop = cfg.min_drop_floors * scale
        rms_lim = cfg.max_rms_m
    else:
        h = -xy[:, 1]
        horiz = xy[:, 0]
        a_min, a_max = cfg.a_min_frac * frame_h, 10.0 * frame_h
        min_drop = cfg.min_drop_frac * frame_h
        rms_lim = 1.5
    coef, rms, sd_c2 = _fit(t, h)
    accel = -2 * coef[0]
    # Faster than a fall on the wall plane, unless a depth in front of the wall explains it.
    too_fast = accel > a_max and not (
        facade is not None and view is not None and cfg.depth_max_m > 0.0
        and least_depth_accel(t, h, view, scale, cfg.depth_max_m,
                              cfg.out_max_mps) <= a_max)
    if accel > a_max and not too_fast and cfg.head_still_px > 0:
        # Only depth explains this acceleration, and only for a track that is a fall from
        # its first point. A blob at rest may be only before its release, and what follows
        # the head must be a fall long enough to be judged alone (min_points after it): a
        # blob standing still for half a second and then a few points lower is a chain a
        # parabola with a large curvature fits, not a fall's start (cctv-dev 500 025,
        # 500 030, throw clip 72's second alarm; 14–19 m/s² on the wall plane). A part
        # within the wall plane's bound is judged as without the test: a toss hanging at
        # its apex is not held back.
        k = still_head(xy, t, np.asarray(track.size[i0:i1], float), facade, cfg.head_still_px)
        if k:
            last, tau = k
            if i1 - i0 - 1 - last < cfg.min_points:
                return Verdict(False, "still, then too short a fall", accel)
            # A fall from rest is still in the circle for about tau after its release: it
            # is judged from there (its start), the rest before it left out of the fit.
            rel = int(np.searchsorted(t, t[last] - tau))
            return _judge_points(track, i0 + rel, i1, cfg, facade, frame_h, fps, view)
    drop = float(h[: max(2, len(h) // 8)].mean() - h[-max(2, len(h) // 8):].mean())
    v = Verdict(False, "", accel, drop, rms)
    # Share of the frames spanned that hold a point: a fall is seen in most frames, while a
    # chain of unrelated blobs (rain, tree flicker, a leaf lost and re-found) is full of holes.
    dt = 1.0 / fps if fps else float(np.min(np.diff(t)))
    fill = len(t) / (round(t[-1] / dt) + 1)
    rms_ok = rms <= rms_lim + cfg.rms_drop_frac * drop
    # Sideways, a falling object drifts smoothly (constant speed, bent a little by the
    # perspective of an object in front of the wall); a leaf or a sheet of paper swings from
    # side to side as it flutters down, even while one of its dives fits a parabola.
    c_side, rms_side, sd_side = _fit(t, horiz)
    side_ok = rms_side <= (cfg.max_side_rms_m if facade is not None else rms_lim) \
        + cfg.side_rms_drop_frac * drop
    steep = np.ptp(horiz) <= cfg.max_horizontal_ratio * drop
    terminal = facade is not None and not short and _terminal(t, h, horiz, drop, fill,
                                                                rms_ok, cfg)
    # Strong evidence makes up for a short drop: a near-free-fall acceleration measured
    # many standard errors above zero, on a gap-free track that the parabola fits closely.
    # Birds and insects fit ≈ 0 and flutter does not fit; this is what a 1.2 s drop from
    # the third floor looks like, and it is over before it has fallen two storeys in view.
    strong = (facade is not None and cfg.strong_a_min_mps2 <= accel and not too_fast
              and accel >= cfg.strong_a_sigma * 2 * sd_c2 and fill >= cfg.strong_fill
              and rms <= cfg.strong_rms_m + cfg.rms_drop_frac * drop
              and drop >= cfg.strong_min_drop_floors * facade.floor_height_m)
    if short and not strong:
        v.reason = "short track, weak evidence"
    elif fill < cfg.min_fill:
        v.reason = "gappy track"
    elif not side_ok:
        v.reason = "swings sideways"
    elif drop < min_drop and not strong:
        v.reason = "small drop"
    elif terminal:
        pass  # light object at its terminal speed: judged by _terminal
    elif accel < a_min or too_fast:
        v.reason = "acceleration out of range"
    elif accel < cfg.a_sigma * 2 * sd_c2:
        v.reason = "acceleration not significant"
    elif not rms_ok:
        v.reason = "poor parabola fit"
    elif not steep:
        v.reason = "too horizontal"
    elif coef[1] - accel * t[-1] >= 0:
        v.reason = "not falling at the end"
    elif (abs(2 * c_side[0]) > cfg.max_side_accel_ratio * accel
          and abs(2 * c_side[0]) >= cfg.a_sigma * 2 * sd_side):
        # Sideways a thrown object keeps the speed it was thrown with: drag slows it by at
        # most g·v_x/v_terminal (≤ 2.5 m/s² for the lightest object thrown hard), and the
        # perspective of an object in front of the wall bends it a little more. The edge
        # of a swaying canopy, an insect's loop, curve sideways about as much as they drop.
        v.reason = "curves sideways"
    elif not short and tail_borne(t, h, cfg.tail_check_frac):  # terminal: passed above
        v.reason = "curved only by its end"
    if v.reason:
        return v
    # A falling object never stops in mid-air. At rest it may be only before its release
    # (on a sill, in a hand) or after it landed at the foot; a run of frames in which the
    # points stay put while the fit has the object moving is not one object falling, but a
    # chain of things standing still (flicker at a window's corner, sensor speckle at
    # night), joined by jumps that a parabola happens to fit.
    rest = _rest_windows(t, xy, h, horiz, facade, fps or 1.0 / dt, cfg)
    if rest:
        n = i1 - i0
        head = [i for i in rest if i <= cfg.rest_head_points]
        tail = [i for i in rest if i + cfg.rest_window >= n - cfg.rest_head_points]
        landed = facade is not None and at_facade_foot(facade, xy[-1], cfg.strong_foot_floors)
        if any(i not in head and not (landed and i in tail) for i in rest):
            v.reason = "stops in mid-air"
            return v
        if head:  # at rest, then released: judged from the release on
            return _judge_points(track, i0 + max(head) + cfg.rest_window - 1, i1, cfg, facade,
                                 frame_h, fps, view)
    # Release: fit the first second only (drag has not yet bent the curve there), and take it
    # back to zero vertical speed — the release of a drop, the apex of an upward toss —
    # but never far before the first point. Weak points (found at the track's own
    # prediction, Tracker._weak) carry that prediction's error, not the object's position:
    # they helped the track through its holes and count for acceptance, but the release is
    # fitted on blob points only, when enough of them are left.
    blob = _blob_mask(track, i0, i1)
    if blob.sum() < cfg.min_points:
        blob = np.ones(len(t), bool)
    c_all = coef if blob.all() else _fit(t[blob], h[blob])[0]
    early = (t <= max(1.2, t[min(len(t) - 1, 9)])) & blob
    c_e = _fit(t[early], h[early])[0] if early.sum() >= 8 else c_all
    a_e = -2 * c_e[0]
    if terminal or not a_min <= a_e <= a_max:
        c_e, a_e = c_all, max(-2 * c_all[0], a_min)
    t_rel = c_e[1] / a_e if a_e > 0 else 0.0  # apex time (>0 when tossed upwards)
    t_rel = min(max(t_rel, -cfg.max_back_extrapolation_s), 0.0)
    h_rel = float(np.polyval(c_e, t_rel)) if t_rel < 0 else float(np.polyval(c_e, 0.0))
    if facade is not None and t_rel < 0:
        # A track first seen mid-fall: the parabola's acceleration is what drag has left of
        # g by then, and taken back to zero speed at that reduced rate it starts too early
        # and too high (a storey high for most late finds at night). Traced back instead
        # along a fall with quadratic drag, which starts at g.
        t_rel, h_rel = _drag_release(t[blob], h[blob], t_rel, h_rel, cfg)
    bx = np.polyfit(t[early], horiz[early], 1) if early.sum() >= 4 else np.polyfit(t, horiz, 1)
    x_rel = float(np.polyval(bx, t_rel))
    if facade is not None:
        uv_rel = (x_rel / COLUMN_M, h_rel / facade.floor_height_m)
        # The release must be on the calibrated facade (or the roof just above it): a "fall"
        # that starts beside the building, in the trees below it or in the sky is not a throw.
        if not (-cfg.facade_margin <= uv_rel[0] <= facade.columns + cfg.facade_margin
                and -cfg.facade_margin <= uv_rel[1] <= facade.floors + 1.0):
            v.reason = "release off the facade"
            return v
        px, py = facade.to_image([uv_rel])[0]
        v.origin_px = (float(px), float(py))
        v.origin_uv = uv_rel
    else:
        v.origin_px = (x_rel, -h_rel)
        if not -0.02 * frame_h <= v.origin_px[1] <= frame_h:
            v.reason = "release off the image"
            return v
    span_q = min(1.0, t[-1] / 1.5)
    fit_q = math.exp(-rms / (rms_lim + cfg.rms_drop_frac * drop))
    g_q = 1.0 if (facade is None or 4.0 <= accel <= 12.0) else 0.8
    v.confidence = round(min(0.99, 0.5 + 0.5 * span_q * fit_q * g_q), 3)
    v.t_first, v.t_last = track.t[i0], track.t[i1 - 1]
    v.accepted = True
    v.reason = "accepted"
    return v
