"""An alarm's timeline in the operator's words: when, who, what was done, the note.

What desk 1 did about an alarm (acknowledged it, wrote "水泵房已通知", shelved it for an
hour, sent it to a work order) is what desk 2 and the next shift need to read before they
act. The steps are the alarm's history (``app.alarms.book``); a step of the engine's own
is by "system", a repeat of escalations shows how many there were, a work order by its
short id. Notes are people's words, shown as written (plain text, never markup).
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.dispatch.orders import short_order_id

ACTION_NAMES = {
    "raised": QT_TRANSLATE_NOOP("AlarmTimeline", "Raised"),
    "severity": QT_TRANSLATE_NOOP("AlarmTimeline", "Severity raised"),
    "acknowledged": QT_TRANSLATE_NOOP("AlarmTimeline", "Acknowledged"),
    "commented": QT_TRANSLATE_NOOP("AlarmTimeline", "Comment"),
    "dispatched": QT_TRANSLATE_NOOP("AlarmTimeline", "Work order"),
    "shelved": QT_TRANSLATE_NOOP("AlarmTimeline", "Shelved"),
    "unshelved": QT_TRANSLATE_NOOP("AlarmTimeline", "Unshelved"),
    "escalated": QT_TRANSLATE_NOOP("AlarmTimeline", "Escalated to the supervisor"),
    "cleared": QT_TRANSLATE_NOOP("AlarmTimeline", "Cleared"),
    "reactivated": QT_TRANSLATE_NOOP("AlarmTimeline", "Active again"),
    "closed": QT_TRANSLATE_NOOP("AlarmTimeline", "Closed"),
}
_SYSTEM = QT_TRANSLATE_NOOP("AlarmTimeline", "system")
#: who the book names for its own steps, and for the dispatch service marking a work order
SYSTEM_ACTORS = frozenset({"engine", "dispatch"})
_TIMES = QT_TRANSLATE_NOOP("AlarmTimeline", "%1 times")
_SHELVED_FOR = QT_TRANSLATE_NOOP("AlarmTimeline", "for %1 min")
_UNACKNOWLEDGED_FOR = QT_TRANSLATE_NOOP("AlarmTimeline", "unacknowledged for %1 min")
_SHELVING_EXPIRED = QT_TRANSLATE_NOOP("AlarmTimeline", "shelving expired")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AlarmTimeline", text)


def when(ts: float, now: float) -> str:
    """The time of day; the date too when it was not today."""
    then, today = time.localtime(ts), time.localtime(now)
    same_day = then[:3] == today[:3]
    return time.strftime("%H:%M:%S" if same_day else "%m-%d %H:%M", then)


def _note(alarm, step, latest: bool) -> str:  # noqa: ANN001 (an Alarm, a Transition)
    action, note = step.action, step.note
    if step.by in SYSTEM_ACTORS:  # the engine's own notes are English: worded here
        if action == "escalated":
            minutes = _tr(_UNACKNOWLEDGED_FOR).replace(
                "%1", f"{(step.at - alarm.raised_at) / 60:.0f}")
            if latest and alarm.escalations > 1:  # the book keeps the latest of a run
                return f"{minutes} · {_tr(_TIMES).replace('%1', str(alarm.escalations))}"
            return minutes
        if action == "unshelved":
            return _tr(_SHELVING_EXPIRED)
    if action == "dispatched" and note:
        return f"→ {short_order_id(note)}"
    if action == "shelved":  # the book writes "3600s: reason"
        seconds, sep, reason = note.partition("s: ")
        if sep and seconds.isdigit():
            minutes = _tr(_SHELVED_FOR).replace("%1", f"{int(seconds) / 60:.0f}")
            return f"{minutes} · {reason}" if reason else minutes
    return note


def timeline_rows(alarm, now: float,  # noqa: ANN001
                  people: Mapping[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """(time, who, step, note) for each step of the alarm (an app.alarms.model.Alarm);
    ``people`` (login → display name, ControlRoom.people) names who did it."""
    steps = alarm.history
    last_escalation = max((i for i, t in enumerate(steps) if t.action == "escalated"),
                          default=-1)
    names = people or {}
    return [(when(t.at, now), _tr(_SYSTEM) if t.by in SYSTEM_ACTORS else names.get(t.by, t.by),
             _tr(ACTION_NAMES.get(t.action, t.action)), _note(alarm, t, i == last_escalation))
            for i, t in enumerate(steps)]
