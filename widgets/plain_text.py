"""Outside text is data, never markup.

Qt guesses: a QLabel in its default AutoText mode, a tooltip, a QMessageBox, a table item's
tooltip all render a string as HTML when it *looks* like HTML (``Qt.mightBeRichText``). A
device name ``<h1>FIRE OUT</h1><img src="/tmp/x.png">`` from a birth message would then show
as a heading and load a local file. Every string that came from outside (names, ids,
topics, payload samples, plates, notes, user names) goes through these helpers:

- ``plain_label(text)`` / ``make_plain(label)``: a QLabel that never interprets markup;
- ``tooltip(text)``: a tooltip string that shows ``text`` literally (escaped, and marked as
  rich text so Qt does not guess);
- ``escape(text)``: for the few places that compose HTML on purpose.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def tooltip(text: object) -> str:
    """A tooltip that shows ``text`` exactly, newlines kept."""
    body = escape(text).replace("\n", "<br>")
    return f"<qt>{body}</qt>" if body else ""


def make_plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return make_plain(QLabel(text, parent))
