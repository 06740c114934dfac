"""``PartsRoom``: a ControlRoom on engine parts (an alarm book, a store, a dispatch runtime,
a camera manager) instead of a whole engine, for benchmarks and view tests: the views see
the same interface as on the real engine, and commands run through the real
CommandHandler. Without an audit trail it accepts only a demo session's commands."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

from app.alarms.learned import LearnedBands
from app.facade.handler import CommandHandler
from app.facade.local import RuntimeDispatchReader
from app.facade.room import IngestHealth, LearnedInfo, LinkState
from app.facade.session import DEMO_SESSION, Session
from app.listeners import Listeners
from app.scene.model import Scene, Site


class _Writer:
    engine = None

    def mark(self) -> int:
        return 0

    def wait_durable(self, mark: int, timeout: float | None = None) -> bool:
        return True


class PartsRoom:
    def __init__(self, *, book=None, store=None, scene: Scene | None = None,  # noqa: ANN001
                 dispatch=None, cameras=None, session: Session = DEMO_SESSION,  # noqa: ANN001
                 refresh_hz: float = 8.0) -> None:
        from app.alarms.book import AlarmBook
        from app.state.store import StateStore

        self.scene = scene or Scene(site=Site(name="测试小区"))
        self.store = store if store is not None else StateStore(self.scene.devices)
        self.alarms = book if book is not None else AlarmBook()
        self.session = session
        self.cameras = cameras
        self.operations = None
        self.dispatch = RuntimeDispatchReader(dispatch) if dispatch is not None else None
        self.clock = time.time
        self.refresh_hz = refresh_hz
        self.executed: list[object] = []
        self._events: Listeners[object] = Listeners("test room")
        self._subs = [self.alarms.subscribe(self._events.emit)]
        if dispatch is not None:
            self._subs.append(dispatch.subscribe(self._events.emit))
        if cameras is not None:
            self._subs.append(cameras.subscribe(self._events.emit))
        parts = SimpleNamespace(alarms=SimpleNamespace(book=self.alarms, learned=LearnedBands()),
                                store=self.store, scene=self.scene, dispatch=dispatch,
                                cameras=cameras, audit=None, users=None, writer=_Writer(),
                                training=False, ingest=None)
        self._handler = CommandHandler(parts)  # type: ignore[arg-type]

    def link(self) -> LinkState:
        return LinkState("simulator", True)

    def health(self) -> IngestHealth:
        return IngestHealth(time.time(), 0.0, {"received": 0, "accepted": 0, "rejected": 0,
                                               "parked": 0}, {}, {}, [], self.link())

    def learned(self, device_id: str, point: str) -> LearnedInfo:
        return LearnedInfo(False)

    def execute(self, command):  # noqa: ANN001, ANN201
        self.executed.append(command)
        return self._handler.execute(self.session, command)

    def subscribe(self, listener, *, weak: bool = False):  # noqa: ANN001, ANN201
        return self._events.subscribe(listener, weak=weak)

    def history(self, *args: object) -> list:
        return []

    def audit_records(self, query: object) -> list:
        return []

    def people(self) -> dict[str, str]:
        return {self.session.user: self.session.display_name}

    def export_evidence(self, event_id: str, out_dir: Path) -> Path:
        return self.cameras.export_evidence(event_id, Path(out_dir))

    def unlock(self, password: str) -> None:
        pass

    def close(self) -> None:
        for sub in self._subs:
            sub.close()
