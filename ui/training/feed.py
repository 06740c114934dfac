"""The training session's status on the GUI thread: one ``TrainingFeed`` per room turns the
room's ``{"training": …}`` stream (the local engine's, or a server's ``Delta.extra``) into
``TrainingStatus`` structs and keeps the newest for views that come later."""

from __future__ import annotations

import weakref

import msgspec
from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.facade.room import ControlRoom
from app.training.control import TrainingStatus
from ui.bridge import RoomBridge

_FEEDS: weakref.WeakKeyDictionary[object, TrainingFeed] = weakref.WeakKeyDictionary()


class TrainingFeed(QObject):
    sig_status = Signal(object)  # TrainingStatus

    def __init__(self, room: ControlRoom, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.status: TrainingStatus | None = None
        initial = getattr(room, "extra", {}).get("training")
        if initial is not None:
            self._take(initial)
        RoomBridge.of(room).sig_other.connect(self._on_other)

    @classmethod
    def of(cls, room: ControlRoom) -> TrainingFeed:
        feed = _FEEDS.get(room)
        if feed is None:
            feed = _FEEDS[room] = cls(room, QCoreApplication.instance())
        return feed

    def _on_other(self, event: object) -> None:
        if isinstance(event, dict) and "training" in event:
            self._take(event["training"])

    def _take(self, raw: object) -> None:
        try:
            status = msgspec.convert(raw, TrainingStatus)
        except msgspec.ValidationError:
            return  # a server of another version: nothing to show rather than a crash
        if self.status is not None and status.version < self.status.version \
                and status.session_id == self.status.session_id:
            return
        self.status = status
        self.sig_status.emit(status)
