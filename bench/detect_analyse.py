"""Why the falling-object detector erred, on the DEV set only (never the held-out seeds).

    python -m bench.detect_analyse --throws 40 --hours 0.3 [--jobs 1] > errors.txt

For every missed throw: the judged tracks near the truth's trajectory, with the verdict
(reason, fitted acceleration, drop, residual, span, horizontal travel). For every false
alarm: the attributed distractor and the accepted track's figures. For every detected throw
with the floor off by more than one: the track's start against the truth's release point.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from app.vision import VideoFrameSource, load_facade
from app.vision.falling import FallingObjectDetector
from app.vision.synth import make_clip
from bench.detect_set import SEEDS, _attribute, _match, distractor_spec, throw_spec


def _verdict(tr, v) -> dict:
    t = np.asarray(tr.t)
    return {"reason": v.reason, "a": round(v.accel, 2), "drop": round(v.drop, 2),
            "rms": round(v.rms, 3), "n": len(t), "t0": round(t[0], 2),
            "span": round(float(t[-1] - t[0]), 2),
            "xy0": [round(tr.x[0]), round(tr.y[0])], "xy1": [round(tr.x[-1]), round(tr.y[-1])],
            "origin": None if v.origin_px is None else [round(c) for c in v.origin_px]}


def analyse(job: tuple) -> list[dict]:
    kind, seed, work = job
    spec = throw_spec(seed) if kind == "throw" else distractor_spec(seed)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        paths = make_clip(spec, tmp, f"s{seed}")
        truth = json.loads(Path(paths["truth"]).read_text())
        src = VideoFrameSource(paths["video"])
        fac = load_facade(paths["facade"])
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
                        "gt_t_start": gt["t_start"], "mass": gt["mass"], "g_eff": gt["g_eff"],
                        "event": ev.to_json(), "first_pt": list(ev.track[0]),
                        "facade_v_of_first": round(float(fac.to_facade(
                            np.array([ev.track[0][1:]]))[0, 1]), 2)})
    for k, gt in enumerate(truth["events"]):
        if k in matched:
            continue
        near = [_verdict(tr, v) for tr, v in det.judged
                if tr.t[-1] >= gt["t_start"] and tr.t[0] <= (gt["t_last_visible"] or 99)
                and abs(np.median(tr.x) - gt["origin_px"][0]) < 0.08 * w]
        out.append({"seed": seed, "error": "miss", "size": gt["size_px"],
                    "contrast": gt["contrast"], "night": truth["night"], "mass": gt["mass"],
                    "g_eff": gt["g_eff"], "t_start": gt["t_start"],
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
    a = ap.parse_args()
    s_throw, s_dis = SEEDS["dev"]
    jobs = [("throw", s_throw + a.first + i, None) for i in range(a.throws)]
    jobs += [("dis", s_dis + i, None) for i in range(round(a.hours * 60))]
    runner = ProcessPoolExecutor(a.jobs).map if a.jobs > 1 else map
    for errs in runner(analyse, jobs):
        for e in errs:
            print(json.dumps(e), flush=True)


if __name__ == "__main__":
    main()
