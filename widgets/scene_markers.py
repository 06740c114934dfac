"""Site symbols with a state: parking spaces (occupancy), barrier gate arms and EV charger
posts (open/closed, idle/charging/fault), and technicians' live positions.

Each family is ONE actor whose cells carry an RGB array shared with numpy, so a state
change writes the changed cells only (as the device colours do). Technicians are few and
move, so their points are simply replaced; they are drawn as white-rimmed diamonds, a shape
no device has, so a person never reads as a sensor.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkPolyData
from vtkmodules.vtkRenderingCore import vtkActor, vtkPointGaussianMapper

from widgets import vtk_geometry as geo
from widgets.scene_layers import LayerStack, _actor

TECH_RGB = (90, 200, 250)

# a diamond with a white rim: |x|+|y| < 1, rim beyond 0.72
_DIAMOND_SPLAT = """//VTK::Color::Impl
float m = abs(offsetVCVSOutput.x) + abs(offsetVCVSOutput.y);
if (m > 1.0) { discard; }
if (m > 0.72) { diffuseColor = vec3(1.0); ambientColor = vec3(1.0); }
"""


class StateCells:
    """Polygons or line segments in one actor, each cell coloured from an RGB array."""

    def __init__(self, layers: LayerStack, layer: str, data: vtkPolyData, rgb: np.ndarray,
                 *, opacity: float = 0.9, line_width: float = 0.0) -> None:
        self.count = data.GetNumberOfCells()
        array = numpy_support.numpy_to_vtk(
            np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8).reshape(self.count, 3)),
            deep=True)
        array.SetName("state_rgb")
        data.GetCellData().AddArray(array)
        self._array = array
        self._rgb = numpy_support.vtk_to_numpy(array).reshape(self.count, 3)
        self.actor = _actor(data, (1, 1, 1), opacity, lines=line_width > 0,
                            width=max(line_width, 1.0))
        mapper = self.actor.GetMapper()
        mapper.ScalarVisibilityOn()
        mapper.SetScalarModeToUseCellFieldData()
        mapper.SelectColorArray("state_rgb")
        mapper.SetColorModeToDirectScalars()
        layers.add(layer, self.actor)

    @classmethod
    def quads(cls, layers: LayerStack, layer: str, quads: Sequence[np.ndarray],
              z: Sequence[float], rgb: Sequence[int]) -> StateCells:
        """One 4-corner cell per quad ((4, 2) xy at height z), not triangulated, so cell i
        is quad i."""
        n = len(quads)
        pts = np.concatenate([np.column_stack([np.asarray(q, float)[:, :2], np.full(4, zz)])
                              for q, zz in zip(quads, z, strict=True)]) if n else np.zeros((0, 3))
        data = geo.make_polydata(pts, polys=([4] * n, np.arange(4 * n)))
        return cls(layers, layer, data, np.tile(np.asarray(rgb, np.uint8), (n, 1)))

    @classmethod
    def segments(cls, layers: LayerStack, layer: str, a: np.ndarray, b: np.ndarray,
                 rgb: Sequence[int], width: float = 4.0) -> StateCells:
        n = len(a)
        pts = np.stack([np.asarray(a, float), np.asarray(b, float)], axis=1).reshape(-1, 3)
        data = geo.make_polydata(pts, lines=([2] * n, np.arange(2 * n)))
        return cls(layers, layer, data, np.tile(np.asarray(rgb, np.uint8), (n, 1)),
                   opacity=1.0, line_width=width)

    @property
    def rgb(self) -> np.ndarray:
        view = self._rgb.view()
        view.flags.writeable = False
        return view

    def update(self, indices: np.ndarray, rgb: np.ndarray) -> None:
        indices = np.asarray(indices, dtype=np.int64).reshape(-1)
        if indices.size:
            self._rgb[indices] = rgb
            self._array.Modified()


class TechnicianMarkers:
    def __init__(self, layers: LayerStack, layer: str = "technicians",
                 diameter_m: float = 3.5) -> None:
        self.ids: list[str] = []
        self.xyz = np.zeros((0, 3))
        self.data = vtkPolyData()
        self.mapper = vtkPointGaussianMapper()
        self.mapper.SetInputData(self.data)
        self.mapper.SetScaleFactor(diameter_m / 2.0)
        self.mapper.EmissiveOff()
        self.mapper.SetSplatShaderCode(_DIAMOND_SPLAT)
        self.mapper.ScalarVisibilityOff()
        self.actor = vtkActor()
        self.actor.SetMapper(self.mapper)
        self.actor.GetProperty().SetColor(*(c / 255.0 for c in TECH_RGB))
        self.actor.GetProperty().SetAmbient(1.0)
        self.actor.GetProperty().SetDiffuse(0.0)
        self.actor.SetPickable(False)
        layers.add(layer, self.actor)

    def set(self, positions: dict[str, Sequence[float]]) -> None:
        self.ids = list(positions)
        self.xyz = np.array([positions[i] for i in self.ids], dtype=np.float64).reshape(-1, 3)
        points = vtkPoints()
        points.SetData(numpy_support.numpy_to_vtk(self.xyz.astype(np.float32), deep=True))
        self.data.SetPoints(points)
        self.data.Modified()


class RouteLines:
    """Technicians' walking routes: one polyline actor for all of them (few, rebuilt when a
    route changes), drawn slightly above the ground in the technicians' colour."""

    def __init__(self, layers: LayerStack, layer: str = "technicians",
                 lift_m: float = 0.4) -> None:
        self.routes: dict[str, np.ndarray] = {}
        self.lift_m = lift_m
        self.actor = _actor(None, TECH_RGB, 1.0, lines=True, width=5.0)
        layers.add(layer, self.actor)

    def set(self, tech_id: str, points: Sequence[Sequence[float]] | None) -> None:
        if points is None or len(points) < 2:
            self.routes.pop(tech_id, None)
        else:
            self.routes[tech_id] = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        paths = list(self.routes.values())
        xyz = np.concatenate(paths) if paths else np.zeros((0, 3))
        xyz = xyz + np.array([0.0, 0.0, self.lift_m])
        sizes = [len(p) for p in paths]
        self.actor.GetMapper().SetInputData(
            geo.make_polydata(xyz, lines=(sizes, np.arange(len(xyz)))))
