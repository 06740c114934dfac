"""AttentionList: the devices that need an operator's eye (alarm, warning, offline, stale),
worst first, shown in the inspector while no device is selected.

Kept up to date incrementally from ``StateStore.changes_since`` so a refresh costs
O(changed devices), and the list widget is rebuilt only when the set actually changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.domain.kinds import Level
from app.state.store import StateStore
from ui.i18n import kind_name, level_name
from ui.theme import level_rgb
from widgets.plain_text import tooltip

#: worst first: an alarm outranks a warning, a silent device outranks a stale one
PRIORITY = {Level.ALARM: 0, Level.WARNING: 1, Level.OFFLINE: 2, Level.STALE: 3}
MAX_ROWS = 100


def _dot(rgb: tuple[int, int, int], size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(*rgb))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class AttentionList(QListWidget):
    sig_device_chosen = Signal(str)

    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttentionList")
        self._store = store
        self._version = -1
        self._flagged: dict[str, Level] = {}
        self._shown: list[tuple[str, Level]] = []
        self._icons = {level: _dot(level_rgb(level)) for level in PRIORITY}
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)

    def flagged(self) -> dict[str, Level]:
        return dict(self._flagged)

    def refresh(self) -> None:
        # read the version first: a change landing meanwhile is then seen twice (harmless),
        # never missed
        version = self._store.version
        changed = self._store.changes_since(self._version) if self._version >= 0 else None
        self._version = version
        ids = changed if changed is not None else [d.id for d in self._store.devices()]
        if changed is None:
            self._flagged.clear()
        for device_id in ids:
            state = self._store.get(device_id)
            if state is not None and state.level in PRIORITY:
                self._flagged[device_id] = state.level
            else:
                self._flagged.pop(device_id, None)
        rows = sorted(self._flagged.items(), key=lambda kv: (PRIORITY[kv[1]], kv[0]))[:MAX_ROWS]
        if rows != self._shown:
            self._shown = rows
            self._rebuild(rows)

    def _rebuild(self, rows: list[tuple[str, Level]]) -> None:
        self.setUpdatesEnabled(False)
        self.clear()
        for device_id, level in rows:
            device = self._store.device(device_id)
            if device is None:
                continue
            kind = kind_name(device.kind)
            name = device.name if kind in device.name else f"{device.name} · {kind}"
            item = QListWidgetItem(self._icons[level], f"{name} · {level_name(level)}")
            item.setData(Qt.ItemDataRole.UserRole, device_id)
            item.setToolTip(tooltip(device_id))
            self.addItem(item)
        self.setUpdatesEnabled(True)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.sig_device_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
