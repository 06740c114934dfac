"""``LocalControlRoom``: the ControlRoom interface on the engine in this process.

The embedded demo, a one-PC compound and training run their views on it. Reads go straight
to the engine's own objects (the store, the alarm book, the dispatch runtime, the camera
manager: all safe to read from the GUI thread); every command goes through the engine's
``CommandHandler`` with this room's session, so the desk is authorised and audited exactly
like a remote console.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from sqlalchemy.exc import SQLAlchemyError

from app.dispatch.orders import Sla
from app.dispatch.runtime_view import DispatchSnapshot
from app.domain.model import Vec3
from app.facade.commands import Command, ExportEvidence
from app.facade.errors import CommandFailed, CommandRefused
from app.facade.handler import CommandResult
from app.facade.operations import LocalOperations
from app.facade.room import AuditQuery, IngestHealth, LearnedInfo, LinkState
from app.facade.session import Session
from app.listeners import Listeners, Subscription
from app.security.audit import AuditRecord
from app.security.roles import Permission
from app.storage import queries as stored
from app.storage.queries import HistoryPoint

if TYPE_CHECKING:
    from app.runtime.engine import Engine


class RuntimeDispatchReader:
    def __init__(self, runtime) -> None:  # noqa: ANN001 (a DispatchRuntime)
        self._runtime = runtime

    def snapshot(self) -> DispatchSnapshot:
        return self._runtime.snapshot()

    def route(self, tech_id: str, order_id: str) -> list[Vec3]:
        return self._runtime.route(tech_id, order_id)

    @property
    def sla(self) -> Mapping[int, Sla]:
        return self._runtime.service.config.sla


log = logging.getLogger(__name__)

def source_label(engine: Engine) -> str:
    return "training" if getattr(engine, "training", False) else engine.source.name


#: how long a room keeps the user directory before reading it again
PEOPLE_TTL_S = 30.0


def link_of(engine: Engine) -> LinkState:
    status = engine.source.status()
    return LinkState(source=source_label(engine), connected=status.connected,
                     detail=status.detail)


def health_of(engine: Engine) -> IngestHealth:
    ingest = engine.ingest
    now = engine.clock()  # the rate meter counts in engine time (a training player's too)
    rejects, samples, unknown = ingest.ledger.snapshot()
    return IngestHealth(at=engine.clock(), rate_per_s=ingest.rate.rate(now),
                        counts=ingest.counts(), rejects=dict(rejects), samples=dict(samples),
                        unknown=list(unknown), link=link_of(engine))


def people_of(engine: Engine, session: Session) -> dict[str, str]:
    """Login → display name of every user, and of this session (the demo's, a trainee's).
    Screens name people by the name they go by ("王静", not "wangjing"); the login stays the
    identity in the audit trail, the alarm history and the orders."""
    users = engine.users
    try:
        people = {u.name: u.display_name for u in users.list()} if users is not None else {}
    except SQLAlchemyError as exc:  # the database away: names fall back to logins
        log.warning("user directory unreadable, showing logins: %s", exc)
        people = {}
    people[session.user] = session.display_name
    return people


def learned_of(engine: Engine, device_id: str, point: str) -> LearnedInfo:
    device = engine.store.device(device_id)
    if device is None:
        return LearnedInfo(False)
    rule = next((r for r in engine.alarms.rules(device).limits
                 if r.point == point and r.learned), None)
    if rule is None:
        return LearnedInfo(False)
    learned = engine.alarms.learned
    now = engine.clock()
    return LearnedInfo(True, band=learned.band(device_id, point, now, (rule.ll, rule.hh)),
                       samples=learned.samples(device_id, point, now),
                       warmup=learned.config.warmup_samples,
                       frozen=learned.is_frozen(device_id, point))


def check_password(engine: Engine, session: Session, password: str, action: str) -> None:
    from app.security.users import LoginRefused

    assert engine.users is not None, "the engine is not started"
    try:
        engine.users.authenticate(session.user, password)
    except LoginRefused as exc:
        engine.commands.audit_session(session.user, session.console, action, "refused",
                                      why=str(exc))
        raise CommandRefused("login_refused", str(exc)) from None
    engine.commands.audit_session(session.user, session.console, action, "ok")


def local_sign_in(engine: Engine, username: str, password: str, console: str) -> Session:
    """Sign in at the desk of a one-PC control room (the engine in this process)."""
    from app.security.users import LoginRefused

    assert engine.users is not None, "the engine is not started"
    try:
        user = engine.users.authenticate(username, password)
    except LoginRefused as exc:
        engine.commands.audit_session(username, console, "login", "refused", why=str(exc))
        raise CommandRefused("login_refused", str(exc)) from None
    engine.commands.audit_session(user.name, console, "login", "ok", role=user.role.value)
    return Session(user=user.name, display_name=user.display_name, grant=user.grant,
                   console=console, training=bool(getattr(engine, "training", False)))


class LocalControlRoom:
    def __init__(self, engine: Engine, session: Session) -> None:
        self.engine = engine
        self.session = session
        self.scene = engine.scene
        self.store = engine.store
        self.alarms = engine.alarms.book
        self.cameras = engine.cameras if engine.config.cameras.enabled else None
        self.clock: Callable[[], float] = engine.clock
        self.refresh_hz = engine.config.ui.refresh_hz
        self._events: Listeners[object] = Listeners("control room")
        self._subs: list[Subscription] = [
            engine.alarms.book.subscribe(self._events.emit),
        ]
        if self.cameras is not None:
            self._subs.append(self.cameras.subscribe(self._events.emit))
        #: the video walls' control state (read like the store; changes are emitted as
        #: ``{"wall": …}``, the form a console receives them in from its server)
        self.wall = engine.wall
        self._subs.append(engine.wall.subscribe(self._on_wall))
        self._dispatch: RuntimeDispatchReader | None = None
        self._people: tuple[float, dict[str, str]] | None = None
        self.operations = (LocalOperations(engine, session)
                           if getattr(engine, "operations", None) is not None else None)
        #: the newest value of each extra stream ({"training": …}), as a server sends them
        self.extra: dict[str, Any] = {}
        control = getattr(engine, "training_control", None)
        if control is not None:
            self.extra["training"] = msgspec.to_builtins(control.status())
            self._subs.append(control.subscribe(self._on_training))

    @property
    def dispatch(self) -> RuntimeDispatchReader | None:
        # the runtime is built when the engine starts (it needs the database)
        if self._dispatch is None and self.engine.dispatch is not None:
            self._dispatch = RuntimeDispatchReader(self.engine.dispatch)
            self._subs.append(self.engine.dispatch.subscribe(self._events.emit))
        return self._dispatch

    def _on_training(self, status: object) -> None:
        extra = {"training": msgspec.to_builtins(status)}
        self.extra.update(extra)
        self._events.emit(extra)

    def _on_wall(self, state) -> None:  # noqa: ANN001 (a WallState)
        from app.wall.control import state_to_builtins

        self._events.emit({"wall": state_to_builtins(state)})

    def link(self) -> LinkState:
        return link_of(self.engine)

    def health(self) -> IngestHealth:
        return health_of(self.engine)

    def learned(self, device_id: str, point: str) -> LearnedInfo:
        return learned_of(self.engine, device_id, point)

    def execute(self, command: Command) -> CommandResult:
        return self.engine.commands.execute(self.session, command)

    def subscribe(self, listener: Callable[[object], None], *,
                  weak: bool = False) -> Subscription:
        self.dispatch  # noqa: B018 (make sure dispatch events are wired once it exists)
        return self._events.subscribe(listener, weak=weak)

    def history(self, device_id: str, point: str, since: float,
                until: float) -> list[HistoryPoint]:
        if self.engine.writer.engine is None:
            return []
        return stored.history(self.engine.writer.engine, self.engine.scheme.site, device_id,
                              point, since, until)

    def audit_records(self, query: AuditQuery) -> list[AuditRecord]:
        if not self.session.may(Permission.VIEW_AUDIT):
            raise CommandRefused("permission", "viewing the audit trail needs audit.view")
        trail = self.engine.audit
        if trail is None:
            return []
        self.engine.commands.audit_view(self.session, "audit.view", "audit",
                                        **{k: v for k, v in
                                           (("actor", query.actor), ("object", query.object))
                                           if v})
        return trail.read(actor=query.actor, obj=query.object, since=query.since,
                          until=query.until, limit=query.limit)

    def people(self) -> Mapping[str, str]:
        now = time.monotonic()  # a user added or renamed shows within PEOPLE_TTL_S
        if self._people is None or now - self._people[0] > PEOPLE_TTL_S:
            self._people = (now, people_of(self.engine, self.session))
        return self._people[1]

    def export_evidence(self, event_id: str, out_dir: Path) -> Path:
        result = self.execute(ExportEvidence(event_id=event_id))
        made = Path(result.data["path"])
        out_dir = Path(out_dir)
        if made.parent == out_dir:
            return made
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / made.name
        try:
            target.write_bytes(made.read_bytes())
        except OSError as exc:
            raise CommandFailed("export_write", f"cannot write {target}: {exc}") from None
        return target

    def unlock(self, password: str) -> None:
        """The console locked itself after idling: the same user proves who they are."""
        if self.session.demo:
            return
        check_password(self.engine, self.session, password, "unlock")

    def close(self) -> None:
        for sub in self._subs:
            sub.close()
        self._subs.clear()
