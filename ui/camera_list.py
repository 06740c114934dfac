"""CameraList: the wall's list of cameras by their Chinese names, dragged into tiles.

A drag carries the camera id as ``application/x-control-room-camera`` (the tile's drop
format); a double-click asks for the camera in the main tile.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from widgets.video_tile import camera_mime

ID_ROLE = Qt.ItemDataRole.UserRole


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

    def set_cameras(self, cameras: list[tuple[str, str]]) -> None:
        """(camera_id, name) pairs, shown in the given order."""
        self.clear()
        for camera_id, name in cameras:
            item = QListWidgetItem(f"{name}\n{camera_id}" if name != camera_id else camera_id)
            item.setData(ID_ROLE, camera_id)
            item.setToolTip(self.tr("Drag onto a tile, or double-click for the main tile"))
            self.addItem(item)

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
