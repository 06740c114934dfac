"""Scoring a training run: pure functions of the scenario, what was injected when, what the
trainee did (the action log) and the alarms of the run. Weights: docs/training.md.

Three parts, in one unit (a scenario's weights):
- each **expected action** earns its ``weight`` × a credit: 1 when done within its
  deadline after its event, falling linearly to 0 at twice the deadline (late), 0 when not
  done (missed) — the first matching action counts; a dispatch to someone else first is
  noted as wrong;
- the **acknowledgements** earn ``scoring.acknowledgements`` × the mean credit of every
  alarm of MEDIUM or above raised in the run (same curve, target by severity:
  ``ACK_TARGET_S``); children of a flood group are left out: acknowledging its root is
  what counts;
- **penalties** are taken off: an alarm of HIGH or above never acknowledged, a dispatch
  to a technician who cannot do the work, an action on a shelved or suppressed alarm,
  shelving a CRITICAL alarm (``PENALTY``).

score = 100 × max(0, earned − penalties) / (Σ weights + acknowledgements weight).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from app.alarms.model import Alarm, Severity
from app.training.actions import TraineeAction
from app.training.injector import InjectionFired
from app.training.scenario import Expected, Scenario

#: seconds within which an alarm of each severity should be acknowledged
ACK_TARGET_S = {int(Severity.CRITICAL): 60.0, int(Severity.HIGH): 180.0,
                int(Severity.MEDIUM): 600.0, int(Severity.LOW): 1800.0}
#: points taken off per occurrence
PENALTY = {"missed_critical": 2.0, "missed_high": 1.0, "wrong_dispatch": 1.0,
           "shelved_alarm_action": 0.5, "suppressed_alarm_action": 0.5,
           "shelved_critical": 1.0}
#: a late action's credit reaches 0 at this multiple of its deadline
LATE_FACTOR = 2.0
ACK_MIN_SEVERITY = int(Severity.MEDIUM)


class ExpectedResult(msgspec.Struct, frozen=True):
    index: int
    id: str
    action: str
    label: str
    weight: float
    state: str  # waiting | open | done | late | missed
    credit: float
    trigger_at: float | None = None
    due_at: float | None = None
    done_at: float | None = None
    action_seq: int | None = None
    note: str = ""


class AckResult(msgspec.Struct, frozen=True):
    alarm_id: str
    device_id: str
    type: str
    severity: int
    raised_at: float
    acknowledged_at: float | None
    target_s: float
    credit: float


class Penalty(msgspec.Struct, frozen=True):
    kind: str
    at: float
    what: str
    points: float


class ScoreCard(msgspec.Struct, frozen=True):
    score: float  # 0–100
    earned: float
    penalty: float
    possible: float
    expected: list[ExpectedResult]
    acknowledgements: list[AckResult]
    ack_credit: float | None  # mean credit; None when no alarm counted
    penalties: list[Penalty]


def credit(elapsed: float, deadline: float) -> float:
    """1 within the deadline, falling linearly to 0 at ``LATE_FACTOR`` × the deadline."""
    if elapsed <= deadline:
        return 1.0
    return max(0.0, 1.0 - (elapsed - deadline) / ((LATE_FACTOR - 1.0) * deadline))


def score(scenario: Scenario, fired: Sequence[InjectionFired],
          actions: Iterable[TraineeAction], alarms: Iterable[Alarm], *, start: float,
          now: float, final: bool) -> ScoreCard:
    live = [a for a in actions if not a.rewound]
    expected = expected_results(scenario, fired, live, now=now, final=final)
    acks = ack_results(alarms, start=start, now=now, final=final)
    penalties = _penalties(live, alarms, start=start, now=now, final=final)
    ack_weight = scenario.spec.scoring.acknowledgements
    ack_credit = sum(a.credit for a in acks) / len(acks) if acks else None
    earned = sum(e.weight * e.credit for e in expected) + ack_weight * (
        ack_credit if ack_credit is not None else 1.0)
    possible = sum(e.weight for e in expected) + ack_weight
    lost = sum(p.points for p in penalties)
    value = 100.0 * max(0.0, earned - lost) / possible if possible > 0 else 0.0
    return ScoreCard(round(value, 1), round(earned, 3), round(lost, 3), round(possible, 3),
                     expected, acks, ack_credit, penalties)


# ---- expected actions --------------------------------------------------------------------
def expected_results(scenario: Scenario, fired: Sequence[InjectionFired],
                     actions: Sequence[TraineeAction], *, now: float,
                     final: bool) -> list[ExpectedResult]:
    out = []
    for i, item in enumerate(scenario.spec.expected):
        trigger = next((f for f in fired if f.id == item.after), None)
        base = dict(index=i, id=item.id or f"expected-{i}", action=item.action,
                    label=item.label, weight=item.weight)
        if trigger is None:
            out.append(ExpectedResult(**base, state="missed" if final else "waiting",
                                      credit=0.0, note="its event did not happen"
                                      if final else ""))
            continue
        due = trigger.at + item.deadline_s
        found, note = _match(item, trigger, scenario, actions)
        if found is not None:
            got = credit(found.at - trigger.at, item.deadline_s)
            out.append(ExpectedResult(**base, state="done" if found.at <= due else "late",
                                      credit=round(got, 3), trigger_at=trigger.at,
                                      due_at=due, done_at=found.at, action_seq=found.seq,
                                      note=note))
            continue
        gone = final or now >= trigger.at + LATE_FACTOR * item.deadline_s
        state = "missed" if gone else ("open" if now <= due else "late")
        out.append(ExpectedResult(**base, state=state, credit=0.0, trigger_at=trigger.at,
                                  due_at=due, note=note))
    return out


def _match(item: Expected, trigger: InjectionFired, scenario: Scenario,
           actions: Sequence[TraineeAction]) -> tuple[TraineeAction | None, str]:
    """The first action that does what ``item`` expects, after its trigger; and a note on
    the wrong tries before it."""
    injection = scenario.injection(trigger.id)
    event = injection[1] if injection else None
    devices = _devices(item, trigger)
    wrong = []
    for action in actions:
        if action.at < trigger.at or action.outcome != "ok":
            if (action.at >= trigger.at and item.action == "dispatch"
                    and action.command == "order.assign" and _related(action, devices)):
                wrong.append(f"{action.args.get('tech_id')}: {action.why}")
            continue
        ctx, command = action.context, action.command
        if item.action == "acknowledge":
            ok = command == "alarm.acknowledge" and _alarm_matches(ctx, devices, item)
        elif item.action == "view_camera":
            camera = item.camera or (event.camera if event else None)
            ok = command == "camera.view" and ctx.get("camera_id") == camera
        elif item.action == "comment":
            text = str(action.args.get("text", ""))
            ok = (command == "alarm.comment" and _alarm_matches(ctx, devices, item)
                  and (not item.words or any(w in text for w in item.words)))
        elif item.action == "shelve":
            ok = command == "alarm.shelve" and _alarm_matches(ctx, devices, item)
        elif item.action == "close":
            ok = ((command == "alarm.close" and _alarm_matches(ctx, devices, item))
                  or (command == "order.state" and action.args.get("to") in (
                      "verified", "closed") and _related(action, devices)))
        elif item.action == "dispatch":
            ok = _dispatch_ok(action, item, devices)
            if not ok and command == "order.assign" and _related(action, devices):
                wrong.append(f"{action.args.get('tech_id')}")
        else:  # reassign: the order moved away from the technician who failed
            bad = event.technician if event else None
            ok = (command == "order.assign" and action.args.get("tech_id") != bad
                  and (ctx.get("assignee") == bad or _related(action, devices))
                  and (item.skill is None or item.skill in ctx.get("tech_skills", ())))
        if ok:
            return action, _wrong_note(wrong)
    return None, _wrong_note(wrong)


def _wrong_note(wrong: list[str]) -> str:
    return ("wrong first: " + "; ".join(wrong[:3])) if wrong else ""


def _devices(item: Expected, trigger: InjectionFired) -> set[str]:
    if item.device is not None:
        return {item.device}
    if trigger.event == "alarm_burst":
        return set(trigger.targets[:1])  # the root cause, not its flood
    return set(trigger.targets)


def _alarm_matches(ctx: dict, devices: set[str], item: Expected) -> bool:
    return (ctx.get("device_id") in devices
            and (item.alarm_type is None or str(ctx.get("type", "")).startswith(
                item.alarm_type)))


def _related(action: TraineeAction, devices: set[str]) -> bool:
    ctx = action.context
    return bool({ctx.get("order_device"), ctx.get("alarm_device"), ctx.get("device_id")}
                & devices)


def _dispatch_ok(action: TraineeAction, item: Expected, devices: set[str]) -> bool:
    ctx, command = action.context, action.command
    if command == "order.assign" and _related(action, devices):
        if item.technician is not None:
            return action.args.get("tech_id") == item.technician
        if item.skill is not None:
            return item.skill in ctx.get("tech_skills", ()) and bool(ctx.get("tech_fits"))
        return bool(ctx.get("tech_fits", True))
    # with no one in particular expected, making the order is the dispatch
    return (item.technician is None and item.skill is None
            and command in ("order.from_alarm", "order.create") and (
                ctx.get("device_id") in devices or action.args.get("device_id") in devices))


# ---- acknowledgements and penalties -----------------------------------------------------
def ack_results(alarms: Iterable[Alarm], *, start: float, now: float,
                final: bool) -> list[AckResult]:
    out = []
    for alarm in alarms:
        if (alarm.raised_at < start or int(alarm.severity) < ACK_MIN_SEVERITY
                or alarm.suppressed or alarm.parent_id is not None):
            continue
        target = ACK_TARGET_S[int(alarm.severity)]
        acked = alarm.acknowledged_at
        if acked is None and now - alarm.raised_at < (target if final else
                                                      LATE_FACTOR * target):
            continue  # raised too near the end (or now) to hold against anyone
        got = credit((acked if acked is not None else now) - alarm.raised_at, target) \
            if acked is not None else 0.0
        out.append(AckResult(alarm.id, alarm.device_id, alarm.type, int(alarm.severity),
                             alarm.raised_at, acked, target, round(got, 3)))
    out.sort(key=lambda a: a.raised_at)
    return out


def _penalties(actions: Sequence[TraineeAction], alarms: Iterable[Alarm], *, start: float,
               now: float, final: bool) -> list[Penalty]:
    out: list[Penalty] = []
    for action in actions:
        ctx = action.context
        if action.command == "order.assign" and ctx.get("tech_fits") is False:
            on = ctx.get("alarm_device") or ctx.get("order_device") or ctx.get("building")
            out.append(Penalty("wrong_dispatch", action.at,
                               f"{action.args.get('tech_id')} for {ctx.get('skill')} work "
                               f"on {on}", PENALTY["wrong_dispatch"]))
        if action.command.startswith(("alarm.", "order.from_alarm")) and ctx.get("alarm_id"):
            if ctx.get("shelved") and action.command != "alarm.unshelve":
                out.append(Penalty("shelved_alarm_action", action.at,
                                   f"{action.command} on shelved {ctx.get('device_id')}",
                                   PENALTY["shelved_alarm_action"]))
            if ctx.get("suppressed"):
                out.append(Penalty("suppressed_alarm_action", action.at,
                                   f"{action.command} on suppressed {ctx.get('device_id')}",
                                   PENALTY["suppressed_alarm_action"]))
            if (action.command == "alarm.shelve" and action.outcome == "ok"
                    and ctx.get("severity") == int(Severity.CRITICAL)):
                out.append(Penalty("shelved_critical", action.at,
                                   f"shelved a critical alarm on {ctx.get('device_id')}",
                                   PENALTY["shelved_critical"]))
    for alarm in alarms:
        severity = int(alarm.severity)
        if (alarm.raised_at < start or severity < int(Severity.HIGH) or alarm.suppressed
                or alarm.parent_id is not None or alarm.acknowledged_at is not None):
            continue
        target = ACK_TARGET_S[severity]
        if (final and now - alarm.raised_at >= target) or (
                not final and now - alarm.raised_at >= LATE_FACTOR * target):
            kind = "missed_critical" if severity == int(Severity.CRITICAL) else "missed_high"
            out.append(Penalty(kind, alarm.raised_at,
                               f"{alarm.device_id} {alarm.type} never acknowledged",
                               PENALTY[kind]))
    out.sort(key=lambda p: p.at)
    return out
