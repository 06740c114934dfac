"""``control-room detect VIDEO --detector falling [--facade F.json] --json``, and
``--detector construction --zones Z.json`` (app/vision/construction/offline.py).

Offline detection on a video file through the same path a live camera worker uses
(``VideoFrameSource`` → detector ``process``/``flush``). Events go to stdout as JSON Lines,
one a line, as they happen; logs go to stderr. Bad video or facade: exit 2, one line.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from app.cli import UsageError

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "detect", help="run a camera detector on a video file",
        description="Run a detector on a video file and print its events. Falling objects "
        "(高空抛物): traced to floor and column when a facade calibration is given.")
    parser.add_argument("video", metavar="VIDEO", help="video file (anything FFmpeg reads)")
    parser.add_argument("--detector", required=True, choices=["falling", "construction"],
                        help="which detector: falling objects, or construction in zones")
    parser.add_argument("--facade", metavar="F.json",
                        help="facade calibration: corners_px, floors, columns, lowest_floor")
    parser.add_argument("--zones", metavar="Z.json",
                        help="construction zones: zones (id, kind, polygon_px), min_persist_s "
                        "(video time)")
    parser.add_argument("--json", action="store_true",
                        help="JSON Lines on stdout (one event a line); default is text")
    parser.set_defaults(func=_run)


def _check_unreadable(video: str, source) -> None:
    """A video that ends before the frames its container announced was cut short or is
    corrupt: say how many frames were lost, and refuse the result when most were."""
    lost = source.frames_unreadable
    if not lost:
        return
    what = (f"{video}: {lost} of {source.frames_expected} frames could not be decoded "
            "(truncated or corrupt video)")
    if lost > source.frames_expected / 2:
        raise UsageError(what)
    log.warning("%s; detection ran on the %d that could", what, source.frames_read)


def _run(args: argparse.Namespace) -> int:
    from app.vision import FacadeError, VideoFrameSource, VideoSourceError, load_facade
    from app.vision.falling import FallingObjectDetector
    from app.vision.falling.detector import MIN_SIDE_PX

    if args.detector == "construction":
        return _run_construction(args)
    try:
        facade = load_facade(args.facade) if args.facade else None
        source = VideoFrameSource(args.video)
    except (FacadeError, VideoSourceError) as exc:
        raise UsageError(str(exc)) from None
    if min(source.width, source.height) < MIN_SIDE_PX:
        raise UsageError(f"{args.video}: frames are {source.width}×{source.height} px, too "
                         f"small to detect anything in (at least {MIN_SIDE_PX} px a side)")
    detector = FallingObjectDetector(facade=facade, fps=source.fps)
    # the live detector raises an alarm while the object still falls and refines it later
    # (same event_id); a file's events are printed in their final form, one line each
    events: dict[object, object] = {}

    def collect(found: list) -> None:
        for ev in found:
            events[getattr(ev, "event_id", None) or id(ev)] = ev

    try:
        for frame, t in source:
            collect(detector.process(frame, t))
            collect(detector.take_updates())
    except VideoSourceError as exc:
        raise UsageError(str(exc)) from None
    collect(detector.flush())
    collect(detector.take_updates())
    _check_unreadable(args.video, source)
    count = len(events)
    for ev in sorted(events.values(), key=lambda e: e.t_start):
        d = ev.to_json()
        if args.json:
            print(json.dumps(d, ensure_ascii=False))
        else:
            where = f" floor {d['floor']} column {d['column']}" if facade else ""
            print(f"{d['t_start']:8.2f}s – {d['t_end']:.2f}s falling object from "
                  f"({d['origin_px'][0]:.0f}, {d['origin_px'][1]:.0f}){where} "
                  f"confidence {d['confidence']:.2f}")
    stats = detector.stage.stats
    log.info("%s: %d frames (%d repeated), %d events; skipped for shake %d, global resets %d",
             args.video, source.frames_read, detector.cadence.dropped, count,
             stats.skipped_shake, stats.global_resets)
    sys.stdout.flush()
    return 0


def _run_construction(args: argparse.Namespace) -> int:
    """The construction branch: the file fed to the live camera's analyser
    (app/vision/construction/offline.py), events printed as they are raised."""
    from app.vision import VideoFrameSource, VideoSourceError
    from app.vision.construction.events import Detection
    from app.vision.construction.offline import detect_file, event_line
    from app.vision.construction.zones import ZonesError, load_zones

    if not args.zones:
        raise UsageError("--detector construction needs --zones Z.json")
    if args.facade:
        raise UsageError("--facade is for --detector falling, not construction")
    try:
        zones = load_zones(args.zones)
        VideoFrameSource(args.video).close()  # a bad video is reported before anything
    except (ZonesError, VideoSourceError) as exc:
        raise UsageError(str(exc)) from None

    def show(ev) -> None:
        line = event_line(ev, args.json)
        if line is not None:
            print(line, flush=True)

    try:
        run = detect_file(args.video, zones, on_event=show)
    except (VideoSourceError, ValueError) as exc:
        raise UsageError(f"{args.video}: {exc}") from None
    changes = sum(isinstance(e, Detection) for e in run.events)
    per = 1000 * run.cpu_s / max(run.samples, 1)
    log.info("%s: %d frames, %d samples (%.1f ms CPU each), %d changes; unregistered %d, "
             "global changes %d", args.video, run.frames, run.samples, per, changes,
             run.stats.get("unregistered", 0), run.stats.get("global", 0))
    sys.stdout.flush()
    return 0
