"""The debrief: the run's score and where it came from, and its timeline — injected events,
serious alarms, the trainee's actions, the instructor's notes, the deadlines — where
clicking an entry seeks the player to that moment, so the instructor and the trainee can
watch it again. Exported as HTML or PDF (app/training/report.py), one page per run.

It shows the debrief the session makes when the run ends (at its end, or when the
instructor ends it) and keeps it while the player is sent back through it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.facade import commands as cmd
from app.facade.room import ControlRoom
from app.security.roles import Permission
from app.training.control import TrainingStatus
from app.training.debrief import Debrief
from ui.command_feedback import run_command
from ui.training.feed import TrainingFeed
from ui.training.instructor_panel import STATE_COLOURS
from ui.training.player_bar import clock_text

KIND_COLOURS = {"injection": "#8e44ad", "alarm": "#c0392b", "action": "#27ae60",
                "note": "#2980b9", "instructor": "#2980b9", "deadline": "#7f8c8d"}


class DebriefView(QWidget):
    sig_seek = Signal(float)  # seconds after the start

    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DebriefView")
        self.room = room
        self.debrief: Debrief | None = None
        self.may = room.session.may(Permission.INSTRUCT)
        self.score = QLabel("—")
        self.score.setObjectName("DebriefScore")
        self.score.setStyleSheet("font-size:28pt;font-weight:bold")
        self.summary = QLabel(self.tr("The debrief comes when the run ends."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("DebriefTimeline")
        self.timeline.setHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("What"),
                                       self.tr("Who"), self.tr("Result")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setToolTip(self.tr("Click an entry to go back to that moment"))
        self.timeline.itemClicked.connect(self._on_item_clicked)
        self.end_button = QPushButton(self.tr("End the run now"))
        self.end_button.clicked.connect(self.end_run)
        self.end_button.setEnabled(self.may)
        self.html_button = QPushButton(self.tr("Export HTML…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.html_button.clicked.connect(lambda: self._export_dialog(".html"))
        self.pdf_button.clicked.connect(lambda: self._export_dialog(".pdf"))
        self.progress_button = QPushButton(self.tr("Progress…"))
        self.progress_button.clicked.connect(self._show_progress)
        top = QHBoxLayout()
        top.addWidget(self.score)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        for button in (self.end_button, self.html_button, self.pdf_button,
                       self.progress_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        self._set_exportable(False)
        feed = TrainingFeed.of(room)
        feed.sig_status.connect(self._on_status)
        if feed.status is not None:
            self._on_status(feed.status)

    def _set_exportable(self, on: bool) -> None:
        self.html_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    def _on_status(self, status: TrainingStatus) -> None:
        self.end_button.setVisible(not status.finished)
        if status.debrief is not None:
            self.set_debrief(status.debrief)

    def set_debrief(self, d: Debrief) -> None:
        self.debrief = d
        self._set_exportable(True)
        self.score.setText(f"{d.card.score:.0f}")
        ack = f"{d.card.ack_credit:.0%}" if d.card.ack_credit is not None else "—"
        self.summary.setText(
            self.tr("%1 — %2: played %3 of %4; earned %5 of %6 points, penalties %7, acknowledgements %8")  # noqa: E501
            .replace("%1", d.trainee).replace("%2", d.title)
            .replace("%3", clock_text(d.played_s)).replace("%4", clock_text(d.end - d.start))
            .replace("%5", f"{d.card.earned:g}").replace("%6", f"{d.card.possible:g}")
            .replace("%7", f"−{d.card.penalty:g}").replace("%8", ack))
        self.timeline.clear()
        words = {"injection": self.tr("Event"), "alarm": self.tr("Alarm"),
                 "action": self.tr("Trainee"), "note": self.tr("Note"),
                 "instructor": self.tr("Instructor"), "deadline": self.tr("Deadline")}
        for entry in d.timeline:
            item = QTreeWidgetItem([clock_text(entry.at - d.start),
                                    words.get(entry.kind, entry.kind), entry.label,
                                    entry.who, entry.outcome])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.at - d.start)
            item.setForeground(1, QBrush(QColor(KIND_COLOURS.get(entry.kind, "#000"))))
            colour = STATE_COLOURS.get(entry.outcome)
            if colour:
                item.setForeground(4, QBrush(QColor(colour)))
            if entry.detail:
                item.setToolTip(2, entry.detail)
            if entry.rewound:
                font = QFont(item.font(2))
                font.setItalic(True)
                item.setFont(2, font)
            self.timeline.addTopLevelItem(item)
        for column in range(5):
            self.timeline.resizeColumnToContents(column)

    # ---- actions ----------------------------------------------------------------------
    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        at_s = item.data(0, Qt.ItemDataRole.UserRole)
        if at_s is None:
            return
        at_s = max(0.0, float(at_s))
        self.sig_seek.emit(at_s)
        if self.may:
            run_command(self, self.room, cmd.TrainingSeek(at_s=at_s))

    def end_run(self) -> None:
        run_command(self, self.room, cmd.TrainingEnd())

    def export(self, path: str | Path) -> Path:
        from app.training.report import write_report

        if self.debrief is None:
            raise ValueError("no debrief yet")
        return write_report([self.debrief], path)

    def _export_dialog(self, suffix: str) -> None:
        if self.debrief is None:
            return
        name = f"training-{self.debrief.trainee}-{self.debrief.scenario_id}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the debrief"), name,
                                              f"*{suffix}")
        if not path:
            return
        try:
            self.export(path)
        except (OSError, ValueError) as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not exported"), str(exc),
                              QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()

    def _show_progress(self) -> None:
        from ui.training.progress_view import ProgressWindow

        window = ProgressWindow(parent=self.window())
        window.show()
