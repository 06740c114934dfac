"""A watermark drawn by VTK itself over the 3D view (2D text actors, translucent): the
OpenGL view is a native window that Qt's overlays cannot paint over, and a captured 3D
frame must carry the mark too. Used for training sessions ("培训 TRAINING"): a large
diagonal word in the middle and a band along the top, neither pickable.
"""

from __future__ import annotations

from vtkmodules.vtkRenderingCore import vtkRenderer, vtkTextActor

from widgets.vtk_legend import style_text

MARK_RGB = (0.95, 0.25, 0.22)


class Watermark:
    def __init__(self, renderer: vtkRenderer) -> None:
        self._renderer = renderer
        self._actors: list[vtkTextActor] = []

    @property
    def text(self) -> str | None:
        return self._actors[0].GetInput() if self._actors else None

    def set_text(self, text: str | None) -> None:
        """Show ``text`` (None: remove the watermark)."""
        for actor in self._actors:
            self._renderer.RemoveViewProp(actor)
        self._actors = []
        if not text:
            return
        middle = vtkTextActor()
        middle.SetInput(text)
        style_text(middle.GetTextProperty(), 96, MARK_RGB)
        prop = middle.GetTextProperty()
        prop.SetOpacity(0.28)
        prop.SetBold(True)
        prop.SetJustificationToCentered()
        prop.SetVerticalJustificationToCentered()
        prop.SetOrientation(22.0)
        middle.GetPositionCoordinate().SetCoordinateSystemToNormalizedViewport()
        middle.SetPosition(0.5, 0.5)
        band = vtkTextActor()
        band.SetInput(f"{text}   ·   {text}   ·   {text}")
        style_text(band.GetTextProperty(), 28, MARK_RGB)
        band_prop = band.GetTextProperty()
        band_prop.SetOpacity(0.85)
        band_prop.SetBold(True)
        band_prop.SetJustificationToCentered()
        band_prop.SetVerticalJustificationToTop()
        band_prop.SetBackgroundColor(0.0, 0.0, 0.0)
        band_prop.SetBackgroundOpacity(0.45)
        band.GetPositionCoordinate().SetCoordinateSystemToNormalizedViewport()
        band.SetPosition(0.5, 0.985)
        for actor in (middle, band):
            actor.SetPickable(False)
            self._renderer.AddViewProp(actor)
        self._actors = [middle, band]
