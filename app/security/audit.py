"""The audit trail: every command, login, failed login, logout, export and view of
sensitive data — who, when, what, on which object, from which console — in a chain that
shows any edited, inserted or deleted record.

Each record's ``mac`` is HMAC-SM3 (``cryptography``, over OpenSSL) of its fields and the
previous record's mac, with a key kept apart from the database (``app.paths.secrets_dir``,
or a file named by the config). A daily checkpoint records the chain's state at the end of
each day, and the newest head (seq, mac) is kept beside the key, so removing the newest
records shows too. Records younger than the retention period (at least 180 days,
Cybersecurity Law art. 21) are never purged; a purge leaves a checkpoint from which
verification starts. ``verify_trail`` (``control-room audit verify``) names every problem.
"""

from __future__ import annotations

import json
import math
import os
import secrets
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import msgspec
import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes, hmac
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.storage.models_security import AuditCheckpointRow, AuditRow

GENESIS = "0" * 64
MIN_RETENTION_DAYS = 180
#: days are cut at local midnight in China (UTC+8), where the control room works
DAY_ZONE = timezone(timedelta(hours=8))
KEY_BYTES = 32


class AuditError(Exception):
    """The audit trail cannot be written (no key, database down): the command is refused,
    since an unaudited action is not allowed."""


class AuditRecord(msgspec.Struct, frozen=True):
    site: str
    seq: int
    at: float
    actor: str
    console: str
    action: str
    object: str
    outcome: str  # ok | refused | failed
    detail: dict
    prev_mac: str
    mac: str


def sm3_hmac(key: bytes, data: bytes) -> str:
    mac = hmac.HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize().hex()


def _record_bytes(site: str, seq: int, at: float, actor: str, console: str, action: str,
                  obj: str, outcome: str, detail: str, prev_mac: str) -> bytes:
    return msgspec.json.encode([site, seq, at, actor, console, action, obj, outcome, detail,
                                prev_mac])


def _canonical(detail: dict) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def load_key(path: Path | None = None, *, create: bool = True) -> bytes:
    """The HMAC key: from ``path``, ``CONTROL_ROOM_AUDIT_KEY`` (hex), or ``audit.key`` in the
    secrets folder, created (owner-only) when missing and ``create``."""
    env = os.environ.get("CONTROL_ROOM_AUDIT_KEY")
    if path is None and env:
        try:
            key = bytes.fromhex(env.strip())
        except ValueError:
            raise AuditError("CONTROL_ROOM_AUDIT_KEY is not hex") from None
        if len(key) < 16:
            raise AuditError("CONTROL_ROOM_AUDIT_KEY is shorter than 16 bytes")
        return key
    if path is None:
        from app import paths

        path = paths.secrets_dir() / "audit.key"
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        if not create:
            raise AuditError(f"no audit key at {path}") from None
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key.hex() + "\n")
        return key
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditError(f"cannot read the audit key {path}: {exc}") from None
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise AuditError(f"the audit key {path} is not hex") from None


class ChainHead:
    """The newest (seq, mac) per site, kept in a small file beside the key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, list]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def write(self, site: str, seq: int, mac: str) -> None:
        heads = self.read()
        heads[site] = [seq, mac]
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(heads), encoding="utf-8")
        os.replace(tmp, self.path)


def local_day(at: float) -> str:
    return datetime.fromtimestamp(at, DAY_ZONE).strftime("%Y-%m-%d")


class AuditTrail:
    """Appends records for one site. Thread-safe; each append is committed before it
    returns (an action is audited before it is reported done)."""

    def __init__(self, engine: Engine, site: str, *, key: bytes | None = None,
                 head: ChainHead | None = None, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.site = site
        self.clock = clock
        self._key = key if key is not None else load_key()
        self._head = head if head is not None else default_head()
        self._lock = threading.Lock()
        self._last: tuple[int, str, float] | None = None  # seq, mac, at

    def _tail(self, conn: sa.Connection) -> tuple[int, str, float]:
        row = conn.execute(sa.select(AuditRow.seq, AuditRow.mac, AuditRow.at)
                           .where(AuditRow.site == self.site)
                           .order_by(AuditRow.seq.desc()).limit(1)).first()
        if row is not None:
            return int(row[0]), row[1], float(row[2])
        anchor = conn.execute(sa.select(AuditCheckpointRow.last_seq, AuditCheckpointRow.last_mac,
                                        AuditCheckpointRow.at)
                              .where(AuditCheckpointRow.site == self.site,
                                     AuditCheckpointRow.kind == "purge")
                              .order_by(AuditCheckpointRow.last_seq.desc()).limit(1)).first()
        if anchor is not None:
            return int(anchor[0]), anchor[1], float(anchor[2])
        return 0, GENESIS, 0.0

    def append(self, actor: str, action: str, obj: str = "", *, outcome: str = "ok",
               console: str = "", detail: dict | None = None) -> AuditRecord:
        detail_text = _canonical(detail or {})
        with self._lock:
            try:
                with self.engine.begin() as conn:
                    if self._last is None:
                        self._last = self._tail(conn)
                    last_seq, last_mac, last_at = self._last
                    at = self.clock()
                    if not math.isfinite(at):
                        at = time.time()
                    if last_at and local_day(at) != local_day(last_at):
                        self._checkpoint(conn, local_day(last_at), last_seq, last_mac, at)
                    seq = last_seq + 1
                    fields = (self.site, seq, at, actor[:64], console[:128], action[:64],
                              obj[:256], outcome, detail_text, last_mac)
                    mac = sm3_hmac(self._key, _record_bytes(*fields))
                    conn.execute(sa.insert(AuditRow).values(
                        site=self.site, seq=seq, at=at, actor=fields[3], console=fields[4],
                        action=fields[5], object=fields[6], outcome=outcome,
                        detail=detail_text, prev_mac=last_mac, mac=mac))
            except sa.exc.SQLAlchemyError as exc:
                self._last = None  # re-read the tail next time
                raise AuditError(f"audit trail not writable: {type(exc).__name__}") from None
            self._last = (seq, mac, at)
            self._head.write(self.site, seq, mac)
        return AuditRecord(self.site, seq, at, fields[3], fields[4], fields[5], fields[6],
                           outcome, detail or {}, last_mac, mac)

    def _checkpoint(self, conn: sa.Connection, day: str, last_seq: int, last_mac: str,
                    at: float, kind: str = "daily") -> None:
        count = conn.execute(sa.select(sa.func.count()).select_from(AuditRow)
                             .where(AuditRow.site == self.site)).scalar_one()
        mac = sm3_hmac(self._key, msgspec.json.encode(
            [self.site, kind, day, last_seq, last_mac, int(count), at]))
        exists = conn.execute(sa.select(AuditCheckpointRow.day).where(
            AuditCheckpointRow.site == self.site, AuditCheckpointRow.kind == kind,
            AuditCheckpointRow.day == day)).first()
        if exists is None:
            conn.execute(sa.insert(AuditCheckpointRow).values(
                site=self.site, kind=kind, day=day, last_seq=last_seq, last_mac=last_mac,
                count=int(count), at=at, mac=mac))

    def purge(self, retention_days: float) -> int:
        """Remove records older than ``retention_days`` (never below 180); returns how many.
        The chain's state at the cut is kept as a "purge" checkpoint."""
        if retention_days < MIN_RETENTION_DAYS:
            raise AuditError(f"audit records are kept at least {MIN_RETENTION_DAYS} days")
        cutoff = self.clock() - retention_days * 86400.0
        with self._lock, self.engine.begin() as conn:
            last = conn.execute(sa.select(AuditRow.seq, AuditRow.mac, AuditRow.at)
                                .where(AuditRow.site == self.site, AuditRow.at < cutoff)
                                .order_by(AuditRow.seq.desc()).limit(1)).first()
            if last is None:
                return 0
            self._checkpoint(conn, local_day(last[2]), int(last[0]), last[1], float(last[2]),
                             kind="purge")
            done = conn.execute(sa.delete(AuditRow).where(AuditRow.site == self.site,
                                                          AuditRow.seq <= last[0]))
            return int(done.rowcount or 0)

    def read(self, *, actor: str | None = None, obj: str | None = None,
             since: float | None = None, until: float | None = None,
             limit: int = 1000) -> list[AuditRecord]:
        """Records newest first, filtered (an auditor's view)."""
        query = sa.select(AuditRow).where(AuditRow.site == self.site)
        if actor:
            query = query.where(AuditRow.actor == actor)
        if obj:
            query = query.where(AuditRow.object.contains(obj, autoescape=True))
        if since is not None:
            query = query.where(AuditRow.at >= since)
        if until is not None:
            query = query.where(AuditRow.at <= until)
        query = query.order_by(AuditRow.seq.desc()).limit(max(1, min(limit, 100_000)))
        with Session(self.engine) as session:
            return [as_record(r) for r in session.scalars(query)]


def open_trail(engine: Engine, site: str, key_file: str | None = None,
               clock: Callable[[], float] = time.time) -> AuditTrail:
    """The trail of ``site``, keyed by ``key_file`` (its head beside it) or by the default
    key in the secrets folder."""
    if key_file:
        return AuditTrail(engine, site, key=load_key(Path(key_file)),
                          head=ChainHead(Path(key_file).with_suffix(".head.json")), clock=clock)
    return AuditTrail(engine, site, clock=clock)


def default_head(key_file: str | None = None) -> ChainHead:
    if key_file:
        return ChainHead(Path(key_file).with_suffix(".head.json"))
    from app import paths

    return ChainHead(paths.secrets_dir() / "audit.head.json")


def as_record(row: AuditRow) -> AuditRecord:
    try:
        detail = json.loads(row.detail)
    except ValueError:
        detail = {"unreadable": row.detail[:200]}
    return AuditRecord(row.site, int(row.seq), float(row.at), row.actor, row.console,
                       row.action, row.object, row.outcome,
                       detail if isinstance(detail, dict) else {"value": detail},
                       row.prev_mac, row.mac)
