"""MaskEditor: draw a camera's privacy masks and shield zones on a frozen frame.

Privacy masks black out what the camera must not record (windows into homes), applied at
capture; shield zones are where detections are ignored (a flag on a balcony, a tree).
Click adds a vertex, double-click or Enter closes the polygon, Escape drops the one being
drawn; a click inside a finished polygon selects it and Delete removes it. Save hands both
lists to ``manager.set_privacy_masks`` / ``set_shield_zones`` in image pixels.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.facade.commands import SetPrivacyMasks, SetShieldZones
from app.facade.errors import CommandError
from app.facade.room import ControlRoom
from ui.camera_canvas import FrameCanvas
from ui.command_feedback import error_text

Polygon = list[tuple[float, float]]


def _inside(polygon: Polygon, x: float, y: float) -> bool:
    return QPolygonF([QPointF(px, py) for px, py in polygon]).containsPoint(
        QPointF(x, y), Qt.FillRule.OddEvenFill)


class MaskEditor(QDialog):
    def __init__(self, room: ControlRoom, camera_id: str, title: str = "",
                 parent: QWidget | None = None, *, frame: np.ndarray | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MaskEditor")
        self.setWindowTitle(self.tr("Privacy masks and shield zones — %1")
                            .replace("%1", title or camera_id))
        self.room, self.camera_id = room, camera_id
        snap = room.cameras.latest(camera_id) if room.cameras is not None else None
        self.polygons: dict[str, list[Polygon]] = {"mask": [], "shield": []}
        for ov in (snap.overlays if snap is not None else ()):
            if ov.kind in self.polygons and len(ov.points) >= 3:
                self.polygons[ov.kind].append([tuple(p) for p in ov.points])
        if frame is None:  # frozen: the picture must not move under the operator's clicks
            frame = (snap.frame.copy() if snap is not None
                     else np.zeros((360, 640, 3), np.uint8))
        self.draft: Polygon = []
        self.selected: tuple[str, int] | None = None
        self._build(frame)
        self._redraw()

    def _build(self, frame: np.ndarray) -> None:
        self.canvas = FrameCanvas()
        self.canvas.set_camera(self.camera_id)
        self.canvas.set_status("online")
        self.canvas.set_frame(frame)
        self.canvas.sig_pressed.connect(self._on_pressed)
        self.canvas.sig_double_clicked.connect(self._on_double_clicked)
        self.canvas.sig_key.connect(self._on_key)
        self.mask_radio = QRadioButton(self.tr("Privacy mask (blacked out at capture)"))
        self.shield_radio = QRadioButton(self.tr("Shield zone (detections ignored)"))
        self.mask_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mask_radio)
        group.addButton(self.shield_radio)
        self.hint = QLabel(self.tr("Click to add a vertex; double-click or Enter closes the "
                                   "polygon; click inside one to select it, Delete removes "
                                   "it; Escape drops the one being drawn."))
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.delete_button, self.save_button, cancel):
            button.setAutoDefault(False)  # Enter closes a polygon, never the dialog
        modes = QHBoxLayout()
        modes.addWidget(self.mask_radio)
        modes.addWidget(self.shield_radio)
        modes.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(modes)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.resize(1000, 680)

    def mode(self) -> str:
        return "mask" if self.mask_radio.isChecked() else "shield"

    # ---- drawing -------------------------------------------------------------------------
    def _on_pressed(self, x: float, y: float) -> None:
        if not self.draft:
            hit = self._hit(x, y)
            if hit is not None:
                self.selected = hit
                self._redraw()
                return
        self.selected = None
        self.draft.append((round(x, 1), round(y, 1)))
        self._redraw()

    def _on_double_clicked(self, _x: float, _y: float) -> None:
        self.close_polygon()  # the double-click's first press already added its vertex

    def _on_key(self, key: int) -> None:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_polygon()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key == Qt.Key.Key_Escape:
            self.draft = []
            self._redraw()

    def close_polygon(self) -> bool:
        # a double-click leaves its vertex twice when the press landed on the same spot
        points = [p for i, p in enumerate(self.draft) if i == 0 or p != self.draft[i - 1]]
        if len(points) < 3:
            return False
        kind = self.mode()
        self.polygons[kind].append(points)
        self.selected = (kind, len(self.polygons[kind]) - 1)
        self.draft = []
        self._redraw()
        return True

    def delete_selected(self) -> None:
        if self.selected is not None:
            kind, index = self.selected
            del self.polygons[kind][index]
            self.selected = None
            self._redraw()

    def _hit(self, x: float, y: float) -> tuple[str, int] | None:
        for kind in ("mask", "shield"):
            for index in reversed(range(len(self.polygons[kind]))):
                if _inside(self.polygons[kind][index], x, y):
                    return kind, index
        return None

    def _redraw(self) -> None:
        overlays = []
        for kind in ("mask", "shield"):
            for index, polygon in enumerate(self.polygons[kind]):
                chosen = self.selected == (kind, index)
                overlays.append(("selected" if chosen else kind, polygon, ""))
        if self.draft:
            overlays.append(("draft", self.draft, ""))
        self.canvas.set_overlays(overlays)
        self.delete_button.setEnabled(self.selected is not None)

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> None:
        self.close_polygon()  # a polygon left open with enough vertices is meant to count
        try:
            for command in (
                    SetPrivacyMasks(camera_id=self.camera_id, polygons=_lists(self.polygons["mask"])),
                    SetShieldZones(camera_id=self.camera_id,
                                   polygons=_lists(self.polygons["shield"]))):
                self.room.execute(command)
        except CommandError as exc:  # the engine names the problem
            self.hint.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return
        self.accept()


def _lists(polygons: list[Polygon]) -> list[list[list[float]]]:
    return [[[float(x), float(y)] for x, y in polygon] for polygon in polygons]
