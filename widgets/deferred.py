"""DeferredWidget: a place in a layout whose widget is made the first time it is painted
(or asked for), so a panel hidden behind a tab costs nothing at start-up.

A plot is the case in point: pyqtgraph takes ~0.2 s to import and each plot ~20 ms to make,
paid by every desk before its first frame although the plots sit in tabs and in the
inspector's details, unseen until an operator opens them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class DeferredWidget(QWidget, Generic[W]):
    def __init__(self, make: Callable[[], W], parent: QWidget | None = None) -> None:
        """``make()`` returns the widget."""
        super().__init__(parent)
        self._make = make
        self._widget: W | None = None
        self._pending: Callable[[W], None] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def made(self) -> bool:
        return self._widget is not None

    def widget(self) -> W:
        """The widget, made now if it was not yet."""
        if self._widget is None:
            widget = self._widget = self._make()
            self._layout.addWidget(widget)
            # a child added to a shown parent stays hidden until shown itself (Qt's queued
            # show did not come before a screenshot 0.9 s later)
            widget.show()
            pending, self._pending = self._pending, None
            if pending is not None:
                pending(widget)
        return self._widget

    def when_made(self, fill: Callable[[W], None]) -> None:
        """``fill(widget)`` now if the widget is made, else once it is. Only the latest
        waits: each fill is meant to redraw the whole widget (a plot's newest view)."""
        if self._widget is None:
            self._pending = fill
        else:
            fill(self._widget)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # made when first painted, not when shown: a dock behind another's tab counts as
        # shown (Qt keeps it visible, only covered) but is never painted
        super().paintEvent(event)
        if self._widget is None:
            QTimer.singleShot(0, self, self.widget)
