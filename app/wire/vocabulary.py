"""Which event kinds each device kind may send on ``…/dev/{id}/event`` (docs/mqtt.md).

An event a device's kind does not know (a transformer's ``smoke``) is rejected by ingest
with the reason ``unknown_event``: stored silently it would look handled while nothing
raises an alarm. What each event raises is the alarm engine's (app.alarms.defaults); a
test keeps the two lists in step.
"""

from __future__ import annotations

from collections.abc import Mapping

#: any device may say that a fault or a condition it reported is over
COMMON_EVENTS: frozenset[str] = frozenset({"recovered", "restored"})

#: device kind → the event kinds it may send besides COMMON_EVENTS
DEVICE_EVENTS: Mapping[str, frozenset[str]] = {
    "smoke_detector": frozenset({"smoke"}),
    "gas_detector": frozenset({"gas_leak"}),
    "door_access": frozenset({"door_forced", "door_held_open", "door_open"}),
    "manhole_cover": frozenset({"manhole_open", "manhole_displaced"}),
    "panic_button": frozenset({"panic", "pressed"}),
    "elevator": frozenset({"trapped", "fault", "elevator_stuck"}),
    "fire_hydrant_pressure": frozenset({"tamper"}),
    "ev_charger": frozenset({"fault", "charger_fault", "connector_status"}),
    "barrier_gate": frozenset({"forced", "gate_fault"}),
    "camera": frozenset({"video_loss", "tampering", "falling_object"}),
    "transformer": frozenset({"trip", "overheat"}),
    "water_pump": frozenset({"trip", "pump_fault"}),
}


def event_allowed(device_kind: str, event_kind: str) -> bool:
    return event_kind in COMMON_EVENTS or event_kind in DEVICE_EVENTS.get(device_kind, ())


def events_of(device_kind: str) -> list[str]:
    """The event kinds a device of this kind may send, sorted (for messages and docs)."""
    return sorted(COMMON_EVENTS | DEVICE_EVENTS.get(device_kind, frozenset()))
