"""Who controls a video wall, and which preset it shows: engine state, changed only by the
``wall.*`` commands (app/facade/commands.py), read by every wall and console.

One console at a time controls a wall: ``take`` while another console holds it fails with
who holds it and since when (``force`` hands it over, and the audit trail says so). Control
is a lease, renewed by every wall command of its holder: a console that crashed or was
forgotten loses it after ``LEASE_S`` without anyone having to clean up, and the wall goes
back to its schedule. While a console holds the wall its chosen preset shows; releasing the
wall gives it back to the schedule. Walls are named by the wall file's ``wall.id``.

The state is a msgspec Struct (``WallState``) streamed to consoles as ``Delta.extra["wall"]``;
walls and consoles judge lease expiry against their own clock, so no timer is needed here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import msgspec

from app.facade.errors import CommandFailed
from app.facade.session import Session
from app.listeners import Listeners, Subscription

LEASE_S = 30 * 60.0


class WallController(msgspec.Struct, frozen=True):
    user: str
    display_name: str
    console: str
    since: float
    until: float  # the lease ends here unless renewed


class WallStatus(msgspec.Struct, frozen=True):
    controller: WallController | None = None
    preset: str | None = None  # the console's choice; None = the schedule
    changed_at: float = 0.0

    def controlled(self, now: float) -> bool:
        return self.controller is not None and self.controller.until > now

    def held_by(self, session: Session, now: float) -> bool:
        c = self.controller
        return (self.controlled(now) and c is not None and c.user == session.user
                and c.console == session.console)


class WallState(msgspec.Struct, frozen=True):
    version: int = 0
    walls: dict[str, WallStatus] = {}

    def status(self, wall: str) -> WallStatus:
        return self.walls.get(wall) or WallStatus()


def state_to_builtins(state: WallState) -> dict:
    return msgspec.to_builtins(state)


def state_from_builtins(data: object) -> WallState:
    """A WallState from the stream; ValidationError for anything else."""
    return msgspec.convert(data, WallState)


class WallControl:
    def __init__(self, clock: Callable[[], float], *, lease_s: float = LEASE_S) -> None:
        self.clock = clock
        self.lease_s = lease_s
        self._lock = threading.Lock()
        self._state = WallState()
        self._listeners: Listeners[WallState] = Listeners("wall control")

    # ---- reading -------------------------------------------------------------------------
    def state(self) -> WallState:
        return self._state

    @property
    def version(self) -> int:
        return self._state.version

    def subscribe(self, listener: Callable[[WallState], None], *,
                  weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    # ---- the commands --------------------------------------------------------------------
    def take(self, session: Session, wall: str, *, force: bool = False) -> WallStatus:
        now = self.clock()
        with self._lock:
            status = self._state.status(wall)
            holder = status.controller
            if status.controlled(now) and not status.held_by(session, now) and not force:
                assert holder is not None
                raise CommandFailed(
                    "wall_controlled", f"the wall {wall} is controlled by {holder.user} at "
                    f"{holder.console}", by=holder.user, console=holder.console,
                    since=holder.since)
            keep = status.held_by(session, now)
            controller = WallController(
                session.user, session.display_name, session.console,
                since=holder.since if keep and holder is not None else now,
                until=now + self.lease_s)
            new = WallStatus(controller, status.preset if keep else None, now)
            state = self._put(wall, new)
        self._listeners.emit(state)
        return new

    def release(self, session: Session, wall: str) -> None:
        now = self.clock()
        with self._lock:
            status = self._state.status(wall)
            if not status.held_by(session, now):
                raise self._not_yours(wall, status, now)
            state = self._put(wall, WallStatus(None, None, now))
        self._listeners.emit(state)

    def set_preset(self, session: Session, wall: str, preset: str | None) -> WallStatus:
        now = self.clock()
        with self._lock:
            status = self._state.status(wall)
            if not status.held_by(session, now):
                raise self._not_yours(wall, status, now)
            assert status.controller is not None
            controller = msgspec.structs.replace(status.controller, until=now + self.lease_s)
            new = WallStatus(controller, preset, now)
            state = self._put(wall, new)
        self._listeners.emit(state)
        return new

    # ---- internals -----------------------------------------------------------------------
    def _put(self, wall: str, status: WallStatus) -> WallState:
        walls = dict(self._state.walls)
        walls[wall] = status
        self._state = WallState(self._state.version + 1, walls)
        return self._state

    @staticmethod
    def _not_yours(wall: str, status: WallStatus, now: float) -> CommandFailed:
        holder = status.controller if status.controlled(now) else None
        if holder is None:
            return CommandFailed("wall_not_controlled",
                                 f"take control of the wall {wall} first")
        return CommandFailed("wall_controlled", f"the wall {wall} is controlled by "
                             f"{holder.user} at {holder.console}", by=holder.user,
                             console=holder.console, since=holder.since)


class WallMirror:
    """A console's copy of the server's wall state, fed by the stream (``Delta.extra``)."""

    def __init__(self) -> None:
        self._state = WallState()

    def state(self) -> WallState:
        return self._state

    def update(self, data: object) -> bool:
        """Take a streamed state if it is newer (or the server restarted); True if so."""
        try:
            state = state_from_builtins(data)
        except msgspec.ValidationError:
            return False
        if state.version == self._state.version and state == self._state:
            return False
        self._state = state
        return True
