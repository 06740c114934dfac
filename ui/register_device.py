"""Registering a device from the unknown-devices list: kind, name and place — prefilled from
the device's own birth when it sent one — chosen by an operator who may edit rules and sent
as one command (checked and audited by the engine). What the operator leaves as the birth
says is sent as "as announced", so the birth's own points and bands stand."""

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
    def __init__(self, room: ControlRoom, device_id: str, parent: QWidget | None = None, *,
                 birth=None) -> None:  # noqa: ANN001 (a MetaPayload, or None)
        super().__init__(parent)
        self.room = room
        self.device_id = device_id
        self.birth = birth
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
        self._prefill(birth)
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

    def _prefill(self, birth) -> None:  # noqa: ANN001
        self._announced: dict = {}
        if birth is None:
            return
        location = birth.location
        announced = {"kind": birth.kind, "name": birth.name or "",
                     "building": location.building if location else None,
                     "floor": location.floor if location else None,
                     "xyz": tuple(location.xyz) if location and location.xyz else None}
        self._announced = announced
        self.kind.setCurrentIndex(max(0, self.kind.findData(birth.kind)))
        self.name.setText(announced["name"])
        self.building.setCurrentIndex(max(0, self.building.findData(announced["building"])))
        if announced["floor"] is not None:
            self.floor.setValue(announced["floor"])
        if announced["xyz"] is not None:
            for box, value in zip(self.xyz, announced["xyz"], strict=True):
                box.setValue(value)

    def command(self) -> RegisterDevice:
        """Only what differs from the birth travels (the birth's points and bands stand)."""
        floor = self.floor.value()
        chosen = {"kind": self.kind.currentData(), "name": self.name.text().strip(),
                  "building": self.building.currentData(),
                  "floor": None if floor == NO_FLOOR else floor,
                  "xyz": tuple(round(box.value(), 1) for box in self.xyz)}
        announced = self._announced
        given = {k: v for k, v in chosen.items()
                 if not announced or v != (tuple(round(x, 1) for x in announced[k])
                                           if k == "xyz" and announced[k] else announced[k])}
        if not announced and given.get("xyz") == (0.0, 0.0, 0.0):
            given.pop("xyz")
        return RegisterDevice(device_id=self.device_id, kind=given.get("kind"),
                              name=given.get("name", ""), xyz=given.get("xyz"),
                              building=given.get("building"), floor=given.get("floor"))

    def _on_ok(self) -> None:
        if run_command(self, self.room, self.command()) is not None:
            self.accept()
