"""``control-room bench construction``: the construction detector on synthetic time-lapses
(bench/construction_set.py) — recall of structures inside zones, latency, false alarms per
camera-week, camera moves reported — and its CPU per camera next to the falling detector's.

    control-room bench construction --json [--set dev|held-out|held-out-2|held-out-3|held-out-4] [--structures 30]
        [--weeks 4] [--moves 6] [--first-structure K] [--answer-after HOURS|never]
        [--answer-structures dispatch|accept] [--jobs N] [--workdir DIR] [--dump r.jsonl]
    control-room bench construction --from-dump r.jsonl      # figures again

Every time-lapse is rendered, encoded to H.264 and read back through ``control-room
detect``'s own path. An operator answers every alarm 2 compound hours after it is raised
(dispatch if it covers a structure in a zone, else reject), as a staffed room does;
``--answer-after never`` scores the room nobody staffs (the figures before round 18). CPU is process time (the machine is shared), per sample and as
seconds per camera-hour at the live cadence (a sample every 10 minutes).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from app.vision.construction.config import ConstructionConfig
from bench.construction_set import PERSIST_S, SEEDS, ensure, score

ANSWER_AFTER_H = 2.0  # the staffing assumption (round 18): every alarm answered within 2 h
LIVE_SAMPLES_PER_HOUR = 6.0  # ConstructionConfig.sample_period_s = 600
FALLING_FPS = 25.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--set", choices=sorted(SEEDS), default="held-out-3")
    parser.add_argument("--structures", type=int, default=30, help="structure runs (4.5 d)")
    parser.add_argument("--weeks", type=int, default=4, help="distractor-only camera-weeks")
    parser.add_argument("--moves", type=int, default=6, help="camera-move runs (2.5 d)")
    parser.add_argument("--jobs", type=int, default=1, help="parallel processes (idle box only)")
    parser.add_argument("--workdir", help="keep the videos here and reuse them")
    parser.add_argument("--dump", help="append every run's scored result here (JSON Lines)")
    parser.add_argument("--from-dump", help="only compute the figures from such a file")
    parser.add_argument("--first-structure", type=int, default=0,
                        help="start the structure runs this many seeds into the set "
                        "(dev 50: the fresh sample 1050+)")
    parser.add_argument("--answer-after", type=_hours, default=ANSWER_AFTER_H,
                        metavar="HOURS|never",
                        help="the bench operator answers every alarm this many compound "
                        f"hours after it is raised (default {ANSWER_AFTER_H:g}: a room "
                        "staffed around the clock; bench/construction_operator.py); never: "
                        "nobody answers (the bench of rounds 1-17)")
    parser.add_argument("--answer-structures", choices=("dispatch", "accept"),
                        default="dispatch", help="the operator's answer to an alarm over a "
                        "structure in a zone (others are rejected)")
    parser.add_argument("--realisation", type=int, default=0, metavar="K",
                        help="shift every registration by K/1024 px: another realisation of "
                        "the same runs (the alarms are chaotic under a last-bit change, round "
                        "21); compare a candidate over two or three (default 0: the service's)")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--quick", dest="quick_here", action="store_true", help=argparse.SUPPRESS)


def _hours(text: str) -> float | None:
    if text == "never":
        return None
    hours = float(text)
    if not hours >= 0:
        raise argparse.ArgumentTypeError(f"hours ≥ 0 or never, not {text!r}")
    return hours


def _job(job: tuple) -> dict:
    kind, seed, work, answer_after_h, structures, realisation = job
    result = score(kind, seed, ensure(kind, seed, Path(work)),
                   ConstructionConfig(realisation=realisation), answer_after_h=answer_after_h,
                   structures=structures)
    return result | {"realisation": realisation}


def jobs(args: argparse.Namespace, work: str) -> list[tuple]:
    s, d, m = SEEDS[args.set]
    quick = args.quick or args.quick_here
    n_s, n_d, n_m = (2, 0, 1) if quick else (args.structures, args.weeks, args.moves)
    s += getattr(args, "first_structure", 0)
    answer = (getattr(args, "answer_after", None), getattr(args, "answer_structures", "dispatch"),
              getattr(args, "realisation", 0))
    return ([("structure", s + i, work, *answer) for i in range(n_s)]
            + [("distractor", d + i, work, *answer) for i in range(n_d)]
            + [("moved", m + i, work, *answer) for i in range(n_m)])


def wilson(k: int, n: int, z: float = 1.96) -> list[float] | None:
    """The 95 % Wilson score interval of a proportion k/n: what a recall from a few dozen
    structures can and cannot tell."""
    if not n:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)]


def figures(results: list[dict]) -> dict:
    structures = [s for r in results if r["kind"] == "structure" for s in r["structures"]]
    found = [s for s in structures if s["latency_s"] is not None]
    lat_h = sorted(s["latency_s"] / 3600 for s in found)
    by_kind: dict[str, list] = {}
    for s in structures:
        by_kind.setdefault(s["kind"], []).append(s["latency_s"] is not None)
    weeks = [r for r in results if r["kind"] == "distractor"]
    week_days = sum(r["days"] for r in weeks)
    fa_weeks = sum(len(r["false_alarms"]) for r in weeks)
    runs = [r for r in results if r["kind"] == "structure"]
    moves = [r for r in results if r["kind"] == "moved"]
    delays = [r["move_reported_samples"] for r in moves]
    causes = Counter(f["cause"] for r in results for f in r["false_alarms"])
    samples = sum(r["samples"] for r in results)
    cpu = sum(r["cpu_s"] for r in results)
    # every alarm raised: a structure found once, its duplicates, and false alarms anywhere
    false_all = sum(len(r["false_alarms"]) for r in results)
    all_days = sum(r["days"] for r in results)
    alarms = len(found) + false_all + sum(r["duplicates"] for r in results)
    out = {
        "structures_in_zones": len(structures),
        "found_in_zones": len(found),
        "recall_in_zones": round(len(found) / len(structures), 3) if structures else None,
        "recall_in_zones_95ci": wilson(len(found), len(structures)),
        "found_by_kind": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(by_kind.items())},
        **{f"recall_{k}": round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())},
        "latency_after_complete_h_median": round(statistics.median(lat_h), 1) if lat_h else None,
        "latency_after_complete_h_max": round(lat_h[-1], 1) if lat_h else None,
        "share_within_3x_persistence": round(sum(h <= 3 * PERSIST_S / 3600 for h in lat_h)
                                             / len(structures), 3) if structures else None,
        "persistence_h": PERSIST_S / 3600,
        "false_alarms_in_structure_runs": sum(len(r["false_alarms"]) for r in runs),
        "duplicate_alarms": sum(r["duplicates"] for r in results),
        "structure_run_days": round(sum(r["days"] for r in runs), 1),
        "distractor_camera_weeks": round(week_days / 7, 2),
        "false_alarms_distractor_weeks": fa_weeks,
        "false_alarms_per_camera_week": round(fa_weeks / (week_days / 7), 2) if weeks else None,
        "false_alarms_per_camera_day_distractor": round(fa_weeks / week_days, 3)
        if weeks else None,
        "false_alarms_per_camera_day_all_runs": round(false_all / all_days, 3)
        if all_days else None,
        "precision": round(len(found) / alarms, 3) if alarms else None,
        "false_alarm_causes": dict(causes),
        "moves": len(moves),
        "moves_reported_within_one_sample": sum(d is not None and d <= 1.0 for d in delays),
        "false_camera_moved_alerts": sum(r["false_moves"] for r in results),
        "samples": samples,
        "cpu_ms_per_sample": round(1000 * cpu / samples, 1) if samples else None,
        "cpu_s_per_camera_hour_live": round(cpu / samples * LIVE_SAMPLES_PER_HOUR, 3)
        if samples else None,
    }
    return out


def _speed(work: Path, results: list[dict]) -> dict:
    """The falling detector on the same 640×360 pictures, per frame, for the comparison."""
    import numpy as np

    from app.vision import VideoFrameSource
    from app.vision.falling import FallingObjectDetector
    video = next(iter(sorted(work.glob("*.mp4"))), None)
    if video is None:
        return {}
    frames = [f for _, (f, _t) in zip(range(150), VideoFrameSource(video), strict=False)]
    det = FallingObjectDetector(fps=FALLING_FPS)
    started = time.process_time()
    for i, f in enumerate(frames):
        det.process(np.ascontiguousarray(f), i / FALLING_FPS)
    per_frame = (time.process_time() - started) / len(frames)
    falling_hour = per_frame * FALLING_FPS * 3600
    samples = sum(r["samples"] for r in results)
    cpu = sum(r["cpu_s"] for r in results)
    construction_hour = cpu / max(samples, 1) * LIVE_SAMPLES_PER_HOUR
    return {"falling_cpu_ms_per_frame_640": round(1000 * per_frame, 2),
            "falling_cpu_s_per_camera_hour_25fps": round(falling_hour, 1),
            "construction_share_of_falling": round(construction_hour / falling_hour, 5)}


def run(args: argparse.Namespace) -> dict:
    if args.from_dump:
        results = [json.loads(line) for line in Path(args.from_dump).read_text().splitlines()
                   if line.strip()]
        return figures(results)
    tmp = None if args.workdir else tempfile.TemporaryDirectory(prefix="bench-construction-")
    work = args.workdir or tmp.name
    results = []
    started = time.time()
    pool = ProcessPoolExecutor(args.jobs) if args.jobs > 1 else None
    try:
        mapped = pool.map(_job, jobs(args, work)) if pool else map(_job, jobs(args, work))
        for r in mapped:
            results.append(r)
            if args.dump:
                with open(args.dump, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(r) + "\n")
        out = figures(results)
        if not args.no_speed:
            out |= _speed(Path(work), results)
    finally:
        if pool:
            pool.shutdown()
        if tmp is not None:
            tmp.cleanup()
    out["set"] = args.set
    out["answer_after_h"] = args.answer_after
    out["answer_structures"] = args.answer_structures
    out["realisation"] = getattr(args, "realisation", 0)
    out["wall_s"] = round(time.time() - started, 1)
    return out
