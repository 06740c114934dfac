"""The dispatch panel's vocabularies (order states, skills, shifts, cost terms) and formats
(SLA countdowns, ages, what an order is about), translated in the "Dispatch" context."""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.dispatch.notes import LAST_KNOWN, LIVE
from app.dispatch.notes import parse as parse_note
from app.dispatch.orders import WorkOrder
from ui.alarm_labels import describe_detail, type_name

_CTX = "Dispatch"

STATE_NAMES = {
    "created": QT_TRANSLATE_NOOP("Dispatch", "Waiting"),
    "assigned": QT_TRANSLATE_NOOP("Dispatch", "Assigned"),
    "accepted": QT_TRANSLATE_NOOP("Dispatch", "Accepted"),
    "en_route": QT_TRANSLATE_NOOP("Dispatch", "On the way"),
    "arrived": QT_TRANSLATE_NOOP("Dispatch", "On site"),
    "done": QT_TRANSLATE_NOOP("Dispatch", "Done"),
    "verified": QT_TRANSLATE_NOOP("Dispatch", "Verified"),
    "closed": QT_TRANSLATE_NOOP("Dispatch", "Closed"),
    "rejected": QT_TRANSLATE_NOOP("Dispatch", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("Dispatch", "Cancelled"),
}
SKILL_NAMES = {
    "electrical": QT_TRANSLATE_NOOP("Dispatch", "Electrical"),
    "plumbing": QT_TRANSLATE_NOOP("Dispatch", "Plumbing"),
    "elevator": QT_TRANSLATE_NOOP("Dispatch", "Elevator"),
    "fire": QT_TRANSLATE_NOOP("Dispatch", "Fire"),
    "gas": QT_TRANSLATE_NOOP("Dispatch", "Gas"),
    "security": QT_TRANSLATE_NOOP("Dispatch", "Security"),
    "general": QT_TRANSLATE_NOOP("Dispatch", "General"),
}
SHIFT_NAMES = {
    "all": QT_TRANSLATE_NOOP("Dispatch", "All shifts"),
    "day": QT_TRANSLATE_NOOP("Dispatch", "Day"),
    "night": QT_TRANSLATE_NOOP("Dispatch", "Night"),
    "on_call": QT_TRANSLATE_NOOP("Dispatch", "On call"),
}
CLOCK_NAMES = {
    "acknowledge": QT_TRANSLATE_NOOP("Dispatch", "accept"),
    "arrive": QT_TRANSLATE_NOOP("Dispatch", "arrive"),
    "resolve": QT_TRANSLATE_NOOP("Dispatch", "resolve"),
}
#: the cost terms of a suggestion, in the order the dispatcher reads them
TERM_NAMES = {
    "travel_s": QT_TRANSLATE_NOOP("Dispatch", "Walking time (s)"),
    "priority_weight": QT_TRANSLATE_NOOP("Dispatch", "Urgency weight"),
    "weighted_travel_s": QT_TRANSLATE_NOOP("Dispatch", "Weighted walking time (s)"),
    "open_orders": QT_TRANSLATE_NOOP("Dispatch", "Open orders"),
    "load_penalty_s": QT_TRANSLATE_NOOP("Dispatch", "Busy penalty (s)"),
    "stale_penalty_s": QT_TRANSLATE_NOOP("Dispatch", "Old position penalty (s)"),
    "priority_bonus_s": QT_TRANSLATE_NOOP("Dispatch", "Urgent order bonus (s)"),
    "total_s": QT_TRANSLATE_NOOP("Dispatch", "Total cost (s)"),
    "manual": QT_TRANSLATE_NOOP("Dispatch", "Dispatcher's choice"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def name(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    return tr(table[key]) if key in table else key


def countdown(seconds: float) -> str:
    """``12:05``, ``1:02:03`` for long clocks, ``3d 4h`` past two days."""
    h, rem = divmod(int(seconds), 3600)
    m, sec = divmod(rem, 60)
    if h >= 48:
        return f"{h // 24}d {h % 24}h"
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


_LEFT = QT_TRANSLATE_NOOP("Dispatch", "%1 %2")
_OVERDUE = QT_TRANSLATE_NOOP("Dispatch", "%1 overdue %2")


def deadline(clock: str, left_s: float) -> str:
    """``accept 12:05`` while time is left; ``accept overdue 3:10`` once it has run out
    (a bare minus sign in a red cell was easy to misread as time left)."""
    text = tr(_OVERDUE if left_s < 0 else _LEFT)
    return text.replace("%1", clock).replace("%2", countdown(abs(left_s)))


def minutes(seconds: float | int | None) -> str:
    return "–" if seconds is None else f"{float(seconds) / 60:.1f} min"


def clock_time(ts: float | None) -> str:
    return "" if ts is None else time.strftime("%H:%M:%S", time.localtime(ts))


# QT_TRANSLATE_NOOP puts them in the "Dispatch" context that tr() looks them up in (a bare
# tr("…") outside a class was collected under no context, so it never showed in Chinese)
_NEVER = QT_TRANSLATE_NOOP("Dispatch", "never reported")
_SECONDS_AGO = QT_TRANSLATE_NOOP("Dispatch", "%1 s ago")
_MINUTES_AGO = QT_TRANSLATE_NOOP("Dispatch", "%1 min ago")


def age(seconds: float | None) -> str:
    if seconds is None:
        return tr(_NEVER)
    if seconds < 90:
        return tr(_SECONDS_AGO).replace("%1", str(int(seconds)))
    return tr(_MINUTES_AGO).replace("%1", str(int(seconds // 60)))


def order_title(order: WorkOrder, device_name: str | None) -> str:
    """What the order is about. An order made from an alarm is worded as the alarm board
    words that alarm (ui.alarm_labels: "燃气泄漏 · 原因 燃气泄漏，程度 0.6", not the raw
    "gas_leak fault=gas_leak, severity=0.6"); other orders (by hand, from a resident or a
    detection) show their title, which a person or a detector wrote."""
    cause = order.cause
    if cause is None:
        return order.title
    what = type_name(cause.type)
    detail = describe_detail(cause.type, cause.detail, cause.message)
    text = what if not detail or detail == what else f"{what} · {detail}"
    return f"{device_name}: {text}" if device_name else text


_SUGGESTED = QT_TRANSLATE_NOOP("Dispatch", "%1: %2 min away (%3), %4 open order(s), %5")
_CERTIFIED = QT_TRANSLATE_NOOP("Dispatch", "%1 (certified)")
_PREEMPTS = QT_TRANSLATE_NOOP("Dispatch", "; takes the technician from %1")
_WHERE = {
    LIVE: QT_TRANSLATE_NOOP("Dispatch", "live position"),
    LAST_KNOWN: QT_TRANSLATE_NOOP("Dispatch", "last known position"),
}
_SYSTEM = QT_TRANSLATE_NOOP("Dispatch", "System")
OFF_SHIFT = QT_TRANSLATE_NOOP("Dispatch", "(off)")  # a technician not on shift now
#: app.dispatch.notes.TEMPLATES, worded for the screen ("suggested" below)
_NOTES = {
    "created_from": QT_TRANSLATE_NOOP("Dispatch", "Created from %1"),
    "manual": QT_TRANSLATE_NOOP("Dispatch", "Assigned by hand: %1"),
    "reassigned": QT_TRANSLATE_NOOP("Dispatch", "Reassigned to %1: %2"),
    "not_accepted": QT_TRANSLATE_NOOP("Dispatch", "Not accepted within %1 s"),
    "nobody": QT_TRANSLATE_NOOP("Dispatch", "No technician on the roster"),
    "none_qualified": QT_TRANSLATE_NOOP("Dispatch", "No %1 technician on the roster"),
    "none_on_shift": QT_TRANSLATE_NOOP("Dispatch", "No %1 technician on shift"),
    "all_taken": QT_TRANSLATE_NOOP("Dispatch",
                                   "Every suitable technician is taken this round; waiting"),
    "all_unavailable": QT_TRANSLATE_NOOP(
        "Dispatch", "Every %1 technician is at full load, unreachable or has rejected it"),
    "read_only": QT_TRANSLATE_NOOP("Dispatch", "Read-only source (%1): work orders are "
                                   "recorded but never sent to technicians' handsets"),
    "waiting": QT_TRANSLATE_NOOP("Dispatch", "Waiting for the server's work orders"),
}
#: the steps the dispatch engine makes itself (orders it creates, deadlines it enforces)
ENGINE_ACTORS = frozenset({"system", "dispatch"})
ORIGIN_NAMES = {
    "alarm": QT_TRANSLATE_NOOP("Dispatch", "an alarm"),
    "detection": QT_TRANSLATE_NOOP("Dispatch", "a camera detection"),
    "resident": QT_TRANSLATE_NOOP("Dispatch", "a resident's report"),
    "manual": QT_TRANSLATE_NOOP("Dispatch", "the dispatcher"),
}


def suggestion_words(tech_name: str, minutes: float, where: str, load: int, skill: str, *,
                     certified: bool = False, preempts: str = "") -> str:
    """Why the engine suggests a technician, in the dispatcher's language (the engine's
    own summary, app.dispatch.notes "suggested", is English for logs and city platforms)."""
    skill_text = name(SKILL_NAMES, skill)
    if certified:
        skill_text = tr(_CERTIFIED).replace("%1", skill_text)
    text = (tr(_SUGGESTED).replace("%1", tech_name).replace("%2", f"{minutes:.1f}")
            .replace("%3", tr(_WHERE.get(where, _WHERE[LIVE]))).replace("%4", str(load))
            .replace("%5", skill_text))
    return text + (tr(_PREEMPTS).replace("%1", preempts) if preempts else "")


def word_actor(actor: str, tech_names: Mapping[str, str] | None = None,
               people: Mapping[str, str] | None = None) -> str:
    """Who made a step: the engine itself, a technician by name, or a user by the name they
    go by (``people``: login → display name, ControlRoom.people)."""
    if actor in ENGINE_ACTORS:
        return tr(_SYSTEM)
    if actor.startswith("tech:"):
        tech = actor.removeprefix("tech:")
        return (tech_names or {}).get(tech, tech)
    return (people or {}).get(actor, actor)


def word_note(text: str, tech_names: dict[str, str] | None = None) -> str:
    """A line the engine wrote into an order, in the operator's language; anyone else's
    words (a technician's, a dispatcher's) as they were written."""
    parsed = parse_note(text)
    if parsed is None:
        return text
    template, v = parsed
    names = tech_names or {}
    if template == "suggested":
        try:
            minutes, load = float(v["minutes"]), int(v["load"])
        except ValueError:
            return text
        return suggestion_words(v["name"], minutes, v["where"], load, v["skill"],
                                certified=bool(v["cert"]),
                                preempts=v["preempts"].removeprefix("; pre-empts "))
    wording = tr(_NOTES[template])
    if template == "created_from":
        return wording.replace("%1", name(ORIGIN_NAMES, v["origin"]))
    if template == "manual":
        return wording.replace("%1", v["reason"])
    if template == "reassigned":
        return wording.replace("%1", names.get(v["tech"], v["tech"])).replace("%2", v["reason"])
    if template == "not_accepted":
        return wording.replace("%1", v["seconds"])
    if template == "none_qualified":
        skill = name(SKILL_NAMES, v["skill"])
        return wording.replace("%1", tr(_CERTIFIED).replace("%1", skill)
                               if v["certified"] else skill)
    if template in ("none_on_shift", "all_unavailable"):
        return wording.replace("%1", name(SKILL_NAMES, v["skill"]))
    if template == "read_only":
        return wording.replace("%1", v["source"])
    return wording  # nobody, all_taken, waiting: nothing to fill in
