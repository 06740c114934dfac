"""The desk's Video wall panel on a real engine: shown only to users who may control the
wall; take control, choose a preset, release — each a command the engine records — and a
second console's control shows in the panel, which asks before taking it over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.facade import commands as c
from app.facade.local import LocalControlRoom
from app.facade.session import DEMO_SESSION, Session
from app.security.roles import Grant, Role
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.test_main_window_fixtures import scripted_engine, settings  # noqa: F401
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]


def _window(qtbot, room, settings):  # noqa: ANN001, ANN202, F811
    window = MainWindow(room, settings=settings, restore_state=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_take_control_choose_the_preset_and_release(qtbot, scripted_engine, settings,  # noqa: F811
                                                    monkeypatch):
    engine, _ = scripted_engine
    room = LocalControlRoom(engine, DEMO_SESSION)
    window = _window(qtbot, room, settings)
    assert "wall" in window.docks
    panel = window.wall_panel
    status = lambda: engine.wall.state().status("main")  # noqa: E731
    assert panel.take.isEnabled() and not panel.release.isEnabled()
    assert not panel.buttons["night"].isEnabled()  # only the console in control chooses
    qtbot.mouseClick(panel.take, Qt.MouseButton.LeftButton)
    assert status().held_by(room.session, engine.clock())
    assert panel.buttons["night"].isEnabled() and panel.release.isEnabled()
    panel.buttons["night"].click()
    assert status().preset == "night"
    # another console takes it over: the panel hears it through the room's stream
    wang = LocalControlRoom(engine, Session("wang", "王老师", Grant(Role.INSTRUCTOR),
                                            "desk-2", demo=True))
    wang.execute(c.TakeWallControl(force=True))
    qtbot.waitUntil(lambda: "王老师" in panel.state.text(), timeout=2000)
    assert not panel.buttons["day"].isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.take, Qt.MouseButton.LeftButton)
    assert asked and status().held_by(room.session, engine.clock())
    qtbot.mouseClick(panel.release, Qt.MouseButton.LeftButton)
    assert status().controller is None and status().preset is None
    assert "Nobody controls" in panel.state.text() and panel.buttons[None].isChecked()
    # one screen here: the wall cannot open beside the desk
    assert not panel.show_here.isEnabled()
    wang.close()
    window.close()
    room.close()


def test_a_guard_has_no_wall_panel(qtbot, scripted_engine, settings):  # noqa: F811
    engine, _ = scripted_engine
    guard = LocalControlRoom(engine, Session("zhang", "张伟", Grant(Role.GUARD), "desk-3",
                                             demo=True))
    window = _window(qtbot, guard, settings)
    assert "wall" not in window.docks and not hasattr(window, "wall_panel")
    window.close()
    guard.close()
