"""Vehicles and parking, live: gate passes (plates classified and flagged, residents and
visitors, manual releases, unpaid exits), who is inside each zone now, overstays, the space
sensors' occupancy with arrivals and departures, and the drift between what the gates
counted and what the sensors see — shown, and re-based by an operator.

A zone is a set of gates (a pass ``in`` enters it) and of parking spaces with sensors. Gate
counts are plate-agnostic (a pass with a misread plate still moves a vehicle); the set of
plates inside only holds clean reads, so a misread never becomes a phantom overstay.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from app.alarms.model import Severity
from app.ingest.events import GatePassReceived
from app.operations.conditions import Condition, message
from app.operations.config import ParkingConfig, ZoneConfig
from app.operations.plates import classify, expected_colour
from app.operations.views import (
    GateStatus,
    OccupancyPoint,
    Overstay,
    ParkingView,
    PlateFlag,
    ZoneStatus,
)
from app.scene.model import Scene

VEHICLE_CLASSES = frozenset({"resident", "visitor", "staff", "exempt"})
SERIES_POINTS = 24 * 12  # a day of 5-minute samples
FLAGS_KEPT = 200
UNREPORTED_WINDOW_S = 3600.0
UNREPORTED_ALARM = 3


def zones_of(scene: Scene, config: ParkingConfig) -> tuple[ZoneConfig, ...]:
    """The configured zones, or one zone of every vehicle gate and parking space."""
    return config.zones or (ZoneConfig(id="site", name=scene.site.name,
                                       gates=tuple(g.id for g in scene.gates
                                                   if g.kind == "vehicle"),
                                       spaces=("*",)),)


def zone_sensors(scene: Scene, zone: ZoneConfig) -> frozenset[str]:
    """The occupancy sensors (device ids) of a zone's parking spaces."""
    sensors = {p.id: p.sensor_id for p in scene.parking if p.sensor_id}
    if "*" in zone.spaces:
        return frozenset(sensors.values())
    return frozenset(sensors[s] for s in zone.spaces if s in sensors)


@dataclass(slots=True)
class _Visit:
    plate: str
    entered_at: float
    gate_id: str
    vehicle: str


@dataclass(slots=True, eq=False)
class _Zone:
    config: ZoneConfig
    sensors: frozenset[str]
    capacity: int
    inside: dict[str, _Visit] = field(default_factory=dict)
    gate_base: int | None = None  # the count at the last re-basing (None: never based)
    gate_in: int = 0  # passes since then
    gate_out: int = 0
    rebased_at: float | None = None
    arrivals: int = 0  # since the last sample
    departures: int = 0
    passes_in: int = 0
    passes_out: int = 0
    series: deque = field(default_factory=lambda: deque(maxlen=SERIES_POINTS))

    def gate_inside(self) -> int | None:
        return None if self.gate_base is None else self.gate_base + self.gate_in - self.gate_out


@dataclass(slots=True, eq=False)
class _Gate:
    gate_id: str
    name: str
    device_id: str | None
    zones: list[_Zone]
    passes: deque = field(default_factory=lambda: deque(maxlen=5000))  # pass times
    manual: deque = field(default_factory=lambda: deque(maxlen=1000))  # manual release times
    counter: deque = field(default_factory=lambda: deque(maxlen=720))  # (ts, count, reported)
    reported: int = 0  # passes received since start


class ParkingTracker:
    def __init__(self, scene: Scene, config: ParkingConfig, *,
                 residents: frozenset[str] = frozenset(), utc_offset_h: float = 8.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.residents = residents
        self.offset_s = utc_offset_h * 3600
        self.clock = clock
        self._lock = threading.Lock()
        self.zones: dict[str, _Zone] = {}
        for z in zones_of(scene, config):
            chosen = zone_sensors(scene, z)
            self.zones[z.id] = _Zone(z, chosen, len(chosen) + z.extra_capacity)
        self._space_zone: dict[str, list[_Zone]] = {}
        for zone in self.zones.values():
            for sensor in zone.sensors:
                self._space_zone.setdefault(sensor, []).append(zone)
        self._occupied: dict[str, bool] = {}
        self.gates: dict[str, _Gate] = {}
        for g in scene.gates:
            if g.kind != "vehicle":
                continue
            gate = _Gate(g.id, g.name, g.device_id,
                         [z for z in self.zones.values() if g.id in z.config.gates])
            self.gates[g.id] = gate
        self._by_device = {g.device_id: g for g in self.gates.values() if g.device_id}
        self._started = clock()
        self._day = self._local_day(self._started)
        self._today: Counter[str] = Counter()
        self._hours: Counter[int] = Counter()
        self._colours: Counter[str] = Counter()
        self._gate_today: Counter[str] = Counter()
        self._manual_today: Counter[str] = Counter()
        self.flags: deque[PlateFlag] = deque(maxlen=FLAGS_KEPT)
        self.unmatched_exits = 0

    # ---- input (the ingest thread) ----------------------------------------------------------
    def _local_day(self, t: float) -> int:
        return int((t + self.offset_s) // 86400)

    def _roll_day(self, t: float) -> None:
        day = self._local_day(t)
        if day > self._day:  # a late pass from yesterday does not reset today
            self._day = day
            for counter in (self._today, self._hours, self._colours, self._gate_today,
                            self._manual_today):
                counter.clear()

    def _gate(self, gate_id: str) -> _Gate:
        gate = self.gates.get(gate_id) or self._by_device.get(gate_id)
        if gate is None:  # a gate the scene does not know: counted, in no zone
            gate = self.gates[gate_id] = _Gate(gate_id, gate_id, None, [])
        return gate

    def handle_pass(self, event: GatePassReceived) -> PlateFlag | None:
        info = classify(event.plate, event.colour)
        with self._lock:
            self._roll_day(event.ts)
            gate = self._gate(event.gate_id)
            gate.passes.append(event.ts)
            gate.reported += 1
            vehicle = self._vehicle(event, info.text if info.valid else None)
            self._today["passes"] += 1
            self._today[vehicle] += 1
            self._hours[int(((event.ts + self.offset_s) % 86400) // 3600)] += 1
            self._gate_today[gate.gate_id] += 1
            colour = event.colour or expected_colour(info) or "unknown"
            self._colours[colour] += 1
            if event.release == "manual":
                gate.manual.append(event.ts)
                self._manual_today[gate.gate_id] += 1
                self._today["manual"] += 1
            if event.dir == "out" and event.paid is False:
                self._today["unpaid"] += 1
            for zone in gate.zones:
                self._move(zone, event, info.text if info.valid else None, vehicle)
            if info.valid:
                return None
            self._today["flagged"] += 1
            flag = PlateFlag(event.ts, gate.gate_id, event.dir, event.plate, info.text,
                             info.problem or "bad_pattern")
            self.flags.appendleft(flag)
            return flag

    def _vehicle(self, event: GatePassReceived, plate: str | None) -> str:
        if event.vehicle in VEHICLE_CLASSES:
            return event.vehicle
        if plate is not None and plate in self.residents:
            return "resident"
        return "visitor" if event.fee is not None or event.paid is not None else "unknown"

    def _move(self, zone: _Zone, event: GatePassReceived, plate: str | None,
              vehicle: str) -> None:
        if event.dir == "in":
            zone.gate_in += 1
            zone.passes_in += 1
            if plate is not None:
                zone.inside[plate] = _Visit(plate, event.ts, event.gate_id, vehicle)
        else:
            zone.gate_out += 1
            zone.passes_out += 1
            if plate is not None and zone.inside.pop(plate, None) is None:
                self.unmatched_exits += 1

    def handle_space(self, sensor_id: str, occupied: bool) -> None:
        zones = self._space_zone.get(sensor_id)
        if zones is None:
            return
        with self._lock:
            before = self._occupied.get(sensor_id)
            self._occupied[sensor_id] = occupied
            if before is None or before == occupied:
                return
            for zone in zones:
                if occupied:
                    zone.arrivals += 1
                else:
                    zone.departures += 1

    def handle_gate_counter(self, device_id: str, count: float, ts: float) -> None:
        """The barrier controller's own pass counter, to tell passes it never reported."""
        gate = self._by_device.get(device_id)
        if gate is None:
            return
        with self._lock:
            if gate.counter and count < gate.counter[-1][1]:
                gate.counter.clear()  # the controller restarted its counter
            gate.counter.append((ts, count, gate.reported))

    # ---- operator ----------------------------------------------------------------------------
    def rebase(self, zone_id: str, by: str, now: float | None = None) -> dict | None:
        """Set a zone's gate count to what its sensors see now; returns the row to store,
        or None when the zone has no sensors to rebase on (or no sensor reported yet)."""
        now = self.clock() if now is None else now
        with self._lock:
            zone = self.zones.get(zone_id)
            if zone is None:
                raise KeyError(f"no parking zone {zone_id!r}")
            occupied = self._zone_occupied(zone)
            if occupied is None or zone.config.extra_capacity:
                return None
            before = zone.gate_inside()
            zone.gate_base, zone.gate_in, zone.gate_out = occupied, 0, 0
            zone.rebased_at = now
        return {"zone": zone_id, "at": now, "by": by, "gate_inside": -1 if before is None
                else before, "occupied": occupied, "note": ""}

    def restore_base(self, zone_id: str, occupied: int, at: float,
                     passes_since: dict[tuple[str, str], int]) -> None:
        """Reinstate a stored re-basing and the passes counted after it, per (gate, dir)
        (a restart)."""
        with self._lock:
            zone = self.zones.get(zone_id)
            if zone is None:
                return
            zone.gate_base, zone.rebased_at = occupied, at
            gates = set(zone.config.gates)
            zone.gate_in = sum(n for (g, d), n in passes_since.items() if g in gates and d == "in")
            zone.gate_out = sum(n for (g, d), n in passes_since.items()
                                if g in gates and d == "out")

    # ---- time -----------------------------------------------------------------------------
    def _zone_occupied(self, zone: _Zone) -> int | None:
        known = [self._occupied[s] for s in zone.sensors if s in self._occupied]
        if not zone.sensors or len(known) < len(zone.sensors):
            return None
        return sum(known)

    def sample(self, now: float) -> list[dict]:
        """A parking_occupancy row per zone (every few minutes); zones never based on the
        sensors are based now, once every sensor has reported (a fresh start)."""
        rows = []
        with self._lock:
            self._roll_day(now)
            for zone in self.zones.values():
                occupied = self._zone_occupied(zone)
                if zone.gate_base is None and occupied is not None and \
                        not zone.config.extra_capacity:
                    zone.gate_base, zone.rebased_at = occupied, now
                point = OccupancyPoint(now, occupied, zone.gate_inside())
                zone.series.append(point)
                rows.append({"zone": zone.config.id, "ts": now, "capacity": zone.capacity,
                             "occupied": occupied, "gate_inside": point.gate_inside,
                             "arrivals": zone.arrivals, "departures": zone.departures,
                             "passes_in": zone.passes_in, "passes_out": zone.passes_out})
                zone.arrivals = zone.departures = zone.passes_in = zone.passes_out = 0
        return rows

    def conditions(self, now: float) -> list[Condition]:
        cfg = self.config
        out: list[Condition] = []
        with self._lock:
            window = cfg.gate_silence_min * 60.0
            recent = {g.gate_id: sum(1 for t in g.passes if t >= now - window)
                      for g in self.gates.values()}
            for gate in self.gates.values():
                if gate.device_id is None:
                    continue
                last = gate.passes[-1] if gate.passes else self._started
                peers = sum(n for gid, n in recent.items() if gid != gate.gate_id)
                silent = now - last >= window and peers >= cfg.gate_silence_peer_passes
                out.append(Condition(gate.device_id, "gate.silent", silent, Severity.MEDIUM,
                                     message("gate_silent", minutes=round((now - last) / 60),
                                             peers=peers)))
                manual = sum(1 for t in gate.manual if t >= now - 3600)
                out.append(Condition(gate.device_id, "gate.manual_releases",
                                     manual >= cfg.manual_releases_per_h_alarm,
                                     Severity.MEDIUM, message("manual_releases", count=manual),
                                     float(manual), off_delay_s=600))
                missing = self._unreported(gate, now)
                out.append(Condition(gate.device_id, "gate.unreported",
                                     missing >= UNREPORTED_ALARM, Severity.MEDIUM,
                                     message("gate_unreported", count=missing), float(missing),
                                     on_delay_s=120))
            for zone in self.zones.values():
                overstays = self._overstays(zone, now)
                device = next((g.device_id for g in self.gates.values()
                               if zone in g.zones and g.device_id), None)
                if device is not None:
                    plates = ", ".join(o.plate for o in overstays[:5])
                    out.append(Condition(device, f"parking.overstay.{zone.config.id}",
                                         bool(overstays), Severity.LOW,
                                         message("overstay", count=len(overstays),
                                                 plates=plates), float(len(overstays))))
        return out

    def _unreported(self, gate: _Gate, now: float) -> int:
        samples = [s for s in gate.counter if s[0] >= now - UNREPORTED_WINDOW_S]
        if len(samples) < 2:
            return 0
        (_, c0, r0), (_, c1, r1) = samples[0], samples[-1]
        return max(0, int(round(c1 - c0)) - (r1 - r0))

    def _overstays(self, zone: _Zone, now: float) -> list[Overstay]:
        cfg = self.config
        out = []
        for visit in zone.inside.values():
            limit = (cfg.resident_overstay_h if visit.vehicle in ("resident", "staff")
                     else cfg.visitor_overstay_h)
            hours = (now - visit.entered_at) / 3600
            if limit is not None and hours > limit:
                out.append(Overstay(visit.plate, zone.config.id, visit.entered_at,
                                    round(hours, 1), visit.vehicle))
        return sorted(out, key=lambda o: o.entered_at)

    # ---- the panel -----------------------------------------------------------------------
    def view(self, now: float | None = None) -> ParkingView:
        now = self.clock() if now is None else now
        with self._lock:
            self._roll_day(now)
            zones, overstays = [], []
            for zone in self.zones.values():
                occupied, inside = self._zone_occupied(zone), zone.gate_inside()
                comparable = occupied is not None and inside is not None and \
                    not zone.config.extra_capacity
                residents = sum(v.vehicle in ("resident", "staff") for v in zone.inside.values())
                zones.append(ZoneStatus(
                    zone.config.id, zone.config.name or zone.config.id, zone.capacity,
                    occupied, inside, inside - occupied if comparable else None,
                    len(zone.inside), residents, len(zone.inside) - residents, zone.rebased_at))
                overstays.extend(self._overstays(zone, now))
            window = self.config.gate_silence_min * 60.0
            gates = [GateStatus(g.gate_id, g.name, g.device_id, self._gate_today[g.gate_id],
                                self._manual_today[g.gate_id],
                                g.passes[-1] if g.passes else None,
                                bool(g.passes) and now - g.passes[-1] >= window,
                                self._unreported(g, now)) for g in self.gates.values()]
            peak = max(self._hours.items(), key=lambda kv: kv[1], default=None)
            return ParkingView(
                now, zones, gates, overstays, list(self.flags)[:50], self._today["flagged"],
                self._today["passes"], self._today["resident"] + self._today["staff"],
                self._today["visitor"], self._today["manual"],
                peak[0] if peak else None, peak[1] if peak else 0,
                {z.config.id: list(z.series) for z in self.zones.values()},
                dict(self._colours))
