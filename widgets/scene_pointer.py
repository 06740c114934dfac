"""The mouse over the 3D view: clicks become picks, a resting pointer becomes a hover.

Watched at the Qt level (an event filter on the VTK widget): the interactor style grabs
VTK's event focus while rotating, so VTK observers never see the button release.

- A click is a left press and release within ``CLICK_SLOP_PX``; the view then asks, in
  order, for the camera, the device and else the building under the cursor.
- A hover is asked for only when the pointer has rested ``REST_MS`` without a button
  held: every move restarts one single-shot timer, so a moving mouse or a camera drag costs
  nothing, and a pick (~1 ms of numpy at 10k devices) runs at most once per rest, never in
  a frame. The view then emits ``sig_hovered(hit or None, global position)``; a press, a
  drag, the wheel or leaving the widget emits ``None`` (hide any tooltip).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent

if TYPE_CHECKING:  # pragma: no cover
    from widgets.scene_view import SceneView

CLICK_SLOP_PX = 5  # a press/release further apart than this is a drag, not a pick
REST_MS = 80  # the pointer must rest this long before a hover pick


@dataclass(frozen=True)
class Hit:
    """What is drawn under the pointer: ``kind`` is "device", "camera", "technician" or
    "building" (then ``floor`` is the storey under the cursor)."""

    kind: str
    id: str
    floor: int | None = None


def nearest_on_screen(display: np.ndarray, dist: np.ndarray, x: float, y: float,
                      radius_px: float) -> int | None:
    """Index of the projected point nearest (x, y) within ``radius_px``, or None."""
    if not len(display):
        return None
    off = np.hypot(display[:, 0] - x, display[:, 1] - y)
    ok = np.flatnonzero(np.isfinite(dist) & (off <= radius_px))
    return None if not ok.size else int(ok[np.argmin(off[ok])])


class ScenePicking:
    """SceneView's picking API (a mixin: it uses the view's renderer, devices, frusta,
    buildings, technicians and signals)."""

    def world_to_display(self, xyz: Sequence[float]) -> tuple[float, float]:
        """Display pixel (origin bottom-left, as VTK events) where ``xyz`` is drawn."""
        display, _ = self.devices.project(self.renderer, np.asarray(xyz, dtype=np.float64))
        return float(display[0, 0]), float(display[0, 1])

    def pick_at(self, x: float, y: float) -> str | None:
        """The id of the device drawn at display pixel (x, y), or None."""
        index = self.devices.pick(self.renderer, x, y)
        return None if index is None else self.devices.ids[index]

    def pick_camera(self, x: float, y: float) -> str | None:
        """The surveillance camera drawn at (x, y) (frustum layer visible), or None."""
        return self.frusta.pick(lambda p: self.devices.project(self.renderer, p), x, y)

    def pick_building(self, x: float, y: float) -> tuple[str, int] | None:
        """(building id, floor under the cursor) at display pixel (x, y), or None."""
        hit = self.buildings.pick(self.renderer, x, y)
        if hit is None:
            return None
        building_id, xyz = hit
        return building_id, self.buildings.floor_at(self.buildings.index[building_id], xyz[2])

    def pick_technician(self, x: float, y: float) -> str | None:
        """The technician drawn at (x, y) (their layer visible), or None."""
        tech = self.technicians
        if tech is None or not tech.ids or not tech.actor.GetVisibility():
            return None
        display, dist = self.devices.project(self.renderer, tech.xyz)
        i = nearest_on_screen(display, dist, x, y, 12.0)
        return None if i is None else tech.ids[i]

    def hit_at(self, x: float, y: float) -> Hit | None:
        """What the pointer is on at display pixel (x, y): camera, device, technician, or
        building (with the floor under the cursor), in that order."""
        for kind, pick in (("camera", self.pick_camera), ("device", self.pick_at),
                           ("technician", self.pick_technician)):
            found = pick(x, y)
            if found is not None:
                return Hit(kind, found)
        hit = self.pick_building(x, y)
        return None if hit is None else Hit("building", hit[0], hit[1])

    def on_click(self, x: int, y: int) -> None:
        """A click (not a drag) at display pixel (x, y): emit what was picked."""
        camera_id = self.pick_camera(x, y)
        if camera_id is not None:
            self.sig_camera_picked.emit(camera_id)
        device_id = self.pick_at(x, y)
        if device_id is not None:
            self.sig_device_picked.emit(device_id)
        if camera_id is not None or device_id is not None:
            return
        hit = self.pick_building(x, y)
        if hit is not None:
            self.sig_building_picked.emit(hit[0])
            if self.xray.building is not None:
                self.sig_floor_picked.emit(*hit)


class PointerWatch(QObject):
    def __init__(self, view: SceneView, widget) -> None:  # noqa: ANN001 (the VTK QWidget)
        super().__init__(view)
        self._view = view
        self._widget = widget
        self._press: tuple[int, int] | None = None
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(REST_MS)
        self._rest.timeout.connect(self._on_rest)
        self._at: QPoint | None = None  # widget position of the resting pointer
        self._shown = False  # a hover was reported and not yet withdrawn
        #: hover picks done (tests check that moving the mouse alone does none)
        self.hover_picks = 0
        widget.setMouseTracking(True)  # moves without a button held reach the filter
        widget.installEventFilter(self)

    def display_xy(self, pos) -> tuple[int, int]:  # noqa: ANN001 (QPointF or QPoint)
        """The mapping QVTKRenderWindowInteractor applies (device pixels, y bottom-up)."""
        scale = self._widget.devicePixelRatioF()
        return (int(pos.x() * scale),
                self._view.render_window.GetSize()[1] - int(pos.y() * scale) - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self._widget:
            return False
        kind = event.type()
        if isinstance(event, QMouseEvent):
            if kind == QEvent.Type.MouseMove:
                self._on_move(event)
            elif kind == QEvent.Type.MouseButtonPress:
                self._withdraw()
                if event.button() == Qt.MouseButton.LeftButton:
                    self._press = self.display_xy(event.position())
            elif kind == QEvent.Type.MouseButtonRelease \
                    and event.button() == Qt.MouseButton.LeftButton and self._press:
                (x, y), (px, py) = self.display_xy(event.position()), self._press
                self._press = None
                if abs(x - px) <= CLICK_SLOP_PX and abs(y - py) <= CLICK_SLOP_PX:
                    self._view.on_click(x, y)
        elif kind in (QEvent.Type.Leave, QEvent.Type.Wheel, QEvent.Type.Hide):
            self._withdraw()
        return False  # VTK still gets every event (rotation, pan)

    def _on_move(self, event: QMouseEvent) -> None:
        if event.buttons() != Qt.MouseButton.NoButton:  # dragging the camera: no hover
            self._withdraw()
            return
        self._at = event.position().toPoint()
        self._rest.start()  # restarted by every move: fires once the pointer rests

    def _on_rest(self) -> None:
        if self._at is None or not self._view.isVisible():
            return
        self.hover_picks += 1
        x, y = self.display_xy(self._at)
        hit = self._view.hit_at(x, y)
        if hit is None and not self._shown:
            return
        self._shown = hit is not None
        self._view.sig_hovered.emit(hit, self._widget.mapToGlobal(self._at))

    def _withdraw(self) -> None:
        self._rest.stop()
        self._at = None
        if self._shown:
            self._shown = False
            self._view.sig_hovered.emit(None, QPoint())
