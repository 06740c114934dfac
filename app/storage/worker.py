"""The body of the StorageWriterWorker thread: take records, filter, batch, commit, retry.

Kept apart from ``writer`` (the thread-safe API) because everything here runs on the worker
thread only: the deadband filter, the open batch and the journal replay cursor need no locks.
"""

from __future__ import annotations

import logging
import queue
import time
from typing import TYPE_CHECKING, Any

import msgspec
import sqlalchemy.exc as sa_exc

from app.ingest import events as ev
from app.ingest.payloads import MetaPayload
from app.storage import rows as r

if TYPE_CHECKING:
    from app.storage.writer import StorageWriter

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 2.0
#: tables upserted by id (rows._KEYED): replaying them out of order would lose a state
_LAST_STATE_WINS = frozenset({"devices", "alarms", "work_orders"})
_TRANSIENT = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DisconnectionError,
              sa_exc.TimeoutError)


def is_transient(exc: BaseException) -> bool:
    """Worth retrying (locked, disconnected, server down) rather than a bad row."""
    return isinstance(exc, _TRANSIENT) or bool(getattr(exc, "connection_invalidated", False))


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"


class WorkerLoop:
    def __init__(self, writer: StorageWriter) -> None:
        self.w = writer
        self.batch = r.RowBatch()
        self.batch_records: list[object] = []  # queue records in the open batch
        self.batch_seq = 0  # the newest queue group in the open batch (0: none)
        self.batch_started = 0.0
        self.journal_cursor = writer.journal.committed_offset if writer.journal else 0
        self.journal_pos: int | None = None  # journal position the open batch reaches
        self.journal_n = 0
        self.failures = 0
        self.retry_at = 0.0
        now = time.monotonic()
        self.next_rejects = now + writer.reject_every_s
        self.next_compact = now + min(60.0, writer.compact_every_s)
        self.reject_counts: dict[str, int] = {}

    # ---- main loop -----------------------------------------------------------------------
    def run(self) -> None:
        w = self.w
        cfg = w.config
        final_rejects_done = False
        while True:
            now = time.monotonic()
            stopping = w._stop.is_set()
            if stopping and now >= w._deadline:
                self._give_up()
                return
            if self.failures:  # a batch waits for the database to come back
                if now >= self.retry_at:
                    if self.batch:
                        self._commit()
                    else:  # it went to the journal: take it from there
                        self.failures = 0
                else:
                    time.sleep(min(0.05, self.retry_at - now))
                continue
            if stopping and not final_rejects_done:
                self._rejects()
                final_rejects_done = True
            timeout = 0.0 if stopping else 0.05
            if self.batch:
                timeout = max(0.0, min(timeout, self.batch_started + cfg.flush_interval_s - now))
            took = self._take(timeout)
            now = time.monotonic()
            if took and not self.batch:
                self._nothing_to_write()
            if self.batch and (self.batch.count >= cfg.batch_rows
                               or now - self.batch_started >= cfg.flush_interval_s
                               or stopping and not took):
                self._commit()
                continue
            if not took and not self.batch:
                if self._finish_spill() and stopping:
                    return
                if not stopping:
                    self._periodic(now)

    def _take(self, timeout: float) -> bool:
        w = self.w
        try:
            seq, records = (w._queue.get(timeout=timeout) if timeout > 0
                            else w._queue.get_nowait())
        except queue.Empty:
            return self._take_journal()
        self.batch_seq = seq
        with w._lock:
            w._queued -= len(records)
            w._worker_batch_empty = False
        self._start_batch()
        self.batch_records.extend(records)
        self._convert(records)
        return True

    def _take_journal(self) -> bool:
        journal = self.w.journal
        if journal is None or self.journal_cursor >= journal.size:
            return False
        if self.batch_seq:  # commit queue groups first: a batch is all queue or all journal
            return False  # (so a failed one can move to the journal whole, see below)
        records, position = journal.read(self.journal_cursor)
        if position == self.journal_cursor:
            return False
        with self.w._lock:
            self.w._worker_batch_empty = False
        self._start_batch()
        self.journal_cursor = position
        self.journal_pos = position
        self.journal_n += len(records)
        self._convert(records)
        return True

    def _nothing_to_write(self) -> None:
        """Everything taken was filtered out (deadband): settle it as if committed."""
        w = self.w
        if self.journal_pos is not None and w.journal is not None:
            w.journal.consumed(self.journal_pos, self.journal_n)
        self.journal_pos = None
        self.journal_n = 0
        self.batch_records = []
        with w._lock:
            w._worker_batch_empty = True
        self._settle()

    def _settle(self) -> None:
        """The open batch's queue groups are durable: advance the writer's watermark.
        (Journal records were durable when they were appended: nothing to settle.)"""
        if self.batch_seq:
            seq, self.batch_seq = self.batch_seq, 0
            self.w._settle(seq)

    def _start_batch(self) -> None:
        if not self.batch:
            self.batch_started = time.monotonic()

    def _finish_spill(self) -> bool:
        """Leave spilling mode once the queue and the journal are both drained."""
        w = self.w
        with w._lock:
            if w._queued:
                return False
            drained = w.journal is None or w.journal.reset_if_drained()
            if drained:
                self.journal_cursor = 0
                if w._spilling:
                    log.info("database caught up: spill journal replayed")
                w._spilling = False
                w._worker_batch_empty = True
        w._idle.set()
        return drained

    # ---- records to rows -----------------------------------------------------------------
    def _convert(self, records: list[object]) -> None:
        batch = self.batch
        keep = self.w.filter.keep
        for rec in records:
            if isinstance(rec, ev.TelemetryReceived):
                for point, value in rec.values.items():
                    if keep(rec.device_id, point, rec.ts, value):
                        batch.add("readings", {"device_id": rec.device_id, "point": point,
                                               "ts": rec.ts, "value": value, "seq": rec.seq})
            elif isinstance(rec, ev.DeviceEventReceived):
                batch.add("device_events", {"device_id": rec.device_id, "ts": rec.ts,
                                            "kind": rec.kind,
                                            "data": msgspec.to_builtins(rec.data),
                                            "received_at": rec.received_at})
            elif isinstance(rec, ev.GatePassReceived):
                batch.add("gate_passes", {"gate_id": rec.gate_id, "ts": rec.ts,
                                          "plate": rec.plate, "dir": rec.dir, "paid": rec.paid,
                                          "received_at": rec.received_at,
                                          "colour": rec.colour, "vehicle": rec.vehicle,
                                          "release": rec.release, "fee_yuan": rec.fee,
                                          "pay_method": rec.pay})
            elif isinstance(rec, ev.MetaReceived):
                self._meta(rec)
            else:  # TableRows
                for row in rec.rows:
                    batch.add(rec.table, row)
                    if rec.table == "devices":
                        self._learn(row)

    def _meta(self, rec: ev.MetaReceived) -> None:
        if rec.removed or rec.payload is None:
            self.batch.remove_device(rec.device_id)
            return
        meta = rec.payload
        if not isinstance(meta, MetaPayload):  # decoded from the journal as a dict
            meta = msgspec.convert(meta, MetaPayload)
        row = r.device_row(rec.device_id, meta.kind, meta.name, meta.location,
                           {p: s.unit for p, s in meta.points.items()}, rec.received_at)
        self.batch.add("devices", row)
        self._learn(row)

    def _learn(self, row: dict[str, Any]) -> None:
        self.w.filter.learn_device(row["id"], row["kind"],
                                   {p: s.get("unit", "") for p, s in row["points"].items()})

    # ---- commits -------------------------------------------------------------------------
    def _commit(self) -> None:
        w = self.w
        assert w.engine is not None
        try:
            with w.engine.begin() as conn:
                r.write_batch(conn, self.batch)
        except Exception as exc:
            if is_transient(exc):
                self._failed(exc)
                return
            log.warning("the database refused a batch (%s); retrying row by row",
                        _one_line(exc))
            if not self._row_by_row():
                return
        self._committed()

    def _row_by_row(self) -> bool:
        """Commit each row alone; count and skip the ones the database refuses."""
        w = self.w
        assert w.engine is not None
        bad = 0
        for table, rows in self.batch.tables():
            for row in rows:
                try:
                    with w.engine.begin() as conn:
                        r.write_rows(conn, table, [row])
                except Exception as exc:
                    if is_transient(exc):
                        self._failed(exc)
                        return False
                    bad += 1
                    w.last_error = f"bad {table} row refused: {_one_line(exc)}"
                    log.warning("%s: %r", w.last_error, row)
        if self.batch.removed_devices:
            try:
                with w.engine.begin() as conn:
                    r.write_removals(conn, self.batch.removed_devices)
            except Exception as exc:
                if is_transient(exc):
                    self._failed(exc)
                    return False
                bad += len(self.batch.removed_devices)
        with w._lock:
            w.counters["bad_rows"] += bad
        return True

    def _failed(self, exc: BaseException) -> None:
        w = self.w
        self.failures += 1
        delay = min(MAX_BACKOFF_S, 0.05 * 2 ** min(self.failures, 8))
        self.retry_at = time.monotonic() + delay
        with w._lock:
            w.counters["errors"] += 1
            w.last_error = _one_line(exc)
        if self.failures in (1, 10) or self.failures % 100 == 0:
            log.warning("database write failed %d times, retrying: %s", self.failures,
                        w.last_error)
        if self.failures == 1:
            self._journal_batch()

    def _journal_batch(self) -> None:
        """First failure: move the open batch, then the queue's backlog, to the journal,
        so they are durable (acknowledgements keep flowing) while the database is away.
        The batch goes as the rows it became — already past the deadband filter, which
        remembers them as stored and would skip them on replay.

        If the writer is spilling already, the journal holds newer records than this
        batch; it may still follow them when its rows do not depend on order (inserts,
        not "last state wins" upserts). Otherwise it waits in memory for the database."""
        w = self.w
        if not self.batch_seq or self.journal_pos is not None:
            return  # nothing from the queue, or journal records that would be doubled
        tables = self.batch.tables()
        rows: list[object] = [r.TableRows(table, list(rows)) for table, rows in tables]
        rows += [ev.MetaReceived(d, True, None, 0.0) for d in self.batch.removed_devices]
        order_free = not self.batch.removed_devices and not any(
            table in _LAST_STATE_WINS for table, _ in tables)
        with w._lock:
            if not w._spilling:
                w._start_spilling(ahead=rows)
            elif order_free:
                w._spill(rows)
            else:
                return
        w._settle(self.batch_seq)
        self.batch = r.RowBatch()
        self.batch_records = []
        self.batch_seq = 0
        with w._lock:
            w._worker_batch_empty = True

    def _committed(self) -> None:
        w = self.w
        n = self.batch.count
        readings = len(self.batch.rows.get("readings", ()))
        if self.journal_pos is not None and w.journal is not None:
            w.journal.consumed(self.journal_pos, self.journal_n)
        self.batch = r.RowBatch()
        self.batch_records = []
        self.journal_pos = None
        self.journal_n = 0
        if self.failures:
            log.info("database writes resumed after %d failures", self.failures)
        self.failures = 0
        with w._lock:
            w.counters["written"] += n
            w.counters["readings_written"] += readings
            w._worker_batch_empty = True
        self._settle()
        w._commits.append((time.monotonic(), n))
        w._idle.set()

    def _give_up(self) -> None:
        """Stop deadline reached with the database still refusing: journal what is left."""
        w = self.w
        left: list[object] = list(self.batch_records)
        with w._lock:  # producers wait, so nothing slips in between drain and settle
            last = self.batch_seq
            while True:
                try:
                    last, records = w._queue.get_nowait()
                except queue.Empty:
                    break
                left.extend(records)
            w._queued = 0
            if left:
                w._spill(left)
        if last:  # journaled (or counted as dropped): settled
            w._settle(last)
        self.batch_seq = 0
        if left or self.batch:
            log.error("stopped with the database unavailable: %d records kept in %s for the "
                      "next start", len(left), w.journal.path if w.journal else "?")

    # ---- periodic housekeeping -----------------------------------------------------------
    def _periodic(self, now: float) -> None:
        w = self.w
        if now >= self.next_rejects:
            self.next_rejects = now + w.reject_every_s
            self._rejects()
        if now >= self.next_compact:
            self.next_compact = now + w.compact_every_s
            try:
                w.compact()
            except Exception as exc:  # retried next period; never kills the worker
                with w._lock:
                    w.counters["errors"] += 1
                    w.last_error = f"compaction failed: {_one_line(exc)}"
                log.warning("%s", w.last_error)

    def _rejects(self) -> None:
        """One row per reason with the count since the last report and the last sample."""
        ledger = self.w._ledger
        if ledger is None:
            return
        counts, samples, _unknown = ledger.snapshot()
        rows = []
        for reason, total in counts.items():
            delta = total - self.reject_counts.get(reason, 0)
            if delta <= 0:
                continue
            self.reject_counts[reason] = total
            sample = samples.get(reason)
            rows.append({"reason": reason, "count": delta,
                         "topic": sample.topic if sample else "",
                         "detail": sample.detail if sample else "",
                         "payload_head": sample.payload_head if sample else "",
                         "at": sample.at if sample else self.w._clock()})
        if rows:
            records: list[object] = [r.TableRows("rejects", rows)]
            self._start_batch()
            self.batch_records.extend(records)
            self._convert(records)
            with self.w._lock:
                self.w._worker_batch_empty = False
