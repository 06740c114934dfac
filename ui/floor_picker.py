"""FloorPicker: choose a building and one of its floors to open it in x-ray.

The building list follows clicks in the 3D view (``sig_building_picked``) and the floor list
follows x-ray changes made elsewhere (clicking a storey, a search jumping floors), so the
panel always says which floor is open. Floors are listed top down, basements last (-1, -2),
named as Chinese buildings name them ("12层", "负1层" in the zh_CN catalogue).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.compound_view import CompoundView
from widgets.plain_text import plain_label


class FloorPicker(QWidget):
    def __init__(self, view: CompoundView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FloorPicker")
        self._view = view
        self._buildings = view.scene.buildings
        self.building_combo = QComboBox(self)
        self.floor_list = QListWidget(self)
        self.exit_button = QPushButton(self)
        self._caption = plain_label(parent=self)  # building names come from the scene
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._caption)
        layout.addWidget(self.building_combo)
        layout.addWidget(self.floor_list, 1)
        layout.addWidget(self.exit_button)
        self.retranslate()
        self.building_combo.currentIndexChanged.connect(self._on_building_changed)
        self.floor_list.itemClicked.connect(self._on_floor_clicked)
        self.exit_button.clicked.connect(self._on_exit)
        view.sig_building_picked.connect(self.show_building)
        view.sig_xray_changed.connect(self._on_xray_changed)

    def retranslate(self) -> None:
        self._caption.setText(self.tr("X-ray: open one floor of a building"))
        self.exit_button.setText(self.tr("Whole compound"))
        current = self.building_combo.currentData()
        self.building_combo.blockSignals(True)
        self.building_combo.clear()
        self.building_combo.addItem(self.tr("Choose a building…"), None)
        for b in self._buildings:
            self.building_combo.addItem(b.name or b.id, b.id)
        self.building_combo.setCurrentIndex(max(self.building_combo.findData(current), 0))
        self.building_combo.blockSignals(False)
        self._fill_floors()

    def floor_label(self, floor: int) -> str:
        if floor < 0:
            return self.tr("Basement %1").replace("%1", str(-floor))
        return self.tr("Floor %1").replace("%1", str(floor))

    def show_building(self, building_id: str) -> None:
        """Select ``building_id`` in the list (a click on it in 3D)."""
        index = self.building_combo.findData(building_id)
        if index >= 0 and index != self.building_combo.currentIndex():
            self.building_combo.setCurrentIndex(index)

    def choose(self, building_id: str, floor: int) -> None:
        """Open ``floor`` of ``building_id`` in the view, as a click in the list would."""
        self.show_building(building_id)
        self._view.set_xray(building_id, floor)

    def floors(self) -> list[int]:
        return [self.floor_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.floor_list.count())]

    def _fill_floors(self) -> None:
        self.floor_list.clear()
        building_id = self.building_combo.currentData()
        building = next((b for b in self._buildings if b.id == building_id), None)
        if building is None:
            return
        numbers = list(range(building.floors, 0, -1)) + \
            list(range(-1, -building.basements - 1, -1))
        for floor in numbers:
            item = QListWidgetItem(self.floor_label(floor))
            item.setData(Qt.ItemDataRole.UserRole, floor)
            self.floor_list.addItem(item)

    def _on_building_changed(self, _index: int) -> None:
        self._fill_floors()

    def _on_floor_clicked(self, item: QListWidgetItem) -> None:
        building_id = self.building_combo.currentData()
        if building_id is not None:
            self._view.set_xray(building_id, item.data(Qt.ItemDataRole.UserRole))

    def _on_exit(self) -> None:
        self._view.set_xray(None)
        self.floor_list.clearSelection()

    def _on_xray_changed(self, building_id: str, floor: int) -> None:
        if not building_id:
            self.floor_list.clearSelection()
            return
        self.show_building(building_id)
        for i in range(self.floor_list.count()):
            item = self.floor_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == floor:
                self.floor_list.setCurrentItem(item)
                break
