"""What the trainee and the instructor did, as it happened, in scenario time.

``TrainingCommandHandler`` is the engine's command handler in a training session: every
command still goes through the one handler (permission, scope, audit), and each is written
to the ``ActionLog`` with what it acted on as it was at that moment — the alarm (device,
type, severity, shelved or suppressed), the work order (skill, device, alarm) and the
technician chosen (can they do it) — so scoring never has to guess the past. A trainee's
command waits for the player's step to finish (it lands between two steps), which keeps a
scripted trainee's run repeatable. The instructor's pauses, seeks, injections and notes are
kept as ``InstructorNote`` entries.

A seek back leaves actions after the new moment in the log, marked ``rewound``: they are
shown in the debrief, not scored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec

from app.dispatch.technicians import can_do
from app.facade import commands as c
from app.facade.errors import CommandError, CommandRefused
from app.facade.handler import CommandHandler, CommandResult
from app.facade.session import Session
from app.listeners import Listeners, Subscription

if TYPE_CHECKING:
    from app.runtime.engine import Engine

KEPT = 5000


class TraineeAction(msgspec.Struct, frozen=True):
    seq: int
    at: float  # scenario time (epoch seconds)
    user: str
    role: str
    command: str  # the command's tag, e.g. "alarm.acknowledge"
    object: str
    outcome: str  # ok | refused | failed
    why: str = ""
    args: dict[str, Any] = {}
    #: what it acted on, as it was: alarm / order / technician / camera facts
    context: dict[str, Any] = {}
    rewound: bool = False


class InstructorNote(msgspec.Struct, frozen=True):
    seq: int
    at: float
    by: str
    kind: str  # note | pause | play | speed | seek | inject
    text: str


class ActionLog:
    """Thread-safe; listeners hear each new entry (the player bumps its status)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.actions: list[TraineeAction] = []
        self.notes: list[InstructorNote] = []
        self._seq = 0
        self._listeners: Listeners[object] = Listeners("training actions")

    def subscribe(self, listener: Callable[[object], None]) -> Subscription:
        return self._listeners.subscribe(listener)

    def add_action(self, **fields: Any) -> TraineeAction:
        with self._lock:
            self._seq += 1
            action = TraineeAction(seq=self._seq, **fields)
            self.actions.append(action)
            del self.actions[:-KEPT]
        self._listeners.emit(action)
        return action

    def add_note(self, at: float, by: str, kind: str, text: str) -> InstructorNote:
        with self._lock:
            self._seq += 1
            note = InstructorNote(self._seq, at, by, kind, text)
            self.notes.append(note)
            self.notes.sort(key=lambda n: (n.at, n.seq))
            del self.notes[:-KEPT]
        self._listeners.emit(note)
        return note

    def rewind(self, after: float) -> int:
        """Mark the actions after ``after`` as rewound; returns how many."""
        with self._lock:
            count = 0
            for i, action in enumerate(self.actions):
                if action.at > after and not action.rewound:
                    self.actions[i] = msgspec.structs.replace(action, rewound=True)
                    count += 1
        if count:
            self._listeners.emit(None)
        return count

    def live_actions(self) -> list[TraineeAction]:
        with self._lock:
            return [a for a in self.actions if not a.rewound]

    def all(self) -> tuple[list[TraineeAction], list[InstructorNote]]:
        with self._lock:
            return list(self.actions), list(self.notes)


class TrainingCommandHandler(CommandHandler):
    """The one command handler, with each command's effect written to the action log."""

    def __init__(self, engine: Engine, log: ActionLog, step_lock: threading.RLock) -> None:
        super().__init__(engine)
        self.log = log
        self._step_lock = step_lock

    def execute(self, session: Session, command: c.Command) -> CommandResult:
        tag = command.__struct_config__.tag  # type: ignore[attr-defined]
        if str(tag).startswith("training."):
            # the instructor's requests go to the player, which keeps its own record
            return super().execute(session, command)
        with self._step_lock:  # between two steps of the player: a repeatable moment
            at = self.engine.clock()
            try:
                context = self._context(command)
            except Exception:  # what it acts on may not exist: the handler says so below
                context = {}
            args = {k: v for k, v in msgspec.to_builtins(command).items()
                    if k not in c.secret_fields(command) and k != "command"}
            entry = dict(at=at, user=session.user, role=session.role.value, command=str(tag),
                         args=args, context=context)
            try:
                result = super().execute(session, command)
            except CommandError as exc:
                self.log.add_action(**entry, object=str(context.get("object", "")),
                                    outcome="refused" if isinstance(exc, CommandRefused)
                                    else "failed", why=exc.message)
                raise
            self.log.add_action(**entry, object=result.object, outcome="ok")
            return result

    def _context(self, command: c.Command) -> dict[str, Any]:
        engine = self.engine
        out: dict[str, Any] = {}
        alarm_id = getattr(command, "alarm_id", None)
        if alarm_id is not None:
            out.update(self._alarm_facts(alarm_id))
        order_id = getattr(command, "order_id", None)
        dispatch = engine.dispatch
        if order_id is not None and dispatch is not None:
            order = dispatch.service.order(order_id)
            out.update(order_id=order.id, object=f"order:{order.id}", skill=order.skill,
                       priority=order.priority, order_state=order.state,
                       assignee=order.assignee, order_device=order.device_id,
                       building=order.location.building, origin=order.origin)
            if order.origin == "alarm" and order.origin_ref:
                facts = self._alarm_facts(order.origin_ref)
                out.update(alarm_device=facts.get("device_id"), alarm_type=facts.get("type"))
        tech_id = getattr(command, "tech_id", None)
        if tech_id is not None and dispatch is not None and tech_id in dispatch.roster:
            tech = dispatch.roster.technician(tech_id)
            out.update(tech_skills=list(tech.skills),
                       tech_fits=can_do(tech, out.get("skill", "general")))
        camera_id = getattr(command, "camera_id", None)
        if camera_id is not None:
            out.update(camera_id=camera_id, object=f"camera:{camera_id}")
        return out

    def _alarm_facts(self, alarm_id: str) -> dict[str, Any]:
        engine = self.engine
        alarm = engine.alarms.book.get(alarm_id)
        if alarm is None:
            return {}
        device = engine.store.device(alarm.device_id)
        return {"alarm_id": alarm.id, "object": f"alarm:{alarm.id}",
                "device_id": alarm.device_id, "type": alarm.type,
                "severity": int(alarm.severity), "state": alarm.state,
                "raised_at": alarm.raised_at, "parent_id": alarm.parent_id,
                "shelved": alarm.is_shelved(engine.clock()), "suppressed": alarm.suppressed,
                "kind": device.kind if device else "",
                "building": device.location.building if device else None}
