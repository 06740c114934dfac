"""``control-room bench detect``: quality on a held-out synthetic set, and speed.

Quality: throw clips (one throw each, a random mix of distractors, 30 % night) and
distractor-only clips, generated with seeds far from the ones the detector was developed on
(dev: < 1000; held-out: 10 000+), encoded to H.264 and read back through the same
``VideoFrameSource`` → ``FallingObjectDetector`` path as ``control-room detect``.
Speed: decoding alone, the detector alone on decoded 1280×720 frames, and both.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from app.vision import VideoFrameSource, load_facade
from app.vision.falling import FallingObjectDetector
from app.vision.synth import ClipSpec, make_clip

HELD_OUT_SEED = 10_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--throws", type=int, default=16, help="throw clips")
    parser.add_argument("--distractor-clips", type=int, default=8)
    parser.add_argument("--distractor-s", type=float, default=15.0, help="length of each")
    parser.add_argument("--seed", type=int, default=HELD_OUT_SEED)
    parser.add_argument("--workdir", help="keep the clips here (default: a temp dir)")
    # `bench detect --quick` lands here (after the name); `bench --quick detect` works too.
    parser.add_argument("--quick", dest="quick_here", action="store_true", help=argparse.SUPPRESS)


def _run_clip(paths: dict) -> tuple[list, list[float]]:
    src = VideoFrameSource(paths["video"])
    det = FallingObjectDetector(facade=load_facade(paths["facade"]), fps=src.fps)
    events, emitted_at = [], []
    t = 0.0
    for frame, t in src:
        for ev in det.process(frame, t):
            events.append(ev)
            emitted_at.append(t)
    for ev in det.flush():
        events.append(ev)
        emitted_at.append(t)
    return events, emitted_at


def _match(ev, gt: dict, width: int) -> bool:
    t_end = gt["t_last_visible"] or gt["t_impact"]
    return (gt["t_start"] - 0.5 <= ev.t_start <= t_end
            and abs(ev.origin_px[0] - gt["origin_px"][0]) <= 0.06 * width)


def _quality(args: argparse.Namespace, work: Path) -> dict:
    import json

    n_throw = 3 if args.quick else args.throws
    n_dis = 1 if args.quick else args.distractor_clips
    dis_s = 8.0 if args.quick else args.distractor_s
    rows, fp, fp_dis, dis_hours = [], 0, 0, 0.0
    lat, floor_ok, floor_pm1, col_ok, n_floor = [], 0, 0, 0, 0
    for i in range(n_throw + n_dis):
        throw = i < n_throw
        spec = ClipSpec(seed=args.seed + i, throws=1 if throw else 0,
                        duration_s=6.0 if throw else dis_s)
        paths = make_clip(spec, work, f"c{i}")
        truth = json.loads(Path(paths["truth"]).read_text())
        events, emitted = _run_clip(paths)
        matched = set()
        for ev, t_emit in zip(events, emitted, strict=True):
            hit = next((k for k, gt in enumerate(truth["events"])
                        if k not in matched and _match(ev, gt, truth["width"])), None)
            if hit is None:
                fp += 1
                fp_dis += 0 if throw else 1
                continue
            matched.add(hit)
            gt = truth["events"][hit]
            lat.append(t_emit - gt["t_start"])
            n_floor += 1  # a null floor on a detected throw counts as wrong
            floor_ok += ev.floor == gt["floor"]
            floor_pm1 += ev.floor is not None and abs(ev.floor - gt["floor"]) <= 1
            col_ok += ev.column == gt["column"]
        for k, gt in enumerate(truth["events"]):
            rows.append((gt["size_px"], gt["contrast"], truth["night"], k in matched))
        if not throw:
            dis_hours += truth["duration_s"] / 3600
    tp = sum(r[3] for r in rows)

    def recall(sel) -> float | None:
        picked = [r[3] for r in rows if sel(r)]
        return round(sum(picked) / len(picked), 3) if picked else None

    return {
        "throws": len(rows), "detected": tp, "false_alarms": fp,
        "recall": recall(lambda r: True),
        "recall_size_2_5px": recall(lambda r: r[0] < 5),
        "recall_size_5_9px": recall(lambda r: 5 <= r[0] < 9),
        "recall_size_9_14px": recall(lambda r: r[0] >= 9),
        "recall_contrast_lt50": recall(lambda r: r[1] < 50),
        "recall_contrast_ge50": recall(lambda r: r[1] >= 50),
        "recall_night": recall(lambda r: r[2]),
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "distractor_hours": round(dis_hours, 4),
        "false_alarms_in_distractor_clips": fp_dis,
        "false_alarms_per_camera_hour": round(fp_dis / dis_hours, 2) if dis_hours else None,
        "latency_release_to_alarm_s_median": round(statistics.median(lat), 2) if lat else None,
        "latency_release_to_alarm_s_max": round(max(lat), 2) if lat else None,
        "floor_exact_pct": round(100 * floor_ok / n_floor, 1) if n_floor else None,
        "floor_within_1_pct": round(100 * floor_pm1 / n_floor, 1) if n_floor else None,
        "column_exact_pct": round(100 * col_ok / n_floor, 1) if n_floor else None,
    }


def _speed(work: Path, quick: bool) -> dict:
    paths = make_clip(ClipSpec(seed=HELD_OUT_SEED - 1, throws=1, duration_s=4.0 if quick else 8.0,
                               distractors=("bird", "leaf", "shake")), work, "speed")
    t0 = time.perf_counter()
    frames = [(f, t) for f, t in VideoFrameSource(paths["video"])]
    decode = len(frames) / (time.perf_counter() - t0)
    det = FallingObjectDetector(facade=load_facade(paths["facade"]))
    t0 = time.perf_counter()
    for f, t in frames:
        det.process(f, t)
    detect_only = len(frames) / (time.perf_counter() - t0)
    del frames
    det = FallingObjectDetector(facade=load_facade(paths["facade"]))
    t0, n = time.perf_counter(), 0
    for f, t in VideoFrameSource(paths["video"]):
        det.process(f, t)
        n += 1
    both = n / (time.perf_counter() - t0)
    cores = 2
    return {
        "decode_fps_720p": round(decode, 1),
        "detector_fps_720p_excl_decode": round(detect_only, 1),
        "detector_fps_720p_incl_decode": round(both, 1),
        "ratio_incl_decode_to_decode_alone": round(both / decode, 3),
        "streams_25fps_realtime_2_cores": round(cores * both / 25.0, 2),
        "load_avg_1min_at_start": round(float(np.loadtxt("/proc/loadavg", usecols=0)), 2),
    }


def run(args: argparse.Namespace) -> dict:
    args.quick = bool(getattr(args, "quick", False) or getattr(args, "quick_here", False))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.workdir or tmp)
        figures = {"held_out_seed": args.seed}
        figures.update(_speed(work, args.quick))
        figures.update(_quality(args, work))
    return figures
