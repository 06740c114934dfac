"""The storage writer: one thread that turns ingest events into batched, idempotent commits.

Hot path: ``submit(events)`` runs on the ingest thread and never waits for the database. It
keeps the events storage stores and hands them to the ``Backlog`` (see ``backlog``), which
owns the queue, the spill journal and the durability watermark: memory while the database
keeps up, the journal while it is behind or down, and — when neither the database nor the
journal can take anything (a full disk) — memory again, *not* durable, so the MQTT source
stops acknowledging and the broker keeps the messages until storage recovers.

The worker (``StorageWriterWorker``, ``worker.WorkerLoop``) commits a batch when it holds
``batch_rows`` rows or is ``flush_interval_s`` old. A commit that fails for a transient
reason (locked, disconnected, server down, disk full) is retried with backoff, the batch
kept; one the database refuses as invalid is retried row by row and the bad rows are
counted (``bad_rows``), so a poison row cannot block the stream. ``stats()`` and
``health()`` report all of it.

Durability watermark: every ``submit`` (a *group* of records) gets a number; ``mark()``
covers everything submitted so far and ``durable_mark()`` is the highest number up to which
every group is durable — committed, or appended to the spill journal (written to the OS),
or settled with nothing to write (deadband, refused rows). The MQTT source acknowledges a
message only once the mark taken after handing it over is durable (docs/storage.md), so a
crash or a full disk never loses a message the broker considers delivered.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec
from sqlalchemy.engine import Engine

from app import paths
from app.config.model import DatabaseConfig
from app.ingest import events as ev
from app.storage import rows as r
from app.storage.backlog import Backlog
from app.storage.compact import compact as compact_database
from app.storage.database import DEFAULT_SITE, open_database, parse_url
from app.storage.journal import SpillJournal
from app.storage.volume import DeadbandFilter, VolumePolicy

log = logging.getLogger(__name__)


_STORED = (ev.TelemetryReceived, ev.DeviceEventReceived, ev.MetaReceived,
           ev.GatePassReceived, r.TableRows)
JOURNAL_TYPES = {cls.__name__: cls for cls in _STORED}


def default_journal_path(url: str, site: str) -> Path:
    """One journal per database and site: two compounds writing to one database (or one
    SQLite file) must never replay each other's records."""
    parsed = parse_url(url)
    name = parsed.render_as_string(hide_password=True)
    key = hashlib.sha1(f"{name}\n{site}".encode()).hexdigest()[:12]
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(f"{parsed.database}-spill-{key}.jsonl")
    return paths.user_data_dir() / f"storage-spill-{key}.jsonl"


def legacy_journal_path(url: str) -> Path:
    """Where the journal was before sites (revision 0003): adopted by the first writer."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(f"{parsed.database}-spill.jsonl")
    key = hashlib.sha1(parsed.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return paths.user_data_dir() / f"storage-spill-{key}.jsonl"


class StorageHealth(msgspec.Struct, frozen=True):
    """Can storage keep what arrives? What the health alarm and the panels show.

    ``ok``: the database keeps up. ``spilling``: it is behind or away, the journal keeps
    everything (acknowledgements flow). ``blocked``: neither the database nor the journal
    takes records; ``held`` messages wait in memory, unacknowledged (the broker keeps the
    rest). ``dropped``: messages lost, only ever by a writer nobody acknowledges on."""

    state: Literal["ok", "spilling", "blocked"]
    held: int = 0
    dropped: int = 0
    since: float | None = None  # monotonic seconds when the block began
    reason: str = ""


class StorageWriter:
    def __init__(self, url: str | None, config: DatabaseConfig, *, site: str = DEFAULT_SITE,
                 policy: VolumePolicy | None = None, max_queued: int = 50_000,
                 max_held: int | None = None, journal_path: Path | None = None,
                 max_journal_bytes: int = 1 << 30, reject_every_s: float = 60.0,
                 compact_every_s: float = 3600.0, busy_timeout_ms: int = 5000,
                 clock: Callable[[], float] = time.time) -> None:
        """``site``: the compound every row written belongs to. ``max_held``: records kept in
        memory while blocked before a writer that nobody acknowledges on drops (default
        4 x ``max_queued``)."""
        self.url = url if url is not None else config.url
        self.config = config
        self.site = site
        self.reject_every_s = reject_every_s
        self.compact_every_s = compact_every_s
        self._busy_timeout_ms = busy_timeout_ms
        self._journal_path = journal_path
        self._max_journal_bytes = max_journal_bytes
        self._clock = clock
        self.filter = DeadbandFilter(policy)
        self.engine: Engine | None = None
        self.backlog = Backlog(max_queued=max_queued,
                               max_held=max_held if max_held is not None else 4 * max_queued)
        self._stop = threading.Event()
        self._deadline = float("inf")
        self._thread: threading.Thread | None = None
        self._ledger: Any = None
        self._idle = threading.Event()
        # written by the worker thread only; read (racily, as ints) by stats()
        self.counters = dict(written=0, readings_written=0, bad_rows=0, errors=0,
                             compacted_rows=0)
        self.last_error: str | None = None
        self._commits: deque[tuple[float, int]] = deque(maxlen=64)

    @property
    def max_queued(self) -> int:
        return self.backlog.max_queued

    @property
    def journal(self) -> SpillJournal | None:
        return self.backlog.journal

    # ---- lifecycle -----------------------------------------------------------------------
    def start(self) -> None:
        """Open (create or migrate) the database and start the worker. Raises StorageError."""
        if self._thread is not None:
            return
        self.engine = open_database(self.url, busy_timeout_ms=self._busy_timeout_ms,
                                    site=self.site)
        url = self.engine.url.render_as_string(hide_password=False)
        path = self._journal_path or default_journal_path(url, self.site)
        legacy = legacy_journal_path(url)
        if self._journal_path is None and legacy.exists() and not path.exists():
            legacy.rename(path)  # left before sites existed: its rows are ours, as in 0003
        journal = SpillJournal(path, JOURNAL_TYPES, self._max_journal_bytes)
        if journal.pending:  # left by a crash or a stop with the database down
            log.warning("replaying %d records spilled to %s", journal.pending, path)
        self.backlog.open_journal(journal)
        self._stop.clear()
        self._deadline = float("inf")
        self._thread = threading.Thread(target=self._run, name="StorageWriterWorker",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> bool:
        """Commit everything queued and join the worker. If the database still refuses
        writes after ``timeout`` seconds, what is left goes to the journal (replayed on the
        next start). True if everything reached the database."""
        if self._thread is None:
            return True
        self._deadline = time.monotonic() + timeout
        self._stop.set()
        # the worker re-checks the deadline between statements; a statement waits at most
        # the busy/lock timeout, so this join is bounded unless the server hangs mid-call
        self._thread.join(timeout + self._busy_timeout_ms / 1000 + 30)
        if self._thread.is_alive():
            log.error("the storage writer did not stop in time; the database is hung")
            return False
        self._thread = None
        assert self.engine is not None
        clean = self.backlog.drained()
        self.backlog.close_journal()
        self.engine.dispose()
        return clean

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything submitted so far is committed (tests, shutdown checks)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self._idle.clear()
            if self.backlog.drained():
                return True
            self._idle.wait(0.02)
        return self.backlog.drained()

    # ---- producers (any thread; never blocks on the database) ----------------------------
    def submit(self, events: Iterable[object]) -> None:
        records = [e for e in events if isinstance(e, _STORED)]
        if records:
            self.backlog.put(records)

    def attach_ledger(self, ledger: Any) -> None:
        """Store the ingest RejectLedger's counts periodically (one row per reason)."""
        self._ledger = ledger

    def register_devices(self, devices: Iterable[Any]) -> None:
        """Upsert domain Devices (the scene's) so the database knows them and their units."""
        now = self._clock()
        rows = [r.device_row(d.id, d.kind, d.name, d.location,
                             {p: s.unit for p, s in d.points.items()}, now) for d in devices]
        if rows:
            self.backlog.put([r.TableRows("devices", rows)])

    def save_alarm(self, alarm: object, transition: Mapping[str, Any] | None = None) -> None:
        row = r.alarm_row(alarm)
        records: list[object] = [r.TableRows("alarms", [row])]
        if transition is not None:
            records.append(r.TableRows("alarm_transitions", [r.transition_row(row["id"],
                                                                            transition)]))
        self.backlog.put(records)

    def save_work_order(self, order: object, event: Mapping[str, Any] | None = None) -> None:
        row = r.work_order_row(order)
        records: list[object] = [r.TableRows("work_orders", [row])]
        if event is not None:
            records.append(r.TableRows("work_order_events", [r.order_event_row(row["id"],
                                                                             event)]))
        self.backlog.put(records)

    # ---- the durability watermark (any thread): the MQTT source's DurabilityBarrier -------
    def mark(self) -> int:
        """The number covering every group submitted so far (0 before the first)."""
        return self.backlog.mark()

    def durable_mark(self) -> int:
        """The highest number such that every group up to it is durable; never decreases."""
        return self.backlog.durable_mark()

    def add_durable_listener(self, callback: Callable[[int], None]) -> None:
        """``callback(durable_mark)`` after the mark advances, on the thread that advanced
        it (the writer worker, or a submitter whose group went to the journal): keep it
        short and non-blocking, e.g. set an Event. A writer with a listener never drops."""
        self.backlog.add_durable_listener(callback)

    def wait_durable(self, mark: int, timeout: float | None = None) -> bool:
        """Block until ``durable_mark() >= mark``; True if it happened within ``timeout``."""
        return self.backlog.wait_durable(mark, timeout)

    # ---- reporting -----------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.counters)
        out.update(msgspec.structs.asdict(self.backlog.state()))
        out["skipped_deadband"] = self.filter.skipped
        out["last_error"] = self.last_error
        out["rows_per_s"] = self._rate()
        return out

    def health(self) -> StorageHealth:
        """Whether storage keeps what arrives (see ``StorageHealth``)."""
        state = self.backlog.state()
        if state.journal_error is not None:
            reason = f"spill journal: {state.journal_error}"
            if self.last_error:
                reason = f"database: {self.last_error}; {reason}"
            return StorageHealth("blocked", state.held, state.dropped, state.held_since,
                                 reason)
        if state.spilling:
            return StorageHealth("spilling", 0, state.dropped, None, self.last_error or "")
        return StorageHealth("ok", 0, state.dropped)

    def _rate(self) -> float:
        commits = list(self._commits)
        if len(commits) < 2:
            return 0.0
        span = commits[-1][0] - commits[0][0]
        return sum(n for _, n in commits[1:]) / span if span > 0 else 0.0

    def compact(self, now: float | None = None) -> int:
        """Fold raw readings older than the raw retention into 1-minute aggregates; returns
        the raw rows folded. The worker runs it every ``compact_every_s``."""
        assert self.engine is not None, "start() first"
        now = self._clock() if now is None else now
        cutoff = now - self.config.raw_retention_days * 86400.0
        folded = compact_database(self.engine, cutoff, self.site)
        self.counters["compacted_rows"] += folded
        return folded

    # ---- the worker ----------------------------------------------------------------------
    def _run(self) -> None:
        from app.storage.worker import WorkerLoop

        WorkerLoop(self).run()
