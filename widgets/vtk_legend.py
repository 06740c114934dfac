"""A status-colour legend drawn by VTK itself (2D actors), so it is in every captured image.

Labels come from the caller (already translated); VTK's built-in fonts have no CJK glyphs,
so the text uses a CJK-capable font file found on the system (Noto Sans CJK when present).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import vtkmodules.vtkRenderingFreeType  # noqa: F401  (registers the text renderer)
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


class Legend:
    """Coloured dots with labels, stacked in the lower-left corner of the renderer."""

    def __init__(self, renderer: vtkRenderer, font_px: int = 15) -> None:
        self._renderer = renderer
        self._font_px = font_px
        self._actors: list[vtkTextActor] = []
        self._panel_points = vtkPoints()
        self._panel_points.SetNumberOfPoints(4)
        panel = vtkPolyData()
        panel.SetPoints(self._panel_points)
        quad = vtkCellArray()
        quad.InsertNextCell(4, [0, 1, 2, 3])
        panel.SetPolys(quad)
        mapper = vtkPolyDataMapper2D()
        mapper.SetInputData(panel)
        self._panel = vtkActor2D()
        self._panel.SetMapper(mapper)
        self._panel.GetProperty().SetColor(0.04, 0.06, 0.10)
        self._panel.GetProperty().SetOpacity(0.78)
        self._panel.SetPickable(False)

    def set_entries(self, entries: Sequence[tuple[str, Sequence[int]]],
                    title: str | None = None) -> None:
        """``entries``: (label, (r, g, b) 0–255), top to bottom."""
        for actor in self._actors:
            self._renderer.RemoveViewProp(actor)
        self._renderer.RemoveViewProp(self._panel)
        self._actors = []
        if not entries:
            return
        line = int(self._font_px * 1.6)
        margin = 14
        rows = list(entries)
        n = len(rows) + (1 if title else 0)
        # a dark panel behind the rows, sized from the measured label widths
        texts = [label for label, _ in rows] + ([title] if title else [])
        widest = max(_text_width(t, self._font_px) for t in texts)
        indent = int(self._font_px * 1.5)
        pad = 8
        top = margin + line * (n - 1) + int(self._font_px * 1.4) + pad
        corners = [(margin - pad, margin - pad),
                   (margin + indent + widest + pad, margin - pad),
                   (margin + indent + widest + pad, top),
                   (margin - pad, top)]
        for i, (cx, cy) in enumerate(corners):
            self._panel_points.SetPoint(i, cx, cy, 0.0)
        self._panel_points.Modified()
        self._renderer.AddViewProp(self._panel)
        self._actors.append(self._panel)
        y = margin + line * (n - 1)
        if title:
            self._add_text(title, margin, y, (0.85, 0.88, 0.92), bold=True)
            y -= line
        for label, rgb in rows:
            self._add_text("\u25cf", margin, y, [c / 255.0 for c in rgb], scale=1.25)
            self._add_text(label, margin + indent, y, (0.85, 0.88, 0.92))
            y -= line

    def _add_text(self, text: str, x: int, y: int, rgb: Sequence[float], *,
                  bold: bool = False, scale: float = 1.0) -> None:
        actor = vtkTextActor()
        actor.SetInput(text)
        style_text(actor.GetTextProperty(), int(self._font_px * scale), rgb)
        actor.GetTextProperty().SetBold(bold)
        actor.SetDisplayPosition(x, y)
        actor.SetPickable(False)
        self._renderer.AddViewProp(actor)
        self._actors.append(actor)

    def set_visible(self, visible: bool) -> None:
        for actor in self._actors:
            actor.SetVisibility(visible)
