"""The operations dock: energy, parking and chargers as tabs, built from the engine's
operations service. Kept apart from the main window so wiring it in is a few lines (the
main window becomes a panel registry; this is one panel)."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QScrollArea, QTabWidget, QWidget

from ui.charger_panel import ChargerPanel
from ui.energy_panel import EnergyPanel
from ui.parking_panel import ParkingPanel


class OperationsDock(QDockWidget):
    def __init__(self, service, parent: QWidget | None = None, *,  # noqa: ANN001
                 lang: str | None = None) -> None:
        super().__init__(self.tr("Operations"), parent)
        self.setObjectName("OperationsDock")  # QSettings keys dock state by it
        self.tabs = QTabWidget(self)
        self.energy = EnergyPanel(service, self.tabs, lang=lang or "zh_CN")
        self.parking = ParkingPanel(service, self.tabs)
        self.chargers = ChargerPanel(service, self.tabs)
        for panel, title in ((self.energy, self.tr("Energy")),
                             (self.parking, self.tr("Parking")),
                             (self.chargers, self.tr("Chargers"))):
            self.tabs.addTab(_scrolling(panel), title)
        self.setWidget(self.tabs)


def _scrolling(panel: QWidget) -> QScrollArea:
    """On a short dock a panel scrolls instead of taking height from the 3D view."""
    panel.setMinimumHeight(560)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(panel)
    return scroll
