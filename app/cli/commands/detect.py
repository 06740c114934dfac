"""``control-room detect VIDEO --detector falling [--facade F.json] --json``.

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
                        help="which detector (construction: not available yet)")
    parser.add_argument("--facade", metavar="F.json",
                        help="facade calibration: corners_px, floors, columns, lowest_floor")
    parser.add_argument("--json", action="store_true",
                        help="JSON Lines on stdout (one event a line); default is text")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.vision import FacadeError, VideoFrameSource, VideoSourceError, load_facade
    from app.vision.falling import FallingObjectDetector

    if args.detector != "falling":
        raise UsageError(f"detector {args.detector!r} is not available yet")
    try:
        facade = load_facade(args.facade) if args.facade else None
        source = VideoFrameSource(args.video)
    except (FacadeError, VideoSourceError) as exc:
        raise UsageError(str(exc)) from None
    detector = FallingObjectDetector(facade=facade, fps=source.fps)
    count = 0

    def emit(events: list) -> None:
        nonlocal count
        for ev in events:
            count += 1
            if args.json:
                print(json.dumps(ev.to_json(), ensure_ascii=False), flush=True)
            else:
                d = ev.to_json()
                where = f" floor {d['floor']} column {d['column']}" if facade else ""
                print(f"{d['t_start']:8.2f}s – {d['t_end']:.2f}s falling object from "
                      f"({d['origin_px'][0]:.0f}, {d['origin_px'][1]:.0f}){where} "
                      f"confidence {d['confidence']:.2f}", flush=True)

    try:
        for frame, t in source:
            emit(detector.process(frame, t))
    except VideoSourceError as exc:
        raise UsageError(str(exc)) from None
    emit(detector.flush())
    stats = detector.stage.stats
    log.info("%s: %d frames, %d events; skipped for shake %d, global resets %d",
             args.video, source.frames_read, count, stats.skipped_shake, stats.global_resets)
    sys.stdout.flush()
    return 0
