"""The file side of ``control-room detect VIDEO --detector construction --zones Z.json``
(the command itself is app/cli/commands/detect.py).

The file is read by ``VideoFrameSource`` and fed to the same ``ConstructionAnalyzer`` a live
camera worker runs, with its cadence; only the sink differs (it prints). All durations are
video time, so a time-lapse works: a zones file for a video of one frame per ten minutes
at 12 fps says ``"min_persist_s": 6`` for twelve hours. Without ``sample_period_s`` a
sample is taken every 1/24 of ``min_persist_s`` (at least every frame).

Output: a JSON line per change as it is raised (CONTRACTS), and a ``camera_moved`` line
when the view stops registering to its reference; figures on stderr.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.vision.construction.analyzer import ConstructionAnalyzer
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.digest import sample_digest
from app.vision.construction.events import CameraMoved, Detection
from app.vision.construction.zones import ZoneSet
from app.vision.opencv_threads import one_thread
from app.vision.source import VideoFrameSource

SAMPLES_PER_PERSIST = 24


def sampled(zones: ZoneSet, fps: float) -> ZoneSet:
    """The zones with their sample period filled in for a file of this frame rate."""
    if zones.sample_period_s is not None:
        return zones
    return replace_zones(zones, max(1.0 / fps, zones.min_persist_s / SAMPLES_PER_PERSIST))


def replace_zones(zones: ZoneSet, period: float) -> ZoneSet:
    import msgspec
    return msgspec.structs.replace(zones, sample_period_s=period)


@dataclass
class FileRun:
    events: list = field(default_factory=list)
    frames: int = 0
    samples: int = 0
    cpu_s: float = 0.0  # process time in the detector (decoding excluded)
    decode_cpu_s: float = 0.0
    stats: dict = field(default_factory=dict)
    # with ``digests``: (t, 8 hex characters of the detector's state) per sample (digest.py)
    digests: list = field(default_factory=list)

    def construction_event(self, camera_id: str, ev) -> None:  # the analyser's sink
        self.events.append(ev)
        if self.on_event is not None:
            self.on_event(ev)

    on_event: object = None


def detect_file(video: str | Path, zones: ZoneSet, config: ConstructionConfig | None = None,
                on_event=None, operator=None, digests: bool = False) -> FileRun:
    """Run the analyser over a file; ``on_event`` sees each event as it happens. OpenCV runs
    on one thread meanwhile: the same file gives the same alarms on every run (on the
    bench's time-lapses the second thread gained nothing: 38 ms a sample either way).

    ``operator`` (the bench's, bench/construction_operator.py) answers the alarms as a
    control room would: it is given the analyser (``attach``), hears every event
    (``heard``) and, before each sample is judged, gives the answers due by its time
    (``answer``).

    ``digests``: keep a short digest of the detector's state after every sample in
    ``FileRun.digests`` (digest.py: where two runs of a video part ways). Off, nothing is
    computed."""
    source = VideoFrameSource(video)
    zones = sampled(zones, source.fps)
    run = FileRun(on_event=on_event if operator is None
                  else _both(on_event, operator.heard))
    analyzer = ConstructionAnalyzer("file", zones, run, config=config)
    if operator is not None:
        operator.attach(analyzer)
    started = time.process_time()
    with one_thread():
        for frame, t in source:
            run.frames += 1
            if analyzer.schedule.due(t):
                if operator is not None:
                    operator.answer(t)
                heard = len(run.events)
                analyzer.process(frame, t)
                if digests:
                    run.digests.append((t, sample_digest(analyzer.detector,
                                                         run.events[heard:])))
        analyzer.finish()
    run.samples = analyzer.detector.samples
    run.cpu_s = analyzer.cpu_s
    run.decode_cpu_s = time.process_time() - started - analyzer.cpu_s
    run.stats = dict(analyzer.detector.stats)
    return run


def _both(first, second):
    if first is None:
        return second

    def both(ev) -> None:
        first(ev)
        second(ev)
    return both


def event_line(ev, as_json: bool) -> str | None:
    if isinstance(ev, Detection):
        d = ev.event.to_json()
        if as_json:
            return json.dumps(d, ensure_ascii=False)
        x, y, w, h = d["bbox_px"]
        return (f"{d['t_detected']:10.2f}s construction in zone {d['zone']} "
                f"({ev.event.zone_kind}) at ({x}, {y}) {w}×{h} confidence {d['confidence']:.2f}")
    if isinstance(ev, CameraMoved):
        d = ev.to_json()
        return (json.dumps(d, ensure_ascii=False) if as_json
                else f"{d['t_detected']:10.2f}s camera moved or tampered: {d['reason']}")
    return None
