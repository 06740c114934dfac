"""Camera placement for the compound view: the oblique overview and smooth flights.

A flight is a short QTimer animation on the GUI thread (eased interpolation of focal point
and eye position), so the operator keeps their bearings when the view jumps to a device.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from vtkmodules.vtkRenderingCore import vtkCamera


def view_direction(azimuth_deg: float, elevation_deg: float) -> np.ndarray:
    """Unit vector from the focal point towards the eye. Azimuth 0 = eye due south of the
    target looking north; positive azimuth swings the eye towards the east."""
    az, el = np.radians(azimuth_deg), np.radians(elevation_deg)
    return np.array([np.sin(az) * np.cos(el), -np.cos(az) * np.cos(el), np.sin(el)])


def overview_pose(bounds: Sequence[float], view_angle_deg: float, aspect: float,
                  azimuth_deg: float = -28.0, elevation_deg: float = 38.0
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(focal point, eye position) that frame the box ``bounds`` (xmin, xmax, ymin, ymax,
    zmin, zmax) obliquely, filling most of the view."""
    b = np.asarray(bounds, dtype=np.float64).reshape(3, 2)
    center = b.mean(axis=1)
    # look a little below the centre of tall content so towers are not cut at the top
    center[2] = b[2, 0] + 0.3 * (b[2, 1] - b[2, 0])
    radius = 0.5 * float(np.linalg.norm(b[:, 1] - b[:, 0]))
    half = np.radians(view_angle_deg) / 2.0
    # the horizontal half-angle is narrower in a portrait view, wider in a landscape one
    half_h = np.arctan(np.tan(half) * max(aspect, 1e-3))
    distance = radius / np.sin(min(half, half_h)) * 0.82
    return center, center + view_direction(azimuth_deg, elevation_deg) * distance


def _ease(t: float) -> float:
    return t * t * (3.0 - 2.0 * t)  # smoothstep: no jolt at either end


class CameraFlight(QObject):
    """Animates a vtkCamera to a new focal point / eye position over ``duration_ms``."""

    sig_finished = Signal()

    def __init__(self, camera_getter: Callable[[], vtkCamera], on_step: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera = camera_getter
        self._on_step = on_step
        self._timer = QTimer(self)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._on_tick)
        self._clock = QElapsedTimer()
        self._from: tuple[np.ndarray, np.ndarray] | None = None
        self._to: tuple[np.ndarray, np.ndarray] | None = None
        self._duration = 1

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, focal: Sequence[float], position: Sequence[float],
              duration_ms: int = 600) -> None:
        cam = self._camera()
        self._from = (np.asarray(cam.GetFocalPoint()), np.asarray(cam.GetPosition()))
        self._to = (np.asarray(focal, dtype=np.float64), np.asarray(position, dtype=np.float64))
        self._duration = max(int(duration_ms), 1)
        if duration_ms <= 0:
            self._apply(1.0)
            self.sig_finished.emit()
            return
        self._clock.start()
        self._timer.start()

    def finish(self) -> None:
        """Jump to the end of a running flight (tests, or a new flight superseding it)."""
        if self._timer.isActive():
            self._timer.stop()
            self._apply(1.0)
            self.sig_finished.emit()

    def _on_tick(self) -> None:
        t = min(self._clock.elapsed() / self._duration, 1.0)
        self._apply(t)
        if t >= 1.0:
            self._timer.stop()
            self.sig_finished.emit()

    def _apply(self, t: float) -> None:
        assert self._from is not None and self._to is not None
        s = _ease(t)
        focal = self._from[0] + (self._to[0] - self._from[0]) * s
        eye = self._from[1] + (self._to[1] - self._from[1]) * s
        cam = self._camera()
        cam.SetFocalPoint(*focal)
        cam.SetPosition(*eye)
        cam.SetViewUp(0.0, 0.0, 1.0)
        self._on_step()
