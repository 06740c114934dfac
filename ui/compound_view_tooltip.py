"""Hover tooltips of the 3D view: what the pointer rests on, in a few lines.

SceneView reports a resting pointer as a ``Hit`` (device, camera, technician or building,
see ``widgets.scene_pointer``); this module words it from the engine's data — the Scene,
the StateStore's live state and the open alarms — and shows it with QToolTip, which hides
itself once the pointer leaves a small box around where it rested (and on a drag, a wheel
or leaving the view, SceneView reports None).
"""

from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, QRect
from PySide6.QtWidgets import QToolTip

from app.domain.kinds import Level
from app.domain.model import Device
from app.scene.model import Scene
from app.state.store import StateStore
from ui import dispatch_labels
from ui.alarm_labels import describe, severity_name, type_name
from ui.compound_alarms import DeviceAlarms
from ui.i18n import kind_name, level_name
from ui.inspector import format_value
from ui.point_names import point_name
from widgets.scene_pointer import Hit
from widgets.scene_view import SceneView

_MAX_POINTS = 5  # value lines per device; a tooltip is a glance, the inspector has the rest
_HIDE_BOX_PX = 10  # the tooltip hides when the pointer moves this far from where it rested

USE_NAMES = {
    "residential": QT_TRANSLATE_NOOP("HoverTips", "Residential"),
    "garage": QT_TRANSLATE_NOOP("HoverTips", "Garage"),
    "substation": QT_TRANSLATE_NOOP("HoverTips", "Substation"),
    "pump_room": QT_TRANSLATE_NOOP("HoverTips", "Pump room"),
    "gatehouse": QT_TRANSLATE_NOOP("HoverTips", "Gatehouse"),
    "clubhouse": QT_TRANSLATE_NOOP("HoverTips", "Clubhouse"),
    "office": QT_TRANSLATE_NOOP("HoverTips", "Office"),
}


def _lines(title: str, *rows: str) -> str:
    body = "".join(f"<br>{html.escape(r)}" for r in rows if r)
    return f"<b>{html.escape(title)}</b>{body}"


class HoverTips(QObject):
    def __init__(self, view: SceneView, scene: Scene, store: StateStore,
                 alarms: DeviceAlarms) -> None:
        super().__init__(view)
        self._view = view
        self._store = store
        self._alarms = alarms
        self._devices: Mapping[str, Device] = scene.device_index()
        self._buildings = scene.building_index()
        self._cameras = {c.id: c for c in scene.cameras}
        self._technicians = {t.id: t for t in scene.technicians}
        self._per_building = Counter(d.location.building for d in scene.devices)
        # the text of the tooltip shown last ("" after it was hidden), for tests
        self.text = ""
        view.sig_hovered.connect(self._on_hovered)

    def text_for(self, hit: Hit) -> str:
        """The tooltip's rich text for ``hit`` ("" when there is nothing to say)."""
        word = {"device": self._device_text, "camera": self._camera_text,
                "technician": self._technician_text, "building": self._building_text}
        make = word.get(hit.kind)
        return make(hit) if make else ""

    # ---- one kind of thing each -----------------------------------------------------------
    def _device_text(self, hit: Hit) -> str:
        # the store knows devices registered while running too (births, operators)
        device = self._devices.get(hit.id) or self._store.device(hit.id)
        if device is None:
            return ""
        return _lines(device.name, f"{device.id} · {kind_name(device.kind)}",
                      self._where(device), *self._state_lines(device))

    def _camera_text(self, hit: Hit) -> str:
        camera = self._cameras.get(hit.id)
        if camera is None:
            return ""
        watched = self._buildings.get(camera.watches or "")
        rows = [f"{camera.id} · {kind_name('camera')}"]
        if watched is not None:
            rows.append(self.tr("Watches %1").replace("%1", watched.name))
        device = self._devices.get(camera.id)
        if device is not None:
            rows.extend(self._state_lines(device))
        rows.append(self.tr("Click to open its feed"))
        return _lines(camera.name, *rows)

    def _technician_text(self, hit: Hit) -> str:
        tech = self._technicians.get(hit.id)
        if tech is None:
            return _lines(self.tr("Technician %1").replace("%1", hit.id))
        skills = "、".join(dispatch_labels.name(dispatch_labels.SKILL_NAMES, s)
                          for s in tech.skills)
        shift = dispatch_labels.name(dispatch_labels.SHIFT_NAMES, tech.shift)
        return _lines(tech.name, f"{self.tr('Technician %1').replace('%1', tech.id)} · {shift}",
                      skills, tech.phone)

    def _building_text(self, hit: Hit) -> str:
        b = self._buildings.get(hit.id)
        if b is None:
            return ""
        use = USE_NAMES.get(b.use)
        storeys = self.tr("%1 floors").replace("%1", str(b.floors))
        if b.basements:
            storeys += " · " + self.tr("%1 basements").replace("%1", str(b.basements))
        open_alarms = sum(1 for a in self._alarms.live()
                          if (d := self._devices.get(a.device_id)) is not None
                          and d.location.building == b.id)
        return _lines(
            f"{b.name} ({b.id})",
            " · ".join(p for p in (self.tr(use) if use else b.use, storeys) if p),
            self.tr("Under the pointer: %1").replace("%1", self._floor_text(hit.floor))
            if hit.floor is not None else "",
            self.tr("%1 devices · %2 open alarms")
                .replace("%1", str(self._per_building.get(b.id, 0)))
                .replace("%2", str(open_alarms)))

    # ---- parts -------------------------------------------------------------------------------
    def _where(self, device: Device) -> str:
        loc = device.location
        building = self._buildings.get(loc.building or "")
        parts = [building.name if building else (loc.building or self.tr("Outdoors"))]
        if loc.floor is not None:
            parts.append(self._floor_text(loc.floor))
        if loc.room:
            parts.append(self.tr("Room %1").replace("%1", loc.room))
        return " · ".join(parts)

    def _floor_text(self, floor: int) -> str:
        if floor > 0:
            return self.tr("Floor %1").replace("%1", str(floor))
        return self.tr("Basement %1").replace("%1", str(-floor))

    def _state_lines(self, device: Device) -> list[str]:
        state = self._store.get(device.id)
        if state is None or state.level == Level.UNKNOWN and not state.values:
            return [level_name(Level.UNKNOWN)]
        rows = []
        for point, spec in list(device.points.items())[:_MAX_POINTS]:
            value = state.values.get(point)
            if value is not None:
                rows.append(self._pair(point_name(point),
                                       f"{format_value(value)} {spec.unit}".rstrip()))
        status = level_name(Level(state.level))
        if state.level in (Level.STALE, Level.OFFLINE) and state.seen_at is not None:
            status += " · " + self.tr("last data %1").replace(
                "%1", dispatch_labels.age(max(time.time() - state.seen_at, 0.0)))
        rows.append(self.tr("Status: %1").replace("%1", status))
        sev, unacked, worst = self._alarms.summary(device.id)
        if worst is not None:
            alarm = f"{severity_name(sev)} · " + self._pair(type_name(worst.type), describe(worst))
            if unacked:
                alarm += " · " + self.tr("unacknowledged")
            rows.append(self.tr("Alarm: %1").replace("%1", alarm))
        return rows

    def _pair(self, name: str, value: str) -> str:
        # the colon is a full-width one in Chinese
        return self.tr("%1: %2").replace("%1", name).replace("%2", value)

    # ---- showing -----------------------------------------------------------------------------
    def _on_hovered(self, hit: Hit | None, pos: QPoint) -> None:
        text = "" if hit is None else self.text_for(hit)
        self.text = text
        if not text:
            QToolTip.hideText()
            return
        widget = self._view
        local = widget.mapFromGlobal(pos)
        box = QRect(local.x() - _HIDE_BOX_PX, local.y() - _HIDE_BOX_PX,
                    2 * _HIDE_BOX_PX, 2 * _HIDE_BOX_PX)
        QToolTip.showText(pos, text, widget, box)
