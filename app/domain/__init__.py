"""Entities and value types shared by every part of the engine."""

from app.domain.kinds import DEVICE_KINDS, DeviceKind, Level
from app.domain.model import (
    Camera,
    Device,
    Location,
    Microphone,
    PointSpec,
    Reading,
    Technician,
    Zone,
)

__all__ = [
    "DEVICE_KINDS",
    "Camera",
    "Device",
    "DeviceKind",
    "Level",
    "Location",
    "Microphone",
    "PointSpec",
    "Reading",
    "Technician",
    "Zone",
]
