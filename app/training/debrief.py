"""The debrief of a training run: its score card and one timeline of everything that
happened — the injected events, the serious alarms, every action of the trainee (rewound
ones too, marked), the instructor's notes and moves, the expected actions' deadlines —
each entry at its moment, so the debrief view can seek the player there and the report
can draw it. A plain msgspec Struct: written beside the session, kept in the results
table, carried to a remote console as it is.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import msgspec

from app.alarms.model import Alarm, Severity
from app.training.scoring import ScoreCard, score

if TYPE_CHECKING:
    from app.training.session import TrainingSession

#: alarms shown on the timeline (the acknowledgement list holds every one scored)
TIMELINE_MIN_SEVERITY = int(Severity.HIGH)
DEADLINE_WORDS = {"done": "done", "late": "late", "missed": "missed", "open": "open",
                  "waiting": "waiting"}


class TimelineEntry(msgspec.Struct, frozen=True):
    at: float
    kind: str  # injection | alarm | action | note | instructor | deadline
    label: str
    detail: str = ""
    who: str = ""
    severity: int = 0
    outcome: str = ""  # actions: ok | refused | failed; deadlines: done | late | missed
    rewound: bool = False


class AlarmSummary(msgspec.Struct, frozen=True):
    id: str
    device_id: str
    device_name: str
    type: str
    severity: int
    raised_at: float
    acknowledged_at: float | None
    acknowledged_by: str | None
    cleared_at: float | None
    closed_at: float | None
    parent_id: str | None
    suppressed: bool


class OrderSummary(msgspec.Struct, frozen=True):
    id: str
    title: str
    skill: str
    priority: int
    state: str
    assignee: str | None
    created_at: float
    assigned_at: float | None
    accepted_at: float | None
    done_at: float | None
    rejected_by: list[str]


class Debrief(msgspec.Struct, frozen=True):
    session_id: str
    site: str
    trainee: str
    instructor: str | None
    scenario_id: str
    title: str
    title_en: str
    staff: str
    summary: str
    source: str
    start: float  # scenario time of t = 0 (epoch seconds)
    end: float  # the scenario's planned end
    played_s: float  # how far it was played
    finished: bool  # played to its end
    started_wall: float  # when the run took place
    finished_wall: float
    card: ScoreCard
    timeline: list[TimelineEntry]
    alarms: list[AlarmSummary]
    orders: list[OrderSummary]
    kept_messages: int  # what the session's publisher kept instead of sending


def build_debrief(session: TrainingSession) -> Debrief:
    engine, player, scenario = session.engine, session.player, session.scenario
    start, now = player.start, player.t
    _, open_alarms, closed = engine.alarms.book.snapshot()
    alarms = sorted((a for a in (*closed, *open_alarms) if a.raised_at >= start),
                    key=lambda a: a.raised_at)
    actions, notes = session.log.all()
    fired = list(session.injector.log)
    card = score(scenario, fired, actions, alarms, start=start, now=now, final=True)
    names = {d.id: d.name for d in engine.store.devices()}
    orders = engine.dispatch.service.orders() if engine.dispatch is not None else []
    return Debrief(
        session_id=session.session_id, site=engine.scheme.site,
        trainee=session.trainee_name(),
        instructor=session.instructor, scenario_id=scenario.id, title=scenario.title,
        title_en=scenario.spec.title_en, staff=scenario.spec.staff,
        summary=scenario.spec.summary, source=session.feed.describe(), start=start,
        end=start + scenario.duration_s, played_s=player.at_s,
        finished=player.at_s >= scenario.duration_s - 1.0,
        started_wall=session.started_wall, finished_wall=time.time(), card=card,
        timeline=timeline(card, fired, actions, notes, alarms, names),
        alarms=[_alarm(a, names) for a in alarms],
        orders=[OrderSummary(o.id, o.title, o.skill, o.priority, o.state, o.assignee,
                             o.created_at, o.assigned_at, o.accepted_at, o.done_at,
                             list(o.rejected_by)) for o in orders],
        kept_messages=len(session.publisher.messages()))


def timeline(card: ScoreCard, fired, actions, notes, alarms: list[Alarm],  # noqa: ANN001
             names: dict[str, str]) -> list[TimelineEntry]:
    out: list[TimelineEntry] = []
    for f in fired:
        what = f.label or f.event.replace("_", " ")
        out.append(TimelineEntry(f.at, "injection", what, ", ".join(f.targets[:4]), f.by))
    for a in alarms:
        if int(a.severity) >= TIMELINE_MIN_SEVERITY and a.parent_id is None:
            out.append(TimelineEntry(a.raised_at, "alarm",
                                     f"{names.get(a.device_id, a.device_id)}: {a.type}",
                                     a.message, severity=int(a.severity)))
    for action in actions:
        target = action.context.get("device_id") or action.context.get("camera_id") \
            or action.object
        out.append(TimelineEntry(action.at, "action", f"{action.command} {target or ''}".strip(),
                                 action.why, action.user, int(action.context.get("severity", 0)),
                                 action.outcome, action.rewound))
    for note in notes:
        out.append(TimelineEntry(note.at, "note" if note.kind == "note" else "instructor",
                                 note.text, note.kind, note.by))
    for e in card.expected:
        if e.due_at is not None:
            out.append(TimelineEntry(e.due_at, "deadline", e.label or f"{e.action} ({e.id})",
                                     e.note, outcome=e.state))
    out.sort(key=lambda entry: entry.at)
    return out


def _alarm(a: Alarm, names: dict[str, str]) -> AlarmSummary:
    return AlarmSummary(a.id, a.device_id, names.get(a.device_id, a.device_id), a.type,
                        int(a.severity), a.raised_at, a.acknowledged_at, a.acknowledged_by,
                        a.cleared_at, a.closed_at, a.parent_id, a.suppressed)
