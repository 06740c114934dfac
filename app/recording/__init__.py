"""Recordings of live MQTT traffic (the data side of replay and training mode)."""

from app.recording.cursor import CursorPosition, RecordingCursor
from app.recording.format import (
    Frame,
    RecordingError,
    RecordingHeader,
    RecordingWriter,
    read_header,
    read_recording,
)

__all__ = ["CursorPosition", "Frame", "RecordingCursor", "RecordingError", "RecordingHeader",
           "RecordingWriter", "read_header", "read_recording"]
