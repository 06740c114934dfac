"""Frame sources: a file or stream read through OpenCV's FFmpeg backend, yielding (frame, t).

The same reader serves ``control-room detect`` on a file and, later, the per-camera worker
on RTSP/HTTP URLs: the detector only ever sees ``(frame_bgr, t_seconds)`` pairs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

log = logging.getLogger(__name__)

# FFmpeg and OpenCV would print their own warnings for a corrupt file ("moov atom not found")
# on stderr; the caller reports one clear line instead. Must be set before the first open.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


class VideoSourceError(OSError):
    """A video that cannot be opened or decoded; the message names it and the problem."""


def _is_url(name: str) -> bool:
    return "://" in name


class VideoFrameSource:
    """Iterate ``(frame_bgr, t)`` over a video file or network stream.

    ``t`` is the stream's own timestamp when it is sane, else frame index / fps, so a
    file replays with video time. A file that opens but yields no frame is an error
    (corrupt or not a video), not an empty result.
    """

    def __init__(self, uri: str | os.PathLike, fps_fallback: float = 25.0) -> None:
        self.uri = str(uri)
        if not _is_url(self.uri):
            path = Path(self.uri)
            if not path.exists():
                raise VideoSourceError(f"{path}: no such video file")
            if not path.is_file():
                raise VideoSourceError(f"{path}: not a file")
        self._cap = cv2.VideoCapture(self.uri, cv2.CAP_FFMPEG)
        if not self._cap.isOpened():
            raise VideoSourceError(f"{self.uri}: cannot open video (corrupt or unknown format)")
        fps = self._cap.get(cv2.CAP_PROP_FPS)
        self.fps = fps if 1.0 <= fps <= 240.0 else fps_fallback
        self.width = int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH))
        self.height = int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
        self.frames_read = 0
        # What the container says it holds (files only; 0 when it does not say): a file
        # that ends early was cut short or is corrupt, and the caller must say so.
        count = 0 if _is_url(self.uri) else self._cap.get(cv2.CAP_PROP_FRAME_COUNT)
        self.frames_expected = int(count) if count and count > 0 else None
        # Read the first frame now: a file that opens but does not decode is reported here,
        # before the caller has printed anything.
        ok, first = self._cap.read()
        if not ok or first is None:
            self._cap.release()
            raise VideoSourceError(f"{self.uri}: no decodable frame (corrupt or not a video)")
        self._first: np.ndarray | None = first
        self.width, self.height = first.shape[1], first.shape[0]

    def __iter__(self) -> Iterator[tuple[np.ndarray, float]]:
        cap = self._cap
        try:
            while True:
                if self._first is not None:
                    frame, self._first = self._first, None
                else:
                    ok, frame = cap.read()
                    if not ok or frame is None:
                        break
                # Index-based time: container timestamps of short synthetic/edited files are
                # often missing or offset; files are constant-rate in practice.
                t = self.frames_read / self.fps
                self.frames_read += 1
                yield frame, t
        finally:
            self.close()

    @property
    def frames_unreadable(self) -> int:
        """Frames the container announced but that could not be read (after iterating).
        Containers estimate their count from the duration: a frame or two of slack."""
        if self.frames_expected is None:
            return 0
        missing = self.frames_expected - self.frames_read
        return missing if missing > max(2, 0.01 * self.frames_expected) else 0

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()

    def __enter__(self) -> VideoFrameSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
