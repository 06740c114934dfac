"""A desk in a training session: the watermark over the whole window, the 3D view and any
panel floated out of it, the player bar along the top, the instructor's panel (for whoever
may instruct) and the debrief on the right whatever the workspace, and the cameras the
trainee looks at reported to the engine (``camera.view``) so "the right camera checked"
can be scored.
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QToolBar

from app.facade import commands as cmd
from app.facade.errors import CommandError
from app.security.roles import Permission
from ui.training.debrief_view import DebriefView
from ui.training.instructor_panel import InstructorPanel
from ui.training.player_bar import PlayerBar
from ui.training.watermark import install_watermark, mark_floating
from ui.workspaces import RIGHT, Placement

if TYPE_CHECKING:
    from ui.main_window import MainWindow

REPEAT_VIEW_S = 5.0  # the same camera again within this long is one look, not two
_WORDS = (  # listed for lupdate; ``_tr`` looks them up
    QT_TRANSLATE_NOOP("TrainingDesk", "Training player"),
    QT_TRANSLATE_NOOP("TrainingDesk", "Instructor"),
    QT_TRANSLATE_NOOP("TrainingDesk", "Debrief"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingDesk", text)


def add_training_panels(w: MainWindow) -> None:
    room = w.room
    bar = QToolBar(_tr("Training player"), w)
    bar.setObjectName("TrainingToolBar")
    bar.setMovable(False)
    w.player_bar = PlayerBar(room)
    bar.addWidget(w.player_bar)
    w.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # a row of its own: a long slider
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    pinned = []
    if room.session.may(Permission.INSTRUCT):
        w.instructor_panel = InstructorPanel(room)
        w.add_panel("instructor", _tr("Instructor"), w.instructor_panel, area=RIGHT,
                    object_name="InstructorDock")
        pinned.append(Placement("instructor", RIGHT, "training"))
    w.debrief_view = DebriefView(room)
    w.add_panel("debrief", _tr("Debrief"), w.debrief_view, area=RIGHT,
                object_name="DebriefDock")
    pinned.append(Placement("debrief", RIGHT, "training"))
    w.pinned_placements = tuple(pinned)
    wall = getattr(w, "camera_wall", None)
    if wall is not None:
        wall.sig_camera_selected.connect(CameraViews(room).seen)
    w.watermark = install_watermark(w)
    for dock in w.docks.values():  # a panel floated out is a window: marked too
        dock.topLevelChanged.connect(lambda floating, d=dock: mark_floating(d, floating))


class CameraViews:
    """Tells the engine which camera the trainee put on screen (audited as a view)."""

    def __init__(self, room) -> None:  # noqa: ANN001 (a ControlRoom)
        self.room = room
        self._last: tuple[str, float] = ("", 0.0)

    def seen(self, camera_id: str) -> None:
        now = time.monotonic()
        if camera_id == self._last[0] and now - self._last[1] < REPEAT_VIEW_S:
            return
        self._last = (camera_id, now)
        # a look is not worth an error box: out of scope means not shown anyway
        with contextlib.suppress(CommandError):
            self.room.execute(cmd.ViewCamera(camera_id=camera_id))
