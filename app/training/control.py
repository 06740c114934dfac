"""The training session as the instructor and the views see it: ``TrainingControl`` is
the engine's ``training_control`` (the target of the ``training.*`` commands) and the
source of ``TrainingStatus``, the state every console of the session shows (the local
room emits it, a server streams it as ``Delta.extra["training"]``).

The status carries everything but the moving time (consoles read time from the room's
clock): the player's state, the trainee's actions as they happen, the instructor's notes,
what was injected and what is to come, and the expected actions' checklist with a running
score. Its ``version`` moves only when that content changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec

from app.listeners import Listeners, Subscription
from app.training.actions import InstructorNote, TraineeAction
from app.training.debrief import Debrief, build_debrief
from app.training.injector import InjectionFired
from app.training.player import STEP_S, PlayerError
from app.training.scenario import EVENTS, Injection, ScenarioError
from app.training.scoring import ExpectedResult, expected_results

if TYPE_CHECKING:
    from app.training.session import TrainingSession

SHOWN_ACTIONS = 200


class UpcomingEvent(msgspec.Struct, frozen=True):
    at: float
    id: str
    event: str
    label: str


class TrainingStatus(msgspec.Struct, frozen=True):
    version: int
    session_id: str
    scenario_id: str
    title: str
    staff: str
    trainee: str
    start: float  # epoch seconds of the scenario's start
    end: float
    at: float  # the last step's time when this was made
    playing: bool
    speed: float
    achieved_speed: float
    busy: str  # "seeking" while a seek runs
    finished: bool
    actions: list[TraineeAction]
    notes: list[InstructorNote]
    injections: list[InjectionFired]
    upcoming: list[UpcomingEvent]
    expected: list[ExpectedResult]
    points: float  # what the expected actions earned so far
    points_due: float  # what they could have earned by now (their events have happened)
    events: tuple[str, ...] = EVENTS  # what the instructor can inject
    debrief: Debrief | None = None  # once the run is finished

    @property
    def at_s(self) -> float:
        return self.at - self.start

    @property
    def duration_s(self) -> float:
        return self.end - self.start


class TrainingControl:
    def __init__(self, session: TrainingSession) -> None:
        self.session = session
        self.version = 0
        self._status: TrainingStatus | None = None
        self._content = b""
        self._lock = threading.Lock()
        self._listeners: Listeners[TrainingStatus] = Listeners("training status")

    # ---- the instructor's commands (CommandHandler delegates here) -----------------------
    def play(self, who: str) -> None:
        self._note(who, "play", "play")
        self.session.player.play()

    def pause(self, who: str) -> None:
        self.session.player.pause()
        self._note(who, "pause", "pause")

    def set_speed(self, speed: float, who: str) -> None:
        self.session.player.set_speed(speed)
        self._note(who, "speed", f"×{speed:g}")

    def seek(self, at_s: float, who: str) -> None:
        player = self.session.player
        self._note(who, "seek", f"{_clock(player.at_s)} → {_clock(at_s)}")
        try:
            player.seek(at_s)
        except PlayerError as exc:
            raise ValueError(str(exc)) from None

    def inject(self, who: str, event_id: str | None, event: dict | None) -> str:
        """Now: a scripted event of the timeline (by id) or one written like a timeline
        entry; ValueError names what is wrong with it."""
        scenario = self.session.scenario
        injector = self.session.injector
        if (event_id is None) == (event is None):
            raise ValueError("inject names a scripted event (event_id) or gives one (event)")
        if event_id is not None:
            found = scenario.injection(event_id)
            if found is None:
                raise ValueError(f"no event {event_id!r} in the scenario's timeline")
            index, item = found
            if index in injector.fired:
                raise ValueError(f"{event_id} has happened already")
            targets = scenario.targets[index]
        else:
            from app.training.checks import _targets

            try:
                item = msgspec.convert({"at": 0, **event}, Injection)
            except msgspec.ValidationError as exc:
                raise ValueError(f"event: {exc}") from None
            try:
                targets = _targets(item, "event", self.session.engine.scene,
                                   self.session.engine.scene.device_index())
            except ScenarioError as exc:
                raise ValueError(str(exc)) from None
            index = -1
        name = item.label or item.event
        self._note(who, "inject", name)
        self.session.player.inject_now(lambda: injector.queue_now(item, targets, who, index))
        return item.id or name

    def end(self, who: str) -> None:
        self._note(who, "end", "end of the run")
        self.session.player.end_now()

    def annotate(self, who: str, text: str, at_s: float | None) -> None:
        player = self.session.player
        at = player.t if at_s is None else player.start + at_s
        self.session.log.add_note(at, who, "note", text.strip())
        self.changed()

    def _note(self, who: str, kind: str, text: str) -> None:
        self.session.log.add_note(self.session.player.t, who, kind, text)

    # ---- status ------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[TrainingStatus], None], *,
                  weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    def status(self) -> TrainingStatus:
        with self._lock:
            if self._status is None:
                self._refresh()
            assert self._status is not None
            return self._status

    def changed(self) -> None:
        """Something may have changed (a step, an action, a request): recompute; tell the
        listeners when the content did change."""
        with self._lock:
            moved = self._refresh()
            status = self._status
        if moved and status is not None:
            self._listeners.emit(status)

    def _refresh(self) -> bool:
        s = self.session
        player, scenario = s.player, s.scenario
        actions, notes = s.log.all()
        fired = list(s.injector.log)
        expected = expected_results(scenario, fired, [a for a in actions if not a.rewound],
                                    now=player.t, final=player.finished)
        due = sum(e.weight for e in expected if e.trigger_at is not None)
        upcoming = [UpcomingEvent(at, item.id or "", item.event, item.label)
                    for at, item in s.injector.upcoming()]
        parts = dict(session_id=s.session_id, scenario_id=scenario.id, title=scenario.title,
                     staff=scenario.spec.staff, trainee=s.trainee_name(), start=player.start,
                     end=player.end, playing=player.playing, speed=player.pace.speed,
                     achieved_speed=round(player.achieved_speed * 2) / 2, busy=player.busy,
                     finished=player.finished, actions=actions[-SHOWN_ACTIONS:],
                     notes=notes, injections=fired, upcoming=upcoming, expected=expected,
                     points=round(sum(e.weight * e.credit for e in expected), 2),
                     points_due=round(due, 2))
        content = msgspec.msgpack.encode(parts)
        if content == self._content and self._status is not None:
            return False
        self._content = content
        self.version += 1
        debrief = build_debrief(s) if player.finished else None
        self._status = TrainingStatus(version=self.version, at=player.t, debrief=debrief,
                                      **parts)
        return True


def _clock(seconds: float) -> str:
    seconds = int(round(seconds / STEP_S) * STEP_S)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
