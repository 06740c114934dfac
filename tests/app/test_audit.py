"""The HMAC-SM3 chained audit trail: SM3 known answers, and ``verify`` naming every edited,
inserted and deleted record, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes

from app.security.audit import AuditTrail, ChainHead, sm3_hmac
from app.security.audit_verify import verify_trail
from app.storage import open_database
from app.storage.models_security import AuditRow

KEY = bytes(range(32))


def _sm3(data: bytes) -> str:
    h = hashes.Hash(hashes.SM3())
    h.update(data)
    return h.finalize().hex()


def test_sm3_known_answers_of_gb_t_32905():
    assert _sm3(b"abc") == ("66c7f0f462eeedd9d1f2d46bdc10e4e2"
                            "4167c4875cf2f7a2297da02b8f4ba8e0")
    assert _sm3(b"abcd" * 16) == ("debe9ff92275b8a138604889c18e5a4d"
                                  "6fdb70e5387e5765293dcba39c0c5732")


def test_hmac_is_rfc_2104_over_sm3():
    """The HMAC really uses SM3 (block 64 bytes): computed by hand from the SM3 KAT'd hash."""
    key, msg = b"k" * 20, "告警已确认".encode()
    block = key.ljust(64, b"\0")
    inner = bytes.fromhex(_sm3(bytes(b ^ 0x36 for b in block) + msg))
    assert sm3_hmac(key, msg) == _sm3(bytes(b ^ 0x5C for b in block) + inner)


def _trail(db_url, tmp_path, clock=None):
    engine = open_database(db_url)
    head = ChainHead(tmp_path / "head.json")
    times = iter(range(1_765_000_000, 1_765_000_000 + 10_000, 60))
    return engine, head, AuditTrail(engine, "demo", key=KEY, head=head,
                                    clock=clock or (lambda: float(next(times))))


def _write(trail: AuditTrail, n: int) -> None:
    for i in range(n):
        trail.append("张伟", "alarm.acknowledge", f"alarm:A{i}", console="desk-1",
                     detail={"note": f"第{i}条"})


def _kinds(report) -> dict[int, str]:  # noqa: ANN001
    return {p.seq: p.kind for p in report.problems}


def test_an_untouched_trail_verifies(db_url, tmp_path):
    engine, head, trail = _trail(db_url, tmp_path)
    _write(trail, 10)
    report = verify_trail(engine, KEY, head)
    assert report.ok and report.records == 10
    engine.dispose()


def test_edited_deleted_and_inserted_records_are_each_named(db_url, tmp_path):
    engine, head, trail = _trail(db_url, tmp_path)
    _write(trail, 12)
    with engine.begin() as conn:
        conn.execute(sa.update(AuditRow).where(AuditRow.seq == 3)
                     .values(actor="李娜"))  # edited: someone else did it
        conn.execute(sa.delete(AuditRow).where(AuditRow.seq == 6))  # deleted
        conn.execute(sa.insert(AuditRow).values(  # inserted: a forged record
            site="demo", seq=100, at=1_765_000_100.0, actor="admin", console="x",
            action="users.add", object="user:evil", outcome="ok", detail="{}",
            prev_mac="0" * 64, mac="f" * 64))
    kinds = _kinds(verify_trail(engine, KEY, head))
    assert kinds == {3: "edited", 6: "deleted", 100: "inserted"}
    engine.dispose()


def test_records_removed_from_the_end_are_named_from_the_head(db_url, tmp_path):
    engine, head, trail = _trail(db_url, tmp_path)
    _write(trail, 8)
    with engine.begin() as conn:
        conn.execute(sa.delete(AuditRow).where(AuditRow.seq >= 7))
    kinds = _kinds(verify_trail(engine, KEY, head))
    assert kinds == {7: "deleted", 8: "deleted"}
    engine.dispose()


def test_a_wrong_key_fails_every_record(sqlite_url, tmp_path):
    engine, head, trail = _trail(sqlite_url, tmp_path)
    _write(trail, 3)
    report = verify_trail(engine, b"another key" * 3, head)
    assert len(report.problems) >= 3
    engine.dispose()


def test_a_day_boundary_leaves_a_checkpoint_that_survives_purge(sqlite_url, tmp_path):
    now = [1_765_000_000.0]
    engine, head, trail = _trail(sqlite_url, tmp_path, clock=lambda: now[0])
    _write(trail, 3)
    now[0] += 200 * 86400  # 200 days later
    _write(trail, 2)
    assert trail.purge(180) == 3
    report = verify_trail(engine, KEY, head)
    assert report.ok, report.problems
    engine.dispose()


def test_retention_below_180_days_is_refused(sqlite_url, tmp_path):
    import pytest

    from app.security.audit import AuditError

    engine, _head, trail = _trail(sqlite_url, tmp_path)
    with pytest.raises(AuditError, match="180"):
        trail.purge(30)
    engine.dispose()
