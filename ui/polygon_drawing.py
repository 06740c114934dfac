"""PolygonDrawing: drawing polygons of several kinds on a FrameCanvas — the mask editor's
and the zone editor's shared hand.

Click adds a vertex, double-click or Enter closes the polygon (as the kind ``mode()`` names),
Escape drops the one being drawn; a click inside a finished polygon selects it and Delete
removes it. The owner styles and labels what is drawn (``style``) and hears about closing
and deleting through signals, so it can keep its own data beside each polygon.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QPolygonF

from ui.camera_canvas import FrameCanvas

Polygon = list[tuple[float, float]]


def inside(polygon: Polygon, x: float, y: float) -> bool:
    return QPolygonF([QPointF(px, py) for px, py in polygon]).containsPoint(
        QPointF(x, y), Qt.FillRule.OddEvenFill)


class PolygonDrawing(QObject):
    sig_changed = Signal()  # polygons, the draft or the selection changed
    sig_closed = Signal(str, int)  # kind, index of the polygon just closed
    sig_deleted = Signal(str, int)  # kind, index it had
    sig_selected = Signal(object)  # (kind, index) or None

    def __init__(self, canvas: FrameCanvas, kinds: Sequence[str], mode: Callable[[], str],
                 style: Callable[[str, int], tuple[str, str]] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.kinds = tuple(kinds)
        self.mode = mode
        self.style = style or (lambda kind, _i: (kind, ""))
        self.polygons: dict[str, list[Polygon]] = {k: [] for k in self.kinds}
        self.draft: Polygon = []
        self.selected: tuple[str, int] | None = None
        canvas.sig_pressed.connect(self._on_pressed)
        canvas.sig_double_clicked.connect(self._on_double_clicked)
        canvas.sig_key.connect(self._on_key)

    def _on_pressed(self, x: float, y: float) -> None:
        if not self.draft:
            hit = self.hit(x, y)
            if hit is not None:
                self.select(hit)
                return
        self.select(None)
        self.draft.append((round(x, 1), round(y, 1)))
        self.redraw()

    def _on_double_clicked(self, _x: float, _y: float) -> None:
        self.close_polygon()  # the double-click's first press already added its vertex

    def _on_key(self, key: int) -> None:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_polygon()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key == Qt.Key.Key_Escape:
            self.draft = []
            self.redraw()

    def select(self, which: tuple[str, int] | None) -> None:
        self.selected = which
        self.sig_selected.emit(which)
        self.redraw()

    def close_polygon(self) -> bool:
        # a double-click leaves its vertex twice when the press landed on the same spot
        points = [p for i, p in enumerate(self.draft) if i == 0 or p != self.draft[i - 1]]
        if len(points) < 3:
            return False
        kind = self.mode()
        self.polygons[kind].append(points)
        self.draft = []
        index = len(self.polygons[kind]) - 1
        self.sig_closed.emit(kind, index)
        self.select((kind, index))
        return True

    def delete_selected(self) -> None:
        if self.selected is None:
            return
        kind, index = self.selected
        del self.polygons[kind][index]
        self.sig_deleted.emit(kind, index)
        self.select(None)

    def hit(self, x: float, y: float) -> tuple[str, int] | None:
        for kind in self.kinds:
            for index in reversed(range(len(self.polygons[kind]))):
                if inside(self.polygons[kind][index], x, y):
                    return kind, index
        return None

    def redraw(self) -> None:
        overlays = []
        for kind in self.kinds:
            for index, polygon in enumerate(self.polygons[kind]):
                look, label = self.style(kind, index)
                chosen = self.selected == (kind, index)
                overlays.append(("selected" if chosen else look, polygon, label))
        if self.draft:
            overlays.append(("draft", self.draft, ""))
        self.canvas.set_overlays(overlays)
        self.sig_changed.emit()
