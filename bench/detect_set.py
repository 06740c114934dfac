"""Evaluation sets of the falling-object detector: generate a clip, run it, score it.

Two kinds of clip, each from its own seed:
- throw clips: 1280×720, 6 s, one throw from a random visible floor, a random distractor mix;
- distractor-only clips: 60 s, no throw, a random distractor mix, by default at 640×360.
  False alarms are about distractors and the motion stage, not about 2 px objects, and the
  reduced size makes camera-hours affordable on a shared 2-core machine (see docs).

Seeds: dev throws 0–999 and dev distractors 500 000+; held-out throws 11 000+ and held-out
distractors 21 000+ (disjoint, never used while tuning; the first held-out range, 10 000+ / 20 000+,
was looked at after its run and is kept as "held-out-1"). Every clip goes through H.264 and
``VideoFrameSource`` exactly as ``control-room detect`` does.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np

from app.vision import VideoFrameSource, load_facade
from app.vision.falling import FallingObjectDetector
from app.vision.synth import ClipSpec, make_clip

# (throws, distractor clips). "held-out-1" was looked at after its run (docs/detection.md):
# a claim is made on a range nobody has seen, "held-out" (11 000+ / 21 000+) since then.
SEEDS = {"dev": (0, 500_000), "held-out-1": (10_000, 20_000), "held-out": (11_000, 21_000)}


def throw_spec(seed: int) -> ClipSpec:
    return ClipSpec(seed=seed, throws=1, duration_s=6.0)


def distractor_spec(seed: int, width: int = 640, seconds: float = 60.0) -> ClipSpec:
    return ClipSpec(seed=seed, throws=0, duration_s=seconds, width=width,
                    height=width * 9 // 16)


def run_detector(paths: dict) -> tuple[list, dict, list[float], int]:
    """(first-raised events, final version per event id, time each was raised, frames)."""
    src = VideoFrameSource(paths["video"])
    facade = load_facade(paths["facade"]) if paths.get("facade") else None
    return drive(FallingObjectDetector(facade=facade, fps=src.fps), src)


def drive(det: FallingObjectDetector, frames) -> tuple[list, dict, list[float], int]:
    """Feed (frame, t) pairs to a detector as a live worker does; see ``run_detector``."""
    raised, final, at = [], {}, []
    t, n = 0.0, 0

    def take(events: list, now: float) -> None:
        for ev in events:
            raised.append(ev)
            at.append(now)
            final[id(ev)] = ev
        for ev in det.take_updates() if hasattr(det, "take_updates") else []:
            for e in raised:
                if e.event_id == ev.event_id:
                    final[id(e)] = ev

    for frame, t in frames:
        n += 1
        take(det.process(frame, t), t)
    take(det.flush(), t)
    return raised, final, at, n


def _match(ev, gt: dict, width: int) -> bool:
    t_end = gt["t_last_visible"] or gt["t_impact"]
    return (gt["t_start"] - 0.5 <= ev.t_start <= t_end
            and abs(ev.origin_px[0] - gt["origin_px"][0]) <= 0.06 * width)


def _attribute(ev, truth: dict) -> str:
    """Which distractor made a false alarm: the mover closest to the track, else the scene."""
    tr = np.asarray(ev.track, float)
    best, best_d = None, 0.03 * truth["width"]
    for m in truth.get("distractor_tracks", []):
        mt = np.asarray(m["t"])
        if not len(mt) or mt[-1] < tr[0, 0] or mt[0] > tr[-1, 0]:
            continue
        px = np.asarray(m["px"])
        sel = (tr[:, 0] >= mt[0]) & (tr[:, 0] <= mt[-1])
        mx = np.interp(tr[sel, 0], mt, px[:, 0])
        my = np.interp(tr[sel, 0], mt, px[:, 1])
        d = float(np.median(np.hypot(mx - tr[sel, 1], my - tr[sel, 2])))
        if d < best_d:
            best, best_d = m["kind"], d
    if best:
        return best
    movers = {"bird", "leaf", "paper"}
    scene = [k for k in truth["distractors"] if k not in movers]
    return "scene:" + "+".join(scene or ["noise"])


def _summary(ev) -> dict:
    tr = np.asarray(ev.track, float)
    return {"t_start": round(ev.t_start, 2), "t_end": round(ev.t_end, 2),
            "origin_px": [round(v, 1) for v in ev.origin_px], "floor": ev.floor,
            "n": len(tr), "y0": round(float(tr[0, 2]), 1), "y1": round(float(tr[-1, 2]), 1),
            "x0": round(float(tr[0, 1]), 1), "x1": round(float(tr[-1, 1]), 1)}


def evaluate(spec: ClipSpec, work: str | None = None, keep: bool = False) -> dict:
    """Render, encode, detect and score one clip; the files go unless ``keep``."""
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        out = Path(work) if keep and work else Path(tmp)
        paths = make_clip(spec, out, f"s{spec.seed}")
        truth = json.loads(Path(paths["truth"]).read_text())
        raised, final, at, frames = run_detector(paths)
        if not keep:  # the rest goes with the temporary directory
            Path(paths["video"]).unlink(missing_ok=True)
    return score(spec, truth, raised, final, at, frames)


def score(spec: ClipSpec, truth: dict, raised: list, final: dict, at: list[float],
          frames: int) -> dict:
    """One clip's result: each throw found or missed (with latency and floor), each false
    alarm attributed to a distractor."""
    throws, fas, matched = [], [], set()
    for ev, t_raise in zip(raised, at, strict=True):
        fin = final[id(ev)]
        hit = next((k for k, gt in enumerate(truth["events"])
                    if k not in matched and _match(fin, gt, truth["width"])), None)
        if hit is None:
            fas.append({"kind": _attribute(fin, truth), **_summary(fin)})
            continue
        matched.add(hit)
        gt = truth["events"][hit]
        throws.append({"k": hit, "latency_s": round(t_raise - gt["t_start"], 2),
                       "floor_early": ev.floor, "floor": fin.floor, "column": fin.column,
                       "event": _summary(fin)})
    rows = []
    for k, gt in enumerate(truth["events"]):
        det = next((r for r in throws if r["k"] == k), None)
        rows.append({"seed": spec.seed, "size_px": gt["size_px"], "contrast": gt.get("contrast"),
                     "night": truth["night"], "mass": gt.get("mass"), "floor_gt": gt["floor"],
                     "column_gt": gt["column"], "t_start": gt["t_start"],
                     "origin_px": gt["origin_px"], "detected": det is not None,
                     "throws_in_clip": len(truth["events"]),
                     **({} if det is None else {x: det[x] for x in
                                                ("latency_s", "floor_early", "floor",
                                                 "column", "event")})})
    return {"seed": spec.seed, "throw_clip": spec.throws > 0, "width": spec.width,
            "seconds": truth["duration_s"], "frames": frames, "night": truth["night"],
            "distractors": truth["distractors"], "throws": rows, "false_alarms": fas}
