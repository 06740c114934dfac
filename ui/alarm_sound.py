"""Alarm sounds: a tone per severity, repeated while the most severe unacknowledged alarm
waits, and silenceable per alarm by the operator (it stays on the board, only quiet).

QtMultimedia is loaded here, on first use, not at import: on a machine without its audio
libraries (libpulse) the board works silently and the status bar says "alarm sound
unavailable: …" (app.optional_parts), instead of the program not starting. (Asking
QMediaDevices for audio outputs as well crashed the process now and then under Xvfb, so a
machine with the libraries but no output device is not reported.)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, QUrl

from app import paths
from app.optional_parts import SOUND, report_unavailable

log = logging.getLogger(__name__)

REPEAT_MS = 20_000


class AlarmSounder(QObject):
    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.silenced: set[str] = set()
        self.played: list[int] = []  # severities played, newest last (for the operator log)
        self._waiting: dict[str, int] = {}  # unacknowledged, audible alarm id → severity
        self._effects: dict[int, QObject] = {}  # severity → QSoundEffect
        if enabled:
            self._load_effects()
        self._repeat = QTimer(self)
        self._repeat.setInterval(REPEAT_MS)
        self._repeat.timeout.connect(self._on_repeat)
        self._repeat.start()

    def _load_effects(self) -> None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # e.g. libpulse.so.0: cannot open shared object file
            report_unavailable(SOUND, exc)
            return
        for severity in (1, 2, 3, 4):
            path = paths.resources_dir() / "sounds" / f"alarm-{severity}.wav"
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[severity] = effect

    def waiting(self, alarm_id: str, severity: int, audible: bool) -> None:
        """Track an alarm; ``audible`` is False once acknowledged, shelved, suppressed or
        closed. A newly audible alarm sounds at once."""
        if audible and alarm_id not in self.silenced:
            is_new = alarm_id not in self._waiting
            self._waiting[alarm_id] = severity
            if is_new:
                self._play(severity)
        else:
            self._waiting.pop(alarm_id, None)

    def silence(self, alarm_id: str) -> None:
        self.silenced.add(alarm_id)
        self._waiting.pop(alarm_id, None)

    def is_silenced(self, alarm_id: str) -> bool:
        return alarm_id in self.silenced

    def _on_repeat(self) -> None:
        if self._waiting:
            self._play(max(self._waiting.values()))

    def _play(self, severity: int) -> None:
        self.played.append(severity)
        del self.played[:-50]
        effect = self._effects.get(severity)
        if self.enabled and effect is not None:
            effect.play()
