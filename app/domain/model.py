"""Domain entities: frozen msgspec structs, cheap to share between threads.

Coordinates are site metres: x east, y north, z up, origin at the site's reference point.
Floors are numbered as Chinese buildings are: 1 is the ground floor, -1 the first basement.
"""

from __future__ import annotations

import msgspec

from app.domain.kinds import DeviceKind

Vec3 = tuple[float, float, float]


class Location(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    xyz: Vec3
    building: str | None = None
    floor: int | None = None
    room: str | None = None


class PointSpec(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One measured point of a device, e.g. ``temp_c`` of a transformer.

    ``normal`` is the band inside which the value is unremarkable; ``limits`` the band beyond
    which it is an alarm. Between the two it is a warning. Either may be absent.
    """

    unit: str = ""
    normal: tuple[float, float] | None = None
    limits: tuple[float, float] | None = None


class Device(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    kind: DeviceKind
    name: str
    location: Location
    points: dict[str, PointSpec] = {}
    # seconds between reports in normal operation; silence for 3x this marks it stale
    report_interval_s: float = 60.0


class Reading(msgspec.Struct, frozen=True):
    device_id: str
    point: str
    value: float
    ts: float  # epoch seconds, the device's own clock


class Camera(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    xyz: Vec3
    yaw_deg: float  # 0 = looking east, 90 = north
    pitch_deg: float  # positive looks up
    hfov_deg: float = 60.0
    vfov_deg: float = 35.0
    range_m: float = 60.0
    watches: str | None = None  # building id whose facade it watches, if any
    stream: str | None = None  # URL or file; None = demo feed


class Microphone(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    xyz: Vec3


class Technician(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    skills: tuple[str, ...]
    certified: tuple[str, ...] = ()  # skills that need a certificate (elevator, gas ...)
    shift: str = "day"  # day | night | on_call
    home_xyz: Vec3 = (0.0, 0.0, 0.0)
    phone: str = ""


class Zone(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    kind: str  # green_space | no_build | fire_lane | rooftop
    polygon: tuple[tuple[float, float], ...]
    name: str = ""
