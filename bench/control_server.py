"""``control-room serve`` as a child process, for the seats tests and benchmark: its own
data and secrets folders, a fixed free port (so a restart comes back where consoles look),
accounts made through the real ``users add`` command, ready when ``/health`` answers."""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.common import free_port
from bench.server_process import ServerProcess

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]


class ControlRoomServer(ServerProcess):
    name = "control-room serve"
    poll_s = 0.1
    start_timeout_s = 90.0

    def __init__(self, folder: Path, *, db_url: str | None = None, broker: str | None = None,
                 config: Path | None = None, extra: tuple[str, ...] = ()) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(folder / "serve.log")
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url or f"sqlite:///{folder / 'control-room.db'}"
        self.broker = broker
        self.config = config
        self.extra = extra
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1",
                    "CONTROL_ROOM_DATA": str(folder / "data"),
                    "CONTROL_ROOM_SECRETS": str(folder / "secrets")}

    def command(self) -> list[str]:
        broker = ["--broker", self.broker] if self.broker else []
        return [*CLI, *(["--config", str(self.config)] if self.config else []), "serve",
                "--db", self.db_url, *broker, "--listen", f"127.0.0.1:{self.port}",
                "--stats-every", "5", *self.extra]

    def start(self, timeout: float | None = None) -> None:
        if self.running:
            return
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process

        self.proc = subprocess.Popen(self.command(), stdout=log, stderr=log, env=self.env)
        log.close()
        atexit.register(self.kill)  # never leave a server behind a crashed test session
        deadline = time.monotonic() + (timeout or self.start_timeout_s)
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited ({self.proc.returncode}): "
                                   f"{self.log_path.read_text(errors='replace')[-800:]}")
            if self.ready():
                return
            time.sleep(self.poll_s)
        self.stop()
        raise RuntimeError(f"serve was not ready: {self.log_path.read_text()[-800:]}")

    def ready(self) -> bool:
        try:
            return httpx.get(f"{self.url}/api/v1/health", timeout=1.0).status_code == 200
        except httpx.HTTPError:
            return False

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """Run a ``control-room`` command against this server's database and secrets."""
        return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True,
                              env=self.env, timeout=120)

    def add_user(self, name: str, password: str, role: str, *extra: str) -> None:
        result = self.cli("users", "add", name, "--role", role, "--password-stdin",
                          "--db", self.db_url, *extra, stdin=password + "\n")
        if result.returncode != 0:
            raise RuntimeError(f"users add {name}: {result.stderr.strip()}")

    def console(self, name: str, password: str, console: str, **options: object):  # noqa: ANN201
        """A console (RemoteControlRoom) signed in to this server as ``name``; generous with
        its first snapshot, which a loaded machine may take seconds to send."""
        from app.client.remote import RemoteControlRoom

        options.setdefault("first_snapshot_s", 30.0)
        return RemoteControlRoom.sign_in(self.url, name, password, console=console, **options)
