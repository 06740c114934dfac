"""The falling-object detector: frames in, ``FallingObjectEvent`` out, one frame at a time.

A live camera worker and ``control-room detect`` feed it the same way: ``process(frame, t)``
per frame, ``flush()`` at the end of the stream. An event is raised as soon as a live track
passes the physics test (~0.8–1 s into the fall), not when the object has landed; when the
track ends, its refined version (whole trajectory, final origin and floor, the same
``event_id``) is queued for ``take_updates()`` instead of being raised a second time.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, replace

import cv2
import numpy as np

from app.vision.facade import Facade
from app.vision.falling.backtrace import BlobHistory, prepend, starts_fast, trace_back
from app.vision.falling.cadence import Cadence
from app.vision.falling.config import FallingConfig
from app.vision.falling.foreground import MotionStage
from app.vision.falling.nearlens import SaturatedPoints, colourless
from app.vision.falling.physics import judge
from app.vision.falling.stitch import StitchPool, join
from app.vision.falling.tracker import Track, Tracker

log = logging.getLogger(__name__)
MIN_SIDE_PX = 32  # the motion stage works on a quarter-size copy and 16×16 cells


@dataclass(frozen=True)
class FallingObjectEvent:
    t_start: float
    t_end: float
    origin_px: tuple[float, float]
    impact_px: tuple[float, float] | None
    confidence: float
    floor: int | None = None
    column: int | None = None
    track: tuple[tuple[float, float, float], ...] = ()  # (t, x, y), for overlays and clips
    event_id: int = 0  # the same for an alarm and its refinements (not in the JSON line)

    def to_json(self) -> dict:
        """The CONTRACTS shape of a falling-object line."""
        return {"type": "falling_object", "t_start": round(self.t_start, 2),
                "t_end": round(self.t_end, 2),
                "origin_px": [round(self.origin_px[0], 1), round(self.origin_px[1], 1)],
                "impact_px": None if self.impact_px is None
                else [round(self.impact_px[0], 1), round(self.impact_px[1], 1)],
                "confidence": self.confidence, "floor": self.floor, "column": self.column}


class FallingObjectDetector:
    def __init__(self, config: FallingConfig | None = None, facade: Facade | None = None,
                 fps: float = 25.0) -> None:
        self.cfg = config or FallingConfig()
        self.facade = facade
        self.cadence = Cadence(fps)
        self.stage = MotionStage(self.cfg, fps)
        self.tracker: Tracker | None = None
        self.shape: tuple[int, int] | None = None
        self._recent: list[FallingObjectEvent] = []
        self.pool = StitchPool(self.cfg.stitch_hold_s, self.cfg.stitch_gap_s, facade=facade,
                               cut_fall_then_rise=self.cfg.pool_cut_fall_then_rise,
                               join_release_px=self.cfg.pool_join_release_px)
        self.rejected: dict[str, int] = {}
        self.judged: list | None = None  # set to [] to keep every (track, verdict): analysis
        self._raised: dict[int, FallingObjectEvent] = {}  # live track id → its alarm
        self._updates: list[FallingObjectEvent] = []
        self._live: dict[int, Track] = {}  # event id → its still-growing live track
        self._falls: dict[int, np.ndarray] = {}  # event id → (t, x, y) of its judged fall
        self._next_id = 1
        self._history = BlobHistory()
        # blobs marked saturated over the scene (IR mode): judged tracks are looked up in it
        self._saturated = SaturatedPoints(2 * self.cfg.max_track_s)
        self._view = None  # where the camera stands (Facade.viewpoint), once the frame size is known

    @property
    def fps(self) -> float:
        """Distinct frames per second (repeated frames do not count)."""
        return self.cadence.effective_fps

    def process(self, frame_bgr: np.ndarray, t: float) -> list[FallingObjectEvent]:
        gray = frame_bgr if frame_bgr.ndim == 2 else cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2GRAY)
        if min(gray.shape[:2]) < MIN_SIDE_PX:
            raise ValueError(f"frames of {gray.shape[1]}×{gray.shape[0]} px are too small "
                             f"to detect anything in (at least {MIN_SIDE_PX} px a side)")
        t = self.cadence.accept(gray, t)
        if t is None:
            return []  # a repeat of the previous frame: nothing moved, nothing to learn
        if self.tracker is None or gray.shape != self.shape:
            self.shape = gray.shape
            self.tracker = Tracker(self.cfg, gray.shape[0], self.fps)
            self._view = (self.facade.viewpoint(gray.shape[1], gray.shape[0])
                          if self.facade is not None else None)
        self.stage.infrared = colourless(frame_bgr)  # the camera's IR lamp lights the scene
        blobs = self.stage.step(gray)
        if blobs is not None:
            self._saturated.add(t, blobs.xy, blobs.sat)
        self.pool.add(self.tracker.step(t, blobs, self.stage.weak_at))  # off: weak_k_sigma 0
        self._trace_back(t)
        self._history.add(t, blobs)
        return self._judge(self.pool.ripe(t, self.tracker.active)) + self._early(t)

    def _trace_back(self, t: float, budget: int = 4) -> None:
        """Give a track that begins mid-fall (``starts_fast``) the fall's earlier blobs,
        found along its trajectory taken back in time whichever tracks hold them
        (``backtrace.py``); asked once, when it has its fourth point."""
        for tr in self.tracker.active:
            if budget <= 0:
                break
            if len(tr.t) != 4 or tr.t[-1] != t or not starts_fast(tr, self.shape[0], self.fps):
                continue
            budget -= 1
            points = trace_back(tr, self._history, self.shape[0], self.fps, self.facade,
                                self.cfg.a_max_mps2, owner=self._owner)
            if len(points) >= 3:
                prepend(tr, points)

    def _owner(self, t: float, x: float, y: float) -> Track | None:
        """The live or pooled track that holds the blob at (x, y) in the frame at t."""
        for tr in (*self.tracker.active, *self.pool.pool):
            if tr.t[0] <= t <= tr.t[-1]:
                i = bisect.bisect_left(tr.t, t)
                if i < len(tr.t) and tr.t[i] == t and tr.x[i] == x and tr.y[i] == y:
                    return tr
        return None

    def take_updates(self) -> list[FallingObjectEvent]:
        """Refined versions of alarms already raised (same ``event_id``), since the last call."""
        out, self._updates = self._updates, []
        return out

    def _early(self, t: float) -> list[FallingObjectEvent]:
        """Raise the alarm while the object is still falling, once its live track (with the
        fall's first fragment, if one waits in the pool) is enough evidence; judged every
        third point to keep the cost negligible."""
        due = [tr for tr in self.tracker.active
               # (not on a weak point: those only bridge holes, see Track.drop_weak_tail)
               if tr.id not in self._raised and len(tr.t) >= 3 and not tr.misses
               and not tr.weak_run and not len(tr.t) % 3]
        # Long enough to be judged alone, first (they spend the frame's budget of head
        # searches, ``StitchPool.head_for``, as before); then the shorter ones, judged only
        # with a head: a light object at its terminal speed is tracked in pieces of 0.5–1 s
        # (its blob splits, it fades for a few frames), and a piece that must reach the
        # span alone is judged a second late or never (cctv-dev seed 131: a bag in three
        # pieces, the alarm 2.7 s after its release, when the pool gave up waiting).
        long = [self._judgeable_alone(tr) for tr in due]
        return (self._early_judged([tr for tr, k in zip(due, long, strict=True) if k], True)
                + self._early_judged([tr for tr, k in zip(due, long, strict=True) if not k],
                                     False))

    def _judgeable_alone(self, tr: Track) -> bool:
        """Enough points over a long enough span for an early judgement."""
        return len(tr.t) >= self.cfg.min_points and tr.t[-1] - tr.t[0] >= self.cfg.early_span_s

    def _early_judged(self, tracks: list[Track], alone: bool) -> list[FallingObjectEvent]:
        """The alarms of these live tracks (``alone``: long enough to be judged without a
        head), each judged with its head when one waits in the pool."""
        cfg = self.cfg
        events = []
        for tr in tracks:
            # With its first fragment (lost over a window, or stolen by a bird), if one waits
            # in the pool: the origin then comes from the start of the fall.
            head = self.pool.head_for(tr)  # None at once for a track not on its way down
            # Without one alone, a short track is not judged; nor with a scrap of a few
            # frames (a piece of a slow fall is tracked for a third of a second and more;
            # in a swarm of moths a scrap is as likely a moth's, and the fall's own start,
            # in another track, gives its floor: tests/app/test_falling_swarm.py).
            # The live piece must carry evidence of its own too: a still blob (a sill bird)
            # joined to a 3-point tracklet below it was judged a fall (cctv-dev night
            # distractor clip 500 048).
            if not alone and (head is None or len(head.t) < cfg.strong_min_points
                              or len(tr.t) < cfg.strong_min_points):
                continue
            whole = join(head, tr) if head is not None else tr
            if not alone and not self._judgeable_alone(whole):
                continue
            v = judge(whole, cfg, self.facade, self.shape[0], parts=False, fps=self.fps,
                      view=self._view)
            if not v.accepted and head is not None and alone:
                whole = tr
                v = judge(tr, cfg, self.facade, self.shape[0], parts=False, fps=self.fps,
                          view=self._view)
            if v.accepted and not self._near_lens(whole, v):
                ev = self._event(whole, v, live=True)
                if not self._duplicate(ev):
                    self._raised[tr.id] = ev
                    self._live[ev.event_id] = tr
                    self._remember(ev)
                    events.append(ev)
        return events

    def _near_lens(self, tr: Track, v) -> bool:
        """Refuse an accepted verdict whose track is an object at the lens: its judged blob
        points saturated over the scene at ``near_lens_share`` or more (nearlens.py)."""
        share = self.cfg.near_lens_share
        if not (v.accepted and share > 0 and self._saturated.share(
                tr.t, tr.x, tr.y, tr.weak_flags, v.t_first, v.t_last) >= share):
            return False
        v.accepted, v.reason = False, "near the lens"
        return True

    def _early_of(self, tr: Track) -> FallingObjectEvent | None:
        """The alarm raised on a part of this ended track (stitching may have changed its id
        or put an earlier fragment in front), now taken off the live list."""
        points = set(zip(tr.t, tr.x, strict=True))
        for tid, ev in list(self._raised.items()):
            if ev.track[0][:2] in points:
                del self._raised[tid]
                self._live.pop(ev.event_id, None)
                return ev
            if ev.t_end < tr.t[0] - 30.0:  # its track died unjudged (too few points)
                del self._raised[tid]
                self._live.pop(ev.event_id, None)
        return None

    def _remember(self, ev: FallingObjectEvent) -> None:
        self._recent = [e for e in self._recent
                        if e.t_end > ev.t_start - 3.0 and e.event_id != ev.event_id] + [ev]
        keep = {e.event_id for e in self._recent}
        self._falls = {k: f for k, f in self._falls.items() if k in keep}

    def flush(self) -> list[FallingObjectEvent]:
        """End of stream: judge whatever is still being tracked."""
        if self.tracker is None:
            return []
        self.pool.add(self.tracker.flush())
        return self._judge(sorted(self.pool.drain(), key=lambda tr: tr.t[0]))

    def _judge(self, ended: list[Track]) -> list[FallingObjectEvent]:
        events = []
        for tr in ended:
            if len(tr.t) < min(self.cfg.min_points, self.cfg.strong_min_points):
                continue  # the bulk: noise and one-frame flickers, not worth a fit
            early = self._early_of(tr)
            v = judge(tr, self.cfg, self.facade, self.shape[0], fps=self.fps, view=self._view)
            self._near_lens(tr, v)
            if self.judged is not None:
                self.judged.append((tr, v))
            if not v.accepted:
                self.rejected[v.reason] = self.rejected.get(v.reason, 0) + 1
                log.debug("track %d rejected: %s (a=%.2f drop=%.2f rms=%.2f)", tr.id,
                          v.reason, v.accel, v.drop, v.rms)
                continue
            if early is not None:  # already raised while live: refine, do not raise again
                # The refinement brings the end (t_end, impact, whole track); the origin stays
                # the one raised: later points say more about the end than the release (a
                # longer fit of a dragged object bends to a smaller acceleration that
                # extrapolates back too high), and stitched heads can be clutter. On the dev
                # set the raised floor was right more often (92.9 % vs 89.3 % exact).
                ev = replace(self._event(tr, v, event_id=early.event_id),
                             t_start=early.t_start, origin_px=early.origin_px,
                             floor=early.floor, column=early.column)
                self._remember(ev)
                self._updates.append(ev)
                continue
            ev = self._event(tr, v)
            if self._duplicate(ev):
                continue
            self._remember(ev)
            events.append(ev)
        return events

    def _event(self, tr: Track, v, live: bool = False, event_id: int = 0) -> FallingObjectEvent:
        h, w = self.shape
        last = (tr.x[-1], tr.y[-1])
        margin = 2 * self.cfg.gate_frac * h + tr.size[-1]
        at_edge = last[1] > h - margin or last[0] < margin or last[0] > w - margin
        landed = not at_edge and not live
        if self.facade is not None:
            # Only a track that ends at the facade's foot (or below) has hit the ground;
            # one that fades out mid-facade was lost, and its end is no impact point.
            landed = landed and self.facade.to_facade(np.array([last]))[0, 1] < 0.25
        floor = column = None
        if self.facade is not None and v.origin_uv is not None:
            # The release is seen on the wall, but the object was let go in front of it: the
            # floor is the one behind it (Viewpoint.behind; from a camera at the tower's foot
            # the release is seen up to a storey too high).
            f = self.facade
            uv = v.origin_uv
            if self._view is not None:
                uv = self._view.behind(uv, self.cfg.release_depth_m)
            # Snap to the nearest cell: the release was accepted within a margin of the
            # facade.
            across = min(max(uv[0], 0.0), f.columns - 1e-6)
            up = min(max(uv[1], 0.0), f.floors - 1e-6)
            column, floor = int(across) + 1, int(up) + f.lowest_floor
        if not event_id:
            event_id, self._next_id = self._next_id, self._next_id + 1
        # The part physics accepted (clutter the track took on at either end cut off): what
        # a later or earlier alarm is checked against (``_duplicate``).
        fall = np.array([p for p in zip(tr.t, tr.x, tr.y, strict=True)
                         if v.t_first - 1e-6 <= p[0] <= v.t_last + 1e-6], float)
        if len(fall):
            self._falls[event_id] = fall
        return FallingObjectEvent(
            v.t_first, tr.t[-1], v.origin_px, last if landed else None, v.confidence,
            floor, column, tuple(zip(tr.t, tr.x, tr.y, strict=True)), event_id)

    def _duplicate(self, ev: FallingObjectEvent) -> bool:
        """A track broken in two (occlusion) must not raise two alarms; a second object
        thrown a second later from the next window must. The difference is physics: the
        later fragment of one fall starts where that fall's object was, or would be by
        then, on its own trajectory; a new throw starts elsewhere."""
        # Where the object was first seen: the track's first points and, when the judgement
        # cut a head off (clutter the track took on before the object, or a coasting gate's
        # catch), the accepted part's first points too — a head of rain blobs above a fall
        # already raised lies on no trajectory, and the repeat went up again (cctv-dev night
        # throw clip 26, with pool_cut_fall_then_rise).
        heads = [ev.track[:5]]
        accepted = tuple(p for p in ev.track if p[0] >= ev.t_start - 1e-6)[:5]
        if accepted and accepted != heads[0]:
            heads.append(accepted)
        for e in self._recent:
            if e.event_id == ev.event_id:
                continue
            # Its track as raised (with the stitched head, if any) and, when raised early,
            # the live track as it has grown since.
            live = self._live.get(e.event_id)
            pts = set(e.track) | (set(zip(live.t, live.x, live.y, strict=True))
                                  if live is not None else set())
            known = np.array(sorted(pts))
            # A fall lost mid-air (over glass of its own shade) can reappear lower down up to
            # ~3 s later: a light object falls for 5–7 s in view.
            if (known[0, 0] - 0.2 <= ev.t_start <= known[-1, 0] + 3.0
                    and any(self._on_trajectory(known, h) for h in heads)):
                self._falls.pop(ev.event_id, None)
                return True
            # The known track may have gone on without its object: hijacked by something
            # slower it passed (laundry, a branch), while the object went on in a new
            # track. Where both overlap, the known track's points are then the clutter's;
            # the object is where the known track was heading before the other began (its
            # speed over the last second: the last few points may already be the clutter's).
            before = known[known[:, 0] < ev.t_start - 1e-6]
            if (len(before) >= 4 and ev.t_start <= known[-1, 0]
                    and any(self._on_trajectory(before, h, fit_s=1.0) for h in heads)):
                self._falls.pop(ev.event_id, None)
                return True
            # Through a swarm (moths at a lamp), the fall can end up in two tracks that each
            # carry clutter at one end, and the one judged second may have started first: its
            # head is a moth's track that took the object over, or it is the fall's start
            # and only ended (on a moth) after the rest had raised the alarm. Then neither
            # starts on the other's trajectory, but one carries the same object along the
            # other's accepted fall (5 frames in a row where it was, or would be by then).
            # A second throw from a neighbouring window starts elsewhere and never runs
            # along the first: the first object is far below by the time it is thrown.
            mine, theirs = self._falls.get(ev.event_id), self._falls.get(e.event_id)
            if ((theirs is not None and self._runs_along(theirs, ev.track))
                    or (mine is not None and self._runs_along(mine, e.track))):
                self._falls.pop(ev.event_id, None)  # never raised: nothing to check against
                return True
        return False

    def _runs_along(self, fall: np.ndarray, points, run: int = 5) -> bool:
        """Do ``run`` consecutive (t, x, y) points lie on this accepted fall (while it was
        seen, or after it, up to 3 s, where its object could be)?"""
        pts = [p for p in points if fall[0, 0] - 1e-6 <= p[0] <= fall[-1, 0] + 3.0]
        return any(self._on_trajectory(fall, pts[i:i + run])
                   for i in range(len(pts) - run + 1))

    def _on_trajectory(self, known: np.ndarray, points, fit_s: float = 0.0) -> bool:
        """Are these (t, x, y) points where the object of the ``known`` track was (while it
        was tracked) or could be (after: between carrying on at its last speed and carrying
        on accelerating as it did)? The speed and acceleration are fitted on the last 12
        points, or on the last ``fit_s`` seconds if that holds more."""
        t, x, y = known[:, 0], known[:, 1], known[:, 2]
        tol0 = max(12.0, 0.02 * self.shape[0])
        tail = slice(max(0, len(t) - 12), len(t))
        if len(t) >= 4:
            tt = t[tail] - t[-1]
            vx = float(np.polyfit(tt, x[tail], 1)[0])
            span = slice(min(tail.start, int(np.searchsorted(t, t[-1] - fit_s))), len(t))
            cy = np.polyfit(t[span] - t[-1], y[span], 2)
            vy, ay = float(cy[1]), max(0.0, 2 * float(cy[0]))
        else:
            vx = vy = ay = 0.0
        for tp, xp, yp in points:
            if tp <= t[-1]:
                if np.hypot(xp - np.interp(tp, t, x), yp - np.interp(tp, t, y)) > tol0:
                    return False
                continue
            dt = tp - t[-1]
            tol = tol0 + 20.0 * dt
            y_lin = y[-1] + vy * dt
            y_acc = y_lin + 0.5 * ay * dt * dt
            if not (min(y_lin, y_acc) - tol <= yp <= max(y_lin, y_acc) + tol
                    and abs(xp - (x[-1] + vx * dt)) <= tol + 0.3 * abs(vx) * dt):
                return False
        return True
