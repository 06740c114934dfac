"""Load AppConfig from a TOML file and ``CONTROL_ROOM__SECTION__KEY`` environment variables.

Every problem becomes one ConfigError line naming where it came from — the file and the key
path, or the environment variable — and what is wrong.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
import msgspec.inspect as mi

from app.config.model import AppConfig
from app.config.topic_ids import check_topic_ids

ENV_PREFIX = "CONTROL_ROOM__"
#: C0 controls (but tab) and DEL: never meant in a config value, and NUL breaks paths, MQTT
#: topics and PostgreSQL text alike
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class ConfigError(ValueError):
    """A user's configuration mistake; the message is one line fit for an operator."""


def load_config(path: str | Path | None = None,
                environ: Mapping[str, str] | None = None) -> AppConfig:
    data: dict[str, Any] = {}
    origin = "defaults"
    if path is not None:
        origin = str(path)
        data = _read_file(path)
    # dotted key → the environment variable that set it, to name it in any error about it
    from_env = _apply_env(data, os.environ if environ is None else environ)
    where = _Where(origin, from_env)
    _refuse_control_characters(data, where)
    try:
        config = msgspec.convert(data, AppConfig, strict=False)
    except msgspec.ValidationError as exc:
        key, problem = _describe(str(exc))
        raise ConfigError(where.of(key, problem)) from None
    for key, problem in check_topic_ids(config):
        raise ConfigError(where.of(key, problem))
    return config


def _read_file(path: str | Path) -> dict[str, Any]:
    origin = str(path)
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{origin}: no such config file") from None
    except IsADirectoryError:
        raise ConfigError(f"{origin}: a folder, not a config file") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{origin}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at "
                          f"offset {exc.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{origin}: cannot read: {exc.strerror}") from None


class _Where:
    """Names the source of a key: its environment variable, else the file."""

    def __init__(self, origin: str, from_env: dict[str, str]) -> None:
        self.origin, self.from_env = origin, from_env

    def of(self, key: str, problem: str) -> str:
        parts = key.split(".") if key else []
        for n in range(len(parts), 0, -1):  # the key, or the section a variable replaced
            name = self.from_env.get(".".join(parts[:n]))
            if name:
                return f"environment variable {name}: {problem}"
        label = f"key {key}: " if key else ""
        return f"{self.origin}: {label}{problem}"


def _apply_env(data: dict[str, Any], environ: Mapping[str, str]) -> dict[str, str]:
    """CONTROL_ROOM__MQTT__URL=... sets data['mqtt']['url']. A value for a text field is
    taken as it is (a password of digits stays text); any other value is read as TOML when
    it can be (numbers, booleans, arrays, tables), else left as text for the type check."""
    from_env: dict[str, str] = {}
    for name, raw in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX):
            continue
        keys = [k for k in name[len(ENV_PREFIX):].split("__") if k]
        if not keys:
            continue
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:
            raise ConfigError(f"environment variable {name}: not UTF-8 text") from None
        keys, field = _resolve(keys)
        for n in range(1, len(keys) + 1):
            from_env.setdefault(".".join(keys[:n]), name)
        from_env[".".join(keys)] = name
        node = data
        for key in keys[:-1]:
            child = node.setdefault(key, {})
            if not isinstance(child, dict):
                raise ConfigError(f"environment variable {name}: {key} is not a section")
            node = child
        node[keys[-1]] = raw if _wants_text(field) else _toml_value(raw)
    return from_env


def _resolve(keys: list[str]) -> tuple[list[str], mi.Type | None]:
    """The key path as the config spells it (struct fields are lower case; dict keys such as
    device ids keep their case) and the type of the field it names (None: no such field)."""
    tp: mi.Type | None = mi.type_info(AppConfig)
    out: list[str] = []
    for key in keys:
        tp = _without_none(tp)
        if isinstance(tp, mi.StructType):
            key = key.lower()
            tp = next((f.type for f in tp.fields if f.encode_name == key), None)
        elif isinstance(tp, mi.DictType):
            tp = tp.value_type
        else:
            tp = None
        out.append(key)
    return out, tp


def _without_none(tp: mi.Type | None) -> mi.Type | None:
    if isinstance(tp, mi.UnionType):
        rest = [t for t in tp.types if not isinstance(t, mi.NoneType)]
        return rest[0] if len(rest) == 1 else tp
    return tp


def _wants_text(tp: mi.Type | None) -> bool:
    if isinstance(tp, mi.UnionType):
        return any(_wants_text(t) for t in tp.types)
    if isinstance(tp, mi.LiteralType):
        return all(isinstance(v, str) for v in tp.values)
    return isinstance(tp, mi.StrType)


def _toml_value(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _refuse_control_characters(node: Any, where: _Where, path: str = "") -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            if _CONTROL.search(str(key)):
                raise ConfigError(where.of(path, f"a control character in the key {key!r}"))
            _refuse_control_characters(value, where, child)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _refuse_control_characters(value, where, f"{path}[{index}]")
    elif isinstance(node, str) and (bad := _CONTROL.search(node)):
        raise ConfigError(where.of(path, f"control character U+{ord(bad[0]):04X} in the value"))


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$")
_UNKNOWN = re.compile(r"Object contains unknown field `(?P<field>[^`]+)`")


def _describe(message: str) -> tuple[str, str]:
    """msgspec's 'Expected `int`, got `str` - at `$.mqtt.keepalive_s`' as the key
    ('mqtt.keepalive_s') and the problem ('expected `int`, got `str`')."""
    match = _AT.match(message)
    msg, path = (match["msg"], match["path"] or "") if match else (message, "")
    dotted = path.lstrip(".")
    unknown = _UNKNOWN.search(msg)
    if unknown:
        key = f"{dotted}.{unknown['field']}" if dotted else unknown["field"]
        return key, "unknown key"
    return dotted, f"{msg[0].lower()}{msg[1:]}" if msg else "invalid"
