"""Why the falling-object detector erred, on a DEV set only (never the held-out ones).

    python -m bench.detect_analyse [--set cctv-dev] --throws 40 --hours 0.3 > errors.txt

Clips come from the benchmark's cache (``bench/detect_sources.py``), rendered on first use.

For every missed throw: the judged tracks near the truth's trajectory, with the verdict
(reason, fitted acceleration, drop, residual, span, horizontal travel). For every false
alarm: the attributed distractor and the accepted track's figures. For every detected throw
with the floor off by more than one: the track's start against the truth's release point.
"""

from __future__ import annotations

import argparse
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from app.vision import VideoFrameSource, load_facade
from app.vision.falling import FallingObjectDetector
from bench.detect_set import _attribute, _match
from bench.detect_sources import SETS, Job, materialize
from bench.detect_sources import jobs as all_jobs


def _verdict(tr, v) -> dict:
    t = np.asarray(tr.t)
    return {"reason": v.reason, "a": round(v.accel, 2), "drop": round(v.drop, 2),
            "rms": round(v.rms, 3), "n": len(t), "t0": round(t[0], 2),
            "span": round(float(t[-1] - t[0]), 2),
            "xy0": [round(tr.x[0]), round(tr.y[0])], "xy1": [round(tr.x[-1]), round(tr.y[-1])],
            "origin": None if v.origin_px is None else [round(c) for c in v.origin_px]}


def analyse(job: Job) -> list[dict]:
    seed = job.ident
    paths = materialize(job)
    truth = json.loads(Path(paths["truth"]).read_text())
    src = VideoFrameSource(paths["video"])
    fac = load_facade(paths["facade"]) if paths.get("facade") else None
    det = FallingObjectDetector(facade=fac, fps=src.fps)
    det.judged = []
    events = []
    for frame, t in src:
        events += det.process(frame, t)
    events += det.flush()
    if hasattr(det, "take_updates"):
        fin = {e.event_id: e for e in det.take_updates()}
        events = [fin.get(e.event_id, e) for e in events]
    out, matched = [], set()
    w = truth["width"]
    for ev in events:
        hit = next((k for k, gt in enumerate(truth["events"])
                    if k not in matched and _match(ev, gt, w)), None)
        if hit is None:
            tr = next((tr for tr, v in det.judged if v.accepted and tr.t[-1] >= ev.t_end - 1e-6
                       and abs(tr.x[0] - ev.track[0][1]) < 1e-6), None)
            out.append({"seed": seed, "error": "false alarm", "kind": _attribute(ev, truth),
                        "distractors": truth["distractors"], "night": truth["night"],
                        "event": ev.to_json(),
                        "track": None if tr is None else _verdict(*next(
                            p for p in det.judged if p[0] is tr))})
            continue
        matched.add(hit)
        gt = truth["events"][hit]
        if ev.floor is None or abs(ev.floor - gt["floor"]) > 1 or ev.floor != gt["floor"]:
            out.append({"seed": seed, "error": "floor off" if ev.floor is not None
                        and abs(ev.floor - gt["floor"]) <= 1 else "floor wrong",
                        "floor": ev.floor, "floor_gt": gt["floor"], "gt_origin": gt["origin_px"],
                        "gt_t_start": gt["t_start"], "mass": gt.get("mass"), "g_eff": gt.get("g_eff"),
                        "event": ev.to_json(), "first_pt": list(ev.track[0]),
                        "facade_v_of_first": None if fac is None else round(float(fac.to_facade(
                            np.array([ev.track[0][1:]]))[0, 1]), 2)})
    for k, gt in enumerate(truth["events"]):
        if k in matched:
            continue
        near = [_verdict(tr, v) for tr, v in det.judged
                if tr.t[-1] >= gt["t_start"] and tr.t[0] <= (gt["t_last_visible"] or 99)
                and abs(np.median(tr.x) - gt["origin_px"][0]) < 0.08 * w]
        out.append({"seed": seed, "error": "miss", "size": gt["size_px"],
                    "contrast": gt.get("contrast"), "night": truth["night"],
                    "mass": gt.get("mass"), "floor": gt.get("floor"), "t_start": gt["t_start"],
                    "t_last": gt["t_last_visible"], "origin": gt["origin_px"],
                    "distractors": truth["distractors"], "judged_near": near,
                    "stage": vars(det.stage.stats)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--throws", type=int, default=40)
    ap.add_argument("--hours", type=float, default=0.3)
    ap.add_argument("--first", type=int, default=0, help="skip this many dev seeds")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--set", default="dev", choices=[s for s in SETS if s.endswith("dev")])
    a = ap.parse_args()
    jobs = [j for j in all_jobs(a.set, a.first + a.throws, a.hours)
            if j.kind == "dis" or isinstance(j.ident, str) or j.ident >= a.first]
    runner = ProcessPoolExecutor(a.jobs).map if a.jobs > 1 else map
    for errs in runner(analyse, jobs):
        for e in errs:
            print(json.dumps(e), flush=True)


if __name__ == "__main__":
    main()
