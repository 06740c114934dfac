"""ClipPlayer: replays an event clip (mp4) into a video tile, decoded with OpenCV on a timer.

Why not QMediaPlayer + QVideoWidget: its FFmpeg/GStreamer backend depends on the machine
(pipewire, hardware decoders, an OpenGL surface under Xvfb), while the engine already
decodes these very files with OpenCV; a short evidence clip at ≤ 25 fps costs a few
milliseconds a frame on the GUI thread, and the frames land in the same tile (overlays,
banner and all) instead of a separate video surface.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

MAX_FPS = 25.0


class ClipPlayer(QObject):
    sig_frame = Signal(object)  # np.ndarray, BGR
    sig_finished = Signal()
    sig_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cap = None  # cv2.VideoCapture while playing
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self.frames_shown = 0
        self.path: Path | None = None

    def play(self, path: str | Path) -> bool:
        """Start from the first frame; False (and sig_failed) when the file cannot be read."""
        import cv2  # here, not at import: the GUI starts without OpenCV (optional_parts)

        self.stop()
        cap = cv2.VideoCapture(str(path))
        if not cap.isOpened():
            cap.release()
            self.sig_failed.emit(f"{path}: cannot open the clip")
            return False
        fps = cap.get(cv2.CAP_PROP_FPS) or 0.0
        fps = fps if 1.0 <= fps <= 120.0 else 15.0  # broken headers report 0 or 90000
        self._cap, self.path, self.frames_shown = cap, Path(path), 0
        self._timer.setInterval(round(1000 / min(fps, MAX_FPS)))
        self._timer.start()
        self._on_tick()  # the first frame at once: the tile never shows a stale picture
        return True

    def stop(self) -> None:
        self._timer.stop()
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def is_playing(self) -> bool:
        return self._cap is not None

    def _on_tick(self) -> None:
        if self._cap is None:
            return
        ok, frame = self._cap.read()
        if not ok:
            self.stop()
            self.sig_finished.emit()
            return
        self.frames_shown += 1
        self.sig_frame.emit(frame)
