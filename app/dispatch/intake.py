"""What a new work order needs from where it came from: the skill, the priority, a title.

Alarms name a device, so the skill follows from the device kind (a hot transformer needs an
electrician, a gas detector a certified gas fitter) and the priority from the alarm's
severity. Detections from the cameras and residents' reports carry no device kind: their
kind, or the words of the report, decide. Kept apart from the runtime so the policy can be
read (and changed) in one place.
"""

from __future__ import annotations

from app.alarms.model import Severity

#: device kind → the skill of the technician who fixes it (CONTRACTS device kinds)
SKILL_BY_KIND: dict[str, str] = {
    "transformer": "electrical", "power_meter": "electrical", "lighting_circuit": "electrical",
    "ev_charger": "electrical",
    "water_pump": "plumbing", "pipe_pressure": "plumbing", "water_meter": "plumbing",
    "water_tank_level": "plumbing", "heat_meter": "plumbing",
    "elevator": "elevator",
    "gas_detector": "gas",
    "smoke_detector": "fire", "fire_hydrant_pressure": "fire", "sprinkler_valve": "fire",
    "door_access": "security", "barrier_gate": "security", "camera": "security",
    "panic_button": "security",
}

#: alarm types that say more than the device kind (a smoke event on a door panel is fire)
SKILL_BY_ALARM_TYPE: dict[str, str] = {
    "event.smoke": "fire", "event.fire": "fire", "event.gas_leak": "gas",
    "event.door_forced": "security", "event.panic": "security",
}

#: alarm severity → work-order priority (1 = most urgent)
PRIORITY_BY_SEVERITY: dict[int, int] = {
    Severity.CRITICAL: 1, Severity.HIGH: 2, Severity.MEDIUM: 3, Severity.LOW: 4}

#: camera detection kind → (skill, priority)
DETECTION_POLICY: dict[str, tuple[str, int]] = {
    "falling_object": ("security", 1),  # someone must cordon off the facade at once
    "illegal_construction": ("general", 3),
}

# Words in a resident's report (Chinese first: that is what residents write) → skill.
# Order matters: "电梯" (elevator) must win over "电" (electricity).
_REPORT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("elevator", ("电梯", "elevator", "lift")),
    ("gas", ("燃气", "煤气", "天然气", "gas")),
    ("fire", ("火", "烟", "消防", "fire", "smoke")),
    ("plumbing", ("漏水", "水管", "堵", "水", "leak", "pipe", "water", "drain")),
    ("electrical", ("停电", "跳闸", "电", "power", "light", "socket")),
    ("security", ("门禁", "盗", "可疑", "door", "theft", "suspicious")),
)


def skill_for(device_kind: str | None, alarm_type: str = "") -> str:
    if alarm_type in SKILL_BY_ALARM_TYPE:
        return SKILL_BY_ALARM_TYPE[alarm_type]
    return SKILL_BY_KIND.get(device_kind or "", "general")


def priority_for(severity: int) -> int:
    return PRIORITY_BY_SEVERITY.get(int(severity), 3)


def skill_for_report(text: str) -> str:
    lowered = text.lower()
    for skill, words in _REPORT_WORDS:
        if any(w in lowered for w in words):
            return skill
    return "general"
