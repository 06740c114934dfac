"""Plates, gates and parking: Chinese plates classified (ordinary, new-energy, special) or
flagged, and never dropped — through the real decoder into SQLite and PostgreSQL; who is
inside, overstays, manual releases, silent and unreporting gates, and the drift between the
gates' count and the space sensors, shown and re-based."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.domain.model import Device, Location, PointSpec
from app.ingest.events import GatePassReceived
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.operations.config import OperationsConfig, ParkingConfig, ZoneConfig
from app.operations.parking import ParkingTracker
from app.operations.plates import classify, normalise
from app.operations.service import OperationsService
from app.scene.model import Building, Gate, ParkingSpace, Scene, Site
from app.sources.base import RawMessage
from app.sources.simulator import CompoundSimulator
from app.state.store import StateStore
from app.storage import StorageWriter

CST = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2025, 6, 10, 12, 0, tzinfo=CST).timestamp()


@pytest.mark.parametrize("raw, kind, colours, energy", [
    ("粤B12345", "ordinary", ("blue", "yellow"), None),
    ("粤BD12345", "new_energy", ("green",), "electric"),
    ("粤BFA1234", "new_energy", ("green",), "hybrid"),
    ("粤B12345D", "new_energy", ("yellow_green",), "electric"),
    ("粤B1234警", "special", ("white",), None),
    ("粤Z1234港", "special", ("black",), None),
    ("使014578", "special", ("black",), None),
])
def test_clean_plates_are_classified(raw, kind, colours, energy):
    info = classify(raw)
    assert info.valid and info.problem is None
    assert (info.kind, info.colours, info.energy) == (kind, colours, energy)


@pytest.mark.parametrize("raw, problem", [
    ("粤B1234", "too_short"),
    ("粤B123456789", "too_long"),
    ("XB12345", "bad_province"),
    ("粤B12O45", "bad_character"),
    ("粤B1?345", "bad_character"),
    ("无牌车", "no_plate"),
    ("", "no_plate"),
])
def test_malformed_plates_are_flagged_with_the_reason(raw, problem):
    info = classify(raw)
    assert not info.valid and info.problem == problem and info.raw == raw


def test_reads_are_normalised_and_a_wrong_colour_is_flagged():
    assert normalise(" 粤Ｂ·１２３４５ ") == "粤B12345"
    assert classify("粤b 12345").valid
    mismatch = classify("粤B12345", colour="green")  # a green plate must have 8 characters
    assert not mismatch.valid and mismatch.problem == "colour_mismatch"
    assert classify("粤BD12345", colour="green").valid


# ---- through ingest into the database ---------------------------------------------------------
def small_scene(spaces: int = 4) -> Scene:
    garage = Building("G1", "车库", "garage", ((0, 0), (30, 0), (30, 20), (0, 20)), 0,
                      basements=1)
    devices = [Device("G1-BG1", "barrier_gate", "车库道闸", Location((0, 0, 0), "G1"),
                      {"open": PointSpec(), "passes": PointSpec("次")}),
               Device("S-BG1", "barrier_gate", "南门道闸", Location((0, 50, 0)),
                      {"open": PointSpec(), "passes": PointSpec("次")})]
    parking = []
    for i in range(spaces):
        devices.append(Device(f"P{i}-PS", "parking_space", f"{i}号车位",
                              Location((i * 3.0, 5, -3), "G1", -1), {"occupied": PointSpec()}))
        parking.append(ParkingSpace(f"P{i}", (i * 3.0, 5, -3), sensor_id=f"P{i}-PS"))
    gates = (Gate("GATE-G", "车库入口", (0, 0, 0), device_id="G1-BG1", building="G1"),
             Gate("GATE-S", "南门", (0, 50, 0), device_id="S-BG1"))
    return Scene(Site("测试小区", site_id="t"), buildings=(garage,), devices=tuple(devices),
                 parking=tuple(parking), gates=gates)


PARKING = ParkingConfig(zones=(ZoneConfig(id="garage", gates=("GATE-G",), spaces=("*",)),
                               ZoneConfig(id="site", gates=("GATE-S",), spaces=("*",),
                                          extra_capacity=20)))


def test_every_pass_is_stored_as_read_and_bad_plates_are_flagged(db_url, tmp_path):
    scene = small_scene()
    scheme = TopicScheme("cr", "t")
    store = StateStore(scene.devices)
    ingest = Ingest(store, scheme, max_clock_skew_s=None)
    writer = StorageWriter(db_url, DatabaseConfig(batch_rows=100, flush_interval_s=0.05),
                           journal_path=tmp_path / "spill.jsonl")
    service = OperationsService(scene, OperationsConfig(parking=PARKING), site="t",
                                clock=lambda: T0 + 600)
    ingest.subscribe(writer.submit)
    ingest.subscribe(service.handle_events)
    plates = ["粤B12345", "粤BD12345", "粤B1234", "无牌车", "粤B12O45", "湘A8F3K2"]
    messages = []
    for i, plate in enumerate(plates):
        body = {"ts": round((T0 + i) * 1000), "plate": plate, "dir": "in", "paid": None,
                "colour": "green" if len(plate) == 8 else "blue",
                "vehicle": "visitor" if plate.startswith("湘") else "resident",
                "release": "manual" if i == 5 else "auto"}
        messages.append(RawMessage(scheme.gate_pass("GATE-S"),
                                   json.dumps(body, ensure_ascii=False).encode(), T0 + i))
    writer.start()
    try:
        ingest.handle_batch(messages)
        assert writer.flush(30)
        t = sa.table("gate_passes", sa.column("plate"), sa.column("colour"),
                     sa.column("vehicle"), sa.column("release"))
        with writer.engine.connect() as conn:
            stored = conn.execute(sa.select(t.c.plate, t.c.colour, t.c.vehicle,
                                            t.c.release)).all()
    finally:
        writer.stop()
    assert ingest.counts()["rejected"] == 0
    assert sorted(p for p, *_ in stored) == sorted(plates)  # every read, as read
    assert ("湘A8F3K2", "blue", "visitor", "manual") in stored
    view = service.parking_view()
    assert view.flagged_today == 3 and view.passes_today == 6 and view.manual_today == 1
    assert {f.problem for f in view.flagged} == {"too_short", "no_plate", "bad_character"}
    site = next(z for z in view.zones if z.id == "site")
    assert site.plates_inside == 3  # the clean reads; the gate counted all six
    assert (site.residents_inside, site.visitors_inside) == (2, 1)
    assert view.by_plate_colour == {"blue": 5, "green": 1}


# ---- the tracker --------------------------------------------------------------------------------
def gate_pass(gate, plate, dir_, ts, **kw) -> GatePassReceived:
    return GatePassReceived(gate, ts, plate, dir_, kw.pop("paid", None), ts, **kw)


def test_gate_count_drifts_from_the_sensors_and_is_rebased():
    tracker = ParkingTracker(small_scene(4), PARKING, clock=lambda: T0)
    for i, occupied in enumerate((True, True, False, False)):
        tracker.handle_space(f"P{i}-PS", occupied)
    tracker.sample(T0)  # a fresh start bases the gate count on the sensors
    garage = next(z for z in tracker.view(T0).zones if z.id == "garage")
    assert (garage.occupied, garage.gate_inside, garage.drift) == (2, 2, 0)
    tracker.handle_pass(gate_pass("GATE-G", "粤B11111", "in", T0 + 10))
    tracker.handle_space("P2-PS", True)
    tracker.handle_space("P3-PS", True)  # a second car came in unseen by the gate
    garage = next(z for z in tracker.view(T0 + 20).zones if z.id == "garage")
    assert (garage.occupied, garage.gate_inside, garage.drift) == (4, 3, -1)
    row = tracker.rebase("garage", "张三", T0 + 30)
    assert row["gate_inside"] == 3 and row["occupied"] == 4 and row["by"] == "张三"
    garage = next(z for z in tracker.view(T0 + 40).zones if z.id == "garage")
    assert garage.drift == 0 and garage.rebased_at == T0 + 30
    # the site zone has spaces without sensors: its count is not compared, nor rebased
    assert tracker.rebase("site", "张三") is None
    sample = {r["zone"]: r for r in tracker.sample(T0 + 300)}
    assert sample["garage"]["arrivals"] == 2 and sample["garage"]["passes_in"] == 1


def test_overstays_manual_releases_silent_and_unreporting_gates():
    config = ParkingConfig(zones=PARKING.zones, visitor_overstay_h=24, gate_silence_min=30,
                           gate_silence_peer_passes=5, manual_releases_per_h_alarm=3)
    tracker = ParkingTracker(small_scene(), config, clock=lambda: T0)
    tracker.handle_pass(gate_pass("GATE-S", "湘A12345", "in", T0, vehicle="visitor"))
    tracker.handle_pass(gate_pass("GATE-S", "粤B22222", "in", T0, vehicle="resident"))
    tracker.handle_pass(gate_pass("GATE-S", "粤B33333", "out", T0 + 60, vehicle="resident"))
    later = T0 + 25 * 3600
    assert [o.plate for o in tracker.view(later).overstays] == ["湘A12345"]
    for k in range(3):  # three manual releases within an hour at the garage
        tracker.handle_pass(gate_pass("GATE-G", f"粤B4444{k}", "out", later + k,
                                      release="manual"))
    for k in range(6):  # the south gate is busy; the garage says nothing for 40 minutes
        tracker.handle_pass(gate_pass("GATE-S", f"粤B5555{k}", "in", later + 1200 + k))
    # the garage controller counted 5 passes in that time but reported none
    tracker.handle_gate_counter("G1-BG1", 100, later + 5)
    tracker.handle_gate_counter("G1-BG1", 105, later + 2400)
    conditions = {(c.device_id, c.type): c for c in tracker.conditions(later + 2400)}
    assert conditions[("G1-BG1", "gate.silent")].present
    assert not conditions[("S-BG1", "gate.silent")].present
    assert conditions[("G1-BG1", "gate.manual_releases")].present
    assert conditions[("G1-BG1", "gate.unreported")].value == 5
    assert conditions[("S-BG1", "parking.overstay.site")].present
    # 粤B33333 and the three let out by hand left without being seen coming in
    assert tracker.unmatched_exits == 4


def test_a_simulated_day_of_garage_passes_matches_the_space_sensors():
    """The simulator's cars leave and return on the days and hours their spaces' sensors
    show: after the first re-basing, the garage's gate count follows the sensors, off only
    by the few passes the simulated gates never report."""
    scene = small_scene(spaces=30)
    scheme = TopicScheme("cr", "t")
    sim = CompoundSimulator(scene, scheme, seed=5, faults=False)
    store = StateStore(scene.devices)
    ingest = Ingest(store, scheme, max_clock_skew_s=None)
    tracker = ParkingTracker(scene, PARKING, clock=lambda: T0)
    service = OperationsService(scene, OperationsConfig(parking=PARKING), site="t")
    service.parking = tracker
    ingest.subscribe(service.handle_events)
    start = dt.datetime(2025, 6, 10, 3, 0, tzinfo=CST).timestamp()
    drifts, passes = [], 0
    messages = sim.birth(start) + sim.advance(start)
    for step in range(1, 24 * 12 + 1):
        decoded = ingest.handle_batch([RawMessage(t, p, start) for t, p, _ in messages])
        passes += sum(isinstance(e, GatePassReceived) for e in decoded)
        now = start + step * 300
        tracker.sample(now)
        garage = next(z for z in tracker.view(now).zones if z.id == "garage")
        drifts.append(garage.drift)
        messages = sim.advance(now)
    assert passes > 60
    assert max(abs(d) for d in drifts if d is not None) <= 2
