"""ViewSearch: the 3D view's search box — by device id, name or room — that flies the
camera to the result and selects it.

It is the inspector's DeviceSearch with the room (and building/floor) added to what is
matched, so "1203", "3栋" or "b03-f12" all find devices; choosing one flies there with the
view's smooth camera animation (opening the device's floor when x-ray is on).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from app.domain.model import Device
from ui.compound_view import CompoundView
from ui.device_search import DeviceSearch, display_text


def search_text(device: Device) -> str:
    """What is matched and shown: name · kind · room · id (room only when the name does
    not already spell it)."""
    text = display_text(device)
    room = device.location.room
    if room and room not in device.name:
        head, _, device_id = text.rpartition(" · ")
        text = f"{head} · {room} · {device_id}"
    return text


class ViewSearch(DeviceSearch):
    def __init__(self, devices: Iterable[Device], view: CompoundView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(devices, parent)
        self.setPlaceholderText(self.tr("Find in 3D: id, name or room…"))
        self._view = view
        if view is not None:
            self.sig_device_chosen.connect(self._on_chosen)

    def set_devices(self, devices: Iterable[Device]) -> None:
        devices = list(devices)
        super().set_devices(devices)
        self._by_text = {search_text(d): d.id for d in devices}
        self._model.setStringList(sorted(self._by_text))

    def _on_chosen(self, device_id: str) -> None:
        if self._view is not None and self._view.fly_to_device(device_id):
            self._view.select_device(device_id)
