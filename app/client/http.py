"""The console's HTTP side of the API: sign-in, the scene, commands, downloads.

One ``httpx.Client`` per console (connection reuse, thread-safe). Every failure becomes a
``CommandError`` a view can word: a refusal or failure from the server as it was sent, an
unreachable server as ``NotConnected``, an ended session as ``SignedOut``.
"""

from __future__ import annotations

import logging
import math
import ssl
from pathlib import Path
from typing import Any

import httpx
import msgspec

from app.api import wire
from app.facade.commands import Command
from app.facade.errors import CommandError, CommandFailed, NotConnected, error_from_json
from app.facade.handler import CommandResult
from app.facade.room import AuditQuery, LearnedInfo
from app.scene.model import Scene
from app.security.audit import AuditRecord
from app.storage.queries import HistoryPoint
from app.vision.camera_types import Overlay

TIMEOUT_S = 5.0
logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per frame pulled


class SignedOut(CommandError):
    """The session ended (signed out elsewhere, locked, expired): sign in again."""

    status = 401

    def __init__(self, message: str = "the session has ended: sign in again") -> None:
        super().__init__("not_signed_in", message)


def base_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"a server URL starts with http:// or https://, got {url!r}")
    return url


class ApiClient:
    def __init__(self, url: str, *, ca_file: str | None = None,
                 timeout_s: float = TIMEOUT_S) -> None:
        self.url = base_url(url)
        self.api = self.url + wire.API_PREFIX
        self.ca_file = ca_file
        verify: Any = ssl.create_default_context(cafile=ca_file) if ca_file else True
        self._http = httpx.Client(timeout=timeout_s, verify=verify)
        self.token: str | None = None

    @property
    def ws_url(self) -> str:
        return "ws" + self.api[len("http"):] + "/stream"

    def close(self) -> None:
        self._http.close()

    # ---- plumbing ------------------------------------------------------------------------
    def _request(self, method: str, path: str, *, body: Any = None,
                 params: dict[str, Any] | None = None, timeout: float | None = None
                 ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            response = self._http.request(
                method, self.api + path, headers=headers, params=params,
                content=msgspec.json.encode(body) if body is not None else None,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT)
        except httpx.HTTPError as exc:
            raise NotConnected(f"server {self.url} unreachable: {type(exc).__name__}") from None
        except RuntimeError:  # this console was closed
            raise NotConnected("this console is closed") from None
        if response.status_code == 401:
            raise SignedOut()
        if response.status_code >= 400:
            try:
                data = response.json()
            except ValueError:
                data = {"error": "failed", "message": f"HTTP {response.status_code}"}
            raise error_from_json(response.status_code, data if isinstance(data, dict) else {})
        return response

    def _decode(self, response: httpx.Response, type_: Any) -> Any:
        return msgspec.json.decode(response.content, type=type_)

    # ---- session -------------------------------------------------------------------------
    def login(self, username: str, password: str, console: str = "") -> wire.LoginAnswer:
        answer = self._decode(self._request("POST", "/session", body=wire.LoginRequest(
            username, password, console)), wire.LoginAnswer)
        self.token = answer.token
        return answer

    def setup(self, setup_token: str, username: str, password: str, display_name: str = "",
              console: str = "") -> wire.LoginAnswer:
        answer = self._decode(self._request("POST", "/session/setup", body=wire.SetupRequest(
            setup_token, username, password, display_name, console)), wire.LoginAnswer)
        self.token = answer.token
        return answer

    def logout(self) -> None:
        try:
            self._request("DELETE", "/session")
        finally:
            self.token = None

    def unlock(self, password: str) -> None:
        self._request("POST", "/session/unlock", body=wire.UnlockRequest(password))

    def health(self) -> dict[str, Any]:
        return self._request("GET", "/health", timeout=2.0).json()

    # ---- reading -------------------------------------------------------------------------
    def get_json(self, path: str, type_: Any, *, timeout: float = 5.0,
                 params: dict[str, Any] | None = None) -> Any:
        return self._decode(self._request("GET", path, params=params, timeout=timeout), type_)

    def get_bytes(self, path: str, *, timeout: float = 10.0) -> bytes:
        """A file's bytes (a picture); an empty answer (204) or a missing one (404) is an
        error naming the path, never empty bytes taken for a picture."""
        response = self._request("GET", path, timeout=timeout)
        if response.status_code != 200 or not response.content:
            raise CommandFailed("not_found", f"{path}: nothing to fetch "
                               f"(HTTP {response.status_code})")
        return response.content

    def scene(self) -> Scene:
        return self._decode(self._request("GET", "/scene", timeout=30.0), Scene)

    def snapshot(self) -> wire.Snapshot:
        return self._decode(self._request("GET", "/snapshot", timeout=30.0), wire.Snapshot)

    def learned(self, device_id: str, point: str) -> LearnedInfo:
        return self._decode(self._request("GET", f"/devices/{_seg(device_id)}/learned",
                                          params={"point": point}, timeout=2.0), LearnedInfo)

    def history(self, device_id: str, point: str, since: float, until: float,
                max_points: int = 1000) -> list[HistoryPoint]:
        if not (math.isfinite(since) and math.isfinite(until)):
            return []
        return self._decode(self._request(
            "GET", f"/devices/{_seg(device_id)}/history",
            params={"point": point, "since": since, "until": until, "max_points": max_points}),
            list[HistoryPoint])

    def route(self, tech_id: str, order_id: str) -> list[tuple[float, float, float]]:
        return self._decode(self._request("GET", "/dispatch/route", params={
            "tech_id": tech_id, "order_id": order_id}, timeout=2.0),
            list[tuple[float, float, float]])

    def audit(self, query: AuditQuery) -> list[AuditRecord]:
        params = {k: v for k, v in msgspec.structs.asdict(query).items() if v is not None}
        return self._decode(self._request("GET", "/audit", params=params, timeout=30.0),
                            list[AuditRecord])

    # ---- commands ------------------------------------------------------------------------
    def execute(self, command: Command) -> CommandResult:
        return self._decode(self._request("POST", "/commands", body=command), CommandResult)

    # ---- cameras and evidence ------------------------------------------------------------
    def frame(self, camera_id: str, after: int) -> tuple[int, float, bytes] | None:
        """(seq, t, JPEG) of a newer frame than ``after``; None when unchanged."""
        response = self._request("GET", f"/cameras/{_seg(camera_id)}/frame.jpg",
                                 params={"after": after}, timeout=2.0)
        if response.status_code == 204:
            return None
        return (int(response.headers.get("X-Frame-Seq", "0")),
                float(response.headers.get("X-Frame-Time", "0")), response.content)

    def overlays(self, camera_id: str) -> list[Overlay]:
        return self._decode(self._request("GET", f"/cameras/{_seg(camera_id)}/overlays",
                                          timeout=2.0), list[Overlay])

    def download(self, path: str, target: Path, *, timeout: float = 60.0) -> Path:
        response = self._request("GET", path, timeout=timeout)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(response.content)
        tmp.replace(target)
        return target

    def evidence(self, event_id: str, out_dir: Path) -> Path:
        return self.download(f"/events/{_seg(event_id)}/evidence.zip",
                             Path(out_dir) / f"evidence-{_safe(event_id)}.zip")

    def clip(self, event_id: str, target: Path) -> Path:
        return self.download(f"/events/{_seg(event_id)}/clip", target)


def _seg(text: str) -> str:
    """One path segment: ids from outside never add path elements."""
    from urllib.parse import quote

    return quote(text, safe="")


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)[:96] or "x"
