"""Illegal construction (私搭乱建) and encroachment on green space (侵占绿地), seen by the
compound's cameras: slow changes that appear inside zones and stay (see detector.py).

The detector needs no Qt; ``analyzer.ConstructionAnalyzer`` runs it in a camera worker and
in ``control-room detect``; ``service.ConstructionService`` is the operator's loop.
"""

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import (
    CameraMoved,
    CameraSettled,
    ChangeDetected,
    ChangeGone,
    ChangeGrew,
    Detection,
    ReferenceRelearnt,
)
from app.vision.construction.zones import KINDS, ImageZone, ZonesError, ZoneSet, load_zones

__all__ = ["KINDS", "CameraMoved", "CameraSettled", "ChangeDetected", "ChangeGone",
           "ChangeGrew", "ConstructionConfig", "ConstructionDetector", "Detection",
           "ImageZone", "ReferenceRelearnt", "ZoneSet", "ZonesError", "load_zones"]
