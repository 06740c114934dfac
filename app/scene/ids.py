"""The one pattern every id in a scene must match (devices, cameras, buildings, technicians,
walk nodes ... and the site id).

Ids travel into file paths (a camera's evidence folder), MQTT topics (the site and device
ids) and CityJSON object ids, so they are restricted to characters that are harmless in all
three: ASCII letters and digits, ``_ - . { }``, not starting with ``.`` or ``-`` (so never
``.``, ``..`` or an option), at most 128 characters. No ``/ \\`` (paths), no ``+ # $`` (MQTT
wildcards and system topics), no spaces or control characters. Braces and dots are allowed
because real city models use them (``{C9D4A5CF-...}``, ``NL.IMBAG.Pand.0796...``).
"""

from __future__ import annotations

import re

MAX_ID_LENGTH = 128
SAFE_ID = re.compile(r"[A-Za-z0-9_{][A-Za-z0-9_.{}-]{0,127}")
# walk-graph nodes never reach a path or a topic; the demo names crossings "W+45--103"
GRAPH_ID = re.compile(r"[A-Za-z0-9_{][A-Za-z0-9_.{}+-]{0,127}")
_UNSAFE_CHAR = re.compile(r"[^A-Za-z0-9_.{}-]")
RULE = "letters, digits and _ - . { } only, not starting with . or -, at most 128"


def is_safe_id(text: object) -> bool:
    return isinstance(text, str) and SAFE_ID.fullmatch(text) is not None


def id_problem(text: str, graph_node: bool = False) -> str | None:
    """Why ``text`` is not a safe id (one phrase), or None when it is. Walk-graph nodes
    (``graph_node``) may also use ``+``."""
    if (GRAPH_ID if graph_node else SAFE_ID).fullmatch(text):
        return None
    return f"{text!r} is not a safe id ({RULE}{'; + too' if graph_node else ''})"


def safe_id(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A safe id made from an outside one (a city model's object id): unsafe characters
    become ``_``, and a suffix keeps it apart from the ids already ``taken``."""
    base = _UNSAFE_CHAR.sub("_", text)[:MAX_ID_LENGTH - 8] or "_"
    if not re.match(r"[A-Za-z0-9_{]", base):
        base = "_" + base
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate
