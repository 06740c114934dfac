"""The device inspector: find a device, see what it is, where it is, how it is doing, and
a live trend of one of its points.

The panel pulls from the ControlRoom's store on the main window's UI timer (``refresh``); it
never gets called from a worker thread. Names, ids and rooms come from outside (scene files,
birth messages): every label that shows them is plain text. Only the shown device and a few recently viewed ones are
sampled into history (see ``DeviceHistory``).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.kinds import Level
from app.domain.model import Device, PointSpec
from app.facade.commands import FreezeLearnedBand
from app.facade.room import ControlRoom
from app.security.roles import Permission
from app.state.levels import point_level
from app.state.store import DeviceState
from ui.attention_list import AttentionList
from ui.command_feedback import run_command
from ui.device_history import DeviceHistory
from ui.device_search import DeviceSearch
from ui.i18n import kind_name, level_name
from ui.plots import trend_plot
from ui.point_names import point_name
from ui.theme import ACCENT_RGB, LEVEL_RGB, PANEL_RGB, TEXT_RGB, level_rgb
from widgets.deferred import DeferredWidget
from widgets.plain_text import make_plain, tooltip
from widgets.status_led import StatusLed

if TYPE_CHECKING:
    from widgets.trend_plot import TrendPlot


def format_value(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.2f}"


def format_band(spec: PointSpec) -> str:
    if spec.normal is None:
        return "–"
    lo, hi = spec.normal
    return f"{format_value(lo)} – {format_value(hi)}"


class InspectorPanel(QFrame):
    sig_device_chosen = Signal(str)
    sig_selection_cleared = Signal()

    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InspectorPanel")
        self._room = room
        store = self._store = room.store
        scene = room.scene
        self._buildings = {b.id: b.name for b in scene.buildings}
        self._history = DeviceHistory(store)
        self._device: Device | None = None
        self._shown_version = -1
        self._trend_points: dict[str, str] = {}  # device id → the point its trend shows

        self.search = DeviceSearch(store.devices(), self)
        self.search.sig_device_chosen.connect(self.sig_device_chosen)

        self._hint = QLabel(self.tr("Click a device in the 3D view, or search above."))
        self._hint.setObjectName("Hint")
        self._hint.setWordWrap(True)

        self.attention = AttentionList(store)
        self.attention.sig_device_chosen.connect(self.sig_device_chosen)
        self._attention_title = self._section("")
        self._overview = QWidget()
        self._overview.setObjectName("InspectorBody")
        overview = QVBoxLayout(self._overview)
        overview.setContentsMargins(0, 0, 0, 0)
        overview.addWidget(self._attention_title)
        overview.addWidget(self.attention, 1)

        self._name = QLabel()
        self._name.setObjectName("DeviceName")
        self._name.setWordWrap(True)
        self._close = QToolButton()
        self._close.setObjectName("CloseDevice")
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.setToolTip(self.tr("Back to the overview"))
        self._close.clicked.connect(self._on_close_clicked)
        name_row = QHBoxLayout()
        name_row.setContentsMargins(0, 0, 0, 0)
        name_row.addWidget(self._name, 1)
        name_row.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self._id = QLabel()
        self._id.setObjectName("DeviceId")
        self._id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._kind, self._building, self._floor = QLabel(), QLabel(), QLabel()
        self._xyz, self._updated = QLabel(), QLabel()
        for label in (self._name, self._id, self._kind, self._building, self._floor):
            make_plain(label)
        self._led = StatusLed(diameter=14)
        self._level = QLabel()
        self._level.setObjectName("LevelText")
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self._led)
        status_row.addWidget(self._level, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        rows = [
            (self.tr("Kind"), self._kind), (self.tr("Building"), self._building),
            (self.tr("Floor / room"), self._floor), (self.tr("Position (m)"), self._xyz),
            (self.tr("Status"), status_row), (self.tr("Last report"), self._updated),
        ]
        for row, (caption, field) in enumerate(rows):
            label = QLabel(caption)
            label.setObjectName("FieldCaption")
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, 1)
            else:
                grid.addWidget(field, row, 1)
        grid.setColumnStretch(1, 1)

        self._values = QTableWidget(0, 3)
        self._values.setHorizontalHeaderLabels(
            [self.tr("Point"), self.tr("Value"), self.tr("Normal band")])
        self._values.verticalHeader().hide()
        self._values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._values.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._values.setAlternatingRowColors(True)
        self._values.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self._values.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self._point = QComboBox()
        self._point.currentIndexChanged.connect(self._on_point_changed)
        # made when a device is first shown: the overview needs no plot (widgets/deferred.py)
        self._trend_place = DeferredWidget(self._make_trend)
        self._trend_place.setMinimumHeight(170)
        self.freeze_learned = QCheckBox(self.tr("Freeze learned band"))
        self.freeze_learned.setToolTip(self.tr(
            "The dashed lines are the band learned from this point's history for this hour "
            "of the week. Freezing stops learning; the band stays as it is."))
        self.freeze_learned.toggled.connect(self._on_freeze_toggled)
        self.freeze_learned.setEnabled(room.session.may(Permission.EDIT_RULES))
        self._learned_note = QLabel()
        self._learned_note.setObjectName("Hint")
        learned_row = QHBoxLayout()
        learned_row.addWidget(self._learned_note, 1)
        learned_row.addWidget(self.freeze_learned)
        self._learned_row = QWidget()
        self._learned_row.setLayout(learned_row)
        learned_row.setContentsMargins(0, 0, 0, 0)

        self._details = QWidget()
        self._details.setObjectName("InspectorBody")
        details = QVBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(name_row)
        details.addWidget(self._id)
        details.addSpacing(6)
        details.addLayout(grid)
        details.addWidget(self._section(self.tr("Live values")))
        details.addWidget(self._values)
        trend_row = QHBoxLayout()
        trend_row.addWidget(self._section(self.tr("Trend")), 1)
        trend_row.addWidget(self._point)
        details.addLayout(trend_row)
        details.addWidget(self._trend_place, 1)
        details.addWidget(self._learned_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self._hint)
        layout.addWidget(self._overview, 1)
        layout.addWidget(self._details, 1)
        self._details.hide()
        self._refresh_overview()

    def _make_trend(self) -> TrendPlot:
        trend = trend_plot(line_rgb=ACCENT_RGB, band_rgb=LEVEL_RGB[Level.NORMAL],
                           background=PANEL_RGB, foreground=TEXT_RGB)
        trend.set_placeholder(self.tr("waiting for readings…"))
        return trend

    @property
    def trend(self) -> TrendPlot:
        return self._trend_place.widget()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("SectionTitle")
        return label

    # ---- public --------------------------------------------------------------------------
    def current_device(self) -> str | None:
        return self._device.id if self._device else None

    def show_device(self, device_id: str | None) -> None:
        device = self._store.device(device_id) if device_id else None
        self._device = device
        self._shown_version = -1
        self._hint.setVisible(device is None)
        self._overview.setVisible(device is None)
        self._details.setVisible(device is not None)
        if device is None:
            self._refresh_overview()
            return
        self._history.watch(device.id)
        self._name.setText(device.name)
        self._id.setText(device.id)
        self._kind.setText(kind_name(device.kind))
        loc = device.location
        self._building.setText(self._buildings.get(loc.building, loc.building or "–")
                               if loc.building else "–")
        self._floor.setText(self._floor_text(loc.floor, loc.room))
        self._xyz.setText(", ".join(f"{c:.1f}" for c in loc.xyz))
        self._fill_points(device)
        self.refresh()

    def refresh(self) -> None:
        """Pull the latest state; cheap when nothing changed."""
        self._history.sample()
        if self._device is None:
            self._refresh_overview()
            return
        state = self._store.get(self._device.id)
        if state is None or state.version == self._shown_version:
            return
        self._shown_version = state.version
        self._show_state(self._device, state)
        self._update_trend()

    def value_texts(self) -> dict[str, str]:
        """Point → shown value text (for tests and the wall display)."""
        return {self._values.item(r, 0).data(Qt.ItemDataRole.UserRole):
                self._values.item(r, 1).text() for r in range(self._values.rowCount())}

    def level_text(self) -> str:
        return self._level.text()

    # ---- internals -----------------------------------------------------------------------
    def _floor_text(self, floor: int | None, room: str | None) -> str:
        parts = []
        if floor is not None:
            parts.append(self.tr("Floor %1").replace("%1", str(floor)) if floor > 0
                         else self.tr("Basement %1").replace("%1", str(-floor)))
        if room:
            parts.append(self.tr("Room %1").replace("%1", room))
        return " · ".join(parts) or "–"

    def _fill_points(self, device: Device) -> None:
        names = list(device.points)
        self._values.setRowCount(len(names))
        for row, name in enumerate(names):
            spec = device.points[name]
            label = point_name(name)
            point = QTableWidgetItem(f"{label} ({spec.unit})" if spec.unit else label)
            point.setToolTip(tooltip(name))
            point.setData(Qt.ItemDataRole.UserRole, name)
            self._values.setItem(row, 0, point)
            self._values.setItem(row, 1, QTableWidgetItem("–"))
            self._values.setItem(row, 2, QTableWidgetItem(format_band(spec)))
        self._point.blockSignals(True)
        self._point.clear()
        for name in names:
            self._point.addItem(point_name(name), name)
        chosen = self._trend_points.get(device.id) or next(
            (n for n in names if device.points[n].normal is not None), names[0] if names else "")
        self._point.setCurrentIndex(max(0, self._point.findData(chosen)))
        self._point.blockSignals(False)
        self._point.setVisible(len(names) > 1)
        # fit the table to its rows so the trend gets the remaining height
        header = self._values.horizontalHeader().sizeHint().height()
        rows = sum(self._values.rowHeight(r) for r in range(len(names)))
        self._values.setFixedHeight(header + rows + 2 * self._values.frameWidth() + 2)

    def _show_state(self, device: Device, state: DeviceState) -> None:
        self._led.set_rgb(level_rgb(state.level))
        self._level.setText(level_name(state.level))
        self._level.setStyleSheet(f"color: rgb{level_rgb(state.level)};")
        stamp = state.ts if state.ts is not None else state.seen_at
        self._updated.setText(time.strftime("%H:%M:%S", time.localtime(stamp)) if stamp else "–")
        for row in range(self._values.rowCount()):
            name = self._values.item(row, 0).data(Qt.ItemDataRole.UserRole)
            item = self._values.item(row, 1)
            value = state.values.get(name)
            if value is None:
                item.setText("–")
                continue
            spec = device.points[name]
            item.setText(f"{format_value(value)} {spec.unit}".strip())
            level = point_level(value, spec)
            item.setForeground(QColor(*(level_rgb(level) if level != Level.NORMAL
                                        else TEXT_RGB)))

    def _refresh_overview(self) -> None:
        self.attention.refresh()
        self._attention_title.setText(
            self.tr("Needs attention (%1)").replace("%1", f"{len(self.attention.flagged()):,}"))

    def _on_close_clicked(self) -> None:
        self.show_device(None)
        self.sig_selection_cleared.emit()

    def current_point(self) -> str:
        return self._point.currentData() or ""

    def select_point(self, point: str) -> None:
        self._point.setCurrentIndex(self._point.findData(point))

    def _on_point_changed(self, _index: int) -> None:
        point = self.current_point()
        if self._device is not None and point:
            self._trend_points[self._device.id] = point
            self._update_trend()

    def _update_trend(self) -> None:
        device, point = self._device, self.current_point()
        if device is None or point not in device.points:
            self.trend.clear()
            return
        spec = device.points[point]
        label = point_name(point)
        self.trend.set_title(f"{label} ({spec.unit})" if spec.unit else label)
        self.trend.set_band(spec.normal)
        t, y = self._history.series(device.id, point)
        now = self._room.clock()  # the scenario's time in training
        self.trend.set_series(t, y, now=now)
        self._update_learned(device, point, now)

    def _update_learned(self, device: Device, point: str, now: float) -> None:
        """Show where the learned band lies, or how far its warm-up has come."""
        info = self._room.learned(device.id, point)
        self._learned_row.setVisible(info.learned)
        if not info.learned:
            self.trend.set_learned_band(None)
            return
        self.trend.set_learned_band(info.band)
        if info.band is None:
            self._learned_note.setText(self.tr("Learning: %1 of %2 readings for this hour")
                                       .replace("%1", str(info.samples))
                                       .replace("%2", str(info.warmup)))
        else:
            self._learned_note.setText(self.tr("Learned band %1 – %2")
                                       .replace("%1", format_value(info.band[0]))
                                       .replace("%2", format_value(info.band[1])))
        self.freeze_learned.blockSignals(True)
        self.freeze_learned.setChecked(info.frozen)
        self.freeze_learned.blockSignals(False)

    def _on_freeze_toggled(self, frozen: bool) -> None:
        device, point = self._device, self.current_point()
        if device is None or not point:
            return
        if run_command(self, self._room, FreezeLearnedBand(
                device_id=device.id, point=point, frozen=frozen)) is None:
            self._update_learned(device, point, time.time())  # show the real state again
