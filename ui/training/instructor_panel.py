"""The instructor's panel: the trainee's actions as they happen (refused and failed ones in
red, rewound ones greyed), the expected actions' checklist with the points so far, the
events injected and to come, and the timeline notes, with a line to add one at the present
moment (``training.annotate``). Everything comes from the session's ``TrainingStatus``, so
it works the same at the trainee's desk and at an instructor's console of a training server.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.facade import commands as cmd
from app.facade.room import ControlRoom
from app.security.roles import Permission
from app.training.control import TrainingStatus
from ui.command_feedback import run_command
from ui.training.feed import TrainingFeed
from ui.training.player_bar import clock_text

STATE_COLOURS = {"done": "#27ae60", "late": "#e67e22", "missed": "#c0392b", "open": "#2980b9",
                 "waiting": "#7f8c8d", "ok": "#27ae60", "refused": "#c0392b",
                 "failed": "#c0392b"}


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    return tree


def _paint(item: QTreeWidgetItem, column: int, state: str) -> None:
    colour = STATE_COLOURS.get(state)
    if colour:
        item.setForeground(column, QBrush(QColor(colour)))


class InstructorPanel(QWidget):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InstructorPanel")
        self.room = room
        self.status: TrainingStatus | None = None
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.actions = _tree([self.tr("Time"), self.tr("Who"), self.tr("Action"),
                              self.tr("On"), self.tr("Result")])
        self.expected = _tree([self.tr("Expected action"), self.tr("Due"), self.tr("State"),
                               self.tr("Points")])
        self.events = _tree([self.tr("Time"), self.tr("Event"), self.tr("On"), self.tr("By")])
        self.notes = _tree([self.tr("Time"), self.tr("Who"), self.tr("Note")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.actions, self.tr("Trainee's actions"))
        self.tabs.addTab(self.expected, self.tr("Expected"))
        self.tabs.addTab(self.events, self.tr("Events"))
        self.tabs.addTab(self.notes, self.tr("Notes"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("A note on the timeline, at this moment…"))
        self.note_edit.setMaxLength(2000)
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_edit.returnPressed.connect(self.add_note)
        self.note_button.clicked.connect(self.add_note)
        may = room.session.may(Permission.INSTRUCT)
        self.note_edit.setEnabled(may)
        self.note_button.setEnabled(may)
        row = QHBoxLayout()
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        feed = TrainingFeed.of(room)
        feed.sig_status.connect(self.set_status)
        if feed.status is not None:
            self.set_status(feed.status)

    def add_note(self) -> None:
        text = self.note_edit.text().strip()
        if text and run_command(self, self.room, cmd.TrainingAnnotate(text=text)) is not None:
            self.note_edit.clear()

    def set_status(self, s: TrainingStatus) -> None:
        self.status = s
        self.heading.setText(self.tr("%1 — trainee %2 — points %3 of %4 due so far")
                             .replace("%1", s.title).replace("%2", s.trainee)
                             .replace("%3", f"{s.points:g}").replace("%4", f"{s.points_due:g}"))
        self.actions.clear()
        for a in reversed(s.actions):
            target = a.context.get("device_id") or a.context.get("camera_id") or a.object
            item = QTreeWidgetItem([clock_text(a.at - s.start), a.user, a.command,
                                    str(target or ""), a.outcome + (f": {a.why}" if a.why
                                                                    else "")])
            _paint(item, 4, a.outcome)
            if a.rewound:
                font = QFont(item.font(0))
                font.setItalic(True)
                for column in range(5):
                    item.setFont(column, font)
                    item.setForeground(column, QBrush(QColor("#7f8c8d")))
                item.setToolTip(0, self.tr("Rewound: the instructor went back before it"))
            self.actions.addTopLevelItem(item)
        self.expected.clear()
        for e in s.expected:
            item = QTreeWidgetItem([e.label or f"{e.action} ({e.id})",
                                    clock_text(e.due_at - s.start) if e.due_at else "—",
                                    e.state, f"{e.weight * e.credit:g} / {e.weight:g}"])
            _paint(item, 2, e.state)
            if e.note:
                item.setToolTip(0, e.note)
            self.expected.addTopLevelItem(item)
        self.events.clear()
        for f in s.injections:
            self.events.addTopLevelItem(QTreeWidgetItem([
                clock_text(f.at - s.start), f.label or f.event, ", ".join(f.targets[:3]),
                f.by]))
        for u in s.upcoming:
            item = QTreeWidgetItem([clock_text(u.at - s.start), u.label or u.event,
                                    self.tr("to come"), ""])
            item.setForeground(1, QBrush(QColor("#7f8c8d")))
            self.events.addTopLevelItem(item)
        self.notes.clear()
        for n in s.notes:
            self.notes.addTopLevelItem(QTreeWidgetItem([clock_text(n.at - s.start), n.by,
                                                        n.text if n.kind == "note"
                                                        else f"[{n.kind}] {n.text}"]))
