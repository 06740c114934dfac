"""The falling-object benchmark's sources and sets, and the cache that makes them once.

Three sources, each with a dev part (looked at while tuning) and a held-out part (not):
- ``synth``: the project's own renderer (``app.vision.synth``): sets ``dev``,
  ``held-out-1`` (seen after its run), ``held-out``;
- ``cctv``: the independent CCTV renderer (``app.vision.cctvsim``): ``cctv-dev``,
  ``cctv-held-out``;
- ``real``: public footage (``bench/detect_real.py``): ``real-dev``, ``real-held-out``.

A clip is rendered and encoded once into ``~/.cache/control-room/falling-bench/<set>/``
and read back from there by every later run (rendering is most of the cost on a shared
2-core machine); ``--fresh`` renders again.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from app.vision import VideoFrameSource
from bench import detect_real
from bench.detect_set import SEEDS, distractor_spec, run_detector, score, throw_spec

BENCH_CACHE = detect_real.CACHE / "falling-bench"
CCTV_SEEDS = {"cctv-dev": (0, 500_000), "cctv-held-out": (30_000, 40_000)}
SETS = sorted([*SEEDS, *CCTV_SEEDS, "real-dev", "real-held-out"])


def source_of(set_name: str) -> str:
    return "cctv" if set_name.startswith("cctv") else "real" if set_name.startswith("real") \
        else "synth"


@dataclass(frozen=True)
class Job:
    set_name: str
    kind: str  # "throw" | "dis"
    ident: int | str  # seed, or the real clip's name
    width: int = 640
    seconds: float = 60.0


def cctv_throw_spec(seed: int):
    from app.vision.cctvsim import CctvSpec

    rng = np.random.default_rng([seed, 0x7A1])
    big = rng.random() < 0.2  # a fifth at 1080p, the rest at 720p (same bits per pixel)
    n = int(rng.choice([1, 2, 3], p=[0.6, 0.25, 0.15]))
    return CctvSpec(seed=seed, width=1920 if big else 1280, height=1080 if big else 720,
                    throws=n, duration_s=6.0)


def cctv_distractor_spec(seed: int, width: int = 640, seconds: float = 60.0):
    from app.vision.cctvsim import CctvSpec

    return CctvSpec(seed=seed, width=width, height=width * 9 // 16, throws=0,
                    duration_s=seconds)


def jobs(set_name: str, throws: int, hours: float, width: int = 640,
         seconds: float = 60.0) -> list[Job]:
    if source_of(set_name) == "real":
        split = set_name.removeprefix("real-")
        return [Job(set_name, "throw" if detect_real.CLIPS[n.removesuffix("-nvr")][3] else "dis",
                    n) for n in detect_real.names(split, nvr=True)]
    s_throw, s_dis = (CCTV_SEEDS if set_name in CCTV_SEEDS else SEEDS)[set_name]
    n_dis = max(1, round(hours * 3600 / seconds)) if hours > 0 else 0
    return ([Job(set_name, "throw", s_throw + i, 1280, 6.0) for i in range(throws)]
            + [Job(set_name, "dis", s_dis + i, width, seconds) for i in range(n_dis)])


def materialize(job: Job, fresh: bool = False) -> dict[str, Path] | None:
    """The clip's files in the cache, rendered on first use; None for missing footage."""
    if source_of(job.set_name) == "real":
        path = detect_real.clip_path(str(job.ident))
        if path is None:
            return None
        src = VideoFrameSource(path)
        n = int(src._cap.get(cv2.CAP_PROP_FRAME_COUNT))
        src.close()
        truth = detect_real.truth(str(job.ident), src.width, round(n / src.fps, 3), src.fps)
        out = BENCH_CACHE / job.set_name
        out.mkdir(parents=True, exist_ok=True)
        tpath = out / f"{job.ident}.truth.json"
        tpath.write_text(json.dumps(truth), encoding="utf-8")
        facade = detect_real.FACADES.get(str(job.ident).removesuffix("-nvr"))
        fpath = None
        if facade is not None:
            fpath = out / f"{job.ident}.facade.json"
            fpath.write_text(json.dumps(facade), encoding="utf-8")
        return {"video": path, "truth": tpath, "facade": fpath}
    out = BENCH_CACHE / job.set_name
    name = f"{job.kind}-{job.ident}" + ("" if job.kind == "throw"
                                         else f"-{job.width}-{job.seconds:g}s")
    paths = {"video": out / f"{name}.mp4", "truth": out / f"{name}.truth.json",
             "facade": out / f"{name}.facade.json"}
    if not fresh and all(p.is_file() for p in paths.values()):
        return paths
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        if source_of(job.set_name) == "cctv":
            from app.vision.cctvsim import make_cctv_clip

            spec = cctv_throw_spec(job.ident) if job.kind == "throw" else \
                cctv_distractor_spec(job.ident, job.width, job.seconds)
            made = make_cctv_clip(spec, tmp, name)
        else:
            from app.vision.synth import make_clip

            spec = throw_spec(job.ident) if job.kind == "throw" else \
                distractor_spec(job.ident, job.width, job.seconds)
            made = make_clip(spec, tmp, name)
        for key in ("truth", "facade", "video"):  # the video last: its presence = complete
            shutil.move(str(made[key]), paths[key])
    return paths


@dataclass
class _Spec:  # what ``score`` reads of a clip spec
    seed: int | str
    throws: int
    width: int


def evaluate(job: Job, fresh: bool = False) -> dict | None:
    paths = materialize(job, fresh)
    if paths is None:
        return None
    truth = json.loads(Path(paths["truth"]).read_text(encoding="utf-8"))
    raised, final, at, frames = run_detector(paths)
    result = score(_Spec(job.ident, len(truth["events"]), truth["width"]), truth, raised, final,
                   at, frames)
    result.update({"set": job.set_name, "source": source_of(job.set_name)})
    for row, gt in zip(result["throws"], truth["events"], strict=True):
        row["release_floor"] = gt.get("floor")
    return result
