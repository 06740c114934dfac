"""Argument types every command shares: a number on the command line is parsed and checked
once, here, so each option states what it accepts and a bad value is argparse's one line
and exit 2 ("argument --stats-every: expected seconds > 0, not 'nan'").

``float("nan")`` and ``float("inf")`` parse, and every comparison with nan is False: a
``--stats-every nan`` passed ``<= 0`` and logged in a tight loop (47 MB in 15 s), a
``--duration nan`` never ended. Each type here refuses what is not finite.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

#: the longest wait an option may ask for: a Qt timer holds at most 2^31 - 1 ms (24.8
#: days); longer runs simply leave --duration out
MAX_SECONDS = 2_000_000.0


def _finite(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}")
    return value


def seconds(text: str) -> float:
    """A duration or interval: finite, > 0, at most MAX_SECONDS."""
    what = f"seconds > 0 (at most {MAX_SECONDS:.0f})"
    value = _finite(text, what)
    if not 0 < value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}")
    return value


def positive(text: str) -> float:
    """A rate or size: finite and > 0."""
    value = _finite(text, "a number > 0")
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, not {text!r}")
    return value


def non_negative(text: str) -> float:
    """A finite number >= 0 (e.g. a speed where 0 means 'as fast as possible')."""
    value = _finite(text, "a number >= 0")
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, not {text!r}")
    return value


def fraction(text: str) -> float:
    """A share, 0..1."""
    value = _finite(text, "a number within 0..1")
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a number within 0..1, not {text!r}")
    return value


def integer(low: int, high: int) -> Callable[[str], int]:
    """A whole number within low..high."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a whole number within {low}..{high}, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"expected a whole number within {low}..{high}, not {text!r}")
        return value

    parse.__name__ = f"integer {low}..{high}"
    return parse
