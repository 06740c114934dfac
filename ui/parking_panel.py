"""The parking panel: vehicles inside each zone by its gates and by its space sensors, the
drift between the two (re-based here by the operator), occupancy over the day, each gate's
passes and manual releases, gates gone silent, overstaying vehicles, and every plate the
cameras misread — flagged, never dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.facade.errors import CommandError
from app.operations.views import ParkingView
from ui.operations_common import (
    PLATE_PROBLEMS,
    clock,
    fill_table,
    kpi_row,
    make_table,
    named,
    number,
)
from ui.plots import load_plot
from widgets.deferred import DeferredWidget
from widgets.polling import poll_every

if TYPE_CHECKING:
    from widgets.load_plot import LoadPlot

REFRESH_MS = 3000
ZONE_RGB = [(224, 138, 30), (46, 109, 164), (61, 154, 91), (128, 100, 162)]


class ParkingSource(Protocol):
    def parking_view(self) -> ParkingView: ...
    def rebase(self, zone_id: str, by: str) -> bool: ...


class ParkingPanel(QWidget):
    def __init__(self, source: ParkingSource, parent: QWidget | None = None, *,
                 operator: str = "operator") -> None:
        super().__init__(parent)
        self.setObjectName("ParkingPanel")
        self.source = source
        self.operator = operator
        row, (self.inside_tile, self.passes_tile, self.visitors_tile, self.manual_tile,
              self.flagged_tile) = kpi_row(self, [
                  (self.tr("vehicles inside"), (46, 109, 164)),
                  (self.tr("passes today"), (61, 154, 91)),
                  (self.tr("visitors today"), (224, 138, 30)),
                  (self.tr("manual releases"), (192, 80, 77)),
                  (self.tr("plates flagged"), (200, 180, 60))])
        # the plot is made when its tab is first shown (widgets/deferred.py)
        self._plot_place = DeferredWidget(self._make_plot, self)
        self._plot_place.setMinimumHeight(150)
        self.zones = make_table(self, [self.tr("Zone"), self.tr("Spaces"),
                                       self.tr("Sensors: taken"), self.tr("Gates: inside"),
                                       self.tr("Drift"), self.tr("Plates inside"),
                                       self.tr("Residents / visitors"), self.tr("Re-based")])
        self.zone_choice = QComboBox(self)
        self.rebase_button = QPushButton(self.tr("Re-base on the sensors"), self)
        self.rebase_button.setToolTip(self.tr("Set the zone's gate count to what its space "
                                              "sensors see now (recorded with your name)"))
        self.rebase_button.clicked.connect(self._on_rebase)
        self.gates = make_table(self, [self.tr("Gate"), self.tr("Passes today"),
                                       self.tr("Manual"), self.tr("Last pass"),
                                       self.tr("State")])
        self.flagged = make_table(self, [self.tr("Time"), self.tr("Gate"), self.tr("Direction"),
                                         self.tr("Read as"), self.tr("Why flagged")])
        self.overstays = make_table(self, [self.tr("Plate"), self.tr("Zone"),
                                           self.tr("Entered"), self.tr("Hours")])
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        zones_box = QGroupBox(self.tr("Zones"), self)
        zones_layout = QVBoxLayout(zones_box)
        zones_layout.addWidget(self.zones)
        rebase = QHBoxLayout()
        rebase.addWidget(self.zone_choice)
        rebase.addWidget(self.rebase_button)
        rebase.addWidget(self.note, 1)
        zones_layout.addLayout(rebase)
        tabs = QTabWidget(self)
        tabs.addTab(self.gates, self.tr("Gates"))
        tabs.addTab(self.flagged, self.tr("Flagged plates"))
        tabs.addTab(self.overstays, self.tr("Overstays"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self._plot_place, 2)
        layout.addWidget(zones_box, 1)
        layout.addWidget(tabs, 2)
        self._timer = poll_every(self, REFRESH_MS, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            view = self.source.parking_view()
        except CommandError:  # a console whose server is away keeps what it shows
            return
        self.show_view(view)

    def show_view(self, view: ParkingView) -> None:
        inside = [z.gate_inside for z in view.zones if z.gate_inside is not None]
        self.inside_tile.set_value(number(max(inside) if inside else None))
        self.passes_tile.set_value(number(view.passes_today))
        self.visitors_tile.set_value(number(view.visitors_today))
        self.manual_tile.set_value(number(view.manual_today))
        self.flagged_tile.set_value(number(view.flagged_today))
        fill_table(self.zones, [
            (z.name, number(z.capacity), number(z.occupied), number(z.gate_inside),
             "—" if z.drift is None else f"{z.drift:+d}", number(z.plates_inside),
             f"{z.residents_inside} / {z.visitors_inside}", clock(z.rebased_at, "%m-%d %H:%M"))
            for z in view.zones],
            [(220, 70, 60) if z.drift is not None and abs(z.drift) >= 3 else None
             for z in view.zones])
        ids = [z.id for z in view.zones if z.drift is not None]
        if [self.zone_choice.itemData(i) for i in range(self.zone_choice.count())] != ids:
            self.zone_choice.clear()
            for z in view.zones:
                if z.drift is not None:
                    self.zone_choice.addItem(z.name, z.id)
        self.rebase_button.setEnabled(bool(ids))
        fill_table(self.gates, [
            (g.name, number(g.passes_today), number(g.manual_today), clock(g.last_pass_at),
             self._gate_state(g)) for g in view.gates],
            [(220, 70, 60) if g.silent or g.unreported else None for g in view.gates])
        fill_table(self.flagged, [
            (clock(f.at, "%H:%M:%S"), f.gate_id, self.tr("in") if f.dir == "in"
             else self.tr("out"), f.raw or "∅", named(PLATE_PROBLEMS, f.problem))
            for f in view.flagged])
        fill_table(self.overstays, [(o.plate, o.zone, clock(o.entered_at, "%m-%d %H:%M"),
                                     f"{o.hours:.0f}") for o in view.overstays])
        self._plot(view)

    def _gate_state(self, g) -> str:  # noqa: ANN001
        if g.unreported:
            return self.tr("%1 passes counted but not reported").replace("%1",
                                                                         str(g.unreported))
        return self.tr("silent while others are busy") if g.silent else self.tr("reporting")

    @property
    def plot(self) -> LoadPlot:
        return self._plot_place.widget()

    def _make_plot(self) -> LoadPlot:
        plot = load_plot()
        plot.set_title(self.tr("Occupancy: space sensors (solid) and gate count (dashed)"))
        plot.set_labels(self.tr("hour"), self.tr("vehicles"))
        return plot

    def _plot(self, view: ParkingView) -> None:
        self._plot_place.when_made(lambda plot: self._draw(plot, view))

    def _draw(self, plot: LoadPlot, view: ParkingView) -> None:
        lines, dashed = [], []
        for i, (zone, points) in enumerate(view.series.items()):
            if not points:
                continue
            rgb = ZONE_RGB[i % len(ZONE_RGB)]
            t0 = points[0].ts
            x = np.array([(p.ts - t0) / 3600 for p in points])
            occupied = np.array([np.nan if p.occupied is None else p.occupied for p in points])
            gates = np.array([np.nan if p.gate_inside is None else p.gate_inside
                              for p in points])
            name = next((z.name for z in view.zones if z.id == zone), zone)
            lines += [(name, rgb, x, occupied), (name, rgb, x, gates)]
            dashed += [False, True]
        plot.set_lines(lines, dashed=dashed)

    def _on_rebase(self) -> None:
        zone = self.zone_choice.currentData()
        if zone is None:
            return
        done = self.source.rebase(zone, self.operator)
        self.note.setText(self.tr("Re-based: the gate count now equals the sensors.") if done
                          else self.tr("Not re-based: the zone's sensors have not all "
                                       "reported yet."))
        self.refresh()
