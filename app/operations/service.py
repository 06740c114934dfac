"""OperationsService: the live side of operations, one per engine.

An ingest listener (cheap, on the ingest thread) feeds the parking and charger trackers and
marks which meter-hours new samples touched; an ``OperationsWorker`` thread re-aggregates
those hours once the storage writer has committed them, stores parking samples and charging
sessions, judges the time-driven conditions (silent gates, overstays, faulted connectors,
night flows, unaccounted water) through the alarm engine, and keeps the energy view fresh.
Panels read ``parking_view()``, ``charger_view()`` and ``energy_view()``: msgspec Structs.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.alarms.model import Severity
from app.ingest import events as ev
from app.operations import energy, leaks
from app.operations.aggregate import HOUR_S, aggregate, hour_floor
from app.operations.chargers import EVENT_KIND, ChargerTracker
from app.operations.conditions import Condition, message, report
from app.operations.config import OperationsConfig
from app.operations.metering import MeteredPoint, metered_points
from app.operations.parking import ParkingTracker
from app.operations.plates import normalise
from app.operations.recommend import recommend_chargers, recommend_tank
from app.operations.tariff_store import freeze
from app.operations.tariffs import (
    PERIODS,
    SLOT_S,
    SLOTS,
    TariffBook,
    TariffError,
    load_tariffs,
    tariff_dir,
)
from app.operations.views import ChargerView, EnergyView, ParkingView
from app.scene.model import Scene
from app.storage.models import GatePassRow
from app.storage.models_operations import (
    ChargerSessionRow,
    MeterHourRow,
    ParkingOccupancyRow,
    ParkingRebaseRow,
)

log = logging.getLogger(__name__)

CONDITIONS_EVERY_S = 5.0
SAMPLE_EVERY_S = 300.0
RECOMMEND_EVERY_S = 3600.0
#: the catch-up, the aggregates and the recommendations wait this long after start: they
#: cost a second of CPU that the first minutes of a start owe to the operator's screen
#: (start to first live frame); parking and charger conditions are checked from the start
HEAVY_AFTER_START_S = 15.0
CATCH_UP_DAYS = 7


class OperationsService:
    def __init__(self, scene: Scene, config: OperationsConfig, *, site: str,
                 scene_dir: Path | None = None, alarms: Any = None,
                 book: TariffBook | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.scene, self.config, self.site = scene, config, site
        self.alarms = alarms
        self.clock = clock
        self.offset_s = config.utc_offset_h * 3600
        files = [Path(scene_dir or ".") / f for f in config.tariffs.files]
        self.book = book or load_tariffs(sorted(tariff_dir().glob("*.toml")) + files,
                                         config.utc_offset_h)
        self.tariff_problems: list[str] = []
        self.points = metered_points(scene.devices, config)
        self._points = {(p.device_id, p.point): p for p in self.points}
        self._by_device: dict[str, list[MeteredPoint]] = {}
        for p in self.points:
            self._by_device.setdefault(p.device_id, []).append(p)
        self.parking = ParkingTracker(scene, config.parking, residents=self._residents(
            scene_dir), utc_offset_h=config.utc_offset_h, clock=clock)
        chargers = {d.id: d.name for d in scene.devices if d.kind == "ev_charger"}
        self.charger_tariff = config.tariffs.tariff_for("electricity", "chargers")
        self.chargers = ChargerTracker(chargers, self.book, self.charger_tariff,
                                       utc_offset_h=config.utc_offset_h, clock=clock)
        self._kinds = {d.id: d.kind for d in scene.devices}
        self._lock = threading.Lock()
        # (device, point) → [first hour, last hour, touched at]; last sample ts seen
        self._dirty: dict[tuple[str, str], list[float]] = {}
        self._last_ts: dict[tuple[str, str], float] = {}
        self.engine: Engine | None = None
        self._energy: EnergyView | None = None
        self._recommendations: list = []
        self._leaks: list[str] = []  # meters whose night flow stood out last night
        self._unaccounted: dict[str, float] = {}  # main meter → % unaccounted yesterday
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.stats = {"aggregations": 0, "rows": 0, "errors": 0}

    def _residents(self, scene_dir: Path | None) -> frozenset[str]:
        name = self.config.parking.resident_plates_file
        if not name or scene_dir is None:
            return frozenset()
        path = Path(scene_dir) / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            log.error("resident plates %s: %s", path, exc.strerror or exc)
            return frozenset()
        return frozenset(normalise(line) for line in lines if line.strip()
                         and not line.startswith("#"))

    # ---- the ingest listener --------------------------------------------------------------
    def handle_events(self, events: list[ev.IngestEvent]) -> None:
        now = self.clock()
        for event in events:
            cls = type(event)
            if cls is ev.TelemetryReceived:
                self._telemetry(event, now)
            elif cls is ev.GatePassReceived:
                self.parking.handle_pass(event)
            elif cls is ev.DeviceEventReceived and event.kind == EVENT_KIND:
                self.chargers.handle_status(event.device_id, event.ts, dict(event.data))

    def _telemetry(self, event: ev.TelemetryReceived, now: float) -> None:
        device_id = event.device_id
        kind = self._kinds.get(device_id)
        if kind == "parking_space" and "occupied" in event.values:
            self.parking.handle_space(device_id, event.values["occupied"] >= 0.5)
        elif kind == "barrier_gate" and "passes" in event.values:
            self.parking.handle_gate_counter(device_id, event.values["passes"], event.ts)
        elif kind == "ev_charger":
            self.chargers.handle_telemetry(device_id, event.ts, event.values)
        points = self._by_device.get(device_id)
        if not points:
            return
        with self._lock:
            for p in points:
                if p.point in event.values:
                    self._touch((device_id, p.point), event.ts, now)

    def _touch(self, key: tuple[str, str], ts: float, now: float) -> None:
        last = self._last_ts.get(key)
        hour = hour_floor(ts)
        if last is None or ts < last:  # a first or late sample: its neighbours are unknown
            lo, hi = hour - HOUR_S, hour + HOUR_S
        else:
            lo, hi = hour_floor(last), hour
        if last is None or ts > last:
            self._last_ts[key] = ts
        span = self._dirty.get(key)
        if span is None:
            self._dirty[key] = [lo, hi, now]
        else:
            span[0], span[1], span[2] = min(span[0], lo), max(span[1], hi), now

    # ---- lifecycle --------------------------------------------------------------------------
    def start(self, engine: Engine, *, worker: bool = True) -> None:
        """Freeze the tariff versions, restore the parking counts, start the worker (tests
        may drive its rounds themselves: ``worker=False``)."""
        if self._thread is not None:
            return
        self.engine = engine
        try:
            self.book, self.tariff_problems = freeze(engine, self.site, self.book)
            self.chargers.book = self.book
        except (SQLAlchemyError, TariffError) as exc:
            log.error("tariffs not frozen: %s", exc)
            self.tariff_problems = [str(exc)]
        self._restore_parking()
        if not worker:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="OperationsWorker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        if self.engine is not None:
            self._store_sessions()

    def _restore_parking(self) -> None:
        assert self.engine is not None
        r, g = ParkingRebaseRow.__table__, GatePassRow.__table__
        try:
            with self.engine.connect() as conn:
                for zone in self.parking.zones:
                    last = conn.execute(sa.select(r.c.at, r.c.occupied).where(
                        r.c.site == self.site, r.c.zone == zone).order_by(r.c.at.desc())
                        .limit(1)).first()
                    if last is None:
                        continue
                    passes = conn.execute(sa.select(g.c.gate_id, g.c.dir, sa.func.count())
                                          .where(g.c.ts > last.at)
                                          .group_by(g.c.gate_id, g.c.dir)).all()
                    self.parking.restore_base(zone, last.occupied, last.at,
                                              {(p[0], p[1]): int(p[2]) for p in passes})
        except SQLAlchemyError as exc:
            log.warning("parking counts not restored: %s", exc)

    # ---- the worker -------------------------------------------------------------------------
    def _run(self) -> None:
        cfg = self.config
        next_conditions = next_aggregate = next_sample = 0.0
        next_recommend = 0.0
        day_checked = -1
        catch_up = True
        heavy_from = self.clock() + HEAVY_AFTER_START_S
        while not self._stop.wait(1.0):
            now = self.clock()
            try:
                if now >= next_conditions:
                    next_conditions = now + CONDITIONS_EVERY_S
                    self.report_conditions(now)
                if now < heavy_from:
                    continue
                if catch_up:
                    self.catch_up(now)
                    catch_up = False
                if now >= next_sample:
                    next_sample = now + SAMPLE_EVERY_S
                    self._store_parking(now)
                    self._store_sessions()
                if now >= next_aggregate:
                    next_aggregate = now + cfg.aggregate_every_s
                    self.aggregate_dirty(now)
                    self.refresh_energy(now)
                day = int((now + self.offset_s) // 86400)
                local_h = ((now + self.offset_s) % 86400) / 3600
                if day != day_checked and local_h >= cfg.leaks.night_to_h + 0.5:
                    day_checked = day
                    self.daily(now)
                if now >= next_recommend:
                    next_recommend = now + RECOMMEND_EVERY_S
                    self.recommend(now)
            except SQLAlchemyError as exc:  # the database is down: try again next round
                self.stats["errors"] += 1
                log.warning("operations: database unavailable: %s", str(exc).splitlines()[0])
            except Exception:  # one bad round must not end the worker
                self.stats["errors"] += 1
                log.exception("operations round failed")

    def report_conditions(self, now: float) -> None:
        """Raise or clear the parking and charger alarms as they stand at ``now`` (the
        worker every few seconds; a training player, which steps time itself, per step)."""
        report(self.alarms, self.parking.conditions(now) + self.chargers.conditions(), now)

    def day_start(self, now: float) -> float:
        return (now + self.offset_s) // 86400 * 86400 - self.offset_s

    def catch_up(self, now: float) -> None:
        """Aggregate what was stored while no service ran (from the last meter-hour)."""
        assert self.engine is not None
        t = MeterHourRow.__table__
        with self.engine.connect() as conn:
            last = conn.execute(sa.select(sa.func.max(t.c.hour)).where(
                t.c.site == self.site)).scalar()
        start = max(float(last) if last is not None else 0.0, now - CATCH_UP_DAYS * 86400)
        result = aggregate(self.engine, self.site, self.points, self.book, start, now, now=now)
        self.stats["rows"] += result.rows
        log.info("operations: %d meter-hours caught up (%.1f s CPU)", result.rows, result.cpu_s)

    def aggregate_dirty(self, now: float) -> int:
        """Re-aggregate the meter-hours new samples touched, once they settled (stored)."""
        assert self.engine is not None
        with self._lock:
            ready = {k: v for k, v in self._dirty.items()
                     if now - v[2] >= self.config.settle_s}
            for key in ready:
                del self._dirty[key]
        spans: dict[tuple[float, float], list[MeteredPoint]] = {}
        for key, (lo, hi, _) in ready.items():
            spans.setdefault((lo, hi), []).append(self._points[key])
        rows = 0
        for (lo, hi), points in spans.items():
            rows += aggregate(self.engine, self.site, points, self.book, lo, hi + HOUR_S,
                              now=now).rows
        self.stats["aggregations"] += 1
        self.stats["rows"] += rows
        return rows

    def daily(self, now: float) -> None:
        """Once a day after the night window: yesterday re-aggregated whole (idempotent),
        night flows and unaccounted water judged."""
        assert self.engine is not None
        today = self.day_start(now)
        aggregate(self.engine, self.site, self.points, self.book, today - 86400, today, now=now)
        conditions = self._water_conditions(today)
        self._leaks = sorted(c.device_id for c in conditions
                             if c.type == "water.night_flow" and c.present)
        self._unaccounted = {c.device_id: c.value for c in conditions
                             if c.type == "water.unaccounted" and c.value is not None}
        report(self.alarms, conditions, now)

    def _water_conditions(self, today: float) -> list[Condition]:
        assert self.engine is not None
        cfg = self.config.leaks
        out = []
        for flow in leaks.night_flows(self.engine, self.site, today, cfg):
            if flow.key.startswith("building:"):
                continue
            out.append(Condition(flow.key, "water.night_flow", flow.flagged, Severity.LOW,
                                 message("night_flow", flow=round(flow.night_m3h * 1000),
                                         baseline=round(flow.baseline_m3h * 1000)),
                                 flow.night_m3h))
        for u in leaks.unaccounted(self.engine, self.site, today - 86400, today,
                                   self.config.water_mains, cfg):
            out.append(Condition(u.main, "water.unaccounted", u.flagged, Severity.MEDIUM,
                                 message("unaccounted", percent=round(u.percent or 0, 1),
                                         m3=round(u.unaccounted_m3, 1)), u.percent))
        return out

    # ---- storing ----------------------------------------------------------------------------
    def _insert(self, table: sa.Table, rows: list[dict]) -> None:
        if not rows or self.engine is None:
            return
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        with self.engine.begin() as conn:
            conn.execute(insert(table).on_conflict_do_nothing(), rows)

    def _store_parking(self, now: float) -> None:
        rows = [{"site": self.site, **r} for r in self.parking.sample(now)]
        self._insert(ParkingOccupancyRow.__table__, rows)

    def _store_sessions(self) -> None:
        rows = [{"site": self.site, **r} for r in self.chargers.take_finished()]
        try:
            self._insert(ChargerSessionRow.__table__, rows)
        except SQLAlchemyError:
            self.chargers.finished[:0] = [{k: v for k, v in r.items() if k != "site"}
                                          for r in rows]  # kept for the next round
            raise

    # ---- operator ---------------------------------------------------------------------------
    def rebase(self, zone_id: str, by: str) -> bool:
        """Set a zone's gate count to its sensors' count (stored, with who did it)."""
        row = self.parking.rebase(zone_id, by, self.clock())
        if row is None:
            return False
        self._insert(ParkingRebaseRow.__table__, [{"site": self.site, **row}])
        return True

    # ---- panels -----------------------------------------------------------------------------
    def parking_view(self) -> ParkingView:
        return self.parking.view(self.clock())

    def charger_view(self) -> ChargerView:
        return self.chargers.view(self.clock())

    def energy_view(self) -> EnergyView | None:
        """The last energy view the worker built (None before the first)."""
        return self._energy

    def recommend(self, now: float) -> None:
        """Re-solve the schedule recommendations for the day of ``now``."""
        assert self.engine is not None
        today = self.day_start(now)
        out = []
        tariff = self.config.tariffs.tariff_for("electricity", "pumps")
        for tank in self.config.tanks:
            if tariff is not None:
                rec = recommend_tank(self.engine, self.site, tank, self.book, tariff, today)
                if rec is not None:
                    out.append(rec)
        if self.charger_tariff is not None:
            rec = recommend_chargers(self.engine, self.site, self.config.chargers, self.book,
                                     self.charger_tariff, today)
            if rec is not None:
                out.append(rec)
        self._recommendations = out

    def refresh_energy(self, now: float) -> None:
        """Rebuild the energy view of the day of ``now`` (the worker does, every round)."""
        self._energy = build_energy_view(self.engine, self.site, self.day_start(now), now,
                                         self._recommendations, self.tariff_problems,
                                         self.config, self._leaks, self._unaccounted,
                                         self.book)

    def write_report(self, kind: str, day: dt.date, path: Path, lang: str = "zh_CN") -> Path:
        """The operations report of ``day`` (daily) or its month (monthly), from the
        database this engine writes; slow (seconds): call it off the GUI thread."""
        from app.operations.report import gather, write_report

        assert self.engine is not None, "start() first"
        data = gather(self.engine, self.scene, self.config, kind, day, site=self.site)
        write_report(data, Path(path), lang)
        return Path(path)


def build_energy_view(engine: Engine | None, site: str, day_start: float, now: float,
                      recommendations: list, tariff_problems: list[str],
                      config: OperationsConfig, leaking: list[str] | None = None,
                      unaccounted: dict[str, float] | None = None,
                      book: TariffBook | None = None) -> EnergyView:
    """Today's energy and water: profiles, costs by group, building and day (last 7)."""
    assert engine is not None
    end = day_start + 86400
    totals = energy.totals(engine, site, day_start, end)
    elec = totals.get("electricity")
    cost = sum(t.cost or 0.0 for t in totals.values())
    water = totals.get("water")
    week_ago = energy.totals(engine, site, day_start - 7 * 86400, now - 7 * 86400)
    return EnergyView(
        now, day_start, energy.profiles(engine, site, day_start),
        energy.by_group(engine, site, day_start, end),
        energy.by_building(engine, site, day_start, end),
        energy.by_day(engine, site, day_start - 6 * 86400, end, config.utc_offset_h),
        elec.valley_share if elec else None, cost, elec.amount if elec else 0.0,
        water.amount if water else 0.0, list(recommendations), list(leaking or []),
        dict(unaccounted or {}), list(tariff_problems), *_day_periods(book, config, day_start),
        same_weekday_kwh=(week_ago["electricity"].amount if "electricity" in week_ago
                          else None))


def _day_periods(book: TariffBook | None, config: OperationsConfig, day_start: float
                 ) -> tuple[list[str], list[float]]:
    tariff = config.tariffs.electricity
    version = book.version_at(tariff, day_start) if book and tariff else None
    if version is None:
        return [], []
    starts = day_start + np.arange(SLOTS) * SLOT_S
    index = book.slot_periods(version, starts)
    return [PERIODS[int(i)] for i in index], [float(version.prices[i]) for i in index]
