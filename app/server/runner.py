"""Running the API next to the engine: uvicorn on its own thread, on a socket bound here
first (so a busy port is one clear line, and port 0 picks a free one), TLS by config.

A server whose API cannot start keeps ingesting: the engine is the compound's source of
truth and must not stop because a console port is taken; the failure is logged loudly.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import TYPE_CHECKING

import uvicorn

from app.security.sessions import SessionStore
from app.security.users import SetupToken
from app.server.api import create_app
from app.server.gatekeeper import Gatekeeper

if TYPE_CHECKING:
    from app.config import ServerConfig
    from app.runtime.engine import Engine

log = logging.getLogger(__name__)


class ApiError(Exception):
    """The API cannot listen (port taken, bad address, unreadable certificate)."""


def parse_listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ApiError(f"listen address must be HOST:PORT, got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


class ApiServer:
    def __init__(self, engine: Engine, config: ServerConfig) -> None:
        self.engine = engine
        self.config = config
        assert engine.writer.engine is not None, "start the engine first"
        setup = None if engine.users is not None and engine.users.has_administrator() \
            else SetupToken()
        self.gatekeeper = Gatekeeper(engine, SessionStore(engine.writer.engine), setup)
        self.app = create_app(engine, self.gatekeeper)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.url = ""

    def start(self) -> None:
        host, port = parse_listen(self.config.listen)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            raise ApiError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        sock.listen(128)
        self.port = sock.getsockname()[1]
        tls = bool(self.config.tls_cert)
        scheme = "https" if tls else "http"
        shown = f"[{host}]" if ":" in host else host
        self.url = f"{scheme}://{shown}:{self.port}"
        options = {"log_level": "warning", "lifespan": "on", "ws_max_size": 1 << 20,
                   "ws_ping_interval": 20.0, "timeout_keep_alive": 30}
        if tls:
            options |= {"ssl_certfile": self.config.tls_cert, "ssl_keyfile": self.config.tls_key}
        server_config = uvicorn.Config(self.app, **options)
        try:
            server_config.load()
        except (OSError, ValueError) as exc:  # e.g. an unreadable certificate
            sock.close()
            raise ApiError(f"cannot start the API: {exc}") from None
        self._server = uvicorn.Server(server_config)
        self._server.install_signal_handlers = lambda: None  # serve owns the signals
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="ApiServer", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started and self._thread.is_alive():
            if time.monotonic() > deadline:
                raise ApiError("the API did not start within 15 s")
            time.sleep(0.02)
        if not self._server.started:
            raise ApiError("the API stopped while starting (see the log)")
        log.info("API listening on %s (OpenAPI at %s/api/v1/openapi.json)", self.url, self.url)
        token = self.gatekeeper.setup_token
        if token is not None and token.token:
            log.warning("no administrator yet: create one with `control-room users add NAME "
                        "--role administrator --db URL`, or at a console with the one-time "
                        "setup token %s", token.token)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
