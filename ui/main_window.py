"""MainWindow: the 3D compound view in the middle, the desk's panels around it (placed by
the user's workspace), a status bar, menus, and the layout kept per user with QSettings.

The window runs on a ControlRoom — the engine in this process or a server's console —
without knowing which. It pulls state on QTimers (inspector at ``ui.refresh_hz``, status bar
once a second); changes pushed by the engine arrive through the process's RoomBridge on the
GUI thread; nothing here runs on, or is called from, a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from app.facade.room import ControlRoom
from app.facade.session import Session
from app.scene.model import Scene
from app.state.store import StateStore
from ui.console_guard import ConsoleGuard
from ui.desk_panels import build_desk_panels
from ui.status_bar import StatusBar
from ui.window_menus import LANGUAGE_LABELS, build_menus
from ui.workspaces import (
    BOTTOM,
    WORKSPACES,
    apply_workspace,
    default_workspace,
    size_workspace,
)

log = logging.getLogger(__name__)

ViewFactory = Callable[[Scene, StateStore, QWidget], QWidget]

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_LANG = "ui/lang"
DEFAULT_SIZE = (1920, 1080)  # a control-room screen; clamped to smaller screens
__all__ = ["LANGUAGE_LABELS", "MainWindow", "SETTINGS_LANG", "window_title"]


def window_title(title: str, session: Session) -> str:
    """The title says who is at the console; the demo says it is a demo, training says it
    is training, so no screenshot can pass for production."""
    if session.training:
        title = QCoreApplication.translate("MainWindow", "TRAINING") + " — " + title
    if session.demo:
        return QCoreApplication.translate("MainWindow", "DEMO") + " — " + title
    return f"{title} — {session.display_name}"


def default_view_factory(scene: Scene, store: StateStore, parent: QWidget) -> QWidget:
    from ui.compound_view import CompoundView

    return CompoundView(scene, store, parent)


class _ViewPlaceholder(QLabel):
    """Stands where the 3D view goes when it cannot be built (e.g. no OpenGL)."""

    sig_device_picked = Signal(str)
    sig_first_live_frame = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("ViewPlaceholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


class MainWindow(QMainWindow):
    def __init__(self, room: ControlRoom, *, settings: QSettings | None = None,
                 view_factory: ViewFactory | None = None, lang: str | None = None,
                 restore_state: bool = True, idle_lock_s: float = 600.0,
                 workspace: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.room = room
        self.lang = lang
        self._settings = settings if settings is not None else QSettings()
        self.docks: dict[str, QDockWidget] = {}
        self.current_workspace = ""
        # side columns run the full height; the bottom area sits between them, under the view
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setWindowTitle(window_title(self.tr("Smart Property Control Room — %1")
                                         .replace("%1", room.scene.site.name), room.session))
        self.resize(*self._default_size())

        self.compound_view = self._build_view(view_factory or default_view_factory)
        self._call_view("set_refresh_hz", room.refresh_hz)
        self.setCentralWidget(self.compound_view)
        self.compound_view.sig_device_picked.connect(self._on_device_picked)
        build_desk_panels(self)
        self.status = StatusBar(room)
        self.setStatusBar(self.status)
        self.guard = ConsoleGuard(self, idle_lock_s)
        build_menus(self)
        chosen = WORKSPACES.get(workspace or "") or default_workspace(room.session.role)
        apply_workspace(self, chosen)
        self._sized = False
        self._restored = restore_state and self.restore_window_state()

        self._ui_timer = QTimer(self)
        self._ui_timer.setInterval(max(16, round(1000 / room.refresh_hz)))
        self._ui_timer.timeout.connect(self._on_ui_tick)
        self._ui_timer.start()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self.status.refresh)
        self._status_timer.start()

    # ---- panels and workspaces -----------------------------------------------------------
    def add_panel(self, panel_id: str, title: str, widget: QWidget, *,
                  area: Qt.DockWidgetArea = BOTTOM, object_name: str = "") -> QDockWidget:
        """Dock ``widget`` as the panel ``panel_id`` (workspaces place it by this id)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"{panel_id.title().replace('_', '')}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[panel_id] = dock
        return dock

    def use_workspace(self, name: str) -> None:
        apply_workspace(self, WORKSPACES[name])
        self._settings.setValue(self._key("workspace"), name)

    def _key(self, what: str) -> str:
        """Layouts are kept per user: a guard's arrangement is not the dispatcher's."""
        return f"main_window/{self.room.session.user}/{what}"

    def _default_size(self) -> tuple[int, int]:
        screen = self.screen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry()
        return (min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height()))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._sized:
            # dock sizes only stick once the window has its real size
            self._sized = True
            if not self._restored:
                QTimer.singleShot(0, self, lambda: size_workspace(
                    self, WORKSPACES.get(self.current_workspace)
                    or default_workspace(self.room.session.role)))

    def _build_view(self, factory: ViewFactory) -> QWidget:
        try:
            return factory(self.room.scene, self.room.store, self)
        except Exception:  # keep the rest of the control room usable without 3D
            log.exception("the 3D view could not be created; showing a placeholder")
            return _ViewPlaceholder(self.tr("The 3D view is not available on this machine."),
                                    self)

    # ---- panels reacting to each other ---------------------------------------------------
    def _on_camera_picked(self, camera_id: str) -> None:
        self.camera_wall.show_camera(camera_id)
        self.camera_dock.show()
        self.camera_dock.raise_()

    def _on_camera_event_shown(self, _event: object) -> None:
        self.camera_dock.show()
        self.camera_dock.raise_()

    def _show_nearest_camera(self, device_id: str) -> None:
        device = self.room.scene.device_index().get(device_id)
        if device is None or not hasattr(self, "camera_wall"):
            return
        camera_id = self.camera_wall.manager.nearest_camera(device.location.xyz)
        if camera_id is not None:
            self.camera_wall.show_camera(camera_id)

    def raise_panel(self, name: str) -> bool:
        """Bring a panel to the front: "alarms", "dispatch", "cameras", "audit" …"""
        dock = self.docks.get(name)
        if dock is None:
            return False
        dock.show()
        dock.raise_()
        return True

    def _on_technicians(self, positions: object) -> None:
        self._call_view("set_technician_positions", positions)

    def _on_route(self, tech_id: str, points: object) -> None:
        self._call_view("set_technician_route", tech_id, points)

    # ---- selection -----------------------------------------------------------------------
    def select_device(self, device_id: str, *, fly: bool = False) -> None:
        """Show ``device_id`` in the inspector and highlight it in 3D (flying to it when
        asked: a search result may be out of sight, a picked device is not)."""
        self.inspector.show_device(device_id)
        self._call_view("select_device", device_id)
        if fly:
            self._call_view("fly_to_device", device_id)

    def _call_view(self, name: str, *args: object) -> None:
        method = getattr(self.compound_view, name, None)
        if method is not None:
            method(*args)

    def _on_device_picked(self, device_id: str) -> None:
        self.select_device(device_id)

    def _on_device_searched(self, device_id: str) -> None:
        self.select_device(device_id, fly=True)

    def _on_alarm_selected(self, device_id: str) -> None:
        self.select_device(device_id, fly=True)
        self._show_nearest_camera(device_id)

    def _on_alarm_tab_changed(self, index: int) -> None:
        if self.alarm_tabs.widget(index) is self.alarm_history:
            self.alarm_history.refresh()

    def _on_selection_cleared(self) -> None:
        self._call_view("select_device", None)

    # ---- slots ---------------------------------------------------------------------------
    def _on_ui_tick(self) -> None:
        self.inspector.refresh()

    def _on_reset_view(self) -> None:
        self._call_view("reset_view")

    def _on_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def _on_language_chosen(self, action: QAction) -> None:
        code = action.data()
        self._settings.setValue(SETTINGS_LANG, code)
        if code != self.lang:
            self.statusBar().showMessage(
                self.tr("Language saved: %1. It takes effect at the next start.")
                .replace("%1", LANGUAGE_LABELS[code]), 8000)

    # ---- persistence ---------------------------------------------------------------------
    def restore_window_state(self) -> bool:
        """The user's own last layout, if they have one; True when restored."""
        geometry = self._settings.value(self._key("geometry"))
        state = self._settings.value(self._key("state"))
        name = self._settings.value(self._key("workspace"))
        if name in WORKSPACES:
            apply_workspace(self, WORKSPACES[name])
        restored = bool(state) and self.restoreState(state)
        if geometry:  # last: docks placed before must not change the window's size
            self.restoreGeometry(geometry)
        return restored

    def save_window_state(self) -> None:
        self._settings.setValue(self._key("geometry"), self.saveGeometry())
        self._settings.setValue(self._key("state"), self.saveState())
        self._settings.setValue(self._key("workspace"), self.current_workspace)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._ui_timer.stop()
        self._status_timer.stop()
        self.guard.stop()
        if hasattr(self, "camera_wall"):
            self.camera_wall.stop()
        self.save_window_state()
        self._call_view("shutdown")  # the 3D view is a child: it gets no closeEvent itself
        super().closeEvent(event)
