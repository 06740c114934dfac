"""A small, capped pool of world-anchored text labels: alarmed and selected devices only.

A label per device would be unreadable soup at compound scale, so the pool holds at most
``cap`` labels (the caller orders them most important first) and, each frame, hides any
label whose box would overlap a more important one. The labels are vtkTextActors whose
position is a display-pixel offset from a world-coordinate reference, so they stay a fixed
distance above their device at any zoom; the font is the CJK one the legend uses.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.vtkRenderingCore import vtkCoordinate, vtkRenderer, vtkTextActor

from widgets.vtk_legend import style_text

#: labels shown at most, whatever the number of candidates
LABEL_CAP = 8
_OFFSET_PX = 14  # above the dot, so the dot itself stays visible


class LabelPool:
    def __init__(self, renderer: vtkRenderer, cap: int = LABEL_CAP, font_px: int = 14) -> None:
        self._renderer = renderer
        self.cap = cap
        self._actors: list[vtkTextActor] = []
        self._anchors: list[vtkCoordinate] = []
        self._xyz = np.zeros((0, 3))
        self._font_px = font_px
        self.texts: list[str] = []
        for _ in range(cap):
            anchor = vtkCoordinate()
            anchor.SetCoordinateSystemToWorld()
            actor = vtkTextActor()
            coord = actor.GetPositionCoordinate()
            coord.SetCoordinateSystemToDisplay()
            coord.SetReferenceCoordinate(anchor)
            actor.SetPosition(0, _OFFSET_PX)
            prop = actor.GetTextProperty()
            style_text(prop, font_px, (0.95, 0.96, 0.98))
            prop.SetJustificationToCentered()
            prop.SetVerticalJustificationToBottom()
            prop.SetBackgroundColor(0.03, 0.05, 0.08)
            prop.SetBackgroundOpacity(0.82)
            prop.FrameOn()
            prop.SetFrameWidth(2)
            actor.SetVisibility(False)
            actor.SetPickable(False)
            renderer.AddViewProp(actor)
            self._actors.append(actor)
            self._anchors.append(anchor)

    def set(self, labels: Sequence[tuple[Sequence[float], str, Sequence[int]]]) -> None:
        """(xyz, text, frame rgb 0–255) rows, most important first; beyond ``cap`` dropped."""
        rows = list(labels)[:self.cap]
        self.texts = [text for _, text, _ in rows]
        self._xyz = np.array([xyz for xyz, _, _ in rows], dtype=np.float64).reshape(-1, 3)
        for i, actor in enumerate(self._actors):
            if i < len(rows):
                xyz, text, rgb = rows[i]
                self._anchors[i].SetValue(*(float(v) for v in xyz))
                actor.SetInput(text)
                actor.GetTextProperty().SetFrameColor(*(c / 255.0 for c in rgb[:3]))
                actor.SetVisibility(True)
            else:
                actor.SetVisibility(False)

    def set_font_px(self, px: int) -> None:
        """Text size of every label (a video wall reads them from metres away)."""
        self._font_px = px
        for actor in self._actors:
            actor.GetTextProperty().SetFontSize(px)
            actor.SetPosition(0, max(_OFFSET_PX, px))

    def shown(self) -> list[str]:
        """Texts of the labels currently visible (after overlap culling)."""
        return [a.GetInput() for a in self._actors if a.GetVisibility()]

    def declutter(self, display_xy: np.ndarray, behind: np.ndarray) -> None:
        """Hide labels behind the camera or overlapping a more important one. ``display_xy``
        (k, 2) are the anchors' display positions for the first k labels."""
        placed: list[tuple[float, float, float, float]] = []
        for i in range(len(self.texts)):
            actor = self._actors[i]
            if behind[i]:
                actor.SetVisibility(False)
                continue
            # rough box: CJK glyphs are about one font size wide
            w = 0.5 * self._font_px * max(len(self.texts[i]), 2) + 8
            x, y = display_xy[i]
            box = (x - w, y + _OFFSET_PX, x + w, y + _OFFSET_PX + 1.6 * self._font_px)
            clash = any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                        for b in placed)
            actor.SetVisibility(not clash)
            if not clash:
                placed.append(box)

    @property
    def xyz(self) -> np.ndarray:
        return self._xyz
