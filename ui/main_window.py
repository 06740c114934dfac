"""MainWindow: the 3D compound view in the middle, the device inspector docked beside it,
a status bar, menus, and window state kept across starts with QSettings.

The window pulls engine state on QTimers (inspector at ``ui.refresh_hz``, status bar once a
second); nothing here runs on, or is called from, a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app import __version__
from app.runtime.engine import Engine
from app.scene.model import Scene
from app.state.store import StateStore
from ui.alarm_board import AlarmBoard
from ui.alarm_history import AlarmHistory
from ui.camera_wall import CameraWall
from ui.dispatch_panel import DispatchPanel
from ui.floor_picker import FloorPicker
from ui.ingest_health import IngestHealthPanel
from ui.inspector import InspectorPanel
from ui.layer_panel import LayerPanel
from ui.status_bar import StatusBar
from ui.view_search import ViewSearch
from ui.viewpoints import ViewpointsPanel

log = logging.getLogger(__name__)

ViewFactory = Callable[[Scene, StateStore, QWidget], QWidget]

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_LANG = "ui/lang"
#: languages offered in the menu, each named in its own language (so never translated)
LANGUAGE_LABELS = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_SIZE = (1920, 1080)  # a control-room screen; clamped to smaller screens


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
    def __init__(self, engine: Engine, *, settings: QSettings | None = None,
                 view_factory: ViewFactory | None = None, lang: str | None = None,
                 restore_state: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.engine = engine
        self.lang = lang
        self._settings = settings if settings is not None else QSettings()
        scene = engine.scene
        self.setWindowTitle(
            self.tr("Smart Property Control Room — %1").replace("%1", scene.site.name))
        self.resize(*self._default_size())

        self.compound_view = self._build_view(view_factory or default_view_factory)
        self._call_view("set_refresh_hz", engine.config.ui.refresh_hz)
        self.setCentralWidget(self.compound_view)
        self.compound_view.sig_device_picked.connect(self._on_device_picked)

        self.inspector = InspectorPanel(engine.store, scene, alarms=engine.alarms)
        self.inspector.sig_device_chosen.connect(self._on_device_searched)
        self.inspector.sig_selection_cleared.connect(self._on_selection_cleared)
        self.inspector_dock = QDockWidget(self.tr("Device inspector"), self)
        self.inspector_dock.setObjectName("InspectorDock")  # QSettings keys dock state by it
        self.inspector_dock.setWidget(self.inspector)
        self.inspector_dock.setMinimumWidth(360)
        self.inspector_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                        | QDockWidget.DockWidgetFeature.DockWidgetClosable
                                        | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self._sized_docks = False

        self._build_view_controls()
        self._build_alarm_dock()
        self._build_camera_wall()
        self._build_operations_dock()

        self.status = StatusBar(engine)
        self.setStatusBar(self.status)
        self._build_menus()
        if restore_state:
            self.restore_window_state()

        hz = engine.config.ui.refresh_hz
        self._ui_timer = QTimer(self)
        self._ui_timer.setInterval(max(16, round(1000 / hz)))
        self._ui_timer.timeout.connect(self._on_ui_tick)
        self._ui_timer.start()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self.status.refresh)
        self._status_timer.start()

    def _default_size(self) -> tuple[int, int]:
        screen = self.screen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry()
        return (min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height()))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._sized_docks:
            # dock sizes only stick once the window has its real size
            self._sized_docks = True
            QTimer.singleShot(0, self, self._size_docks)

    def _size_docks(self) -> None:
        self.resizeDocks([self.inspector_dock], [420], Qt.Orientation.Horizontal)
        if hasattr(self, "alarm_dock"):
            self.resizeDocks([self.alarm_dock], [250], Qt.Orientation.Vertical)

    # ---- building ------------------------------------------------------------------------
    def _build_view(self, factory: ViewFactory) -> QWidget:
        try:
            return factory(self.engine.scene, self.engine.store, self)
        except Exception:  # keep the rest of the control room usable without 3D
            log.exception("the 3D view could not be created; showing a placeholder")
            return _ViewPlaceholder(self.tr("The 3D view is not available on this machine."),
                                    self)

    def _build_view_controls(self) -> None:
        """Layers and floors tabbed with the inspector; search and saved views above the
        view."""
        view = self.compound_view
        if not hasattr(view, "attach_alarms"):  # the placeholder: no 3D, no 3D controls
            return
        view.attach_alarms(self.engine.alarms.book)
        self.layer_panel, self.floor_picker = LayerPanel(view), FloorPicker(view)
        self.view_docks = []
        for title, name, panel in ((self.tr("3D layers"), "LayerDock", self.layer_panel),
                                   (self.tr("Floors"), "FloorDock", self.floor_picker)):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(panel)
            dock.setFeatures(self.inspector_dock.features())
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.view_docks.append(dock)
        # tabbed behind the inspector: the 3D view keeps the width
        for dock in self.view_docks:
            self.tabifyDockWidget(self.inspector_dock, dock)
        self.inspector_dock.raise_()
        self.view_search = ViewSearch(self.engine.scene.devices)
        self.view_search.sig_device_chosen.connect(self._on_device_searched)
        self.viewpoints = ViewpointsPanel(view, self._settings)
        bar = QToolBar(self.tr("3D view"), self)
        bar.setObjectName("ViewToolBar")
        bar.addWidget(self.view_search)
        bar.addWidget(self.viewpoints)
        self.addToolBar(bar)

    def _build_alarm_dock(self) -> None:
        """The alarm board, its history and the data-intake health, docked below the 3D
        view."""
        book = self.engine.alarms.book
        self.alarm_board = AlarmBoard(book, self.engine.store)
        self.alarm_board.sig_device_selected.connect(self._on_alarm_selected)
        self.alarm_history = AlarmHistory(book, self.engine.store)
        self.alarm_tabs = QTabWidget()
        self.alarm_tabs.addTab(self.alarm_board, self.tr("Active alarms"))
        self.alarm_tabs.addTab(self.alarm_history, self.tr("History"))
        self.ingest_health = IngestHealthPanel(self.engine.ingest, self.engine.source)
        self.alarm_tabs.addTab(self.ingest_health, self.tr("Data intake"))
        self.alarm_tabs.currentChanged.connect(self._on_alarm_tab_changed)
        self.alarm_dock = QDockWidget(self.tr("Alarms"), self)
        self.alarm_dock.setObjectName("AlarmDock")
        self.alarm_dock.setWidget(self.alarm_tabs)
        self.alarm_dock.setFeatures(self.inspector_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.alarm_dock)
        if getattr(self.engine, "dispatch", None) is not None:
            self._build_dispatch_dock()

    def _build_dispatch_dock(self) -> None:
        """Work orders and technicians, tabbed with the alarms; technicians and their
        routes go to the 3D view."""
        self.dispatch_panel = DispatchPanel(self.engine.dispatch, self)
        self.dispatch_dock = QDockWidget(self.tr("Dispatch"), self)
        self.dispatch_dock.setObjectName("DispatchDock")
        # in a scroll area: on a short dock the panel scrolls instead of taking 3D height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.dispatch_panel)
        self.dispatch_dock.setWidget(scroll)
        self.dispatch_dock.setFeatures(self.inspector_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dispatch_dock)
        self.tabifyDockWidget(self.alarm_dock, self.dispatch_dock)
        self.alarm_dock.raise_()
        self.dispatch_panel.sig_technicians.connect(self._on_technicians)
        self.dispatch_panel.sig_show_route.connect(self._on_route)

    def _build_camera_wall(self) -> None:
        """The video wall as a dock tabbed with the alarms (float it onto a second screen);
        3D camera clicks and alarm selections put the nearest camera on its main tile."""
        cameras = getattr(self.engine, "cameras", None)
        if cameras is None:
            return
        self.camera_wall = CameraWall(cameras, self.engine.scene, self,
                                      settings=self._settings)
        self.camera_dock = QDockWidget(self.tr("Camera wall"), self)
        self.camera_dock.setObjectName("CameraDock")
        self.camera_dock.setWidget(self.camera_wall)
        self.camera_dock.setFeatures(self.inspector_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.camera_dock)
        self.tabifyDockWidget(self.alarm_dock, self.camera_dock)
        self.alarm_dock.raise_()
        self.camera_wall.sig_event_shown.connect(self._on_camera_event_shown)
        if hasattr(self.compound_view, "sig_camera_picked"):
            self.compound_view.sig_camera_picked.connect(self._on_camera_picked)

    def _build_operations_dock(self) -> None:
        """Energy, parking and chargers (ui.operations_dock), tabbed with the alarms."""
        if getattr(self.engine, "operations", None) is None:
            return
        from ui.operations_dock import OperationsDock

        self.operations_dock = OperationsDock(self.engine.operations, self, lang=self.lang)
        self.operations_dock.setFeatures(self.inspector_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.operations_dock)
        self.tabifyDockWidget(self.alarm_dock, self.operations_dock)
        self.alarm_dock.raise_()

    def _on_camera_picked(self, camera_id: str) -> None:
        self.camera_wall.show_camera(camera_id)
        self.camera_dock.show()
        self.camera_dock.raise_()

    def _on_camera_event_shown(self, _event: object) -> None:
        self.camera_dock.show()
        self.camera_dock.raise_()

    def _show_nearest_camera(self, device_id: str) -> None:
        device = self.engine.scene.device_index().get(device_id)
        if device is None or not hasattr(self, "camera_wall"):
            return
        camera_id = self.camera_wall.manager.nearest_camera(device.location.xyz)
        if camera_id is not None:
            self.camera_wall.show_camera(camera_id)

    def raise_panel(self, name: str) -> bool:
        """Bring a bottom panel to the front: "alarms", "dispatch", "cameras" or
        "operations"."""
        dock = {"alarms": getattr(self, "alarm_dock", None),
                "dispatch": getattr(self, "dispatch_dock", None),
                "cameras": getattr(self, "camera_dock", None),
                "operations": getattr(self, "operations_dock", None)}.get(name)
        if dock is None:
            return False
        dock.show()
        dock.raise_()
        return True

    def _on_technicians(self, positions: object) -> None:
        self._call_view("set_technician_positions", positions)

    def _on_route(self, tech_id: str, points: object) -> None:
        self._call_view("set_technician_route", tech_id, points)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.reset_view_action = QAction(self.tr("&Reset 3D view"), self)
        self.reset_view_action.setShortcut(QKeySequence("Home"))
        self.reset_view_action.triggered.connect(self._on_reset_view)
        view_menu.addAction(self.reset_view_action)
        inspector_toggle = self.inspector_dock.toggleViewAction()
        inspector_toggle.setText(self.tr("Device &inspector"))
        view_menu.addAction(inspector_toggle)
        alarm_toggle = self.alarm_dock.toggleViewAction()
        alarm_toggle.setText(self.tr("&Alarms"))
        view_menu.addAction(alarm_toggle)
        for dock in getattr(self, "view_docks", ()):
            view_menu.addAction(dock.toggleViewAction())
        if hasattr(self, "dispatch_dock"):
            dispatch_toggle = self.dispatch_dock.toggleViewAction()
            dispatch_toggle.setText(self.tr("&Dispatch"))
            view_menu.addAction(dispatch_toggle)
        if hasattr(self, "operations_dock"):
            view_menu.addAction(self.operations_dock.toggleViewAction())
            file_menu.insertAction(self.quit_action, self.operations_dock.energy.report_action)
        if hasattr(self, "camera_dock"):
            camera_toggle = self.camera_dock.toggleViewAction()
            camera_toggle.setText(self.tr("&Camera wall"))
            camera_toggle.setShortcut(QKeySequence("F9"))
            view_menu.addAction(camera_toggle)
        self.full_screen_action = QAction(self.tr("&Full screen"), self, checkable=True)
        self.full_screen_action.setShortcut(QKeySequence.StandardKey.FullScreen)
        self.full_screen_action.toggled.connect(self._on_full_screen)
        view_menu.addAction(self.full_screen_action)
        view_menu.addSeparator()
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in LANGUAGE_LABELS.items():
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.lang)
            action.setData(code)
            group.addAction(action)
            lang_menu.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        lang_menu.addSeparator()
        note = QAction(self.tr("Takes effect at the next start"), self)
        note.setEnabled(False)
        lang_menu.addAction(note)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)
        self.menus = {"file": file_menu, "view": view_menu, "language": lang_menu,
                      "help": help_menu}

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

    def _on_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About"),
            self.tr("<h3>Smart Property Control Room %1</h3>"
                    "<p>The control room of a residential compound: the compound in 3D, "
                    "live devices, alarms and dispatch.</p>").replace("%1", __version__))

    # ---- persistence ---------------------------------------------------------------------
    def restore_window_state(self) -> bool:
        geometry = self._settings.value(SETTINGS_GEOMETRY)
        state = self._settings.value(SETTINGS_STATE)
        restored = bool(geometry) and self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)
        return restored

    def save_window_state(self) -> None:
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTINGS_STATE, self.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._ui_timer.stop()
        self._status_timer.stop()
        if hasattr(self, "camera_wall"):
            self.camera_wall.stop()
        self.save_window_state()
        self._call_view("shutdown")  # the 3D view is a child: it gets no closeEvent itself
        super().closeEvent(event)
