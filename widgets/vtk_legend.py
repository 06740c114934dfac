"""The 3D view's legend drawn by VTK itself (2D actors), so it is in every captured image:
a status-colour panel (coloured dots) and, beside it, a symbol panel (the shape of each
device family, in a neutral grey: the shape says what a device is, never how it is doing).

Labels come from the caller (already translated); VTK's built-in fonts have no CJK glyphs,
so the text uses a CJK-capable font file found on the system (Noto Sans CJK when present).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import vtkmodules.vtkRenderingFreeType  # noqa: F401  (registers the text renderer)
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import VTK_FONT_FILE, vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkPolyData
from vtkmodules.vtkRenderingCore import (
    vtkActor2D,
    vtkPolyDataMapper2D,
    vtkRenderer,
    vtkTextActor,
    vtkTextProperty,
    vtkTextRenderer,
)

from widgets.scene_symbols import outline

_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


@cache
def cjk_font_file() -> str | None:
    """Path of a font that renders Chinese, or None (then VTK's default font is used)."""
    for path in _CANDIDATES:
        if Path(path).is_file():
            return path
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", "sans:lang=zh-cn"],
                                 capture_output=True, text=True, timeout=5).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return None
        if out and Path(out).is_file():
            return out
    return None


def style_text(prop: vtkTextProperty, size: int, rgb: Sequence[float]) -> None:
    font = cjk_font_file()
    if font:
        prop.SetFontFamily(VTK_FONT_FILE)
        prop.SetFontFile(font)
    prop.SetFontSize(size)
    prop.SetColor(*rgb)


def _text_width(text: str, font_px: int) -> int:
    prop = vtkTextProperty()
    style_text(prop, font_px, (1, 1, 1))
    bbox = [0, 0, 0, 0]
    # 72 dpi is what vtkRenderWindow reports by default, so sizes match on screen
    if vtkTextRenderer.GetInstance().GetBoundingBox(prop, text, bbox, 72):
        return bbox[1] - bbox[0]
    return int(len(text) * font_px * 0.9)


_TEXT_RGB = (0.85, 0.88, 0.92)
_PANEL_RGB = (0.04, 0.06, 0.10)
#: the symbols' fill in the legend: light neutral grey, no status hue
SYMBOL_RGB = (200, 206, 214)
_LENS_RGB = (26, 30, 36)


def _polygons_2d(polygons: Sequence[np.ndarray], rgb: Sequence[Sequence[int]]) -> vtkActor2D:
    """Filled convex polygons in display pixels, drawn in order, one RGB per polygon."""
    pts = np.concatenate([np.column_stack([p, np.zeros(len(p))]) for p in polygons])
    points = vtkPoints()
    points.SetData(numpy_support.numpy_to_vtk(pts.astype(np.float32), deep=True))
    cells = vtkCellArray()
    start = 0
    for p in polygons:
        cells.InsertNextCell(len(p), list(range(start, start + len(p))))
        start += len(p)
    data = vtkPolyData()
    data.SetPoints(points)
    data.SetPolys(cells)
    colors = numpy_support.numpy_to_vtk(np.asarray(rgb, dtype=np.uint8).reshape(-1, 3),
                                        deep=True)
    colors.SetName("rgb")
    data.GetCellData().SetScalars(colors)
    mapper = vtkPolyDataMapper2D()
    mapper.SetInputData(data)
    mapper.SetColorModeToDirectScalars()
    mapper.SetScalarModeToUseCellData()
    actor = vtkActor2D()
    actor.SetMapper(mapper)
    actor.SetPickable(False)
    return actor


class Legend:
    """Two panels in the lower-left corner: status colours, then device symbols."""

    def __init__(self, renderer: vtkRenderer, font_px: int = 15) -> None:
        self._renderer = renderer
        self._font_px = font_px
        self._actors: list[vtkActor2D] = []
        self._status: tuple[list[tuple[str, Sequence[int]]], str | None] = ([], None)
        self._symbols: tuple[list[tuple[str, str]], str | None] = ([], None)
        #: display-pixel centre of each symbol swatch, by family (for tests)
        self.symbol_xy: dict[str, tuple[float, float]] = {}

    def set_entries(self, entries: Sequence[tuple[str, Sequence[int]]],
                    title: str | None = None) -> None:
        """Status rows: ``entries`` (label, (r, g, b) 0–255), top to bottom."""
        self._status = (list(entries), title)
        self._rebuild()

    def set_symbols(self, rows: Sequence[tuple[str, str]], title: str | None = None) -> None:
        """Symbol rows: (label, family name of ``scene_symbols``), top to bottom."""
        self._symbols = (list(rows), title)
        self._rebuild()

    def set_visible(self, visible: bool) -> None:
        for actor in self._actors:
            actor.SetVisibility(visible)

    # ---- layout ------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        for actor in self._actors:
            self._renderer.RemoveViewProp(actor)
        self._actors = []
        self.symbol_xy = {}
        margin, gap = 14, 12
        right = self._panel(margin, *self._status, self._dot)
        if self._symbols[0]:
            self._panel(right + gap if right else margin, *self._symbols, self._symbol)

    def _panel(self, left: int, rows: list, title: str | None, swatch) -> int:
        """Draw one panel whose content starts at x = ``left``; returns its right edge
        (0 when there are no rows)."""
        if not rows:
            return 0
        line = int(self._font_px * 1.6)
        bottom = 14
        n = len(rows) + (1 if title else 0)
        texts = [label for label, _ in rows] + ([title] if title else [])
        widest = max(_text_width(t, self._font_px) for t in texts)
        indent = int(self._font_px * 1.5)
        pad = 8
        top = bottom + line * (n - 1) + int(self._font_px * 1.4) + pad
        right = left + indent + widest + pad
        quad = np.array([(left - pad, bottom - pad), (right, bottom - pad), (right, top),
                         (left - pad, top)], dtype=float)
        panel = _polygons_2d([quad], [[int(c * 255) for c in _PANEL_RGB]])
        panel.GetProperty().SetOpacity(0.78)
        self._add(panel)
        y = bottom + line * (n - 1)
        if title:
            self._add_text(title, left, y, _TEXT_RGB, bold=True)
            y -= line
        for label, key in rows:
            swatch(key, left, y)
            self._add_text(label, left + indent, y, _TEXT_RGB)
            y -= line
        return right

    def _dot(self, rgb: Sequence[int], x: int, y: int) -> None:
        self._add_text("\u25cf", x, y, [c / 255.0 for c in rgb], scale=1.25)

    def _symbol(self, family: str, x: int, y: int) -> None:
        # centred where the status dots' glyph sits: half a font size right, ~0.45 up
        r = self._font_px * 0.55
        cx, cy = x + self._font_px * 0.55, y + self._font_px * 0.45
        polygons = outline(family)
        rgb = [SYMBOL_RGB] + [_LENS_RGB] * (len(polygons) - 1)
        if family == "plant":  # the bow tie as its two (convex) halves
            rgb = [SYMBOL_RGB] * len(polygons)
        self._add(_polygons_2d([p * r + (cx, cy) for p in polygons], rgb))
        self.symbol_xy[family] = (cx, cy)

    def _add(self, actor: vtkActor2D) -> None:
        self._renderer.AddViewProp(actor)
        self._actors.append(actor)

    def _add_text(self, text: str, x: int, y: int, rgb: Sequence[float], *,
                  bold: bool = False, scale: float = 1.0) -> None:
        actor = vtkTextActor()
        actor.SetInput(text)
        style_text(actor.GetTextProperty(), int(self._font_px * scale), rgb)
        actor.GetTextProperty().SetBold(bold)
        actor.SetDisplayPosition(x, y)
        actor.SetPickable(False)
        self._add(actor)
