"""The user directory: accounts in the database, authentication with lockout.

- No default account exists: the first administrator is created from the terminal
  (``control-room users add NAME --role administrator``) or with the one-time setup token a
  server prints at its first start (``SetupToken``).
- 5 failed logins lock an account for 30 minutes; an administrator may lock an account
  until they unlock it (``disabled``).
- Names are short identifiers (Chinese characters allowed); a display name is free text,
  shown as plain text everywhere.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.security.passwords import (
    dummy_hash,
    hash_password,
    needs_rehash,
    verify_password,
)
from app.security.roles import Grant, Permission, Role, Scope, parse_permission
from app.storage.models_security import UserRow

MAX_FAILURES = 5
LOCKOUT_S = 30 * 60.0
#: letters (any script, so 张伟 works), digits, and . _ - ; at most 64
NAME_PATTERN = re.compile(r"^[^\W_][\w.\-]{0,63}$")


class UserError(ValueError):
    """A user-management request that cannot be done; one line for the administrator."""


class LoginRefused(Exception):
    """Why a login failed, worded for the person at the console (never says whether the
    name exists: 'wrong name or password')."""


class User(msgspec.Struct, frozen=True):
    name: str
    display_name: str
    role: Role
    extra: frozenset[Permission]
    scope: Scope
    disabled: bool
    locked_until: float | None
    failed_logins: int
    created_at: float
    last_login_at: float | None

    @property
    def grant(self) -> Grant:
        return Grant(self.role, self.extra, self.scope)

    def locked(self, now: float) -> bool:
        return self.disabled or (self.locked_until is not None and now < self.locked_until)


def check_name(name: str) -> str:
    name = name.strip()
    if not NAME_PATTERN.match(name):
        raise UserError(f"user name {name!r} is not allowed: 1–64 letters, digits, '.', '_' "
                        "or '-', starting with a letter or digit")
    return name


def _user(row: UserRow) -> User:
    scope = row.scope or {}
    return User(
        name=row.name, display_name=row.display_name, role=Role(row.role),
        extra=frozenset(Permission(p) for p in (row.extra_permissions or {}).get("granted", [])),
        scope=Scope(
            buildings=None if scope.get("buildings") is None else frozenset(scope["buildings"]),
            cameras=None if scope.get("cameras") is None else frozenset(scope["cameras"])),
        disabled=row.disabled, locked_until=row.locked_until, failed_logins=row.failed_logins,
        created_at=row.created_at, last_login_at=row.last_login_at)


class UserDirectory:
    def __init__(self, engine: Engine, *, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.clock = clock
        self._lock = threading.Lock()  # failure counting is read-modify-write

    # ---- reading -------------------------------------------------------------------------
    def get(self, name: str) -> User | None:
        row = self._row(name)
        return _user(row) if row is not None else None

    def list(self) -> list[User]:
        from sqlalchemy.orm import Session

        with Session(self.engine) as session:
            return [_user(r) for r in session.scalars(sa.select(UserRow).order_by(UserRow.name))]

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(UserRow)).scalar_one())

    def has_administrator(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(UserRow.name).where(
                UserRow.role == Role.ADMINISTRATOR.value,
                UserRow.disabled.is_(False))).first() is not None

    # ---- administration ------------------------------------------------------------------
    def add(self, name: str, password: str, role: Role, *, display_name: str = "",
            extra: Iterable[Permission | str] = (), buildings: Iterable[str] | None = None,
            cameras: Iterable[str] | None = None) -> User:
        name = check_name(name)
        display = (display_name or name).strip()[:128]
        granted = sorted({parse_permission(str(p)).value for p in extra})
        now = self.clock()
        row = UserRow(name=name, display_name=display, role=Role(role).value,
                      extra_permissions={"granted": granted},
                      scope={"buildings": None if buildings is None else sorted(set(buildings)),
                             "cameras": None if cameras is None else sorted(set(cameras))},
                      password_hash=hash_password(password), failed_logins=0,
                      locked_until=None, disabled=False, created_at=now,
                      password_changed_at=now, last_login_at=None)
        from sqlalchemy.orm import Session

        with Session(self.engine) as session, session.begin():
            if session.get(UserRow, name) is not None:
                raise UserError(f"user {name!r} already exists")
            session.add(row)
        return self.get(name)  # type: ignore[return-value]

    def set_password(self, name: str, password: str) -> None:
        digest = hash_password(password)  # policy first: nothing changes on a weak one
        self._update(name, password_hash=digest, password_changed_at=self.clock(),
                     failed_logins=0, locked_until=None)

    def lock(self, name: str) -> None:
        self._update(name, disabled=True)

    def unlock(self, name: str) -> None:
        """Lift an administrator's lock and a lockout after failures."""
        self._update(name, disabled=False, failed_logins=0, locked_until=None)

    def _update(self, name: str, **values: object) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(sa.update(UserRow).where(UserRow.name == name).values(**values))
        if done.rowcount == 0:
            raise UserError(f"no user {name!r}")

    # ---- login ---------------------------------------------------------------------------
    def authenticate(self, name: str, password: str) -> User:
        """The user when the password is right and the account is usable; else
        ``LoginRefused``. Failures are counted; the 5th locks the account for 30 min."""
        now = self.clock()
        with self._lock:
            user_row = self._row(name)
            if user_row is None:
                verify_password(dummy_hash(), password)  # the same cost as a real check
                raise LoginRefused("wrong user name or password")
            user = _user(user_row)
            if user.disabled:
                raise LoginRefused("this account is locked; ask an administrator")
            if user.locked(now):
                minutes = max(1, round((user.locked_until - now) / 60))  # type: ignore[operator]
                raise LoginRefused(f"too many failed logins: locked for {minutes} more "
                                   "minutes")
            if not verify_password(user_row.password_hash, password):
                failures = user_row.failed_logins + 1
                locked_until = now + LOCKOUT_S if failures >= MAX_FAILURES else None
                self._update(name, failed_logins=0 if locked_until else failures,
                             locked_until=locked_until)
                if locked_until:
                    raise LoginRefused("too many failed logins: locked for 30 minutes")
                raise LoginRefused("wrong user name or password")
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None,
                                         "last_login_at": now}
            if needs_rehash(user_row.password_hash):
                values["password_hash"] = hash_password(password)
            self._update(name, **values)
        return msgspec.structs.replace(user, failed_logins=0, locked_until=None,
                                       last_login_at=now)

    def _row(self, name: str) -> UserRow | None:
        from sqlalchemy.orm import Session

        with Session(self.engine) as session:
            row = session.get(UserRow, name)
            if row is not None:
                session.expunge(row)
            return row


class SetupToken:
    """A one-time token that lets the first administrator be created from a console, when
    the server starts with no administrator. Held in memory only; used once."""

    def __init__(self) -> None:
        self._token: str | None = secrets.token_urlsafe(18)
        self._lock = threading.Lock()

    @property
    def token(self) -> str | None:
        return self._token

    def redeem(self, offered: str) -> bool:
        with self._lock:
            if self._token is None or not secrets.compare_digest(offered, self._token):
                return False
            self._token = None
            return True
