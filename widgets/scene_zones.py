"""Construction zones on the ground and detected changes at their place, in the 3D view.

Zones are translucent fills coloured by kind with a bright outline a few centimetres above
the ground (so they read over lawns and roads); a change is a red pin — a post with a
ring at its foot — at the spot where it stands, white once decided. One actor per family,
rebuilt when the (few) zones or changes change.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from widgets import vtk_geometry as geo
from widgets.scene_layers import LayerStack, _actor

LAYER = "construction"
KIND_RGB = {"green_space": (0.30, 0.85, 0.35), "no_build": (0.95, 0.55, 0.15),
            "fire_lane": (0.95, 0.25, 0.25), "rooftop": (0.70, 0.45, 0.95)}
OPEN_RGB = (1.0, 0.15, 0.10)
DONE_RGB = (0.85, 0.88, 0.92)
LIFT_M = 0.12
PIN_M = 6.0


class GroundZones:
    def __init__(self, layers: LayerStack) -> None:
        self.fills = {kind: _actor(None, rgb, 0.30) for kind, rgb in KIND_RGB.items()}
        self.lines = {kind: _actor(None, rgb, 1.0, lines=True, width=2.5)
                      for kind, rgb in KIND_RGB.items()}
        for kind in KIND_RGB:
            self.fills[kind].GetProperty().LightingOff()
            layers.add(LAYER, self.fills[kind])
            layers.add(LAYER, self.lines[kind])
        self.open_pins = _actor(None, OPEN_RGB, 1.0, lines=True, width=4.0)
        self.done_pins = _actor(None, DONE_RGB, 0.9, lines=True, width=3.0)
        layers.add(LAYER, self.open_pins)
        layers.add(LAYER, self.done_pins)
        self.zone_count = 0
        self.change_count = 0

    def set_zones(self, zones: Sequence[tuple[np.ndarray, str]]) -> None:
        """``zones``: (polygon site metres, kind) pairs; a (k, 2) polygon lies on the
        ground, a (k, 3) one on the plane of its first point's height (a roof)."""
        self.zone_count = len(zones)
        for kind in KIND_RGB:
            mine = [np.asarray(p, np.float64) for p, k in zones if k == kind]
            polys = [p[:, :2] for p in mine]
            base = [LIFT_M + (float(p[0, 2]) if p.shape[1] > 2 and len(p) else 0.0)
                    for p in mine]
            self.fills[kind].GetMapper().SetInputData(geo.flat_polygons(polys, base))
            self.lines[kind].GetMapper().SetInputData(
                _outlines(polys, [z + 0.05 for z in base]))

    def set_changes(self, changes: Sequence[tuple]) -> None:
        """``changes``: (x, y, open[, z]) — open ones in red, decided ones in white; ``z``
        the height it stands at (a roof), 0 when left out."""
        self.change_count = len(changes)
        for actor, want in ((self.open_pins, True), (self.done_pins, False)):
            pins = [(c[0], c[1], c[3] if len(c) > 3 else 0.0) for c in changes
                    if c[2] == want]
            actor.GetMapper().SetInputData(_pins(pins))


def _outlines(polys: list[np.ndarray], heights: Sequence[float]):  # noqa: ANN202
    pts, sizes = [], []
    for p, z in zip(polys, heights, strict=True):
        ring = np.vstack([p, p[:1]])
        pts.append(np.column_stack([ring, np.full(len(ring), z)]))
        sizes.append(len(ring))
    xyz = np.concatenate(pts) if pts else np.zeros((0, 3))
    return geo.make_polydata(xyz, lines=(sizes, np.arange(len(xyz))))


def _pins(xyz: list[tuple[float, float, float]]):  # noqa: ANN202
    """A vertical post and a 16-sided ring of 2.5 m radius at the foot of each pin (on the
    ground, or on the roof it stands on)."""
    pts, sizes = [], []
    ang = np.linspace(0, 2 * np.pi, 17)
    for x, y, z in xyz:
        pts.append(np.array([[x, y, z + LIFT_M], [x, y, z + PIN_M]]))
        sizes.append(2)
        pts.append(np.column_stack([x + 2.5 * np.cos(ang), y + 2.5 * np.sin(ang),
                                    np.full(17, z + LIFT_M + 0.1)]))
        sizes.append(17)
    xyz = np.concatenate(pts) if pts else np.zeros((0, 3))
    return geo.make_polydata(xyz, lines=(sizes, np.arange(len(xyz))))
