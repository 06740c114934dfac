"""Camera events on the wall: the banner text, the recent-events list and the bar of
actions for the event on the main tile. (Events reach the GUI thread through the process's
RoomBridge.)"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ui.alarm_labels import event_detail
from widgets.plain_text import plain_label, tooltip

EVENT_ROLE = Qt.ItemDataRole.UserRole
MAX_LISTED = 200


# the words of this module, in the camera wall's context: listed so that lupdate finds them
# (a bare ``_tr("…")`` is not collected: these showed in English on a Chinese wall)
_WORDS = (
    QT_TRANSLATE_NOOP("CameraWall", "floor %1"), QT_TRANSLATE_NOOP("CameraWall", "column %1"),
    QT_TRANSLATE_NOOP("CameraWall", "Object thrown from height"),
    QT_TRANSLATE_NOOP("CameraWall", "Video lost"),
    QT_TRANSLATE_NOOP("CameraWall", "Video restored"),
    QT_TRANSLATE_NOOP("CameraWall", "Camera tampering"),
    QT_TRANSLATE_NOOP("CameraWall", "Construction or encroachment"),
    QT_TRANSLATE_NOOP("CameraWall", "Replay clip"), QT_TRANSLATE_NOOP("CameraWall", "Live"),
    QT_TRANSLATE_NOOP("CameraWall", "Export evidence…"),
    QT_TRANSLATE_NOOP("CameraWall", "Dismiss"),
)
#: a construction change's state (app.vision.construction.records.STATES), as a suffix
_CHANGE_STATES = {
    "accepted": QT_TRANSLATE_NOOP("CameraWall", "accepted"),
    "rejected": QT_TRANSLATE_NOOP("CameraWall", "rejected"),
    "dispatched": QT_TRANSLATE_NOOP("CameraWall", "sent for enforcement"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CameraWall", text)


def event_title(event) -> str:
    """One line for the operator: "Object thrown from height — floor 12, column 3"."""
    data = event.data or {}
    if event.kind == "falling_object":
        where = []
        if data.get("floor") is not None:
            where.append(_tr("floor %1").replace("%1", str(data["floor"])))
        if data.get("column") is not None:
            where.append(_tr("column %1").replace("%1", str(data["column"])))
        text = _tr("Object thrown from height")
        return f"{text} — {', '.join(where)}" if where else text
    if event.kind == "construction_change":  # its zone's kind, and the decision once taken
        text = _tr("Construction or encroachment")
        parts = [event_detail({"zone_kind": data["zone_kind"]})] if data.get("zone_kind") else []
        if data.get("state") in _CHANGE_STATES:
            parts.append(_tr(_CHANGE_STATES[data["state"]]))
        return f"{text} — {', '.join(parts)}" if parts else text
    return {"video_loss": _tr("Video lost"), "video_restored": _tr("Video restored"),
            "tampering": _tr("Camera tampering")}.get(event.kind, event.kind)


class EventList(QListWidget):
    """Recent camera events, newest first; activating one shows it on the main tile."""

    sig_event_chosen = Signal(object)

    def __init__(self, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraEventList")
        self._names = names
        self._lost: set[str] = set()
        self.setWordWrap(True)  # a narrow side panel wraps the event line, never scrolls it
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)

    def add_event(self, event) -> None:
        # "restored" is news only after a loss: every camera reports it once at start-up
        if event.kind == "video_loss":
            self._lost.add(event.camera_id)
        elif event.kind == "video_restored":
            if event.camera_id not in self._lost:
                return
            self._lost.discard(event.camera_id)
        stamp = time.strftime("%H:%M:%S", time.localtime(event.t))
        name = self._names.get(event.camera_id, event.camera_id)
        item = QListWidgetItem(f"{stamp}  {name}\n{event_title(event)}")
        item.setToolTip(tooltip(f"{item.text()}\n{event.id}"))
        item.setData(EVENT_ROLE, event)
        if event.kind in ("falling_object", "tampering"):
            item.setForeground(Qt.GlobalColor.white)
            item.setBackground(Qt.GlobalColor.darkRed if event.kind == "falling_object"
                               else Qt.GlobalColor.darkYellow)
        self.insertItem(0, item)
        while self.count() > MAX_LISTED:
            self.takeItem(self.count() - 1)

    def events(self) -> list:
        return [self.item(i).data(EVENT_ROLE) for i in range(self.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        self.sig_event_chosen.emit(item.data(EVENT_ROLE))


class EventBar(QFrame):
    """Above the tiles while an event is on the main tile: what happened and what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraEventBar")
        self.setStyleSheet("QFrame#CameraEventBar { background: #5a1712; border: none; }"
                           "QFrame#CameraEventBar QLabel { background: transparent;"
                           " color: #ffffff; font-weight: 600; }")
        self.label = plain_label()  # camera names and event data come from outside
        self.replay_button = QPushButton(_tr("Replay clip"))
        self.live_button = QPushButton(_tr("Live"))
        self.export_button = QPushButton(_tr("Export evidence…"))
        self.dismiss_button = QPushButton(_tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        for button in (self.replay_button, self.live_button, self.export_button,
                       self.dismiss_button):
            layout.addWidget(button)
        self.hide()

    def show_event(self, text: str, has_clip: bool) -> None:
        self.label.setText(text)
        self.replay_button.setEnabled(has_clip)
        self.show()
