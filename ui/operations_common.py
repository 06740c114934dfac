"""Pieces the operations panels share: read-only tables filled with plain text, KPI rows,
the names of equipment groups, tariff periods, plate problems and OCPP states in the
operator's language, and local times."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from widgets.kpi_tile import KpiTile

CONTEXT = "Operations"

GROUP_NAMES = {
    "households": QT_TRANSLATE_NOOP("Operations", "Households"),
    "public": QT_TRANSLATE_NOOP("Operations", "Public power"),
    "mains": QT_TRANSLATE_NOOP("Operations", "Main meters"),
    "pumps": QT_TRANSLATE_NOOP("Operations", "Pumps"),
    "lighting": QT_TRANSLATE_NOOP("Operations", "Lighting"),
    "chargers": QT_TRANSLATE_NOOP("Operations", "Chargers"),
    "lifts": QT_TRANSLATE_NOOP("Operations", "Lifts"),
}
PERIOD_NAMES = {
    "deep_valley": QT_TRANSLATE_NOOP("Operations", "Deep valley"),
    "valley": QT_TRANSLATE_NOOP("Operations", "Valley"),
    "flat": QT_TRANSLATE_NOOP("Operations", "Flat"),
    "peak": QT_TRANSLATE_NOOP("Operations", "Peak"),
    "critical_peak": QT_TRANSLATE_NOOP("Operations", "Critical peak"),
}
#: shading of tariff periods behind load curves (rgba)
PERIOD_RGBA = {"deep_valley": (52, 120, 200, 60), "valley": (52, 120, 200, 34),
               "flat": (0, 0, 0, 0), "peak": (220, 120, 40, 34),
               "critical_peak": (220, 60, 40, 60)}
PLATE_PROBLEMS = {
    "no_plate": QT_TRANSLATE_NOOP("Operations", "no plate read"),
    "too_short": QT_TRANSLATE_NOOP("Operations", "too short"),
    "too_long": QT_TRANSLATE_NOOP("Operations", "too long"),
    "bad_province": QT_TRANSLATE_NOOP("Operations", "unknown province"),
    "bad_character": QT_TRANSLATE_NOOP("Operations", "impossible character"),
    "bad_pattern": QT_TRANSLATE_NOOP("Operations", "not a plate format"),
    "colour_mismatch": QT_TRANSLATE_NOOP("Operations", "colour does not match the plate"),
}
CHARGER_STATES = {
    "Available": QT_TRANSLATE_NOOP("Operations", "Available"),
    "Preparing": QT_TRANSLATE_NOOP("Operations", "Preparing"),
    "Charging": QT_TRANSLATE_NOOP("Operations", "Charging"),
    "SuspendedEV": QT_TRANSLATE_NOOP("Operations", "Paused by car"),
    "SuspendedEVSE": QT_TRANSLATE_NOOP("Operations", "Paused by charger"),
    "Finishing": QT_TRANSLATE_NOOP("Operations", "Finishing"),
    "Reserved": QT_TRANSLATE_NOOP("Operations", "Reserved"),
    "Unavailable": QT_TRANSLATE_NOOP("Operations", "Unavailable"),
    "Faulted": QT_TRANSLATE_NOOP("Operations", "Faulted"),
    "Unknown": QT_TRANSLATE_NOOP("Operations", "Unknown"),
}
#: Recommendation.notes keys
NOTE_NAMES = {
    "level": QT_TRANSLATE_NOOP("Operations", "level limits"),
    "lowest": QT_TRANSLATE_NOOP("Operations", "lowest"),
    "highest": QT_TRANSLATE_NOOP("Operations", "highest"),
    "switch": QT_TRANSLATE_NOOP("Operations", "today's level switch"),
    "sessions": QT_TRANSLATE_NOOP("Operations", "sessions"),
    "ready_by": QT_TRANSLATE_NOOP("Operations", "ready by"),
    "peak_now": QT_TRANSLATE_NOOP("Operations", "transformer peak now"),
    "peak_planned": QT_TRANSLATE_NOOP("Operations", "planned"),
    "limit": QT_TRANSLATE_NOOP("Operations", "limit"),
    "unserved": QT_TRANSLATE_NOOP("Operations", "not served"),
    "infeasible": QT_TRANSLATE_NOOP("Operations", "no schedule keeps the limits"),
}
STATE_RGB = {"Charging": (46, 160, 90), "SuspendedEV": (90, 160, 200),
             "SuspendedEVSE": (90, 160, 200), "Preparing": (200, 180, 60),
             "Finishing": (200, 180, 60), "Faulted": (220, 70, 60),
             "Unavailable": (150, 150, 150), "Unknown": (110, 110, 110),
             "Available": (160, 170, 180), "Reserved": (170, 120, 200)}
GROUP_RGB = {"households": (224, 138, 30), "public": (192, 80, 77), "pumps": (128, 100, 162),
             "lighting": (61, 154, 91), "chargers": (46, 109, 164), "lifts": (75, 172, 198)}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def named(table: dict[str, str], key: str) -> str:
    return tr(table[key]) if key in table else key


def clock(t: float | None, pattern: str = "%H:%M") -> str:
    return "—" if t is None else time.strftime(pattern, time.localtime(t))


def number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def make_table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(60)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]],
               colours: Sequence[tuple[int, int, int] | None] = ()) -> None:
    """Plain text only (outside data is never markup); an optional colour per row."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        rgb = colours[r] if r < len(colours) else None
        for c, text in enumerate(row):
            item = QTableWidgetItem(str(text))
            item.setToolTip(str(text))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if rgb is not None:
                item.setForeground(QColor(*rgb))
            table.setItem(r, c, item)


def kpi_row(parent: QWidget, captions: Sequence[tuple[str, tuple[int, int, int]]]
            ) -> tuple[QHBoxLayout, list[KpiTile]]:
    row = QHBoxLayout()
    tiles = [KpiTile(caption, rgb, parent=parent) for caption, rgb in captions]
    for tile in tiles:
        row.addWidget(tile)
    row.addStretch(1)
    return row, tiles


def slot_ranges(starts: Sequence[float], ends: Sequence[float], values: Sequence[float],
                threshold: float = 1e-6, most: int = 4) -> str:
    """Consecutive slots with something in them as local time ranges: "00:00–02:30, …"
    (the first ``most``; the cell's tooltip has them all when given a larger ``most``)."""
    spans: list[list[float]] = []
    for s, e, v in zip(starts, ends, values, strict=True):
        if v <= threshold:
            continue
        if spans and abs(spans[-1][1] - s) < 1:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    text = ", ".join(f"{clock(a)}–{clock(b)}" for a, b in spans[:most]) or "—"
    return text + (" …" if len(spans) > most else "")
