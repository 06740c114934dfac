"""A timeline: what happened to one thing (a work order, an alarm), oldest first, one row
per step: time, who, step, note. Every cell is plain text (tree items never read markup);
a note too long for its column is read whole in its tooltip; the newest step stays in view
as steps are added, unless the reader scrolled back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from widgets.plain_text import tooltip


class Timeline(QTreeWidget):
    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMinimumHeight(50)  # scrolls in a short dock rather than squeezing the rest
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        rows = [tuple(str(c) for c in r) for r in rows]
        if rows == self._rows:
            return
        bar = self.verticalScrollBar()
        at_end = bar.value() >= bar.maximum()
        self._rows = rows
        self.clear()
        items = []
        for row in rows:
            item = QTreeWidgetItem(list(row))
            if row and row[-1]:
                item.setToolTip(len(row) - 1, tooltip(row[-1]))  # words, never markup
            items.append(item)
        self.addTopLevelItems(items)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)
        if at_end:
            self.scrollToBottom()

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)
