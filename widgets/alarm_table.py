"""AlarmTableModel: a live alarm list for a QTableView, updated row by row.

Presentational: rows are plain ``AlarmRow`` values given by the caller; the model never
resets on a change (an upsert emits dataChanged for one row, or inserts one), so selection
and scroll position survive a busy shift. ``AlarmFilterProxy`` sorts and filters it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from widgets.plain_text import tooltip

Index = QModelIndex | QPersistentModelIndex

#: severity 1..4 → row colour (text on the dark theme stays readable on all of them)
SEVERITY_RGB = {4: (192, 57, 43), 3: (231, 76, 60), 2: (243, 156, 18), 1: (241, 196, 15)}


@dataclasses.dataclass(frozen=True)
class AlarmRow:
    id: str
    severity: int  # 1 low … 4 critical
    severity_label: str
    state: str  # raised | acknowledged | dispatched | cleared | closed (machine value)
    state_label: str
    device_id: str
    device_name: str
    kind: str
    kind_label: str
    building: str
    type_label: str
    message: str
    raised_at: float
    count: int
    value: float | None
    shelved: bool = False
    silenced: bool = False
    parent_id: str | None = None
    children: int = 0
    order_label: str = ""  # e.g. "→ WO-12" once a work order is attached
    marks: tuple[str, ...] = ()  # e.g. ("shelved", "silenced") in the operator's language


COLUMNS = ("severity", "state", "raised_at", "building", "device", "type", "message", "count")


class AlarmTableModel(QAbstractTableModel):
    def __init__(self, headers: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[AlarmRow] = []
        self._index: dict[str, int] = {}

    # ---- updates -------------------------------------------------------------------------
    def upsert(self, row: AlarmRow) -> None:
        at = self._index.get(row.id)
        if at is None:
            at = len(self._rows)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.append(row)
            self._index[row.id] = at
            self.endInsertRows()
        else:
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))

    def remove(self, alarm_id: str) -> None:
        at = self._index.pop(alarm_id, None)
        if at is None:
            return
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._rows[at]
        self.endRemoveRows()
        for k in range(at, len(self._rows)):
            self._index[self._rows[k].id] = k

    def replace_all(self, rows: Iterable[AlarmRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {r.id: k for k, r in enumerate(self._rows)}
        self.endResetModel()

    def row_of(self, alarm_id: str) -> int | None:
        return self._index.get(alarm_id)

    def alarm(self, row: int) -> AlarmRow:
        return self._rows[row]

    def rows(self) -> list[AlarmRow]:
        return list(self._rows)

    # ---- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(COLUMNS[section], COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return _sort_key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state in ("cleared", "closed") or row.shelved:
                return QBrush(QColor(150, 156, 163))
            if column == "severity":
                return QBrush(QColor(*SEVERITY_RGB.get(row.severity, (200, 200, 200))))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == "severity":
            r, g, b = SEVERITY_RGB.get(row.severity, (90, 90, 90))
            unacknowledged = row.state in ("raised",)
            return QBrush(QColor(r, g, b, 70 if unacknowledged else 28))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{row.device_id}\n{row.message}")  # outside text: shown as is
        return None


def _display(row: AlarmRow, column: str) -> str:
    if column == "severity":
        return row.severity_label
    if column == "state":
        extra = f" {row.order_label}" if row.order_label else ""
        # words, not the pause and muted-speaker symbols it had: no font we install draws
        # them (they showed as empty boxes)
        extra += "".join(f" · {mark}" for mark in row.marks)
        return row.state_label + extra
    if column == "raised_at":
        return dt.datetime.fromtimestamp(row.raised_at).strftime("%m-%d %H:%M:%S")
    if column == "building":
        return row.building
    if column == "device":  # the control room itself or a camera has no device kind
        return f"{row.device_name} ({row.kind_label})" if row.kind_label else row.device_name
    if column == "type":
        return row.type_label + (f" +{row.children}" if row.children else "")
    if column == "message":
        return row.message
    return str(row.count)


def _sort_key(row: AlarmRow, column: str):
    return {
        "severity": (row.severity, row.raised_at),
        "state": row.state,
        "raised_at": row.raised_at,
        "building": row.building,
        "device": row.device_name,
        "type": row.type_label,
        "message": row.message,
        "count": row.count,
    }[column]


class AlarmFilterProxy(QSortFilterProxyModel):
    """Filters by minimum severity, states, kind, building and free text; sorts by the
    model's sort keys (severity sorts by severity, then time)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.min_severity = 1
        self.states: frozenset[str] | None = None
        self.kind: str | None = None
        self.building: str | None = None
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filters(self, *, min_severity: int | None = None,
                    states: frozenset[str] | None | bool = False, kind: str | None | bool = False,
                    building: str | None | bool = False, text: str | None = None) -> None:
        self.beginFilterChange()
        if min_severity is not None:
            self.min_severity = min_severity
        if states is not False:
            self.states = states  # type: ignore[assignment]
        if kind is not False:
            self.kind = kind  # type: ignore[assignment]
        if building is not False:
            self.building = building  # type: ignore[assignment]
        if text is not None:
            self.text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AlarmTableModel)
        row = model.alarm(source_row)
        if row.severity < self.min_severity:
            return False
        if self.states is not None and row.state not in self.states:
            return False
        if self.kind and row.kind != self.kind:
            return False
        if self.building and row.building != self.building:
            return False
        if self.text:
            hay = " ".join((row.device_id, row.device_name, row.message, row.type_label,
                            row.building)).lower()
            return self.text in hay
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        return self.sourceModel().data(left, Qt.ItemDataRole.UserRole) < \
            self.sourceModel().data(right, Qt.ItemDataRole.UserRole)
