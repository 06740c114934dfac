"""A position in a recording, read forward by time: the one place where a replay decides
which recorded messages are due.

``RecordingCursor.until(t)`` returns the frames recorded up to ``t`` (seconds after the
header's ``started_at``) that were not returned yet; ``next(n)`` the next ``n`` frames
whatever their time (as fast as possible). Whoever owns the time paces it: the replay
source sleeps on its clock between calls, the training player calls it once per step of
scenario time. ``position()`` / ``seek()`` bookmark the cursor (a byte offset of the
decompressed stream and the frame read ahead), so a training player can go back to a
snapshot without reading the file from the start.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from app.recording.format import (
    Frame,
    RecordingError,
    RecordingHeader,
    decode_frame,
    open_recording,
    read_header,
)


class CursorPosition(msgspec.Struct, frozen=True):
    offset: int  # where the next unread line starts
    line: int  # its line number (for damaged-line reports)
    ahead: Frame | None  # the frame read ahead, not yet returned


class RecordingCursor:
    def __init__(self, path: str | Path, *, skipped: list[int] | None = None) -> None:
        self.path = Path(path)
        self.header: RecordingHeader = read_header(self.path)
        self.skipped = skipped if skipped is not None else []
        self._fh = open_recording(self.path)
        self._fh.readline()  # the header
        self._line = 1
        self._ahead: Frame | None = None
        self._advance()

    # ---- reading ---------------------------------------------------------------------
    def peek_t(self) -> float | None:
        """The time of the next frame, None at the end."""
        return None if self._ahead is None else self._ahead.t

    def until(self, t: float, limit: int | None = None) -> list[Frame]:
        """The frames with ``frame.t <= t`` not returned yet (at most ``limit``)."""
        out: list[Frame] = []
        while self._ahead is not None and self._ahead.t <= t:
            out.append(self._ahead)
            self._advance()
            if limit is not None and len(out) >= limit:
                break
        return out

    def next(self, n: int) -> list[Frame]:
        """The next ``n`` frames, whatever their time."""
        out: list[Frame] = []
        while self._ahead is not None and len(out) < n:
            out.append(self._ahead)
            self._advance()
        return out

    def last_t(self) -> float | None:
        """The time of the recording's last frame (reads the rest of the file once, through
        a second handle: the cursor stays where it is)."""
        last = self.peek_t()
        with open_recording(self.path) as fh:
            fh.seek(self._fh.tell())
            for line in fh:
                frame = decode_frame(line)
                if frame is not None:
                    last = frame.t
        return last

    # ---- bookmarks -------------------------------------------------------------------
    def position(self) -> CursorPosition:
        return CursorPosition(self._fh.tell(), self._line, self._ahead)

    def seek(self, position: CursorPosition) -> None:
        self._fh.seek(position.offset)
        self._line = position.line
        self._ahead = position.ahead

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> RecordingCursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- inside ----------------------------------------------------------------------
    def _advance(self) -> None:
        """Read the next good frame into ``_ahead`` (None at the end of the file)."""
        self._ahead = None
        while True:
            try:
                line = self._fh.readline()
            except (OSError, EOFError) as exc:  # a truncated compressed file ends here
                raise RecordingError(f"{self.path}: damaged after line {self._line}: "
                                     f"{exc}") from None
            if not line:
                return
            self._line += 1
            frame = decode_frame(line)
            if frame is not None:
                self._ahead = frame
                return
            if line.strip():
                self.skipped.append(self._line)
