"""Turn a new device's birth message (retained ``…/dev/{id}/meta``) or an operator's
decision into a ``Device`` for the StateStore. What a birth may change of a device already
known is app.ingest.births's to decide.
"""

from __future__ import annotations

import msgspec

from app.domain.kinds import DEVICE_KINDS
from app.domain.model import Device, Location, PointSpec, Vec3
from app.wire.payloads import MetaLocation, MetaPayload, MetaPoint

#: report interval for devices that do not state one and are not in the scene (seconds)
DEFAULT_REPORT_INTERVAL_S = 60.0


def device_from_meta(device_id: str, meta: MetaPayload, existing: Device | None) -> Device:
    """The device as its birth describes it, bands included (decode checked them); the
    points of ``existing`` that the birth does not name are kept."""
    points: dict[str, PointSpec] = dict(existing.points) if existing else {}
    for name, point in meta.points.items():
        points[name] = PointSpec(unit=point.unit, normal=point.normal, limits=point.limits)
    loc = meta.location
    interval = meta.report_interval_s or (existing.report_interval_s if existing
                                          else DEFAULT_REPORT_INTERVAL_S)
    return Device(
        id=device_id,
        kind=meta.kind,
        name=meta.name,
        location=Location(xyz=loc.xyz, building=loc.building, floor=loc.floor, room=loc.room),
        points=points,
        report_interval_s=interval,
    )


def meta_of(device: Device) -> MetaPayload:
    """The birth that describes ``device`` as the control room knows it (what ingest hands
    on to storage and alarms after a birth or a registration)."""
    loc = device.location
    return MetaPayload(
        kind=device.kind, name=device.name,
        location=MetaLocation(xyz=loc.xyz, building=loc.building, floor=loc.floor,
                              room=loc.room),
        points={n: MetaPoint(unit=p.unit, normal=p.normal, limits=p.limits)
                for n, p in device.points.items()},
        report_interval_s=device.report_interval_s)


def device_for_operator(device_id: str, kind: str, *, name: str | None = None,
                        xyz: Vec3 = (0.0, 0.0, 0.0), building: str | None = None,
                        floor: int | None = None, points: dict[str, str] | None = None,
                        report_interval_s: float = DEFAULT_REPORT_INTERVAL_S) -> Device:
    """A device an operator registers from the unknown-devices list. Raises ValueError."""
    if kind not in DEVICE_KINDS:
        raise ValueError(f"kind {kind!r} is not a device kind; one of: {', '.join(DEVICE_KINDS)}")
    if not device_id or "/" in device_id or "+" in device_id or "#" in device_id:
        raise ValueError(f"device id {device_id!r} cannot be used in an MQTT topic")
    if report_interval_s <= 0:
        raise ValueError("report_interval_s must be positive")
    return Device(
        id=device_id,
        kind=kind,  # type: ignore[arg-type]  # checked against DEVICE_KINDS above
        name=name or device_id,
        location=Location(xyz=xyz, building=building, floor=floor),
        points={k: PointSpec(unit=u) for k, u in (points or {}).items()},
        report_interval_s=report_interval_s,
    )


def points_from_sample(payload_head: str) -> dict[str, str]:
    """Point names (unit unknown) from an unknown device's first telemetry payload."""
    try:
        body = msgspec.json.decode(payload_head.encode("utf-8"))
    except (msgspec.DecodeError, UnicodeError):
        return {}
    values = body.get("values") if isinstance(body, dict) else None
    if not isinstance(values, dict):
        return {}
    return {str(k): "" for k in values}
