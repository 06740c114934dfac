"""A console left alone locks itself (MLPS 2.0: 10 minutes by default).

``IdleWatch`` watches every keyboard and mouse event of the application; when none came for
``idle_s`` it emits ``sig_idle`` once, and the window asks the user's password
(``UnlockDialog``) before anything else can be done. The video keeps playing behind the lock:
a locked console still shows what happens, it only accepts no commands.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleWatch(QObject):
    sig_idle = Signal()

    def __init__(self, idle_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_s = idle_s
        self._last = time.monotonic()
        self.locked = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(max(250, min(5000, int(idle_s * 1000 / 4))))
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT and not self.locked:
            self._last = time.monotonic()
        return False

    def idle_for(self) -> float:
        return time.monotonic() - self._last

    def _check(self) -> None:
        if not self.locked and self.idle_for() >= self.idle_s:
            self.locked = True
            self.sig_idle.emit()

    def unlocked(self) -> None:
        self.locked = False
        self._last = time.monotonic()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
