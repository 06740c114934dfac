"""Cumulative meters → consumption, on real SQLite and PostgreSQL through the real storage
writer: a meter replaced mid-day (reset), a reporting gap, an out-of-order batch, a
duplicate, a rollover; and tariff versions that never rewrite a past cost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.domain.model import Device, Location, PointSpec
from app.ingest.events import TelemetryReceived
from app.operations.aggregate import aggregate
from app.operations.config import OperationsConfig, TariffChoice, WaterMain
from app.operations.metering import metered_points
from app.operations.meters import RegisterSpec, consumption
from app.operations.service import OperationsService
from app.operations.tariff_store import freeze
from app.operations.tariffs import load_tariffs
from app.scene.model import Building, Scene, Site
from app.storage import StorageWriter

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.datetime(2025, 6, 10, tzinfo=CST).timestamp()  # a local midnight
SITE = "test-site"
# the true consumption per 5 minutes: 1.2 kWh in even hours, 0.6 in odd hours
RATE = {h: (1.2 if h % 2 == 0 else 0.6) for h in range(48)}
TARIFF_V1 = """
[[tariffs]]
id = "test-tou"
name = "test"
quantity = "electricity"
unit = "kWh"
[[tariffs.versions]]
id = "v1"
valid_from = 2020-01-01
prices = { valley = 0.3, flat = 1.0 }
periods = [ { start = "00:00", end = "08:00", period = "valley" },
            { start = "08:00", end = "24:00", period = "flat" } ]
"""
TARIFF_V2 = TARIFF_V1 + """
[[tariffs.versions]]
id = "v2"
valid_from = 2025-06-11
prices = { valley = 0.5, flat = 2.0 }
periods = [ { start = "00:00", end = "08:00", period = "valley" },
            { start = "08:00", end = "24:00", period = "flat" } ]
"""


def true_hour(h: int) -> float:
    return RATE[h] * 12


# ---- the algorithm alone ----------------------------------------------------------------------
SPEC = RegisterSpec(max_rate_per_s=1.0, max_gap_s=1800)
HOURS = np.arange(0, 4 * 3600 + 1, 3600.0)


def ramp(ts: np.ndarray, start: float = 100.0, per_h: float = 2.0) -> np.ndarray:
    return start + ts / 3600 * per_h


def test_a_register_in_order_gives_its_rise_per_hour():
    ts = np.arange(0, 4 * 3600 + 1, 300.0)
    c = consumption(ts, ramp(ts), HOURS, SPEC)
    assert np.allclose(c.per_bucket, 2.0) and not c.estimated_s.any()


def test_shuffled_and_repeated_samples_give_the_same_consumption():
    ts = np.arange(0, 4 * 3600 + 1, 300.0)
    order = np.random.default_rng(3).permutation(len(ts))
    shuffled = np.concatenate([ts[order], ts[:5]])
    c = consumption(shuffled, ramp(shuffled), HOURS, SPEC)
    assert np.allclose(c.per_bucket, 2.0) and c.duplicates == 5


def test_a_replaced_meter_counts_on_from_zero():
    ts = np.arange(0, 4 * 3600 + 1, 300.0)
    v = ramp(ts)
    after = ts >= 5400  # a new meter from 01:30, counting since the previous reading
    v[after] = (ts[after] - 5100) / 3600 * 2.0
    c = consumption(ts, v, HOURS, SPEC)
    assert np.allclose(c.per_bucket, 2.0) and list(c.resets) == [5400.0]


def test_a_register_that_wraps_adds_across_the_wrap():
    ts = np.arange(0, 4 * 3600 + 1, 300.0)
    v = (99_995.0 + ts / 3600 * 2.0) % 100_000.0
    c = consumption(ts, v, HOURS, SPEC)
    assert np.allclose(c.per_bucket, 2.0) and len(c.rollovers) == 1 and not len(c.resets)


def test_jitter_spikes_and_impossible_jumps_are_not_consumption():
    ts = np.arange(0, 4 * 3600 + 1, 300.0)
    v = ramp(ts)
    v[10] -= 0.0005  # a gateway rounding backwards: not a reset
    v[20] += 5000.0  # a lone misread
    c = consumption(ts, v, HOURS, SPEC)
    assert np.allclose(c.per_bucket, 2.0, atol=1e-3)
    assert not len(c.resets) and len(c.spikes) == 1
    v = ramp(ts)
    v[30:] += 10_000  # a step no meter can count in 5 minutes
    c = consumption(ts, v, HOURS, SPEC)
    assert np.isclose(c.per_bucket.sum(), 8.0 - 2.0 / 12) and len(c.jumps) == 1


def test_a_gap_is_spread_evenly_and_marked_estimated_never_extrapolated():
    ts = np.array([0.0, 300.0, 600.0, 7800.0, 8100.0])
    c = consumption(ts, ramp(ts), HOURS, SPEC)
    assert np.isclose(c.per_bucket.sum(), ramp(ts)[-1] - ramp(ts)[0])  # conserved
    assert c.estimated_s[0] == 3000 and c.estimated_s[1] == 3600
    assert c.covered_s[2] == 8100 - 7200 and c.covered_s[3] == 0


# ---- through the storage writer and the database -----------------------------------------
def meter_device(device_id: str = "B1-101-PM", room: str = "101") -> Device:
    return Device(device_id, "power_meter", "电表", Location((0, 0, 0), "B1", 1, room),
                  {"total_kwh": PointSpec("kWh")}, report_interval_s=300.0)


def register_series(start_value: float = 5000.0) -> list[tuple[float, float]]:
    """(ts, register) every 5 minutes for a day; replaced at 06:00 (new meter from zero),
    silent 10:00–12:00."""
    out, value = [], start_value
    for k in range(288 + 1):
        ts = DAY + k * 300
        if k:
            value += RATE[(k - 1) // 12]
        if k == 72:  # 06:00: the new meter counted only the last 5 minutes
            value = RATE[5]
        if 10 * 12 < k < 12 * 12:
            continue
        out.append((ts, value))
    return out


def events(samples, device_id="B1-101-PM"):
    return [TelemetryReceived(device_id, ts, {"total_kwh": v}, None, ts) for ts, v in samples]


@pytest.fixture
def tariff_files(tmp_path: Path) -> dict[str, Path]:
    v1, v2 = tmp_path / "v1.toml", tmp_path / "v2.toml"
    v1.write_text(TARIFF_V1, encoding="utf-8")
    v2.write_text(TARIFF_V2, encoding="utf-8")
    return {"v1": v1, "v2": v2}


def setup(db_url, tmp_path, book):
    writer = StorageWriter(db_url, DatabaseConfig(batch_rows=500, flush_interval_s=0.05),
                           site=SITE, journal_path=tmp_path / "spill.jsonl")
    writer.start()
    writer.register_devices([meter_device()])  # as the engine does: units give deadbands
    scene = Scene(Site("测试小区", site_id=SITE),
                  buildings=(Building("B1", "1栋", "residential", ((0, 0), (9, 0), (9, 9)), 10),),
                  devices=(meter_device(),))
    config = OperationsConfig(tariffs=TariffChoice(electricity="test-tou", by_group={}))
    # the service's clock: a day after the data (touched hours settle 30 s later)
    service = OperationsService(scene, config, site=SITE, book=book,
                                clock=lambda: DAY + 86400 + 3600)
    service.start(writer.engine, worker=False)
    return writer, service


def hours_of(engine, day=DAY) -> dict[int, sa.Row]:
    t = sa.table("meter_hours", *[sa.column(c) for c in (
        "site", "device_id", "hour", "total", "cost", "tariff_version", "estimated_s",
        "resets", "e_valley", "e_flat", "m00", "m55")])
    with engine.connect() as conn:
        rows = conn.execute(sa.select(t).where(t.c.site == SITE, t.c.hour >= day,
                                               t.c.hour < day + 86400)).all()
    return {int((r.hour - day) // 3600): r for r in rows}


def test_reset_gap_and_an_out_of_order_batch_give_the_true_consumption(db_url, tmp_path,
                                                                        tariff_files):
    writer, service = setup(db_url, tmp_path, load_tariffs([tariff_files["v1"]]))
    try:
        samples = register_series()
        late = [s for s in samples if DAY + 15 * 3600 < s[0] < DAY + 17 * 3600]
        first = [s for s in samples if s not in late]
        batch = events(first)
        for part in (batch, batch[200:205]):  # a redelivered stretch: stored once
            writer.submit(part)
            service.handle_events(part)
        assert writer.flush(30)
        service.aggregate_dirty(now=DAY + 86400 + 3660)
        before = hours_of(writer.engine)
        # 15:00–17:00 arrive later, after 17:00–24:00: until then they are a gap
        assert before[15].estimated_s > 0 and before[16].estimated_s > 0
        writer.submit(events(late))
        service.handle_events(events(late))
        assert writer.flush(30)
        service.aggregate_dirty(now=DAY + 86400 + 3660)
        rows = hours_of(writer.engine)
    finally:
        writer.stop()
    for h in range(24):
        expected = true_hour(h)
        if h in (10, 11):  # silent 10:00–12:00: the 21.6 kWh spread evenly, marked
            expected = (true_hour(10) + true_hour(11)) / 2
            assert rows[h].estimated_s == 3600
        else:
            assert rows[h].estimated_s == 0, h
        assert rows[h].total == pytest.approx(expected, abs=1e-6), h
    assert rows[6].resets == 1 and rows[5].resets == 0
    assert rows[0].m00 == pytest.approx(RATE[0]) and rows[23].m55 == pytest.approx(RATE[23])
    total = sum(r.total for r in rows.values())
    assert total == pytest.approx(sum(true_hour(h) for h in range(24)), abs=1e-6)


def test_a_new_tariff_version_leaves_yesterdays_cost_unchanged(db_url, tmp_path,
                                                               tariff_files):
    writer, service = setup(db_url, tmp_path, load_tariffs([tariff_files["v1"]]))
    samples = [(DAY + k * 300, 5000.0 + 0.6 * k) for k in range(2 * 288 + 1)]
    try:
        writer.submit(events(samples))
        assert writer.flush(30)
        points = service.points
        aggregate(writer.engine, SITE, points, service.book, DAY, DAY + 2 * 86400,
                  now=DAY + 3 * 86400)
        yesterday = hours_of(writer.engine, DAY)
        # valley 00–08 at 0.3, flat 08–24 at 1.0: 7.2 kWh an hour
        assert sum(r.cost for r in yesterday.values()) == pytest.approx(
            7.2 * (8 * 0.3 + 16 * 1.0))
        # a new version from the second day on; the first day is recomputed as well
        book, problems = freeze(writer.engine, SITE, load_tariffs([tariff_files["v2"]]))
        assert problems == []
        aggregate(writer.engine, SITE, points, book, DAY, DAY + 2 * 86400,
                  now=DAY + 3 * 86400)
        again, today = hours_of(writer.engine, DAY), hours_of(writer.engine, DAY + 86400)
        # someone edits v1's prices in the file: refused, the stored v1 keeps pricing
        edited = tmp_path / "edited.toml"
        edited.write_text(TARIFF_V2.replace("valley = 0.3, flat = 1.0",
                                            "valley = 9.9, flat = 9.9"), encoding="utf-8")
        book, problems = freeze(writer.engine, SITE, load_tariffs([edited]))
        aggregate(writer.engine, SITE, points, book, DAY, DAY + 86400, now=DAY + 3 * 86400)
        after_edit = hours_of(writer.engine, DAY)
    finally:
        writer.stop()
    assert [r.cost for r in again.values()] == pytest.approx(
        [r.cost for r in yesterday.values()])
    assert {r.tariff_version for r in again.values()} == {"v1"}
    assert {r.tariff_version for r in today.values()} == {"v2"}
    assert sum(r.cost for r in today.values()) == pytest.approx(7.2 * (8 * 0.5 + 16 * 2.0))
    assert len(problems) == 1 and "'v1'" in problems[0]
    assert [r.cost for r in after_edit.values()] == pytest.approx(
        [r.cost for r in yesterday.values()])


def test_metered_points_cover_registers_power_and_current():
    devices = [
        meter_device(),
        Device("P-WP1", "water_pump", "泵", Location((0, 0, 0), "P"),
               {"power_kw": PointSpec("kW")}),
        Device("B1-LC1", "lighting_circuit", "照明", Location((0, 0, 0), "B1"),
               {"current_a": PointSpec("A")}),
        Device("B1-WM-MAIN", "water_meter", "总水表", Location((0, 0, 0), "B1"),
               {"total_m3": PointSpec("m³")}),
    ]
    config = OperationsConfig(water_mains=(WaterMain(main="B1-WM-MAIN", building="B1"),))
    points = {p.device_id: p for p in metered_points(devices, config)}
    assert points["B1-101-PM"].group == "households"
    assert points["B1-101-PM"].tariff_id == "guangdong-residential"
    assert (points["P-WP1"].method, points["P-WP1"].group) == ("power", "pumps")
    assert points["B1-LC1"].factor == pytest.approx(0.22)
    assert points["B1-WM-MAIN"].group == "mains"
