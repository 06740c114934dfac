"""Registering a device from the unknown-devices list: kind, name and place, chosen by an
operator who may edit rules, sent as one command (checked and audited by the engine)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.kinds import DEVICE_KINDS
from app.facade.commands import RegisterDevice
from app.facade.room import ControlRoom
from ui.command_feedback import run_command
from ui.i18n import kind_name
from widgets.plain_text import plain_label

NO_FLOOR = -99


class RegisterDeviceDialog(QDialog):
    def __init__(self, room: ControlRoom, device_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.device_id = device_id
        self.setWindowTitle(self.tr("Register device"))
        self.kind = QComboBox()
        for kind in sorted(DEVICE_KINDS):
            self.kind.addItem(kind_name(kind), kind)
        self.name = QLineEdit()
        self.name.setMaxLength(128)
        self.building = QComboBox()
        self.building.addItem(self.tr("(outside the buildings)"), None)
        for building in room.scene.buildings:
            self.building.addItem(f"{building.id} {building.name}", building.id)
        self.floor = QSpinBox()
        self.floor.setRange(NO_FLOOR, 300)
        self.floor.setSpecialValueText(self.tr("(none)"))
        self.floor.setValue(NO_FLOOR)
        self.xyz = [QDoubleSpinBox() for _ in range(3)]
        for box in self.xyz:
            box.setRange(-100_000.0, 100_000.0)
            box.setDecimals(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Device id"), plain_label(device_id))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Building"), self.building)
        form.addRow(self.tr("Floor"), self.floor)
        for label, box in zip(("x (m)", "y (m)", "z (m)"), self.xyz, strict=True):
            form.addRow(label, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def command(self) -> RegisterDevice:
        floor = self.floor.value()
        return RegisterDevice(device_id=self.device_id, kind=self.kind.currentData(),
                              name=self.name.text().strip(),
                              xyz=tuple(box.value() for box in self.xyz),  # type: ignore[arg-type]
                              building=self.building.currentData(),
                              floor=None if floor == NO_FLOOR else floor)

    def _on_ok(self) -> None:
        if run_command(self, self.room, self.command()) is not None:
            self.accept()
