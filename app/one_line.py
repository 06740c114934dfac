"""Outside text (an object id from a file, a name from the broker) inside a one-line
message: control characters — a newline in an id would split the line a user or a log
reads — are shown escaped (``\\n``); everything printable, Chinese included, as it is."""

from __future__ import annotations


def one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in str(text))
