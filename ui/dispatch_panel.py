"""DispatchPanel: the dispatcher's desk — order queue, technicians, reasons, timeline, KPIs.

Pull, don't push: a QTimer (2 Hz) reads a ``DispatchSnapshot`` from the ControlRoom and
updates the models in place. Dispatch events arrive through the process's RoomBridge and
only bring the next refresh forward. Every action is a command sent as the signed-in user. Assigning: drag an order onto a technician, or select both
and press "Assign to selected" (keyboard users). Choosing someone other than the suggested
technician, or moving an order someone already holds, is an override and needs a reason.

``sig_show_route(tech_id, points)`` carries the walkway route of the selected order's
technician (or the suggested one) for the 3D view; ``sig_technicians(positions)`` every
technician's position on each refresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dispatch.orders import WorkOrder
from app.dispatch.runtime_view import DispatchSnapshot
from app.facade import commands as cmd
from app.facade.errors import CommandError
from app.facade.room import ControlRoom
from app.security.roles import Permission
from ui import dispatch_labels as L
from ui.bridge import RoomBridge
from ui.command_feedback import error_text
from ui.dispatch_detail import OrderDetail
from ui.dispatch_models import OrderQueueModel, TechnicianModel
from widgets.plain_text import plain_label, tooltip
from widgets.polling import poll_every

REFRESH_MS = 500
QUEUED_STATES = frozenset({"created", "rejected"})



def _titled(title: str, table: QTableView, below: QHBoxLayout | None = None) -> QWidget:
    """A table under its title (and a row of buttons under it), for a splitter."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(title))
    layout.addWidget(table, 1)
    if below is not None:
        layout.addLayout(below)
    return box

class DispatchPanel(QWidget):
    sig_show_route = Signal(str, object)  # technician id, [(x, y, z), ...]
    sig_technicians = Signal(object)  # {tech id: (x, y, z)}

    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DispatchPanel")
        self.room = room
        assert room.dispatch is not None, "the dispatch panel needs a running dispatch"
        self.runtime = room.dispatch
        self.snapshot: DispatchSnapshot | None = None
        self.tech_names = {t.id: t.name for t in room.scene.technicians}
        self.orders = OrderQueueModel(
            [self.tr("Order"), self.tr("Priority"), self.tr("State"), self.tr("Fault"),
             self.tr("Skill"), self.tr("Technician"), self.tr("SLA"), self.tr("Created")],
            self.runtime.sla, self)
        self.techs = TechnicianModel(
            [self.tr("Technician"), self.tr("Skills"), self.tr("Shift"), self.tr("Load"),
             self.tr("Position")], self)
        self.techs.sig_order_dropped.connect(self._on_order_dropped)
        self._build()
        RoomBridge.of(room).sig_dispatch.connect(self._on_dispatch_event)
        self._timer = poll_every(self, REFRESH_MS, self.refresh)
        self._soon = QTimer(self)  # coalesces a burst of events into one refresh
        self._soon.setSingleShot(True)
        self._soon.setInterval(50)
        self._soon.timeout.connect(self.refresh)
        self.refresh()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.auto = QCheckBox(self.tr("Assign automatically"))
        self.auto.setToolTip(self.tr("Send each new order to the suggested technician at "
                                     "once; switch off to decide every assignment yourself"))
        self.auto.toggled.connect(self._on_auto_toggled)
        self.banner = plain_label()
        self.banner.setObjectName("DispatchReadOnly")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #f39c12")
        self.message = plain_label()  # engine lines carry ids and names from outside
        self.message.setObjectName("DispatchMessage")
        self.message.setWordWrap(True)

        self.order_view = QTableView()
        self.order_view.setModel(self.orders)
        self._table(self.order_view)
        self.order_view.setDragEnabled(True)
        self.order_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.order_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        header = self.order_view.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # "接单超时 9:12:49" is the cell a dispatcher must read whole; the fault is elided first
        header.setSectionResizeMode(OrderQueueModel.COLUMNS.index("sla"),
                                    QHeaderView.ResizeMode.ResizeToContents)
        self.order_view.selectionModel().currentRowChanged.connect(self._on_order_selected)

        self.tech_view = QTableView()
        self.tech_view.setModel(self.techs)
        self._table(self.tech_view)
        self.tech_view.setAcceptDrops(True)
        self.tech_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tech_view.setDropIndicatorShown(True)
        self.tech_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.assign_button = QPushButton(self.tr("Assign to selected technician"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for overriding the suggestion"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.close_button = QPushButton(self.tr("Close"))
        self.cancel_button = QPushButton(self.tr("Cancel order"))
        for button, to in ((self.verify_button, "verified"), (self.close_button, "closed"),
                           (self.cancel_button, "cancelled")):
            button.clicked.connect(lambda _=False, to=to: self.set_selected_state(to))
        self.detail = OrderDetail()
        self.kpis = QTableWidget(0, 4)
        self.kpis.setHorizontalHeaderLabels([self.tr("To accept"), self.tr("To arrive"),
                                             self.tr("To resolve"), self.tr("Orders")])
        self.kpis.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kpis.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        actions = QHBoxLayout()
        actions.addWidget(self.assign_button)
        actions.addWidget(self.reason, 1)
        for b in (self.verify_button, self.close_button, self.cancel_button):
            actions.addWidget(b)
        queue = _titled(self.tr("Work orders"), self.order_view, actions)
        crew = _titled(self.tr("Technicians (drop an order on one to assign it)"),
                       self.tech_view)
        # the dispatcher drags the line between queue and crew to give either more rows
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(queue)
        left.addWidget(crew)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.kpis.setToolTip(self.tr("Mean response times, from the order's creation"))
        self.detail.tabs.addTab(self.kpis, self.tr("Response times"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.auto)
        top.addWidget(self.banner, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    @staticmethod
    def _table(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.setMinimumHeight(60)  # the dock may be short: the 3D view keeps the height

    # -- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        snap = self.runtime.snapshot()
        self.snapshot = snap
        self.orders.update(snap.orders, self.tech_names, self.order_title)
        self.techs.update(snap.technicians)
        self.auto.blockSignals(True)
        self.auto.setChecked(snap.auto_assign)
        self.auto.blockSignals(False)
        self.auto.setEnabled(snap.read_only_reason is None
                             and self.room.session.may(Permission.OVERRIDE))
        # the engine's reason (English, names the source) goes to the tooltip; the operator
        # reads what it means in their language
        self.banner.setText("" if snap.read_only_reason is None
                            else L.word_note(snap.read_only_reason))
        self.banner.setToolTip(tooltip(snap.read_only_reason or ""))
        self.detail.show_order(self._selected_view(), self.tech_names, self.order_title,
                               self.room.people())
        self._show_kpis(snap.kpis)
        self.sig_technicians.emit({t.id: t.xyz for t in snap.technicians})
        self._emit_route()

    def order_title(self, order: WorkOrder) -> str:
        device = self.room.store.device(order.device_id) if order.device_id else None
        return L.order_title(order, device.name if device is not None else None)

    def _show_kpis(self, kpis: dict[str, dict[str, float | int | None]]) -> None:
        names = ["all"] + sorted(k for k in kpis if k != "all")
        self.kpis.setRowCount(len(names))
        self.kpis.setVerticalHeaderLabels([L.name(L.SHIFT_NAMES, n) for n in names])
        for r, n in enumerate(names):
            k = kpis[n]
            cells = [L.minutes(k.get("mean_time_to_acknowledge_s")),
                     L.minutes(k.get("mean_time_to_arrive_s")),
                     L.minutes(k.get("mean_time_to_resolve_s")), str(k.get("orders", 0))]
            for c, text in enumerate(cells):
                item = self.kpis.item(r, c)
                if item is None:
                    self.kpis.setItem(r, c, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)

    def _emit_route(self) -> None:
        view = self._selected_view()
        if view is None or not view.order.is_open:
            return
        tech = view.order.assignee or (view.suggestion.tech_id if view.suggestion else None)
        if tech is None or view.order.state == "arrived":
            return
        try:
            route = self.runtime.route(tech, view.id)
        except (CommandError, KeyError, ValueError):  # the order went meanwhile, or offline
            return
        self.sig_show_route.emit(tech, route)

    def _on_dispatch_event(self, _event: object) -> None:
        if not self._soon.isActive():
            self._soon.start()

    def _on_order_selected(self, *_args: object) -> None:
        self.detail.show_order(self._selected_view(), self.tech_names, self.order_title,
                               self.room.people())
        self._emit_route()

    def _on_auto_toggled(self, on: bool) -> None:
        try:
            self.room.execute(cmd.SetAutoAssign(on=on))
        except CommandError as exc:
            self._say(error_text(exc), error=True)

    def set_commands_enabled(self, enabled: bool) -> None:
        """Off while a console's server is away: nothing would reach it."""
        for button in self.findChildren(QPushButton):
            button.setEnabled(enabled)
        self.order_view.setDragEnabled(enabled)

    # -- selection ------------------------------------------------------------------------------
    def selected_order_id(self) -> str | None:
        index = self.order_view.currentIndex()
        return self.orders.ids[index.row()] if index.isValid() else None

    def selected_tech_id(self) -> str | None:
        index = self.tech_view.currentIndex()
        return self.techs.ids[index.row()] if index.isValid() else None

    def select_order(self, order_id: str) -> bool:
        row = self.orders.row_of(order_id)
        if row is None:
            return False
        self.order_view.selectRow(row)
        return True

    def select_tech(self, tech_id: str) -> bool:
        row = self.techs.row_of(tech_id)
        if row is None:
            return False
        self.tech_view.selectRow(row)
        return True

    def _selected_view(self):  # noqa: ANN202
        oid = self.selected_order_id()
        return None if oid is None or self.snapshot is None else self.snapshot.order(oid)

    # -- actions ----------------------------------------------------------------------------------
    def assign_selected(self) -> bool:
        order_id, tech_id = self.selected_order_id(), self.selected_tech_id()
        if order_id is None or tech_id is None:
            self._say(self.tr("Select a work order and a technician first"), error=True)
            return False
        return self.assign(order_id, tech_id)

    def _on_order_dropped(self, order_id: str, tech_id: str) -> None:
        # after the drop has finished: a reason dialog must not open inside the drag
        QTimer.singleShot(0, lambda: self.assign(order_id, tech_id))

    def assign(self, order_id: str, tech_id: str) -> bool:
        """Assign as the dispatcher; an override asks for a reason (the field, or a dialog)."""
        view = self.snapshot.order(order_id) if self.snapshot else None
        suggested = view.suggestion.tech_id if view and view.suggestion else None
        held = view is not None and view.order.state not in QUEUED_STATES
        reason = self.reason.text().strip()
        if (held or tech_id != suggested) and not reason:
            reason, ok = QInputDialog.getText(self, self.tr("Override"), self.tr(
                "Why %1 instead of the suggestion?").replace(
                "%1", self.tech_names.get(tech_id, tech_id)))
            reason = reason.strip()
            if not ok or not reason:
                self._say(self.tr("Not assigned: an override needs a reason"), error=True)
                return False
        try:
            self.room.execute(cmd.AssignOrder(order_id=order_id, tech_id=tech_id,
                                              reason=reason[:500]))
        except CommandError as exc:  # refused, or the engine's one line (DispatchError …)
            self._say(error_text(exc), error=True)
            return False
        self.reason.clear()
        self._say(self.tr("%1 assigned to %2").replace("%1", order_id).replace(
            "%2", self.tech_names.get(tech_id, tech_id)))
        self.refresh()
        return True

    def set_selected_state(self, to: str) -> bool:
        order_id = self.selected_order_id()
        if order_id is None:
            return False
        try:
            self.room.execute(cmd.SetOrderState(order_id=order_id, to=to,
                                                note=self.reason.text().strip()[:500]))
        except CommandError as exc:  # refused, or IllegalTransition / DispatchError
            self._say(error_text(exc), error=True)
            return False
        self.reason.clear()
        self.refresh()
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #e74c3c" if error else "")
        self.message.setText(text)
