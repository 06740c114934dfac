"""Painting helpers the wall's tiles share: severity badges (colour, shape and word
together), text lines that stop at the bottom of their box, and how alarms are worded on a
wall (what, where, since when) — one place, so the ticker and the details say it alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from app.alarms.model import Alarm
from app.scene.model import Scene
from ui.alarm_labels import not_a_device_name, type_name
from ui.wall import theme
from ui.wall.tile import wt


def badge(p: QPainter, x: float, y: float, h: float, severity: int, *, text: str | None = None,
          filled: bool = True) -> float:
    """A severity badge at (x, y), ``h`` high: shape and word on the severity's colour
    (``filled``) or outlined in it (the flash's off phase). Returns its width."""
    look = theme.severity_look(severity)
    label = f"{look.shape} {text if text is not None else theme.severity_word(severity)}"
    pad = h * 0.25
    w = p.fontMetrics().horizontalAdvance(label) + 2 * pad
    box = QRectF(x, y, w, h)
    if filled:
        p.fillRect(box, look.colour)
        p.setPen(QColor(20, 20, 20))
    else:
        p.setPen(look.colour)
        p.drawRect(box.adjusted(1, 1, -1, -1))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    return w


def text_line(p: QPainter, font: QFont, colour: QColor, rect: QRectF, y: float, text: str,
              *, wrap: bool = False) -> float:
    """Draw ``text`` from ``y`` inside ``rect`` (one line elided, or wrapped); returns the
    next line's y, or rect.bottom() + 1 when it did not fit (nothing is drawn half)."""
    p.setFont(font)
    p.setPen(colour)
    metrics = p.fontMetrics()
    if wrap:
        box = metrics.boundingRect(QRectF(rect.x(), y, rect.width(), 1e6).toRect(),
                                   int(Qt.TextFlag.TextWordWrap), text)
        height = box.height()
        if y + height > rect.bottom():
            height = int((rect.bottom() - y) // metrics.height() * metrics.height())
            if height <= 0:
                return rect.bottom() + 1
        p.drawText(QRectF(rect.x(), y, rect.width(), height),
                   int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), text)
        return y + height
    if y + metrics.height() > rect.bottom():
        return rect.bottom() + 1
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    p.drawText(QRectF(rect.x(), y, rect.width(), metrics.height()),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
    return y + metrics.height()


def place_of(scene: Scene, device_id: str) -> str:
    """"3栋 12层 · 1203 烟感" — the building and floor an operator walks to, then the device."""
    device = scene.device_index().get(device_id)
    if device is None:
        return not_a_device_name(device_id)
    parts = []
    loc = device.location
    if loc.building:
        building = next((b for b in scene.buildings if b.id == loc.building), None)
        parts.append(building.name if building is not None else loc.building)
    if loc.floor is not None:
        parts.append(wt("B%1").replace("%1", str(-loc.floor)) if loc.floor < 0
                     else wt("Floor %1").replace("%1", str(loc.floor)))
    where = " ".join(parts)
    if not where or (parts and parts[0] in device.name):  # the name already says where
        return device.name
    return f"{where} · {device.name}"


def since_text(at: float, now: float, local: Callable[[float], dt.datetime]) -> str:
    """"14:02 · 5 分钟前" in the wall's language and time zone."""
    clock = local(at).strftime("%H:%M")
    minutes = max(0, int((now - at) // 60))
    if minutes < 1:
        ago = wt("just now")
    elif minutes < 120:
        ago = wt("%1 min ago").replace("%1", str(minutes))
    else:
        ago = wt("%1 h ago").replace("%1", str(minutes // 60))
    return f"{clock} · {ago}"


def alarm_title(alarm: Alarm) -> str:
    return type_name(alarm.type)
