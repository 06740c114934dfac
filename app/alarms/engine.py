"""AlarmEngine: evaluates the rules on what ingest decodes and keeps the AlarmBook.

``handle_events`` is an ingest listener (runs on the ingest thread, never blocks);
``tick`` runs about once a second from the engine's housekeeping thread for what depends
on time alone: offline/stale, event holds, off-delays, escalation, welfare checks.
Condition time is the device's own timestamp; lifecycle time is the injected clock.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping

from app.alarms.book import AlarmBook
from app.alarms.defaults import rules_for
from app.alarms.grouping import FloodGrouper
from app.alarms.learned import LearnedBands
from app.alarms.messages import describe, detail
from app.alarms.model import Severity
from app.alarms.rules import LimitRule, RateRule, RuleSet
from app.alarms.timers import ConditionTimers
from app.alarms.welfare import WelfareRule, WelfareWatch
from app.domain.kinds import Level
from app.domain.model import Device
from app.ingest import events as ev
from app.state.store import StateStore

RATE_WINDOW_S = 60.0
LEARNED_ON_DELAY_S = 120.0


class AlarmEngine:
    def __init__(self, store: StateStore, *, clock: Callable[[], float] = time.time,
                 book: AlarmBook | None = None, learned: LearnedBands | None = None,
                 timers: ConditionTimers | None = None,
                 overrides: Mapping[str, RuleSet] | None = None,
                 kind_overrides: Mapping[str, RuleSet] | None = None,
                 grouper: FloodGrouper | None = None,
                 welfare: Iterable[WelfareRule] = (),
                 device_notes: Mapping[str, Mapping[str, object]] | None = None) -> None:
        """``device_notes``: facts shown with every alarm of a device, e.g. a lift's 96333
        rescue code (``{"B01-EL1": {"rescue_code": "31415"}}``)."""
        self.store = store
        self.clock = clock
        self.book = book or AlarmBook(clock)
        self.learned = learned or LearnedBands()
        self.timers = timers or ConditionTimers()
        self.grouper = grouper or FloodGrouper()
        self.welfare = WelfareWatch(tuple(welfare), started_at=clock())
        self.device_notes = {k: dict(v) for k, v in (device_notes or {}).items()}
        self._overrides = dict(overrides or {})
        self._kind_overrides = dict(kind_overrides or {})
        self._rules: dict[str, RuleSet] = {}
        self._history: dict[tuple[str, str], deque[tuple[float, float]]] = {}
        self._event_last: dict[tuple[str, str], tuple[float, float]] = {}  # key → (t, hold)
        self.unhandled_events = 0
        self._lock = threading.Lock()

    def rules(self, device: Device) -> RuleSet:
        rules = self._rules.get(device.id)
        if rules is None:
            rules = self._rules[device.id] = (self._overrides.get(device.id)
                                              or self._kind_overrides.get(device.kind)
                                              or rules_for(device))
        return rules

    # ---- ingest listener -----------------------------------------------------------------
    def handle_events(self, events: list[ev.IngestEvent]) -> None:
        with self._lock:
            for event in events:
                if isinstance(event, ev.TelemetryReceived):
                    self._telemetry(event)
                elif isinstance(event, ev.DeviceEventReceived):
                    self._device_event(event)
                elif isinstance(event, ev.MetaReceived):  # a birth or registration may
                    self._rules.pop(event.device_id, None)  # bring points and bands
        self.timers.save()  # a file write: outside the lock (app/alarms/timers.py)

    def _telemetry(self, event: ev.TelemetryReceived) -> None:
        device = self.store.device(event.device_id)
        if device is None:
            return
        if self.welfare.watches(device.id):
            for value in event.values.values():
                self.welfare.water_reading(device.id, value, event.ts)
        rules = self.rules(device)
        state = self.store.get(device.id)
        merged = state.values if state is not None else event.values
        for limit in rules.limits:
            value = event.values.get(limit.point)
            if value is not None:
                self._limit(device, limit, value, event.ts)
        for rate in rules.rates:
            value = event.values.get(rate.point)
            if value is not None:
                self._rate(device, rate, value, event.ts)
        for combo in rules.combos:
            if any(c.point in event.values for c in combo.all_of + combo.any_of):
                self._step(device, f"combo.{combo.name}", combo.holds(merged), event.ts,
                           combo.on_delay_s, combo.off_delay_s, combo.severity,
                           detail("combo", name=combo.message or combo.name), None)

    def _limit(self, device: Device, rule: LimitRule, value: float, ts: float) -> None:
        if rule.flag:
            expected = rule.h if rule.h is not None else rule.l
            self._step(device, f"{rule.point}.flag", value != expected, ts, rule.on_delay_s,
                       rule.off_delay_s, rule.severity_h,
                       detail("flag", point=rule.point, value=value), value)
            return
        hi = rule.h if rule.h is not None else rule.hh
        lo = rule.l if rule.l is not None else rule.ll
        for type_, threshold, extreme, sign in ((f"{rule.point}.high", hi, rule.hh, 1.0),
                                                (f"{rule.point}.low", lo, rule.ll, -1.0)):
            if threshold is None:
                continue
            active = self.book.is_active(device.id, type_)
            margin = rule.hysteresis if active else 0.0
            present = sign * (value - threshold) > -margin if active else \
                sign * (value - threshold) > 0
            severity = rule.severity_hh if (
                extreme is not None and sign * (value - extreme) > 0) else rule.severity_h
            self._step(device, type_, present, ts, rule.on_delay_s, rule.off_delay_s, severity,
                       detail("above" if sign > 0 else "below", point=rule.point, value=value,
                              threshold=threshold), value)
        if rule.learned:
            self._learned(device, rule, value, ts)

    def _learned(self, device: Device, rule: LimitRule, value: float, ts: float) -> None:
        """An excursion outside the band learned for this hour of the week; the band never
        reaches beyond the static limits, and alarm periods are not learned from."""
        type_ = f"{rule.point}.unusual"
        band = self.learned.band(device.id, rule.point, ts, (rule.ll, rule.hh))
        in_static_alarm = (self.book.is_active(device.id, f"{rule.point}.high")
                           or self.book.is_active(device.id, f"{rule.point}.low"))
        present = band is not None and not (band[0] <= value <= band[1])
        if band is not None:
            self._step(device, type_, present, ts, LEARNED_ON_DELAY_S, LEARNED_ON_DELAY_S,
                       Severity.LOW,
                       detail("unusual", point=rule.point, value=value, lo=band[0], hi=band[1]),
                       value)
        # excursions are not learned from, or the band would chase them; a real change of
        # behaviour is for an engineer to confirm by resetting the point's band
        if not present and not in_static_alarm:
            self.learned.update(device.id, rule.point, value, ts)

    def _rate(self, device: Device, rule: RateRule, value: float, ts: float) -> None:
        history = self._history.setdefault((device.id, rule.point), deque(maxlen=64))
        history.append((ts, value))
        while history and ts - history[0][0] > RATE_WINDOW_S:
            history.popleft()
        t0 = history[0][0]
        if ts - t0 < RATE_WINDOW_S / 2 or len(history) < 4:
            return  # too short a span, or too few readings, for a meaningful slope
        # least-squares slope over the window: two noisy end points would make a trend of
        # ordinary sensor noise
        times = [t - t0 for t, _ in history]
        values = [v for _, v in history]
        mean_t, mean_v = sum(times) / len(times), sum(values) / len(values)
        var_t = sum((t - mean_t) ** 2 for t in times)
        if var_t <= 0:
            return
        slope = sum((t - mean_t) * (v - mean_v) for t, v in zip(times, values, strict=True)) / var_t
        per_min = slope * 60.0
        too_fast = ((rule.max_rise_per_min is not None and per_min > rule.max_rise_per_min)
                    or (rule.max_fall_per_min is not None and -per_min > rule.max_fall_per_min))
        self._step(device, f"{rule.point}.rate", too_fast, ts, 0.0, RATE_WINDOW_S,
                   rule.severity, detail("rate", point=rule.point, rate=f"{per_min:+.2g}"), value)

    def _device_event(self, event: ev.DeviceEventReceived) -> None:
        device = self.store.device(event.device_id)
        if device is None:
            return
        if self.welfare.watches(device.id):
            self.welfare.door_event(device.id, event.ts)
        rules = self.rules(device).events
        clears = [r for r in rules if event.kind in r.cleared_by]
        for rule in clears:  # "restored": the condition is over, whatever the hold time
            type_ = f"event.{rule.kind}"
            self._event_last.pop((device.id, type_), None)
            self.book.clear_alarm(device.id, type_, at=event.ts)
        if clears:
            return
        for rule in rules:
            if rule.kind == event.kind:
                type_ = f"event.{event.kind}"
                self._event_last[(device.id, type_)] = (event.ts, rule.hold_s)
                self._raise(device, type_, rule.severity,
                            detail("event", kind=event.kind, data=dict(event.data)), None,
                            event.ts)
                return
        self.unhandled_events += 1

    # ---- time-driven ---------------------------------------------------------------------
    def tick(self) -> None:
        now = self.clock()
        with self._lock:
            for device in self.store.devices():
                offline = self.rules(device).offline
                if offline is None:
                    continue
                state = self.store.get(device.id)
                if state is None:
                    continue
                present = state.level in (Level.OFFLINE, Level.STALE)
                if (not present and self.timers.pending_since((device.id, "offline")) is None
                        and not self.book.is_active(device.id, "offline")):
                    continue  # nothing to start, hold or clear (most devices, every tick)
                word = "offline" if state.level == Level.OFFLINE else "stale"
                self._step(device, "offline", present, now, offline.on_delay_s, 0.0,
                           offline.severity, detail(word), None)
            for (device_id, type_), (t, hold) in list(self._event_last.items()):
                if now - t >= hold:
                    del self._event_last[(device_id, type_)]
                    self.book.clear_alarm(device_id, type_, at=now)
            for rule in self.welfare.overdue(now):
                device = self.store.device(rule.water_meter)
                if device is not None and not self.book.is_active(device.id, "welfare_check"):
                    hours = self.welfare.quiet_for(rule.unit, now) / 3600
                    self._raise(device, "welfare_check", Severity.HIGH,
                                detail("welfare", unit=rule.unit, resident=rule.resident,
                                       hours=f"{hours:.1f}"), None, now)
        self.timers.save()
        self.book.tick()

    # ---- conditions judged outside the rules (app.operations) --------------------------
    def report_condition(self, device_id: str, type_: str, present: bool, t: float, *,
                         severity: Severity, message: dict, value: float | None = None,
                         on_delay_s: float = 0.0, off_delay_s: float = 0.0) -> None:
        """A condition another part of the engine judges (a silent gate, a night flow above
        its baseline): raised and cleared through the same delays, grouping and book as
        the rules' own. ``message`` is ``messages.detail(...)``. Unknown devices are
        ignored."""
        device = self.store.device(device_id)
        if device is None:
            return
        with self._lock:
            self._step(device, type_, present, t, on_delay_s, off_delay_s, severity, message,
                       value)
        self.timers.save()

    # ---- shared --------------------------------------------------------------------------
    def _step(self, device: Device, type_: str, present: bool, t: float, on_delay: float,
              off_delay: float, severity: Severity, message: dict, value: float | None) -> None:
        active = self.book.is_active(device.id, type_)
        verdict = self.timers.step((device.id, type_), present, active, t, on_delay, off_delay)
        if verdict == "raise":
            self._raise(device, type_, severity, message, value, t)
        elif present and active and severity > (self.book.severity_of(device.id, type_) or 0):
            self._raise(device, type_, severity, message, value, t)  # worsened: HH after H
        elif verdict == "clear":
            self.book.clear_alarm(device.id, type_, at=t)

    def _raise(self, device: Device, type_: str, severity: Severity, message: dict,
               value: float | None, t: float) -> None:
        """``message`` is data (messages.detail): the board words it in its language."""
        notes = self.device_notes.get(device.id)
        if notes:
            message = {**message, **notes}
        existing = self.book.find_open(device.id, type_)
        parent = None
        if existing is None:
            parent = self.grouper.parent_for(device.kind, device.location.building, t)
        alarm = self.book.raise_alarm(device.id, type_, severity, describe(message), value=value,
                                      at=t, parent_id=parent, detail=message)
        if existing is None:
            self.grouper.note_raised(alarm.id, device.id, device.kind, severity, t)
