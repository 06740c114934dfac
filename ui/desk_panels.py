"""The desk's panels, each built once and registered by id (``MainWindow.add_panel``):
inspector, 3D layers and floors, alarms (board, history, data intake), dispatch, camera wall,
audit trail. Workspaces (ui/workspaces.py) place them by these ids. A panel the room cannot
feed (no dispatch, no cameras) or the user may not see (the audit trail) is not built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QScrollArea, QTabWidget, QToolBar

from app.security.roles import Permission
from ui.alarm_board import AlarmBoard
from ui.alarm_history import AlarmHistory
from ui.bridge import RoomBridge
from ui.camera_wall import CameraWall
from ui.dispatch_panel import DispatchPanel
from ui.floor_picker import FloorPicker
from ui.ingest_health import IngestHealthPanel
from ui.inspector import InspectorPanel
from ui.layer_panel import LayerPanel
from ui.view_search import ViewSearch
from ui.viewpoints import ViewpointsPanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: the words of this module, translated in the window's own context (listed here so
#: lupdate finds them; ``_tr`` looks them up)
_WORDS = (
    QT_TRANSLATE_NOOP("MainWindow", "Device inspector"),
    QT_TRANSLATE_NOOP("MainWindow", "Audit trail"),
    QT_TRANSLATE_NOOP("MainWindow", "3D layers"),
    QT_TRANSLATE_NOOP("MainWindow", "Floors"),
    QT_TRANSLATE_NOOP("MainWindow", "3D view"),
    QT_TRANSLATE_NOOP("MainWindow", "Active alarms"),
    QT_TRANSLATE_NOOP("MainWindow", "History"),
    QT_TRANSLATE_NOOP("MainWindow", "Data intake"),
    QT_TRANSLATE_NOOP("MainWindow", "Alarms"),
    QT_TRANSLATE_NOOP("MainWindow", "Dispatch"),
    QT_TRANSLATE_NOOP("MainWindow", "Camera wall"),
    QT_TRANSLATE_NOOP("MainWindow", "Video wall"),
    QT_TRANSLATE_NOOP("MainWindow", "Operations"),
    QT_TRANSLATE_NOOP("MainWindow", "Construction review"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build_desk_panels(w: MainWindow) -> None:
    room = w.room
    w.inspector = InspectorPanel(room)
    w.inspector.sig_device_chosen.connect(w._on_device_searched)
    w.inspector.sig_selection_cleared.connect(w._on_selection_cleared)
    w.inspector_dock = w.add_panel("inspector", _tr("Device inspector"), w.inspector,
                                   object_name="InspectorDock")
    w.inspector_dock.setMinimumWidth(360)
    _view_controls(w)
    _alarms(w)
    if room.dispatch is not None:
        _dispatch(w)
    if room.cameras is not None:
        _cameras(w)
    if room.session.may(Permission.CONTROL_WALL):
        _wall(w)
    if getattr(room, "operations", None) is not None:
        from ui.operations_dock import OperationsPanel

        w.operations_panel = OperationsPanel(room.operations, lang=w.lang,
                                             operator=room.session.user)
        w.operations_dock = w.add_panel("operations", _tr("Operations"), w.operations_panel,
                                        object_name="OperationsDock")
    if room.session.may(Permission.VIEW_AUDIT):
        from ui.audit_panel import AuditPanel

        w.audit_panel = AuditPanel(room)
        w.add_panel("audit", _tr("Audit trail"), w.audit_panel, object_name="AuditDock")
    if room.session.training:  # the watermark, the player, the instructor and the debrief
        from ui.training.desk import add_training_panels

        add_training_panels(w)


def _view_controls(w: MainWindow) -> None:
    """Layers and floors beside the inspector; search and saved views above the view."""
    view = w.compound_view
    w.view_docks = []
    if not hasattr(view, "attach_alarms"):  # the placeholder: no 3D, no 3D controls
        return
    view.attach_alarms(w.room.alarms, RoomBridge.of(w.room))
    w.layer_panel, w.floor_picker = LayerPanel(view), FloorPicker(view)
    w.view_docks = [w.add_panel("layers", _tr("3D layers"), w.layer_panel,
                                object_name="LayerDock"),
                    w.add_panel("floors", _tr("Floors"), w.floor_picker,
                                object_name="FloorDock")]
    w.view_search = ViewSearch(w.room.scene.devices)
    w.view_search.sig_device_chosen.connect(w._on_device_searched)
    w.viewpoints = ViewpointsPanel(view, w._settings)
    bar = QToolBar(_tr("3D view"), w)
    bar.setObjectName("ViewToolBar")
    bar.addWidget(w.view_search)
    bar.addWidget(w.viewpoints)
    w.addToolBar(bar)


def _alarms(w: MainWindow) -> None:
    w.alarm_board = AlarmBoard(w.room)
    w.alarm_board.sig_device_selected.connect(w._on_alarm_selected)
    w.alarm_history = AlarmHistory(w.room)
    w.alarm_tabs = QTabWidget()
    w.alarm_tabs.addTab(w.alarm_board, _tr("Active alarms"))
    w.alarm_tabs.addTab(w.alarm_history, _tr("History"))
    w.ingest_health = IngestHealthPanel(w.room)
    w.alarm_tabs.addTab(w.ingest_health, _tr("Data intake"))
    w.alarm_tabs.currentChanged.connect(w._on_alarm_tab_changed)
    w.alarm_dock = w.add_panel("alarms", _tr("Alarms"), w.alarm_tabs,
                               object_name="AlarmDock")


def _dispatch(w: MainWindow) -> None:
    """Work orders and technicians; technicians and their routes go to the 3D view."""
    w.dispatch_panel = DispatchPanel(w.room, w)
    # in a scroll area: on a short dock the panel scrolls instead of taking 3D height
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(w.dispatch_panel)
    w.dispatch_dock = w.add_panel("dispatch", _tr("Dispatch"), scroll,
                                  object_name="DispatchDock")
    w.dispatch_panel.sig_technicians.connect(w._on_technicians)
    w.dispatch_panel.sig_show_route.connect(w._on_route)


def _wall(w: MainWindow) -> None:
    """Control of the video wall (take control, preset), for those who may."""
    from ui.wall.panel import WallPanel, desk_wall_file

    wall = desk_wall_file()
    if wall is None:
        return
    w.wall_panel = WallPanel(w.room, wall)
    w.add_panel("wall", _tr("Video wall"), w.wall_panel, object_name="WallDock")


def _cameras(w: MainWindow) -> None:
    """The camera wall; 3D camera clicks and alarm selections put the nearest camera on
    its main tile."""
    w.camera_wall = CameraWall(w.room, w, settings=w._settings)
    w.camera_dock = w.add_panel("cameras", _tr("Camera wall"), w.camera_wall,
                                object_name="CameraDock")
    w.camera_wall.sig_event_shown.connect(w._on_camera_event_shown)
    if getattr(w.room.cameras, "construction", None) is not None:
        from ui.change_review import ChangeReview

        w.change_review = ChangeReview(w.room)
        w.add_panel("changes", _tr("Construction review"), w.change_review,
                    object_name="ChangeReviewDock")
        scene_view = getattr(w.compound_view, "scene_view", None)
        if scene_view is not None:
            from ui.construction_3d import ConstructionOverlay

            w.construction_3d = ConstructionOverlay(w.room, scene_view)
    if hasattr(w.compound_view, "sig_camera_picked"):
        w.compound_view.sig_camera_picked.connect(w._on_camera_picked)
