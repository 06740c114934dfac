"""The closed vocabularies: device kinds (CONTRACTS) and status levels."""

from __future__ import annotations

import enum
from typing import Literal, get_args

DeviceKind = Literal[
    "water_meter",
    "power_meter",
    "gas_detector",
    "heat_meter",
    "smoke_detector",
    "fire_hydrant_pressure",
    "sprinkler_valve",
    "elevator",
    "water_pump",
    "water_tank_level",
    "lighting_circuit",
    "pipe_pressure",
    "transformer",
    "manhole_cover",
    "door_access",
    "barrier_gate",
    "parking_space",
    "ev_charger",
    "camera",
    "microphone",
    "panic_button",
]

DEVICE_KINDS: tuple[str, ...] = get_args(DeviceKind)

SKILLS: tuple[str, ...] = (
    "electrical",
    "plumbing",
    "elevator",
    "fire",
    "gas",
    "security",
    "general",
)


class Level(enum.IntEnum):
    """A device's status as the operator sees it; higher is worse except OFFLINE/STALE."""

    NORMAL = 0
    WARNING = 1
    ALARM = 2
    STALE = 3
    OFFLINE = 4
    UNKNOWN = 5
