"""What a camera's analysis thread does with each frame: tampering, then every analyser
the camera's settings call for (analyzers.py), each at its own cadence — the falling-object
detector on watched facades, the construction detector where zones are drawn — and the
overlays drawn over the picture.

Alarms and events are the manager's business: analysers call ``hooks`` (see cameras.py).
"""

from __future__ import annotations

import logging

import numpy as np

from app.vision.analyzers import FrameAnalyzer
from app.vision.camera_worker import CameraRuntime
from app.vision.construction.analyzer import ConstructionAnalyzer
from app.vision.evidence import RingBuffer
from app.vision.falling_analyzer import FallingAnalyzer, PendingClip
from app.vision.tamper import TamperConfig, TamperMonitor

log = logging.getLogger(__name__)

OVERLAY_PERIOD_S = 0.2  # the UI pulls ~15 fps; overlays at 5 Hz are plenty

__all__ = ["CameraAnalysis", "PendingClip"]


class CameraAnalysis:
    def __init__(self, rt: CameraRuntime, hooks, *, pre_s: float, post_s: float,
                 tamper: TamperConfig | None, overlay_cls) -> None:
        self.rt = rt
        self.hooks = hooks
        self.Overlay = overlay_cls
        self.tamper = TamperMonitor(tamper) if tamper is not None else None
        self.falling = (FallingAnalyzer(rt, hooks, pre_s=pre_s, post_s=post_s,
                                        overlay_cls=overlay_cls) if rt.analysed else None)
        self.construction: ConstructionAnalyzer | None = None
        self.analyzers: list[FrameAnalyzer] = [self.falling] if self.falling else []
        self._version = -1
        self._next_overlay = 0.0
        self.last_t = 0.0

    @property
    def ring(self) -> RingBuffer | None:
        return self.falling.ring if self.falling is not None else None

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
        for analyzer in self.analyzers:
            if analyzer.schedule.due(t):
                analyzer.process(frame, t)
        if t >= self._next_overlay:
            self._next_overlay = t + OVERLAY_PERIOD_S
            self._update_overlays(t)

    def idle(self, rt: CameraRuntime, now: float) -> None:
        for analyzer in self.analyzers:
            analyzer.idle(now)

    def video_lost(self, rt: CameraRuntime, reason: str) -> None:
        self.hooks.video_lost(rt, reason)

    def video_restored(self, rt: CameraRuntime) -> None:
        self.hooks.video_restored(rt)

    def finish(self, rt: CameraRuntime) -> None:
        for analyzer in self.analyzers:
            analyzer.finish()

    # ---- internals -------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Hand changed settings to the analysers; start or stop construction analysis as
        zones are drawn or removed."""
        rt = self.rt
        with rt.lock:
            self._version = rt.settings_version
            settings = rt.settings
        zones = settings.construction
        if zones is not None and zones.zones and self.construction is None:
            self.construction = ConstructionAnalyzer(
                rt.id, zones, self.hooks, overlay_cls=self.Overlay,
                config=getattr(self.hooks, "construction_config", None))
            self.hooks.construction_started(rt, self.construction)
            self.analyzers.append(self.construction)
        elif (zones is None or not zones.zones) and self.construction is not None:
            self.analyzers.remove(self.construction)
            self.construction = None
        for analyzer in self.analyzers:
            analyzer.configure(settings)

    def _update_overlays(self, t: float) -> None:
        ov = self.Overlay
        s = self.rt.settings
        out = [ov("mask", tuple(p), "privacy") for p in s.privacy_masks]
        out += [ov("shield", tuple(p), "shield") for p in s.shield_zones]
        if s.facade is not None:
            out.append(ov("facade", tuple(s.facade.corners_px),
                         f"{s.facade.floors}F×{s.facade.columns}"))
        for analyzer in self.analyzers:
            out += analyzer.overlays(t)
        self.rt.overlays = tuple(out)
