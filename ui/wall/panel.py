"""WallPanel: the desk's control of the video wall — who controls it, take control (one
console at a time), choose its preset or give it back to the schedule, and, on a one-PC
control room, show the wall on this computer's other screens.

Every action is a command (``wall.take_control``, ``wall.set_preset``, ``wall.release``)
through the room, so the engine decides and audits; the panel shows the state the engine
streams back (``room.wall``, and ``{"wall": …}`` on the bridge). Shown to users who may
control the wall.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.facade import commands as c
from app.facade.room import ControlRoom
from app.wall.control import WallStatus
from app.wall.model import WallFile, WallFileError, load_wall_file
from ui.bridge import RoomBridge
from ui.command_feedback import run_command

log = logging.getLogger(__name__)

_wall_path: Path | None = None


def use_wall_file(path: str | Path | None) -> None:
    """The wall file the desk controls (``--wall-config``); None = the demo's sample."""
    global _wall_path
    _wall_path = Path(path) if path else None


def desk_wall_file() -> WallFile | None:
    path = _wall_path or paths.demo_scene_dir() / "wall.toml"
    try:
        return load_wall_file(path)
    except WallFileError as exc:
        log.warning("wall panel: %s", exc)
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("WallPanel", text)


class WallPanel(QWidget):
    def __init__(self, room: ControlRoom, wall: WallFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.wall = wall
        self.wall_id = wall.wall.id
        self.beside = None  # a WallDisplay on this computer's other screens
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # names come from outside
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        row = QHBoxLayout()
        self.take = QPushButton(self.tr("Take control"))
        self.take.clicked.connect(self._on_take)
        self.release = QPushButton(self.tr("Release"))
        self.release.clicked.connect(self._on_release)
        row.addWidget(self.take)
        row.addWidget(self.release)
        layout.addLayout(row)
        box = QGroupBox(self.tr("Preset"))
        presets = QVBoxLayout(box)
        self.choices = QButtonGroup(self)
        self.buttons: dict[str | None, QRadioButton] = {}
        for name in [None, *wall.preset_names]:
            title = self.tr("Follow the schedule") if name is None else self._title(name)
            button = QRadioButton(title)
            button.clicked.connect(lambda _on=False, n=name: self._on_preset(n))
            self.choices.addButton(button)
            presets.addWidget(button)
            self.buttons[name] = button
        layout.addWidget(box)
        self.show_here = QPushButton(self.tr("Show the wall on the other screens"))
        self.show_here.setCheckable(True)
        self.show_here.toggled.connect(self._on_show_here)
        layout.addWidget(self.show_here)
        layout.addStretch(1)
        RoomBridge.of(room).sig_other.connect(self._on_other)
        self.refresh()

    def _title(self, name: str) -> str:
        layout = self.wall.monitors[0].presets[name]
        return layout.title or name

    # ---- state ---------------------------------------------------------------------------
    def status(self) -> WallStatus:
        reader = getattr(self.room, "wall", None)
        return reader.state().status(self.wall_id) if reader is not None else WallStatus()

    def mine(self) -> bool:
        return self.status().held_by(self.room.session, self.room.clock())

    def refresh(self) -> None:
        status, now = self.status(), self.room.clock()
        holder = status.controller if status.controlled(now) else None
        if holder is None:
            text = self.tr("Nobody controls the wall: it follows its schedule.")
        else:
            since = time.strftime("%H:%M", time.localtime(holder.since))
            who = holder.display_name or holder.user
            text = (self.tr("You control the wall (since %1).").replace("%1", since)
                    if self.mine() else
                    self.tr("%1 controls the wall from %2 (since %3).").replace("%1", who)
                    .replace("%2", holder.console).replace("%3", since))
        self.state.setText(text)
        mine = self.mine()
        self.take.setEnabled(not mine)
        self.release.setEnabled(mine)
        chosen = status.preset if holder is not None else None
        for name, button in self.buttons.items():
            button.setEnabled(mine)
            button.setChecked(name == chosen)
        self.show_here.setEnabled(len(QGuiApplication.screens()) > 1 or self.beside is not None)

    def _on_other(self, event: object) -> None:
        if isinstance(event, dict) and "wall" in event:
            self.refresh()

    # ---- actions -------------------------------------------------------------------------
    def _on_take(self) -> None:
        status, now = self.status(), self.room.clock()
        force = False
        if status.controlled(now) and not self.mine():
            holder = status.controller
            assert holder is not None
            answer = QMessageBox.question(
                self, self.tr("Take control"),
                self.tr("%1 controls the wall from %2. Take it over?")
                .replace("%1", holder.display_name or holder.user)
                .replace("%2", holder.console))
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        run_command(self, self.room, c.TakeWallControl(wall=self.wall_id, force=force))
        self.refresh()

    def _on_release(self) -> None:
        run_command(self, self.room, c.ReleaseWall(wall=self.wall_id))
        self.refresh()

    def _on_preset(self, name: str | None) -> None:
        run_command(self, self.room, c.SetWallPreset(wall=self.wall_id, preset=name))
        self.refresh()

    def _on_show_here(self, on: bool) -> None:
        if on and self.beside is None:
            self.beside = open_wall_beside(self.window(), self.room, self.wall)
        elif not on and self.beside is not None:
            self.beside.close()
            self.beside = None

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.beside is not None:
            self.beside.close()
            self.beside = None
        super().closeEvent(event)


class _CloseWithDesk(QObject):
    """Closes the wall when its desk window closes (the wall has no close button)."""

    def __init__(self, desk: QWidget, display) -> None:  # noqa: ANN001
        super().__init__(desk)
        self.display = display
        desk.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close and self.display is not None:
            self.display.close()
            self.display = None
        return False


def open_wall_beside(desk: QWidget, room: ControlRoom, wall: WallFile):  # noqa: ANN201
    """The wall on every screen but the desk's (all screens when there is only one). It
    shares the desk's room and sends nothing; it closes with the desk."""
    from ui.wall.display import WallDisplay

    screens = QGuiApplication.screens()
    here = desk.screen() if desk is not None else None
    others = [s for s in screens if s is not here] or screens
    display = WallDisplay(room, wall, screens=others)
    if desk is not None:
        _CloseWithDesk(desk, display)
    return display
