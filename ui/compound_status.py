"""What each device dot looks like, composed from everything that decides it: the store
level, the worst open alarm's severity, whether that alarm is unacknowledged (pulse), and
whether the dot is shown at all (its kind switched on, on the floor open in x-ray).

Kept as flat numpy arrays indexed like the glyphs, so composing k dots is O(k) vector maths
and the view writes exactly those rows.
"""

from __future__ import annotations

import numpy as np

from app.alarms.model import Severity
from app.domain.kinds import Level
from widgets.scene_view import STATUS_RGB

#: RGBA per Level value (Level is an IntEnum 0..5), for vectorised recolouring
LEVEL_RGBA = np.zeros((max(Level) + 1, 4), dtype=np.uint8)
for _level in Level:
    LEVEL_RGBA[_level] = (*STATUS_RGB[_level.name.lower()], 255)

#: relative dot size per Level: quiet devices small, anything needing attention larger, so
#: a few alarms stand out of thousands of normal dots at the overview
LEVEL_SIZE = np.array([0.7, 1.35, 1.6, 1.0, 1.0, 0.7], dtype=np.float32)

#: alarm colours by severity (RGB): low yellow, medium amber, high red, critical deep red
SEVERITY_RGB: dict[Severity, tuple[int, int, int]] = {
    Severity.LOW: (241, 196, 15),
    Severity.MEDIUM: (243, 156, 18),
    Severity.HIGH: (231, 76, 60),
    Severity.CRITICAL: (192, 57, 43),
}
SEVERITY_RGBA = np.zeros((max(Severity) + 1, 4), dtype=np.uint8)
for _sev, _rgb in SEVERITY_RGB.items():
    SEVERITY_RGBA[_sev] = (*_rgb, 255)
SEVERITY_SIZE = np.array([1.0, 1.6, 1.8, 2.0, 2.3], dtype=np.float32)

#: pulse of unacknowledged alarms: period, and how much bigger / whiter at the peak
PULSE_PERIOD_S = 1.2
_PULSE_GROW = 0.55
_PULSE_WHITEN = 0.45


def pulse_phase(t: float) -> float:
    """0..1..0 over one period (a smooth breath, not a blink)."""
    return 0.5 - 0.5 * float(np.cos(2.0 * np.pi * t / PULSE_PERIOD_S))


class DeviceLook:
    def __init__(self, n: int, level_rgba: np.ndarray | None = None) -> None:
        #: colours by Level: the status palette, or a wall's grey one (normal is grey)
        self.level_rgba = LEVEL_RGBA if level_rgba is None else level_rgba
        self.level = np.full(n, int(Level.UNKNOWN), dtype=np.int8)
        self.severity = np.zeros(n, dtype=np.int8)  # 0 = no open active alarm
        self.unacked = np.zeros(n, dtype=bool)
        self.kind_shown = np.ones(n, dtype=bool)
        self.focus_shown = np.ones(n, dtype=bool)  # x-ray: on the open floor

    @property
    def shown(self) -> np.ndarray:
        return self.kind_shown & self.focus_shown

    def grow(self, n: int) -> None:
        """Room for devices registered while running (births, operators): appended rows
        start unknown, unalarmed and shown."""
        extra = n - len(self.level)
        if extra <= 0:
            return
        self.level = np.concatenate([self.level, np.full(extra, int(Level.UNKNOWN), np.int8)])
        self.severity = np.concatenate([self.severity, np.zeros(extra, np.int8)])
        self.unacked = np.concatenate([self.unacked, np.zeros(extra, bool)])
        self.kind_shown = np.concatenate([self.kind_shown, np.ones(extra, bool)])
        self.focus_shown = np.concatenate([self.focus_shown, np.ones(extra, bool)])

    def compose(self, indices: np.ndarray, phase: float = 0.0
                ) -> tuple[np.ndarray, np.ndarray]:
        """(rgba (k, 4), sizes (k,)) of the dots ``indices``; hidden dots get size 0."""
        sev = self.severity[indices]
        alarmed = sev > 0
        rgba = np.where(alarmed[:, None], SEVERITY_RGBA[sev],
                        self.level_rgba[self.level[indices]])
        sizes = np.where(alarmed, SEVERITY_SIZE[sev], LEVEL_SIZE[self.level[indices]])
        pulsing = alarmed & self.unacked[indices]
        if phase > 0.0 and pulsing.any():
            rgb = rgba[pulsing, :3].astype(np.float32)
            rgba[pulsing, :3] = (rgb + (255.0 - rgb) * _PULSE_WHITEN * phase).astype(np.uint8)
            sizes = sizes.copy()
            sizes[pulsing] *= 1.0 + _PULSE_GROW * phase
        shown = self.kind_shown[indices] & self.focus_shown[indices]
        return rgba.astype(np.uint8), (sizes * shown).astype(np.float32)

    def pulsing(self) -> np.ndarray:
        """Indices of dots that pulse now (unacknowledged open alarm, shown)."""
        return np.flatnonzero((self.severity > 0) & self.unacked & self.shown)
