"""A real Mosquitto on a free loopback port, for the benchmarks and the tests.

:class:`Broker` has ``.url`` (``mqtt://127.0.0.1:PORT``), ``.port``, ``.stop()`` /
``.start()`` (restart on the same port, keeping the persistence file, for reliability tests)
and ``.kill()`` (SIGKILL: only what the last autosave wrote survives).

Run as root, Mosquitto drops to the user "mosquitto", so the persistence folder lives in a
fresh world-traversable temp dir chowned to that user (pytest's tmp_path is 0700 root).
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import free_port

MOSQUITTO = shutil.which("mosquitto") or (
    "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None)


class Broker:
    """One Mosquitto process; restartable on the same port with the same persistence."""

    def __init__(self, root: Path, port: int | None = None, *,
                 listener: list[str] | None = None, scheme: str = "mqtt",
                 persistence: bool = True, max_queued: int = 1_000_000,
                 max_inflight: int = 100) -> None:
        """``listener``: extra lines for the listener (TLS files, password file ...);
        ``persistence`` off for a benchmark, which needs no restart."""
        self.root = root
        self.port = port or free_port()
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.data_dir = root / "data"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = root / "mosquitto.log"
        self.conf_path = root / "mosquitto.conf"
        lines = [
            f"listener {self.port} 127.0.0.1",
            *(listener or ["allow_anonymous true"]),
            *(["persistence true", f"persistence_location {self.data_dir}/",
               "autosave_interval 1"] if persistence else ["persistence false"]),
            # large queues: a slow or absent subscriber must not lose QoS 1 messages
            f"max_queued_messages {max_queued}",
            "max_queued_bytes 0",
            f"max_inflight_messages {max_inflight}",
            "persistent_client_expiration 1d",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
        ]
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("mosquitto")
            except KeyError:
                lines.append("user root")
            else:
                os.chown(self.data_dir, user.pw_uid, user.pw_gid)
        self.conf_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 10.0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process
        self.proc = subprocess.Popen([MOSQUITTO, "-c", str(self.conf_path)],
                                     stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mosquitto exited ({self.proc.returncode}): "
                                   f"{self.log_path.read_text(errors='replace')[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"mosquitto did not listen on port {self.port} in {timeout} s")

    def stop(self) -> None:
        """Graceful stop (SIGTERM): Mosquitto writes its persistence file."""
        self._end(signal.SIGTERM)

    def kill(self) -> None:
        """Hard crash (SIGKILL)."""
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


def start_broker(**options) -> Broker:  # noqa: ANN003 (Broker's keyword options)
    """A started broker in a fresh temp dir; ``close_broker`` it when done."""
    if MOSQUITTO is None:
        raise RuntimeError("mosquitto is not installed (apt-get install mosquitto)")
    root = Path(tempfile.mkdtemp(prefix="cr-mosquitto-"))
    os.chmod(root, 0o755)
    broker = Broker(root, **options)
    broker.start()
    atexit.register(close_broker, broker)  # never leave a broker behind a crashed session
    return broker


def close_broker(broker: Broker) -> None:
    broker.stop()
    atexit.unregister(close_broker)
    shutil.rmtree(broker.root, ignore_errors=True)
