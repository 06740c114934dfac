"""The operations panel: energy, parking and chargers as tabs, on the ControlRoom's
operations reader (the engine's service in this process, the server's at a console)."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from app.facade.operations import OperationsReader
from ui.charger_panel import ChargerPanel
from ui.energy_panel import EnergyPanel
from ui.parking_panel import ParkingPanel


class OperationsPanel(QTabWidget):
    def __init__(self, operations: OperationsReader, parent: QWidget | None = None, *,
                 lang: str | None = None, operator: str = "operator") -> None:
        super().__init__(parent)
        self.setObjectName("OperationsPanel")
        self.energy = EnergyPanel(operations, self, lang=lang or "zh_CN")
        self.parking = ParkingPanel(operations, self, operator=operator)
        self.chargers = ChargerPanel(operations, self)
        for panel, title in ((self.energy, self.tr("Energy")),
                             (self.parking, self.tr("Parking")),
                             (self.chargers, self.tr("Chargers"))):
            self.addTab(_scrolling(panel), title)


def _scrolling(panel: QWidget) -> QScrollArea:
    """On a short dock a panel scrolls instead of taking height from the 3D view."""
    panel.setMinimumHeight(560)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(panel)
    return scroll
