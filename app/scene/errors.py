"""SceneError, and the translation of msgspec's messages into a scene file's key paths."""

from __future__ import annotations

import re


class SceneError(ValueError):
    """A mistake in a scene (folder or CityJSON document). The message is one line:
    ``scenes/x/devices.json: devices[12].location.building: unknown building 'B99'``."""


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_UNKNOWN = re.compile(r"Object contains unknown field `(?P<field>[^`]+)`")
_MISSING = re.compile(r"Object missing required field `(?P<field>[^`]+)`")
_BYTE = re.compile(r"\(byte (?P<pos>\d+)\)")


def join_path(base: str, key: str) -> str:
    return f"{base}.{key}" if base and not key.startswith("[") else f"{base}{key}"


def describe_validation(message: str, prefix: str = "") -> str:
    """'Expected `int`, got `str` - at `$.devices[3].floor`' -> 'devices[3].floor: expected
    `int`, got `str`'. ``prefix`` is prepended to the key path (e.g. a CityJSON object)."""
    match = _AT.match(message)
    msg, path = (match["msg"], match["path"] or "") if match else (message, "")
    path = join_path(prefix, path.lstrip(".")) if prefix else path.lstrip(".")
    unknown = _UNKNOWN.search(msg)
    if unknown:
        return f"{join_path(path, unknown['field'])}: unknown key"
    missing = _MISSING.search(msg)
    if missing:
        return f"{join_path(path, missing['field'])}: missing required key"
    if msg.startswith("Invalid enum value") and path.endswith(".kind"):
        msg = msg.replace("Invalid enum value", "unknown device kind")
    msg = msg[:1].lower() + msg[1:]
    return f"{path}: {msg}" if path else msg


def describe_decode(message: str, data: bytes) -> str:
    """'JSON is malformed: invalid character (byte 10)' -> '... at line 2 column 5'."""
    found = _BYTE.search(message)
    if not found:
        return message
    pos = int(found["pos"])
    line = data.count(b"\n", 0, pos) + 1
    column = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return _BYTE.sub(f"at line {line} column {column}", message)
