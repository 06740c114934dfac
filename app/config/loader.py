"""Load AppConfig from a TOML file and ``CONTROL_ROOM__SECTION__KEY`` environment variables.

Every problem becomes one ConfigError line naming the file, the key path and what is wrong.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from app.config.model import AppConfig

ENV_PREFIX = "CONTROL_ROOM__"


class ConfigError(ValueError):
    """A user's configuration mistake; the message is one line fit for an operator."""


def load_config(path: str | Path | None = None,
                environ: Mapping[str, str] | None = None) -> AppConfig:
    data: dict[str, Any] = {}
    origin = "defaults"
    if path is not None:
        origin = str(path)
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except FileNotFoundError:
            raise ConfigError(f"{origin}: no such config file") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{origin}: cannot read: {exc.strerror}") from None
    _apply_env(data, os.environ if environ is None else environ)
    try:
        return msgspec.convert(data, AppConfig, strict=False)
    except msgspec.ValidationError as exc:
        raise ConfigError(f"{origin}: {_describe(str(exc))}") from None


def _apply_env(data: dict[str, Any], environ: Mapping[str, str]) -> None:
    """CONTROL_ROOM__MQTT__URL=... sets data['mqtt']['url'] (the value parsed as TOML when
    it can be, so numbers and booleans work; otherwise taken as a string)."""
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        keys = [k.lower() for k in name[len(ENV_PREFIX):].split("__") if k]
        if not keys:
            continue
        try:
            value = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            value = raw
        node = data
        for key in keys[:-1]:
            child = node.setdefault(key, {})
            if not isinstance(child, dict):
                raise ConfigError(f"environment {name}: {key} is not a section")
            node = child
        node[keys[-1]] = value


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$")
_UNKNOWN = re.compile(r"Object contains unknown field `(?P<field>[^`]+)`")


def _describe(message: str) -> str:
    """Turn msgspec's 'Expected `int`, got `str` - at `$.mqtt.keepalive_s`' into
    'key mqtt.keepalive_s: expected `int`, got `str`'."""
    match = _AT.match(message)
    msg, path = (match["msg"], match["path"] or "") if match else (message, "")
    dotted = path.replace("$", "").lstrip(".")
    unknown = _UNKNOWN.search(msg)
    if unknown:
        key = f"{dotted}.{unknown['field']}" if dotted else unknown["field"]
        return f"key {key}: unknown key"
    if dotted:
        return f"key {dotted}: {msg[0].lower()}{msg[1:]}"
    return msg
