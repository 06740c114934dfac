"""Repeated frames: recorders and transcoders fill a 30 fps file from 20 fps content by
showing every third frame twice (NVRs repeat frames when the camera stalls, too). To the
detector a repeat looks like an object that stopped in mid-air for a frame, and the track
breaks; the one real throw clip found in a public repository was missed that way.

``Cadence`` drops a frame that repeats the one before: the same pixels to within a grey
level or two (the same picture decoded again, an all-skip P-frame), or, where the stream
was re-encoded after the repeat, a difference far below the noise and motion every new
frame of that camera brings (a twentieth of it on a real clip, where re-encoding leaves a
few codec residuals, up to 20 levels, at edges) and under 0.08 grey levels on average. It then estimates
the rate of the frames that remain, and re-times them on that rate: the first-shown times
of 20 fps content in a 30 fps file are uneven (1/30 s, 2/30 s, 1/30 s …), and a physics fit
on uneven times sees a jerk that is not there.
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

REPEAT_MAX_DIFF = 2  # grey levels: a repeat decodes to the same pixels, a new frame has noise
REPEAT_RATIO = 0.2  # mean difference of a re-encoded repeat / that of a new frame
REPEAT_MAX_MEAN = 0.08  # grey levels: re-encoded repeats measured 0.02–0.05 on a real clip


class Cadence:
    def __init__(self, fps: float, window_s: float = 2.0) -> None:
        self.fps = fps
        self.dropped = 0
        self._prev: np.ndarray | None = None
        self._recent: deque[bool] = deque(maxlen=max(4, int(window_s * fps)))  # was a repeat
        self._times: deque[tuple[int, float]] = deque(maxlen=max(8, int(window_s * fps)))
        self._n = 0
        self._typical: deque[float] = deque(maxlen=25)  # mean |difference| of new frames

    def accept(self, gray: np.ndarray, t: float) -> float | None:
        """The time to give this frame, or None for a repeat of the previous one."""
        prev, self._prev = self._prev, gray
        if prev is not None and prev.shape == gray.shape:
            diff = cv2.absdiff(gray, prev)
            mean = float(cv2.mean(diff)[0])
            typical = float(np.median(self._typical)) if len(self._typical) >= 5 else 0.0
            # Relative to the camera's usual change, and small in itself: rain or a lighting
            # step inflate the usual change, and a calm new frame beside them (a mean
            # difference of 0.1–0.3 grey levels on a quiet synthetic camera) is no repeat.
            if (cv2.minMaxLoc(diff)[1] <= REPEAT_MAX_DIFF
                    or (typical >= 0.1 and mean < min(REPEAT_RATIO * typical,
                                                      REPEAT_MAX_MEAN))):
                self._prev = prev
                self.dropped += 1
                self._recent.append(True)
                return None
            self._typical.append(mean)
        self._recent.append(False)
        self._n += 1
        if not any(self._recent):  # a clean stream: its own times, untouched
            self._times.clear()
            return t
        self._times.append((self._n, t))
        if len(self._times) < 6:
            return t
        n, ts = np.array(self._times, float).T
        slope, icpt = np.polyfit(n, ts, 1)
        fitted = slope * self._n + icpt
        if abs(fitted - t) > 1.5 / self.fps + slope:  # a real gap (lost frames): start over
            self._times.clear()
            self._times.append((self._n, t))
            return t
        return float(fitted)

    @property
    def effective_fps(self) -> float:
        """Distinct frames per second lately: 20 for 20 fps content in a 30 fps file."""
        if not self._recent:
            return self.fps
        return self.fps * (1.0 - sum(self._recent) / len(self._recent))
