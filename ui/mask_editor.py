"""MaskEditor: draw a camera's privacy masks and shield zones on a frozen frame.

Privacy masks black out what the camera must not record (windows into homes), applied at
capture; shield zones are where detections are ignored (a flag on a balcony, a tree).
Click adds a vertex, double-click or Enter closes the polygon, Escape drops the one being
drawn; a click inside a finished polygon selects it and Delete removes it. Save hands both
lists to the room as SetPrivacyMasks / SetShieldZones commands, in image pixels.
"""

from __future__ import annotations

import numpy as np
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
from ui.polygon_drawing import Polygon, PolygonDrawing


class MaskEditor(QDialog):
    def __init__(self, room: ControlRoom, camera_id: str, title: str = "",
                 parent: QWidget | None = None, *, frame: np.ndarray | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MaskEditor")
        self.setWindowTitle(self.tr("Privacy masks and shield zones — %1")
                            .replace("%1", title or camera_id))
        self.room, self.camera_id = room, camera_id
        snap = room.cameras.latest(camera_id) if room.cameras is not None else None
        if frame is None:  # frozen: the picture must not move under the operator's clicks
            frame = (snap.frame.copy() if snap is not None
                     else np.zeros((360, 640, 3), np.uint8))
        self._build(frame)
        for ov in (snap.overlays if snap is not None else ()):
            if ov.kind in self.polygons and len(ov.points) >= 3:
                self.polygons[ov.kind].append([tuple(p) for p in ov.points])
        self.drawing.redraw()

    # the drawing's state, under the names the dialog has always had
    @property
    def polygons(self) -> dict[str, list[Polygon]]:
        return self.drawing.polygons

    @property
    def draft(self) -> Polygon:
        return self.drawing.draft

    @property
    def selected(self) -> tuple[str, int] | None:
        return self.drawing.selected

    def close_polygon(self) -> bool:
        return self.drawing.close_polygon()

    def delete_selected(self) -> None:
        self.drawing.delete_selected()

    def _build(self, frame: np.ndarray) -> None:
        self.canvas = FrameCanvas()
        self.canvas.set_camera(self.camera_id)
        self.canvas.set_status("online")
        self.canvas.set_frame(frame)
        self.drawing = PolygonDrawing(self.canvas, ("mask", "shield"), self.mode, parent=self)
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
        self.drawing.sig_changed.connect(self._on_drawing_changed)
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

    def _on_drawing_changed(self) -> None:
        self.delete_button.setEnabled(self.drawing.selected is not None)

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
