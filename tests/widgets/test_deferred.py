"""DeferredWidget: a panel behind a tab makes its widget (a plot: pyqtgraph's import and the
plot itself, ~0.25 s of a desk's start-up) only when an operator brings it to the front."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from widgets.deferred import DeferredWidget

pytestmark = pytest.mark.gui


class _Maker:
    def __init__(self) -> None:
        self.made: list[QLabel] = []
        self.filled: list[QLabel] = []

    def make(self) -> QLabel:
        label = QLabel("plot")
        self.made.append(label)
        return label

    def fill(self, label: QLabel) -> None:
        self.filled.append(label)


def _settle(qtbot) -> None:  # noqa: ANN001
    qtbot.wait(150)  # paint events, then the 0 ms timer a paint queues


def test_a_dock_behind_another_tab_is_made_when_raised(qtbot):
    # the desk's case: Qt keeps a tabbed dock "visible" behind the front one, only covered
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("3D"))
    maker = _Maker()
    front, back = QDockWidget("Alarms"), QDockWidget("Operations")
    front.setWidget(QLabel("alarms"))
    place = DeferredWidget(maker.make)
    place.when_made(maker.fill)  # what arrived before it was made
    back.setWidget(place)
    for dock in (front, back):
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(front, back)
    front.raise_()
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot)
    assert maker.made == [], "a covered dock made its widget at start"

    back.raise_()
    qtbot.waitUntil(lambda: len(maker.made) == 1)
    assert maker.filled == maker.made  # filled once, with what arrived meanwhile
    assert back.widget().widget() is maker.made[0]
    assert maker.made[0].isVisible()
    front.raise_()
    back.raise_()
    _settle(qtbot)
    assert len(maker.made) == 1 and len(maker.filled) == 1  # made once


def test_a_tab_page_is_made_when_shown_and_asking_makes_it_at_once(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    maker = _Maker()
    place = DeferredWidget(maker.make)
    place.when_made(maker.fill)
    tabs.addTab(QLabel("first"), "first")
    tabs.addTab(place, "second")
    tabs.show()
    qtbot.waitExposed(tabs)
    _settle(qtbot)
    assert not place.made
    tabs.setCurrentWidget(place)
    qtbot.waitUntil(lambda: place.made)

    other = DeferredWidget(maker.make)  # never shown
    qtbot.addWidget(other)
    superseded: list[QLabel] = []
    other.when_made(superseded.append)  # an older view, replaced by the newer one below
    other.when_made(maker.fill)
    label = other.widget()  # a caller that needs it now (a test, a report)
    assert other.made and label is maker.made[-1] and maker.filled[-1] is label
    assert other.widget() is label
    assert superseded == []  # only the newest fill waits
    other.when_made(maker.fill)  # once made, a fill applies at once
    assert maker.filled[-2:] == [label, label]


def test_a_widget_made_in_a_shown_place_is_shown_with_it(qtbot):
    # Qt shows a child added to a shown parent only through a queued call: a screenshot
    # taken before that came showed an empty place where the plot was already made
    maker = _Maker()
    place = DeferredWidget(maker.make)
    qtbot.addWidget(place)
    place.show()
    qtbot.waitExposed(place)
    assert place.widget().isVisible()
