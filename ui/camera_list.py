"""CameraList: the wall's list of cameras by their Chinese names, dragged into tiles.

A drag carries the camera id as ``application/x-control-room-camera`` (the tile's drop
format); a double-click asks for the camera in the main tile.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from widgets.plain_text import tooltip
from widgets.video_tile import DOT_RGB, camera_mime

ID_ROLE = Qt.ItemDataRole.UserRole


def _dot(state: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(*DOT_RGB.get(state, DOT_RGB["none"])))
    p.drawEllipse(QRectF(2, 2, 8, 8))
    p.end()
    return QIcon(pixmap)


class CameraList(QListWidget):
    sig_camera_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraList")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.itemDoubleClicked.connect(self._on_double_clicked)
        self._icons = {state: _dot(state) for state in DOT_RGB}
        self._states: dict[str, str] = {}

    def set_cameras(self, cameras: list[tuple[str, str]]) -> None:
        """(camera_id, name) pairs, shown in the given order."""
        self.clear()
        for camera_id, name in cameras:
            item = QListWidgetItem(self._icons["none"], name)
            item.setData(ID_ROLE, camera_id)
            item.setToolTip(tooltip(f"{camera_id} — " + self.tr(
                "drag onto a tile, or double-click for the main tile")))
            self.addItem(item)
        self._states = {}

    def set_states(self, states: dict[str, str]) -> None:
        """camera_id -> online / offline / tamper: the dot before each name."""
        for i in range(self.count()):
            item = self.item(i)
            camera_id = item.data(ID_ROLE)
            state = states.get(camera_id, "none")
            if self._states.get(camera_id) != state:
                self._states[camera_id] = state
                item.setIcon(self._icons.get(state, self._icons["none"]))

    def camera_ids(self) -> list[str]:
        return [self.item(i).data(ID_ROLE) for i in range(self.count())]

    def startDrag(self, _actions) -> None:  # noqa: N802 (Qt override)
        # our own QDrag rather than mimeData(): the tile only reads the camera format
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(camera_mime(item.data(ID_ROLE)))
        drag.exec(Qt.DropAction.CopyAction)

    def _on_double_clicked(self, item: QListWidgetItem) -> None:
        self.sig_camera_activated.emit(item.data(ID_ROLE))
