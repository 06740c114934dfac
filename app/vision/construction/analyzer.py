"""The construction detector as a camera analyser: a sample every ``sample_period_s`` of the
stream's time, its events handed to a sink, its zones and open changes drawn over the
picture. The live camera worker and ``control-room detect --detector construction`` both
run this class; only the sink differs (the camera manager, or the file's collector).

A live stream's times are wall-clock seconds, so its references are kept per part of the
day (sun shadows move); a file's times are video seconds, so only night and day differ.
"""

from __future__ import annotations

import logging
import time

import numpy as np

from app.vision.analyzers import SampleSchedule
from app.vision.camera_settings import CameraSettings
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.zones import ZoneSet

log = logging.getLogger(__name__)

HOURS_PER_BIN = 3  # wall-clock references: 8 parts of the day
CPU_LOG_EVERY = 100  # samples between CPU lines in the debug log


class ConstructionAnalyzer:
    name = "construction"

    def __init__(self, camera_id: str, zones: ZoneSet, sink, *, overlay_cls=None,
                 config: ConstructionConfig | None = None) -> None:
        self.camera_id = camera_id
        self.sink = sink  # .construction_event(camera_id, event)
        self.Overlay = overlay_cls
        self.base = config or ConstructionConfig()
        self.detector = ConstructionDetector(zones, self._config(zones),
                                             hours_per_bin=HOURS_PER_BIN)
        self.schedule = SampleSchedule(self.detector.cfg.sample_period_s)
        self.cpu_s = 0.0  # process time spent in samples (CPU per camera, bench and docs)

    def _config(self, zones: ZoneSet) -> ConstructionConfig:
        from dataclasses import replace
        period = zones.sample_period_s or self.base.sample_period_s
        return replace(self.base, sample_period_s=period, min_persist_s=zones.min_persist_s)

    def configure(self, settings: CameraSettings) -> None:
        zones = getattr(settings, "construction", None)
        if zones is None or zones == self.detector.zones:
            return
        self.detector.set_zones(zones)
        period = zones.sample_period_s or self.base.sample_period_s
        if period != self.schedule.period_s:
            self.schedule = SampleSchedule(period)

    def process(self, frame: np.ndarray, t: float) -> None:
        started = time.process_time()
        events = self.detector.process(frame, t)
        self.cpu_s += time.process_time() - started
        if self.detector.samples % CPU_LOG_EVERY == 0:
            log.debug("camera %s: construction %d samples, %.1f ms CPU each", self.camera_id,
                      self.detector.samples, 1000 * self.cpu_s / self.detector.samples)
        for ev in events:
            self.sink.construction_event(self.camera_id, ev)

    def idle(self, now: float) -> None:
        pass

    def finish(self) -> None:
        pass

    def overlays(self, t: float) -> list:
        if self.Overlay is None:
            return []
        ov = self.Overlay
        out = [ov("zone", z.polygon_px, z.name or z.id) for z in self.detector.zones.zones]
        out += [ov("change", c.polygon_px, c.zone) for c in self.detector.open_changes()
                if len(c.polygon_px) >= 3]
        return out
