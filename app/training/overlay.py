"""Faults laid over the feed: a device struck by an injected fault says what a faulty
device of its kind would say, whatever the recording or the simulator had it say.

While a fault lasts, the device's own telemetry is replaced by readings every
``REPORT_EVERY_S`` (a device in trouble reports more often) whose values are the device's
last known values bent by the simulator's fault catalogue (``faults.apply``: the same ramps
and targets the simulator uses); its start and end are announced by the fault's event and
``recovered``. An ``offline`` fault silences the device (status offline, telemetry dropped).
A pump failure also lowers the pressures of the compound's pressure devices, as in the
simulator. Everything is decided by scenario time and the fault list, so a run is repeatable.
"""

from __future__ import annotations

import msgspec

from app.scene.model import Scene
from app.sources.simulator import faults as catalogue
from app.sources.simulator.kinds import DEFAULT_POINTS, PUMP_DEPENDENT_KINDS
from app.sources.simulator.world import DeviceSim, Fault
from app.state.store import StateStore
from app.wire.message import RawMessage
from app.wire.topics import TopicScheme

REPORT_EVERY_S = 10.0
OFFLINE = "offline"


class ActiveFault(msgspec.Struct):
    name: str  # a name of the simulator's fault catalogue, or "offline"
    device_id: str
    start: float
    end: float
    severity: float = 1.4
    #: a second event of the same device some time in (a trapped passenger's call)
    then_event: str | None = None
    then_at: float | None = None
    then_data: dict[str, str | int] = {}
    started: bool = False
    next_report: float = 0.0
    #: the device's values when the fault began: what the fault bends
    base: dict[str, float] = {}


class FaultOverlay:
    def __init__(self, scene: Scene, scheme: TopicScheme, store: StateStore) -> None:
        self.scheme = scheme
        self.store = store
        self.devices = scene.device_index()
        self.faults: dict[str, ActiveFault] = {}  # device id → its fault (one at a time)
        self.pending: list[RawMessage] = []  # one-off messages for the next step
        self._topics: dict[str, tuple[str, str] | None] = {}  # a cache: topic → (id, leaf)
        self._sims: dict[str, DeviceSim] = {}  # a cache: what faults.apply reads

    # ---- state (the player's snapshots) ------------------------------------------------
    def state(self) -> tuple[dict[str, ActiveFault], list[RawMessage]]:
        return ({k: msgspec.structs.replace(v, base=dict(v.base))
                 for k, v in self.faults.items()}, list(self.pending))

    def restore(self, state: tuple[dict[str, ActiveFault], list[RawMessage]]) -> None:
        faults, pending = state
        self.faults = {k: msgspec.structs.replace(v, base=dict(v.base))
                       for k, v in faults.items()}
        self.pending = list(pending)

    # ---- inputs ----------------------------------------------------------------------
    def strike(self, fault: ActiveFault) -> None:
        """A fault from now on (replacing one the device already had)."""
        self.faults[fault.device_id] = fault

    def say(self, device_id: str, kind: str, t: float, data: dict) -> None:
        """A one-off event of a device at the next step (a transformer's trip)."""
        self.pending.append(self._event(device_id, kind, t, data))

    def apply(self, messages: list[RawMessage], t: float) -> list[RawMessage]:
        """The feed's messages due at ``t`` with the faults laid over them."""
        out, self.pending = self.pending, []
        for fault in self.faults.values():
            if not fault.started and fault.start <= t:
                fault.started = True
                fault.next_report = fault.start
                state = self.store.get(fault.device_id)
                fault.base = dict(state.values) if state is not None else {}
                out.extend(self._announce(fault, t))
        pumps_down = sum(1 for f in self.faults.values()
                         if f.started and f.name == "pump_failure")
        for message in messages:
            out.extend(self._over(message, pumps_down))
        for fault in list(self.faults.values()):
            if not fault.started:
                continue
            if fault.then_event and fault.then_at is not None and fault.then_at <= t:
                out.append(self._event(fault.device_id, fault.then_event, t,
                                       dict(fault.then_data)))
                fault.then_event = None
            if fault.name != OFFLINE and fault.next_report <= t < fault.end:
                out.append(self._reading(fault, t, pumps_down))
                fault.next_report = t + REPORT_EVERY_S
            if fault.end <= t:
                del self.faults[fault.device_id]
                out.extend(self._recover(fault, t))
        return out

    # ---- inside ----------------------------------------------------------------------
    def _route(self, topic: str) -> tuple[str, str] | None:
        if topic in self._topics:
            return self._topics[topic]
        route = self.scheme.route(topic)
        found = (route.entity_id, route.leaf) if route is not None and route.family == "dev" \
            else None
        if len(self._topics) < 200_000:
            self._topics[topic] = found
        return found

    def _over(self, message: RawMessage, pumps_down: int) -> list[RawMessage]:
        route = self._route(message.topic)
        if route is None:
            return [message]
        device_id, leaf = route
        fault = self.faults.get(device_id)
        if fault is not None and fault.started:
            if leaf == "telemetry" or (fault.name == OFFLINE and leaf in ("status", "event")):
                return []  # the fault speaks for the device now
            return [message]
        if pumps_down and leaf == "telemetry":
            device = self.devices.get(device_id)
            if device is not None and device.kind in PUMP_DEPENDENT_KINDS:
                return [self._bent(message, device_id, pumps_down)]
        return [message]

    def _bent(self, message: RawMessage, device_id: str, pumps_down: int) -> RawMessage:
        try:
            body = msgspec.json.decode(message.payload)
            values = {k: float(v) for k, v in body["values"].items()}
        except (msgspec.DecodeError, KeyError, TypeError, ValueError, AttributeError):
            return message  # not ours to repair: ingest rejects it as it would anyway
        catalogue.apply(self._sim(device_id, None), values, message.received_at, pumps_down)
        body["values"] = {k: round(v, 4) for k, v in values.items()}
        return RawMessage(message.topic, msgspec.json.encode(body), message.received_at)

    def _reading(self, fault: ActiveFault, t: float, pumps_down: int) -> RawMessage:
        device = self.devices[fault.device_id]
        values = dict(fault.base)
        for name, spec in self._sim(fault.device_id, None).specs.items():
            if name not in values and spec.normal is not None:
                values[name] = (spec.normal[0] + spec.normal[1]) / 2
        sim = self._sim(fault.device_id, fault)
        catalogue.apply(sim, values, t, pumps_down)
        sim.fault = None
        body = {"ts": round(t * 1000), "values": {k: round(v, 4) for k, v in values.items()}}
        return RawMessage(self.scheme.device(device.id, "telemetry"),
                          msgspec.json.encode(body), t)

    def _announce(self, fault: ActiveFault, t: float) -> list[RawMessage]:
        if fault.name == OFFLINE:
            return [self._status(fault.device_id, False, t)]
        event = catalogue.CATALOGUE[fault.name].event
        if event is None:
            return []
        return [self._event(fault.device_id, event, t,
                            {"fault": fault.name, "severity": round(fault.severity, 2)})]

    def _recover(self, fault: ActiveFault, t: float) -> list[RawMessage]:
        if fault.name == OFFLINE:
            return [self._status(fault.device_id, True, t)]
        return [self._event(fault.device_id, "recovered", t, {"fault": fault.name})]

    def _event(self, device_id: str, kind: str, t: float, data: dict) -> RawMessage:
        body = {"ts": round(t * 1000), "kind": kind, "data": data}
        return RawMessage(self.scheme.device(device_id, "event"), msgspec.json.encode(body), t)

    def _status(self, device_id: str, online: bool, t: float) -> RawMessage:
        body = {"online": online, "ts": round(t * 1000)}
        return RawMessage(self.scheme.device(device_id, "status"), msgspec.json.encode(body), t)

    def _sim(self, device_id: str, fault: ActiveFault | None) -> DeviceSim:
        """What ``faults.apply`` reads of a device: its kind, point specs and fault."""
        sim = self._sims.get(device_id)
        if sim is None:
            device = self.devices[device_id]
            specs = dict(device.points) if device.points else dict(
                DEFAULT_POINTS.get(device.kind, {}))
            sim = self._sims[device_id] = DeviceSim(0, device, 0, "", "", "", tuple(specs),
                                                    specs, None)
        sim.fault = None if fault is None else Fault(fault.name, 0, fault.start, fault.end,
                                                     fault.severity)
        return sim
