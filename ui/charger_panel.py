"""The charger panel: every connector's OCPP state (as the charging gateway reported it),
its power and the energy of the running session; today's sessions, energy and the share of
it charged in valley hours; status messages that did not validate."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.facade.errors import CommandError
from app.operations.views import ChargerView
from ui.operations_common import (
    CHARGER_STATES,
    STATE_RGB,
    clock,
    fill_table,
    kpi_row,
    make_table,
    named,
    number,
    percent,
)
from widgets.polling import poll_every

REFRESH_MS = 3000
ORDER = ("Faulted", "Charging", "SuspendedEV", "SuspendedEVSE", "Preparing", "Finishing",
         "Reserved", "Unavailable", "Available", "Unknown")


class ChargerSource(Protocol):
    def charger_view(self) -> ChargerView: ...


class ChargerPanel(QWidget):
    def __init__(self, source: ChargerSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChargerPanel")
        self.source = source
        row, (self.charging_tile, self.faulted_tile, self.sessions_tile, self.energy_tile,
              self.valley_tile) = kpi_row(self, [
                  (self.tr("charging now"), STATE_RGB["Charging"]),
                  (self.tr("faulted"), STATE_RGB["Faulted"]),
                  (self.tr("sessions today"), (46, 109, 164)),
                  (self.tr("kWh today"), (224, 138, 30)),
                  (self.tr("in valley hours"), (52, 120, 200))])
        self.table = make_table(self, [self.tr("Charger"), self.tr("Connector"),
                                       self.tr("State"), self.tr("Since"), self.tr("kW"),
                                       self.tr("Session kWh"), self.tr("Error")])
        self.bad = QLabel(self)
        self.bad.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.bad)
        self._timer = poll_every(self, REFRESH_MS, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            view = self.source.charger_view()
        except CommandError:  # a console whose server is away keeps what it shows
            return
        self.show_view(view)

    def show_view(self, view: ChargerView) -> None:
        count = view.by_status
        self.charging_tile.set_value(number(count.get("Charging", 0)))
        self.faulted_tile.set_value(number(count.get("Faulted", 0)))
        self.sessions_tile.set_value(number(view.sessions_today))
        self.energy_tile.set_value(number(view.energy_today_kwh, 0))
        self.valley_tile.set_value(percent(view.valley_share_today))
        rows = sorted(view.connectors, key=lambda c: (ORDER.index(c.status)
                                                      if c.status in ORDER else 99, c.name))
        fill_table(self.table, [
            (c.name, str(c.connector), named(CHARGER_STATES, c.status), clock(c.since),
             number(c.power_kw), number(c.session_kwh),
             "" if c.error_code in ("", "NoError") else c.error_code) for c in rows],
            [STATE_RGB.get(c.status) for c in rows])
        self.bad.setText(self.tr("%1 status messages did not validate; last: %2")
                         .replace("%1", str(view.bad_messages)).replace("%2", view.last_bad)
                         if view.bad_messages else "")
