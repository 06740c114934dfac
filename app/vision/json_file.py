"""load_checked: a camera's JSON settings file read and validated, with one error type that
names the file and what was wrong (missing, unreadable, not JSON, or a bad field)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def load_checked(path: str | Path, what: str, error: type[ValueError],
                 parse: Callable[[object], T]) -> T:
    """``parse(data)`` of the JSON in ``path``; every failure is ``error`` naming the file
    (``what`` says which kind of file, e.g. "facade file")."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: no such {what}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read {what} ({exc})") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        return parse(data)
    except error as exc:
        raise error(f"{path}: {exc}") from None
