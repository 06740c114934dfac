"""Heat/level mode: every floor of every building as its own coloured storey, so an
aggregate (open alarms, water use …) per floor reads as a stack of coloured bands.

All storeys are one actor (walls and a roof per storey, a small gap between storeys so the
bands separate); a value change writes only that storey's cells. The storeys are opaque,
so in this mode the devices inside are hidden: it is the aggregate view.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.util import numpy_support

from widgets import vtk_geometry as geo
from widgets.scene_layers import LayerStack, _actor

LAYER = "heat"
#: colour ramp from "nothing" (dim slate) through amber to red, sampled by value in 0..1
_RAMP = np.array([(60, 72, 90), (241, 196, 15), (243, 156, 18), (231, 76, 60)], float)


def ramp(t: np.ndarray) -> np.ndarray:
    """(n,) values in 0..1 → (n, 3) uint8; 0 exactly is the neutral slate."""
    t = np.clip(np.asarray(t, float), 0.0, 1.0)
    pos = np.where(t > 0, 1.0 + t * (len(_RAMP) - 2), 0.0)
    lo = np.minimum(np.floor(pos).astype(int), len(_RAMP) - 1)
    hi = np.minimum(lo + 1, len(_RAMP) - 1)
    frac = (pos - lo)[:, None]
    return (_RAMP[lo] * (1 - frac) + _RAMP[hi] * frac).astype(np.uint8)


class FloorHeat:
    def __init__(self, layers: LayerStack) -> None:
        self._layers = layers
        self.keys: list[tuple[str, int]] = []
        self._cells: np.ndarray = np.zeros(0, dtype=np.int64)  # cell → storey index
        self._rgb: np.ndarray | None = None
        self._array = None

    def build(self, ids: Sequence[str], footprints: Sequence[np.ndarray],
              storeys: Sequence[Sequence[tuple[int, float, float]]]) -> None:
        """``storeys[i]``: (floor, z0, z1) of building ``ids[i]``."""
        fps, lo, hi = [], [], []
        for bid, fp, rows in zip(ids, footprints, storeys, strict=True):
            for floor, z0, z1 in rows:
                self.keys.append((bid, floor))
                fps.append(fp)
                lo.append(z0 + 0.15)
                hi.append(z1 - 0.15)
        if not fps:
            return
        data, owner = geo.extruded_prisms(fps, lo, hi)
        self._cells = owner.astype(np.int64)
        rgb = np.tile(_RAMP[0].astype(np.uint8), (data.GetNumberOfCells(), 1))
        self._array = numpy_support.numpy_to_vtk(rgb, deep=True)
        self._array.SetName("heat_rgb")
        data.GetCellData().AddArray(self._array)
        self._rgb = numpy_support.vtk_to_numpy(self._array).reshape(-1, 3)
        # opaque: translucent storeys blend in cell order (no depth sorting in software
        # rendering), and a warm floor washed grey by the storeys behind it reads wrong
        actor = _actor(data, (1, 1, 1), 1.0)
        mapper = actor.GetMapper()
        mapper.ScalarVisibilityOn()
        mapper.SetScalarModeToUseCellFieldData()
        mapper.SelectColorArray("heat_rgb")
        mapper.SetColorModeToDirectScalars()
        # mostly ambient: the value colour must read the same on sunny and shaded faces
        actor.GetProperty().SetAmbient(0.75)
        actor.GetProperty().SetDiffuse(0.35)
        actor.SetVisibility(False)
        self._layers.add(LAYER, actor)
        self._index = {k: i for i, k in enumerate(self.keys)}

    def set_values(self, values: dict[tuple[str, int], float], scale: float) -> None:
        """Colour every storey from ``values`` (missing = 0) divided by ``scale``."""
        if self._rgb is None:
            return
        v = np.zeros(len(self.keys))
        for key, value in values.items():
            i = self._index.get(key)
            if i is not None:
                v[i] = value
        colors = ramp(v / max(scale, 1e-9))
        self._rgb[:] = colors[self._cells]
        self._array.Modified()

    def color_of(self, key: tuple[str, int]) -> tuple[int, ...] | None:
        i = self._index.get(key) if self._rgb is not None else None
        if i is None:
            return None
        return tuple(int(c) for c in self._rgb[int(np.flatnonzero(self._cells == i)[0])])
