"""Foreground stage: grey frame in, small moving blobs out.

gray → blur → jitter estimate (phase correlation on a quarter-size copy, refined on a
full-resolution crop) → compensate or skip → global gain normalisation → |frame − background|
against k·σ of a running variance plus an edge term for residual misregistration → blobs,
minus busy cells (activity mask) and shield polygons. Difference and threshold run at full
resolution because a 2 px object vanishes at quarter size; only cheap vectorised OpenCV ops.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.vision.falling.config import FallingConfig
from app.vision.falling.nearlens import saturated
from app.vision.falling.noise import RunningNoise

log = logging.getLogger(__name__)
_SMALL = 4  # downscale factor of the copy used for jitter, gain and activity


@dataclass
class Blobs:
    xy: np.ndarray  # (n,2) centres in px
    size: np.ndarray  # (n,) max(w, h)
    # (n,) saturated over an unsaturated scene (nearlens.saturated); None: not looked at
    # (colour frames, the near-lens rule off, a replay recorded without the marks)
    sat: np.ndarray | None = None


@dataclass
class StageStats:
    frames: int = 0
    skipped_shake: int = 0
    global_resets: int = 0
    too_many_blobs: int = 0
    dense_dropped: int = 0  # frames whose blobs in crowded cells were dropped, not all


class MotionStage:
    def __init__(self, config: FallingConfig, fps: float = 25.0) -> None:
        self.cfg = config
        self.fps = fps
        self.bg: np.ndarray | None = None
        self.stats = StageStats()
        self.shift = (0.0, 0.0)
        self.unsettled = False  # the last frame was speckle everywhere: relearn at full rate
        self._big: tuple[float, float] | None = None  # last shift too large to compensate
        self._areas: np.ndarray | None = None  # where the background changed, last frame
        self._recent: list[tuple[np.ndarray, np.ndarray]] = []  # last two frames, (full, small)
        # this frame's d² and threshold² (k·σ and the edge term): the tracker's weak search
        self._diff: tuple[np.ndarray, np.ndarray, float] | None = None
        # IR (greyscale) mode, set by the detector frame by frame: blobs are then marked
        # where saturated over an unsaturated scene (nearlens.py)
        self.infrared = False

    def _init(self, g: np.ndarray) -> None:
        h, w = g.shape
        self.shape = (h, w)
        self.bg = g.astype(np.float32)
        cfg = self.cfg
        # σ for the threshold, not fed by rain streaks; the global-change test's own
        # reference, which counts them (noise.py)
        self.noise = RunningNoise((h, w), 2 * cfg.sigma_min, cfg.sigma_min, cfg.beta_var)
        self.noise_ref = RunningNoise((h, w), 2 * cfg.sigma_min, cfg.sigma_min, cfg.beta_var,
                                      step=8)
        self.small_size = (w // _SMALL, h // _SMALL)
        self.bg_small = cv2.resize(self.bg, self.small_size, interpolation=cv2.INTER_AREA)
        self.window = cv2.createHanningWindow(self.small_size, cv2.CV_32F)
        self.activity = np.zeros(self.small_size[::-1], np.float32)
        self.blocked = np.zeros(self.small_size[::-1], np.uint8)
        if self.cfg.shield_polygons:
            for poly in self.cfg.shield_polygons:
                pts = np.round(np.asarray(poly, np.float32) / _SMALL).astype(np.int32)
                cv2.fillPoly(self.blocked, [pts], 1)
        self._edges()
        self.warm = 0
        self.k_boost = 1.0  # the clutter control's factor on k_sigma

    def _edges(self) -> None:
        """Squared gradient of the background: where a sub-pixel shift makes a difference."""
        gx = cv2.Sobel(self.bg, cv2.CV_32F, 1, 0, ksize=3, scale=0.125)
        gy = cv2.Sobel(self.bg, cv2.CV_32F, 0, 1, ksize=3, scale=0.125)
        self.grad2 = cv2.max(gx * gx, gy * gy)

    def _register(self, g: np.ndarray, small: np.ndarray) -> tuple[float, float] | None:
        """The frame's shift against the background; None for a confident shake too large
        to compensate. A shift is believed only when the correlation peak is clear *and*
        moving the frame by it explains the frame better than not moving it: on a static
        camera looking at featureless sky, dashed lane markings or a large moving vehicle
        the peak is noise or the vehicle, and skipping on it left the detector blind for
        most of the time (issue 18)."""
        # Copies: OpenCV 5's phaseCorrelate applies the window to its inputs in place.
        (dx, dy), response = cv2.phaseCorrelate(self.bg_small.copy(), small.copy(), self.window)
        if not (response >= self.cfg.shake_min_response and math.isfinite(dx + dy)):
            return 0.0, 0.0
        # A small shift is cheap to compensate either way; a large one (a skip, or edges
        # everywhere if wrong) must be shown to be real.
        if math.hypot(dx, dy) * _SMALL > 0.5 * self.cfg.max_shift_px \
                and not self._explains(small, dx, dy):
            return 0.0, 0.0
        dx, dy = dx * _SMALL, dy * _SMALL
        if math.hypot(dx, dy) > self.cfg.max_shift_px:
            big, self._big = self._big, (dx, dy)
            if big is not None and math.hypot(dx - big[0], dy - big[1]) < 1.5:
                # The same large offset twice: the camera has settled at a new position
                # (a drifting or re-aimed mount), not shaking: move the model with it.
                self._rebase(dx, dy)
                self._big = None
                return 0.0, 0.0
            return None
        self._big = None
        if math.hypot(dx, dy) > 0.3:
            # Refine on a full-resolution central crop: quarter-size precision is ~0.4 px,
            # enough to light up every window edge.
            h, w = self.shape
            c = min(256, h // 2, w // 2)
            y0, x0 = (h - c) // 2, (w - c) // 2
            crop = g[y0:y0 + c, x0:x0 + c].astype(np.float32)
            m = np.float32([[1, 0, -dx], [0, 1, -dy]])
            moved = cv2.warpAffine(crop, m, (c, c), borderMode=cv2.BORDER_REPLICATE)
            (rx, ry), _ = cv2.phaseCorrelate(self.bg[y0:y0 + c, x0:x0 + c].copy(), moved)
            if math.hypot(rx, ry) < 2.0:
                dx, dy = dx + rx, dy + ry
        return dx, dy

    def _rebase(self, dx: float, dy: float) -> None:
        m = np.float32([[1, 0, dx], [0, 1, dy]])
        h, w = self.shape
        self.bg = cv2.warpAffine(self.bg, m, (w, h), borderMode=cv2.BORDER_REPLICATE)
        self.noise.warp(m)
        self.noise_ref.warp(m)
        self.bg_small = cv2.warpAffine(self.bg_small, m / np.float32([1, 1, _SMALL]),
                                       self.small_size, borderMode=cv2.BORDER_REPLICATE)
        self._edges()

    def _regain(self, gain: float) -> None:
        """The frame is ``gain`` times as bright as the model: scale the model to it.

        Scaling the frame to the model instead (as this stage did) is a loop with nothing
        to hold it: the model learns the scaled frames, so any bias of the ratio is kept
        and compounds. And the ratio is biased wherever bright transients cross the scene
        — rain lit by the IR lamp, moths, snow: the running mean carries them, a frame
        mostly does not, and the median ratio of mean to frame sat 5–7 % above 1 on a
        night in rain. The gain ran away (×1.5 in 7 s on a cctv-dev night clip, ×3.6 in
        90 s on a night distractor clip), the model trailed the ever-rising scaled frames
        by a lasting offset on every bright pixel (~20 grey levels on a lit wall), and the
        noise estimate learnt it as noise (σ there 4 → 17 in 4 s): objects of contrast
        20–40 at night went under the threshold. Scaled this way the model still learns
        the raw frames, which pull it back: a biased ratio costs a bounded offset (the 1 %
        dead band), not a drift."""
        self.bg *= gain
        self.bg_small *= gain
        self.grad2 *= gain * gain
        if gain > 1.0:
            # A brighter frame is noisier (shot noise, and a camera that brightens a dark
            # scene amplifies it); a darker one keeps the sensor's read noise: its σ is not
            # lowered.
            self.noise.var *= gain * gain
            self.noise_ref.var *= gain * gain

    def _explains(self, small: np.ndarray, dx: float, dy: float) -> bool:
        """Does undoing the shift (quarter-size px) bring the frame clearly closer to the
        background? Compared away from the borders the warp fills in."""
        m = np.float32([[1, 0, -dx], [0, 1, -dy]])
        back = cv2.warpAffine(small, m, self.small_size, borderMode=cv2.BORDER_REPLICATE)
        b = int(math.ceil(max(abs(dx), abs(dy)))) + 1
        h, w = small.shape
        if 2 * b >= min(h, w):
            return False
        inner = (slice(b, h - b), slice(b, w - b))
        ref = self.bg_small[inner]
        before = float(cv2.norm(small[inner], ref, cv2.NORM_L1))
        after = float(cv2.norm(back[inner], ref, cv2.NORM_L1))
        return after < self.cfg.shake_explained * before

    def step(self, gray: np.ndarray) -> Blobs | None:
        """One frame; None when the frame was skipped (warm-up, shake, global change)."""
        cfg = self.cfg
        self._diff = None
        g = cv2.GaussianBlur(gray, (3, 3), 0)
        if self.bg is None or g.shape != self.shape:
            self._init(g)
            return None
        self.stats.frames += 1
        small = cv2.resize(g, self.small_size, interpolation=cv2.INTER_AREA).astype(np.float32)
        shift = self._register(g, small)
        if shift is None:
            self.stats.skipped_shake += 1
            return None
        self.shift = shift
        gf = g.astype(np.float32)
        if math.hypot(*shift) > 0.15:
            m = np.float32([[1, 0, -shift[0]], [0, 1, -shift[1]]])
            gf = cv2.warpAffine(gf, m, (self.shape[1], self.shape[0]),
                                borderMode=cv2.BORDER_REPLICATE)
            small = cv2.warpAffine(small, m / np.float32([1, 1, _SMALL]),
                                   self.small_size, borderMode=cv2.BORDER_REPLICATE)
        # Global gain (sun, clouds, exposure): the median ratio is robust to windows and
        # objects. The model is brought to the frame's exposure, not the frame to the
        # model's: see ``_regain``.
        ratio = float(np.median(self.bg_small[::2, ::2] / np.maximum(small[::2, ::2], 4.0)))
        # A model still black where the frame is not (a stream that starts on a black frame)
        # has no gain to scale: it learns the frame instead.
        if abs(ratio - 1.0) > 0.01 and 0.05 < ratio < 20.0:
            self._regain(1.0 / ratio)
        diff = cv2.absdiff(gf, self.bg)
        d2 = cv2.multiply(diff, diff)
        jitter = cfg.edge_jitter_px + 0.1 * math.hypot(*shift)
        k = cfg.k_sigma * self.k_boost
        thr2 = cv2.scaleAdd(self.grad2, jitter * jitter, self.noise.var * (k * k))
        fg = cv2.compare(d2, thr2, cv2.CMP_GT)
        # Learn the background where the frame shows background, and only slowly under the
        # foreground: an object lingering over its own pixels (the slow first half-second of
        # a large falling object) would otherwise leave a ghost that joins its blob, drags
        # the centre back and breaks the track; a lasting change (a lit window) is still
        # absorbed within seconds.
        # During the warm-up the first frame's background is still being replaced, and after
        # a frame of speckle everywhere (lights going off at night, rain) it no longer fits:
        # learn everywhere at the full rate then.
        warming = self.warm < cfg.warm_up_s * self.fps
        if warming or self.unsettled:
            cv2.accumulateWeighted(gf, self.bg, cfg.alpha_bg)
        else:
            under = cv2.dilate(fg, None)
            cv2.accumulateWeighted(gf, self.bg, cfg.alpha_bg, mask=cv2.bitwise_not(under))
            cv2.accumulateWeighted(gf, self.bg, cfg.alpha_bg * cfg.fg_learn_factor, mask=under)
        # The blobs' outlines now: rain streaks among them must not feed the threshold's σ.
        rects = self._outlines(fg)
        streaks = self._streaks(rects)
        self.noise.update(d2, self._rain_free(rects[streaks]) if streaks.any() else None)
        self.noise_ref.update(d2)  # the global-change test's reference counts the rain
        cv2.accumulateWeighted(small, self.bg_small, cfg.alpha_bg)
        if self.stats.frames % 25 == 0:
            self._edges()
        fg_small = cv2.resize(fg, self.small_size, interpolation=cv2.INTER_AREA)
        cv2.accumulateWeighted(fg_small.astype(np.float32) * (1 / 255), self.activity,
                               1.0 / (cfg.activity_tau_s * self.fps))
        self.warm += 1
        # A global change (light, exposure) changes the background over areas, and stays;
        # rain lit by the IR lamp changes streaks everywhere, elsewhere every frame, and
        # counting those had the stage resetting on every frame of a night downpour, blind
        # to anything falling through it. So the change is measured on the quarter-size
        # difference after a 5×5 median (20 px at full size: streaks and small objects
        # go, areas stay) and must be in the same places two frames running.
        changed = cv2.countNonZero(fg) / fg.size
        if changed <= cfg.global_fraction:
            self._areas = None
        elif self._areal(small, fg_small):
            self.stats.global_resets += 1
            self._reset(gf, small)
            return None
        self._recent = [*self._recent[-1:], (gf, small)]
        if warming:  # background and noise still being learnt: blobs would be clutter
            return None
        dense_before = self.stats.dense_dropped
        mark = self.infrared and cfg.near_lens_share > 0
        blobs = self._blobs(rects, streaks, (gf, fg) if mark else None)
        if blobs is not None:  # kept by reference: nothing is copied or computed for it
            self._diff = (d2, thr2, k)
        # speckle over the frame, or crowded parts of it: the model learns at full rate
        self.unsettled = blobs is None or self.stats.dense_dropped > dense_before
        self._control(blobs)
        self._last = blobs
        return blobs

    def weak_at(self, x: float, y: float, rx: float, ry: float,
                k: float) -> tuple[float, float, float] | None:
        """The best weak detection in this frame's difference near (x, y): the pixel of the
        window (half-sizes rx, ry) furthest above k·σ, with at least ``weak_min_px`` pixels
        of its 3×3 neighbourhood above k·σ; (x, y, size) at the neighbourhood's weighted
        centre, or None. Busy cells (trees) and shielded areas give none."""
        if self._diff is None:
            return None
        d2, thr2, k_full = self._diff
        h, w = self.shape
        x0, x1 = max(int(round(x - rx)), 1), min(int(round(x + rx)) + 1, w - 1)
        y0, y1 = max(int(round(y - ry)), 1), min(int(round(y + ry)) + 1, h - 1)
        if x0 >= x1 or y0 >= y1:
            return None
        # the threshold at k·σ, the edge term (misregistration) kept whole; σ² as updated
        # after this frame's threshold, by a fiftieth at most
        lower = k_full * k_full - k * k
        var = self.noise.var

        def ratio_in(ya: int, yb: int, xa: int, xb: int) -> np.ndarray:
            thr = thr2[ya:yb, xa:xb] - lower * var[ya:yb, xa:xb]
            return d2[ya:yb, xa:xb] / np.maximum(thr, 1e-6)

        ratio = ratio_in(y0, y1, x0, x1)
        iy, ix = np.unravel_index(int(np.argmax(ratio)), ratio.shape)
        if ratio[iy, ix] <= 1.0:
            return None
        cy, cx = y0 + iy, x0 + ix
        sx, sy = min(cx // _SMALL, self.small_size[0] - 1), min(cy // _SMALL, self.small_size[1] - 1)
        if self.activity[sy, sx] > self.cfg.activity_busy or self.blocked[sy, sx]:
            return None
        nb = ratio_in(cy - 1, cy + 2, cx - 1, cx + 2)
        above = nb > 1.0
        if int(above.sum()) < self.cfg.weak_min_px:
            return None
        wgt = np.where(above, nb, 0.0)
        oy, ox = np.mgrid[-1:2, -1:2]
        tot = float(wgt.sum())
        return (cx + float((wgt * ox).sum()) / tot, cy + float((wgt * oy).sum()) / tot,
                float(max(np.ptp(ox[above]), np.ptp(oy[above])) + 1))

    def _control(self, blobs: Blobs | None) -> None:
        """Hold the clutter that reaches the tracker near a fixed rate per megapixel."""
        cfg = self.cfg
        if cfg.clutter_blobs_per_mp <= 0:
            return
        mp = self.shape[0] * self.shape[1] / 1e6
        n = cfg.max_blobs if blobs is None else len(blobs.xy)
        err = math.log(max(n, 1.0) / (cfg.clutter_blobs_per_mp * mp))
        step = cfg.clutter_gain * max(-1.0, min(1.0, err))
        self.k_boost = min(max(self.k_boost * math.exp(step), 1.0), cfg.clutter_k_max)

    def _reset(self, gf: np.ndarray, small: np.ndarray) -> None:
        """A new background after a global change: the median of this frame and the two
        before it. The frame alone carries the night's IR-lit rain streaks into the
        background; their ghosts are then a change in the same places next frame, and
        each reset called the next (a night downpour: a reset every 2–3 frames, blind)."""
        if len(self._recent) == 2:
            (a, a_s), (b, b_s) = self._recent
            gf, small = _median3(a, b, gf), _median3(a_s, b_s, small)
        self.bg = gf.copy()
        self.bg_small = small.copy()
        self._edges()

    def _areal(self, small: np.ndarray, fg_small: np.ndarray) -> bool:
        """Has the background itself changed, over areas spread across the frame, in this
        frame and the one before alike? Rain changes other places every frame."""
        diff = cv2.medianBlur(cv2.absdiff(small, self.bg_small), 5)
        # Against the noise *with* rain in it: the threshold's σ leaves the rain out.
        areas = cv2.compare(diff, 3.0 * self.noise_ref.sigma() + 4.0, cv2.CMP_GT)
        prev, self._areas = self._areas, areas
        if not (cv2.countNonZero(areas) / areas.size > self.cfg.global_fraction
                and self._spread(areas)):
            return False
        if prev is None or prev.shape != areas.shape:
            return False
        # What stayed must itself be spread: rain everywhere plus a wind-shaken tree that
        # changes in the same place every frame is not a change of the scene (it reset the
        # model on a third of a night's frames).
        both = cv2.bitwise_and(prev, areas)
        either = cv2.countNonZero(cv2.bitwise_or(prev, areas))
        return cv2.countNonZero(both) >= 0.4 * either and self._spread(both)

    def _spread(self, fg_small: np.ndarray) -> bool:
        """A global change (light, exposure, shake) touches the whole frame; a bus or a
        lorry passing below the facade changes as much area in one place, and resetting on
        it blinded the detector on every frame of a busy street (issue 18)."""
        cells = cv2.resize(fg_small, (4, 4), interpolation=cv2.INTER_AREA)
        return int(np.count_nonzero(cells > 0.005 * 255)) >= 6

    def _outlines(self, fg: np.ndarray) -> np.ndarray:
        """(x, y, w, h) of each blob of the mask, dilated (joins fragments of one faint
        object)."""
        contours, _ = cv2.findContours(cv2.dilate(fg, None), cv2.RETR_EXTERNAL,
                                       cv2.CHAIN_APPROX_SIMPLE)
        if not contours:
            return np.zeros((0, 4))
        return np.array([cv2.boundingRect(c) for c in contours], dtype=np.float64)

    def _streaks(self, rects: np.ndarray) -> np.ndarray:
        """Rain drops close to the lens, smeared over the exposure: many times longer than
        wide, and long; a falling object's smear is a few times its width at most."""
        wh = rects[:, 2:] - 2  # undo the dilation
        size = np.maximum(wh.max(axis=1), 1.0)
        thin = np.maximum(wh.min(axis=1), 1.0)
        return (size >= self.cfg.streak_ratio * thin) & (size >= 0.04 * self.shape[0])

    def _rain_free(self, streaks: np.ndarray) -> np.ndarray:
        """Mask of the pixels outside this frame's rain streaks (and their blurred halo)."""
        keep = np.full(self.shape, 255, np.uint8)
        for x, y, w, h in streaks.astype(int):
            cv2.rectangle(keep, (x - 2, y - 2), (x + w + 1, y + h + 1), 0, -1)
        return keep

    def _sparse(self, rects: np.ndarray, streaks: np.ndarray):
        """The blobs outside dense cells (more than ``dense_cell_blobs`` in a cell of
        ``dense_cell_frac`` of the frame height), or (None, None) when too many remain."""
        cfg = self.cfg
        cell = max(8.0, cfg.dense_cell_frac * self.shape[0])
        xy = rects[:, :2] + rects[:, 2:] / 2
        cx = np.clip((xy[:, 0] / cell).astype(int), 0, None)
        cy = np.clip((xy[:, 1] / cell).astype(int), 0, None)
        counts = np.zeros((cy.max() + 1, cx.max() + 1), int)
        np.add.at(counts, (cy, cx), (~streaks).astype(int))
        keep = counts[cy, cx] <= cfg.dense_cell_blobs
        grid = (math.ceil(self.shape[0] / cell), math.ceil(self.shape[1] / cell))
        crowded = int((counts > cfg.dense_cell_blobs).sum()) / (grid[0] * grid[1])
        if crowded > 0.5 or int((keep & ~streaks).sum()) > cfg.max_blobs:
            return None, None  # noise over the frame, not a crowded part of it
        return rects[keep], streaks[keep]

    def _blobs(self, rects: np.ndarray, streaks: np.ndarray,
               pixels: tuple[np.ndarray, np.ndarray] | None = None) -> Blobs | None:
        """The frame's blobs; with ``pixels`` (the frame and its foreground mask) each
        marked where saturated over an unsaturated background (``nearlens.saturated``)."""
        cfg = self.cfg
        # Rain streaks are dropped below, so they do not make a frame "noise everywhere".
        if len(rects) - int(streaks.sum()) > cfg.max_blobs:
            # A gust in the trees, a flag, laundry: hundreds of blobs, but packed into a
            # few parts of the frame. Those parts are dropped, not the whole frame, which
            # lost small objects falling elsewhere for a second at a time (issue 15: 4 of
            # the 16 cctv-dev misses); noise everywhere still drops the frame.
            rects, streaks = self._sparse(rects, streaks)
            if rects is None:
                self.stats.too_many_blobs += 1
                return None
            self.stats.dense_dropped += 1
        if not len(rects):
            return Blobs(np.zeros((0, 2)), np.zeros(0),
                         None if pixels is None else np.zeros(0, bool))
        rects = _merge_fragments(rects.copy())
        wh = rects[:, 2:] - 2  # undo the dilation
        xy = rects[:, :2] + rects[:, 2:] / 2
        size = np.maximum(wh.max(axis=1), 1.0)
        keep = (size <= cfg.max_blob_frac * self.shape[0]) & ~self._streaks(rects)
        sx = np.clip((xy[:, 0] / _SMALL).astype(int), 0, self.small_size[0] - 1)
        sy = np.clip((xy[:, 1] / _SMALL).astype(int), 0, self.small_size[1] - 1)
        busy = (self.activity[sy, sx] > cfg.activity_busy) | (self.blocked[sy, sx] > 0)
        keep &= ~busy
        sat = None
        if pixels is not None:
            sat = saturated(pixels[0], self.bg, pixels[1], rects[keep], cfg.near_lens_level,
                            cfg.near_lens_scene_max, cfg.near_lens_rim_px)
        return Blobs(xy[keep], size[keep], sat)


def _median3(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return cv2.max(cv2.min(a, b), cv2.min(cv2.max(a, b), c))


def _merge_fragments(rects: np.ndarray, min_size: float = 6.0) -> np.ndarray:
    """(x, y, w, h) rects with the fragments of a large object merged into it: a tumbling
    bar or a dark object over a lit window splits into pieces a few pixels apart, and the
    tracker would follow one piece here and another there. Only around large blobs (few),
    so the cost stays linear in the number of blobs."""
    if len(rects) < 2:
        return rects
    size = rects[:, 2:].max(axis=1)
    # a rain streak is long and thin: it is not an object whose pieces lie around it
    compact = rects[:, 2:].min(axis=1) * 3 >= size
    alive = np.ones(len(rects), bool)
    centres = np.flatnonzero((size >= min_size) & compact)
    for i in centres[np.argsort(-size[centres])]:
        if not alive[i]:
            continue
        x, y, w, h = rects[i]
        pad = 0.5 * max(w, h)
        cx = rects[:, 0] + rects[:, 2] / 2
        cy = rects[:, 1] + rects[:, 3] / 2
        near = (alive & (size <= size[i]) & (cx >= x - pad) & (cx <= x + w + pad)
                & (cy >= y - pad) & (cy <= y + h + pad))
        near[i] = False
        if near.any():
            grp = rects[near | (np.arange(len(rects)) == i)]
            x0, y0 = grp[:, 0].min(), grp[:, 1].min()
            x1, y1 = (grp[:, 0] + grp[:, 2]).max(), (grp[:, 1] + grp[:, 3]).max()
            rects[i] = (x0, y0, x1 - x0, y1 - y0)
            alive &= ~near
    return rects[alive]

