"""The wall's parking and energy KPIs come from the operations service's own views: spaces
taken over capacity across the zones, and today's electricity against the same weekday a
week ago up to the same hour (metered hours in a real SQLite database)."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
import sqlalchemy as sa

from app import paths
from app.operations.config import load_operations_config
from app.operations.service import build_energy_view
from app.operations.views import ParkingView, ZoneStatus
from app.storage import open_database
from app.storage.models_operations import FIVE_MINUTE_COLUMNS, MeterHourRow
from app.wall.figures import OperationsFigures, energy_today, parking_occupancy

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.datetime(2025, 6, 10, tzinfo=CST).timestamp()  # a Tuesday
WEEK = 7 * 86400
NOW = DAY + 15.5 * 3600  # 15:30


def _hour(device: str, hour: float, kwh: float) -> dict:
    return {"site": "demo", "device_id": device, "point": "total_kwh", "hour": int(hour),
            "quantity": "electricity", "building": "B01", "grp": "households", "total": kwh,
            **{c: kwh / 12 for c in FIVE_MINUTE_COLUMNS}, "e_deep_valley": 0.0,
            "e_valley": 0.0, "e_flat": kwh, "e_peak": 0.0, "e_critical_peak": 0.0,
            "cost": kwh * 0.6, "tariff_id": None, "tariff_version": None, "estimated_s": 0.0,
            "missing_s": 0.0, "samples": 60, "resets": 0, "rollovers": 0, "jumps": 0,
            "computed_at": NOW}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """Metered hours as the aggregation leaves them: last Tuesday 1 kWh an hour all day,
    today 2 kWh an hour up to the running hour."""
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'cr.db'}")
    rows = [_hour("B01-PM", DAY - WEEK + h * 3600, 1.0) for h in range(24)]
    rows += [_hour("B01-PM", DAY + h * 3600, 2.0) for h in range(16)]
    with engine.begin() as conn:
        conn.execute(sa.insert(MeterHourRow.__table__), rows)
    yield engine
    engine.dispose()


def _view(db, day: float = DAY, now: float = NOW):
    config = load_operations_config(paths.demo_scene_dir())
    return build_energy_view(db, "demo", day, now, [], [], config)


def test_energy_today_is_set_against_the_same_weekday_up_to_the_same_hour(db):
    class Reader:
        def energy_view(self):
            return _view(db)

    figure = OperationsFigures(Reader()).energy()
    assert figure is not None
    assert figure.today_kwh == pytest.approx(16 * 2.0)
    # last Tuesday up to 15:xx (hours 00–15), not its whole day of 24 kWh
    assert figure.same_weekday_kwh == pytest.approx(16 * 1.0)


def test_without_last_weeks_data_there_is_no_comparison_rather_than_zero(db):
    # last Tuesday's view: the Tuesday before it has no meter data
    figure = energy_today(_view(db, day=DAY - WEEK, now=NOW - WEEK))
    assert figure is not None and figure.same_weekday_kwh is None
    assert figure.today_kwh == pytest.approx(24 * 1.0)
    assert energy_today(None) is None  # before the worker's first view: "no data"


def test_parking_counts_the_sensors_else_the_gates_and_leaves_out_zones_with_neither():
    def zone(zid: str, capacity: int, occupied: int | None, gates: int | None) -> ZoneStatus:
        return ZoneStatus(zid, zid, capacity, occupied, gates, None, 0, 0, 0, None)

    view = ParkingView(0.0, [zone("P1", 100, 40, 55), zone("P2", 50, None, 20),
                             zone("P3", 30, None, None)], [], [], [], 0, 0, 0, 0, 0, None, 0,
                       {}, {})
    assert parking_occupancy(view) == parking_occupancy(view) is not None
    figure = parking_occupancy(view)
    assert (figure.occupied, figure.total) == (40 + 20, 100 + 50)
    assert parking_occupancy(msgspec.structs.replace(view, zones=[view.zones[2]])) is None


def test_a_failing_reader_is_no_data_and_is_asked_again_only_after_the_refresh():
    class Away:
        asked = 0

        def parking_view(self):
            self.asked += 1
            raise ConnectionError("server away")

    now = [0.0]
    reader = Away()
    figures = OperationsFigures(reader, refresh_s=20.0, clock=lambda: now[0])
    assert figures.parking() is None and figures.parking() is None
    assert reader.asked == 1
    now[0] = 21.0
    assert figures.parking() is None and reader.asked == 2
