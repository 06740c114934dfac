"""Buildings as things to pick and to open: ray picking of buildings/floors and the x-ray
(cut-away) mode that shows one floor of one building.

Picking casts the mouse ray against a BSP tree of plain prisms (one per building, basements
included) built once; it needs no render pass and works whatever the walls' opacity. X-ray
fades every building layer to a ghost and draws the chosen floor as an opaque-ish slab with
its own walls and a bright outline, so the devices on it read against a floor plate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from vtkmodules.vtkCommonCore import mutable
from vtkmodules.vtkCommonDataModel import vtkGenericCell
from vtkmodules.vtkFiltersFlowPaths import vtkModifiedBSPTree
from vtkmodules.vtkRenderingCore import vtkActor, vtkRenderer

from widgets import vtk_geometry as geo
from widgets.scene_layers import BAND_RGB, LayerStack, _actor

SLAB_RGB = (0.62, 0.70, 0.80)
XRAY_RGB = (0.35, 0.85, 1.00)
_GHOST = {"buildings": 0.06, "building_lines": 0.10, "underground": 0.05}
# a basement is seen through the site surfaces: thin them too, or they darken its devices
_GHOST_ABOVE = {"ground": 0.12, "lawns": 0.12, "roads": 0.12}


class BuildingSet:
    """Geometry of the buildings (plain arrays) and a ray picker over their prisms."""

    def __init__(self, buildings: Sequence[Mapping]) -> None:
        self.ids = [str(b["id"]) for b in buildings]
        self.index = {bid: i for i, bid in enumerate(self.ids)}
        self.footprints = [np.asarray(b["footprint"], dtype=np.float64)[:, :2]
                           for b in buildings]
        self.base = np.array([float(b.get("base_z", 0.0)) for b in buildings])
        self.fh = np.array([float(b.get("floor_height", 3.0)) for b in buildings])
        self.floors = np.array([int(b.get("floors", 1)) for b in buildings])
        self.basements = np.array([int(b.get("basements", 0)) for b in buildings])
        bottom = self.base - self.basements * self.fh
        top = self.base + self.floors * self.fh
        self._mesh, self._owner = geo.extruded_prisms(self.footprints, bottom, top)
        self._tree = vtkModifiedBSPTree()
        if self._mesh.GetNumberOfCells():
            self._tree.SetDataSet(self._mesh)
            self._tree.BuildLocator()

    def floor_numbers(self, building_id: str) -> list[int]:
        """Top floor first, then 1, then the basements -1, -2 …"""
        i = self.index[building_id]
        return list(range(int(self.floors[i]), 0, -1)) + \
            list(range(-1, -int(self.basements[i]) - 1, -1))

    def floor_z(self, i: int, floor: int) -> float:
        return float(self.base[i] + (floor - 1 if floor > 0 else floor) * self.fh[i])

    def floor_at(self, i: int, z: float) -> int:
        """The floor whose storey contains height ``z`` (clamped to the building)."""
        k = int(np.floor((z - self.base[i]) / self.fh[i] + 1e-6))
        k = max(-int(self.basements[i]), min(k, int(self.floors[i]) - 1))
        return k + 1 if k >= 0 else k

    def pick(self, renderer: vtkRenderer, x: float, y: float
             ) -> tuple[str, np.ndarray] | None:
        """(building id, hit point) of the first building along the ray through display
        pixel (x, y), or None."""
        if not self._mesh.GetNumberOfCells():
            return None
        ends = []
        for depth in (0.0, 1.0):
            renderer.SetDisplayPoint(float(x), float(y), depth)
            renderer.DisplayToWorld()
            wx, wy, wz, w = renderer.GetWorldPoint()
            ends.append(np.array([wx, wy, wz]) / (w if abs(w) > 1e-12 else 1.0))
        t, sub, cell = mutable(0.0), mutable(0), mutable(0)
        hit, pcoords = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
        found = self._tree.IntersectWithLine(list(ends[0]), list(ends[1]), 1e-6, t, hit,
                                             pcoords, sub, cell, vtkGenericCell())
        if not found:
            return None
        return self.ids[int(self._owner[int(cell)])], np.asarray(hit)

    def floor_bounds(self, i: int, floor: int) -> tuple[float, ...]:
        fp = self.footprints[i]
        z0 = self.floor_z(i, floor)
        lo, hi = fp.min(axis=0), fp.max(axis=0)
        return (lo[0], hi[0], lo[1], hi[1], z0, z0 + float(self.fh[i]))


class XRay:
    """The cut-away: ghosted buildings and one opened floor."""

    def __init__(self, renderer: vtkRenderer, layers: LayerStack) -> None:
        self._renderer = renderer
        self._layers = layers
        self._saved: dict[int, tuple[vtkActor, float]] = {}
        self._actors: list[vtkActor] = []
        self.building: str | None = None
        self.floor: int | None = None

    def set(self, buildings: BuildingSet, building_id: str | None, floor: int | None) -> None:
        for actor in self._actors:
            self._renderer.RemoveActor(actor)
        self._actors = []
        if building_id is None or floor is None:
            for actor, opacity in self._saved.values():
                actor.GetProperty().SetOpacity(opacity)
            self._saved = {}
            self.building = self.floor = None
            return
        for actor, opacity in self._saved.values():  # from a previous floor
            actor.GetProperty().SetOpacity(opacity)
        ghosts = {**_GHOST, **(_GHOST_ABOVE if floor < 0 else {})}
        for layer, ghost in ghosts.items():
            for actor in self._layers.actors(layer):
                key = id(actor)
                if key not in self._saved:
                    self._saved[key] = (actor, actor.GetProperty().GetOpacity())
                actor.GetProperty().SetOpacity(ghost)
        i = buildings.index[building_id]
        fp = [buildings.footprints[i]]
        fh = float(buildings.fh[i])
        z0 = buildings.floor_z(i, floor)
        bottom = float(buildings.base[i] - buildings.basements[i] * fh)
        top = float(buildings.base[i] + buildings.floors[i] * fh)
        # the opened building: its storeys as faint bands, so the floor's height reads
        levels = [bottom + fh * np.arange(0, round((top - bottom) / fh) + 1)]
        self._add(_actor(geo.ring_lines(fp, levels), BAND_RGB, 0.25, lines=True))
        self._add(_actor(geo.vertical_edges(fp, [bottom], [top]), BAND_RGB, 0.35,
                         lines=True))
        # the floor itself: plate, low glass walls and a bright outline at slab and ceiling
        slab = _actor(geo.flat_polygons(fp, z0 + 0.02), SLAB_RGB, 0.55)
        slab.GetProperty().SetAmbient(0.4)
        self._add(slab)
        walls, _ = geo.extruded_prisms(fp, [z0], [z0 + fh], roofs=False)
        self._add(_actor(walls, XRAY_RGB, 0.12))
        self._add(_actor(geo.ring_lines(fp, [[z0 + 0.03, z0 + fh]]), XRAY_RGB, 1.0,
                         lines=True, width=2.5))
        self.building, self.floor = building_id, floor

    def _add(self, actor: vtkActor) -> None:
        self._renderer.AddActor(actor)
        self._actors.append(actor)

