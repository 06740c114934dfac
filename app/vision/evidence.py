"""Evidence of a camera event: the ring buffer, the clip, the annotated snapshot, the package.

Frames in the ring are JPEG-compressed: ~15 s of 640×360 raw video is ~150 MB a camera,
compressed ~5 MB, and a clip needs every frame of the seconds before the event. Clips are
encoded by one shared ``ClipWriterWorker`` so an event never stalls capture. Packages for
the authorities carry an SM3 digest (GB/T 32905) of every file and of the manifest.
"""

from __future__ import annotations

import collections
import hashlib
import json
import logging
import queue
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from cryptography.hazmat.primitives import hashes

from app.vision.facade import Facade

log = logging.getLogger(__name__)


class RingBuffer:
    """The last ``seconds`` of (t, jpeg) frames of one camera."""

    def __init__(self, seconds: float, quality: int = 85) -> None:
        self.seconds = seconds
        self.quality = quality
        self._frames: collections.deque[tuple[float, bytes]] = collections.deque()
        self._lock = threading.Lock()

    def push(self, frame: np.ndarray, t: float) -> None:
        ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, self.quality])
        if not ok:
            return
        with self._lock:
            self._frames.append((t, buf.tobytes()))
            while self._frames and self._frames[0][0] < t - self.seconds:
                self._frames.popleft()

    def between(self, t0: float, t1: float) -> list[tuple[float, bytes]]:
        with self._lock:
            return [(t, b) for t, b in self._frames if t0 <= t <= t1]

    def nearest(self, t: float) -> np.ndarray | None:
        with self._lock:
            if not self._frames:
                return None
            _, buf = min(self._frames, key=lambda f: abs(f[0] - t))
        return cv2.imdecode(np.frombuffer(buf, np.uint8), cv2.IMREAD_COLOR)

    def __len__(self) -> int:
        return len(self._frames)


def decode(buf: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(buf, np.uint8), cv2.IMREAD_COLOR)


def write_clip(frames: list[tuple[float, bytes]], path: Path) -> Path:
    """H.264 mp4 through Debian's ffmpeg (what players and the authorities accept); OpenCV's
    mp4v when ffmpeg is missing. The frame rate is the frames' own mean rate."""
    first = decode(frames[0][1])
    h, w = first.shape[:2]
    span = frames[-1][0] - frames[0][0]
    fps = (len(frames) - 1) / span if span > 0 and len(frames) > 1 else 25.0
    exe = shutil.which("ffmpeg")
    path.parent.mkdir(parents=True, exist_ok=True)
    if exe:
        # libx264 wants even dimensions; nice: clips yield the CPU to live capture
        cmd = ["nice", "-n", "10", exe, "-loglevel", "error", "-y", "-f", "rawvideo",
               "-pix_fmt", "bgr24", "-s", f"{w}x{h}", "-r", f"{fps:.3f}", "-i", "-",
               "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-preset", "veryfast",
               "-crf", "23", "-pix_fmt", "yuv420p", "-movflags", "+faststart", str(path)]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
        try:
            for _, buf in frames:
                img = decode(buf)
                if img is not None and img.shape[:2] == (h, w):
                    proc.stdin.write(img.tobytes())
        finally:
            proc.stdin.close()
            if proc.wait() != 0:
                raise OSError(f"ffmpeg could not encode {path}")
        return path
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
    for _, buf in frames:
        writer.write(decode(buf))
    writer.release()
    return path


class ClipWriterWorker(threading.Thread):
    """Encodes clips one at a time, off the capture and analysis threads."""

    def __init__(self) -> None:
        super().__init__(name="ClipWriterWorker", daemon=True)
        self._jobs: queue.Queue = queue.Queue()

    def submit(self, frames: list[tuple[float, bytes]], path: Path,
               done: Callable[[Path | None], None]) -> None:
        self._jobs.put((frames, path, done))

    def run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            frames, path, done = job
            try:
                result = write_clip(frames, path) if frames else None
            except Exception as exc:  # one bad clip must not end the writer
                log.warning("clip %s: %s", path, exc)
                result = None
            try:
                done(result)
            except Exception:
                log.exception("clip callback failed")

    def stop(self) -> None:
        """Finish the queued clips, then end (evidence is worth the wait)."""
        self._jobs.put(None)
        self.join()


def cell_quad(facade: Facade, floor: int, column: int) -> np.ndarray:
    """Image quad (4,2) of a facade cell: floor and column as in CONTRACTS."""
    v0 = floor - facade.lowest_floor
    return facade.to_image([[column - 1, v0 + 1], [column, v0 + 1], [column, v0],
                            [column - 1, v0]])


def annotate(frame: np.ndarray, track: list[tuple[float, float, float]],
             facade: Facade | None, floor: int | None, column: int | None,
             origin: tuple[float, float] | None, label: str) -> np.ndarray:
    """Trajectory in red, origin window framed in yellow, a caption with floor/column."""
    img = frame.copy()
    if facade is not None and floor is not None and column is not None:
        quad = cell_quad(facade, floor, column).round().astype(np.int32)
        cv2.polylines(img, [quad], True, (0, 255, 255), 2, cv2.LINE_AA)
    if len(track) >= 2:
        pts = np.array([[x, y] for _, x, y in track]).round().astype(np.int32)
        cv2.polylines(img, [pts], False, (0, 0, 255), 2, cv2.LINE_AA)
    if origin is not None:
        cv2.circle(img, (round(origin[0]), round(origin[1])), 6, (0, 255, 255), 2, cv2.LINE_AA)
    cv2.rectangle(img, (0, 0), (img.shape[1], 22), (0, 0, 0), -1)
    cv2.putText(img, label, (6, 16), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (255, 255, 255), 1,
                cv2.LINE_AA)
    return img


def sm3_hex(data: bytes) -> str:
    h = hashes.Hash(hashes.SM3())
    h.update(data)
    return h.finalize().hex()


def export_package(files: dict[str, Path], metadata: dict, out_zip: Path) -> Path:
    """A zip holding the files, metadata.json, manifest.json (SM3 and SHA-256 of each file)
    and manifest.sm3 (the SM3 of manifest.json), so a recipient can check each part."""
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    meta_bytes = json.dumps(metadata, ensure_ascii=False, indent=1).encode("utf-8")
    entries: dict[str, bytes] = {"metadata.json": meta_bytes}
    for name, path in files.items():
        entries[name] = Path(path).read_bytes()
    manifest = {"algorithm": "SM3", "files": {
        name: {"sm3": sm3_hex(data), "sha256": hashlib.sha256(data).hexdigest(),
               "bytes": len(data)} for name, data in entries.items()}}
    manifest_bytes = json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
    tmp = out_zip.with_suffix(".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("manifest.sm3", sm3_hex(manifest_bytes) + "  manifest.json\n")
    tmp.replace(out_zip)
    return out_zip
