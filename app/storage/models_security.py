"""Tables of the security layer: users, and the HMAC-SM3 chained audit trail with its
daily checkpoints (app/security/audit.py writes and verifies them).

Registered on the same declarative ``Base`` as the rest of the schema (models.py imports
this module), so the migration check covers them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import Base


class UserRow(Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32))
    extra_permissions: Mapped[dict[str, Any]]  # {"granted": ["video.unmasked", ...]}
    scope: Mapped[dict[str, Any]]  # {"buildings": [...]|null, "cameras": [...]|null}
    password_hash: Mapped[str] = mapped_column(String(256))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[float | None]  # too many failures: locked until then
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)  # locked by an administrator
    created_at: Mapped[float]
    password_changed_at: Mapped[float]
    last_login_at: Mapped[float | None]


class ConsoleSessionRow(Base):
    """A signed-in console. Only the SM3 digest of the token is stored, so a copy of the
    database lets nobody sign in; sessions survive a server restart."""

    __tablename__ = "console_sessions"

    token_sm3: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64))
    console: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[float]
    last_seen: Mapped[float]
    expires_at: Mapped[float]


class AuditRow(Base):
    """One audited action. ``mac`` = HMAC-SM3(key, the record's fields and ``prev_mac``)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_site_at", "site", "at"),)

    site: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[float]
    actor: Mapped[str] = mapped_column(String(64))
    console: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    object: Mapped[str] = mapped_column(String(256))
    outcome: Mapped[str] = mapped_column(String(16))  # ok | refused | failed
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class AuditCheckpointRow(Base):
    """The chain's state at the end of a day (kind "daily") or where records older than the
    retention period were removed (kind "purge": verification starts there)."""

    __tablename__ = "audit_checkpoints"

    site: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # local date, YYYY-MM-DD
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_mac: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[float]
    mac: Mapped[str] = mapped_column(String(64))
