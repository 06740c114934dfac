"""The recording file format: JSON Lines, one MQTT message per line, after one header line.

::

    {"format":"control-room-recording","version":1,"started_at":1764040000.123,"root":"cr/demo"}
    {"t":0.000412,"topic":"cr/demo/dev/B01-TR1/meta","p":"{\\"kind\\":\\"transformer\\",…}","r":1}
    {"t":0.531,"topic":"cr/demo/dev/B01-TR1/telemetry","p":"{\\"ts\\":…,\\"values\\":{…}}"}
    {"t":0.532,"topic":"cr/demo/gate/G1/pass","b64":"/w=="}

- ``started_at``: epoch seconds (this machine's clock) of the start of the recording;
  ``t``: the message's receive time, in seconds after ``started_at`` (microseconds kept).
- ``p``: the payload when it is valid UTF-8 (contract payloads are JSON, so this stays
  readable and greppable); otherwise ``b64``: the payload in base64 — hostile bytes are
  recorded exactly, too. ``r``: 1 when the broker delivered it as a retained message.
- A recording may be gzip-compressed (``*.gz``, read only): shipped recordings stay small.
- A line whose ``t`` is not a finite number within ``MAX_T_S`` is damaged (``t: 1e300``
  would have a player wait for ever), as is one that fails to parse.
- Appendable: opening an existing recording for writing continues it (``t`` stays relative
  to the first header). Crash-tolerant: every line stands alone and is flushed per batch, so
  a killed recorder leaves at most one partial last line, which readers skip (and a writer
  that continues the file terminates first).
"""

from __future__ import annotations

import base64
import gzip
import math
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

FORMAT = "control-room-recording"
VERSION = 1
FSYNC_EVERY_S = 1.0
#: the longest recording a player accepts: ten years after the first header
MAX_T_S = 10 * 365 * 86400.0


class RecordingError(ValueError):
    """A file that is not a recording (one line for the operator)."""


class RecordingHeader(msgspec.Struct, frozen=True):
    format: str
    version: int
    started_at: float
    root: str = ""


class Frame(msgspec.Struct, frozen=True, omit_defaults=True):
    t: float
    topic: str
    p: str | None = None
    b64: str | None = None
    r: int = 0

    @property
    def payload(self) -> bytes:
        if self.p is not None:
            return self.p.encode("utf-8")
        return base64.b64decode(self.b64 or "")

    @property
    def retain(self) -> bool:
        return bool(self.r)


_encode = msgspec.json.Encoder().encode
_header_decoder = msgspec.json.Decoder(RecordingHeader)
_frame_decoder = msgspec.json.Decoder(Frame)


class RecordingWriter:
    """Appends messages to a recording; ``write`` takes (topic, payload, received_at,
    retain) tuples. Not thread-safe: one writer thread."""

    def __init__(self, path: str | Path, *, root: str = "",
                 started_at: float | None = None) -> None:
        """``started_at``: the recording's start (default: now; a recording generated from
        the simulator gives its simulated start)."""
        self.path = Path(path)
        self.frames = 0
        existing = self.path.exists() and self.path.stat().st_size > 0
        if existing:
            self.header = read_header(self.path)
        else:
            self.header = RecordingHeader(FORMAT, VERSION,
                                          time.time() if started_at is None else started_at,
                                          root)
        try:
            self._fh = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise RecordingError(f"{self.path}: cannot write: {exc.strerror}") from None
        if existing:
            with open(self.path, "rb") as fh:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":  # a crash left half a line: end it
                    self._fh.write(b"\n")
        else:
            self._fh.write(_encode(self.header) + b"\n")
        self._fh.flush()
        self._last_sync = time.monotonic()

    def write(self, messages: Iterable[tuple[str, bytes, float, bool]]) -> None:
        start = self.header.started_at
        lines = []
        for topic, payload, received_at, retain in messages:
            t = round(received_at - start, 6)
            try:
                frame = Frame(t, topic, p=payload.decode("utf-8"), r=int(retain))
            except UnicodeDecodeError:
                frame = Frame(t, topic, b64=base64.b64encode(payload).decode("ascii"),
                              r=int(retain))
            lines.append(_encode(frame))
        if not lines:
            return
        self._fh.write(b"\n".join(lines) + b"\n")
        self._fh.flush()
        self.frames += len(lines)
        if time.monotonic() - self._last_sync > FSYNC_EVERY_S:
            os.fsync(self._fh.fileno())
            self._last_sync = time.monotonic()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_recording(path: str | Path):  # noqa: ANN201 (a binary file object)
    """The recording's bytes, decompressed when it is a ``.gz``."""
    if str(path).endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


def read_header(path: str | Path) -> RecordingHeader:
    try:
        with open_recording(path) as fh:
            first = fh.readline()
    except (OSError, EOFError) as exc:
        raise RecordingError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"
                             ) from None
    try:
        header = _header_decoder.decode(first)
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise RecordingError(f"{path}: not a control-room recording (bad header line)") from None
    if header.format != FORMAT:
        raise RecordingError(f"{path}: not a control-room recording (format {header.format!r})")
    if header.version > VERSION:
        raise RecordingError(f"{path}: recording version {header.version} is newer than this "
                             f"program reads ({VERSION})")
    return header


def read_recording(path: str | Path, skipped: list[int] | None = None) -> Iterator[Frame]:
    """The frames in file order, streamed. Damaged lines (a crash's partial last line) are
    skipped; their line numbers are appended to ``skipped`` when given."""
    read_header(path)
    with open_recording(path) as fh:
        fh.readline()
        for number, line in enumerate(fh, start=2):
            frame = decode_frame(line)
            if frame is None:
                if line.strip() and skipped is not None:
                    skipped.append(number)
                continue
            yield frame


def decode_frame(line: bytes) -> Frame | None:
    """One line of a recording; None for a blank or damaged line."""
    if not line.strip():
        return None
    try:
        frame = _frame_decoder.decode(line)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if (frame.p is None and not _valid_b64(frame.b64)) or not (
            math.isfinite(frame.t) and abs(frame.t) <= MAX_T_S):
        return None
    return frame


def _valid_b64(text: str | None) -> bool:
    if text is None:
        return False
    try:
        base64.b64decode(text, validate=True)
    except ValueError:
        return False
    return True
