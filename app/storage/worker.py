"""The body of the StorageWriterWorker thread: take records, filter, batch, commit, retry.

Kept apart from ``writer`` (the thread-safe API) because everything here runs on the worker
thread only: the deadband filter and the open batch need no locks. Where records wait, in
what order, and how durable they are is the ``Backlog``'s business: the worker takes from
it, and tells it when a batch is committed or a commit failed.
"""

from __future__ import annotations

import logging
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
        self.backlog = writer.backlog
        self.batch = r.RowBatch(writer.site)
        self.open = False  # records taken since the last commit (the batch may be empty)
        self.batch_started = 0.0
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
            if self.failures:  # the batch waits for the database to come back
                if now >= self.retry_at:
                    self._commit()
                else:
                    time.sleep(min(0.05, self.retry_at - now))
                continue
            if stopping and not final_rejects_done:
                self._rejects()
                final_rejects_done = True
            timeout = 0.0 if stopping else 0.05
            if self.open:
                timeout = max(0.0, min(timeout, self.batch_started + cfg.flush_interval_s - now))
            records = self.backlog.take(timeout)
            if records is not None:
                if not self.open:
                    self.open = True
                    self.batch_started = time.monotonic()
                self._convert(records)
                if not self.batch:  # all filtered out (deadband): settled at once
                    self._committed()
                    continue
            now = time.monotonic()
            if self.batch and (self.batch.count >= cfg.batch_rows
                               or now - self.batch_started >= cfg.flush_interval_s
                               or stopping and records is None):
                self._commit()
                continue
            if records is None and not self.open:
                if self.backlog.finish_spill():
                    w._idle.set()
                    if stopping:
                        return
                if not stopping:
                    self._periodic(now)

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
                    r.write_removals(conn, self.batch.site, self.batch.removed_devices)
            except Exception as exc:
                if is_transient(exc):
                    self._failed(exc)
                    return False
                bad += len(self.batch.removed_devices)
        w.counters["bad_rows"] += bad
        return True

    def _failed(self, exc: BaseException) -> None:
        """Keep the batch and retry with backoff; meanwhile the backlog makes the batch and
        what waits behind it durable in the journal, if the journal can take them."""
        w = self.w
        self.failures += 1
        delay = min(MAX_BACKOFF_S, 0.05 * 2 ** min(self.failures, 8))
        self.retry_at = time.monotonic() + delay
        w.counters["errors"] += 1
        w.last_error = _one_line(exc)
        if self.failures in (1, 10) or self.failures % 100 == 0:
            log.warning("database write failed %d times, retrying: %s", self.failures,
                        w.last_error)
        self.backlog.spill_now()

    def _committed(self) -> None:
        w = self.w
        n = self.batch.count
        readings = len(self.batch.rows.get("readings", ()))
        self.backlog.committed()
        self.batch = r.RowBatch(w.site)
        self.open = False
        if self.failures:
            log.info("database writes resumed after %d failures", self.failures)
            w.last_error = None
        self.failures = 0
        w.counters["written"] += n
        w.counters["readings_written"] += readings
        w._commits.append((time.monotonic(), n))
        w._idle.set()

    def _give_up(self) -> None:
        """Stop deadline reached with the database still refusing: journal what is left."""
        w = self.w
        lost = self.backlog.give_up()
        if self.open:
            log.error("stopped with the database unavailable: what was not committed is kept "
                      "in %s for the next start", w.journal.path if w.journal else "?")
        if lost:
            log.error("stopped with the database and the spill journal unavailable: %d "
                      "messages were kept nowhere; they were never acknowledged, so the "
                      "broker sends them again to the next session", lost)

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
        if rows:  # queued like any record: same order, same durability
            self.backlog.put([r.TableRows("rejects", rows)])
