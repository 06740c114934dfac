"""Config values that become MQTT topic levels: ``{prefix}/{site}/…`` and
``…/control-room/{instance}/status``; ``instance`` also names files in the data folder.

A ``site = "#"`` subscribed to every topic on the broker and published to a wildcard topic,
which the broker answers by disconnecting: serve reconnected forever. A level is refused
when MQTT gives it a meaning (``/`` separates levels, ``+`` and ``#`` are wildcards, a leading
``$`` marks the broker's own topics) or a reader would not see it (spaces, control
characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.config.model import AppConfig

MAX_LEVEL_CHARS = 64
_NOT_IN_A_LEVEL = re.compile(r"[/+#\s\x00-\x1f\x7f]")


def topic_level_problem(value: str) -> str | None:
    """Why ``value`` cannot be one level of an MQTT topic, or None when it can."""
    if not value:
        return "must not be empty"
    if len(value) > MAX_LEVEL_CHARS:
        return f"at most {MAX_LEVEL_CHARS} characters, not {len(value)}"
    bad = _NOT_IN_A_LEVEL.search(value)
    if bad:
        return (f"{value!r} cannot be part of an MQTT topic: {bad[0]!r} is not allowed "
                "(no /, +, #, spaces or control characters)")
    if value.startswith("$"):
        return f"{value!r} cannot start with $ (the broker's own topics)"
    return None


def check_topic_ids(config: AppConfig) -> Iterator[tuple[str, str]]:
    """(key, problem) for every topic id of ``config`` that cannot be used."""
    for level in config.mqtt.prefix.split("/"):
        problem = topic_level_problem(level)
        if problem:
            yield "mqtt.prefix", problem if level else "no empty level (a/b, not a//b or /a)"
            break
    if config.mqtt.site:  # empty: the scene's site id
        problem = topic_level_problem(config.mqtt.site)
        if problem:
            yield "mqtt.site", problem
    problem = topic_level_problem(config.instance)
    if problem:
        yield "instance", problem
