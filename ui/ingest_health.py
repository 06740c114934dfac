"""The ingest health panel: is live data flowing, and what bad input is being dropped?

Shows messages/s and totals, the broker connection state, rejects by reason with the last
offending sample (topic, detail, payload head), and unknown devices with their first
payload; a user who may edit rules registers an unknown device from here. It pulls the
ControlRoom's ``IngestHealth`` on a QTimer (~2 Hz) — never pushed from worker threads —
and rebuilds a table only when its content changed. Everything in the tables came from
outside: shown as plain text, tooltips included.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.facade.room import ControlRoom
from app.security.roles import Permission
from widgets.plain_text import plain_label, tooltip
from widgets.polling import poll_every

REFRESH_MS = 500


class IngestHealthPanel(QWidget):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IngestHealthPanel")
        self._room = room
        self._shown_rejects: object = None
        self._shown_unknown: object = None
        self._unknown_ids: list[str] = []
        self._unknown_births: dict[str, object] = {}

        self.rate_label = plain_label(parent=self)
        self.link_label = plain_label(parent=self)
        self.totals_label = plain_label(parent=self)
        for label in (self.rate_label, self.link_label, self.totals_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rejects_table = self._table([self.tr("Reason"), self.tr("Count"), self.tr("Topic"),
                                          self.tr("Detail"), self.tr("Payload (start)")])
        self.unknown_table = self._table([self.tr("Device"), self.tr("Messages"),
                                          self.tr("First topic"), self.tr("First payload")])
        rejects_box = QGroupBox(self.tr("Rejected messages (last sample per reason)"), self)
        QVBoxLayout(rejects_box).addWidget(self.rejects_table)
        self.unknown_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unknown_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        unknown_box = QGroupBox(self.tr("Unknown devices (to register)"), self)
        unknown_layout = QVBoxLayout(unknown_box)
        unknown_layout.addWidget(self.unknown_table)
        self.register_button = QPushButton(self.tr("Register selected device…"), unknown_box)
        self.register_button.clicked.connect(self._on_register)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), unknown_box)
        self.dismiss_button.setToolTip(self.tr("Take it off the list: its messages count as "
                                               "from an unknown device"))
        self.dismiss_button.clicked.connect(self._on_dismiss)
        for button in (self.register_button, self.dismiss_button):
            button.setVisible(room.session.may(Permission.EDIT_RULES))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.register_button)
        unknown_layout.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.link_label)
        layout.addWidget(self.totals_label)
        layout.addWidget(rejects_box, 2)
        layout.addWidget(unknown_box, 1)

        self._timer = poll_every(self, REFRESH_MS, self._on_refresh)
        self._on_refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(50)  # lives in a short dock tab: scroll, do not squeeze 3D
        return table

    def _on_refresh(self) -> None:
        health = self._room.health()
        self.rate_label.setText(_arg(self.tr("Messages/s: %1"), f"{health.rate_per_s:,.0f}"))
        link = health.link
        state = self.tr("connected") if link.connected else self.tr("disconnected")
        self.link_label.setText(_arg(self.tr("Source %1: %2 — %3"), link.source, state,
                                     link.detail))
        self.link_label.setProperty("state", "ok" if link.connected else "bad")
        counts = health.counts
        self.totals_label.setText(
            _arg(self.tr("Received %1, accepted %2, rejected %3, waiting for birth %4"),
                 f"{counts['received']:,}", f"{counts['accepted']:,}",
                f"{counts['rejected']:,}", f"{counts.get('parked', 0):,}"))
        reject_counts, samples, unknown = health.rejects, health.samples, health.unknown
        rows = [(reason, n, samples.get(reason)) for reason, n in reject_counts.items() if n]
        key = tuple((r, n) for r, n, _ in rows)
        if key != self._shown_rejects:
            self._shown_rejects = key
            self._fill(self.rejects_table, [
                (reason, str(n), s.topic if s else "", s.detail if s else "",
                 s.payload_head[:200] if s else "") for reason, n, s in rows])
        key_u = tuple((u.device_id, u.count) for u in unknown)
        if key_u != self._shown_unknown:
            self._shown_unknown = key_u
            self._unknown_ids = [u.device_id for u in unknown]
            self._unknown_births = {u.device_id: u.birth for u in unknown}
            self._fill(self.unknown_table, [
                (u.device_id, str(u.count), u.first_topic, u.first_payload[:200])
                for u in unknown])

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                table.setItem(r, c, item)

    def _on_register(self) -> None:
        row = self.unknown_table.currentRow()
        if not 0 <= row < len(self._unknown_ids):
            return
        from ui.register_device import RegisterDeviceDialog

        device_id = self._unknown_ids[row]
        dialog = RegisterDeviceDialog(self._room, device_id, self,
                                      birth=self._unknown_births.get(device_id))
        if dialog.exec():
            self._shown_unknown = None
            self._on_refresh()

    def _on_dismiss(self) -> None:
        row = self.unknown_table.currentRow()
        if not 0 <= row < len(self._unknown_ids):
            return
        from app.facade.commands import DismissDevice
        from ui.command_feedback import run_command

        if run_command(self, self._room, DismissDevice(device_id=self._unknown_ids[row])):
            self._shown_unknown = None
            self._on_refresh()


def _arg(template: str, *values: str) -> str:
    """Qt's %1 %2 … placeholders (PySide's tr() returns a plain str), so translators can
    reorder them."""
    for i in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{i}", values[i - 1])
    return template
