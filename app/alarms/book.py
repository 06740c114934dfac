"""AlarmBook: every open alarm and its lifecycle — raise/repeat, acknowledge, dispatch,
clear, close, shelve, comment, maintenance suppression and escalation.

Every transition records who and when, and is announced to listeners as ``AlarmChanged``
(a copy of the alarm, so listeners on other threads never see it change under them), with a
book-wide sequence number so a mirror (a remote console) can tell a stale event from a new
one. Listeners are called after the book's lock is released, in the order of the changes.
Time comes from an injected clock so escalation can be tested without sleeping.

An alarm's own history is what the operator reads about it, kept bounded: repeats are
counted (``count``), so are escalations after the first (``escalations``; the history
keeps the latest), and past ``HISTORY_MAX`` entries the engine's oldest after ``raised``
go (what operators did stays). The database keeps every transition
(``app.alarms.persistence``). An alarm left unacknowledged for a week was escalated 2,016
times, and every escalation copied, stored and sent to each console its whole history.
A cleared alarm that comes back before it is closed is ``reactivated``, a transition of its
own (it was a silent repeat, so a city platform told "cleared" never heard it return).
"""

from __future__ import annotations

import contextlib
import copy
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator

import msgspec

from app.alarms.model import Alarm, AlarmChanged, Severity, Transition
from app.listeners import Listeners, Subscription

Listener = Callable[[AlarmChanged], None]

HISTORY_MAX = 200  # transitions an alarm keeps in memory (every one is in the database)


class AlarmError(ValueError):
    """An operator action that the alarm's state does not allow; one line for the UI."""


class EscalationPolicy(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Unacknowledged for this long (s) → escalate to the supervisor; then every repeat_s."""

    critical_s: float = 120.0
    high_s: float = 300.0
    medium_s: float = 900.0
    low_s: float = 3600.0
    repeat_s: float = 300.0

    def after(self, severity: Severity) -> float:
        return {Severity.CRITICAL: self.critical_s, Severity.HIGH: self.high_s,
                Severity.MEDIUM: self.medium_s, Severity.LOW: self.low_s}[severity]


class MaintenanceWindow(msgspec.Struct, frozen=True):
    device_ids: frozenset[str]
    start: float
    end: float
    reason: str
    by: str


class AlarmBook:
    def __init__(self, clock: Callable[[], float] = time.time,
                 policy: EscalationPolicy | None = None, *, auto_close: bool = True,
                 history_size: int = 5000) -> None:
        self.clock = clock
        self.policy = policy or EscalationPolicy()
        self.auto_close = auto_close
        self._open: dict[tuple[str, str], Alarm] = {}
        self._by_id: dict[str, Alarm] = {}
        self.closed: deque[Alarm] = deque(maxlen=history_size)
        self._windows: list[MaintenanceWindow] = []
        self._listeners: Listeners[AlarmChanged] = Listeners("alarm book")
        self._lock = threading.RLock()
        self._depth = 0  # nesting of _locked() in the thread holding the lock
        self._seq = 0
        self._outbox: deque[AlarmChanged] = deque()
        self._emit_lock = threading.RLock()

    def subscribe(self, listener: Listener, *, weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    @property
    def seq(self) -> int:
        """The sequence number of the newest change."""
        return self._seq

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The book's lock; changes recorded inside are announced once the outermost
        holder has released it."""
        with self._lock:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                outermost = self._depth == 0
        if outermost:
            self._flush()

    def _flush(self) -> None:
        # One drainer at a time keeps listeners seeing changes in sequence order. A thread
        # that finds another draining leaves its changes to it instead of waiting (the
        # drainer may be inside a listener that waits for this very thread).
        while self._outbox:
            if not self._emit_lock.acquire(blocking=False):
                return
            try:
                while self._outbox:
                    self._listeners.emit(self._outbox.popleft())
            finally:
                self._emit_lock.release()

    # ---- engine side ---------------------------------------------------------------------
    def raise_alarm(self, device_id: str, type_: str, severity: Severity, message: str, *,
                    value: float | None = None, at: float | None = None,
                    parent_id: str | None = None,
                    detail: dict[str, object] | None = None) -> Alarm:
        """Raise, or count a repeat of, the one open alarm of this device and type."""
        now = self.clock() if at is None else at
        with self._locked():
            alarm = self._open.get((device_id, type_))
            if alarm is not None:
                alarm.count += 1
                alarm.last_at = now
                alarm.last_value = value
                action = "repeated"
                if severity > alarm.severity:
                    alarm.severity = severity
                    action = "severity"
                if not alarm.active:  # cleared, and back before anyone closed it
                    alarm.active = True
                    alarm.cleared_at = None
                    action = "reactivated"
                alarm.message = message
                alarm.detail = detail or {}
                return self._record(alarm, action, "engine", at=now)
            alarm = Alarm(id=uuid.uuid4().hex[:12], device_id=device_id, type=type_,
                          severity=severity, message=message, raised_at=now, last_at=now,
                          last_value=value, parent_id=parent_id, detail=detail or {},
                          suppressed=self._in_maintenance(device_id, now))
            self._open[alarm.key] = alarm
            self._by_id[alarm.id] = alarm
            return self._record(alarm, "raised", "engine", at=now)

    def clear_alarm(self, device_id: str, type_: str, at: float | None = None) -> Alarm | None:
        now = self.clock() if at is None else at
        with self._locked():
            alarm = self._open.get((device_id, type_))
            if alarm is None or not alarm.active:
                return None
            alarm.active = False
            alarm.cleared_at = now
            self._record(alarm, "cleared", "engine", at=now)
            if self.auto_close and alarm.acknowledged_at is not None:
                self._close(alarm, "engine", now)
            return alarm

    def severity_of(self, device_id: str, type_: str) -> Severity | None:
        alarm = self._open.get((device_id, type_))
        return alarm.severity if alarm is not None else None

    def is_active(self, device_id: str, type_: str) -> bool:
        alarm = self._open.get((device_id, type_))
        return alarm is not None and alarm.active

    def restore(self, alarm: Alarm) -> None:
        """Reinstate an open alarm read back from storage (engine restart); not announced."""
        with self._locked():
            self._open[alarm.key] = alarm
            self._by_id[alarm.id] = alarm

    # ---- operator side -------------------------------------------------------------------
    def acknowledge(self, alarm_id: str, by: str, note: str = "") -> Alarm:
        with self._locked():
            alarm = self._get_open(alarm_id)
            if alarm.acknowledged_at is not None:
                raise AlarmError(f"alarm {alarm_id} is already acknowledged by "
                                 f"{alarm.acknowledged_by}")
            now = self.clock()
            alarm.acknowledged_at = now
            alarm.acknowledged_by = by
            self._record(alarm, "acknowledged", by, note, at=now)
            if self.auto_close and not alarm.active:
                self._close(alarm, by, now)
            return alarm

    def dispatch(self, alarm_id: str, order_id: str, by: str) -> Alarm:
        with self._locked():
            alarm = self._get_open(alarm_id)
            alarm.dispatched_order = order_id
            return self._record(alarm, "dispatched", by, order_id)

    def comment(self, alarm_id: str, by: str, text: str) -> Alarm:
        if not text.strip():
            raise AlarmError("a comment needs some text")
        with self._locked():
            return self._record(self._get_any(alarm_id), "commented", by, text.strip())

    def shelve(self, alarm_id: str, by: str, duration_s: float, reason: str) -> Alarm:
        if duration_s <= 0:
            raise AlarmError("shelving needs a positive duration")
        if not reason.strip():
            raise AlarmError("shelving needs a reason")
        with self._locked():
            alarm = self._get_open(alarm_id)
            alarm.shelved_until = self.clock() + duration_s
            alarm.shelved_reason = reason.strip()
            return self._record(alarm, "shelved", by, f"{duration_s:.0f}s: {reason.strip()}")

    def unshelve(self, alarm_id: str, by: str) -> Alarm:
        with self._locked():
            alarm = self._get_open(alarm_id)
            alarm.shelved_until = None
            return self._record(alarm, "unshelved", by)

    def close(self, alarm_id: str, by: str, note: str = "") -> Alarm:
        with self._locked():
            alarm = self._get_open(alarm_id)
            if alarm.active:
                raise AlarmError(f"alarm {alarm_id} is still active: it closes once cleared")
            self._close(alarm, by, self.clock(), note)
            return alarm

    def add_maintenance(self, device_ids: Iterable[str], start: float, end: float,
                        reason: str, by: str) -> MaintenanceWindow:
        if end <= start:
            raise AlarmError("a maintenance window must end after it starts")
        window = MaintenanceWindow(frozenset(device_ids), start, end, reason, by)
        with self._locked():
            self._windows.append(window)
        return window

    # ---- time ----------------------------------------------------------------------------
    def tick(self) -> list[Alarm]:
        """Expire shelving and maintenance, escalate unacknowledged alarms; returns the
        alarms escalated now."""
        now = self.clock()
        escalated = []
        with self._locked():
            self._windows = [w for w in self._windows if w.end > now]
            for alarm in list(self._open.values()):
                if alarm.shelved_until is not None and now >= alarm.shelved_until:
                    alarm.shelved_until = None
                    self._record(alarm, "unshelved", "engine", "shelving expired", at=now)
                if (alarm.acknowledged_at is not None or not alarm.active
                        or alarm.is_shelved(now) or alarm.suppressed):
                    continue
                due = (alarm.raised_at + self.policy.after(alarm.severity)
                       + alarm.escalations * self.policy.repeat_s)
                if now >= due:
                    alarm.escalations += 1
                    self._record(alarm, "escalated", "engine",
                                 f"unacknowledged for {now - alarm.raised_at:.0f}s", at=now)
                    escalated.append(alarm)
        return escalated

    def replace(self, open_alarms: Iterable[Alarm], closed: Iterable[Alarm],
                windows: Iterable[MaintenanceWindow] = ()) -> None:
        """Put the book back as it was (a training player seeking back to a snapshot).
        Listeners hear every open alarm as ``synced`` and every alarm that is no longer
        open as ``synced`` with ``closed_at`` set; the sequence keeps counting up."""
        with self._locked():
            gone = [a for a in self._open.values()]
            self._open = {a.key: a for a in open_alarms}
            self.closed.clear()
            self.closed.extend(closed)
            self._by_id = {a.id: a for a in (*self.closed, *self._open.values())}
            self._windows = list(windows)
            now = self.clock()
            for alarm in gone:
                if self._open.get(alarm.key) is None or self._open[alarm.key].id != alarm.id:
                    alarm.closed_at = alarm.closed_at or now
                    self._announce("synced", alarm, now)
            for alarm in self._open.values():
                self._announce("synced", alarm, now)

    def _announce(self, action: str, alarm: Alarm, at: float) -> None:
        self._seq += 1
        self._outbox.append(AlarmChanged(action, copy.deepcopy(alarm), at, self._seq))

    # ---- readers -------------------------------------------------------------------------
    def maintenance_windows(self) -> list[MaintenanceWindow]:
        with self._lock:
            return list(self._windows)

    def open_alarms(self) -> list[Alarm]:
        with self._lock:
            return [copy.deepcopy(a) for a in self._open.values()]

    def snapshot(self) -> tuple[int, list[Alarm], list[Alarm]]:
        """(seq, open alarms, closed alarms kept for history), copies taken at one moment."""
        with self._lock:
            return (self._seq, [copy.deepcopy(a) for a in self._open.values()],
                    [copy.deepcopy(a) for a in self.closed])

    def get(self, alarm_id: str) -> Alarm | None:
        with self._lock:
            alarm = self._by_id.get(alarm_id)
            return copy.deepcopy(alarm) if alarm else None

    def find_open(self, device_id: str, type_: str) -> Alarm | None:
        with self._lock:
            alarm = self._open.get((device_id, type_))
            return copy.deepcopy(alarm) if alarm else None

    # ---- internals -----------------------------------------------------------------------
    def _in_maintenance(self, device_id: str, now: float) -> bool:
        return any(w.start <= now < w.end and device_id in w.device_ids for w in self._windows)

    def _get_any(self, alarm_id: str) -> Alarm:
        alarm = self._by_id.get(alarm_id)
        if alarm is None:
            raise AlarmError(f"no alarm {alarm_id!r}")
        return alarm

    def _get_open(self, alarm_id: str) -> Alarm:
        alarm = self._get_any(alarm_id)
        if alarm.closed_at is not None:
            raise AlarmError(f"alarm {alarm_id} is closed")
        return alarm

    def _close(self, alarm: Alarm, by: str, now: float, note: str = "") -> None:
        alarm.closed_at = now
        self._open.pop(alarm.key, None)
        self.closed.append(alarm)
        self._record(alarm, "closed", by, note, at=now)
        # closed alarms stay findable by id for the history view until they age out
        if len(self._by_id) > 4 * (self.closed.maxlen or 1):
            live = {a.id for a in self._open.values()} | {a.id for a in self.closed}
            self._by_id = {k: v for k, v in self._by_id.items() if k in live}

    def _record(self, alarm: Alarm, action: str, by: str, note: str = "",
                at: float | None = None) -> Alarm:
        now = self.clock() if at is None else at
        if action != "repeated":  # repeats are counted, not logged one by one
            history = alarm.history
            transition = Transition(now, action, by, note)
            if action == "escalated" and history and history[-1].action == "escalated":
                history[-1] = transition  # so are escalations after the first
            else:
                history.append(transition)
                if len(history) > HISTORY_MAX:  # the oldest engine entry after ``raised``
                    del history[next((i for i in range(1, len(history))
                                      if history[i].by == "engine"), 1)]
        self._seq += 1
        self._outbox.append(AlarmChanged(action, copy.deepcopy(alarm), now, self._seq))
        return alarm
