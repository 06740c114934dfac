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
import socket
import tempfile
from pathlib import Path

from bench.common import free_port
from bench.server_process import ServerProcess

MOSQUITTO = shutil.which("mosquitto") or (
    "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None)


class Broker(ServerProcess):
    """One Mosquitto process; restartable on the same port with the same persistence
    (``stop`` lets it write its persistence file, ``kill`` keeps only the last autosave)."""

    name = "mosquitto"

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
        super().__init__(root / "mosquitto.log")
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

    def command(self) -> list[str]:
        return [MOSQUITTO, "-c", str(self.conf_path)]

    def ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False


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
