"""The falling-object detector as a camera analyser: every frame, with the evidence ring
buffer, the clips pending their post-roll and the trajectories drawn over the picture.

The detector is fed exactly as ``control-room detect`` feeds it (``process(frame, t)`` per
frame, ``take_updates()`` after it, ``flush()`` at the end), with the camera's shield zones
in its config and its facade. Alarms and files are the manager's business: this class
calls its ``hooks`` (``falling_detected``, ``falling_refined``, ``clip_due``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from app.vision.analyzers import SampleSchedule
from app.vision.camera_settings import CameraSettings
from app.vision.camera_worker import CameraRuntime
from app.vision.evidence import RingBuffer
from app.vision.falling import FallingConfig, FallingObjectDetector, FallingObjectEvent

RECENT_TRACK_S = 10.0  # how long an accepted trajectory stays drawn


@dataclass
class PendingClip:
    event_id: str
    event: FallingObjectEvent
    t0: float
    t1: float
    extra: dict


class FallingAnalyzer:
    name = "falling"

    def __init__(self, rt: CameraRuntime, hooks, *, pre_s: float, post_s: float,
                 overlay_cls) -> None:
        self.rt = rt
        self.hooks = hooks
        self.pre_s = pre_s
        self.post_s = post_s
        self.Overlay = overlay_cls
        self.schedule = SampleSchedule(0.0)  # every frame: a fall lasts a second or two
        # room for the pre-roll, the track itself (up to ~10 s) and the post-roll
        self.ring = RingBuffer(pre_s + post_s + 12.0)
        self.detector: FallingObjectDetector | None = None
        self.pending: list[PendingClip] = []
        self.recent: list[tuple[float, FallingObjectEvent]] = []
        self.last_t = 0.0

    def configure(self, settings: CameraSettings) -> None:
        """(Re)create the detector when shields or the facade change."""
        cfg = dataclasses.replace(FallingConfig(), shield_polygons=tuple(settings.shield_zones))
        fps = self.rt.source_fps or 25.0
        self.detector = FallingObjectDetector(cfg, settings.facade, fps=fps)

    def process(self, frame: np.ndarray, t: float) -> None:
        self.last_t = t
        if self.detector is None:
            return
        self.ring.push(frame, t)
        for ev in self.detector.process(frame, t):
            self._accept(ev)
        # the detector raises early (live track) and refines when the track ends
        take = getattr(self.detector, "take_updates", None)
        for upd in take() if take is not None else ():
            self._refine(upd)
        self._flush_pending(t, force=False)

    def idle(self, now: float) -> None:
        # a stalled stream must not hold back a clip forever: cut it with what we have
        self._flush_pending(now - 2.0, force=False)

    def finish(self) -> None:
        if self.detector is not None:
            for ev in self.detector.flush():
                self._accept(ev)
        self._flush_pending(0.0, force=True)

    def overlays(self, t: float) -> list:
        ov = self.Overlay
        self.recent = [(at, ev) for at, ev in self.recent if t - at < RECENT_TRACK_S]
        out = []
        for _, ev in self.recent:
            label = f"{ev.floor}F-{ev.column}" if ev.floor is not None else "falling"
            out.append(ov("track", tuple((x, y) for _, x, y in ev.track), label))
        tracker = self.detector.tracker if self.detector is not None else None
        for tr in (tracker.active if tracker is not None else [])[:20]:
            if len(tr.x) >= 4:  # younger tracks are mostly noise; do not clutter the tile
                out.append(ov("track", tuple(zip(tr.x[-40:], tr.y[-40:], strict=True)), ""))
        return out

    # ---- internals -------------------------------------------------------------------
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
            self.hooks.clip_due(self.rt, p, self.ring.between(p.t0, p.t1))
