"""Alarm takeover of the wall, and the flood rule: pure logic, fed alarm copies and the time.

A high-priority alarm (severity at least the wall file's ``takeover.min_severity``, not
shelved, not suppressed, not yet acknowledged, still active) takes a free takeover *slot*:
the slot's reserved tiles show its camera, its place in 3D and its details. It holds them
until it is acknowledged, clears, closes or is shelved, or until ``hold_s`` passes; then the
slot is given back (the UI restores what the tiles showed, ui/wall/takeover_stage.py) and
the next queued alarm, most severe and oldest first, takes it. Alarms beyond the slots wait
in the queue. An alarm whose hold ran out does not come back.

A flood (ISA-18.2: ``flood_count`` alarms raised within ``flood_window_s``, 10 in 10 minutes
by default) stops the flipping: every slot is given back, one summary shows instead, and new
alarms queue; the flood ends when fewer than half as many remain in the window, and the
queue takes the slots again.

Every call returns what changed (``Started``, ``Ended``, ``FloodChanged``) for the UI to
apply in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from app.alarms.model import Alarm
from app.wall.model import TakeoverSettings

NEWEST_IN_SUMMARY = 5


class Takeover(msgspec.Struct, frozen=True):
    slot: int
    alarm: Alarm  # the newest copy
    since: float  # when it first took the wall
    until: float | None  # when the hold runs out (None: until acknowledged or cleared)


class FloodSummary(msgspec.Struct, frozen=True):
    since: float
    in_window: int  # alarms raised within the window
    window_s: float
    unacknowledged: dict[int, int]  # open, unacknowledged alarms by severity
    newest: list[Alarm]  # the latest few raised in the window, newest first


class Started(msgspec.Struct, frozen=True):
    takeover: Takeover


class Updated(msgspec.Struct, frozen=True):
    takeover: Takeover  # the alarm changed (a repeat, a new value) but still holds the slot


class Ended(msgspec.Struct, frozen=True):
    takeover: Takeover
    reason: str  # acknowledged | cleared | closed | shelved | timeout | flood | preset | gone


class FloodChanged(msgspec.Struct, frozen=True):
    summary: FloodSummary | None  # None: the flood is over


Change = Started | Updated | Ended | FloodChanged


class TakeoverBoard:
    def __init__(self, slots: Sequence[int], settings: TakeoverSettings) -> None:
        self.settings = settings
        self.slots = sorted(set(slots))
        self.active: dict[int, Takeover] = {}
        self.queue: dict[str, Alarm] = {}
        self.flood: FloodSummary | None = None
        self._open: dict[str, Alarm] = {}
        self._raised: dict[str, float] = {}  # announced alarms raised in the window
        self._since: dict[str, float] = {}  # when each alarm first took a slot
        self._done: set[str] = set()  # held until its time ran out: it does not return

    # ---- feeding -------------------------------------------------------------------------
    def seed(self, alarms: Iterable[Alarm], now: float) -> list[Change]:
        changes: list[Change] = []
        for alarm in sorted(alarms, key=lambda a: a.raised_at):
            changes += self.update(alarm, now)
        return changes

    def update_many(self, alarms: Iterable[Alarm], now: float) -> list[Change]:
        """Several alarms changed (the wall applies what arrived since its last tick): as
        ``update`` for each, with the flood summary worked out once at the end — it counts
        every open alarm, so once per change made a flood of N alarms N² work."""
        changes: list[Change] = []
        for alarm in alarms:
            changes += self.update(alarm, now, summarise=False)
        if self.flood is not None:
            changes += self._refresh_summary(now)
        return changes

    def update(self, alarm: Alarm, now: float, *, summarise: bool = True) -> list[Change]:
        """An alarm changed (raised, acknowledged, cleared, …): its copy at that moment."""
        if alarm.closed_at is None:
            self._open[alarm.id] = alarm
        else:  # closed for good: nothing about it is kept (a wall runs for weeks)
            self._open.pop(alarm.id, None)
            self._since.pop(alarm.id, None)
            self._done.discard(alarm.id)
        if not alarm.suppressed and alarm.raised_at > now - self.settings.flood_window_s:
            self._raised[alarm.id] = alarm.raised_at
        changes = self._check_flood(now)
        wanted = self._qualifies(alarm, now)
        slot = self._slot_of(alarm.id)
        if slot is not None:
            held = self.active[slot]
            if wanted:
                self.active[slot] = msgspec.structs.replace(held, alarm=alarm)
                changes.append(Updated(self.active[slot]))
            else:
                del self.active[slot]
                changes.append(Ended(msgspec.structs.replace(held, alarm=alarm),
                                     _why_not(alarm, now)))
                changes += self._fill(now)
        elif wanted and alarm.id not in self._done:
            self.queue[alarm.id] = alarm
            changes += self._fill(now)
        else:
            self.queue.pop(alarm.id, None)
        if self.flood is not None and summarise:
            changes += self._refresh_summary(now)
        return changes

    def tick(self, now: float) -> list[Change]:
        """Holds that ran out, and the flood window moving on."""
        changes: list[Change] = []
        for slot, held in sorted(self.active.items()):
            if held.until is not None and now >= held.until:
                del self.active[slot]
                self._done.add(held.alarm.id)
                changes.append(Ended(held, "timeout"))
        horizon = now - self.settings.flood_window_s
        for alarm_id in [i for i, t in self._raised.items() if t <= horizon]:
            del self._raised[alarm_id]
        changes += self._check_flood(now)
        for alarm_id, alarm in list(self.queue.items()):
            if not self._qualifies(alarm, now):  # a shelve ran out of its own accord, etc.
                del self.queue[alarm_id]
        changes += self._fill(now)
        if self.flood is not None:
            changes += self._refresh_summary(now)
        return changes

    def set_slots(self, slots: Sequence[int], now: float) -> list[Change]:
        """Another preset reserves other slots: alarms on slots it lacks go back to the
        queue (their hold keeps counting from when they first showed)."""
        self.slots = sorted(set(slots))
        changes: list[Change] = []
        for slot, held in sorted(self.active.items()):
            if slot not in self.slots:
                del self.active[slot]
                self.queue[held.alarm.id] = held.alarm
                changes.append(Ended(held, "preset"))
        return changes + self._fill(now)

    # ---- reading -------------------------------------------------------------------------
    def in_window(self) -> int:
        return len(self._raised)

    def takeover_of(self, alarm_id: str) -> Takeover | None:
        slot = self._slot_of(alarm_id)
        return None if slot is None else self.active[slot]

    def waiting(self) -> list[Alarm]:
        """Queued alarms in the order they will take the wall."""
        return sorted(self.queue.values(), key=_urgency)

    # ---- internals -----------------------------------------------------------------------
    def _qualifies(self, alarm: Alarm, now: float) -> bool:
        return (int(alarm.severity) >= self.settings.min_level and not alarm.suppressed
                and not alarm.is_shelved(now) and alarm.acknowledged_at is None
                and alarm.active and alarm.closed_at is None)

    def _slot_of(self, alarm_id: str) -> int | None:
        return next((s for s, t in self.active.items() if t.alarm.id == alarm_id), None)

    def _fill(self, now: float) -> list[Change]:
        changes: list[Change] = []
        if self.flood is not None:
            return changes
        free = [s for s in self.slots if s not in self.active]
        hold = self.settings.hold_s
        for alarm in self.waiting():
            if not free:
                break
            del self.queue[alarm.id]
            since = self._since.setdefault(alarm.id, now)
            until = since + hold if hold > 0 else None
            if until is not None and now >= until:
                self._done.add(alarm.id)  # its time ran out while it waited
                continue
            held = Takeover(free.pop(0), alarm, since, until)
            self.active[held.slot] = held
            changes.append(Started(held))
        return changes

    def _check_flood(self, now: float) -> list[Change]:
        count = self.in_window()
        changes: list[Change] = []
        if self.flood is None and count >= self.settings.flood_count:
            for slot, held in sorted(self.active.items()):
                del self.active[slot]
                self.queue[held.alarm.id] = held.alarm
                changes.append(Ended(held, "flood"))
            self.flood = self._summary(now, now)
            changes.append(FloodChanged(self.flood))
        elif self.flood is not None and count < max(1, self.settings.flood_count // 2):
            self.flood = None
            changes.append(FloodChanged(None))
            changes += self._fill(now)
        return changes

    def _refresh_summary(self, now: float) -> list[Change]:
        assert self.flood is not None
        summary = self._summary(self.flood.since, now)
        if summary == self.flood:
            return []
        self.flood = summary
        return [FloodChanged(summary)]

    def _summary(self, since: float, now: float) -> FloodSummary:
        unacked: dict[int, int] = {}
        for alarm in self._open.values():
            if alarm.acknowledged_at is None and not alarm.suppressed \
                    and not alarm.is_shelved(now):
                unacked[int(alarm.severity)] = unacked.get(int(alarm.severity), 0) + 1
        newest_ids = sorted(self._raised, key=lambda i: -self._raised[i])[:NEWEST_IN_SUMMARY]
        newest = [self._open[i] for i in newest_ids if i in self._open]
        return FloodSummary(since, self.in_window(), self.settings.flood_window_s,
                            dict(sorted(unacked.items(), reverse=True)), newest)


def _urgency(alarm: Alarm) -> tuple[int, float, str]:
    return (-int(alarm.severity), alarm.raised_at, alarm.id)


def _why_not(alarm: Alarm, now: float) -> str:
    if alarm.acknowledged_at is not None:
        return "acknowledged"
    if alarm.closed_at is not None:
        return "closed"
    if not alarm.active:
        return "cleared"
    if alarm.is_shelved(now):
        return "shelved"
    return "gone"
