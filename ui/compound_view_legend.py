"""The 3D view's legend, worded: status colours, and the shape of each device family
present in the scene (the families and shapes are presentation: ``widgets.scene_symbols``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.compound_status import SEVERITY_RGB
from widgets.scene_symbols import FAMILIES, family_of
from widgets.scene_view import STATUS_RGB, SceneView

_CTX = "CompoundLegend"
# status rows top to bottom (key None: the critical alarm colour, from the severities)
_STATUS = (
    ("normal", QT_TRANSLATE_NOOP("CompoundLegend", "Normal")),
    ("warning", QT_TRANSLATE_NOOP("CompoundLegend", "Warning")),
    ("alarm", QT_TRANSLATE_NOOP("CompoundLegend", "Alarm")),
    (None, QT_TRANSLATE_NOOP("CompoundLegend", "Critical alarm")),
    ("stale", QT_TRANSLATE_NOOP("CompoundLegend", "Stale")),
    ("offline", QT_TRANSLATE_NOOP("CompoundLegend", "Offline")),
    ("unknown", QT_TRANSLATE_NOOP("CompoundLegend", "No data")),
)
FAMILY_NAMES = {
    "sensor": QT_TRANSLATE_NOOP("CompoundLegend", "Sensors"),
    "meter": QT_TRANSLATE_NOOP("CompoundLegend", "Meters"),
    "safety": QT_TRANSLATE_NOOP("CompoundLegend", "Fire and gas safety"),
    "plant": QT_TRANSLATE_NOOP("CompoundLegend", "Plant and lifts"),
    "security": QT_TRANSLATE_NOOP("CompoundLegend", "Access and security"),
}
_TITLES = (QT_TRANSLATE_NOOP("CompoundLegend", "Device status"),
           QT_TRANSLATE_NOOP("CompoundLegend", "Device type"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def write_legends(view: SceneView, kinds: Iterable[str]) -> None:
    """(Re)write both legend panels in the current language."""
    rows = [(_tr(label), SEVERITY_RGB[4] if key is None else STATUS_RGB[key])
            for key, label in _STATUS]
    view.set_legend(rows, title=_tr(_TITLES[0]))
    present = {family_of(k) for k in kinds}
    view.set_symbol_legend([(_tr(FAMILY_NAMES[f]), f) for f in FAMILIES if f in present],
                           title=_tr(_TITLES[1]))
