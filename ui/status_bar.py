"""The main window's status bar: live link, message rate, devices per level, clock, and
what this machine lacks ("alarm sound unavailable: …", app.optional_parts).

Refreshed by the main window's timer about once a second; counting levels walks the
snapshot only when the store's version moved, which at a few thousand devices is well under
a millisecond.
"""

from __future__ import annotations

import time
from collections import Counter

from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from app import optional_parts
from app.domain.kinds import Level
from app.facade.room import ControlRoom
from ui.i18n import level_name, role_name
from ui.theme import LEVEL_RGB
from widgets.kpi_tile import KpiTile
from widgets.plain_text import plain_label, tooltip
from widgets.status_led import StatusLed

#: the levels shown as chips, in the order an operator scans them
CHIP_LEVELS = (Level.NORMAL, Level.WARNING, Level.ALARM, Level.STALE, Level.OFFLINE)
CONNECTED_RGB = LEVEL_RGB[Level.NORMAL]
DISCONNECTED_RGB = LEVEL_RGB[Level.ALARM]


class StatusBar(QStatusBar):
    def __init__(self, room: ControlRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._room = room
        self._counted_version = -1

        self._link_led = StatusLed(DISCONNECTED_RGB, diameter=11)
        self._link = plain_label()
        self._user = plain_label()
        self._user.setObjectName("SignedInUser")
        self._rate = QLabel()
        self._rate.setToolTip(self.tr("Messages received per second (5 s average)"))
        self.chips: dict[Level, KpiTile] = {}
        self.addWidget(self._link_led)
        self.addWidget(self._link)
        self.addWidget(self._rate)
        self.addWidget(self._user)
        self.notice = plain_label()  # reasons come from the OS and libraries
        self.notice.setObjectName("UnavailableNotice")
        # a long reason is cut at the bar's end (whole in the tooltip), never widening the
        # window beyond what the operator set
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice.hide()
        self.addWidget(self.notice, 1)
        for level in CHIP_LEVELS:
            chip = KpiTile(level_name(level), LEVEL_RGB[level])
            chip.setToolTip(self.tr("Devices: %1").replace("%1", level_name(level)))
            self.chips[level] = chip
            self.addPermanentWidget(chip)
        self._clock = QLabel()
        self._clock.setObjectName("Clock")
        self.addPermanentWidget(self._clock)
        self.refresh()

    def refresh(self) -> None:
        room = self._room
        health = room.health()
        link = health.link
        live = link.connected and room.link().server_connected
        self._link_led.set_rgb(CONNECTED_RGB if live else DISCONNECTED_RGB)
        state = self.tr("connected") if link.connected else self.tr("disconnected")
        if not room.link().server_connected:
            state = self.tr("server lost")
        self._link.setText(f"{self._source_name(link.source)} · {state}")
        self._link.setToolTip(tooltip(link.detail))
        self._rate.setText(self.tr("%1 msg/s").replace("%1", f"{health.rate_per_s:,.0f}"))
        session = room.session
        self._user.setText(f"{session.display_name} · {role_name(session.role)}")
        self._count_levels()
        self._show_unavailable()
        self._clock.setText(time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(room.clock())))

    def _count_levels(self) -> None:
        store = self._room.store
        if store.version == self._counted_version:
            return
        snapshot = store.snapshot()
        self._counted_version = snapshot.version
        counts = Counter(state.level for state in snapshot.devices.values())
        for level, chip in self.chips.items():
            chip.set_value(counts.get(level, 0))

    def _show_unavailable(self) -> None:
        missing = optional_parts.unavailable()
        names = {optional_parts.SOUND: self.tr("alarm sound"),
                 optional_parts.CAMERAS: self.tr("cameras")}
        lines = [self.tr("%1 unavailable: %2").replace("%1", names.get(part, part))
                 .replace("%2", reason) for part, reason in sorted(missing.items())]
        self.notice.setText(" · ".join(lines))
        self.notice.setToolTip(tooltip("\n".join(lines)))
        self.notice.setVisible(bool(lines))

    def _source_name(self, name: str) -> str:
        known = {"simulator": self.tr("Simulator"), "mqtt": self.tr("MQTT broker"),
                 "replay": self.tr("Replay"), "training": self.tr("Training")}
        return known.get(name, name)
