"""``control-room db stats --json`` and ``db migrate`` through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.storage import open_database, save_alarm, save_work_order
from app.storage.database import head_revision
from app.storage.rows import write_rows

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)


def test_db_stats_json_counts(db_url):
    engine = open_database(db_url)
    with engine.begin() as conn:
        write_rows(conn, "devices", [{"id": f"d{i}", "kind": "water_meter", "name": "3栋 水表",
                                      "building": "3栋", "floor": 1, "room": None, "x": 0.0,
                                      "y": 0.0, "z": 0.0, "points": {}, "registered_at": 1.0,
                                      "removed": i == 2} for i in range(3)])
        write_rows(conn, "readings", [{"device_id": "d0", "point": "flow", "ts": float(t),
                                       "value": 1.0, "seq": t} for t in range(7)])
        write_rows(conn, "rejects", [
            {"reason": r, "count": n, "topic": "t", "detail": "", "payload_head": "", "at": 1.0}
            for r, n in [("invalid_json", 40), ("schema", 2), ("invalid_json", 2)]])
    for i, state in enumerate(["raised", "raised", "closed"]):
        save_alarm(engine, {"id": f"a{i}", "type": "leak", "severity": "high", "state": state,
                            "raised_at": 1.0})
    save_work_order(engine, {"id": "w1", "state": "done", "priority": 2, "kind": "plumbing",
                             "created_at": 1.0, "updated_at": 2.0})
    engine.dispose()
    result = cli("db", "stats", "--db", db_url, "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["devices"] == 2 and stats["readings"] == 7
    assert stats["rejects"] == {"invalid_json": 42, "schema": 2}
    assert stats["alarms"] == {"closed": 1, "raised": 2}
    assert stats["work_orders"] == {"done": 1}


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
