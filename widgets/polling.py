"""poll_every: the timer by which a panel asks its source again (a console's view of the
server's state is pulled, not pushed; the panel keeps what it shows while the server is away)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def poll_every(owner: QObject, ms: int, refresh: Callable[[], None]) -> QTimer:
    """A started timer, owned by ``owner`` (it stops with it), calling ``refresh`` every ``ms``."""
    timer = QTimer(owner)
    timer.setInterval(ms)
    timer.timeout.connect(refresh)
    timer.start()
    return timer
