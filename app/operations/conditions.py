"""Alarm conditions judged by the operations trackers, handed to the one alarm machinery
(``AlarmEngine.report_condition``): the trackers say *what* holds, the alarm engine's
delays, grouping and book decide what the operator sees."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import msgspec

from app.alarms.messages import detail
from app.alarms.model import Severity


class Condition(msgspec.Struct, frozen=True):
    device_id: str
    type: str  # e.g. "gate.silent", "parking.overstay", "charger.faulted", "water.night_flow"
    present: bool
    severity: Severity
    message: dict[str, Any]  # messages.detail("operations", what=..., ...)
    value: float | None = None
    on_delay_s: float = 0.0
    off_delay_s: float = 0.0


def message(what: str, **values: Any) -> dict[str, Any]:
    """An operations alarm's message as data: ``what`` names it (the UI words it)."""
    return detail("operations", what=what, **values)


def report(alarms: Any, conditions: Iterable[Condition], t: float) -> None:
    """Feed conditions to an ``AlarmEngine`` (anything with ``report_condition``)."""
    if alarms is None:
        return
    for c in conditions:
        alarms.report_condition(c.device_id, c.type, c.present, t, severity=c.severity,
                                message=c.message, value=c.value, on_delay_s=c.on_delay_s,
                                off_delay_s=c.off_delay_s)
