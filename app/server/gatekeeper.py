"""Signing consoles in and out, and turning a token back into a Session, with every login,
failed login, logout and unlock in the audit trail.

No default account exists. When the server starts without an administrator it prints a
one-time setup token; the first console uses it to create the administrator (``setup``).
A user read from the database is trusted for ``USER_CACHE_S``, so a lock by an
administrator reaches that user's consoles within seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from app.api.wire import LoginAnswer, LoginRequest, SetupRequest
from app.facade.errors import CommandFailed, CommandRefused
from app.facade.session import Session
from app.security.passwords import PasswordPolicyError
from app.security.roles import Role
from app.security.sessions import SessionStore
from app.security.users import LoginRefused, SetupToken, User, UserError

if TYPE_CHECKING:
    from app.runtime.engine import Engine

log = logging.getLogger(__name__)

USER_CACHE_S = 5.0


class Gatekeeper:
    def __init__(self, engine: Engine, sessions: SessionStore,
                 setup: SetupToken | None = None) -> None:
        self.engine = engine
        self.sessions = sessions
        self.setup_token = setup
        self._users: dict[str, tuple[User | None, float]] = {}
        self._lock = threading.Lock()

    @property
    def users(self):  # noqa: ANN201
        assert self.engine.users is not None, "the engine is not started"
        return self.engine.users

    # ---- signing in ----------------------------------------------------------------------
    def login(self, request: LoginRequest, peer: str) -> LoginAnswer:
        console = _console(request.console, peer)
        try:
            user = self.users.authenticate(request.username, request.password)
        except LoginRefused as exc:
            self.engine.commands.audit_session(request.username, console, "login", "refused",
                                               why=str(exc))
            raise CommandRefused("login_refused", str(exc)) from None
        return self._open(user, console, "login")

    def setup(self, request: SetupRequest, peer: str) -> LoginAnswer:
        """Create the first administrator with the one-time token, and sign them in."""
        console = _console(request.console, peer)
        if self.setup_token is None or self.users.has_administrator():
            raise CommandRefused("setup_closed", "an administrator exists: sign in instead")
        if not self.setup_token.redeem(request.setup_token):
            self.engine.commands.audit_session(request.username, console, "setup", "refused",
                                               why="wrong setup token")
            raise CommandRefused("setup_refused", "wrong setup token")
        try:
            user = self.users.add(request.username, request.password, Role.ADMINISTRATOR,
                                  display_name=request.display_name)
        except (UserError, PasswordPolicyError) as exc:
            self.setup_token = SetupToken()  # the old one is spent: say the new one
            log.warning("administrator not created (%s); new one-time setup token: %s",
                        exc, self.setup_token.token)
            raise CommandFailed("setup_failed", str(exc)) from None
        self.setup_token = None
        return self._open(user, console, "setup")

    def _open(self, user: User, console: str, action: str) -> LoginAnswer:
        token = self.sessions.open(user.name, console)
        session = self._session(user, console)
        self.engine.commands.audit_session(user.name, console, action, "ok",
                                           role=user.role.value)
        return LoginAnswer(token, session)

    # ---- every request -------------------------------------------------------------------
    def session_for(self, token: str) -> Session | None:
        found = self.sessions.resolve(token)
        if found is None:
            return None
        name, console = found
        user = self._user(name)
        if user is None or user.locked(time.time()):
            return None
        return self._session(user, console)

    def _user(self, name: str) -> User | None:
        now = time.monotonic()
        with self._lock:
            cached = self._users.get(name)
        if cached is not None and now - cached[1] < USER_CACHE_S:
            return cached[0]
        user = self.users.get(name)
        with self._lock:
            self._users[name] = (user, now)
        return user

    def forget(self, name: str) -> None:
        """A user changed (locked, new password): read them again at the next request."""
        with self._lock:
            self._users.pop(name, None)

    def _session(self, user: User, console: str) -> Session:
        return Session(user=user.name, display_name=user.display_name, grant=user.grant,
                       console=console, training=bool(getattr(self.engine, "training", False)))

    # ---- signing out, idle unlock --------------------------------------------------------
    def logout(self, token: str, session: Session) -> None:
        self.sessions.close(token)
        self.engine.commands.audit_session(session.user, session.console, "logout", "ok")

    def unlock(self, session: Session, password: str) -> None:
        """A console locked after 10 idle minutes: the same user proves who they are."""
        try:
            self.users.authenticate(session.user, password)
        except LoginRefused as exc:
            self.engine.commands.audit_session(session.user, session.console, "unlock",
                                               "refused", why=str(exc))
            raise CommandRefused("login_refused", str(exc)) from None
        self.engine.commands.audit_session(session.user, session.console, "unlock", "ok")


def _console(named: str, peer: str) -> str:
    named = "".join(ch for ch in named if ch.isprintable())[:80]
    return f"{named}@{peer}" if named else peer
