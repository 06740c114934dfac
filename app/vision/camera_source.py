"""Opening a camera: files, RTSP and HTTP (MJPEG) streams through OpenCV's FFmpeg backend,
local devices through V4L2, with open/read timeouts so a dead stream cannot hang a worker.

``open_reader(uri)`` returns a :class:`FrameReader`; files are paced to their frame rate and
reported as ``is_file`` so the worker loops them instead of treating their end as a loss.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import cv2
import numpy as np

from app.vision.source import VideoSourceError  # also sets FFmpeg's log level quiet

# RTSP over TCP: UDP loses packets (smeared frames) behind NAT and on busy links, and the
# FFmpeg default of trying UDP first costs seconds per reconnect. Harmless for other URLs.
os.environ.setdefault("OPENCV_FFMPEG_CAPTURE_OPTIONS", "rtsp_transport;tcp")

_DEVICE = re.compile(r"^(/dev/video\d+|\d+)$")


def classify(uri: str) -> str:
    """'rtsp' | 'http' | 'device' | 'file' | 'url' (any other FFmpeg protocol)."""
    low = uri.lower()
    if low.startswith(("rtsp://", "rtsps://")):
        return "rtsp"
    if low.startswith(("http://", "https://")):
        return "http"
    if _DEVICE.match(uri):
        return "device"
    if "://" in uri:
        return "url"
    return "file"


class FrameReader:
    """One open capture. ``read()`` → (frame, t) or None at the end / on failure."""

    def __init__(self, uri: str, *, open_timeout_s: float = 5.0, read_timeout_s: float = 3.0,
                 fps_fallback: float = 25.0, clock=time.time) -> None:
        self.uri = str(uri)
        self.kind = classify(self.uri)
        self.is_file = self.kind == "file"
        self.clock = clock
        if self.is_file:
            path = Path(self.uri)
            if not path.is_file():
                raise VideoSourceError(f"{path}: no such video file")
        if self.kind == "device":
            # FFmpeg's v4l2 input needs a format option OpenCV cannot pass per capture;
            # OpenCV's own V4L2 backend opens the device directly.
            index = int(self.uri[len("/dev/video"):] if self.uri.startswith("/") else self.uri)
            self._cap = cv2.VideoCapture(index, cv2.CAP_V4L2)
        else:
            params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(open_timeout_s * 1000),
                      cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(read_timeout_s * 1000)]
            self._cap = cv2.VideoCapture(self.uri, cv2.CAP_FFMPEG, params)
        if not self._cap.isOpened():
            self._cap.release()
            raise VideoSourceError(f"{self.uri}: cannot open ({self.kind})")
        fps = self._cap.get(cv2.CAP_PROP_FPS)
        self.fps = fps if 1.0 <= fps <= 120.0 else fps_fallback
        self.frames = 0
        self._t0 = clock()

    def read(self) -> tuple[np.ndarray, float] | None:
        ok, frame = self._cap.read()
        if not ok or frame is None:
            return None
        if self.is_file:
            # Play files at their own rate: a file camera stands in for a live one, and
            # the detector's physics needs frame times that match the video's.
            due = self._t0 + self.frames / self.fps
            now = self.clock()
            if due > now:
                time.sleep(min(due - now, 1.0))
            elif now - due > 1.0:  # far behind (CPU starved): resync rather than rush
                self._t0 = now - self.frames / self.fps
                due = now
            t = due
        else:
            t = self.clock()
        self.frames += 1
        return frame, t

    def close(self) -> None:
        self._cap.release()


def open_reader(uri: str, **kw) -> FrameReader:
    return FrameReader(uri, **kw)
