"""``control-room bench detect [--set NAME ...]``: quality per source, and speed.

Quality, on each ``--set`` (``bench/detect_sources.py``: the project's renderer, the
independent CCTV renderer and public footage, each with a dev and a held-out part):
``--throws`` throw clips and ``--hours`` camera-hours of distractor-only clips of 60 s
(640×360 by default), rendered once into the cache and read back through the same
``VideoFrameSource`` → ``FallingObjectDetector`` path as ``control-room detect``. Several
sets are scored each on its own and all together. ``--jobs`` runs clips in parallel
processes: only on an idle machine (it is shared).
Speed, in CPU time of the process: decoding alone, the detector alone on decoded 720p
frames, and both, on a synthetic clip and on real facade footage when it is cached.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from app.vision import VideoFrameSource, load_facade
from app.vision.falling import FallingObjectDetector
from app.vision.synth import ClipSpec, make_clip
from bench import detect_real
from bench.detect_set import SEEDS
from bench.detect_sources import SETS, Job, evaluate, jobs

HELD_OUT_SEED = SEEDS["held-out"][0]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--throws", type=int, default=64, help="throw clips per rendered set")
    parser.add_argument("--hours", type=float, default=1.0,
                        help="camera-hours of distractor-only video per rendered set (60 s clips)")
    parser.add_argument("--distractor-width", type=int, default=640)
    parser.add_argument("--set", action="append", choices=SETS, dest="sets",
                        help="a set to run (repeat for several; each is scored on its own and "
                        "all together); default held-out")
    parser.add_argument("--jobs", type=int, default=1, help="parallel processes (idle box only)")
    parser.add_argument("--fresh", action="store_true", help="render the clips again")
    parser.add_argument("--dump", help="append every clip's scored result here (JSON Lines, "
                        "as each clip ends: a long run that is stopped keeps what it did)")
    parser.add_argument("--from-dump", help="only compute the figures from such a file")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--pre-roll", type=float, default=0.0, metavar="S",
                        help="play each throw clip after S s of its own pre-throw frames, "
                        "forwards and backwards: a camera deep into a night, not freshly "
                        "started (bench/detect_sources.py: with_pre_roll)")
    # `bench detect --quick` lands here (after the name); `bench --quick detect` works too.
    parser.add_argument("--quick", dest="quick_here", action="store_true", help=argparse.SUPPRESS)


def _job(args: tuple) -> dict | None:
    job, fresh, pre_roll = args
    return evaluate(job, fresh, pre_roll)


def clip_jobs(args: argparse.Namespace) -> list[Job]:
    out = []
    for name in args.sets:
        if args.quick:
            out += jobs(name, 3, 1 / 180, args.distractor_width, 20.0)
        else:
            out += jobs(name, args.throws, args.hours, args.distractor_width)
    return out


def run_clips(args: argparse.Namespace) -> list[dict]:
    results = []
    work = [(j, args.fresh, getattr(args, "pre_roll", 0.0)) for j in clip_jobs(args)]
    with ProcessPoolExecutor(args.jobs) if args.jobs > 1 else _Serial() as pool:
        for r in pool.map(_job, work):
            if r is None:
                continue  # public footage not in the cache (bench/detect_real.py)
            results.append(r)
            if args.dump:
                with open(args.dump, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(r) + "\n")
    return results


class _Serial:
    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc) -> None:
        return None

    map = staticmethod(map)


def _safe(sel, row: dict) -> bool:
    """A split's test on a row that may lack the field (real footage has no size or floor)."""
    try:
        return bool(sel(row))
    except TypeError:
        return False


def _pct(num: int, den: int) -> float | None:
    return round(100 * num / den, 1) if den else None


def figures(results: list[dict]) -> dict:
    rows = [r for c in results for r in c["throws"]]
    fas = [f for c in results for f in c["false_alarms"]]
    dis = [c for c in results if not c["throw_clip"]]
    hours = sum(c["seconds"] for c in dis) / 3600
    fa_dis = Counter(f["kind"] for c in dis for f in c["false_alarms"])
    exposure = Counter()
    for c in dis:
        for k in c["distractors"]:
            exposure[k] += c["seconds"] / 3600
    hit = [r for r in rows if r["detected"]]
    tp = len(hit)
    floored = [r for r in hit if r["floor_gt"] is not None]  # real footage has no floors
    n_fl = len(floored)

    def recall(sel) -> str | None:
        picked = [r["detected"] for r in rows if _safe(sel, r)]
        return f"{sum(picked) / len(picked):.3f} ({sum(picked)}/{len(picked)})" if picked else None

    lat = [r["latency_s"] for r in hit]
    n_dis_fa = sum(fa_dis.values())
    return {
        "throws": len(rows), "detected": tp, "false_alarms": len(fas),
        "recall": recall(lambda r: True),
        "recall_size_2_4px": recall(lambda r: r["size_px"] < 4.5),
        "recall_size_2_5px": recall(lambda r: r["size_px"] < 5),
        "recall_size_5_9px": recall(lambda r: 5 <= r["size_px"] < 9),
        "recall_size_9_14px": recall(lambda r: r["size_px"] >= 9),
        "recall_contrast_lt50": recall(lambda r: r["contrast"] < 50),
        "recall_contrast_ge50": recall(lambda r: r["contrast"] >= 50),
        "recall_night": recall(lambda r: r["night"]),
        "recall_floors_2_6": recall(lambda r: 2 <= r["floor_gt"] <= 6),
        "recall_burst_throws": recall(lambda r: r["throws_in_clip"] > 1),
        "recall_light_objects": recall(lambda r: r["mass"] == "light"),
        "precision": round(tp / (tp + len(fas)), 3) if tp + len(fas) else None,
        "false_alarms_in_throw_clips": len(fas) - n_dis_fa,
        **({"false_alarms_in_pre_rolls": sum(c["pre_roll_false_alarms"] for c in results
                                             if "pre_roll_false_alarms" in c),
            "pre_roll_s": max(c["pre_roll_s"] for c in results if "pre_roll_s" in c)}
           if any("pre_roll_s" in c for c in results) else {}),
        "distractor_camera_hours": round(hours, 3),
        "false_alarms_in_distractor_clips": n_dis_fa,
        "false_alarms_per_camera_hour": round(n_dis_fa / hours, 2) if hours else None,
        "false_alarms_by_kind": json.dumps(dict(fa_dis)),
        "distractor_exposure_hours_by_kind": json.dumps(
            {k: round(v, 2) for k, v in sorted(exposure.items())}),
        "latency_release_to_alarm_s_median": round(statistics.median(lat), 2) if lat else None,
        "latency_release_to_alarm_s_p90": round(float(np.percentile(lat, 90)), 2) if lat else None,
        "latency_release_to_alarm_s_max": round(max(lat), 2) if lat else None,
        "floor_exact_pct": _pct(sum(r["floor"] == r["floor_gt"] for r in floored), n_fl),
        "floor_within_1_pct": _pct(sum(r["floor"] is not None and abs(r["floor"] - r["floor_gt"])
                                       <= 1 for r in floored), n_fl),
        "floor_exact_pct_at_alarm": _pct(sum(r["floor_early"] == r["floor_gt"]
                                             for r in floored), n_fl),
        "floor_within_1_pct_at_alarm": _pct(sum(r["floor_early"] is not None and abs(
            r["floor_early"] - r["floor_gt"]) <= 1 for r in floored), n_fl),
        "column_exact_pct": _pct(sum(r["column"] == r["column_gt"] for r in floored), n_fl),
    }


def _cpu_fps(frames, fn) -> float:
    """Frames per CPU-second of this process (the machine is shared: wall time lies)."""
    t0, n = time.process_time(), 0
    for f, t in frames:
        fn(f, t)
        n += 1
    return n / max(time.process_time() - t0, 1e-9)


def _speed_on(video: Path, facade_path: Path | None, tag: str) -> dict:
    facade = load_facade(facade_path) if facade_path else None
    src = VideoFrameSource(video)
    fps = src.fps
    frames = list(src)
    decode = _cpu_fps(VideoFrameSource(video), lambda f, t: None)
    det = FallingObjectDetector(facade=facade, fps=fps)
    detect_only = _cpu_fps(frames, det.process)
    del frames
    det = FallingObjectDetector(facade=facade, fps=fps)
    both = _cpu_fps(VideoFrameSource(video), det.process)
    h = src.height
    return {
        f"{tag}_decode_fps_{h}p": round(decode, 1),
        f"{tag}_detector_fps_{h}p_excl_decode": round(detect_only, 1),
        f"{tag}_detector_ms_per_frame_excl_decode": round(1000 / detect_only, 1),
        f"{tag}_detector_fps_{h}p_incl_decode": round(both, 1),
        f"{tag}_ratio_incl_decode_to_decode_alone": round(both / decode, 3),
        f"{tag}_streams_25fps_realtime_2_cores": round(2 * both / 25.0, 2),
    }


def _speed(work: Path, quick: bool) -> dict:
    """CPU time of one process: decoding alone, the detector alone on decoded frames, and
    both; on a synthetic 720p clip and on real 720p facade footage when it is cached."""
    paths = make_clip(ClipSpec(seed=HELD_OUT_SEED - 1, throws=1, duration_s=4.0 if quick else 8.0,
                               distractors=("bird", "leaf", "shake")), work, "speed")
    out = _speed_on(paths["video"], paths["facade"], "synth")
    real = detect_real.clip_path("office2.mp4")
    if real is not None:
        fac = work / "office.facade.json"
        fac.write_text(json.dumps(detect_real.FACADES["office2.mp4"]), encoding="utf-8")
        out.update(_speed_on(real, fac, "real"))
    out["load_avg_1min_at_start"] = round(float(np.loadtxt("/proc/loadavg", usecols=0)), 2)
    return out


def per_set(results: list[dict]) -> dict:
    """Figures of each set on its own and, when there are several, of all together."""
    sets = sorted({r.get("set", "held-out") for r in results})
    if len(sets) == 1:
        return {"set": sets[0], **figures(results)}
    out = {}
    for name in sets:
        out.update({f"{name}.{k}": v for k, v in
                    figures([r for r in results if r.get("set", "held-out") == name]).items()})
    out.update({f"all.{k}": v for k, v in figures(results).items()})
    return out


def run(args: argparse.Namespace) -> dict:
    args.quick = bool(getattr(args, "quick", False) or getattr(args, "quick_here", False))
    if args.from_dump:
        lines = Path(args.from_dump).read_text(encoding="utf-8").splitlines()
        return per_set([json.loads(ln) for ln in lines if ln.strip()])
    args.sets = args.sets or ["held-out"]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_speed:
            out.update(_speed(Path(tmp), args.quick))
    t0 = time.perf_counter()
    results = run_clips(args)
    out.update(per_set(results))
    out["quality_wall_s"] = round(time.perf_counter() - t0, 1)
    return out
