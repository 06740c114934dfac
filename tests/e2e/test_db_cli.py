"""``control-room db stats --json`` and ``db migrate`` through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.storage import open_database, save_alarm, save_work_order
from app.storage.database import head_revision
from app.storage.rows import RowBatch, write_batch

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)


def fill(engine, site: str, n: int) -> None:
    """One compound's rows: n+2 devices (one removed), 7n readings, rejects, 3 alarms, an
    order. Ids are the same in every site: only the site keeps them apart."""
    batch = RowBatch(site)
    for i in range(n + 2):
        batch.add("devices", {"id": f"d{i}", "kind": "water_meter", "name": "3栋 水表",
                              "building": "3栋", "floor": 1, "room": None, "x": 0.0, "y": 0.0,
                              "z": 0.0, "points": {}, "registered_at": 1.0, "removed": i == 0})
    for t in range(7 * n):
        batch.add("readings", {"device_id": "d1", "point": "flow", "ts": float(t), "value": 1.0,
                               "seq": t})
    for reason, count in [("invalid_json", 40 * n), ("schema", n), ("invalid_json", 2)]:
        batch.add("rejects", {"reason": reason, "count": count, "topic": "t", "detail": "",
                              "payload_head": "", "at": 1.0})
    with engine.begin() as conn:
        write_batch(conn, batch)
    for i, state in enumerate(["raised", "raised", "closed"][:n + 1]):
        save_alarm(engine, site, {"id": f"a{i}", "type": "leak", "severity": "high",
                                  "state": state, "raised_at": 1.0})
    save_work_order(engine, site, {"id": "w1", "state": "done", "priority": 2,
                                   "kind": "plumbing", "created_at": 1.0, "updated_at": 2.0})


def test_db_stats_counts_every_site_apart_and_together(db_url):
    engine = open_database(db_url)
    fill(engine, "东区", 2)
    fill(engine, "west", 1)
    engine.dispose()
    result = cli("db", "stats", "--db", db_url, "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    east, west = stats["sites"]["东区"], stats["sites"]["west"]
    assert set(stats["sites"]) == {"东区", "west"}
    assert (east["devices"], east["devices_removed"], east["readings"]) == (3, 1, 14)
    assert (west["devices"], west["devices_removed"], west["readings"]) == (2, 1, 7)
    assert east["rejects"] == {"invalid_json": 82, "schema": 2}
    assert east["alarms"] == {"closed": 1, "raised": 2} and west["alarms"] == {"raised": 2}
    assert east["work_orders"] == west["work_orders"] == {"done": 1}
    # the top level keeps its contract: all sites together
    assert stats["devices"] == 5 and stats["readings"] == 21
    assert stats["rejects"] == {"invalid_json": 124, "schema": 3}
    assert stats["alarms"] == {"closed": 1, "raised": 4} and stats["work_orders"] == {"done": 2}
    one = cli("db", "stats", "--db", db_url, "--json", "--site", "west")
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout) == {k: v for k, v in west.items()}
    text = cli("db", "stats", "--db", db_url)
    assert text.returncode == 0 and "site 东区" in text.stdout and "site west" in text.stdout


def test_db_migrate_creates_the_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    result = cli("db", "migrate", "--db", url)
    assert result.returncode == 0, result.stderr
    assert f"revision {head_revision()}" in result.stdout


def test_bad_or_unreachable_database_is_exit_2_one_line(tmp_path):
    for url in ("nonsense", "postgresql+psycopg://u:pw@127.0.0.1:1/x",
                f"sqlite:///{tmp_path}/missing/dir/x.db"):
        result = cli("db", "stats", "--db", url, "--json")
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("control-room: error:"), result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""
