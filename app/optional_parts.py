"""Parts of the program a machine may lack, and why: the program starts without them and
says so instead of crashing.

The alarm sound needs QtMultimedia and its audio libraries (libpulse); the cameras need
OpenCV. Whoever finds its part missing calls ``report_unavailable`` once;
the status bar shows every report ("alarm sound unavailable: libpulse.so.0: …") and the log
has it. A process-wide record, because the parts that notice (a camera manager in the
engine, the alarm board's sounder) and the status bar that tells the operator never meet.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

SOUND = "sound"
CAMERAS = "cameras"

_reasons: dict[str, str] = {}
_lock = threading.Lock()


def report_unavailable(part: str, reason: str | BaseException) -> None:
    """Record that ``part`` (SOUND, CAMERAS …) cannot work on this machine, and why."""
    text = " ".join(str(reason).split()) or type(reason).__name__
    with _lock:
        if _reasons.get(part) == text:
            return
        _reasons[part] = text
    log.warning("%s unavailable: %s", part, text)


def unavailable() -> dict[str, str]:
    """part → reason, for every part reported missing in this process."""
    with _lock:
        return dict(_reasons)


def forget(part: str) -> None:
    """The part works again (or a test starts afresh)."""
    with _lock:
        _reasons.pop(part, None)
