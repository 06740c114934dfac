"""The dark control-room theme: QSS from resources/themes, a CJK-capable font, and the
status palette shared with the 3D view.

Status colours must mean the same thing everywhere (3D glyphs, inspector LED, status-bar
chips), so they are defined once here as RGB tuples keyed by ``Level``.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from app import paths
from app.domain.kinds import Level

log = logging.getLogger(__name__)

RGB = tuple[int, int, int]

#: status colours, identical to the 3D view's palette
LEVEL_RGB: dict[Level, RGB] = {
    Level.NORMAL: (46, 204, 113),
    Level.WARNING: (243, 156, 18),
    Level.ALARM: (231, 76, 60),
    Level.STALE: (155, 89, 182),
    Level.OFFLINE: (127, 140, 141),
    Level.UNKNOWN: (80, 86, 92),
}

#: chrome colours; the accent is blue so it never reads as a device state
TOKENS: dict[str, str] = {
    "bg": "#14181d",
    "panel": "#1b2027",
    "panel_alt": "#20262e",
    "panel_hi": "#262d36",
    "input": "#11151a",
    "border": "#343c47",
    "text": "#e6e9ed",
    "muted": "#8d97a3",
    "accent": "#2f81c7",
    "accent_text": "#6cb4f0",
}

BACKGROUND_RGB: RGB = (20, 24, 29)
PANEL_RGB: RGB = (27, 32, 39)
ACCENT_RGB: RGB = (74, 163, 223)
TEXT_RGB: RGB = (230, 233, 237)

#: preferred UI font families, best first; Noto Sans CJK SC draws Hanzi and Latin evenly
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "WenQuanYi Micro Hei", "Noto Sans SC")


def level_rgb(level: Level) -> RGB:
    return LEVEL_RGB.get(level, LEVEL_RGB[Level.UNKNOWN])


def stylesheet(name: str = "dark") -> str:
    text = (paths.resources_dir() / "themes" / f"{name}.qss").read_text(encoding="utf-8")
    for key, value in TOKENS.items():
        text = text.replace(f"@{key}@", value)
    return text


def pick_ui_font(point_size: float = 10.5) -> QFont:
    """A font that renders Chinese and Latin well; falls back to Qt's default."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSizeF(point_size)
            return font
    log.warning("no CJK font found (install fonts-noto-cjk); Chinese may render as boxes")
    font = QFont()
    font.setPointSizeF(point_size)
    return font


def apply_theme(app: QApplication, name: str = "dark") -> None:
    """Font, palette (for widgets QSS does not reach) and stylesheet; pyqtgraph takes the
    theme when the first plot is made (ui/plots.py)."""
    app.setStyle("Fusion")  # the one built-in style that honours a dark palette everywhere
    app.setFont(pick_ui_font())
    palette = QPalette()
    bg, panel = QColor(*BACKGROUND_RGB), QColor(*PANEL_RGB)
    text = QColor(*TEXT_RGB)
    for role, color in (
        (QPalette.ColorRole.Window, bg), (QPalette.ColorRole.Base, panel),
        (QPalette.ColorRole.AlternateBase, QColor(TOKENS["panel_alt"])),
        (QPalette.ColorRole.Button, QColor(TOKENS["panel_hi"])),
        (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.ToolTipBase, QColor(TOKENS["panel_hi"])),
        (QPalette.ColorRole.Highlight, QColor(TOKENS["accent"])),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.PlaceholderText, QColor(TOKENS["muted"])),
    ):
        palette.setColor(role, color)
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(name))
