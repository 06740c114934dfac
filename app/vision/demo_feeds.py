"""Demo camera feeds for the embedded default (cameras without a ``stream``).

Generated on first use, in the camera's own worker thread, into one cache folder per user
and generator version (``cache_dir()``): every data folder, test and instance reuses the same
files, so a machine renders them once per install (about a minute of CPU) and never again.
A file lock per feed keeps two processes starting at once from rendering the same feed twice.
Facade cameras play synthetic facade clips (app/vision/synth: windows lit and switched,
curtains, birds, leaves) at 640×360, 15 fps; now and then the clip with a throw plays
instead of the quiet one (``throw_schedule``: one throw every few minutes across the
compound). Ground cameras play 5 fps loops of a garden, a vehicle gate or a garage level.

The facade variants are fixed (seed, geometry), so the facade corners committed in
scenes/demo/cameras/<id>.json match the feeds; ``tools/gen_demo_feeds.py`` regenerates both.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
import platformdirs

from app.domain.model import Camera

log = logging.getLogger(__name__)

#: bump when the generator's output changes: the cache folder is keyed by it, so feeds of
#: another version are never played (and are rebuilt once into the new folder)
VERSION = 1
FACADE_FPS = 15.0
FACADE_VARIANTS = (  # seed, night, distractors
    (101, False, ("bird", "windows", "curtains", "leaf")),
    (202, False, ("bird", "windows", "cloud")),
    (303, True, ("windows", "curtains", "bird")),
    (404, False, ("leaf", "windows", "paper")),
)
#: throws: facade camera k plays its first throw THROW_FIRST_S + k × THROW_STAGGER_S after
#: start, then one every THROW_EVERY_S, so the four analysed cameras raise one alarm every
#: five to eight minutes between them (a throw every 2.5-7 minutes per camera made ~50
#: CRITICAL alarms an hour, which buried everything else on an unattended demo board)
THROW_FIRST_S, THROW_STAGGER_S, THROW_EVERY_S = (20.0, 60.0), 90.0, (1200.0, 1800.0)
#: a garden watched for construction: a shed stands on its lawn for SHED_STANDS_S, first
#: after SHED_FIRST_S (the reference is learnt by then), then again every SHED_EVERY_S
SHED_FIRST_S, SHED_EVERY_S, SHED_STANDS_S = (90.0, 150.0), (600.0, 1200.0), 240.0
#: one feed is made at a time: eighteen camera workers rendering at once starved the GUI
#: thread at first start (the first live 3D frame came after ~20 s instead of ~2 s)
_one_at_a_time = threading.Lock()


class FeedCancelled(OSError):
    """The cameras are stopping: the feed being made is dropped (made again next start)."""


def _unless_stopped(frames: Iterable[np.ndarray], stop: threading.Event | None,
                    what: str) -> Iterator[np.ndarray]:
    """The frames, cut short when ``stop`` is set: quitting the app during a first start
    must not wait for every feed to be rendered."""
    for frame in frames:
        if stop is not None and stop.is_set():
            raise FeedCancelled(f"demo feed {what}: cancelled, the cameras are stopping")
        yield frame


def cache_dir() -> Path:
    """The generated feeds of this generator version: ``CONTROL_ROOM_CACHE`` or the user's
    cache folder, never the data folder (a new CONTROL_ROOM_DATA must not render them again)."""
    base = os.environ.get("CONTROL_ROOM_CACHE") or platformdirs.user_cache_dir("control-room")
    return Path(base) / f"demo-feeds-v{VERSION}"


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
    tmp = path.with_name(f"{path.stem}.{os.getpid()}-{threading.get_ident()}.part.mp4")
    path.parent.mkdir(parents=True, exist_ok=True)
    it = iter(frames)
    first = next(it)
    h, w = first.shape[:2]
    try:
        _encode(first, it, tmp, w, h, fps, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)


def _encode(first: np.ndarray, it: Iterator[np.ndarray], tmp: Path, w: int, h: int,
            fps: float, path: Path) -> None:
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
        import cv2

        wr = cv2.VideoWriter(str(tmp), cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
        wr.write(first)
        for f in it:
            wr.write(f)
        wr.release()


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold ``path``'s lock file: one maker per feed across threads and processes (flock on
    separate opens excludes threads of one process too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "wb") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _once(paths: tuple[Path, ...], make: Callable[[], None], what: str,
          stop: threading.Event | None = None) -> None:
    """Build ``paths`` (made together by ``make``) unless they exist; at most once."""
    if all(p.exists() for p in paths):
        return
    with _exclusive(paths[0]):
        if all(p.exists() for p in paths):  # another worker or process made them meanwhile
            return
        t0 = time.process_time()
        with _one_at_a_time:
            if stop is not None and stop.is_set():  # waited for the lock while quitting
                raise FeedCancelled(f"demo feed {what}: cancelled, the cameras are stopping")
            make()
        log.info("demo feed %s generated (%.1f s CPU)", what, time.process_time() - t0)


def facade_clips(variant: int, folder: Path,
                 stop: threading.Event | None = None) -> tuple[Path, Path]:
    """(quiet, throw) clips of a facade variant: one render, two files. The quiet clip is
    the throw clip's tail after the object has landed, so both show the same facade."""
    v = variant % len(FACADE_VARIANTS)
    quiet = folder / f"facade{v}-quiet.mp4"
    throw = folder / f"facade{v}-throw.mp4"

    def make() -> None:
        from app.vision.synth.clip import plan_clip
        plan = plan_clip(facade_spec(v))
        frames = list(_unless_stopped(plan.frames, stop, f"facade{v}"))
        t_end = max(e["t_last_visible"] or 0.0 for e in plan.truth["events"])
        cut = int((t_end + 1.5) * FACADE_FPS)
        encode(frames, throw, FACADE_FPS)
        encode(frames[cut:], quiet, FACADE_FPS)
        (folder / f"facade{v}.json").write_text(
            json.dumps({"facade": plan.facade, "truth": plan.truth}), encoding="utf-8")

    _once((quiet, throw), make, f"facade{v}", stop)
    return quiet, throw


def ground_kind(camera: Camera) -> str:
    name = camera.name
    if "车库" in name or "garage" in name.lower():
        return "garage"
    if "门" in name or "路口" in name or "gate" in name.lower():
        return "gate"
    return "garden"


def ground_clip(kind: str, seed: int, folder: Path,
                stop: threading.Event | None = None, shed: bool = False) -> Path:
    """A ground loop; ``shed``: the same garden with a shed put up on its lawn."""
    from app.vision import demo_courtyard
    path = folder / f"{kind}{seed}{'-shed' if shed else ''}.mp4"
    _once((path,), lambda: encode(_unless_stopped(demo_courtyard.render(kind, seed, shed=shed),
                                                  stop, path.stem), path, 5.0), path.stem, stop)
    return path


def throw_schedule(index: int, start: float,
                   rng: np.random.Generator) -> Callable[[float], bool]:
    """``due(now)``: whether facade camera ``index`` plays its throw clip next. The cameras'
    first throws are staggered (camera 0 within a minute of start, so the demo shows one
    soon); each camera then throws every THROW_EVERY_S."""
    turn = index % 8  # the demo compound's eight facade cameras; a ninth starts over
    first = start + float(rng.uniform(*THROW_FIRST_S)) + turn * THROW_STAGGER_S
    state = {"next": first}

    def due(now: float) -> bool:
        if now < state["next"]:
            return False
        state["next"] = now + float(rng.uniform(*THROW_EVERY_S))
        return True
    return due


def playlist(camera: Camera, index: int, folder: Path | None,
             clock: Callable[[], float] = time.time,
             stop: threading.Event | None = None, builds: bool = False) -> Callable[[], str]:
    """A callable giving the next clip to play for a demo camera (generating on first use;
    ``stop`` set cancels a generation, raising FeedCancelled, an OSError); a facade camera
    throws on ``throw_schedule`` in ``clock`` time (the engine's). ``builds``: a garden camera whose
    lawn is watched for construction (scenes/demo/cameras/<id>.json): now and then a shed
    stands on the lawn for a few minutes."""
    if folder is None:
        def nothing() -> str:
            from app.vision.source import VideoSourceError  # OpenCV: only with cameras

            raise VideoSourceError(f"camera {camera.id}: no stream configured")
        return nothing
    rng = np.random.default_rng(index + 1)
    if camera.watches is not None:
        throw_due = throw_schedule(index, clock(), rng)

        def next_facade() -> str:
            quiet, throw = facade_clips(index, folder, stop)
            return str(throw if throw_due(clock()) else quiet)
        return next_facade
    kind = ground_kind(camera)
    if not (builds and kind == "garden"):
        return lambda: str(ground_clip(kind, index % 3, folder, stop))
    shed = {"from": clock() + float(rng.uniform(*SHED_FIRST_S))}

    def next_garden() -> str:
        # both loops made before the first plays: made on the switch, the wait for the
        # shed's loop was long enough to raise a video-loss alarm
        ground_clip(kind, index % 3, folder, stop, shed=True)
        now = clock()
        if now >= shed["from"] + SHED_STANDS_S:
            shed["from"] = now + float(rng.uniform(*SHED_EVERY_S))
        standing = shed["from"] <= now
        return str(ground_clip(kind, index % 3, folder, stop, shed=standing))
    return next_garden
