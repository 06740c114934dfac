"""``control-room audit verify`` on a real database (SQLite and PostgreSQL): exit 0 on an
intact trail; exit 1 naming each edited, deleted and inserted record."""

from __future__ import annotations

import subprocess
import sys

import sqlalchemy as sa

from app.security.audit import open_trail
from app.storage import open_database
from app.storage.models_security import AuditRow

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]


def _verify(db_url: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "audit", "verify", "--db", db_url], capture_output=True,
                          text=True, timeout=120)


def test_audit_verify_names_edited_deleted_and_inserted_records(db_url):
    engine = open_database(db_url)
    trail = open_trail(engine, "demo")
    for i in range(10):
        trail.append("张伟", "alarm.acknowledge", f"alarm:A{i}", console="desk-1")
    intact = _verify(db_url)
    assert intact.returncode == 0, intact.stdout + intact.stderr
    assert "10 records checked: intact" in intact.stdout
    with engine.begin() as conn:
        conn.execute(sa.update(AuditRow).where(AuditRow.seq == 2).values(action="alarm.close"))
        conn.execute(sa.delete(AuditRow).where(AuditRow.seq == 5))
        conn.execute(sa.insert(AuditRow).values(
            site="demo", seq=11, at=2.0, actor="mallory", console="x", action="users.add",
            object="user:mallory", outcome="ok", detail="{}", prev_mac="0" * 64,
            mac="1" * 64))
    engine.dispose()
    broken = _verify(db_url)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    lines = broken.stdout
    assert "record 2 " in lines and "edited" in lines
    assert "record 5: deleted" in lines
    assert "record 11 " in lines and "inserted" in lines


def test_audit_verify_without_the_key_is_one_clear_line(tmp_path):
    import os

    env = {**os.environ, "CONTROL_ROOM_SECRETS": str(tmp_path / "no-secrets")}
    result = subprocess.run([*CLI, "audit", "verify", "--db", f"sqlite:///{tmp_path}/a.db"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2 and "audit key" in result.stderr
    assert "Traceback" not in result.stderr
