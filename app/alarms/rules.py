"""Alarm rules, declared as typed structs so config and scene overrides are validated once.

Per device kind there is a default ``RuleSet`` (``defaults.py``); a device may override it
in the config or scene. Limits follow the HH/H/L/LL convention of process control.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Literal

import msgspec

from app.alarms.model import Severity


class _Rule(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pass


class LimitRule(_Rule):
    """Static limits on one point, with hysteresis and on/off delays (device time, s)."""

    point: str
    hh: float | None = None
    h: float | None = None
    l: float | None = None  # noqa: E741 - the process-control name
    ll: float | None = None
    hysteresis: float = 0.0
    on_delay_s: float = 0.0
    off_delay_s: float = 0.0
    severity_h: Severity = Severity.MEDIUM
    severity_hh: Severity = Severity.HIGH
    #: tighten H/L to the band learned from the point's history (never beyond the limits)
    learned: bool = False
    #: a 0/1 state point (fault, open ...): any departure from h (= l) is one "flag" alarm
    flag: bool = False


class RateRule(_Rule):
    """Rate of change beyond ``max_per_min`` (units per minute) in either direction."""

    point: str
    max_rise_per_min: float | None = None
    max_fall_per_min: float | None = None
    severity: Severity = Severity.MEDIUM


class EventRule(_Rule):
    """A device event kind (``smoke``, ``door_forced`` ...) raises an alarm at once; it clears
    when no repeat came for ``hold_s``, or at once when the device sends one of the
    ``cleared_by`` kinds (a manhole cover's ``restored``)."""

    kind: str
    severity: Severity = Severity.HIGH
    hold_s: float = 300.0
    cleared_by: tuple[str, ...] = ()


Op = Literal["<", "<=", ">", ">=", "==", "!="]

_OPS: Mapping[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "==": operator.eq, "!=": operator.ne,
}


class Condition(_Rule):
    point: str
    op: Op
    value: float

    def holds(self, values: Mapping[str, float]) -> bool | None:
        """None when the point has no value yet (an unknown is not a condition)."""
        v = values.get(self.point)
        return None if v is None else _OPS[self.op](v, self.value)


class ComboRule(_Rule):
    """AND/OR of conditions, e.g. pump running AND outlet pressure low."""

    name: str
    all_of: tuple[Condition, ...] = ()
    any_of: tuple[Condition, ...] = ()
    severity: Severity = Severity.HIGH
    on_delay_s: float = 0.0
    off_delay_s: float = 0.0
    message: str = ""

    def holds(self, values: Mapping[str, float]) -> bool:
        if self.all_of and not all(c.holds(values) for c in self.all_of):
            return False
        return not self.any_of or any(c.holds(values) for c in self.any_of)


class OfflineRule(_Rule):
    """Offline (last will / status) or stale (silent too long) for ``on_delay_s``."""

    severity: Severity = Severity.LOW
    on_delay_s: float = 60.0


class RuleSet(_Rule):
    limits: tuple[LimitRule, ...] = ()
    rates: tuple[RateRule, ...] = ()
    events: tuple[EventRule, ...] = ()
    combos: tuple[ComboRule, ...] = ()
    offline: OfflineRule | None = OfflineRule()
