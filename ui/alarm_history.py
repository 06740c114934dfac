"""Alarm history: closed alarms with search, and how long each took to acknowledge and to
clear — the figures a shift supervisor reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.alarms.model import Alarm
from app.facade.room import ControlRoom
from ui.alarm_labels import describe, device_label, severity_name, type_name
from ui.alarm_timeline import timeline_rows
from widgets.timeline import Timeline


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = max(0.0, seconds)
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def time_to_acknowledge(alarm: Alarm) -> float | None:
    return None if alarm.acknowledged_at is None else alarm.acknowledged_at - alarm.raised_at


def time_to_clear(alarm: Alarm) -> float | None:
    return None if alarm.cleared_at is None else alarm.cleared_at - alarm.raised_at


class AlarmHistory(QWidget):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = room.alarms
        self.store = room.store
        self.room = room
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search history…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Raised"), self.tr("Device"), self.tr("Alarm"), self.tr("Severity"),
            self.tr("Acknowledged by"), self.tr("Time to acknowledge"),
            self.tr("Time to clear"), self.tr("Closed")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(80)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(self._on_current_changed)
        # the whole story of the selected alarm: what a supervisor reviews after the shift
        self.timeline = Timeline([self.tr("Time"), self.tr("Who"), self.tr("Step"),
                                  self.tr("Note")])
        self.timeline.setVisible(False)
        self._shown: list[Alarm] = []
        self.summary = QLabel()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

    def refresh(self) -> None:
        needle = self.search.text().strip().lower()
        people = self.room.people()
        alarms = [a for a in reversed(self.book.closed) if self._matches(a, needle, people)]
        row = self.table.currentRow()
        selected = self._shown[row].id if 0 <= row < len(self._shown) else None
        self._shown = alarms
        self.table.setRowCount(len(alarms))
        for k, alarm in enumerate(alarms):
            cells = (
                dt.datetime.fromtimestamp(alarm.raised_at).strftime("%m-%d %H:%M:%S"),
                device_label(self.store, alarm.device_id),
                type_name(alarm.type), severity_name(int(alarm.severity)),
                self._who(alarm.acknowledged_by, people),
                _duration(time_to_acknowledge(alarm)), _duration(time_to_clear(alarm)),
                dt.datetime.fromtimestamp(alarm.closed_at or 0).strftime("%m-%d %H:%M:%S"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(k, column, QTableWidgetItem(text))
        # the selection stays on its alarm, wherever newer ones moved it (or goes with it)
        again = next((k for k, a in enumerate(alarms) if a.id == selected), -1)
        self.table.setCurrentCell(again, 0 if again >= 0 else -1)
        self._on_current_changed(again)
        acks = [t for a in alarms if (t := time_to_acknowledge(a)) is not None]
        mean = _duration(sum(acks) / len(acks)) if acks else "—"
        self.summary.setText(self.tr("%1 alarms, mean time to acknowledge %2")
                             .replace("%1", str(len(alarms))).replace("%2", mean))

    def _on_current_changed(self, row: int, *_: int) -> None:
        alarm = self._shown[row] if 0 <= row < len(self._shown) else None
        self.timeline.setVisible(alarm is not None)
        self.timeline.set_rows(timeline_rows(alarm, self.book.clock(), self.room.people())
                               if alarm else [])

    @staticmethod
    def _who(login: str | None, people: Mapping[str, str]) -> str:
        return people.get(login, login) if login else "—"

    def _matches(self, alarm: Alarm, needle: str, people: Mapping[str, str]) -> bool:
        if not needle:
            return True
        hay = " ".join((alarm.device_id, device_label(self.store, alarm.device_id), describe(alarm),
                        type_name(alarm.type), alarm.acknowledged_by or "",
                        self._who(alarm.acknowledged_by, people))).lower()
        return needle in hay
