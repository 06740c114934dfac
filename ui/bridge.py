"""The one bridge of a process from the engine's change stream to the GUI thread.

``RoomBridge.of(room)`` is created once per ControlRoom: it subscribes to ``room.subscribe``
(engine or network threads call it) and re-emits each change on the GUI thread as a typed,
queued Qt signal. Views connect to these signals instead of subscribing to engine objects
themselves, so no view is ever called from another thread, and a view that dies simply
stops being connected (Qt disconnects it).
"""

from __future__ import annotations

import contextlib
import weakref

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from app.alarms.model import AlarmChanged
from app.dispatch.service import DispatchEvent
from app.facade.room import ControlRoom, LinkState
from app.vision.camera_types import CameraEvent

_BRIDGES: weakref.WeakKeyDictionary[object, RoomBridge] = weakref.WeakKeyDictionary()


class RoomBridge(QObject):
    sig_alarm = Signal(object)  # AlarmChanged
    sig_dispatch = Signal(object)  # DispatchEvent
    sig_camera = Signal(object)  # CameraEvent
    sig_link = Signal(object)  # LinkState (a remote console's server link)
    sig_other = Signal(object)  # anything else a room streams (wall, training)
    _sig_any = Signal(object)

    def __init__(self, room: ControlRoom, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sig_any.connect(self._route, Qt.ConnectionType.QueuedConnection)
        self._subscription = room.subscribe(self._from_engine)

    @classmethod
    def of(cls, room: ControlRoom) -> RoomBridge:
        bridge = _BRIDGES.get(room)
        if bridge is None:
            bridge = cls(room, QCoreApplication.instance())
            _BRIDGES[room] = bridge
        return bridge

    def _from_engine(self, event: object) -> None:  # any thread
        # the application may be shutting down: the bridge's C++ side can be gone
        with contextlib.suppress(RuntimeError):
            self._sig_any.emit(event)

    def _route(self, event: object) -> None:  # GUI thread
        if isinstance(event, AlarmChanged):
            self.sig_alarm.emit(event)
        elif isinstance(event, DispatchEvent):
            self.sig_dispatch.emit(event)
        elif isinstance(event, CameraEvent):
            self.sig_camera.emit(event)
        elif isinstance(event, LinkState):
            self.sig_link.emit(event)
        else:
            self.sig_other.emit(event)

    def close(self) -> None:
        self._subscription.close()
