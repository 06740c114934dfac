"""The wall's look: a grey high-performance theme, and text sized for the back row.

High-performance HMI (ISA-101, the ASM guidelines): everything normal is grey, so colour
stands out and always means something abnormal. Red is for alarms only; each alarm colour
comes with a shape and a word (◆ 危急, ▲ 高, ■ 中, ● 低), so a colour-blind operator or a
washed-out projector loses nothing. Flashing (1 Hz, inside the 0.5–1.5 Hz band) marks only
what is unacknowledged and stops once someone acknowledges.

``WallType`` turns a monitor's geometry into fonts: the smallest text on a wall window has
the cap height the far seat needs (app/wall/legibility.py), measured on the real font with
``QFontMetricsF.capHeight`` rather than assumed from a point size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from app.wall.legibility import cap_height_px
from ui.theme import pick_ui_font

#: the wall's greys: background, tiles, their edges, text and quieter text
BACKGROUND = QColor(54, 57, 61)
TILE = QColor(40, 43, 46)
TILE_EDGE = QColor(84, 89, 95)
TEXT = QColor(226, 228, 230)
MUTED = QColor(160, 165, 171)
VIDEO_BG = QColor(14, 15, 16)

#: alarm colours: red only here
ALARM_RED = QColor(226, 45, 36)
#: abnormal but not an alarm (a breached SLA, a stale feed): amber, always with a word
ABNORMAL = QColor(236, 170, 40)

FLASH_HZ = 1.0  # on half a second, off half a second


@dataclass(frozen=True)
class Look:
    colour: QColor
    shape: str  # drawn beside the colour: it must not rely on hue alone
    word: str  # translated in the "Wall" context


#: alarm severity (1–4) → colour, shape and word
SEVERITY_LOOK: dict[int, Look] = {
    4: Look(ALARM_RED, "◆", QT_TRANSLATE_NOOP("Wall", "Critical")),
    3: Look(QColor(240, 110, 40), "▲", QT_TRANSLATE_NOOP("Wall", "High")),
    2: Look(QColor(236, 190, 40), "■", QT_TRANSLATE_NOOP("Wall", "Medium")),
    1: Look(QColor(90, 190, 220), "●", QT_TRANSLATE_NOOP("Wall", "Low")),
}


def severity_look(severity: int) -> Look:
    return SEVERITY_LOOK.get(int(severity), SEVERITY_LOOK[1])


def severity_word(severity: int) -> str:
    return QCoreApplication.translate("Wall", severity_look(severity).word)


def flash_on(t: float, hz: float = FLASH_HZ) -> bool:
    """The flash phase at monotonic time ``t``: on for the first half of each period."""
    return (t * hz) % 1.0 < 0.5


class WallType:
    """Fonts for one wall window: ``base`` has the cap height the far seat needs; titles and
    figures are multiples of it, never smaller."""

    def __init__(self, distance_m: float, window_px: tuple[int, int],
                 size_mm: tuple[float, float], arcmin: float = 16.0) -> None:
        self.cap_px = cap_height_px(distance_m, window_px, size_mm, arcmin)
        self.px_per_mm = min(window_px[0] / size_mm[0], window_px[1] / size_mm[1])
        self.family = pick_ui_font().family()
        self.base = self.font(1.0)
        self.bold = self.font(1.0, bold=True)
        self.figure = self.font(2.6, bold=True)
        self.line_px = math.ceil(QFontMetricsF(self.base).height())

    def font(self, scale: float, *, bold: bool = False) -> QFont:
        """A font whose capitals are at least ``scale`` × the required cap height."""
        font = QFont(self.family)
        font.setBold(bold)
        want = self.cap_px * scale
        font.setPixelSize(100)
        ratio = QFontMetricsF(font).capHeight() / 100.0 or 0.7
        size = max(1, math.ceil(want / ratio))
        font.setPixelSize(size)
        while QFontMetricsF(font).capHeight() < want:  # rounding in the font's hinting
            size += 1
            font.setPixelSize(size)
        return font

    def cap_mm(self, font: QFont) -> float:
        """The physical cap height of ``font`` on this window's monitor, in mm."""
        return QFontMetricsF(font).capHeight() / self.px_per_mm

    @property
    def pad(self) -> int:
        return max(4, round(self.cap_px * 0.35))
