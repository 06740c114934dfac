"""FacadeCalibrator: tell a facade camera where the facade is and how it is divided.

The operator clicks the facade's four corners on a frozen frame — top-left, top-right,
bottom-right, bottom-left — and enters its floors, columns and lowest floor; the storey and
column grid is previewed over the picture as it will be used, and a corner can be dragged to
correct it. Save builds the Facade through ``parse_facade`` (the engine's own validation)
and hands it to ``manager.set_facade``.
"""

from __future__ import annotations

import math
import re

import numpy as np
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.facade.commands import SetFacade
from app.facade.errors import CommandError
from app.facade.room import ControlRoom
from app.vision.facade import Facade, FacadeError, parse_facade
from ui.camera_canvas import FrameCanvas
from ui.camera_overlays import facade_grid
from ui.command_feedback import error_text

GRAB_PX = 12  # screen pixels within which a click picks up an existing corner
_GRID_LABEL = re.compile(r"^(\d+)F×(\d+)")


class FacadeCalibrator(QDialog):
    def __init__(self, room: ControlRoom, camera_id: str, title: str = "",
                 parent: QWidget | None = None, *, frame: np.ndarray | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FacadeCalibrator")
        self.setWindowTitle(self.tr("Facade calibration — %1").replace("%1", title or camera_id))
        self.room, self.camera_id = room, camera_id
        self.corner_names = [self.tr("top-left"), self.tr("top-right"),
                             self.tr("bottom-right"), self.tr("bottom-left")]
        snap = room.cameras.latest(camera_id) if room.cameras is not None else None
        self.corners: list[tuple[float, float]] = []
        floors, columns = 18, 6
        for ov in (snap.overlays if snap is not None else ()):
            match = _GRID_LABEL.match(ov.label or "")
            if ov.kind == "facade" and len(ov.points) == 4 and match:
                self.corners = [tuple(p) for p in ov.points]  # the current calibration
                floors, columns = int(match[1]), int(match[2])
        if frame is None:
            frame = (snap.frame.copy() if snap is not None
                     else np.zeros((360, 640, 3), np.uint8))
        self._dragging: int | None = None
        self._build(frame, floors, columns)
        self._update()

    def _build(self, frame: np.ndarray, floors: int, columns: int) -> None:
        self.canvas = FrameCanvas()
        self.canvas.set_camera(self.camera_id)
        self.canvas.set_status("online")
        self.canvas.set_frame(frame)
        self.canvas.sig_pressed.connect(self._on_pressed)
        self.canvas.sig_dragged.connect(self._on_dragged)
        self.floors = self._spin(1, 200, floors)
        self.columns = self._spin(1, 100, columns)
        self.lowest_floor = self._spin(-10, 200, 1)
        form = QFormLayout()
        form.addRow(self.tr("Floors"), self.floors)
        form.addRow(self.tr("Columns"), self.columns)
        form.addRow(self.tr("Lowest floor"), self.lowest_floor)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setMinimumWidth(220)
        reset = QPushButton(self.tr("Reset corners"))
        reset.clicked.connect(self.reset_corners)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.prompt)
        side.addWidget(reset)
        side.addStretch(1)
        side.addWidget(self.save_button)
        side.addWidget(cancel)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(side)
        self.resize(1100, 640)

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.valueChanged.connect(self._update)
        return spin

    # ---- clicking ------------------------------------------------------------------------
    def _nearest_corner(self, x: float, y: float) -> int | None:
        reach = GRAB_PX / self.canvas.widget_scale()
        best = min(range(len(self.corners)), default=None,
                   key=lambda i: math.dist(self.corners[i], (x, y)))
        if best is not None and math.dist(self.corners[best], (x, y)) <= reach:
            return best
        return None

    def _on_pressed(self, x: float, y: float) -> None:
        near = self._nearest_corner(x, y)
        if near is not None:
            self._dragging = near  # grab an existing corner to correct it
            return
        self._dragging = None
        if len(self.corners) < 4:
            self.corners.append((round(x, 1), round(y, 1)))
            self._update()

    def _on_dragged(self, x: float, y: float) -> None:
        if self._dragging is not None:
            self.corners[self._dragging] = (round(x, 1), round(y, 1))
            self._update()

    def reset_corners(self) -> None:
        self.corners = []
        self._update()

    # ---- preview and saving --------------------------------------------------------------
    def facade(self) -> Facade | None:
        """The Facade the current corners and counts make, or None (prompt says why)."""
        if len(self.corners) < 4:
            return None
        return parse_facade({"corners_px": [list(p) for p in self.corners],
                             "floors": self.floors.value(), "columns": self.columns.value(),
                             "lowest_floor": self.lowest_floor.value()})

    def _update(self) -> None:
        overlays = []
        error = None
        if len(self.corners) == 4:
            try:
                self.facade()
                overlays = facade_grid(self.corners, self.floors.value(),
                                       self.columns.value(), self.lowest_floor.value())
            except FacadeError as exc:
                error = str(exc)
        closed = [*self.corners, self.corners[0]] if len(self.corners) == 4 else self.corners
        if self.corners:
            overlays.append(("draft", closed, ""))
        self.canvas.set_overlays(overlays)
        if len(self.corners) < 4:
            self.prompt.setText(self.tr("Click the facade's %1 corner.")
                                .replace("%1", self.corner_names[len(self.corners)]))
        elif error:
            self.prompt.setText(self.tr("These corners do not make a facade: %1")
                                .replace("%1", error))
        else:
            self.prompt.setText(self.tr("Check the grid against the windows; drag a corner "
                                        "to correct it, then save."))
        self.save_button.setEnabled(len(self.corners) == 4 and error is None)

    def save(self) -> None:
        try:
            facade = self.facade()
            if facade is None:
                return
            self.room.execute(SetFacade(camera_id=self.camera_id, facade=facade.to_json() | {
                "floor_height_m": facade.floor_height_m}))
        except ValueError as exc:  # FacadeError: the corners do not make a facade
            self.prompt.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        except CommandError as exc:  # refused or failed by the engine
            self.prompt.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return
        self.accept()
