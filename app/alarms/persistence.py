"""Alarms to and from storage: every transition is recorded (who, when, from, to), and the
open alarms are restored into the book when the engine starts again."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from app.alarms.book import AlarmBook
from app.alarms.model import Alarm, AlarmChanged, Severity, Transition

#: fields kept in the row's JSON ``data`` column (the rest are columns of their own)
_DATA_FIELDS = ("message", "last_at", "active", "dispatched_order", "shelved_until",
                "shelved_reason", "suppressed", "parent_id", "escalations", "detail")


class AlarmSink(Protocol):
    def save_alarm(self, alarm: object, transition: Mapping[str, Any] | None = None) -> None: ...


def alarm_record(alarm: Alarm) -> dict[str, Any]:
    return {
        "id": alarm.id, "device_id": alarm.device_id, "type": alarm.type,
        "severity": alarm.severity.name, "state": alarm.state, "raised_at": alarm.raised_at,
        "acknowledged_at": alarm.acknowledged_at, "acknowledged_by": alarm.acknowledged_by,
        "cleared_at": alarm.cleared_at, "closed_at": alarm.closed_at, "count": alarm.count,
        "last_value": alarm.last_value,
        "data": {f: getattr(alarm, f) for f in _DATA_FIELDS},
    }


def alarm_from_record(row: Mapping[str, Any]) -> Alarm:
    data = dict(row.get("data") or {})
    return Alarm(
        id=row["id"], device_id=row["device_id"], type=row["type"],
        severity=Severity[row["severity"]], message=data.get("message", ""),
        raised_at=row["raised_at"], last_at=data.get("last_at") or row["raised_at"],
        count=row.get("count") or 1, last_value=row.get("last_value"),
        active=bool(data.get("active", row["state"] != "cleared")),
        acknowledged_at=row.get("acknowledged_at"), acknowledged_by=row.get("acknowledged_by"),
        cleared_at=row.get("cleared_at"), closed_at=row.get("closed_at"),
        dispatched_order=data.get("dispatched_order"),
        shelved_until=data.get("shelved_until"), shelved_reason=data.get("shelved_reason", ""),
        suppressed=bool(data.get("suppressed", False)), parent_id=data.get("parent_id"),
        escalations=int(data.get("escalations", 0)), detail=dict(data.get("detail") or {}),
        history=[Transition(row["raised_at"], "restored", "engine")],
    )


class AlarmRecorder:
    """A book listener that writes each transition through the storage writer (queued,
    never blocking the engine)."""

    def __init__(self, sink: AlarmSink) -> None:
        self._sink = sink
        self._last_state: dict[str, str] = {}

    def __call__(self, change: AlarmChanged) -> None:
        alarm = change.alarm
        previous = self._last_state.get(alarm.id)
        self._last_state[alarm.id] = alarm.state
        if alarm.closed_at is not None:
            self._last_state.pop(alarm.id, None)
        if change.action in ("repeated", "synced"):  # the row changes; no transition to log
            self._sink.save_alarm(alarm_record(alarm))
            return
        last = alarm.history[-1] if alarm.history else None
        self._sink.save_alarm(alarm_record(alarm), {
            "from_state": previous, "to_state": alarm.state, "at": change.at,
            "by": last.by if last else "engine",
            "note": f"{change.action}: {last.note}" if last and last.note else change.action,
        })


def restore_open_alarms(book: AlarmBook, rows: Iterable[Mapping[str, Any]]) -> int:
    """Put the stored, not yet closed alarms back into the book; returns how many."""
    count = 0
    for row in rows:
        if row.get("closed_at") is None and row.get("state") != "closed":
            book.restore(alarm_from_record(row))
            count += 1
    return count
