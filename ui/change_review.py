"""ChangeReview: the operator's review list of construction/encroachment changes.

Left, every change the cameras raised (newest first; open ones only unless asked), right,
the selected one's before/after slider with the change outlined, what and where it is,
and the three decisions: **accept** (allowed — absorbed into the camera's reference),
**reject** (a false alarm, kept for tuning) or **dispatch** (a work order for the
enforcement team and an evidence package for urban management). Decisions go to the room
as commands (role, scope, audit in the handler); the list follows the room's camera events
(``construction_change``), so a decision taken at another console shows here too.

Records and pictures are read from ``room.cameras.construction``: the engine's construction
service at a desk, the server's (``app/client/construction.py``) at a remote console; a
room without one (no OpenCV) says so instead of showing an empty list.
"""

from __future__ import annotations

import time

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facade.commands import AcceptChange, DispatchChange, RejectChange
from app.facade.errors import CommandError
from app.facade.room import ControlRoom
from app.security.roles import Permission
from ui.bridge import RoomBridge
from ui.command_feedback import error_text
from ui.zone_editor import kind_names
from widgets.before_after import BeforeAfterSlider
from widgets.plain_text import plain_label, tooltip

EVENT_KIND = "construction_change"


def _picture(reader, change_id: str, which: str) -> np.ndarray | None:  # noqa: ANN001
    try:
        data = reader.picture(change_id, which)
    except (OSError, ValueError, CommandError):  # removed by hand; the server away
        return None
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


def _when(t: float) -> str:
    """A time of the camera's clock: local month-day hour:minute, or seconds for a video's."""
    return time.strftime("%m-%d %H:%M", time.localtime(t)) if t > 1e9 else f"{t:.0f}s"


class ChangeReview(QWidget):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChangeReview")
        self.room = room
        self.reader = getattr(room.cameras, "construction", None)
        self.may_decide = room.session.may(Permission.REVIEW_CHANGES)
        self.kinds = kind_names()
        self.states = {"open": self.tr("open"), "accepted": self.tr("accepted"),
                       "rejected": self.tr("rejected"), "dispatched": self.tr("dispatched")}
        self.current: str | None = None
        self._build()
        RoomBridge.of(room).sig_camera.connect(self._on_camera_event)
        self.refresh()

    def _build(self) -> None:
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.change_list = QListWidget()
        self.change_list.setObjectName("ChangeList")
        self.change_list.currentItemChanged.connect(self._on_current)
        self.slider = BeforeAfterSlider()
        self.details = plain_label()
        self.details.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required to accept or reject)"))
        self.accept_button = QPushButton(self.tr("Accept (allowed)"))
        self.reject_button = QPushButton(self.tr("Reject (false alarm)"))
        self.dispatch_button = QPushButton(self.tr("Dispatch to enforcement"))
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.dispatch_button.clicked.connect(lambda: self.decide("dispatch"))
        self.feedback = plain_label()
        self.feedback.setObjectName("Hint")
        self.feedback.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.open_only)
        left.addWidget(self.change_list, 1)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.dispatch_button):
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.slider, 1)
        right.addWidget(self.details)
        right.addWidget(self.reason)
        right.addLayout(buttons)
        right.addWidget(self.feedback)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        if self.reader is None:
            self.feedback.setText(self.tr("Changes are reviewed at a desk of the server: this "
                                          "console does not hold their pictures."))
        elif not self.may_decide:
            self.feedback.setText(self.tr("You may look at changes; deciding on them needs "
                                          "the review permission."))
        self._show(None)

    # ---- the list --------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.reader is None:
            return
        records = self.reader.changes("open" if self.open_only.isChecked() else None)
        keep = self.current
        self.change_list.blockSignals(True)
        self.change_list.clear()
        for rec in records:
            # two lines, what to act on first: the list is narrow, and a long camera or zone
            # name pushed the state (and a late part) out of sight
            status = f"{_when(rec.t_detected)} — {self.states.get(rec.state, rec.state)}"
            if rec.late_parts:
                status += " · " + self.tr("late parts: %1").replace("%1", str(len(rec.late_parts)))
            text = (f"{status}\n{rec.camera_name} · {rec.zone_name or rec.zone} "
                    f"({self.kinds.get(rec.zone_kind, rec.zone_kind)})")
            item = QListWidgetItem(text)
            item.setToolTip(tooltip(text))  # the whole of it, literally (names are data)
            item.setData(Qt.ItemDataRole.UserRole, rec.id)
            self.change_list.addItem(item)
            if rec.id == keep:
                self.change_list.setCurrentItem(item)
        self.change_list.blockSignals(False)
        if self.change_list.currentItem() is None and self.change_list.count():
            self.change_list.setCurrentRow(0)
        elif self.change_list.currentItem() is None:
            self._show(None)
        else:
            self._show(keep)

    def _on_camera_event(self, event) -> None:  # noqa: ANN001
        if getattr(event, "kind", "") == EVENT_KIND:
            self.refresh()

    def _on_current(self, item: QListWidgetItem | None, _previous=None) -> None:  # noqa: ANN001
        self._show(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    def _show(self, change_id: str | None) -> None:
        rec = self.reader.change_or_none(change_id) if (self.reader and change_id) else None
        self.current = rec.id if rec is not None else None
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(rec is not None and self.may_decide and rec.state == "open")
        self.dispatch_button.setEnabled(rec is not None and self.may_decide
                                        and rec.state in ("open", "dispatched"))
        if rec is None:
            self.slider.set_images(None, None)
            self.details.setText(self.tr("No change selected."))
            return
        self.slider.set_images(_picture(self.reader, rec.id, "before"),
                               _picture(self.reader, rec.id, "after"))
        self.slider.set_outline(rec.polygon_px)
        self.slider.set_labels(self.tr("Before"), self.tr("After"))
        place = (self.tr("at %1, %2 m in the compound")
                 .replace("%1", f"{rec.site_xy[0]:.1f}").replace("%2", f"{rec.site_xy[1]:.1f}")
                 if rec.site_xy is not None else self.tr("place unknown (no ground calibration)"))
        lines = [f"{rec.camera_name} · {rec.zone_name or rec.zone} "
                 f"({self.kinds.get(rec.zone_kind, rec.zone_kind)}) · {place}",
                 self.tr("Confidence %1").replace("%1", f"{rec.confidence:.2f}")
                 + (" · " + self.tr("no longer seen") if not rec.still_seen else "")]
        for d in rec.decisions:
            lines.append(f"{self.states.get(d.action, d.action)}: {d.user} — {d.reason}")
        if rec.work_order:
            lines.append(self.tr("Work order %1").replace("%1", rec.work_order))
        if rec.late_parts:  # parts of it seen after the dispatch, kept on this case (ChangeGrew)
            lines.append(self.tr("Late parts after dispatch: %1, the last at %2")
                         .replace("%1", str(len(rec.late_parts)))
                         .replace("%2", _when(max(t for t, _ in rec.late_parts))))
        self.details.setText("\n".join(lines))

    # ---- decisions -------------------------------------------------------------------------
    def decide(self, action: str) -> bool:
        if self.current is None:
            return False
        reason = self.reason.text().strip()
        command = {"accept": lambda: AcceptChange(change_id=self.current, reason=reason),
                   "reject": lambda: RejectChange(change_id=self.current, reason=reason),
                   "dispatch": lambda: DispatchChange(change_id=self.current, note=reason),
                   }[action]()
        try:
            result = self.room.execute(command)
        except CommandError as exc:
            self.feedback.setText(self.tr("Not done: %1").replace("%1", error_text(exc)))
            return False
        self.reason.clear()
        done = {"accept": self.tr("Accepted: absorbed into the camera's reference."),
                "reject": self.tr("Rejected as a false alarm; kept for tuning."),
                "dispatch": self.tr("Dispatched; evidence package %1")
                .replace("%1", str(result.data.get("package", "")))}[action]
        self.feedback.setText(done)
        self.refresh()
        return True
