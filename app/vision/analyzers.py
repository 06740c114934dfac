"""Camera analysers: what a camera's analysis thread runs on its frames, each at its own
cadence — every frame for falling objects, a frame every few minutes for construction.

A camera's ``CameraAnalysis`` holds the analysers its settings call for (a facade camera
watched for throws, zones for construction) and hands each frame to those whose cadence
says it is due; the same analyser objects run in ``control-room detect`` on a file, so the
live and offline paths are one. Frigate separates real-time processors from post
processors the same way.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from app.vision.camera_settings import CameraSettings


class SampleSchedule:
    """Which frames an analyser takes: all (``period_s`` 0) or one every ``period_s`` of the
    stream's time. Due times follow the schedule rather than the frame that was taken, so
    a time-lapse sampled every frame stays on every frame despite rounding; after a gap
    (the stream stalled, a file looped) the schedule restarts at the next frame."""

    def __init__(self, period_s: float) -> None:
        self.period_s = max(0.0, float(period_s))
        self._next: float | None = None

    def due(self, t: float) -> bool:
        if self.period_s <= 0.0:
            return True
        slack = 0.01 * self.period_s
        if self._next is not None and self._next - slack <= t < self._next + self.period_s:
            self._next += self.period_s
            return True
        if self._next is None or t >= self._next + self.period_s or t < self._next - \
                2 * self.period_s:
            self._next = t + self.period_s
            return True
        return False


@runtime_checkable
class FrameAnalyzer(Protocol):
    """One analysis of a camera's frames (see the module docstring)."""

    name: str
    schedule: SampleSchedule

    def configure(self, settings: CameraSettings) -> None:
        """The camera's settings changed (zones, shields, facade): take them."""

    def process(self, frame: np.ndarray, t: float) -> None:
        """A due frame (BGR, privacy-masked, read-only) at stream time ``t``."""

    def idle(self, now: float) -> None:
        """No frame for a while (a stalled stream): finish what must not wait."""

    def finish(self) -> None:
        """The stream ended or the camera stops."""

    def overlays(self, t: float) -> list:
        """What to draw over the camera's picture now (camera_types.Overlay)."""
