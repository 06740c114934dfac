"""What a camera's analysis thread does with each frame: tampering, the falling-object
detector (facade cameras), the evidence ring buffer, pending clips and the overlays.

The detector is fed exactly as ``control-room detect`` feeds it (``process(frame, t)`` per
frame, ``flush()`` at the end), with the camera's shield zones in its config. Alarms and
events are the manager's business: this class calls ``hooks`` (see cameras.py).
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

import numpy as np

from app.vision.camera_worker import CameraRuntime
from app.vision.evidence import RingBuffer
from app.vision.falling import FallingConfig, FallingObjectDetector, FallingObjectEvent
from app.vision.tamper import TamperConfig, TamperMonitor

log = logging.getLogger(__name__)

OVERLAY_PERIOD_S = 0.2  # the UI pulls ~15 fps; overlays at 5 Hz are plenty
RECENT_TRACK_S = 10.0  # how long an accepted trajectory stays drawn


@dataclass
class PendingClip:
    event_id: str
    event: FallingObjectEvent
    t0: float
    t1: float
    extra: dict


class CameraAnalysis:
    def __init__(self, rt: CameraRuntime, hooks, *, pre_s: float, post_s: float,
                 tamper: TamperConfig | None, overlay_cls) -> None:
        self.rt = rt
        self.hooks = hooks
        self.pre_s = pre_s
        self.post_s = post_s
        self.Overlay = overlay_cls
        self.tamper = TamperMonitor(tamper) if tamper is not None else None
        # room for the pre-roll, the track itself (up to ~10 s) and the post-roll
        self.ring = RingBuffer(pre_s + post_s + 12.0) if rt.analysed else None
        self.detector: FallingObjectDetector | None = None
        self._version = -1
        self.pending: list[PendingClip] = []
        self.recent: list[tuple[float, FallingObjectEvent]] = []
        self._next_overlay = 0.0
        self.last_t = 0.0

    # ---- worker callbacks ---------------------------------------------------------------
    def frame(self, rt: CameraRuntime, frame: np.ndarray, t: float, seq: int) -> None:
        self.last_t = t
        if self._version != rt.settings_version:
            self._rebuild()
        if self.tamper is not None:
            change = self.tamper.step(frame, t)
            if change is not None:
                rt.tamper = change[1]
                self.hooks.tamper_changed(rt, change[0], change[1], dict(self.tamper.figures))
        if self.detector is not None:
            self.ring.push(frame, t)
            for ev in self.detector.process(frame, t):
                self._accept(ev)
            # the detector raises early (live track) and refines when the track ends
            take = getattr(self.detector, "take_updates", None)
            for upd in take() if take is not None else ():
                self._refine(upd)
        self._flush_pending(t, force=False)
        if t >= self._next_overlay:
            self._next_overlay = t + OVERLAY_PERIOD_S
            self._update_overlays(t)

    def idle(self, rt: CameraRuntime, now: float) -> None:
        # a stalled stream must not hold back a clip forever: cut it with what we have
        self._flush_pending(now - 2.0, force=False)

    def video_lost(self, rt: CameraRuntime, reason: str) -> None:
        self.hooks.video_lost(rt, reason)

    def video_restored(self, rt: CameraRuntime) -> None:
        self.hooks.video_restored(rt)

    def finish(self, rt: CameraRuntime) -> None:
        if self.detector is not None:
            for ev in self.detector.flush():
                self._accept(ev)
        self._flush_pending(0.0, force=True)

    # ---- internals -------------------------------------------------------------------
    def _rebuild(self) -> None:
        """(Re)create the detector when shields or the facade change."""
        rt = self.rt
        with rt.lock:
            self._version = rt.settings_version
            settings = rt.settings
        if not rt.analysed:
            return
        cfg = dataclasses.replace(FallingConfig(), shield_polygons=tuple(settings.shield_zones))
        fps = rt.source_fps or 25.0
        self.detector = FallingObjectDetector(cfg, settings.facade, fps=fps)

    def _accept(self, ev: FallingObjectEvent) -> None:
        info = self.hooks.falling_detected(self.rt, ev, self.ring)
        if info is None:
            return
        self.recent.append((self.last_t, ev))
        self.pending.append(PendingClip(info["event_id"], ev, ev.t_start - self.pre_s,
                                        ev.t_end + self.post_s, info))

    def _refine(self, upd: FallingObjectEvent) -> None:
        """The whole trajectory of an alarm already raised: it replaces the early version in
        the pending clip (longer window, final floor) and in the overlays."""
        key = getattr(upd, "event_id", None)
        for p in self.pending:
            if getattr(p.event, "event_id", None) == key:
                p.event = upd
                p.t1 = max(p.t1, upd.t_end + self.post_s)
                self.hooks.falling_refined(self.rt, p)
        self.recent = [(at, upd if getattr(ev, "event_id", None) == key else ev)
                       for at, ev in self.recent]

    def _flush_pending(self, t: float, force: bool) -> None:
        for p in [p for p in self.pending if force or t >= p.t1]:
            self.pending.remove(p)
            frames = self.ring.between(p.t0, p.t1) if self.ring is not None else []
            self.hooks.clip_due(self.rt, p, frames)

    def _update_overlays(self, t: float) -> None:
        ov = self.Overlay
        rt = self.rt
        s = rt.settings
        out = [ov("mask", tuple(p), "privacy") for p in s.privacy_masks]
        out += [ov("shield", tuple(p), "shield") for p in s.shield_zones]
        if s.facade is not None:
            out.append(ov("facade", tuple(s.facade.corners_px),
                         f"{s.facade.floors}F×{s.facade.columns}"))
        self.recent = [(at, ev) for at, ev in self.recent if t - at < RECENT_TRACK_S]
        for _, ev in self.recent:
            label = f"{ev.floor}F-{ev.column}" if ev.floor is not None else "falling"
            out.append(ov("track", tuple((x, y) for _, x, y in ev.track), label))
        tracker = self.detector.tracker if self.detector is not None else None
        for tr in (tracker.active if tracker is not None else [])[:20]:
            if len(tr.x) >= 4:  # younger tracks are mostly noise; do not clutter the tile
                out.append(ov("track", tuple(zip(tr.x[-40:], tr.y[-40:], strict=True)), ""))
        rt.overlays = tuple(out)
