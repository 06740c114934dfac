"""``control-room detect VIDEO --detector construction --zones Z.json [--json]``.

The file is read by ``VideoFrameSource`` and fed to the same ``ConstructionAnalyzer`` a live
camera worker runs, with its cadence; only the sink differs (it prints). All durations are
video time, so a time-lapse works: a zones file for a video of one frame per ten minutes
at 12 fps says ``"min_persist_s": 6`` for twelve hours. Without ``sample_period_s`` a
sample is taken every 1/24 of ``min_persist_s`` (at least every frame).

Output: a JSON line per change as it is raised (CONTRACTS), and a ``camera_moved`` line
when the view stops registering to its reference; figures on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.vision.construction.analyzer import ConstructionAnalyzer
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.events import CameraMoved, Detection
from app.vision.construction.zones import ZonesError, ZoneSet, load_zones
from app.vision.source import VideoFrameSource, VideoSourceError

log = logging.getLogger(__name__)

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

    def construction_event(self, camera_id: str, ev) -> None:  # the analyser's sink
        self.events.append(ev)
        if self.on_event is not None:
            self.on_event(ev)

    on_event: object = None


def detect_file(video: str | Path, zones: ZoneSet, config: ConstructionConfig | None = None,
                on_event=None) -> FileRun:
    """Run the analyser over a file; ``on_event`` sees each event as it happens."""
    source = VideoFrameSource(video)
    zones = sampled(zones, source.fps)
    run = FileRun(on_event=on_event)
    analyzer = ConstructionAnalyzer("file", zones, run, config=config)
    started = time.process_time()
    for frame, t in source:
        run.frames += 1
        if analyzer.cadence.due(t):
            analyzer.process(frame, t)
    analyzer.finish()
    run.samples = analyzer.detector.samples
    run.cpu_s = analyzer.cpu_s
    run.decode_cpu_s = time.process_time() - started - analyzer.cpu_s
    run.stats = dict(analyzer.detector.stats)
    return run


def _line(ev, as_json: bool) -> str | None:
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


def run_cli(args: argparse.Namespace) -> int:
    """The construction branch of ``control-room detect``."""
    from app.cli import UsageError

    if not args.zones:
        raise UsageError("--detector construction needs --zones Z.json")
    if getattr(args, "facade", None):
        raise UsageError("--facade is for --detector falling, not construction")
    try:
        zones = load_zones(args.zones)
        VideoFrameSource(args.video).close()  # a bad video is reported before anything
    except (ZonesError, VideoSourceError) as exc:
        raise UsageError(str(exc)) from None

    def show(ev) -> None:
        line = _line(ev, args.json)
        if line is not None:
            print(line, flush=True)

    try:
        run = detect_file(args.video, zones, on_event=show)
    except VideoSourceError as exc:
        raise UsageError(str(exc)) from None
    n = sum(isinstance(e, Detection) for e in run.events)
    per = 1000 * run.cpu_s / max(run.samples, 1)
    log.info("%s: %d frames, %d samples (%.1f ms CPU each), %d changes; unregistered %d, "
             "global changes %d", args.video, run.frames, run.samples, per, n,
             run.stats.get("unregistered", 0), run.stats.get("global", 0))
    sys.stdout.flush()
    return 0
