"""Recordings of live MQTT traffic (the data side of replay and training mode)."""

from app.recording.format import (
    Frame,
    RecordingError,
    RecordingHeader,
    RecordingWriter,
    read_header,
    read_recording,
)

__all__ = ["Frame", "RecordingError", "RecordingHeader", "RecordingWriter", "read_header",
           "read_recording"]
