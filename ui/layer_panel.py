"""LayerPanel: what the 3D view draws — site layers, pipe networks, devices per kind — and
the heat/level mode, as checkboxes an operator can flip without losing the view.

Every toggle is applied to the CompoundView at once (actors hidden, or dot rows rewritten
for a device kind); nothing is rebuilt. Labels are translatable; kinds use the shared
kind names so the 3D view and the inspector call a device the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.compound_heat import METRICS
from ui.compound_layers import PIPE_NETWORKS
from ui.compound_view import CompoundView
from ui.i18n import kind_name

#: site layers offered, in panel order (layer name → source text, translated at display)
SITE_LAYER_TEXT = {
    "roads": QT_TRANSLATE_NOOP("LayerPanel", "Roads"),
    "lawns": QT_TRANSLATE_NOOP("LayerPanel", "Lawns"),
    "underground": QT_TRANSLATE_NOOP("LayerPanel", "Underground garage"),
    "parking": QT_TRANSLATE_NOOP("LayerPanel", "Parking spaces (occupancy)"),
    "gates": QT_TRANSLATE_NOOP("LayerPanel", "Barrier gates"),
    "chargers": QT_TRANSLATE_NOOP("LayerPanel", "EV chargers"),
    "cameras": QT_TRANSLATE_NOOP("LayerPanel", "Cameras and their views"),
    "technicians": QT_TRANSLATE_NOOP("LayerPanel", "Technicians"),
}
NETWORK_TEXT = {
    "water": QT_TRANSLATE_NOOP("LayerPanel", "Water"),
    "gas": QT_TRANSLATE_NOOP("LayerPanel", "Gas"),
    "heating": QT_TRANSLATE_NOOP("LayerPanel", "Heating"),
    "drainage": QT_TRANSLATE_NOOP("LayerPanel", "Drainage"),
    "power": QT_TRANSLATE_NOOP("LayerPanel", "Power"),
}
HEAT_TEXT = {
    None: QT_TRANSLATE_NOOP("LayerPanel", "Off"),
    "alarms": QT_TRANSLATE_NOOP("LayerPanel", "Open alarms per floor"),
    "water": QT_TRANSLATE_NOOP("LayerPanel", "Water use per floor"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerPanel", text)


class LayerPanel(QScrollArea):
    def __init__(self, view: CompoundView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LayerPanel")
        self.setWidgetResizable(True)
        self._view = view
        self.boxes: dict[str, QCheckBox] = {}  # layer name or "kind:<kind>"
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self._groups = {key: QGroupBox(body) for key in ("site", "pipes", "heat", "kinds")}
        for key in ("site", "pipes", "heat", "kinds"):
            QVBoxLayout(self._groups[key])
            layout.addWidget(self._groups[key])
        layout.addStretch(1)
        for layer in SITE_LAYER_TEXT:
            self._add_box("site", layer)
        for network in PIPE_NETWORKS:
            self._add_box("pipes", f"pipes_{network}")
        self.heat_combo = QComboBox(self._groups["heat"])
        self._groups["heat"].layout().addWidget(self.heat_combo)
        for kind in view.kinds():
            self._add_box("kinds", f"kind:{kind}")
        self.setWidget(body)
        self.retranslate()
        self.heat_combo.currentIndexChanged.connect(self._on_heat_chosen)

    def retranslate(self) -> None:
        self._groups["site"].setTitle(self.tr("Site"))
        self._groups["pipes"].setTitle(self.tr("Pipe networks"))
        self._groups["heat"].setTitle(self.tr("Colour floors by"))
        self._groups["kinds"].setTitle(self.tr("Devices"))
        for name, box in self.boxes.items():
            if name.startswith("kind:"):
                box.setText(kind_name(name[5:]))
            elif name.startswith("pipes_"):
                box.setText(_tr(NETWORK_TEXT[name[6:]]))
            else:
                box.setText(_tr(SITE_LAYER_TEXT[name]))
        current = self.heat_combo.currentIndex()
        self.heat_combo.blockSignals(True)
        self.heat_combo.clear()
        for metric in (None, *METRICS):
            self.heat_combo.addItem(_tr(HEAT_TEXT[metric]), metric)
        self.heat_combo.setCurrentIndex(max(current, 0))
        self.heat_combo.blockSignals(False)

    def set_checked(self, name: str, on: bool) -> None:
        self.boxes[name].setChecked(on)

    def _add_box(self, group: str, name: str) -> None:
        box = QCheckBox(self._groups[group])
        box.setChecked(name.startswith("kind:") or self._view.layer_visible(name))
        box.toggled.connect(lambda on, n=name: self._on_toggled(n, on))
        self._groups[group].layout().addWidget(box)
        self.boxes[name] = box

    def _on_toggled(self, name: str, on: bool) -> None:
        if name.startswith("kind:"):
            self._view.set_kind_visible(name[5:], on)
        else:
            self._view.set_layer_visible(name, on)

    def _on_heat_chosen(self, index: int) -> None:
        self._view.set_heat_mode(self.heat_combo.itemData(index))

