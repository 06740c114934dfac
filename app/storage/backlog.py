"""The backlog: records on their way to the database, and how far each one is durable.

One object owns what the producers (ingest, alarms, dispatch; any thread) and the writer's
worker share: the lock, the in-memory queue, the spill journal with its read cursor, the
spill and hold state, and the durability watermark. Records come in *groups* (one ``put``,
e.g. one ingest batch), numbered in order; the worker gets them in that order.

Where a group waits, oldest first::

    the worker's open batch (taken)  <  journal lines past the cursor  <  memory

A group is *durable* once it is committed or journaled; ``durable_mark()`` is the highest
number up to which every group is. Normally groups wait in memory (up to ``max_queued``
records). When memory is full, or a commit fails, the backlog *spills*: the open batch's
groups and then memory go to the journal, in order, and new groups follow them there until
the worker has replayed the journal. The worker's reads skip the journal copies of its own
open batch (it commits them from memory; the copies are for a crash).

When the journal cannot take them either (disk full, I/O error, its size limit) groups stay
in memory, *not durable*: the durable mark stops, the MQTT source stops acknowledging, and
the broker keeps what follows (its Receive Maximum bounds what we hold). ``health()`` says
*blocked* and why. Appends are retried at most every ``retry_s``; the worker keeps retrying
the database; whichever comes back first, groups leave memory in order. Nothing durable is
dropped. Only a backlog nobody acknowledges on (no durable listener: the simulator) drops
groups once memory holds ``max_held`` records, and counts the messages it drops.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import msgspec

from app.storage.journal import SpillJournal
from app.storage.rows import TableRows

log = logging.getLogger(__name__)


def messages_in(records: list[object]) -> int:
    """How many messages (or engine rows) these records carry: what a drop loses."""
    return sum(len(r.rows) if isinstance(r, TableRows) else 1 for r in records)


class BacklogState(msgspec.Struct, frozen=True):
    queued: int  # records waiting in memory
    spilling: bool  # new records go to the journal until it is replayed
    spilled: int  # records appended to the journal, ever
    dropped: int  # messages lost (only without a durable listener)
    held: int  # messages held in memory, not durable, because the journal refused them
    held_since: float | None  # monotonic seconds
    journal_error: str | None  # why the journal refused them
    journal_pending: int  # journal lines not yet replayed
    journal_bytes: int


@dataclass(slots=True)
class _Group:
    seq: int
    records: list[object]


class Backlog:
    def __init__(self, *, max_queued: int, max_held: int, retry_s: float = 1.0) -> None:
        self.max_queued = max_queued
        self.max_held = max(max_held, max_queued)
        self.retry_s = retry_s
        self.journal: SpillJournal | None = None
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._memory: deque[_Group] = deque()
        self._memory_records = 0
        self._taken: list[_Group] = []  # in the worker's open batch, taken from memory
        self._taken_journaled = 0  # how many of them have a copy in the journal
        self._batch_journal_end: int | None = None  # journal position the open batch reaches
        self._batch_journal_lines = 0
        self._cursor = 0  # the worker's read position in the journal
        self._spilling = False
        self._last_seq = 0
        self._listeners: list[Callable[[int], None]] = []
        self._hold_error: str | None = None  # why the journal refused what memory holds
        self._held_since: float | None = None
        self._next_retry = 0.0
        self.spilled = 0  # records appended to the journal
        self.dropped = 0  # messages lost (only without a durable listener)
        self._drop_logged = 0.0

    # ---- the journal's lifetime (the writer's start and stop) ---------------------------
    def open_journal(self, journal: SpillJournal) -> None:
        with self._lock:
            self.journal = journal
            self._cursor = 0
            if journal.pending:  # left by a crash or by a stop with the database down
                self._spilling = True

    def close_journal(self) -> None:
        with self._lock:
            if self.journal is not None:
                self.journal.close()
            self.journal = None

    # ---- producers (any thread; never wait for the database) -----------------------------
    def put(self, records: list[object]) -> None:
        n = len(records)
        with self._lock:
            before = self._durable()
            self._last_seq += 1
            group = _Group(self._last_seq, records)
            self._memory.append(group)
            self._memory_records += n
            if not self._spilling and self._memory_records > self.max_queued:
                log.warning("database is not keeping up: spilling to %s",
                            self.journal.path if self.journal else "the journal (not open)")
                self._spilling = True
            if self._spilling:
                self._spill(force=False)
                if (self._hold_error is not None and not self._listeners
                        and self._memory_records > self.max_held):
                    self._drop(group)
            self._changed.notify_all()
            after = self._durable()
        if after != before:
            self._tell(after)

    def _spill(self, force: bool) -> None:
        """Under the lock: journal the open batch's groups not journaled yet, then memory,
        in order. What the journal refuses stays in memory, not durable (held)."""
        journal = self.journal
        if self._hold_error is not None and not force and time.monotonic() < self._next_retry:
            return
        try:
            if journal is None:
                raise OSError("the spill journal is not open")
            fresh = self._taken[self._taken_journaled:]
            if fresh:
                # the worker has read every journal line so far (it takes from memory only
                # then): the copies start at its cursor, which moves past them
                records = [r for g in fresh for r in g.records]
                end = journal.append(records)
                self._taken_journaled = len(self._taken)
                self._cursor = end
                self._batch_journal_end = end
                self._batch_journal_lines += len(records)
                self.spilled += len(records)
            if self._memory:
                records = [r for g in self._memory for r in g.records]
                journal.append(records)
                self._memory.clear()
                self._memory_records = 0
                self.spilled += len(records)
        except OSError as exc:
            self._hold(exc)
            return
        if self._hold_error is not None:
            log.warning("the spill journal takes records again after %.0f s",
                        time.monotonic() - (self._held_since or time.monotonic()))
        self._hold_error = None
        self._held_since = None

    def _hold(self, exc: OSError) -> None:
        self._next_retry = time.monotonic() + self.retry_s
        reason = exc.strerror or str(exc)
        if self._hold_error is None:
            self._held_since = time.monotonic()
            log.error("storage blocked: the spill journal refused records (%s); %d messages "
                      "held in memory, not acknowledged", reason, self._held_messages())
        self._hold_error = reason

    def _drop(self, group: _Group) -> None:
        """Under the lock: nobody acknowledges on our word and memory is at its limit."""
        self._memory.pop()  # the group just put: the newest
        self._memory_records -= len(group.records)
        lost = messages_in(group.records)
        self.dropped += lost
        now = time.monotonic()
        if now - self._drop_logged >= 10.0:
            self._drop_logged = now
            log.error("storage blocked and %d records held: %d messages dropped so far",
                      self._memory_records, self.dropped)

    # ---- the worker ------------------------------------------------------------------------
    def take(self, timeout: float) -> list[object] | None:
        """The next records in order, for the open batch: journal lines past the cursor,
        else one group from memory (waiting up to ``timeout`` for one); None if nothing."""
        with self._lock:
            if not self._readable() and not self._memory and timeout > 0:
                self._changed.wait(timeout)
            journal = self.journal
            if not self._readable():
                if not self._memory:
                    return None
                group = self._memory.popleft()
                self._memory_records -= len(group.records)
                self._taken.append(group)
                return group.records
            start = self._cursor
        assert journal is not None
        records, position = journal.read(start)  # outside the lock: producers never wait
        with self._lock:
            if self._cursor != start:  # cannot happen (only this thread moves it then)
                return []
            self._cursor = position
            self._batch_journal_end = position
            self._batch_journal_lines += len(records)
        return records

    def _readable(self) -> bool:
        return self.journal is not None and self._cursor < self.journal.size

    def committed(self) -> None:
        """Worker: the open batch is in the database (or had nothing to write)."""
        with self._lock:
            before = self._durable()
            if self._batch_journal_end is not None and self.journal is not None:
                self.journal.consumed(self._batch_journal_end, self._batch_journal_lines)
            self._taken.clear()
            self._taken_journaled = 0
            self._batch_journal_end = None
            self._batch_journal_lines = 0
            if self._hold_error is not None and not self._memory:
                self._hold_error = None  # the database took what the journal refused
                self._held_since = None
                log.warning("storage unblocked: the database took the held records")
            self._changed.notify_all()
            after = self._durable()
        if after != before:
            self._tell(after)

    def spill_now(self) -> None:
        """Worker: a commit failed. Make the open batch and memory durable in the journal,
        so acknowledgements keep flowing while the database is away."""
        with self._lock:
            before = self._durable()
            if not self._spilling:
                log.warning("database unavailable: spilling to %s",
                            self.journal.path if self.journal else "the journal (not open)")
                self._spilling = True
            self._spill(force=False)
            self._changed.notify_all()
            after = self._durable()
        if after != before:
            self._tell(after)

    def finish_spill(self) -> bool:
        """Worker, idle: leave spilling once the journal is replayed and memory empty.
        True when nothing at all is waiting."""
        with self._lock:
            if self._memory or self._taken or self._batch_journal_end is not None:
                return False
            if self.journal is not None:
                if self._readable() or not self.journal.reset_if_drained():
                    return False
                self._cursor = 0
            if self._spilling:
                log.info("database caught up: spill journal replayed")
            self._spilling = False
            return True

    def give_up(self) -> int:
        """Worker, at the stop deadline with the database refusing: journal what the open
        batch and memory hold; returns the messages that could be kept nowhere (never
        acknowledged: the broker resends them to the next session)."""
        with self._lock:
            self._spill(force=True)
            lost = self._taken[self._taken_journaled:] + list(self._memory)
            self._taken.clear()
            self._taken_journaled = 0
            self._memory.clear()
            self._memory_records = 0
            self._batch_journal_end = None
            self._batch_journal_lines = 0
            self._changed.notify_all()
        return sum(messages_in(g.records) for g in lost)

    # ---- the durability watermark (any thread) ------------------------------------------
    def mark(self) -> int:
        """The number covering every group put so far (0 before the first)."""
        return self._last_seq

    def durable_mark(self) -> int:
        with self._lock:
            return self._durable()

    def _durable(self) -> int:
        # the groups not durable are exactly the unjournaled taken ones, then memory
        if self._taken_journaled < len(self._taken):
            return self._taken[self._taken_journaled].seq - 1
        if self._memory:
            return self._memory[0].seq - 1
        return self._last_seq

    def add_durable_listener(self, callback: Callable[[int], None]) -> None:
        """From now on, nothing is ever dropped: someone acknowledges on our word."""
        self._listeners.append(callback)

    def wait_durable(self, mark: int, timeout: float | None = None) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._durable() >= mark, timeout)

    def _tell(self, durable: int) -> None:
        for callback in self._listeners:
            try:
                callback(durable)
            except Exception:  # a waiter's bug must not stop the writer
                log.exception("durable listener %r failed", callback)

    # ---- reporting --------------------------------------------------------------------------
    def drained(self) -> bool:
        with self._lock:
            return not (self._memory or self._taken or self._spilling
                        or self._batch_journal_end is not None)

    def _held_messages(self) -> int:
        groups = self._taken[self._taken_journaled:] + list(self._memory)
        return sum(messages_in(g.records) for g in groups)

    def state(self) -> BacklogState:
        with self._lock:
            blocked = self._hold_error is not None
            journal = self.journal
            return BacklogState(
                queued=self._memory_records, spilling=self._spilling, spilled=self.spilled,
                dropped=self.dropped, held=self._held_messages() if blocked else 0,
                held_since=self._held_since, journal_error=self._hold_error,
                journal_pending=journal.pending if journal else 0,
                journal_bytes=journal.size if journal else 0)
