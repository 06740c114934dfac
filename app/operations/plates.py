"""Chinese licence plates: normalise what a gate camera read, say whether it is a plate at
all, and what kind (GA 36-2018 and its 2022 amendment for new-energy serials).

A plate that does not parse is *flagged*, never dropped: ``classify`` always returns a
``PlateInfo``; ``valid`` is False and ``problem`` names why (a code the UI translates).

- ordinary (7 characters): province + issuing letter + 5 of [A-HJ-NP-Z0-9], e.g. 粤B12345;
  special suffixes 警 (police, white), 学 (driving school), 挂 (trailer), 港/澳 (cross-border,
  black), 领 (consulate, black) replace the last serial character; 使 plates start with 使.
- new energy (8 characters): small cars put D/A/B/C/E (pure electric) or F/G/H/J/K (other)
  first in the 6-character serial, then a letter or digit, then 4 digits (粤BD12345);
  large vehicles have 5 digits and D or F last (粤B12345D).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import msgspec

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Z"  # I and O are never issued (they read as 1 and 0)
_SERIAL = f"[{_LETTER}0-9]"
_P = f"[{PROVINCES}]"

PlateKind = Literal["ordinary", "new_energy", "special", "unknown"]
Colour = Literal["blue", "yellow", "green", "yellow_green", "white", "black"]
COLOURS: tuple[str, ...] = ("blue", "yellow", "green", "yellow_green", "white", "black")

#: (pattern, kind, energy, colours the plate may carry, special use)
_FORMS: tuple[tuple[re.Pattern[str], PlateKind, str | None, frozenset[str], str | None], ...] = (
    (re.compile(f"^{_P}[{_LETTER}]{_SERIAL}{{5}}$"), "ordinary", None,
     frozenset({"blue", "yellow"}), None),
    (re.compile(f"^{_P}[{_LETTER}][DABCE]{_SERIAL}[0-9]{{4}}$"), "new_energy", "electric",
     frozenset({"green"}), None),
    (re.compile(f"^{_P}[{_LETTER}][FGHJK]{_SERIAL}[0-9]{{4}}$"), "new_energy", "hybrid",
     frozenset({"green"}), None),
    (re.compile(f"^{_P}[{_LETTER}][0-9]{{5}}D$"), "new_energy", "electric",
     frozenset({"yellow_green"}), None),
    (re.compile(f"^{_P}[{_LETTER}][0-9]{{5}}F$"), "new_energy", "hybrid",
     frozenset({"yellow_green"}), None),
    (re.compile(f"^{_P}[{_LETTER}]{_SERIAL}{{4}}警$"), "special", None, frozenset({"white"}),
     "police"),
    (re.compile(f"^{_P}[{_LETTER}]{_SERIAL}{{4}}学$"), "special", None, frozenset({"yellow"}),
     "driving_school"),
    (re.compile(f"^{_P}[{_LETTER}]{_SERIAL}{{4}}挂$"), "special", None, frozenset({"yellow"}),
     "trailer"),
    (re.compile(f"^{_P}[{_LETTER}]{_SERIAL}{{4}}[港澳]$"), "special", None,
     frozenset({"black"}), "cross_border"),
    (re.compile(f"^{_P}[{_LETTER}]{_SERIAL}{{4}}领$"), "special", None, frozenset({"black"}),
     "consulate"),
    (re.compile("^使[0-9]{6}$"), "special", None, frozenset({"black"}), "embassy"),
)

#: what gate cameras send when they saw a vehicle but read no plate
NO_PLATE_WORDS = frozenset({"", "无牌", "无牌车", "未识别", "无车牌", "NONE", "UNKNOWN", "-"})
_SEPARATORS = re.compile(r"[\s·•.\-_]")

Problem = Literal["no_plate", "too_short", "too_long", "bad_province", "bad_character",
                  "bad_pattern", "colour_mismatch"]


class PlateInfo(msgspec.Struct, frozen=True):
    raw: str  # as the gate sent it
    text: str  # normalised: half-width, upper case, no separators
    valid: bool
    kind: PlateKind
    energy: str | None = None  # "electric" | "hybrid" for new-energy plates
    special: str | None = None  # police, driving_school, trailer, cross_border, ...
    province: str | None = None
    colours: tuple[str, ...] = ()  # the plate colours this format is issued in
    problem: Problem | None = None  # why it is flagged (None for a clean read)


def normalise(raw: str) -> str:
    """Half-width, upper case, separators removed: '粤Ｂ·１２３４５ ' → '粤B12345'."""
    text = unicodedata.normalize("NFKC", raw)
    return _SEPARATORS.sub("", text).upper()


def classify(raw: str, colour: str | None = None) -> PlateInfo:
    """What a gate read means. ``colour`` is the plate colour the camera reported, if any:
    a colour the format is never issued in (a green 7-character plate) is flagged too."""
    text = normalise(raw)
    if text in NO_PLATE_WORDS:
        return PlateInfo(raw, text, False, "unknown", problem="no_plate")
    for pattern, kind, energy, colours, special in _FORMS:
        if pattern.match(text):
            ordered = tuple(c for c in COLOURS if c in colours)
            problem: Problem | None = None
            if colour is not None and colour in COLOURS and colour not in colours:
                problem = "colour_mismatch"
            return PlateInfo(raw, text, problem is None, kind, energy, special,
                             text[0] if text[0] in PROVINCES else None, ordered, problem)
    return PlateInfo(raw, text, False, "unknown", province=text[0] if text and
                     text[0] in PROVINCES else None, problem=_why(text))


def _why(text: str) -> Problem:
    if len(text) < 7:
        return "too_short"
    if len(text) > 8:
        return "too_long"
    if text[0] not in PROVINCES and not text.startswith("使"):
        return "bad_province"
    if any(not (c.isascii() and c.isalnum()) for c in text[1:-1]) or "I" in text or \
            "O" in text[1:]:
        return "bad_character"
    return "bad_pattern"


def expected_colour(info: PlateInfo) -> str | None:
    """The usual colour of a plate of this format (the first one it is issued in)."""
    return info.colours[0] if info.colours else None
