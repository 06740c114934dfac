"""Live acoustic localisation: microphone arrivals of one sound are grouped, located by TDOA
(``acoustic.locate``) and turned into an alarm on the nearest device, so a burst pipe's
hiss or a bang in a stairwell reaches the board — and, when serious, dispatch — with its
building and floor.

Grouping: arrivals of one sound at different microphones fall within the largest
microphone separation divided by the speed of sound (plus a margin for echoes); a
microphone heard twice in one group is an echo and keeps its first arrival. A group is
closed once no arrival can still belong to it (``hold_s`` after its first one came in, on
this machine's clock) and located when it has at least four microphones.
"""

from __future__ import annotations

import itertools
import logging
import math
import threading
import time
from collections.abc import Callable, Sequence

import msgspec

from app.alarms.book import AlarmBook
from app.alarms.messages import describe, detail
from app.alarms.model import Severity
from app.dispatch.acoustic import DEFAULT_SPEED_OF_SOUND, LocateError, LocateResult, locate
from app.dispatch.nearest import Nearest, nearest
from app.ingest.events import MicArrivalReceived
from app.scene.model import Scene

log = logging.getLogger(__name__)

#: what a kind of sound means to the control room
SEVERITY = {"bang": Severity.HIGH, "impact": Severity.MEDIUM, "hiss": Severity.MEDIUM}
ECHO_MARGIN_S = 0.05


class SoundLocated(msgspec.Struct, frozen=True):
    kind: str
    result: LocateResult
    nearest: Nearest
    level_db: float | None
    heard_at: float


class _Group(msgspec.Struct):
    first_ns: int
    opened_at: float
    kind: str
    arrivals: dict[str, int]
    level_db: float | None


class AcousticWatch:
    def __init__(self, scene: Scene, book: AlarmBook | None = None, *,
                 speed_of_sound: float = DEFAULT_SPEED_OF_SOUND, hold_s: float = 1.0,
                 on_located: Callable[[SoundLocated], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.scene = scene
        self.clock = clock  # when arrivals came in here: not the sender's (simulated) time
        self.book = book
        self.mics = {m.id: m.xyz for m in scene.microphones}
        self.speed_of_sound = speed_of_sound
        self.hold_s = hold_s
        self.on_located = on_located
        spread = max((math.dist(a, b) for a, b in itertools.combinations(self.mics.values(), 2)),
                     default=0.0)
        self.window_ns = int((spread / speed_of_sound + ECHO_MARGIN_S) * 1e9)
        self._open: list[_Group] = []
        self._lock = threading.Lock()
        self.located: list[SoundLocated] = []
        self.unlocated = 0  # groups heard by too few microphones, or unsolvable

    # ---- ingest listener (cheap: only groups) --------------------------------------------
    def handle_events(self, events: Sequence[object]) -> None:
        arrivals = [e for e in events if type(e) is MicArrivalReceived]
        if not arrivals:
            return
        with self._lock:
            for arrival in arrivals:
                if arrival.mic_id in self.mics:
                    self._add(arrival)

    def _add(self, a: MicArrivalReceived) -> None:
        for group in self._open:
            if group.kind == a.kind and abs(a.ts_ns - group.first_ns) <= self.window_ns:
                if a.mic_id not in group.arrivals:  # a second hearing is an echo
                    group.arrivals[a.mic_id] = a.ts_ns
                    group.first_ns = min(group.first_ns, a.ts_ns)
                if a.level_db is not None:
                    group.level_db = max(group.level_db or a.level_db, a.level_db)
                return
        self._open.append(_Group(a.ts_ns, self.clock(), a.kind, {a.mic_id: a.ts_ns},
                                 a.level_db))

    # ---- housekeeping tick: close, locate, raise ------------------------------------------
    def tick(self, now: float | None = None) -> list[SoundLocated]:
        now = self.clock() if now is None else now
        with self._lock:
            done = [g for g in self._open if now - g.opened_at >= self.hold_s]
            self._open = [g for g in self._open if now - g.opened_at < self.hold_s]
        out = []
        for group in done:
            sound = self._locate(group, now)
            if sound is not None:
                out.append(sound)
                self.located.append(sound)
                del self.located[:-100]
                self._raise(sound)
                if self.on_located is not None:
                    self.on_located(sound)
        return out

    def _locate(self, group: _Group, now: float) -> SoundLocated | None:
        if len(group.arrivals) < 4:
            self.unlocated += 1
            return None
        try:
            result = locate(self.mics, group.arrivals, speed_of_sound=self.speed_of_sound)
        except LocateError as exc:
            self.unlocated += 1
            log.info("a %s heard by %d microphones could not be located: %s", group.kind,
                     len(group.arrivals), exc)
            return None
        heard_at = group.first_ns / 1e9  # the sender's clock, like every other alarm time
        return SoundLocated(group.kind, result, nearest(self.scene, result.xyz), group.level_db,
                            heard_at)

    def _raise(self, sound: SoundLocated) -> None:
        if self.book is None or sound.nearest.device_id is None:
            return
        where = " ".join(p for p in (
            sound.nearest.building,
            f"{sound.nearest.floor}F" if sound.nearest.floor is not None else None) if p)
        x, y, z = sound.result.xyz
        level = f", {sound.level_db:.0f} dB" if sound.level_db is not None else ""
        message = detail("sound", kind=sound.kind, level=level, x=f"{x:.1f}", y=f"{y:.1f}",
                         z=f"{z:.1f}", uncertainty=f"{sound.result.uncertainty_m:.1f}",
                         where=where)
        self.book.raise_alarm(sound.nearest.device_id, f"sound.{sound.kind}",
                              SEVERITY.get(sound.kind, Severity.MEDIUM), describe(message),
                              at=sound.heard_at, detail=message)
