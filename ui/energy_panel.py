"""The energy panel: today's load by equipment group over the tariff's valley and peak
hours, what it costs, its valley share, the schedule recommendations with their saving,
night-flow leaks and unaccounted water — and the button that writes an operations report.

It reads ``EnergyView`` structs from the operations service (built on its own worker, so a
refresh here never queries the database) and writes reports on a background thread.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facade.errors import CommandError
from app.operations.views import EnergyView, Recommendation
from ui.command_feedback import error_text
from ui.operations_common import (
    GROUP_NAMES,
    GROUP_RGB,
    NOTE_NAMES,
    PERIOD_RGBA,
    fill_table,
    kpi_row,
    make_table,
    named,
    number,
    percent,
    slot_ranges,
)
from ui.plots import load_plot
from widgets.deferred import DeferredWidget
from widgets.polling import poll_every

if TYPE_CHECKING:
    from widgets.load_plot import LoadPlot

REFRESH_MS = 5000


class EnergySource(Protocol):
    def energy_view(self) -> EnergyView | None: ...
    def write_report(self, kind: str, day: dt.date, path: Path, lang: str = ...) -> Path: ...


class EnergyPanel(QWidget):
    sig_report_done = Signal(str, str)  # path, error ("" when written)

    def __init__(self, source: EnergySource, parent: QWidget | None = None, *,
                 lang: str = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("EnergyPanel")
        self.source = source
        self.lang = lang
        self._shown: float | None = None
        row, (self.kwh_tile, self.cost_tile, self.valley_tile, self.water_tile) = kpi_row(
            self, [(self.tr("kWh today"), (224, 138, 30)), (self.tr("¥ today, all meters"), (192, 80, 77)),
                   (self.tr("in valley hours"), (52, 120, 200)),
                   (self.tr("m³ water today"), (75, 172, 198))])
        self.report_button = QPushButton(self.tr("Operations report…"), self)
        menu = QMenu(self.report_button)
        menu.addAction(self.tr("Daily (yesterday)"), lambda: self.ask_report("daily"))
        menu.addAction(self.tr("Monthly (last month)"), lambda: self.ask_report("monthly"))
        self.report_button.setMenu(menu)
        #: the same menu for the main window's File menu
        self.report_action = menu.menuAction()
        self.report_action.setText(self.tr("Operations report…"))
        row.addWidget(self.report_button)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        # the plot is made when its tab is first shown (widgets/deferred.py)
        self._plot_place = DeferredWidget(self._make_plot, self)
        self._plot_place.setMinimumHeight(170)
        self.groups = make_table(self, [self.tr("Group"), self.tr("kWh"), self.tr("¥"),
                                        self.tr("Valley share")])
        self.buildings = make_table(self, [self.tr("Building"), self.tr("kWh"), self.tr("m³"),
                                           self.tr("¥")])
        self.plans = make_table(self, [self.tr("Recommendation"), self.tr("Saving ¥/day"),
                                       self.tr("Saving"), self.tr("Run in"),
                                       self.tr("Limits")])
        self.plans.setMinimumHeight(100)  # both recommendations in view
        self.water = QLabel(self)
        self.water.setTextFormat(Qt.TextFormat.PlainText)
        self.water.setWordWrap(True)

        tables = QHBoxLayout()
        for title, table in ((self.tr("By equipment group"), self.groups),
                             (self.tr("By building"), self.buildings)):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(table)
            tables.addWidget(box)
        plans = QGroupBox(self.tr("Peak/valley schedule recommendations"), self)
        QVBoxLayout(plans).addWidget(self.plans)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self._plot_place, 3)
        layout.addLayout(tables, 2)
        layout.addWidget(plans, 2)
        layout.addWidget(self.water)
        self.sig_report_done.connect(self._on_report_done)
        self._timer = poll_every(self, REFRESH_MS, self.refresh)
        self.refresh()

    # ---- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            view = self.source.energy_view()
        except CommandError as exc:  # a console whose server is away keeps what it shows
            self.status.setText(error_text(exc))
            return
        if view is None:
            self.status.setText(self.tr("Waiting for the first aggregation of the meters…"))
            return
        if view.at == self._shown:
            return
        self._shown = view.at
        self.show_view(view)

    def show_view(self, view: EnergyView) -> None:
        self.status.setText(" ".join(view.tariff_problems))
        self.kwh_tile.set_value(number(view.electricity_today_kwh, 0))
        self.cost_tile.set_value(number(view.cost_today, 0))
        self.valley_tile.set_value(percent(view.valley_share))
        self.water_tile.set_value(number(view.water_today_m3, 0))
        self._plot(view)
        fill_table(self.groups, [
            (named(GROUP_NAMES, c.key), number(c.amount, 0), number(c.cost, 0),
             percent(c.valley_share)) for c in view.by_group if c.quantity == "electricity"])
        water = {c.key: c for c in view.by_building if c.quantity == "water"}
        cost: dict[str, float] = {}
        for c in view.by_building:
            cost[c.key] = cost.get(c.key, 0.0) + (c.cost or 0.0)
        fill_table(self.buildings, [
            (c.key, number(c.amount, 0), number(water[c.key].amount if c.key in water
                                                else None, 1), number(cost.get(c.key), 0))
            for c in view.by_building if c.quantity == "electricity"])
        fill_table(self.plans, [self._plan_row(r) for r in view.recommendations])
        self.water.setText(self._water_text(view))

    @property
    def plot(self) -> LoadPlot:
        return self._plot_place.widget()

    def _make_plot(self) -> LoadPlot:
        plot = load_plot()
        plot.set_title(self.tr("Load today by group (kW); shaded: valley and peak hours"))
        plot.set_labels(self.tr("hour"), self.tr("kW"))
        return plot

    def _plot(self, view: EnergyView) -> None:
        self._plot_place.when_made(lambda plot: self._draw(plot, view))

    def _draw(self, plot: LoadPlot, view: EnergyView) -> None:
        series = [p for p in view.profiles if p.quantity == "electricity"]
        if view.periods:
            bands, start = [], 0
            for i in range(1, len(view.periods) + 1):
                if i == len(view.periods) or view.periods[i] != view.periods[start]:
                    rgba = PERIOD_RGBA.get(view.periods[start], (0, 0, 0, 0))
                    if rgba[3]:
                        bands.append((start / 2, i / 2, rgba))
                    start = i
            plot.set_bands(bands)
        if not series:  # nothing aggregated yet today: the day's axis and its periods
            plot.clear()
            plot.set_x_range(0, 24)
            return
        x = np.arange(len(series[0].values)) * series[0].step_s / 3600.0
        order = sorted(series, key=lambda p: -sum(p.values))  # the biggest at the bottom
        plot.set_stacked(x, [(named(GROUP_NAMES, p.group),
                                   GROUP_RGB.get(p.group, (150, 150, 150)),
                                   np.asarray(p.values)) for p in order])

    def _plan_row(self, r: Recommendation) -> tuple[str, ...]:
        what = (self.tr("Fill the tank %1 in cheap hours").replace("%1", r.title)
                if r.kind == "tank" else
                self.tr("Shift EV charging (transformer %1)").replace("%1", r.target))
        when = slot_ranges([s.start for s in r.slots], [s.end for s in r.slots],
                           [s.value for s in r.slots])
        notes = "; ".join(f"{named(NOTE_NAMES, key)} {value}".strip() for key, value in r.notes)
        return (what, number(r.saving, 1), f"{r.saving_pct:.0f}%", when, notes)

    def _water_text(self, view: EnergyView) -> str:
        parts = []
        if view.leaks:
            parts.append(self.tr("Night flow above its own baseline (possible leak): %1")
                         .replace("%1", ", ".join(view.leaks[:8])))
        high = {k: v for k, v in view.unaccounted.items() if v is not None}
        if high:
            worst = sorted(high.items(), key=lambda kv: -kv[1])[:4]
            parts.append(self.tr("Unaccounted water yesterday: %1").replace(
                "%1", ", ".join(f"{k} {v:.0f}%" for k, v in worst)))
        return "\n".join(parts)

    # ---- the report -----------------------------------------------------------------------
    def ask_report(self, kind: str) -> None:
        today = dt.date.today()
        day = today - dt.timedelta(days=1) if kind == "daily" else \
            today.replace(day=1) - dt.timedelta(days=1)
        name = f"{'daily' if kind == 'daily' else 'monthly'}-{day.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the operations report"),
                                              name, self.tr("PDF (*.pdf);;HTML (*.html)"))
        if path:
            self.make_report(kind, day, Path(path))

    def make_report(self, kind: str, day: dt.date, path: Path) -> threading.Thread:
        """Write the report on a background thread; ``sig_report_done`` when finished."""
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Writing %1 …").replace("%1", str(path)))

        def work() -> None:
            try:
                self.source.write_report(kind, day, path, self.lang)
                self.sig_report_done.emit(str(path), "")
            except Exception as exc:  # shown to the operator, never a crash of the GUI
                self.sig_report_done.emit(str(path), str(exc).splitlines()[0] if str(exc)
                                          else type(exc).__name__)

        thread = threading.Thread(target=work, name="ReportWorker", daemon=True)
        thread.start()
        return thread

    def _on_report_done(self, path: str, error: str) -> None:
        self.report_button.setEnabled(True)
        if error:
            self.status.setText(self.tr("The report could not be written: %1").replace(
                "%1", error))
        else:
            self.status.setText(self.tr("Report written: %1").replace("%1", path))
