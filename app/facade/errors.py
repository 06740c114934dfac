"""What a command can answer instead of "done": refused (permission or scope), or failed
(the engine's state does not allow it). Each carries a code and data so every console words
it in its own language ("already acknowledged by 张伟 at 14:02"), plus an English line for
logs, scripts and the audit trail."""

from __future__ import annotations


class CommandError(Exception):
    status = 409

    def __init__(self, code: str, message: str, **data: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.data = data

    def to_json(self) -> dict:
        return {"error": self.code, "message": self.message, "data": self.data}


class CommandRefused(CommandError):
    """Not allowed for this user (permission, scope, role, demo or training)."""

    status = 403


class CommandFailed(CommandError):
    """Allowed, but the engine cannot do it now (already acknowledged, unknown order …)."""


class NotConnected(CommandError):
    """A remote console without its server: nothing was sent."""

    status = 503

    def __init__(self, message: str = "not connected to the server") -> None:
        super().__init__("not_connected", message)


def error_from_json(status: int, body: dict) -> CommandError:
    cls = {403: CommandRefused, 503: NotConnected}.get(status, CommandFailed)
    if cls is NotConnected:
        return NotConnected(str(body.get("message", "")))
    return cls(str(body.get("error", "failed")), str(body.get("message", "")),
               **dict(body.get("data") or {}))
