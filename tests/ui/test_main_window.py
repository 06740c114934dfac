"""MainWindow on a small in-code compound with a real Engine: it builds, shows live state,
routes 3D picks and searches to the inspector and the view, and keeps its layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.domain.kinds import Level
from tests.ui.test_main_window_fixtures import (  # noqa: F401 (fixtures)
    SITE_NAME,
    demo_room,
    scripted_engine,
    settings,
)
from ui.main_window import SETTINGS_LANG, MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, scripted_engine, settings):  # noqa: F811
    engine, _source = scripted_engine
    win = MainWindow(demo_room(engine), settings=settings, lang="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(100)  # let the view's deferred first framing run before any teardown
    return win


def test_builds_with_the_3d_view_in_the_middle(window, scripted_engine):  # noqa: F811
    _engine, source = scripted_engine
    assert SITE_NAME in window.windowTitle()
    assert window.centralWidget() is window.compound_view
    assert type(window.compound_view).__name__ == "CompoundView"
    assert window.inspector_dock.widget() is window.inspector
    source.push("S1-TR-1", {"temp_c": 90.0, "load_pct": 50.0})  # warning: above 80
    source.push("B3-U1-1201-WM", {"total_m3": 12.5, "flow_m3h": 0.4})
    window.status.refresh()
    chips = window.status.chips
    assert chips[Level.WARNING].value_text() == "1"
    assert chips[Level.NORMAL].value_text() == "1"
    assert "msg/s" in window.status._rate.text()


def test_3d_pick_shows_the_device_and_rings_it(window, qtbot, scripted_engine):  # noqa: F811
    _engine, source = scripted_engine
    source.push("S1-TR-1", {"temp_c": 71.5, "load_pct": 40.0})
    window.compound_view.sig_device_picked.emit("S1-TR-1")
    assert window.inspector.current_device() == "S1-TR-1"
    assert window.compound_view.selected == "S1-TR-1"
    qtbot.waitUntil(lambda: window.inspector.value_texts().get("temp_c") == "71.50 °C")


def test_search_selects_and_flies_to_the_device(window, qtbot, monkeypatch):
    flown = []
    monkeypatch.setattr(window.compound_view, "fly_to_device", lambda d, *a: flown.append(d))
    search = window.inspector.search
    search.setText("1号变压器")
    search.returnPressed.emit()
    assert window.inspector.current_device() == "S1-TR-1"
    assert window.compound_view.selected == "S1-TR-1"
    assert flown == ["S1-TR-1"]


def test_window_layout_is_restored_on_next_start(qtbot, scripted_engine, tmp_path):  # noqa: F811
    engine, _source = scripted_engine
    path = str(tmp_path / "layout.ini")
    first = MainWindow(demo_room(engine), settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    qtbot.wait(100)
    first.resize(1400, 760)
    first.inspector_dock.hide()
    qtbot.waitUntil(lambda: first.width() == 1400)
    first.close()  # closing saves geometry and dock state
    first.deleteLater()
    qtbot.wait(50)

    second = MainWindow(demo_room(engine), settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    qtbot.wait(100)
    assert (second.width(), second.height()) == (1400, 760)
    assert not second.inspector_dock.isVisible()


def test_language_choice_is_saved_for_the_next_start(window, settings):  # noqa: F811
    zh = next(a for a in window.menus["language"].actions() if a.data() == "zh_CN")
    zh.trigger()
    assert settings.value(SETTINGS_LANG) == "zh_CN"
    assert "next start" in window.statusBar().currentMessage()
