"""One database holds several compounds (every row carries its site): a site's daily report
counts its own alarms, work orders, gate passes and lift faults, never another site's."""

from __future__ import annotations

import datetime as dt

from app import paths
from app.operations.config import load_operations_config
from app.operations.report.data import gather
from app.scene.loader import load_scene
from app.storage import open_database
from app.storage import rows as r

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2025, 6, 10)


def _fill(engine, site: str, lift: str, n: int, t0: float) -> None:  # noqa: ANN001
    alarms = [{**r.alarm_row({"id": f"{site}-a{k}", "device_id": lift,
                              "type": "event.fault", "severity": "HIGH", "state": "closed",
                              "raised_at": t0 + 60 * k, "closed_at": t0 + 60 * k + 30,
                              "count": 1}), "site": site} for k in range(n)]
    orders = [{**r.work_order_row({"id": f"{site}-o{k}", "state": "done", "priority": 2,
                                   "kind": "lift", "device_id": lift, "building": "B01",
                                   "xyz": [0.0, 0.0, 0.0], "created_at": t0 + 60 * k,
                                   "updated_at": t0 + 60 * k + 600, "data": {}}),
               "site": site} for k in range(n)]
    passes = [{"site": site, "gate_id": "GATE-S-IN", "ts": t0 + 10 * k, "plate": f"粤B{k:05d}",
               "dir": "in", "paid": True, "received_at": t0 + 10 * k} for k in range(n)]
    with engine.begin() as conn:
        r.write_rows(conn, "alarms", alarms)
        r.write_rows(conn, "work_orders", orders)
        r.write_rows(conn, "gate_passes", passes)


def test_a_sites_report_counts_only_that_sites_rows(db_url):
    scene_dir = paths.demo_scene_dir()
    scene, config = load_scene(scene_dir), load_operations_config(scene_dir)
    lift = next(d.id for d in scene.devices if d.kind == "elevator")
    engine = open_database(db_url)
    try:
        t0 = dt.datetime(2025, 6, 10, 9, tzinfo=CST).timestamp()
        _fill(engine, "demo", lift, 3, t0)
        _fill(engine, "north", lift, 5, t0)
        demo = gather(engine, scene, config, "daily", DAY, site="demo")
        north = gather(engine, scene, config, "daily", DAY, site="north")
    finally:
        engine.dispose()
    assert (demo.alarms_total, north.alarms_total) == (3, 5)
    assert (demo.work_orders["created"], north.work_orders["created"]) == (3, 5)
    assert (demo.parking.passes_in, north.parking.passes_in) == (3, 5)
    faults = {s.device_id: s.faults for s in demo.lifts}
    assert faults[lift] == 3
