"""North arrow (upper right) and scale bar (lower right), drawn by VTK as 2D actors so they
are in every captured image; both follow the camera at each frame start (a few points
rewritten, nothing rebuilt).

The scale bar measures at the focal point, the place the operator is looking at; it picks
a round length (5, 10, 20, 50 … m) that draws between about 60 and 150 pixels.
"""

from __future__ import annotations

import numpy as np
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkPolyData
from vtkmodules.vtkRenderingCore import (
    vtkActor2D,
    vtkPolyDataMapper2D,
    vtkRenderer,
    vtkTextActor,
)

from widgets.vtk_legend import style_text

_NICE_M = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
_TEXT_RGB = (0.85, 0.88, 0.92)
# a compass needle around its centre, pointing +y: tip, right, tail, left
_NEEDLE = np.array([(0.0, 24.0), (7.0, 0.0), (0.0, -24.0), (-7.0, 0.0)])
_RING = np.array([(30 * np.cos(a), 30 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 41)])


def _actor2d(points: vtkPoints, cells: vtkCellArray, *, polys: bool, rgb,
             width: float = 2.0) -> vtkActor2D:
    data = vtkPolyData()
    data.SetPoints(points)
    if polys:
        data.SetPolys(cells)
    else:
        data.SetLines(cells)
    mapper = vtkPolyDataMapper2D()
    mapper.SetInputData(data)
    actor = vtkActor2D()
    actor.SetMapper(mapper)
    actor.GetProperty().SetColor(*rgb)
    actor.GetProperty().SetLineWidth(width)
    actor.SetPickable(False)
    return actor


def nice_length(px_per_m: float, lo_px: float = 60.0) -> int:
    """The shortest round length drawn at least ``lo_px`` long (the steps are at most
    2.5x apart, so it stays under ~150 px)."""
    for length in _NICE_M:
        if length * px_per_m >= lo_px:
            return length
    return _NICE_M[-1]


class Compass:
    def __init__(self, renderer: vtkRenderer, font_px: int = 14) -> None:
        self._renderer = renderer
        # the north half white, the south half slate, inside a faint ring: reads as a
        # compass, not as a mouse pointer
        self._dart = vtkPoints()
        self._dart.SetNumberOfPoints(4)
        north, south = vtkCellArray(), vtkCellArray()
        north.InsertNextCell(3, [0, 1, 3])
        south.InsertNextCell(3, [2, 3, 1])
        self.arrow = _actor2d(self._dart, north, polys=True, rgb=(0.95, 0.96, 0.98))
        self.tail = _actor2d(self._dart, south, polys=True, rgb=(0.36, 0.42, 0.50))
        self._ring = vtkPoints()
        self._ring.SetNumberOfPoints(len(_RING))
        ring = vtkCellArray()
        ring.InsertNextCell(len(_RING), list(range(len(_RING))))
        self.ring = _actor2d(self._ring, ring, polys=False, rgb=(0.45, 0.52, 0.62), width=1.5)
        self.north = vtkTextActor()
        self.north.SetInput("N")
        style_text(self.north.GetTextProperty(), font_px + 2, _TEXT_RGB)
        self.north.GetTextProperty().SetBold(True)
        self.north.GetTextProperty().SetJustificationToCentered()
        self.north.GetTextProperty().SetVerticalJustificationToCentered()
        self._bar = vtkPoints()
        self._bar.SetNumberOfPoints(6)
        bar_cells = vtkCellArray()
        for a, b in ((0, 1), (2, 3), (4, 5)):
            bar_cells.InsertNextCell(2, [a, b])
        self.bar = _actor2d(self._bar, bar_cells, polys=False, rgb=_TEXT_RGB, width=2.5)
        self.bar_text = vtkTextActor()
        style_text(self.bar_text.GetTextProperty(), font_px, _TEXT_RGB)
        self.bar_text.GetTextProperty().SetJustificationToCentered()
        self.angle_deg = 0.0
        self.length_m = 0
        self._all = (self.ring, self.arrow, self.tail, self.north, self.bar, self.bar_text)
        for actor in self._all:
            actor.SetPickable(False)
            renderer.AddViewProp(actor)

    def update(self, project, focal: np.ndarray, px_per_m: float) -> None:
        """Re-aim and re-measure: ``project`` maps (n, 3) world points to display (n, 2)."""
        w, h = self._renderer.GetSize()
        # north: the screen direction of a step due north from the focal point
        p = project(np.array([focal, focal + (0.0, 10.0, 0.0)]))
        d = p[1] - p[0]
        angle = float(np.degrees(np.arctan2(d[0], d[1]))) if np.hypot(*d) > 1e-6 else 0.0
        self.angle_deg = angle
        cx, cy = w - 50.0, h - 56.0
        a = np.radians(-angle)
        rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        for i, (x, y) in enumerate(_NEEDLE @ rot.T):
            self._dart.SetPoint(i, cx + x, cy + y, 0.0)
        self._dart.Modified()
        for i, (x, y) in enumerate(_RING):
            self._ring.SetPoint(i, cx + x, cy + y, 0.0)
        self._ring.Modified()
        tip = rot @ np.array([0.0, 40.0])
        self.north.SetDisplayPosition(int(cx + tip[0]), int(cy + tip[1]))
        # scale bar, right-aligned above the bottom edge
        length = nice_length(px_per_m)
        self.length_m = length
        px = length * px_per_m
        x1, y = w - 24.0, 26.0
        x0 = x1 - px
        for i, (x, yy) in enumerate(((x0, y), (x1, y), (x0, y - 5), (x0, y + 6),
                                     (x1, y - 5), (x1, y + 6))):
            self._bar.SetPoint(i, x, yy, 0.0)
        self._bar.Modified()
        self.bar_text.SetInput(f"{length} m")
        self.bar_text.SetDisplayPosition(int((x0 + x1) / 2), int(y + 8))

    def set_visible(self, visible: bool) -> None:
        for actor in self._all:
            actor.SetVisibility(visible)
