"""The main window's status bar: live link, message rate, devices per level, clock, and
what this machine lacks ("alarm sound unavailable: …", app.optional_parts).

Refreshed by the main window's timer about once a second; counting levels walks the
snapshot only when the store's version moved, which at a few thousand devices is well under
a millisecond.
"""

from __future__ import annotations

import html
import time
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from app import optional_parts
from app.domain.kinds import Level
from app.runtime.engine import Engine
from ui.i18n import level_name
from ui.theme import LEVEL_RGB
from widgets.kpi_tile import KpiTile
from widgets.status_led import StatusLed

#: the levels shown as chips, in the order an operator scans them
CHIP_LEVELS = (Level.NORMAL, Level.WARNING, Level.ALARM, Level.STALE, Level.OFFLINE)
CONNECTED_RGB = LEVEL_RGB[Level.NORMAL]
DISCONNECTED_RGB = LEVEL_RGB[Level.ALARM]


class StatusBar(QStatusBar):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._engine = engine
        self._counted_version = -1

        self._link_led = StatusLed(DISCONNECTED_RGB, diameter=11)
        self._link = QLabel()
        self._rate = QLabel()
        self._rate.setToolTip(self.tr("Messages received per second (5 s average)"))
        self.chips: dict[Level, KpiTile] = {}
        self.addWidget(self._link_led)
        self.addWidget(self._link)
        self.addWidget(self._rate)
        self.notice = QLabel()  # reasons come from the OS and libraries: plain text
        self.notice.setObjectName("UnavailableNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
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
        engine = self._engine
        status = engine.source.status()
        self._link_led.set_rgb(CONNECTED_RGB if status.connected else DISCONNECTED_RGB)
        state = self.tr("connected") if status.connected else self.tr("disconnected")
        self._link.setText(f"{self._source_name(engine.source.name)} · {state}")
        self._link.setToolTip(status.detail)
        rate = engine.ingest.rate.rate(time.time())
        self._rate.setText(self.tr("%1 msg/s").replace("%1", f"{rate:,.0f}"))
        self._count_levels()
        self._show_unavailable()
        self._clock.setText(time.strftime("%Y-%m-%d %H:%M:%S"))

    def _count_levels(self) -> None:
        store = self._engine.store
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
        self.notice.setToolTip("<p>" + "<br>".join(html.escape(line) for line in lines))
        self.notice.setVisible(bool(lines))

    def _source_name(self, name: str) -> str:
        known = {"simulator": self.tr("Simulator"), "mqtt": self.tr("MQTT broker"),
                 "replay": self.tr("Replay")}
        return known.get(name, name)
