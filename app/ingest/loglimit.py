"""Log a recurring problem once per key per interval, with how many were left unsaid.

A hostile stream repeats the same fault thousands of times a second; a traceback for each
would fill the disk and bury the first one. The counters (the RejectLedger) keep every
occurrence; the log keeps one line per reason per minute.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

INTERVAL_S = 60.0
MAX_KEYS = 1000


class LogLimiter:
    def __init__(self, logger: logging.Logger, interval_s: float = INTERVAL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.logger, self.interval_s, self._clock = logger, interval_s, clock
        self._last: dict[str, float] = {}
        self._unsaid: dict[str, int] = {}

    def log(self, key: str, level: int, message: str, *args: object,
            exc_info: bool = False) -> bool:
        """Log unless ``key`` was logged less than ``interval_s`` ago; True when logged."""
        now = self._clock()
        last = self._last.get(key)
        if last is not None and now - last < self.interval_s:
            self._unsaid[key] = self._unsaid.get(key, 0) + 1
            return False
        if last is None and len(self._last) >= MAX_KEYS:  # keys from outside: bounded
            self._last.clear()
            self._unsaid.clear()
        unsaid = self._unsaid.pop(key, 0)
        self._last[key] = now
        if unsaid:
            message += f" ({unsaid} more like it in the last {self.interval_s:g} s not logged)"
        self.logger.log(level, message, *args, exc_info=exc_info)
        return True
