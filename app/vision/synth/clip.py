"""One synthetic clip: schedule throws and distractors, render frames, write the files.

``make_clip(spec, out_dir)`` writes ``<name>.mp4`` (H.264 through Debian's ffmpeg when
available, else OpenCV's mp4v), ``<name>.truth.json`` and ``<name>.facade.json``.
``render_frames(spec)`` yields the frames in memory for tests that skip the codec.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from app.vision.synth import effects, motion
from app.vision.synth.scene import render_background, sample_scene

DISTRACTORS = ("bird", "leaf", "paper", "rain", "lighting", "cloud", "windows", "curtains",
               "trees", "shake")


@dataclass
class ClipSpec:
    seed: int
    width: int = 1280
    height: int = 720
    fps: float = 25.0
    duration_s: float = 8.0  # grows to fit the throws
    throws: int = 1
    night: bool | None = None  # None: drawn from the seed (30 % night)
    distractors: tuple[str, ...] | None = None  # None: a random mix from the seed
    rain_density: int | None = None
    crf: int = 20
    throw_size_px: float | None = None  # None: 2–14 px from the seed
    throw_contrast: float | None = None  # None: 25–110 grey levels from the seed
    bird_glide: bool | None = None  # None: half the birds glide down


@dataclass
class ClipPlan:
    spec: ClipSpec
    truth: dict
    facade: dict
    frames: Iterator[np.ndarray]
    movers: list = field(default_factory=list)  # for debugging and overlays


def plan_clip(spec: ClipSpec) -> ClipPlan:
    rng = np.random.default_rng(spec.seed)
    p = sample_scene(rng, spec.width, spec.height, spec.fps, spec.night)
    if spec.distractors is None:
        kinds = tuple(k for k in DISTRACTORS if rng.random() < 0.45)
    else:
        unknown = set(spec.distractors) - set(DISTRACTORS)
        if unknown:
            raise ValueError(f"unknown distractor {sorted(unknown)[0]!r}")
        kinds = tuple(spec.distractors)
    k_lo, k_hi = p.visible_floor_range()
    throws, cursor = [], float(rng.uniform(1.2, 2.0))
    for _ in range(spec.throws):
        for _attempt in range(20):
            floor = int(rng.integers(k_lo + 2, k_hi + 1))
            column = int(rng.integers(1, p.columns + 1))
            m = motion.make_throw(p, rng, cursor, floor, column, spec.throw_size_px,
                                      spec.throw_contrast)
            # The benchmark needs throws a camera could see: ≥ 0.8 s in view.
            if m.truth["t_last_visible"] and m.truth["t_last_visible"] - cursor >= 0.8:
                break
        throws.append(m)
        cursor = (m.truth["t_last_visible"] or cursor + 2.0) + float(rng.uniform(0.8, 2.0))
    duration = max(spec.duration_s, cursor + 0.3 if throws else 0.0)
    n = int(round(duration * spec.fps))
    times = np.arange(n) / spec.fps
    movers: list[motion.Mover] = list(throws)
    # Long clips (the false-alarm hours) keep the density of short ones: the counts are per
    # ~10 s, so an hour of video holds hundreds of birds and leaves, not a handful.
    per = max(1, int(round(duration / 10.0)))
    if "bird" in kinds:
        movers += [motion.make_bird(p, rng, rng.uniform(-1.0, duration - 1.0), spec.bird_glide)
                   for _ in range(int(rng.integers(1, 4)) * per)]
    for kind, hi in (("leaf", 5), ("paper", 3)):
        if kind in kinds:
            movers += [motion.make_flutter(p, rng, rng.uniform(-3.0, duration - 1.0), kind)
                       for _ in range(int(rng.integers(1, hi)) * per)]
    background = render_background(p, rng)
    light = effects.Lighting(p, rng, duration, "lighting" in kinds, "cloud" in kinds)
    windows = effects.Windows(p, rng, duration, "windows" in kinds, "curtains" in kinds)
    trees = effects.Trees(p, rng) if "trees" in kinds else None
    shake = effects.shake_offsets(rng, n, spec.fps, "shake" in kinds)
    noise = effects.Noise(rng, (spec.height, spec.width), p.noise_sigma)
    rain = spec.rain_density if spec.rain_density is not None else int(rng.integers(30, 120))
    frame_rng = np.random.default_rng(spec.seed + 7_919)

    def frames() -> Iterator[np.ndarray]:
        for i, t in enumerate(times):
            frame = background.copy()
            windows.apply(frame, t)
            if trees is not None:
                trees.apply(frame, t)
            for m in movers:
                m.draw(frame, i, times)
            frame = light.apply(frame, t)
            if "rain" in kinds:
                effects.draw_rain(frame, frame_rng, rain, p.night)
            frame = effects.apply_shake(frame, *shake[i])
            yield noise.apply(frame)

    truth = {
        "seed": spec.seed, "width": spec.width, "height": spec.height, "fps": spec.fps,
        "duration_s": round(n / spec.fps, 3), "night": p.night, "distractors": list(kinds),
        "scene": {"distance_m": round(p.distance_m, 2), "pitch_deg": round(p.pitch_deg, 2),
                  "vfov_deg": round(p.vfov_deg, 2), "cam_height_m": round(p.cam_height_m, 2),
                  "floors": p.floors, "columns": p.columns, "floor_h_m": round(p.floor_h_m, 3),
                  "visible_floors": [k_lo, k_hi]},
        "events": [m.truth for m in throws],
        # Where each distractor was (every other frame), to say which one fooled a detector.
        "distractor_tracks": [
            {"kind": m.kind, "t": [round(float(v), 2) for v in m.t[::2]],
             "px": [[round(float(a), 1), round(float(b), 1)] for a, b in m.px[::2]]}
            for m in movers if m.kind != "throw" and len(m.t)],
    }
    return ClipPlan(spec, truth, p.facade_file(), frames(), movers)


def render_frames(spec: ClipSpec) -> tuple[dict, dict, Iterator[np.ndarray]]:
    """(truth, facade, frames) without touching the disk."""
    plan = plan_clip(spec)
    return plan.truth, plan.facade, plan.frames


class _Writer:
    """H.264 through ffmpeg (what cameras send), or OpenCV's mp4v when ffmpeg is absent."""

    def __init__(self, path: Path, width: int, height: int, fps: float, crf: int) -> None:
        self.proc = None
        self.cv = None
        exe = shutil.which("ffmpeg")
        if exe:
            cmd = [exe, "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
                   "-s", f"{width}x{height}", "-r", str(fps), "-i", "-", "-c:v", "libx264",
                   "-preset", "veryfast", "-crf", str(crf), "-pix_fmt", "yuv420p", str(path)]
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
        else:
            self.cv = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps,
                                      (width, height))

    def write(self, frame: np.ndarray) -> None:
        if self.proc is not None:
            self.proc.stdin.write(frame.tobytes())
        else:
            self.cv.write(frame)

    def close(self) -> None:
        if self.proc is not None:
            self.proc.stdin.close()
            if self.proc.wait() != 0:
                raise RuntimeError("ffmpeg failed to encode the clip")
        else:
            self.cv.release()


def make_clip(spec: ClipSpec, out_dir: str | Path, name: str | None = None) -> dict[str, Path]:
    """Render and write one clip; returns the paths of video, truth and facade files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = name or f"clip{spec.seed}"
    plan = plan_clip(spec)
    paths = {"video": out / f"{name}.mp4", "truth": out / f"{name}.truth.json",
             "facade": out / f"{name}.facade.json"}
    writer = _Writer(paths["video"], spec.width, spec.height, spec.fps, spec.crf)
    try:
        for frame in plan.frames:
            writer.write(frame)
    finally:
        writer.close()
    paths["truth"].write_text(json.dumps(plan.truth, indent=1), encoding="utf-8")
    paths["facade"].write_text(json.dumps(plan.facade), encoding="utf-8")
    return paths
