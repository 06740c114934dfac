"""Where a training run's data comes from, read by scenario time: a recording (through the
replay's ``RecordingCursor``) or the compound simulator under a seed.

A feed is pulled, never pushed: the player asks ``until(t)`` for everything due up to
scenario time ``t``, once per step, so the engine sees the same messages in the same steps
whatever the speed. ``position()`` / ``seek()`` bookmark it for the player's snapshots.
The feed also counts as the engine's ``Source`` (``DrivenSource``), which starts no thread
of its own and can never publish.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from app.recording.cursor import RecordingCursor
from app.scene.model import Scene
from app.sources.base import MessageSink, Source, SourceStatus
from app.sources.simulator.compound import CompoundSimulator
from app.wire.message import RawMessage
from app.wire.topics import TopicScheme


class Feed(Protocol):
    start: float  # epoch seconds of the scenario's t = 0
    end: float  # epoch seconds when the data ends

    def until(self, t: float) -> list[RawMessage]: ...
    def position(self) -> object: ...
    def seek(self, position: object) -> None: ...
    def describe(self) -> str: ...
    def close(self) -> None: ...


class RecordingFeed:
    """A recording, from its first message; messages are stamped with their recorded
    time (the scenario clock runs on the recording's own dates)."""

    def __init__(self, path: str | Path, duration_s: float | None = None) -> None:
        self.path = Path(path)
        self.cursor = RecordingCursor(self.path)
        self.skipped = self.cursor.skipped
        self._base = self.cursor.header.started_at
        first = self.cursor.peek_t() or 0.0
        self.start = self._base + first
        last = self.cursor.last_t() if duration_s is None else first + duration_s
        self.end = self._base + (last if last is not None else first)

    def until(self, t: float) -> list[RawMessage]:
        base = self._base
        return [RawMessage(f.topic, f.payload, base + f.t)
                for f in self.cursor.until(t - base)]

    def position(self) -> object:
        return self.cursor.position()

    def seek(self, position: object) -> None:
        self.cursor.seek(position)  # type: ignore[arg-type]

    def describe(self) -> str:
        return f"recording {self.path.name}"

    def close(self) -> None:
        self.cursor.close()


class SimulatorFeed:
    """The compound simulator under a seed, advanced to each step's time: the same seed
    and steps give byte-identical messages."""

    def __init__(self, scene: Scene, scheme: TopicScheme, *, seed: int, start: float,
                 duration_s: float, faults: bool) -> None:
        self.scene, self.scheme, self.seed = scene, scheme, seed
        self.start = start
        self.end = start + duration_s
        self._sim = CompoundSimulator(scene, scheme, seed=seed, faults=faults)
        self._born = False
        # what a bookmark shares with the live simulator instead of copying (the scene)
        self._shared = {id(o): o for o in (scene, scheme, *scene.devices, *scene.buildings)}

    def until(self, t: float) -> list[RawMessage]:
        if not self._born:
            self._born = True
            messages = self._sim.birth(self.start) + self._sim.advance(max(t, self.start))
        else:
            messages = self._sim.advance(t)
        return [RawMessage(topic, payload, t) for topic, payload, _ in messages]

    def position(self) -> object:
        from app.training.snapshots import freeze

        return (self._born, freeze(self._sim, self._shared))

    def seek(self, position: object) -> None:
        from app.training.snapshots import thaw

        born, frozen = position  # type: ignore[misc]
        self._born = born
        self._sim = thaw(frozen, self._shared)  # the bookmark stays reusable

    def describe(self) -> str:
        return f"simulator, seed {self.seed}"

    def close(self) -> None:
        pass


class DrivenSource(Source):
    """The engine's source in training: the player delivers the feed's messages itself, so
    this starts nothing; it cannot publish (the base class refuses)."""

    name = "training"
    can_publish = False

    def __init__(self, feed: Feed, status: callable = None) -> None:  # type: ignore[valid-type]
        self.feed = feed
        self._status = status

    def start(self, sink: MessageSink) -> None:
        pass

    def stop(self) -> None:
        pass

    def status(self) -> SourceStatus:
        detail = self._status() if self._status is not None else self.feed.describe()
        return SourceStatus(connected=True, detail=detail)
