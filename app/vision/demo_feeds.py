"""Demo camera feeds for the embedded default (cameras without a ``stream``).

Generated on first use into the demo feeds folder (user data cache), in the camera's own
worker thread so the application starts at once. Facade cameras play synthetic facade clips
(app/vision/synth: windows lit and switched, curtains, birds, leaves) at 640×360, 15 fps;
now and then (every few minutes, per camera) the clip with a throw plays instead of the quiet
one. Ground cameras play 5 fps loops of a garden, a vehicle gate or a garage level.

The facade variants are fixed (seed, geometry), so the facade corners committed in
scenes/demo/cameras/<id>.json match the feeds; ``tools/gen_demo_feeds.py`` regenerates both.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import cv2
import numpy as np

from app.domain.model import Camera
from app.vision.source import VideoSourceError

log = logging.getLogger(__name__)

VERSION = 1  # bump when the generator changes: cached feeds of another version are rebuilt
FACADE_FPS = 15.0
FACADE_VARIANTS = (  # seed, night, distractors
    (101, False, ("bird", "windows", "curtains", "leaf")),
    (202, False, ("bird", "windows", "cloud")),
    (303, True, ("windows", "curtains", "bird")),
    (404, False, ("leaf", "windows", "paper")),
)
THROW_EVERY_S = (150.0, 420.0)  # a throw clip now and then, per camera
_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()
#: one feed is made at a time: eighteen camera workers rendering at once starved the GUI
#: thread at first start (the first live 3D frame came after ~20 s instead of ~2 s)
_one_at_a_time = threading.Lock()


def facade_spec(variant: int):
    from app.vision.synth import ClipSpec
    seed, night, kinds = FACADE_VARIANTS[variant % len(FACADE_VARIANTS)]
    return ClipSpec(seed=seed, width=640, height=360, fps=FACADE_FPS, duration_s=24.0,
                    throws=1, night=night, distractors=kinds, throw_size_px=7.0,
                    throw_contrast=90.0, crf=26)


def facade_calibration(variant: int) -> dict:
    """The facade JSON of a variant, without rendering a frame."""
    from app.vision.synth.clip import plan_clip
    return plan_clip(facade_spec(variant)).facade


def encode(frames: Iterable[np.ndarray], path: Path, fps: float) -> None:
    """H.264 through ffmpeg (mp4v through OpenCV without it); written under a temporary
    name and renamed, so a half-written feed is never played."""
    tmp = path.with_name(path.stem + ".part.mp4")
    path.parent.mkdir(parents=True, exist_ok=True)
    it = iter(frames)
    first = next(it)
    h, w = first.shape[:2]
    exe = shutil.which("ffmpeg")
    if exe:
        proc = subprocess.Popen(
            ["nice", "-n", "10", exe, "-loglevel", "error", "-y", "-f", "rawvideo",
             "-pix_fmt", "bgr24", "-s", f"{w}x{h}", "-r", str(fps), "-i", "-",
             "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-g", str(int(fps * 2)),
             "-pix_fmt", "yuv420p", str(tmp)], stdin=subprocess.PIPE)
        try:
            proc.stdin.write(first.tobytes())
            for f in it:
                proc.stdin.write(f.tobytes())
        finally:
            proc.stdin.close()
            if proc.wait() != 0:
                raise OSError(f"ffmpeg failed to encode {path}")
    else:
        wr = cv2.VideoWriter(str(tmp), cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
        wr.write(first)
        for f in it:
            wr.write(f)
        wr.release()
    tmp.replace(path)


def _once(path: Path, make: Callable[[], None]) -> Path:
    """Build ``path`` once, even when several camera workers ask for it at the same time."""
    with _locks_guard:
        lock = _locks.setdefault(path, threading.Lock())
    with lock:
        if not path.exists():
            t0 = time.process_time()
            with _one_at_a_time:
                make()
            log.info("demo feed %s generated (%.1f s CPU)", path.name, time.process_time() - t0)
    return path


def facade_clips(variant: int, folder: Path) -> tuple[Path, Path]:
    """(quiet, throw) clips of a facade variant: one render, two files. The quiet clip is
    the throw clip's tail after the object has landed, so both show the same facade."""
    v = variant % len(FACADE_VARIANTS)
    quiet = folder / f"facade{v}-quiet-v{VERSION}.mp4"
    throw = folder / f"facade{v}-throw-v{VERSION}.mp4"

    def make() -> None:
        from app.vision.synth.clip import plan_clip
        plan = plan_clip(facade_spec(v))
        frames = list(plan.frames)
        t_end = max(e["t_last_visible"] or 0.0 for e in plan.truth["events"])
        cut = int((t_end + 1.5) * FACADE_FPS)
        encode(frames, throw, FACADE_FPS)
        encode(frames[cut:], quiet, FACADE_FPS)
        (folder / f"facade{v}-v{VERSION}.json").write_text(
            json.dumps({"facade": plan.facade, "truth": plan.truth}), encoding="utf-8")

    with _locks_guard:
        lock = _locks.setdefault(quiet, threading.Lock())
    with lock:  # one lock for the pair: both files come from one render
        if not (quiet.exists() and throw.exists()):
            t0 = time.process_time()
            with _one_at_a_time:
                make()
            log.info("demo facade feed %d generated (%.1f s CPU)", v, time.process_time() - t0)
    return quiet, throw


def ground_kind(camera: Camera) -> str:
    name = camera.name
    if "车库" in name or "garage" in name.lower():
        return "garage"
    if "门" in name or "路口" in name or "gate" in name.lower():
        return "gate"
    return "garden"


def ground_clip(kind: str, seed: int, folder: Path) -> Path:
    from app.vision import demo_courtyard
    path = folder / f"{kind}{seed}-v{VERSION}.mp4"
    return _once(path, lambda: encode(demo_courtyard.render(kind, seed), path, 5.0))


def playlist(camera: Camera, index: int, folder: Path | None,
             clock: Callable[[], float] = time.time) -> Callable[[], str]:
    """A callable giving the next clip to play for a demo camera (generating on first use);
    throws come every few minutes of ``clock`` time (the engine's)."""
    if folder is None:
        def nothing() -> str:
            raise VideoSourceError(f"camera {camera.id}: no stream configured")
        return nothing
    rng = np.random.default_rng(index + 1)
    if camera.watches is not None:
        state = {"next_throw": clock() + float(rng.uniform(20.0, THROW_EVERY_S[0]))}

        def next_facade() -> str:
            quiet, throw = facade_clips(index, folder)
            now = clock()
            if now >= state["next_throw"]:
                state["next_throw"] = now + float(rng.uniform(*THROW_EVERY_S))
                return str(throw)
            return str(quiet)
        return next_facade
    kind = ground_kind(camera)
    return lambda: str(ground_clip(kind, index % 3, folder))
