"""Pipe networks (water, gas, heating, drainage, power) as coloured tubes, one actor per
network so each can be switched on and off on its own.

The colours keep clear of the status palette's meaning: no green (normal), amber or red
(warning/alarm) hues, so a pipe never reads as a device state. Tubes are drawn thicker than
the real pipes (a 15 cm main would be sub-pixel at compound scale).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from vtkmodules.vtkFiltersCore import vtkTubeFilter
from vtkmodules.vtkRenderingCore import vtkActor

from widgets import vtk_geometry as geo
from widgets.scene_layers import LayerStack, _actor

#: network → RGB 0–255
NETWORK_RGB: dict[str, tuple[int, int, int]] = {
    "water": (64, 156, 255),
    "gas": (222, 196, 120),
    "heating": (214, 92, 200),
    "drainage": (150, 112, 74),
    "power": (200, 204, 216),
}
_MIN_RADIUS_M = 0.35


def layer_name(network: str) -> str:
    return f"pipes_{network}"


def add_networks(layers: LayerStack, pipes: Mapping[str, Sequence[np.ndarray]]
                 ) -> dict[str, vtkActor]:
    """``pipes``: network → list of (n, 3) paths. Returns network → its tube actor."""
    out = {}
    for network, paths in pipes.items():
        paths = [np.asarray(p, dtype=np.float64).reshape(-1, 3) for p in paths if len(p) >= 2]
        if not paths:
            continue
        pts = np.concatenate(paths)
        sizes = [len(p) for p in paths]
        lines = geo.make_polydata(pts, lines=(sizes, np.arange(len(pts))))
        tube = vtkTubeFilter()
        tube.SetInputData(lines)
        tube.SetRadius(_MIN_RADIUS_M)
        tube.SetNumberOfSides(8)
        tube.CappingOn()
        tube.Update()
        actor = _actor(tube.GetOutput(), NETWORK_RGB.get(network, (180, 180, 180)), 0.95)
        prop = actor.GetProperty()
        prop.SetAmbient(0.35)
        prop.SetSpecular(0.3)
        out[network] = layers.add(layer_name(network), actor)
    return out
