"""DeviceSearch: a search box that finds devices by id or name as the operator types.

Matching is a case-insensitive substring over "name · kind · id", so "3栋", "水表" or
"b3-" all find candidates; the kind is included in its translated form so typing the
kind's Chinese name works even when a device's name does not spell it out.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.domain.model import Device
from ui.i18n import kind_name


def display_text(device: Device) -> str:
    kind = kind_name(device.kind)
    parts = [device.name]
    if kind not in device.name:
        parts.append(kind)
    parts.append(device.id)
    return " · ".join(parts)


class DeviceSearch(QLineEdit):
    sig_device_chosen = Signal(str)

    def __init__(self, devices: Iterable[Device], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search devices by name or id…"))
        self._by_text: dict[str, str] = {}
        self._ids: dict[str, str] = {}  # lower-case id → id
        # picking from the popup with Enter also fires returnPressed: emit only once
        self._just_chosen: str | None = None
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setMaxVisibleItems(14)
        self._completer.popup().setObjectName("CompleterPopup")
        self._completer.activated[str].connect(self._on_activated)
        self.setCompleter(self._completer)
        self.returnPressed.connect(self._on_return)
        self.set_devices(devices)

    def set_devices(self, devices: Iterable[Device]) -> None:
        self._by_text = {display_text(d): d.id for d in devices}
        self._ids = {i.lower(): i for i in self._by_text.values()}
        self._model.setStringList(sorted(self._by_text))

    def matches(self, text: str, limit: int = 50) -> list[str]:
        """Device ids whose display text contains ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        if not needle:
            return []
        out = []
        for shown, device_id in self._by_text.items():
            if needle in shown.lower():
                out.append(device_id)
                if len(out) >= limit:
                    break
        return out

    def _on_activated(self, text: str) -> None:
        device_id = self._by_text.get(text)
        if device_id is not None:
            self._just_chosen = device_id
            self.sig_device_chosen.emit(device_id)

    def _on_return(self) -> None:
        # Enter without picking from the popup: an exact id, else the first match
        text = self.text().strip()
        device_id = self._by_text.get(text) or self._ids.get(text.lower())
        if device_id is None:
            found = self.matches(text, limit=1)
            device_id = found[0] if found else None
        just, self._just_chosen = self._just_chosen, None
        if device_id is not None and device_id != just:
            self.sig_device_chosen.emit(device_id)
