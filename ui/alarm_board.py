"""AlarmBoard: the alarm list operators work from all shift.

A live table (sortable, filterable by severity, state, kind, building and text) fed by the
ControlRoom's alarm changes, delivered on the GUI thread by the process's RoomBridge.
Actions are commands sent as the signed-in user; what the user's role may not do is
disabled, and the engine checks it again. Keyboard:
A acknowledge, S shelve, C comment, M silence, N next unacknowledged. Selecting an alarm
emits ``sig_device_selected`` so the main window flies the 3D view to the device, and
shows beside the list what was done about it, by whom (``ui.alarm_timeline``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.alarms.model import Alarm, AlarmChanged
from app.dispatch.orders import short_order_id
from app.facade import commands as cmd
from app.facade.room import ControlRoom
from app.security.roles import Permission
from ui.alarm_labels import describe, device_label, severity_name, state_name, type_name
from ui.alarm_sound import AlarmSounder
from ui.alarm_timeline import timeline_rows
from ui.bridge import RoomBridge
from ui.command_feedback import run_command
from ui.i18n import kind_name
from widgets.alarm_table import COLUMNS, AlarmFilterProxy, AlarmRow, AlarmTableModel
from widgets.plain_text import plain_label
from widgets.timeline import Timeline

ACTIVE_STATES = frozenset({"raised", "acknowledged", "dispatched", "cleared"})


class AlarmBoard(QWidget):
    sig_device_selected = Signal(str)

    def __init__(self, room: ControlRoom, *, sounder: AlarmSounder | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AlarmBoard")
        self.room = room
        self.book = room.alarms
        self.store = room.store
        self.user = room.session.user
        self.sounder = sounder or AlarmSounder(self)
        headers = {"severity": self.tr("Severity"), "state": self.tr("State"),
                   "raised_at": self.tr("Raised"), "building": self.tr("Building"),
                   "device": self.tr("Device"), "type": self.tr("Alarm"),
                   "message": self.tr("Detail"), "count": self.tr("Count")}
        self.model = AlarmTableModel(headers, self)
        self.proxy = AlarmFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_filters(states=ACTIVE_STATES)
        self._timeline_of: str | None = None  # the alarm whose steps are shown
        self._build()
        RoomBridge.of(room).sig_alarm.connect(self._on_changed)
        for alarm in self.book.open_alarms():
            self._show(alarm)

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("All severities"), 1)
        for level in (2, 3, 4):
            self.severity_filter.addItem(self.tr("%1 and above").replace(
                "%1", severity_name(level)), level)
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("Open"), ACTIVE_STATES)
        self.state_filter.addItem(self.tr("Unacknowledged"), frozenset({"raised"}))
        self.state_filter.addItem(self.tr("Cleared, to acknowledge"), frozenset({"cleared"}))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        self.building_filter = QComboBox()
        self.building_filter.addItem(self.tr("All buildings"), None)
        kinds = sorted({d.kind for d in self.store.devices()})
        buildings = sorted({d.location.building for d in self.store.devices()
                            if d.location.building})
        for kind in kinds:
            self.kind_filter.addItem(kind_name(kind), kind)
        for building in buildings:
            self.building_filter.addItem(building, building)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search device, building, text…"))
        self.search.setClearButtonEnabled(True)
        for combo in (self.severity_filter, self.state_filter, self.kind_filter,
                      self.building_filter):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        self.search.textChanged.connect(self._on_filters_changed)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("severity"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in ("severity", "state", "raised_at", "building", "count"):
            header.setSectionResizeMode(COLUMNS.index(column),
                                        QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("device"), QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMNS.index("device"), 260)
        header.setSectionResizeMode(COLUMNS.index("message"), QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(80)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.counts = QLabel()
        buttons = QHBoxLayout()
        may = self.room.session.may
        actions = ((self.tr("Acknowledge (A)"), self.acknowledge_selected, "A",
                    may(Permission.ACKNOWLEDGE)),
                   (self.tr("Shelve (S)"), self.shelve_selected, "S", may(Permission.SHELVE)),
                   (self.tr("Comment (C)"), self.comment_selected, "C",
                    may(Permission.ACKNOWLEDGE)),
                   (self.tr("Silence (M)"), self.silence_selected, "M", True),
                   (self.tr("Next (N)"), self.select_next_unacknowledged, "N", True))
        # plain keys while the table has focus (an event filter, not QShortcut: it works
        # whether or not the window manager considers the window active)
        self._keys: dict[int, object] = {}
        self.buttons: dict[str, QPushButton] = {}
        for label, slot, key, allowed in actions:
            button = QPushButton(label)
            button.clicked.connect(slot)
            button.setVisible(allowed)  # the engine checks again; hidden is for clarity
            buttons.addWidget(button)
            self.buttons[key] = button
            if allowed:
                self._keys[QKeySequence(key)[0].key()] = slot
        self.table.installEventFilter(self)
        buttons.addStretch(1)
        buttons.addWidget(self.counts)

        filters = QHBoxLayout()
        for widget in (self.severity_filter, self.state_filter, self.kind_filter,
                       self.building_filter):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        # what was done about the selected alarm, by whom: what the next desk reads first
        self.timeline = Timeline([self.tr("Time"), self.tr("Who"), self.tr("Step"),
                                  self.tr("Note")])
        self.timeline.setObjectName("AlarmTimeline")
        self.timeline_heading = plain_label()
        self.timeline_heading.setWordWrap(True)
        side = self.timeline_pane = QWidget()  # shown while an alarm is selected
        side.setVisible(False)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.timeline_heading)
        side_layout.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._update_counts()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)):
            slot = self._keys.get(event.key())
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    # ---- book events (GUI thread) --------------------------------------------------------
    def _on_changed(self, change: AlarmChanged) -> None:
        self._show(change.alarm)
        if change.alarm.id == self._timeline_of:
            self._show_timeline(change.alarm)

    def _show_timeline(self, alarm: Alarm | None) -> None:
        self._timeline_of = alarm.id if alarm is not None else None
        self.timeline_pane.setVisible(alarm is not None)
        if alarm is None:
            self.timeline.set_rows([])
            return
        self.timeline_heading.setText(
            f"{device_label(self.store, alarm.device_id)} · {type_name(alarm.type)}")
        self.timeline.set_rows(timeline_rows(alarm, self.book.clock(), self.room.people()))

    def _show(self, alarm: Alarm) -> None:
        if alarm.closed_at is not None:
            self.model.remove(alarm.id)
            self.sounder.waiting(alarm.id, int(alarm.severity), audible=False)
            self._update_counts()
            return
        self.model.upsert(self._row(alarm))
        if alarm.parent_id is not None and self.model.row_of(alarm.parent_id) is not None:
            parent = self.book.get(alarm.parent_id)  # its row shows the count of children
            if parent is not None:
                self.model.upsert(self._row(parent))
        audible = (alarm.acknowledged_at is None and not alarm.suppressed
                   and not alarm.is_shelved(self.book.clock()))
        self.sounder.waiting(alarm.id, int(alarm.severity), audible)
        self._update_counts()

    def _row(self, alarm: Alarm) -> AlarmRow:
        device = self.store.device(alarm.device_id)
        kind = device.kind if device else ""
        children = sum(1 for r in self.model.rows() if r.parent_id == alarm.id)
        shelved = alarm.is_shelved(self.book.clock())
        silenced = self.sounder.is_silenced(alarm.id)
        marks = ((self.tr("shelved"),) if shelved else ()) + (
            (self.tr("silenced"),) if silenced else ())
        return AlarmRow(
            id=alarm.id, severity=int(alarm.severity),
            severity_label=severity_name(int(alarm.severity)),
            state=alarm.state, state_label=state_name(alarm.state),
            device_id=alarm.device_id, device_name=device_label(self.store, alarm.device_id),
            kind=kind, kind_label=kind_name(kind) if kind else "",
            building=(device.location.building or "") if device else "",
            type_label=type_name(alarm.type), message=describe(alarm),
            raised_at=alarm.raised_at, count=alarm.count, value=alarm.last_value,
            shelved=shelved, silenced=silenced, marks=marks, parent_id=alarm.parent_id,
            children=children,
            order_label=f"→ {short_order_id(alarm.dispatched_order)}"
            if alarm.dispatched_order else "")

    def _update_counts(self) -> None:
        rows = self.model.rows()
        unack = sum(1 for r in rows if r.state == "raised")
        self.counts.setText(self.tr("%1 open, %2 unacknowledged")
                            .replace("%1", str(len(rows))).replace("%2", str(unack)))

    def set_commands_enabled(self, enabled: bool) -> None:
        """Off while a console's server is away: nothing would reach it."""
        for key in ("A", "S", "C"):
            self.buttons[key].setEnabled(enabled)

    # ---- operator actions ----------------------------------------------------------------
    def selected_alarm(self) -> AlarmRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.alarm(self.proxy.mapToSource(index).row())

    def select_alarm(self, alarm_id: str) -> bool:
        row = self.model.row_of(alarm_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def acknowledge_selected(self) -> None:
        row = self.selected_alarm()
        if row is not None:
            self._act(cmd.AcknowledgeAlarm(alarm_id=row.id))

    def shelve_selected(self) -> None:
        row = self.selected_alarm()
        if row is None:
            return
        minutes, ok = QInputDialog.getInt(self, self.tr("Shelve alarm"),
                                          self.tr("Shelve for (minutes):"), 60, 1, 24 * 60)
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Shelve alarm"), self.tr("Reason:"))
        if ok:
            self._act(cmd.ShelveAlarm(alarm_id=row.id, duration_s=minutes * 60.0,
                                      reason=reason[:500]))

    def comment_selected(self) -> None:
        row = self.selected_alarm()
        if row is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Comment"), self.tr("Comment:"))
        if ok:
            self._act(cmd.CommentAlarm(alarm_id=row.id, text=text[:2000]))

    def silence_selected(self) -> None:
        row = self.selected_alarm()
        if row is not None:
            self.sounder.silence(row.id)  # this console's sound, whatever the answer
            if self.room.session.may(Permission.ACKNOWLEDGE):
                self._act(cmd.SilenceAlarm(alarm_id=row.id))  # recorded: who silenced it
            alarm = self.book.get(row.id)
            if alarm is not None:
                self._show(alarm)

    def select_next_unacknowledged(self) -> None:
        """Jump to the next unacknowledged alarm below the current one (wrapping)."""
        total = self.proxy.rowCount()
        if total == 0:
            return
        start = self.table.currentIndex().row()
        for step in range(1, total + 1):
            k = (start + step) % total
            source = self.proxy.mapToSource(self.proxy.index(k, 0))
            if self.model.alarm(source.row()).state == "raised":
                self.table.setCurrentIndex(self.proxy.index(k, 0))
                return

    def _act(self, command: cmd.Command) -> None:
        run_command(self, self.room, command)

    # ---- filters and selection -----------------------------------------------------------
    def _on_filters_changed(self) -> None:
        self.proxy.set_filters(min_severity=self.severity_filter.currentData(),
                               states=self.state_filter.currentData(),
                               kind=self.kind_filter.currentData(),
                               building=self.building_filter.currentData(),
                               text=self.search.text())

    def _on_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            self._show_timeline(None)
            return
        row = self.model.alarm(self.proxy.mapToSource(current).row())
        self._show_timeline(self.book.get(row.id))
        self.sig_device_selected.emit(row.device_id)
