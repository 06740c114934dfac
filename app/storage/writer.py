"""The storage writer: one thread that turns ingest events into batched, idempotent commits.

Hot path: ``submit(events)`` runs on the ingest thread and never waits for the database. It
filters the events storage keeps and puts them on an in-memory queue holding at most
``max_queued`` records. When the database stalls and the queue is full, the writer switches
to spilling: new records are appended to a local journal file (see ``journal``) instead of
growing memory, and the worker replays the file, in order, once the database takes writes
again. Memory is bounded by the queue plus one batch; nothing acknowledged is dropped unless
the journal itself reaches its size limit, which is counted (``dropped``) and reported.

The worker (``StorageWriterWorker``) commits a batch when it holds ``batch_rows`` rows or is
``flush_interval_s`` old. A commit that fails for a transient reason (locked, disconnected,
server down) is retried with backoff, the batch kept; one the database refuses as invalid
is retried row by row and the bad rows are counted (``bad_rows``), so a poison row cannot
block the stream. ``stats()`` reports all of it for the ingest health panel.

Durability watermark: every ``submit`` (a *group* of records) gets a sequence number;
``mark()`` is the number covering everything submitted so far and ``durable_mark()`` the
highest number such that every group up to it is durable — committed to the database, or
appended to the spill journal (flushed to the OS), or settled with nothing to write
(deadband, refused rows, counted drops). The MQTT source acknowledges a message only once
the mark taken after handing it over is durable (see docs/storage.md), so a crash never
loses a message the broker considers delivered. ``add_durable_listener`` wakes such waiters.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import paths
from app.config.model import DatabaseConfig
from app.ingest import events as ev
from app.storage import rows as r
from app.storage.compact import compact as compact_database
from app.storage.database import open_database, parse_url
from app.storage.journal import JournalFull, SpillJournal
from app.storage.volume import DeadbandFilter, VolumePolicy

log = logging.getLogger(__name__)


_STORED = (ev.TelemetryReceived, ev.DeviceEventReceived, ev.MetaReceived,
           ev.GatePassReceived, r.TableRows)
JOURNAL_TYPES = {cls.__name__: cls for cls in _STORED}


def default_journal_path(url: str) -> Path:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(f"{parsed.database}-spill.jsonl")
    key = hashlib.sha1(parsed.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return paths.user_data_dir() / f"storage-spill-{key}.jsonl"


class StorageWriter:
    def __init__(self, url: str | None, config: DatabaseConfig, *,
                 policy: VolumePolicy | None = None, max_queued: int = 50_000,
                 journal_path: Path | None = None, max_journal_bytes: int = 1 << 30,
                 reject_every_s: float = 60.0, compact_every_s: float = 3600.0,
                 busy_timeout_ms: int = 5000, clock: Callable[[], float] = time.time) -> None:
        self.url = url if url is not None else config.url
        self.config = config
        self.max_queued = max_queued
        self.reject_every_s = reject_every_s
        self.compact_every_s = compact_every_s
        self._busy_timeout_ms = busy_timeout_ms
        self._journal_path = journal_path
        self._max_journal_bytes = max_journal_bytes
        self._clock = clock
        self.filter = DeadbandFilter(policy)
        self.engine: Engine | None = None
        self.journal: SpillJournal | None = None
        # (seq, records): the seq settles the group once the worker has committed it
        self._queue: queue.SimpleQueue[tuple[int, list[object]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._last_seq = 0
        # seqs of groups held in memory (queue or the worker's open batch), oldest first:
        # the durable mark is just below the oldest of them
        self._unsettled: deque[int] = deque()
        self._durable_changed = threading.Condition(self._lock)
        self._durable_listeners: list[Callable[[int], None]] = []
        self._queued = 0
        self._spilling = False
        self._stop = threading.Event()
        self._deadline = float("inf")
        self._thread: threading.Thread | None = None
        self._ledger: Any = None
        self._idle = threading.Event()
        self._worker_batch_empty = True  # the worker holds no uncommitted rows
        self.counters = dict(written=0, readings_written=0, spilled=0, dropped=0,
                             bad_rows=0, errors=0, compacted_rows=0)
        self.last_error: str | None = None
        self._commits: deque[tuple[float, int]] = deque(maxlen=64)

    # ---- lifecycle -----------------------------------------------------------------------
    def start(self) -> None:
        """Open (create or migrate) the database and start the worker. Raises StorageError."""
        if self._thread is not None:
            return
        self.engine = open_database(self.url, busy_timeout_ms=self._busy_timeout_ms)
        url = self.engine.url.render_as_string(hide_password=False)
        path = self._journal_path or default_journal_path(url)
        self.journal = SpillJournal(path, JOURNAL_TYPES, self._max_journal_bytes)
        if self.journal.pending:  # left by a crash or a stop with the database down
            log.warning("replaying %d records spilled to %s", self.journal.pending, path)
            self._spilling = True
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
        assert self.journal is not None and self.engine is not None
        clean = self.journal.pending == 0 and self._queued == 0
        self.journal.close()
        self.engine.dispose()
        return clean

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything submitted so far is committed (tests, shutdown checks)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self._idle.clear()
            if self._drained():
                return True
            self._idle.wait(0.02)
        return self._drained()

    def _drained(self) -> bool:
        with self._lock:
            return (self._queued == 0 and not self._spilling and self._worker_batch_empty)

    # ---- producers (any thread; never blocks on the database) ----------------------------
    def submit(self, events: Iterable[object]) -> None:
        records = [e for e in events if isinstance(e, _STORED)]
        if records:
            self._enqueue(records)

    def attach_ledger(self, ledger: Any) -> None:
        """Store the ingest RejectLedger's counts periodically (one row per reason)."""
        self._ledger = ledger

    def register_devices(self, devices: Iterable[Any]) -> None:
        """Upsert domain Devices (the scene's) so the database knows them and their units."""
        now = self._clock()
        rows = [r.device_row(d.id, d.kind, d.name, d.location,
                             {p: s.unit for p, s in d.points.items()}, now) for d in devices]
        if rows:
            self._enqueue([r.TableRows("devices", rows)])

    def save_alarm(self, alarm: object, transition: Mapping[str, Any] | None = None) -> None:
        row = r.alarm_row(alarm)
        records: list[object] = [r.TableRows("alarms", [row])]
        if transition is not None:
            records.append(r.TableRows("alarm_transitions", [r.transition_row(row["id"],
                                                                            transition)]))
        self._enqueue(records)

    def save_work_order(self, order: object, event: Mapping[str, Any] | None = None) -> None:
        row = r.work_order_row(order)
        records: list[object] = [r.TableRows("work_orders", [row])]
        if event is not None:
            records.append(r.TableRows("work_order_events", [r.order_event_row(row["id"],
                                                                             event)]))
        self._enqueue(records)

    def _enqueue(self, records: list[object]) -> None:
        n = len(records)
        with self._lock:
            before = self._durable_locked()
            self._last_seq = seq = self._last_seq + 1
            if not self._spilling and self._queued + n <= self.max_queued:
                self._queued += n
                self._queue.put((seq, records))
                self._unsettled.append(seq)
                return
            if not self._spilling:
                self._start_spilling()
            self._spill(records)  # durable now (or counted as dropped)
            after = self._durable_locked()
            if after != before:
                self._durable_changed.notify_all()
        if after != before:
            self._tell_listeners(after)

    def _start_spilling(self, ahead: list[object] | None = None) -> None:
        """Under self._lock: the queue is full, the database is behind. Move the in-memory
        backlog to the journal too, so it is durable at once (acknowledgements keep flowing
        while the database stalls; otherwise the broker's in-flight window would fill and
        live data stop). Order holds: the worker's open batch is older than the backlog,
        the backlog older than what is spilled next, and the journal is replayed in order."""
        log.warning("database is not keeping up: spilling to %s",
                    self.journal.path if self.journal else "?")
        self._spilling = True
        backlog: list[object] = list(ahead or ())  # the worker's open batch, older still
        first_seq = None
        while True:
            try:
                seq, records = self._queue.get_nowait()
            except queue.Empty:
                break
            first_seq = seq if first_seq is None else first_seq
            self._queued -= len(records)
            backlog.extend(records)
        # the drained groups are the newest in memory: the tail of _unsettled
        while first_seq is not None and self._unsettled and self._unsettled[-1] >= first_seq:
            self._unsettled.pop()
        if backlog:
            self._spill(backlog)

    def _spill(self, records: list[object]) -> None:
        """Under self._lock: once spilling, everything goes to the journal until the worker
        has replayed it, so records reach the database in the order they came. A group
        that cannot be journaled (journal full) is counted as dropped and settled: holding
        its acknowledgement would stop live data for good, not save it."""
        self._spilling = True
        try:
            assert self.journal is not None
            self.journal.append(records)
            self.counters["spilled"] += len(records)
        except (JournalFull, OSError, AssertionError) as exc:
            self.counters["dropped"] += len(records)
            self.last_error = f"dropped {len(records)} records: {exc}"
            log.error("%s", self.last_error)

    # ---- the durability watermark (any thread) ------------------------------------------
    def mark(self) -> int:
        """The seq covering every group submitted so far (0 before the first)."""
        return self._last_seq

    def durable_mark(self) -> int:
        """The highest seq such that every group up to it is durable; never decreases."""
        with self._lock:
            return self._durable_locked()

    def _durable_locked(self) -> int:
        return self._unsettled[0] - 1 if self._unsettled else self._last_seq

    def add_durable_listener(self, callback: Callable[[int], None]) -> None:
        """``callback(durable_mark)`` after the mark advances, on the thread that advanced
        it (the writer worker, or a submitter whose group went to the journal): keep it
        short and non-blocking, e.g. set an Event."""
        self._durable_listeners.append(callback)

    def wait_durable(self, mark: int, timeout: float | None = None) -> bool:
        """Block until ``durable_mark() >= mark``; True if it happened within ``timeout``."""
        with self._durable_changed:
            return self._durable_changed.wait_for(lambda: self._durable_locked() >= mark,
                                                  timeout)

    def _settle(self, upto: int) -> None:
        """Worker: every in-memory group up to ``upto`` is committed (or had nothing to
        write); the groups are settled in order, the queue being FIFO."""
        with self._lock:
            unsettled = self._unsettled
            if not unsettled or unsettled[0] > upto:
                return
            while unsettled and unsettled[0] <= upto:
                unsettled.popleft()
            durable = self._durable_locked()
            self._durable_changed.notify_all()
        self._tell_listeners(durable)

    def _tell_listeners(self, durable: int) -> None:
        for callback in self._durable_listeners:
            try:
                callback(durable)
            except Exception:  # a waiter's bug must not stop the writer
                log.exception("durable listener %r failed", callback)

    # ---- reporting -----------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        with self._lock:
            out: dict[str, Any] = dict(self.counters)
            out["queued"] = self._queued
            out["spilling"] = self._spilling
        journal = self.journal
        out["journal_pending"] = journal.pending if journal else 0
        out["journal_bytes"] = journal.size if journal else 0
        out["skipped_deadband"] = self.filter.skipped
        out["last_error"] = self.last_error
        out["rows_per_s"] = self._rate()
        return out

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
        folded = compact_database(self.engine, cutoff)
        with self._lock:
            self.counters["compacted_rows"] += folded
        return folded

    # ---- the worker ----------------------------------------------------------------------
    def _run(self) -> None:
        from app.storage.worker import WorkerLoop

        WorkerLoop(self).run()
