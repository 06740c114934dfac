"""The spill journal: an append-only local file for records the database cannot take yet.

When the database stalls (locked, down, slow) the writer's bounded queue fills; from then on
new records are appended here instead of growing memory, and the writer replays the file,
in order, once it has caught up. Each line is ``[tag, record]`` in JSON. Appends are written
to the operating system at once (unbuffered), so they survive a crash of the process (not a
power cut: that would need an fsync per append, too slow for the ingest thread). An append
is all or nothing: one the disk cannot take (ENOSPC, EIO) or past the size limit raises and
leaves the file as it was, so a full disk never tears a line the next append would join. The file outlives the
process: a journal left by a crash is replayed on the next start. Replayed rows are
idempotent (see ``rows``), so replaying a line twice stores it once. A torn last line (the
process died mid-write) is skipped and counted.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import threading
from pathlib import Path

import msgspec

log = logging.getLogger(__name__)


class JournalFull(OSError):
    """The journal reached its size limit; nothing of the refused append was written."""


class SpillJournal:
    def __init__(self, path: Path, types: dict[str, type], max_bytes: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._types = types
        self._tags = {cls: tag for tag, cls in types.items()}
        self._decoders = {tag: msgspec.json.Decoder(cls) for tag, cls in types.items()}
        self._head = msgspec.json.Decoder(tuple[str, msgspec.Raw])
        self._encoder = msgspec.json.Encoder()
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        # unbuffered: a write that fails leaves nothing queued in a buffer to land later
        self._fh = open(path, "ab", buffering=0)  # noqa: SIM115 - held for the writer's life
        self._size = self._fh.seek(0, os.SEEK_END)
        if self._size and not self._ends_with_newline():
            # a line torn by a crash: end it, so it cannot swallow the next record
            self._write(b"\n")
        self._read_offset = 0
        self.pending = self._count_lines() if self._size else 0
        self.torn = 0

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def _count_lines(self) -> int:
        with open(self.path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))

    @property
    def size(self) -> int:
        return self._size

    def append(self, records: list[object]) -> int:
        """Append records, all or none (any thread); returns the position after them.
        Raises JournalFull past the size limit, OSError when the disk refuses."""
        lines = bytearray()
        for record in records:
            lines += self._encoder.encode((self._tags[type(record)], record))
            lines += b"\n"
        with self._lock:
            if self._size + len(lines) > self.max_bytes:
                raise JournalFull(errno.EFBIG, f"spill journal {self.path} reached its "
                                  f"limit of {self.max_bytes} bytes")
            self._write(bytes(lines))
            self.pending += len(records)
            return self._size

    def _write(self, data: bytes) -> None:
        """Under the lock: write all of ``data`` at the end, or undo the part written."""
        view = memoryview(data)
        done = 0
        try:
            while done < len(data):
                done += self._fh.write(view[done:]) or 0
        except OSError:
            if done:  # a partial line would join the next record into one unreadable line
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fh.fileno(), self._size)
            raise
        self._size += done

    @property
    def committed_offset(self) -> int:
        return self._read_offset

    def read(self, start: int, max_bytes: int = 1 << 20) -> tuple[list[object], int]:
        """Records from byte ``start`` (complete lines only) and the position after them;
        call ``consumed(position, n)`` once they are committed."""
        with self._lock:
            end = self._size
        if start >= end:
            return [], start
        with open(self.path, "rb") as fh:
            fh.seek(start)
            chunk = fh.read(min(max_bytes, end - start))
        cut = chunk.rfind(b"\n")
        if cut < 0:
            if end - start <= max_bytes:  # a torn line at the very end: skip it
                self.torn += 1
                log.warning("skipping a torn line at the end of %s", self.path)
                return [], end
            chunk = self._read_line(start)
            cut = len(chunk) - 1
        records: list[object] = []
        for line in chunk[: cut + 1].splitlines():
            try:
                tag, raw = self._head.decode(line)
                records.append(self._decoders[tag].decode(raw))
            except (msgspec.DecodeError, KeyError):
                self.torn += 1
                log.warning("skipping an unreadable line in %s", self.path)
        return records, start + cut + 1

    def _read_line(self, start: int) -> bytes:
        with open(self.path, "rb") as fh:
            fh.seek(start)
            return fh.readline()

    def consumed(self, position: int, n: int) -> None:
        self._read_offset = position
        with self._lock:
            self.pending = max(0, self.pending - n)

    def reset_if_drained(self) -> bool:
        """Empty the file when everything in it was replayed; True if it is empty."""
        with self._lock:
            if self._read_offset < self._size:
                return False
            if self._size:
                self._fh.truncate(0)
                self._fh.seek(0)
                self._size = 0
                self._read_offset = 0
                self.pending = 0
            return True

    def sync(self) -> None:
        with self._lock:
            os.fsync(self._fh.fileno())

    def close(self) -> None:
        with self._lock:
            if not self._fh.closed:
                with contextlib.suppress(OSError):  # a full disk must not stop the stop
                    os.fsync(self._fh.fileno())
                self._fh.close()
        if self._size == 0:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
