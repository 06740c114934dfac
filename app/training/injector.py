"""The scenario's timeline made real, step by step.

Each event fires at its moment (or at once, when the instructor injects it "now"):
- a fault (transformer overheat, pump failure, smoke on a floor, gas leak, a lift stuck with
  a passenger who presses the alarm button 30 s later, a device going silent) is laid over
  the feed by the ``FaultOverlay``, so the engine's own rules raise the alarms;
- a flood: the building's transformer trips and the devices it feeds fall silent one after
  another over ``BURST_SPREAD_S``, which the alarm engine groups under the trip;
- a throw from height: the facade camera's falling-object alarm, exactly as the camera
  pipeline raises it, and its event with the clip of the throw when the demo feeds have it;
- a technician who rejects, or does not answer, the next orders (``TrainingHandsets``).

Everything it decides depends on the scenario and the step's time only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec

from app.alarms.messages import detail
from app.alarms.model import Severity
from app.scene.model import Scene
from app.training.overlay import OFFLINE, ActiveFault, FaultOverlay
from app.training.scenario import Injection, Scenario
from app.vision.camera_types import CameraEvent

if TYPE_CHECKING:
    from app.alarms.book import AlarmBook
    from app.training.handsets import TrainingHandsets

#: the simulator fault each event is (its catalogue: app/sources/simulator/faults.py)
FAULT_OF = {"transformer_overheat": "transformer_overheat", "pump_failure": "pump_failure",
            "smoke": "smoke_alarm", "gas_leak": "gas_leak", "lift_trapped": "elevator_stuck",
            "device_offline": OFFLINE}
#: how long each lasts when the scenario does not say (minutes)
DEFAULT_MINUTES = {"transformer_overheat": 25.0, "pump_failure": 30.0, "smoke": 8.0,
                   "gas_leak": 15.0, "lift_trapped": 20.0, "device_offline": 10.0,
                   "alarm_burst": 15.0}
DEFAULT_SEVERITY = 1.4  # beyond the alarm limit, as most real incidents are
TRAPPED_CALL_S = 30.0  # the passenger presses the lift's alarm button
BURST_SPREAD_S = 20.0  # a power cut's devices drop out over this long
THROW_HOLD_S = 120.0  # the falling-object alarm clears after this (the camera saw no more)


class InjectionFired(msgspec.Struct, frozen=True):
    at: float
    id: str
    event: str
    label: str
    targets: tuple[str, ...]
    by: str  # "scenario", or the instructor who injected it now
    index: int = -1  # its place in the timeline, -1 for the instructor's own


class Injector:
    def __init__(self, scenario: Scenario, scene: Scene, overlay: FaultOverlay, *,
                 start: float, book: AlarmBook,
                 handsets: Callable[[], TrainingHandsets | None],
                 cameras: object | None = None,
                 clip_for: Callable[[str], str | None] = lambda _camera: None) -> None:
        self.scenario = scenario
        self.overlay = overlay
        self.start = start
        self.book = book
        self._handsets = handsets
        self._cameras = cameras
        self._clip_for = clip_for
        self._camera_index = {c.id: c for c in scene.cameras}
        self.fired: set[int] = set()
        self.log: list[InjectionFired] = []
        self._clears: list[tuple[float, str, str]] = []  # (when, device, alarm type)
        self._queue: list[tuple[Injection, tuple[str, ...], str, int]] = []
        self._queue_lock = threading.Lock()
        self._adhoc = 0
        #: what the instructor injected now, and when (kept outside the snapshots' state):
        #: [at, item, targets, by, index, rewound], done again when a run passes it again
        self.adhoc: list[list] = []

    # ---- state (the player's snapshots) ------------------------------------------------
    def state(self) -> tuple:
        return (set(self.fired), list(self.log), list(self._clears), self.overlay.state())

    def restore(self, state: tuple) -> None:
        fired, log, clears, overlay = state
        self.fired, self.log, self._clears = set(fired), list(log), list(clears)
        self.overlay.restore(overlay)

    # ---- what is to come (the instructor's view) -----------------------------------------
    def upcoming(self) -> list[tuple[float, Injection]]:
        timeline = self.scenario.spec.timeline
        return [(self.start + self.scenario.times[i], item) for i, item in enumerate(timeline)
                if i not in self.fired]

    # ---- firing ----------------------------------------------------------------------
    def queue_now(self, item: Injection, targets: tuple[str, ...], by: str,
                  index: int = -1) -> str:
        """Fire ``item`` at the next step (an instructor's "inject now"); its id."""
        with self._queue_lock:
            self._adhoc += 1
            if index < 0:
                item = msgspec.structs.replace(item, id=item.id or f"now-{self._adhoc}")
            self._queue.append((item, targets, by, index))
        return item.id or f"now-{self._adhoc}"

    def fire_due(self, t: float) -> None:
        for when, device_id, type_ in [c for c in self._clears if c[0] <= t]:
            self.book.clear_alarm(device_id, type_, at=when)
        self._clears = [c for c in self._clears if c[0] > t]
        scenario = self.scenario
        for i, item in enumerate(scenario.spec.timeline):
            if i not in self.fired and self.start + scenario.times[i] <= t:
                self._fire(item, scenario.targets[i], t, "scenario", i)
        with self._queue_lock:
            queued, self._queue = self._queue, []
        if queued:
            self.drop_branch()  # a new injection: the rewound future will not come
        for item, targets, by, index in queued:
            if index < 0 or index not in self.fired:
                self.adhoc.append([t, item, targets, by, index, False])
                self._fire(item, targets, t, by, index)

    def rewind(self, after: float) -> None:
        """A seek back: the instructor's injections after ``after`` are undone."""
        for entry in self.adhoc:
            if entry[0] > after:
                entry[5] = True

    def redo_adhoc(self, t: float) -> int:
        """Inject again what the instructor injected at ``t`` and a seek back undid."""
        count = 0
        for entry in self.adhoc:
            at, item, targets, by, index, rewound = entry
            if rewound and abs(at - t) < 1e-6:
                entry[5] = False
                count += 1
                if index < 0 or index not in self.fired:
                    self._fire(item, targets, t, by, index)
        return count

    def drop_branch(self) -> None:
        self.adhoc = [entry for entry in self.adhoc if not entry[5]]

    def _fire(self, item: Injection, targets: tuple[str, ...], t: float, by: str,
              index: int) -> None:
        if index >= 0:
            self.fired.add(index)
        event = item.event
        minutes = item.minutes or DEFAULT_MINUTES.get(event, 10.0)
        severity = item.severity or DEFAULT_SEVERITY
        end = t + minutes * 60.0
        if event in FAULT_OF:
            for device_id in targets:
                trapped = event == "lift_trapped"
                self.overlay.strike(ActiveFault(
                    FAULT_OF[event], device_id, t, end, severity,
                    then_event="trapped" if trapped else None,
                    then_at=t + TRAPPED_CALL_S if trapped else None,
                    then_data={"passengers": 1, "call": "alarm button"} if trapped else {}))
        elif event == "alarm_burst":
            root, victims = targets[0], targets[1:]
            self.overlay.say(root, "trip", t, {"cause": "power cut", "building": item.building})
            for n, device_id in enumerate(victims):
                begin = t + BURST_SPREAD_S * n / max(1, len(victims))
                self.overlay.strike(ActiveFault(OFFLINE, device_id, begin, end))
        elif event == "throw_from_height":
            self._throw(item, t)
        elif event in ("technician_rejects", "technician_no_answer"):
            handsets = self._handsets()
            if handsets is not None and item.technician is not None:
                handsets.behave(item.technician,
                                "reject" if event == "technician_rejects" else "silent",
                                item.count or 1)
        self.log.append(InjectionFired(t, item.id or f"timeline-{index}", event, item.label,
                                       targets, by, index))

    def _throw(self, item: Injection, t: float) -> None:
        """What the camera pipeline does on a detected throw: a CRITICAL alarm on the
        camera, and the event with its clip for the camera wall."""
        camera = self._camera_index[item.camera or ""]
        floor, column = item.floor, item.column or 1
        data = {"floor": floor, "column": column, "building": camera.watches}
        self.book.raise_alarm(camera.id, "event.falling_object", Severity.CRITICAL,
                              f"falling object: floor {floor} column {column}", at=t,
                              detail=detail("event", data=data))
        self._clears.append((t + THROW_HOLD_S, camera.id, "event.falling_object"))
        record = getattr(self._cameras, "record_event", None)
        if record is not None:
            record(CameraEvent(f"training-{item.id or len(self.log)}-{round(t)}", camera.id,
                               "falling_object", t,
                               data | {"camera": camera.id, "camera_name": camera.name,
                                       "confidence": 1.0, "injected": True},
                               self._clip_for(camera.id), None))
