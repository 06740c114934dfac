"""Sending a command from a view, and telling the operator why it was not done.

``run_command(parent, room, command)`` sends it through the ControlRoom; on a refusal or a
failure it shows one plain-text message, worded from the error's code in the operator's
language ("已由 张伟 于 14:02 确认"), and returns None.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.facade.commands import Command
from app.facade.errors import CommandError, CommandRefused
from app.facade.handler import CommandResult
from app.facade.room import ControlRoom

_CONTEXT = "CommandError"
_TITLES = {
    "refused": QT_TRANSLATE_NOOP("CommandError", "Not allowed"),
    "failed": QT_TRANSLATE_NOOP("CommandError", "Not done"),
}
_TEXTS = {
    "already_acknowledged": QT_TRANSLATE_NOOP(
        "CommandError", "Already acknowledged by %1 at %2."),
    "permission": QT_TRANSLATE_NOOP(
        "CommandError", "Your role may not do this (%1). Ask a supervisor."),
    "scope": QT_TRANSLATE_NOOP("CommandError", "This is outside the area you look after."),
    "trainee_outside_training": QT_TRANSLATE_NOOP(
        "CommandError", "A trainee acts only in a training session."),
    "audit_unavailable": QT_TRANSLATE_NOOP(
        "CommandError", "The audit trail cannot be written, so nothing was done."),
    "not_connected": QT_TRANSLATE_NOOP(
        "CommandError", "Not connected to the server: nothing was sent."),
    "unknown_alarm": QT_TRANSLATE_NOOP("CommandError", "This alarm no longer exists."),
    "unknown_order": QT_TRANSLATE_NOOP("CommandError", "This work order no longer exists."),
    "wall_controlled": QT_TRANSLATE_NOOP("CommandError", "The wall is controlled by %1 at %2."),
    "wall_not_controlled": QT_TRANSLATE_NOOP("CommandError", "Take control of the wall first."),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def error_text(exc: CommandError) -> str:
    """The error worded for the operator; the engine's English line when no code fits."""
    template = _TEXTS.get(exc.code)
    if template is None:
        return exc.message
    text = _tr(template)
    if exc.code == "already_acknowledged":
        at = exc.data.get("at")
        when = time.strftime("%H:%M", time.localtime(float(at))) if at else "?"
        text = text.replace("%1", str(exc.data.get("by") or "?")).replace("%2", when)
    elif exc.code == "wall_controlled":
        text = text.replace("%1", str(exc.data.get("by") or "?")).replace(
            "%2", str(exc.data.get("console") or "?"))
    elif exc.code == "permission":
        text = text.replace("%1", str(exc.data.get("permission", "")))
    return text


def show_error(parent: QWidget | None, exc: CommandError) -> None:
    title = _tr(_TITLES["refused" if isinstance(exc, CommandRefused) else "failed"])
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and notes come from outside
    box.exec()


def run_command(parent: QWidget | None, room: ControlRoom,
                command: Command) -> CommandResult | None:
    try:
        return room.execute(command)
    except CommandError as exc:
        show_error(parent, exc)
        return None
