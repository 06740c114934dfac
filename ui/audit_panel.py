"""The audit trail for auditors: who did what, when, on which object, from which console,
filtered by user, object and time, exported as CSV. Reading it is itself audited (by the
engine). Every cell is outside text: table items are plain text by nature, tooltips are
escaped."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.facade.errors import CommandError
from app.facade.room import AuditQuery, ControlRoom
from app.security.audit import AuditRecord
from ui.command_feedback import error_text
from widgets.plain_text import plain_label, tooltip

COLUMNS = ("at", "actor", "console", "action", "object", "outcome", "detail")


class AuditPanel(QWidget):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditPanel")
        self.room = room
        self.records: list[AuditRecord] = []
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("User"))
        self.object = QLineEdit()
        self.object.setPlaceholderText(self.tr("Object (alarm:…, order:…, user:…)"))
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(now.addDays(-7))
        self.until = QDateTimeEdit(now.addDays(1))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.search = QPushButton(self.tr("Search"))
        self.search.clicked.connect(self.refresh)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.clicked.connect(self._on_export)
        self.message = plain_label()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Console"), self.tr("Action"),
             self.tr("Object"), self.tr("Outcome"), self.tr("Detail")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        filters = QHBoxLayout()
        for widget in (self.actor, self.object, self.since, self.until, self.search,
                       self.export):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def query(self) -> AuditQuery:
        return AuditQuery(actor=self.actor.text().strip() or None,
                          object=self.object.text().strip() or None,
                          since=self.since.dateTime().toSecsSinceEpoch(),
                          until=self.until.dateTime().toSecsSinceEpoch(), limit=5000)

    def refresh(self) -> None:
        try:
            self.records = self.room.audit_records(self.query())
        except CommandError as exc:
            self.message.setText(error_text(exc))
            return
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            for col, text in enumerate(_cells(record)):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                self.table.setItem(row, col, item)
        self.message.setText(self.tr("%1 records").replace("%1", str(len(self.records))))

    def export_csv(self, path: Path) -> Path:
        with open(path, "w", newline="", encoding="utf-8-sig") as f:  # Excel reads the BOM
            writer = csv.writer(f)
            writer.writerow(COLUMNS + ("seq", "mac"))
            for record in self.records:
                writer.writerow([_no_formula(c) for c in _cells(record)]
                                + [record.seq, record.mac])
        return path

    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"),
                                              "audit.csv", "CSV (*.csv)")
        if name:
            self.message.setText(self.tr("Exported to %1").replace(
                "%1", str(self.export_csv(Path(name)))))


def _no_formula(text: str) -> str:
    """A user name like ``=HYPERLINK(...)`` stays text when the CSV is opened in a
    spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _cells(record: AuditRecord) -> list[str]:
    return [time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(record.at)), record.actor,
            record.console, record.action, record.object, record.outcome,
            json.dumps(record.detail, ensure_ascii=False)]
