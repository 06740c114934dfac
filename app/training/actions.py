"""What the trainee and the instructor did, as it happened, in scenario time.

``TrainingCommandHandler`` is the engine's command handler in a training session: every
command still goes through the one handler (permission, scope, audit), and each is written
to the ``ActionLog`` with what it acted on as it was at that moment — the alarm (device,
type, severity, shelved or suppressed), the work order (skill, device, alarm) and the
technician chosen (can they do it) — so scoring never has to guess the past. A trainee's
command waits for the player's step to finish (it lands between two steps), which keeps a
scripted trainee's run repeatable. The instructor's pauses, seeks, injections and notes are
kept as ``InstructorNote`` entries.

Going back in time works like undo and redo in an editor. A seek back marks the actions
after the snapshot it restores ``rewound``; as the player goes forward again (the seek's
own fast-forward, or playing on to review the run), each is done again at its moment
(``redo``) on the objects of the replayed run (an alarm raised again has a new id: it is
found by device, type and time), and counts again. The first new action of the trainee
drops what is still rewound (``drop_branch``): from there on, the run is a new one. The
debrief shows dropped actions crossed out; they are not scored.
"""

from __future__ import annotations

import logging
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

log = logging.getLogger(__name__)

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
    rewound: bool = False  # undone by a seek back (done again when the run passes it)
    dropped: bool = False  # rewound, then the trainee did something else: never redone


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
        self._done: dict[int, tuple[Session, c.Command]] = {}  # what ``redo`` repeats

    def subscribe(self, listener: Callable[[object], None]) -> Subscription:
        return self._listeners.subscribe(listener)

    def add_action(self, done_as: tuple[Session, c.Command] | None = None,
                   **fields: Any) -> TraineeAction:
        with self._lock:
            self._seq += 1
            action = TraineeAction(seq=self._seq, **fields)
            self.actions.append(action)
            del self.actions[:-KEPT]
            if done_as is not None and action.outcome == "ok":
                self._done[action.seq] = done_as
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
        """Undo the actions after ``after``; returns how many."""
        return self._mark(lambda a: a.at > after and not a.rewound, rewound=True)

    def drop_branch(self) -> int:
        """The trainee acts anew: what is still rewound will not be done again."""
        return self._mark(lambda a: a.rewound and not a.dropped, dropped=True)

    def _mark(self, which: Callable[[TraineeAction], bool], **change: bool) -> int:
        with self._lock:
            count = 0
            for i, action in enumerate(self.actions):
                if which(action):
                    self.actions[i] = msgspec.structs.replace(action, **change)
                    count += 1
        if count:
            self._listeners.emit(None)
        return count

    def redo(self, t: float, handler: CommandHandler, engine: Engine) -> int:
        """Do again what was done at ``t`` and rewound since; returns how many."""
        with self._lock:
            due = [a for a in self.actions
                   if a.rewound and not a.dropped and abs(a.at - t) < 1e-6]
            done = [(a, self._done[a.seq]) for a in due if a.seq in self._done]
        for action, (session, command) in done:
            try:
                handler._run(session, remap(command, action.context, engine))
            except Exception as exc:  # the replayed run may differ: say so, go on
                log.warning("training: %s of %s at %.0f not redone: %s", action.command,
                            action.user, t, exc)
        seqs = {a.seq for a in due}  # refused and failed ones count again too
        return self._mark(lambda a: a.seq in seqs, rewound=False)

    def live_actions(self) -> list[TraineeAction]:
        with self._lock:
            return [a for a in self.actions if not a.rewound]

    def all(self) -> tuple[list[TraineeAction], list[InstructorNote]]:
        with self._lock:
            return list(self.actions), list(self.notes)


class TrainingCommandHandler(CommandHandler):
    """The one command handler, with each command's effect written to the action log."""

    def __init__(self, engine: Engine, log: ActionLog, step_lock: threading.RLock,
                 on_new_action: Callable[[], None] = lambda: None) -> None:
        super().__init__(engine)
        self.log = log
        self._step_lock = step_lock
        self._on_new_action = on_new_action

    def execute(self, session: Session, command: c.Command) -> CommandResult:
        tag = command.__struct_config__.tag  # type: ignore[attr-defined]
        if str(tag).startswith("training."):
            # the instructor's requests go to the player, which keeps its own record
            return super().execute(session, command)
        with self._step_lock:  # between two steps of the player: a repeatable moment
            self._on_new_action()  # anything still rewound is a future that will not come
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
            self.log.add_action((session, command), **entry, object=result.object,
                                outcome="ok")
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
                       order_title=order.title, order_created=order.created_at,
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


def remap(command: c.Command, context: dict[str, Any], engine: Engine) -> c.Command:
    """The same command on the objects of a replayed run: the alarm raised on that device,
    of that type, at that moment; the order of that title made at that moment."""
    changes: dict[str, str] = {}
    if getattr(command, "alarm_id", None) and context.get("device_id") and context.get("type"):
        book = engine.alarms.book
        _, open_alarms, closed = book.snapshot()
        for alarm in (*open_alarms, *closed):
            if (alarm.device_id, alarm.type) == (context["device_id"], context["type"]) \
                    and abs(alarm.raised_at - float(context.get("raised_at", 0))) < 1e-3:
                changes["alarm_id"] = alarm.id
                break
    if getattr(command, "order_id", None) and context.get("order_title") is not None \
            and engine.dispatch is not None:
        for order in engine.dispatch.service.orders():
            if order.title == context["order_title"] and \
                    abs(order.created_at - float(context.get("order_created", 0))) < 1e-3:
                changes["order_id"] = order.id
                break
    return msgspec.structs.replace(command, **changes) if changes else command
