"""CompoundSimulator: a deterministic generator of MQTT contract messages for a whole scene.

Everything due is kept in one heap ordered by (simulated time, class, stable key): telemetry
per device at its report interval (staggered by a seeded phase), fault starts/ends and the
hourly happenings. Same seed and same sequence of ``advance`` times give byte-identical
output; hour blocks and per-device noise are seeded independently of tick sizes.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from typing import Any

import msgspec

from app.scene.model import Scene
from app.wire.topics import TopicScheme

from . import faults as flt
from .happenings import AcousticSource, DoorEvent, arrivals, hour_happenings
from .hostile import hostile
from .kinds import DEFAULT_POINTS
from .models import MODELS
from .noise import gauss, key_of, uniform
from .ocpp import connector_status
from .vehicles import GatePass, Gates, cars, vehicle_passes
from .world import DeviceSim, Fault, TankGroup, World

Message = tuple[str, bytes, bool]  # topic, payload, retain

# heap classes: at equal times faults change state before the readings that show it
_START, _END, _HAPPENING, _TELEMETRY = 0, 1, 2, 3


class CompoundSimulator:
    def __init__(self, scene: Scene, scheme: TopicScheme, *, seed: int, faults: bool = True,
                 malformed_rate: float = 0.0) -> None:
        if not 0.0 <= malformed_rate <= 1.0:
            raise ValueError(f"malformed_rate must be within 0..1, not {malformed_rate}")
        self.scene, self.scheme, self.seed = scene, scheme, seed
        self.faults_enabled = faults
        self.malformed_rate = malformed_rate
        buildings = scene.building_index()
        self.devices: list[DeviceSim] = []
        self.by_kind: dict[str, list[int]] = {}
        for i, d in enumerate(scene.devices):
            specs = dict(d.points) if d.points else dict(DEFAULT_POINTS[d.kind])
            self.devices.append(DeviceSim(
                i, d, key_of(seed, d.id), scheme.device(d.id, "telemetry"),
                scheme.device(d.id, "status"), scheme.device(d.id, "event"), tuple(specs),
                specs, buildings.get(d.location.building or "")))
            self.by_kind.setdefault(d.kind, []).append(i)
        self.world = World(seed, math.nan, self.devices)
        self._group_tanks()
        self._group_mains()
        self._gate_ids = {g.device_id: g.id for g in scene.gates if g.device_id}
        self._gates = Gates.of([self.devices[i] for i in self.by_kind.get("barrier_gate", [])],
                               {g.device_id: g.name for g in scene.gates if g.device_id})
        self._fleet = cars(seed, [self.devices[i].key for i in self.by_kind.get(
            "parking_space", [])]) if self.by_kind.get("barrier_gate") else []
        self._heap: list[tuple[float, int, int, Any]] = []
        self._t: float | None = None
        self._next_hour = 0
        self._n_items = 0
        self._n_out = 0
        self._n_hostile = 0
        self._mal_key = key_of(seed, "malformed")
        self._encode = msgspec.json.Encoder().encode
        #: ground truth of recent sounds, for locating tests and demos
        self.acoustic_sources: deque[AcousticSource] = deque(maxlen=1000)

    # ---- public ---------------------------------------------------------------------------
    @property
    def sim_time(self) -> float | None:
        return self._t

    def birth(self, sim_time: float) -> list[Message]:
        """Retained meta and status of every device (starts the clock if not started)."""
        self._start(sim_time)
        ms = round(sim_time * 1000)
        out: list[Message] = []
        for dev in self.devices:
            d = dev.device
            loc = {k: v for k, v in (("building", d.location.building),
                                     ("floor", d.location.floor), ("room", d.location.room))
                   if v is not None}
            loc["xyz"] = list(d.location.xyz)
            meta = {"kind": d.kind, "name": d.name, "location": loc,
                    "points": {p: {"unit": s.unit} for p, s in dev.specs.items()},
                    "report_interval_s": d.report_interval_s}
            out.append((self.scheme.device(d.id, "meta"), self._encode(meta), True))
            out.append((dev.status_topic, self._encode({"online": dev.online, "ts": ms}), True))
        return out

    def advance(self, sim_time: float) -> list[Message]:
        """Everything due up to and including ``sim_time`` since the previous call."""
        self._start(sim_time)
        if sim_time < self._t:
            return []
        while self._next_hour * 3600.0 <= sim_time:
            self._plan_hour(self._next_hour)
            self._next_hour += 1
        out: list[Message] = []
        heap = self._heap
        while heap and heap[0][0] <= sim_time:
            t, cls, _, obj = heapq.heappop(heap)
            if cls == _TELEMETRY:
                self._report(obj, t, out)
            elif cls == _START:
                self._fault_start(obj, t, out)
            elif cls == _END:
                self._fault_end(obj, t, out)
            else:
                self._happen(obj, t, out)
        self._t = sim_time
        return out

    # ---- setup ----------------------------------------------------------------------------
    def _group_tanks(self) -> None:
        """Pumps fill the tanks of their own building; one group per building."""
        for kind in ("water_tank_level", "water_pump"):
            for i in self.by_kind.get(kind, []):
                dev = self.devices[i]
                group = dev.device.location.building or "site"
                tank = self.world.tanks.get(group)
                if tank is None:
                    level = 55.0 + 30.0 * uniform(key_of(self.seed, group), 0)
                    tank = self.world.tanks[group] = TankGroup(level)
                dev.state["group"] = group
                if kind == "water_pump":
                    tank.pumps.append(dev)

    def _group_mains(self) -> None:
        """A building's water meter without a flat is its main: it sees its flats' water
        and what leaks on the way."""
        flats: dict[str, list[DeviceSim]] = {}
        mains = []
        for i in self.by_kind.get("water_meter", []):
            dev = self.devices[i]
            building = dev.device.location.building
            if building is None:
                continue
            if dev.device.location.room:
                flats.setdefault(building, []).append(dev)
            else:
                mains.append(dev)
        for dev in mains:
            if dev.device.location.building in flats:  # a clubhouse's meter has no flats
                dev.state["subs"] = flats[dev.device.location.building]

    def _start(self, t0: float) -> None:
        if self._t is not None:
            return
        self._t = t0
        self.world.t0 = t0
        self._next_hour = int(t0 // 3600)
        for dev in self.devices:  # everyone reports at t0, then on a staggered phase
            heapq.heappush(self._heap, (t0, _TELEMETRY, dev.index, dev))
        if self.faults_enabled:
            self._push_faults(flt.opening_faults(self.seed, t0, self.by_kind,
                                                 len(self.devices)))

    def _plan_hour(self, hour: int) -> None:
        t0 = self.world.t0
        if self.faults_enabled:
            self._push_faults([f for f in flt.hour_faults(self.seed, hour, self.by_kind,
                                                          len(self.devices)) if f.start >= t0])
        for t, what in hour_happenings(self.seed, hour, self.scene, self.by_kind):
            if t >= t0:
                self._push(t, _HAPPENING, what)
        for t, what in vehicle_passes(self.seed, hour, self._fleet, self._gates):
            if t >= t0:
                self._push(t, _HAPPENING, what)

    def _push_faults(self, faults: list[Fault]) -> None:
        for f in faults:
            self._push(max(f.start, self.world.t0), _START, f)
            self._push(f.end, _END, f)

    def _push(self, t: float, cls: int, obj: Any) -> None:
        self._n_items += 1
        heapq.heappush(self._heap, (t, cls, self._n_items, obj))

    # ---- handlers -------------------------------------------------------------------------
    def _report(self, dev: DeviceSim, t: float, out: list[Message]) -> None:
        interval = dev.device.report_interval_s
        dev.slot += 1
        phase = interval * (1.0 - uniform(dev.key, 0, 9))  # in (0, interval]
        # from t0 + phase on a fixed grid (no float drift from repeated additions)
        heapq.heappush(self._heap, (self.world.t0 + phase + dev.slot * interval, _TELEMETRY,
                                    dev.index, dev))
        if not dev.online:
            return
        values = MODELS[dev.kind](dev, t, self.world)
        touched = flt.apply(dev, values, t, self.world.pumps_down)
        shown: dict[str, float] = {}
        for name in dev.points:
            spec = dev.specs[name]
            v = values.get(name)
            if v is None:  # a point the scene declares that no model knows: hold mid-band
                lo, hi = spec.normal if spec.normal is not None else (0.0, 0.0)
                v = (lo + hi) / 2 + (hi - lo) * 0.05 * gauss(dev.key, dev.seq, 11)
            if spec.normal is not None and name not in touched:
                v = min(spec.normal[1], max(spec.normal[0], v))
            shown[name] = round(v, 4)
        dev.seq += 1
        self._emit(out, dev.telemetry_topic, {"ts": round(t * 1000), "seq": dev.seq,
                                              "values": shown}, dev, t)
        if dev.kind == "ev_charger":  # the charging gateway forwards OCPP status changes
            status = connector_status(dev, values, t)
            if status is not None:
                self._emit(out, dev.event_topic, {"ts": round(t * 1000),
                                                  "kind": "connector_status",
                                                  "data": status}, dev, t)

    def _fault_start(self, f: Fault, t: float, out: list[Message]) -> None:
        dev = self.devices[f.device]
        if dev.fault is not None:  # one fault at a time per device; this one never happens
            return
        dev.fault = f
        if f.name == "offline":
            dev.online = False
            out.append((dev.status_topic, self._encode({"online": False,
                                                        "ts": round(t * 1000)}), True))
            return
        if f.name == "pump_failure":
            self.world.pumps_down += 1
        event = flt.CATALOGUE[f.name].event
        if event and dev.online:
            self._emit(out, dev.event_topic, {"ts": round(t * 1000), "kind": event, "data": {
                "fault": f.name, "severity": round(f.severity, 2)}}, dev, t)

    def _fault_end(self, f: Fault, t: float, out: list[Message]) -> None:
        dev = self.devices[f.device]
        if dev.fault is not f:
            return
        dev.fault = None
        if f.name == "offline":
            dev.online = True
            out.append((dev.status_topic, self._encode({"online": True,
                                                        "ts": round(t * 1000)}), True))
            return
        if f.name == "pump_failure":
            self.world.pumps_down -= 1
        if dev.online:
            self._emit(out, dev.event_topic, {"ts": round(t * 1000),
                                              "kind": flt.CATALOGUE[f.name].end_event,
                                              "data": {"fault": f.name}}, dev, t)

    def _happen(self, what: Any, t: float, out: list[Message]) -> None:
        if isinstance(what, AcousticSource):
            self.acoustic_sources.append(what)
            for mic_id, ts_ns, level in arrivals(what, self.scene.microphones):
                self._emit(out, self.scheme.mic_event(mic_id), {
                    "ts_ns": ts_ns, "kind": what.kind, "level_db": level}, None, t)
            return
        dev = self.devices[what.device]
        if not dev.online:  # an offline controller cannot tell anyone
            return
        ms = round(t * 1000)
        activity = self.world.last_activity
        if isinstance(what, GatePass):
            activity[(dev.index, "pass")] = t
            self.world.passes[dev.index] = self.world.passes.get(dev.index, 0) + 1
            if not what.reported or (dev.fault is not None and dev.fault.name ==
                                     "pass_feed_lost"):
                return  # counted by the controller, never reported
            gate_id = self._gate_ids.get(dev.device.id, dev.device.id)
            body = {"ts": ms, "plate": what.plate, "dir": what.dir, "paid": what.paid,
                    "colour": what.colour, "vehicle": what.vehicle, "release": what.release}
            if what.fee is not None:
                body["fee"] = what.fee
            if what.pay is not None:
                body["pay"] = what.pay
            self._emit(out, self.scheme.gate_pass(gate_id), body, dev, t)
        elif isinstance(what, DoorEvent):
            activity[(dev.index, what.kind.removesuffix("_open"))] = t
            if what.kind == "door_forced":
                activity[(dev.index, "door")] = t
            self._emit(out, dev.event_topic, {"ts": ms, "kind": what.kind,
                                              "data": what.data}, dev, t)

    def _emit(self, out: list[Message], topic: str, body: dict, dev: DeviceSim | None,
              t: float) -> None:
        if self.malformed_rate:
            self._n_out += 1
            if uniform(self._mal_key, self._n_out) < self.malformed_rate:
                self._n_hostile += 1
                target = dev.device.id if dev is not None else self.devices[0].device.id \
                    if self.devices else "none"
                out.append(hostile(self._n_hostile, self.scheme, target, round(t * 1000)))
                return
        out.append((topic, self._encode(body), False))
