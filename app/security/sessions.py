"""Console sessions: a random token per sign-in, its SM3 digest in the database.

A session ends at logout, after ``IDLE_S`` without any request or stream from its console,
or ``LIFETIME_S`` after sign-in (a shift and a half), whichever comes first. Tokens survive a
server restart (consoles resynchronise without signing in again); a stolen database copy
holds only digests.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable

import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes
from sqlalchemy.engine import Engine

from app.storage.models_security import ConsoleSessionRow

IDLE_S = 60 * 60.0
LIFETIME_S = 16 * 3600.0
TOUCH_EVERY_S = 60.0  # last_seen is written at most this often per session
CACHE_S = 10.0  # a session read from the database is trusted this long


def _digest(token: str) -> str:
    h = hashes.Hash(hashes.SM3())
    h.update(token.encode("utf-8", "replace"))
    return h.finalize().hex()


class SessionStore:
    def __init__(self, engine: Engine, *, clock: Callable[[], float] = time.time,
                 idle_s: float = IDLE_S, lifetime_s: float = LIFETIME_S) -> None:
        self.engine = engine
        self.clock = clock
        self.idle_s, self.lifetime_s = idle_s, lifetime_s
        self._touched: dict[str, float] = {}
        #: digest → (user, console, expires_at, read_at): frame pulls need no database read
        self._cache: dict[str, tuple[str, str, float, float]] = {}
        self._lock = threading.Lock()

    def open(self, user_name: str, console: str) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self.engine.begin() as conn:
            conn.execute(sa.insert(ConsoleSessionRow).values(
                token_sm3=_digest(token), user_name=user_name, console=console[:128],
                created_at=now, last_seen=now, expires_at=now + self.lifetime_s))
            # sessions that ended long ago are removed on the way
            conn.execute(sa.delete(ConsoleSessionRow).where(
                ConsoleSessionRow.expires_at < now - 86400))
        return token

    def resolve(self, token: str) -> tuple[str, str] | None:
        """(user name, console) of a live session, else None. Counts as activity."""
        if not token or len(token) > 256:
            return None
        key = _digest(token)
        now = self.clock()
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None and now - cached[3] < CACHE_S:
            user, console, expires_at, _ = cached
            last_seen = 0.0
        else:
            with self.engine.connect() as conn:
                row = conn.execute(sa.select(
                    ConsoleSessionRow.user_name, ConsoleSessionRow.console,
                    ConsoleSessionRow.last_seen, ConsoleSessionRow.expires_at)
                    .where(ConsoleSessionRow.token_sm3 == key)).first()
            if row is None:
                return None
            user, console, last_seen, expires_at = row
            with self._lock:
                self._cache[key] = (user, console, expires_at, now)
        seen = max(last_seen, self._touched.get(key, 0.0))
        if now >= expires_at or now - seen > self.idle_s:
            self.close(token)
            return None
        self.touch(key, now)
        return user, console

    def touch(self, key: str, now: float) -> None:
        with self._lock:
            due = now - self._touched.get(key, 0.0) >= TOUCH_EVERY_S
            self._touched[key] = now
        if due:
            with self.engine.begin() as conn:
                conn.execute(sa.update(ConsoleSessionRow)
                             .where(ConsoleSessionRow.token_sm3 == key).values(last_seen=now))

    def close(self, token: str) -> None:
        key = _digest(token)
        with self._lock:
            self._touched.pop(key, None)
            self._cache.pop(key, None)
        with self.engine.begin() as conn:
            conn.execute(sa.delete(ConsoleSessionRow).where(ConsoleSessionRow.token_sm3 == key))

    def close_user(self, user_name: str) -> None:
        """A locked account: its consoles are signed out."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(ConsoleSessionRow)
                         .where(ConsoleSessionRow.user_name == user_name))
        with self._lock:
            self._cache = {k: v for k, v in self._cache.items() if v[0] != user_name}
