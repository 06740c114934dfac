"""A server we start as a child process for a benchmark or a test: started and waited for
until it answers, stopped gracefully (SIGTERM) or crashed (SIGKILL), restartable on the same
port. Subclasses say how to run it (``command``) and when it is ready (``ready``)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path


class ServerProcess:
    name = "server"
    poll_s = 0.02
    start_timeout_s = 10.0

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def ready(self) -> bool:
        raise NotImplementedError

    def start(self, timeout: float | None = None) -> None:
        """Start (unless running) and wait until ``ready``; its output goes to ``log_path``."""
        if self.running:
            return
        timeout = self.start_timeout_s if timeout is None else timeout
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process
        self.proc = subprocess.Popen(self.command(), stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited ({self.proc.returncode}): "
                                   f"{self.log_path.read_text(errors='replace')[-500:]}")
            if self.ready():
                return
            time.sleep(self.poll_s)
        self.stop()
        raise RuntimeError(f"{self.name} was not ready in {timeout} s")

    def stop(self) -> None:
        """Graceful stop (SIGTERM)."""
        self._end(signal.SIGTERM)

    def kill(self) -> None:
        """Hard crash (SIGKILL): no goodbye to anybody, connections just close."""
        self._end(signal.SIGKILL)

    def _end(self, sig: int) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None
