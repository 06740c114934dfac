"""Table models of the dispatch panel: the order queue and the technicians.

Both are keyed by id and updated in place from each runtime snapshot: a changed cell emits
``dataChanged`` for that cell, a new order is inserted, nothing is reset, so the selection,
the scroll position and a drag in progress survive the 2 Hz refresh.

Drag and drop: an order row drags as ``application/x-control-room-order`` (its id); dropping
it on a technician row makes ``TechnicianModel`` emit ``sig_order_dropped(order_id,
tech_id)``. The panel decides what to do with it (suggested or override with a reason).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.dispatch.orders import Sla, WorkOrder, short_order_id
from app.dispatch.runtime_view import OrderView
from app.dispatch.technicians import TechnicianStatus
from app.domain.kinds import Level
from ui import dispatch_labels as L
from ui.theme import level_rgb

ORDER_MIME = "application/x-control-room-order"
Index = QModelIndex | QPersistentModelIndex


def _rgb(level: Level) -> QColor:
    return QColor(*level_rgb(level))


class _KeyedModel(QAbstractTableModel):
    """Rows of display tuples kept by id; ``update`` diffs against what is shown."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.headers = list(headers)
        self.ids: list[str] = []
        self.cells: list[list[Any]] = []  # display text per column
        self.colours: list[list[QColor | None]] = []
        self._row_of: dict[str, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[r][c]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colours[r][c]
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[r]
        return None

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    def _put(self, key: str, cells: list[Any], colours: list[QColor | None]) -> None:
        row = self._row_of.get(key)
        if row is None:
            row = len(self.ids)
            self.beginInsertRows(QModelIndex(), row, row)
            self.ids.append(key)
            self.cells.append(cells)
            self.colours.append(colours)
            self._row_of[key] = row
            self.endInsertRows()
            return
        old_cells, old_colours = self.cells[row], self.colours[row]
        changed = [c for c in range(len(cells))
                   if cells[c] != old_cells[c] or colours[c] != old_colours[c]]
        if changed:
            self.cells[row], self.colours[row] = cells, colours
            self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))


class OrderQueueModel(_KeyedModel):
    COLUMNS = ("id", "priority", "state", "title", "skill", "tech", "sla", "created")

    def __init__(self, headers: Sequence[str], sla: dict[int, Sla], parent=None) -> None:  # noqa: ANN001
        super().__init__(headers, parent)
        self.sla = sla
        self.views: dict[str, OrderView] = {}

    def update(self, views: Sequence[OrderView], tech_names: dict[str, str],
               title_of: Callable[[WorkOrder], str]) -> None:
        for v in views:
            self.views[v.id] = v
            o = v.order
            cells = [short_order_id(o.id), f"P{o.priority}", L.name(L.STATE_NAMES, o.state), title_of(o),
                     L.name(L.SKILL_NAMES, o.skill), tech_names.get(o.assignee or "", ""),
                     *self._sla_cell(v), L.clock_time(o.created_at)]
            colours: list[QColor | None] = [None] * len(cells)
            colours[6] = self._sla_colour(v)
            if o.priority == 1 and o.is_open:
                colours[1] = _rgb(Level.ALARM)
            self._put(o.id, cells, colours)

    def _sla_cell(self, v: OrderView) -> list[str]:
        nxt = v.next_deadline()
        if nxt is None:
            return [""]
        clock, left = nxt
        return [L.deadline(L.name(L.CLOCK_NAMES, clock), left)]

    def _sla_colour(self, v: OrderView) -> QColor | None:
        """Red once a clock is overdue; amber in its last third; otherwise plain."""
        nxt = v.next_deadline()
        if nxt is None:
            return None
        clock, left = nxt
        if left < 0:
            return _rgb(Level.ALARM)
        limit = getattr(self.sla[v.order.priority], f"{clock}_s")
        return _rgb(Level.WARNING) if left < limit / 3 else None

    # -- dragging an order ----------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ORDER_MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            mime.setData(ORDER_MIME, self.ids[rows[0]].encode("utf-8"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        # copy, never move: a move would make the view delete the dragged row afterwards
        return Qt.DropAction.CopyAction


class TechnicianModel(_KeyedModel):
    COLUMNS = ("name", "skills", "shift", "load", "position")
    sig_order_dropped = Signal(str, str)  # order id, technician id

    def update(self, techs: Sequence[TechnicianStatus]) -> None:
        for st in techs:
            t = st.tech
            skills = ", ".join(L.name(L.SKILL_NAMES, s) + ("*" if s in t.certified else "")
                               for s in t.skills)
            shift = L.name(L.SHIFT_NAMES, t.shift)
            if not st.on_shift:
                shift += " " + L.tr(L.OFF_SHIFT)
            cells = [t.name, skills, shift, str(st.load), L.age(st.position_age_s)]
            colours: list[QColor | None] = [None] * len(cells)
            if st.stale:
                colours[4] = _rgb(Level.STALE)
            if not st.on_shift:
                colours[0] = colours[2] = _rgb(Level.OFFLINE)
            self._put(t.id, cells, colours)

    # -- dropping an order on a technician --------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ORDER_MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return data.hasFormat(ORDER_MIME) and (parent.isValid() or 0 <= row < len(self.ids))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent.row() if parent.isValid() else row
        order_id = bytes(data.data(ORDER_MIME).data()).decode("utf-8")
        self.sig_order_dropped.emit(order_id, self.ids[target])
        return True  # accepted as a copy: no row of either model moves
