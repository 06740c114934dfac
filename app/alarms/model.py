"""The alarm entity and the past-tense events the alarm engine emits.

One active alarm per device + type. Acknowledged and cleared are tracked independently
(ISA-18.2): an alarm can clear before anyone acknowledged it, and stays on the board until
it is both acknowledged and cleared, when it closes.
"""

from __future__ import annotations

import enum
from typing import Any

import msgspec


class Severity(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4


class Transition(msgspec.Struct, frozen=True):
    at: float
    action: str  # raised | repeated | acknowledged | dispatched | cleared | closed | shelved |
    #             unshelved | escalated | commented | severity
    by: str  # user name, or "engine"
    note: str = ""


class Alarm(msgspec.Struct, kw_only=True):
    id: str
    device_id: str
    type: str  # e.g. "temp_c.high", "offline", "event.smoke", "welfare_check"
    severity: Severity
    message: str  # English, for logs and city platforms
    raised_at: float
    last_at: float
    count: int = 1
    last_value: float | None = None
    active: bool = True  # the condition is present
    acknowledged_at: float | None = None
    acknowledged_by: str | None = None
    cleared_at: float | None = None
    closed_at: float | None = None
    dispatched_order: str | None = None
    shelved_until: float | None = None
    shelved_reason: str = ""
    suppressed: bool = False  # raised inside a maintenance window: logged, not announced
    parent_id: str | None = None  # the root-cause alarm of a flood group
    escalations: int = 0
    #: the message as data (app.alarms.messages), worded by each screen in its language
    detail: dict[str, Any] = msgspec.field(default_factory=dict)
    history: list[Transition] = msgspec.field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.device_id, self.type)

    @property
    def state(self) -> str:
        """The lifecycle state an operator reads on the board."""
        if self.closed_at is not None:
            return "closed"
        if self.active:
            if self.acknowledged_at is None:
                # an automatic work order does not relieve the operator of acknowledging
                return "raised"
            return "dispatched" if self.dispatched_order is not None else "acknowledged"
        return "cleared"

    def is_shelved(self, now: float) -> bool:
        return self.shelved_until is not None and now < self.shelved_until


class AlarmChanged(msgspec.Struct, frozen=True):
    """Any lifecycle transition; ``alarm`` is a copy taken at that moment."""

    action: str
    alarm: Alarm
    at: float
    seq: int = 0  # the book's sequence number of this change: higher is newer
