"""Tune the falling-object detector's later stages in seconds, not hours (DEV set only).

The motion stage is ~90 % of the detector's time, and clip generation plus decoding cost
more again; tracking, stitching and the physics test cost almost nothing. This tool runs
the expensive part once per clip and keeps what it produced — the blobs of every frame —
then replays the detector's later stages on them, as many times as a tuning session needs:

    python -m bench.detect_cache build --cache /tmp/fcache --throws 150 --hours 2 --jobs 2
    python -m bench.detect_cache score --cache /tmp/fcache [--set a_min_mps2=2.2 ...]
    python -m bench.detect_cache build --cache /tmp/ccache --of cctv-dev --throws 40 --hours 0.25

``--of SET`` records the clips of a bench set (``bench/detect_sources.py``: the CCTV
renderer's dev part, say) from the bench's own render cache, rendering what is missing.

``score`` prints the same figures as ``control-room bench detect`` (recall, precision, false
alarms per camera-hour, floors). The replay is the real ``FallingObjectDetector`` with its
motion stage swapped for the recorded blobs, so a setting of the foreground stage
(``k_sigma``…) is not tunable here, and the weak detections along established tracks
(``weak_k_sigma``, which look at the frame's pixels) are off in a replay: its figures are
the detector's without them. Only dev seeds: the held-out set stays unseen.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields, replace
from pathlib import Path

import numpy as np

from app.vision import VideoFrameSource, load_facade
from app.vision.facade import parse_facade
from app.vision.falling import FallingConfig, FallingObjectDetector
from app.vision.falling.cadence import Cadence
from app.vision.falling.foreground import Blobs, MotionStage, StageStats
from app.vision.synth import ClipSpec, make_clip
from bench.detect import figures
from bench.detect_set import SEEDS, distractor_spec, drive, score, throw_spec


class _RecordingStage(MotionStage):
    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.record: list = []

    def step(self, gray):
        blobs = super().step(gray)
        self.record.append(None if blobs is None else (
            blobs.xy.copy(), blobs.size.copy(), None if blobs.sat is None else blobs.sat.copy()))
        return blobs


class _Verbatim(Cadence):
    """Every frame as it comes: the record holds one entry per frame, and the replay feeds
    blank frames that would all look like repeats."""

    def accept(self, gray, t):
        return t


class _Retimed(Cadence):
    """The real repeat filter, keeping what it decided: the time given to each frame it
    let through and the distinct-frame rate then (NVR clips repeat frames; a replay that
    fed the repeats saw holes and resets the live detector never sees)."""

    def __init__(self, fps: float) -> None:
        super().__init__(fps)
        self.kept: list[tuple[float, float]] = []

    def accept(self, gray, t):
        out = super().accept(gray, t)
        if out is not None:
            self.kept.append((out, self.effective_fps))
        return out


class _Replayed(Cadence):
    """Hands back the recorded times and rates, frame by frame."""

    def __init__(self, kept: list[tuple[float, float]]) -> None:
        super().__init__(kept[0][1] if kept else 25.0)
        self._kept = iter(kept)
        self._fps = self.fps

    def accept(self, gray, t):
        t, self._fps = next(self._kept)
        return t

    @property
    def effective_fps(self) -> float:
        return self._fps


class _ReplayStage:
    """Stands in for the motion stage: hands back the recorded blobs frame by frame."""

    def __init__(self, record: list) -> None:
        self._it = iter(record)
        self.stats = StageStats()

    def step(self, _gray):
        r = next(self._it)  # (xy, size), and the near-lens marks since round 19
        return None if r is None else Blobs(r[0], r[1], r[2] if len(r) > 2 else None)

    def weak_at(self, *_args) -> None:  # no pixels here (replay() turns the search off)
        return None


def _spec(kind: str, seed: int) -> ClipSpec:
    return throw_spec(seed) if kind == "throw" else distractor_spec(seed)


def _record(paths: dict, cadence: type[Cadence]) -> tuple[dict, Cadence]:
    """The real detector over one rendered clip, its motion stage recording every frame's
    blobs; the cache entry's common part, and the cadence it ran with."""
    src = VideoFrameSource(paths["video"])
    det = FallingObjectDetector(facade=load_facade(paths["facade"]), fps=src.fps)
    det.stage = _RecordingStage(det.cfg, src.fps)
    det.cadence = cadence(src.fps)
    times, shape = [], None
    for frame, t in src:
        shape = frame.shape[:2]
        times.append(t)
        det.process(frame, t)
    return {"truth": json.loads(Path(paths["truth"]).read_text()),
            "facade": Path(paths["facade"]).read_text(), "fps": src.fps, "shape": shape,
            "times": times, "record": det.stage.record, "marks": True}, det.cadence


def _write(out: Path, data: dict) -> str:
    part = out.with_suffix(".part")  # renamed when whole: a killed build leaves no entry
    part.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    part.rename(out)
    return str(out)


def build_one(job: tuple) -> str:
    kind, seed, cache = job
    Path(cache).mkdir(parents=True, exist_ok=True)
    out = Path(cache) / f"{kind}-{seed}.pkl"
    if out.exists() and not _unmarked(pickle.loads(out.read_bytes())):
        return str(out)
    with tempfile.TemporaryDirectory() as tmp:
        data, _ = _record(make_clip(_spec(kind, seed), tmp, f"s{seed}"), _Verbatim)
    return _write(out, {"kind": kind, "seed": seed, **data})


def build_from_set(job: tuple) -> str:
    """Record the blobs of one clip of a bench set (rendered into the bench cache once)."""
    from bench.detect_sources import cache_tag, materialize

    bjob, cache = job
    Path(cache).mkdir(parents=True, exist_ok=True)
    out = Path(cache) / f"{bjob.set_name}-{bjob.kind}-{bjob.ident}{cache_tag(bjob)}.pkl"
    if out.exists() and not _outdated(pickle.loads(out.read_bytes())):
        return str(out)
    data, cadence = _record(materialize(bjob), _Retimed)
    kept = cadence.kept  # the frames the repeat filter let through, with their times
    return _write(out, {"kind": bjob.kind, "seed": bjob.ident, **data,
                        "times": [t for t, _ in kept], "kept": kept, "set": bjob.set_name})


def _unmarked(data: dict) -> bool:
    """A night clip recorded before the blobs carried the near-lens marks (round 19): its
    replay cannot apply the rule (a day clip is never marked, so it needs none)."""
    return bool(data["truth"].get("night")) and not data.get("marks")


def _outdated(data: dict) -> bool:
    from bench.detect_sources import stale

    return stale(data["truth"]) or _unmarked(data)


class StaleClip(RuntimeError):
    """A cache entry recorded from a clip the renderer now draws differently."""


def replay(path: str, cfg: FallingConfig | None = None) -> dict:
    """One cached clip through tracking, stitching and physics; scored as ``bench detect``."""
    data = pickle.loads(Path(path).read_bytes())
    if "set" in data:
        from bench.detect_sources import stale

        if stale(data["truth"]):
            raise StaleClip(f"{path}: recorded from a clip an older renderer drew "
                            "(rebuild it: build --of <set>)")
    facade = parse_facade(json.loads(data["facade"]))
    cfg = replace(cfg or FallingConfig(), weak_k_sigma=0.0)  # it needs the pixels
    if cfg.near_lens_share > 0 and _unmarked(data):
        print(f"{path}: a night clip recorded without the near-lens marks: replayed without "
              "the rule (rebuild it)", file=sys.stderr)
    det = FallingObjectDetector(cfg, facade=facade, fps=data["fps"])
    det.stage = _ReplayStage(data["record"])
    det.cadence = _Replayed(data["kept"]) if "kept" in data else _Verbatim(data["fps"])
    frame = np.zeros(data["shape"], np.uint8)
    raised, final, at, n = drive(det, ((frame, t) for t in data["times"]))
    if "set" not in data:
        return score(_spec(data["kind"], data["seed"]), data["truth"], raised, final, at, n)
    from bench.detect_sources import _Spec

    truth = data["truth"]
    spec = _Spec(data["seed"], len(truth["events"]), truth["width"])
    result = score(spec, truth, raised, final, at, n)
    result["set"] = data["set"]
    return result


def _config(pairs: list[str]) -> FallingConfig:
    types = {f.name: f.type for f in fields(FallingConfig)}
    values = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        if key not in types:
            raise SystemExit(f"unknown setting {key!r}")
        values[key] = float(raw) if "float" in str(types[key]) else int(raw)
    return replace(FallingConfig(), **values)


def _stale_entry(path: str) -> bool:
    from bench.detect_sources import stale

    data = pickle.loads(Path(path).read_bytes())
    return "set" in data and stale(data["truth"])


def _replay_job(job: tuple) -> dict:
    path, pairs = job
    return replay(path, _config(pairs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("build", "score"))
    ap.add_argument("--cache", required=True)
    ap.add_argument("--throws", type=int, default=150)
    ap.add_argument("--hours", type=float, default=2.0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--of", help="record the clips of this bench set (build only)")
    ap.add_argument("--set", action="append", default=[], help="config override key=value")
    ap.add_argument("--dump", help="write each clip's result here (JSON Lines)")
    a = ap.parse_args()
    Path(a.cache).mkdir(parents=True, exist_ok=True)
    pool = ProcessPoolExecutor(a.jobs) if a.jobs > 1 else None
    run = pool.map if pool else map
    if a.what == "build" and a.of:
        from bench.detect_sources import jobs as set_jobs

        work = [(j, a.cache) for j in set_jobs(a.of, a.throws, a.hours)]
        for p in run(build_from_set, work):
            print(p, flush=True)
        return
    if a.what == "build":
        s_throw, s_dis = SEEDS["dev"]
        jobs = [("dis", s_dis + i, a.cache) for i in range(round(a.hours * 60))]
        jobs += [("throw", s_throw + i, a.cache) for i in range(a.throws)]
        for p in run(build_one, jobs):
            print(p, flush=True)
        return
    paths = sorted(str(p) for p in Path(a.cache).glob("*.pkl"))
    fresh = [p for p in paths if not _stale_entry(p)]
    if len(fresh) < len(paths):
        print(f"skipped {len(paths) - len(fresh)} entries recorded from clips an older "
              "renderer drew (rebuild them)", file=sys.stderr)
    paths = fresh
    results = list(run(_replay_job, [(p, a.set) for p in paths]))
    if a.dump:
        Path(a.dump).write_text("".join(json.dumps(r) + "\n" for r in results))
    print(json.dumps(figures(results), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
