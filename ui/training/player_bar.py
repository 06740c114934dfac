"""The player bar of a training session: play / pause, speed 0.25–10×, a slider over the
whole scenario that seeks where it is let go, the scenario clock, and "inject now" for the
timeline's events still to come. Every control is an instructor's command
(``training.*``, audited); a trainee sees where the run is, the controls greyed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QToolButton,
    QWidget,
)

from app.facade import commands as cmd
from app.facade.room import ControlRoom
from app.security.roles import Permission
from app.training.control import TrainingStatus
from ui.command_feedback import run_command
from ui.training.feed import TrainingFeed

SPEEDS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0)


def clock_text(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


class PlayerBar(QWidget):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingPlayerBar")
        self.room = room
        self.status: TrainingStatus | None = None
        self.may = room.session.may(Permission.INSTRUCT)
        self.play_button = QToolButton()
        self.play_button.setObjectName("TrainingPlay")
        self.play_button.clicked.connect(self._on_play_clicked)
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"×{speed:g}", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.activated.connect(self._on_speed_chosen)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("TrainingSeekSlider")
        self.slider.setMinimumWidth(360)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.time_label = QLabel("00:00:00 / 00:00:00")
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.inject_button = QToolButton()
        self.inject_button.setText(self.tr("Inject now"))
        self.inject_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.inject_menu = QMenu(self.inject_button)
        self.inject_button.setMenu(self.inject_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        title = QLabel(self.tr("Training"))
        title.setStyleSheet("color:#e63c32;font-weight:bold")
        for widget in (title, self.play_button, self.speed, self.slider, self.time_label,
                       self.inject_button, self.state_label):
            layout.addWidget(widget, 1 if widget is self.slider else 0)
        for widget in (self.play_button, self.speed, self.slider, self.inject_button):
            widget.setEnabled(self.may)
        feed = TrainingFeed.of(room)
        feed.sig_status.connect(self.set_status)
        if feed.status is not None:
            self.set_status(feed.status)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(250)

    # ---- state --------------------------------------------------------------------------
    def set_status(self, status: TrainingStatus) -> None:
        self.status = status
        self.slider.setRange(0, int(status.duration_s))
        self.play_button.setText(self.tr("Pause") if status.playing else self.tr("Play"))
        index = self.speed.findData(status.speed)
        if index >= 0:
            self.speed.setCurrentIndex(index)
        if status.busy:
            state = self.tr("Seeking…")
        elif status.finished:
            state = self.tr("Finished")
        elif status.playing:
            state = self.tr("Playing ×%1 (achieved ×%2)").replace(
                "%1", f"{status.speed:g}").replace("%2", f"{status.achieved_speed:g}")
        else:
            state = self.tr("Paused")
        self.state_label.setText(state)
        self.inject_menu.clear()
        for upcoming in status.upcoming:
            action = self.inject_menu.addAction(
                f"{clock_text(upcoming.at - status.start)}  "
                f"{upcoming.label or upcoming.event}")
            action.setData(upcoming.id)
            action.setEnabled(bool(upcoming.id))
            action.triggered.connect(lambda _c=False, i=upcoming.id: self.inject(i))
        self.inject_button.setEnabled(self.may and bool(status.upcoming))
        self._tick()

    def _tick(self) -> None:
        status = self.status
        if status is None:
            return
        at = min(max(self.room.clock() - status.start, 0.0), status.duration_s)
        if not self.slider.isSliderDown():
            self.slider.setValue(int(at))
        self.time_label.setText(f"{clock_text(at)} / {clock_text(status.duration_s)}")

    # ---- the instructor's commands --------------------------------------------------------
    def _on_play_clicked(self) -> None:
        playing = self.status is not None and self.status.playing
        run_command(self, self.room, cmd.TrainingPause() if playing else cmd.TrainingPlay())

    def _on_speed_chosen(self, index: int) -> None:
        run_command(self, self.room, cmd.TrainingSpeed(speed=float(self.speed.itemData(index))))

    def _on_slider_released(self) -> None:
        self.seek(float(self.slider.value()))

    def seek(self, at_s: float) -> None:
        if self.status is not None:
            at_s = min(max(at_s, 0.0), self.status.duration_s)
        run_command(self, self.room, cmd.TrainingSeek(at_s=at_s))

    def inject(self, event_id: str) -> None:
        run_command(self, self.room, cmd.TrainingInject(event_id=event_id))
