"""The static site layers of the compound view (ground, lawns, roads, buildings), the status
palette, the renderer's look, and the selection highlight.

Translucent layers are blended in the order they sit in the renderer, so LayerStack keeps
them sorted bottom-up (underground → ground → surfaces → buildings) whatever order the
caller adds them in; that gives correct-looking blending without depth peeling, which
would cost several full passes per frame in software rendering.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from vtkmodules.vtkFiltersSources import vtkLineSource, vtkRegularPolygonSource
from vtkmodules.vtkRenderingCore import vtkActor, vtkLightKit, vtkPolyDataMapper, vtkRenderer

from widgets import vtk_geometry as geo

#: status colours (RGB 0–255), shared by the 3D view, legends, boards and LEDs
STATUS_RGB: dict[str, tuple[int, int, int]] = {
    "normal": (46, 204, 113),
    "warning": (243, 156, 18),
    "alarm": (231, 76, 60),
    "stale": (155, 89, 182),
    "offline": (127, 140, 141),
    "unknown": (80, 86, 92),
}

#: building wall colour by use (RGB 0–1): blue-grey family, never a status hue
USE_RGB: dict[str, tuple[float, float, float]] = {
    "residential": (0.64, 0.72, 0.82),
    "garage": (0.42, 0.48, 0.58),
    "substation": (0.50, 0.58, 0.74),
    "pump_room": (0.46, 0.60, 0.70),
    "gatehouse": (0.70, 0.72, 0.76),
    "clubhouse": (0.55, 0.70, 0.72),
    "office": (0.60, 0.66, 0.74),
}
_DEFAULT_USE_RGB = (0.60, 0.66, 0.74)

GROUND_RGB = (0.085, 0.105, 0.135)
LAWN_RGB = (0.16, 0.36, 0.22)
ROAD_RGB = (0.30, 0.32, 0.35)
BAND_RGB = (0.72, 0.82, 0.94)
UNDERGROUND_RGB = (0.30, 0.40, 0.55)
HIGHLIGHT_RGB = (0.30, 0.90, 1.00)

# draw order of translucent layers, bottom-up
_RANK = {"underground": 0, "ground": 1, "lawns": 2, "roads": 3, "parking": 4,
         "construction": 5, "buildings": 6, "building_lines": 7}


def _rgb01(color: Sequence[float]) -> tuple[float, float, float]:
    c = tuple(float(v) for v in color[:3])
    return tuple(v / 255.0 for v in c) if max(c) > 1.0 else c  # type: ignore[return-value]


def style_renderer(renderer: vtkRenderer) -> None:
    """Near-black → navy gradient and a light kit that gives solids readable sides."""
    renderer.GradientBackgroundOn()
    renderer.SetBackground(0.02, 0.03, 0.05)  # bottom
    renderer.SetBackground2(0.06, 0.10, 0.18)  # top
    kit = vtkLightKit()
    kit.SetKeyLightIntensity(0.9)
    kit.SetKeyLightElevation(55)
    kit.SetKeyLightAzimuth(-30)
    kit.AddLightsToRenderer(renderer)
    renderer.GetActiveCamera().SetViewAngle(30.0)


def _actor(data, rgb, opacity: float = 1.0, *, lines: bool = False,
           width: float = 1.0) -> vtkActor:
    mapper = vtkPolyDataMapper()
    if data is not None:
        mapper.SetInputData(data)
    mapper.ScalarVisibilityOff()
    actor = vtkActor()
    actor.SetMapper(mapper)
    prop = actor.GetProperty()
    prop.SetColor(*_rgb01(rgb))
    prop.SetOpacity(opacity)
    if lines:
        prop.SetLineWidth(width)
        prop.LightingOff()  # lines keep their colour whatever the light
    actor.SetPickable(False)
    return actor


class LayerStack:
    """Named groups of actors, kept in bottom-up draw order."""

    def __init__(self, renderer: vtkRenderer) -> None:
        self._renderer = renderer
        self._layers: dict[str, list[vtkActor]] = {}
        self._bounds: list[np.ndarray] = []

    def add(self, layer: str, actor: vtkActor) -> vtkActor:
        self._layers.setdefault(layer, []).append(actor)
        # re-insert every layer actor in rank order (cheap: a few dozen actors at most)
        ordered = sorted(self._layers.items(), key=lambda kv: _RANK.get(kv[0], 5))
        for _name, actors in ordered:
            for a in actors:
                self._renderer.RemoveActor(a)
        for _name, actors in ordered:
            for a in actors:
                self._renderer.AddActor(a)
        return actor

    def actors(self, layer: str) -> list[vtkActor]:
        return list(self._layers.get(layer, []))

    def set_visible(self, layer: str, visible: bool) -> None:
        for actor in self._layers.get(layer, []):
            actor.SetVisibility(visible)

    def bounds(self, extra_xyz: np.ndarray | None = None) -> tuple[float, ...]:
        """(xmin, xmax, ymin, ymax, zmin, zmax) of buildings, surfaces and ``extra_xyz``."""
        pts = list(self._bounds)
        if extra_xyz is not None and len(extra_xyz):
            pts.append(np.asarray(extra_xyz, dtype=np.float64).reshape(-1, 3))
        if not pts:
            return (-50.0, 50.0, -50.0, 50.0, 0.0, 10.0)
        allp = np.concatenate(pts)
        lo, hi = allp.min(axis=0), allp.max(axis=0)
        return (lo[0], hi[0], lo[1], hi[1], lo[2], hi[2])

    # ---- content ----------------------------------------------------------------------------
    def set_ground(self, bounds: Sequence[Sequence[float]]) -> None:
        for actor in self._layers.pop("ground", []):
            self._renderer.RemoveActor(actor)
        (x0, y0), (x1, y1) = bounds
        rect = np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=np.float64)
        # translucent so the basement garage and its devices show through from above
        self.add("ground", _actor(geo.flat_polygons([rect], -0.02), GROUND_RGB, 0.55))
        step = 50.0 if max(x1 - x0, y1 - y0) > 300 else 20.0
        self.add("ground", _actor(geo.grid_lines(((x0, y0), (x1, y1)), step, 0.0),
                                  (0.16, 0.20, 0.27), 0.6, lines=True))

    def add_polygons(self, layer: str, polygons: Sequence[np.ndarray], z: float,
                     color: Sequence[float], opacity: float = 0.8) -> vtkActor:
        data = geo.flat_polygons(polygons, z)
        if polygons:
            self._bounds.append(np.column_stack([np.concatenate(
                [np.asarray(p, dtype=np.float64)[:, :2] for p in polygons]),
                np.full(sum(len(p) for p in polygons), z)]))
        return self.add(layer, _actor(data, color, opacity))

    def add_roads(self, centerlines: Sequence[np.ndarray], widths: Sequence[float],
                  z: float) -> vtkActor:
        quads = [q for line, w in zip(centerlines, widths, strict=True)
                 for q in geo.ribbon_polygons(line, w)]
        return self.add_polygons("roads", quads, z, ROAD_RGB, 0.85)

    def add_buildings(self, buildings: Sequence[Mapping]) -> None:
        fps = [np.asarray(b["footprint"], dtype=np.float64)[:, :2] for b in buildings]
        base = np.array([float(b.get("base_z", 0.0)) for b in buildings])
        fh = np.array([float(b.get("floor_height", 3.0)) for b in buildings])
        floors = np.array([int(b.get("floors", 1)) for b in buildings])
        basements = np.array([int(b.get("basements", 0)) for b in buildings])
        top = base + floors * fh
        bottom = base - basements * fh
        uses = [str(b.get("use", "residential")) for b in buildings]
        if len(fps):
            self._bounds.append(np.column_stack([
                np.concatenate(fps),
                np.concatenate([np.full(len(f), t) for f, t in zip(fps, top, strict=True)])]))
        # above ground: translucent walls coloured per use, opaque-ish floor bands + edges
        walls, owner = geo.extruded_prisms(fps, base, top)
        if walls.GetNumberOfCells():
            rgb = np.array([USE_RGB.get(u, _DEFAULT_USE_RGB) for u in uses])
            cell_rgb = (rgb[owner] * 255).astype(np.uint8)
            geo.add_cell_array(walls, "use_rgb", cell_rgb)
            actor = _actor(walls, (1, 1, 1), 0.5)
            mapper = actor.GetMapper()
            mapper.ScalarVisibilityOn()
            mapper.SetScalarModeToUseCellFieldData()
            mapper.SelectColorArray("use_rgb")
            mapper.SetColorModeToDirectScalars()
            actor.GetProperty().BackfaceCullingOn()  # one glass layer per face, not two
            actor.GetProperty().SetAmbient(0.25)
            actor.GetProperty().SetSpecular(0.2)
            self.add("buildings", actor)
        slabs = [base_z + fh_i * np.arange(1, n) for base_z, fh_i, n
                 in zip(base, fh, floors, strict=True)]
        self.add("building_lines", _actor(geo.ring_lines(fps, slabs), BAND_RGB, 0.3,
                                          lines=True))
        outline = [[b, t] for b, t in zip(base, top, strict=True)]
        self.add("building_lines", _actor(geo.ring_lines(fps, outline), BAND_RGB, 0.95,
                                          lines=True, width=2.0))
        self.add("building_lines", _actor(geo.vertical_edges(fps, base, top), BAND_RGB, 0.8,
                                          lines=True, width=1.5))
        # below ground: fainter glass and bands, so the garage reads as underground
        below = basements > 0
        if below.any():
            ufps = [f for f, keep in zip(fps, below, strict=True) if keep]
            ub, ut, ufh = bottom[below], base[below], fh[below]
            uwalls, _ = geo.extruded_prisms(ufps, ub, ut, roofs=False)
            actor = _actor(uwalls, UNDERGROUND_RGB, 0.18)
            self.add("underground", actor)
            levels = [lo + h * np.arange(0, round((hi - lo) / h) + 1)
                      for lo, hi, h in zip(ub, ut, ufh, strict=True)]
            self.add("underground", _actor(geo.ring_lines(ufps, levels), UNDERGROUND_RGB,
                                           0.7, lines=True))
            self.add("underground", _actor(geo.vertical_edges(ufps, ub, ut),
                                           UNDERGROUND_RGB, 0.7, lines=True))


class Highlight:
    """A ring at the selected device plus a pin rising above it, findable at any zoom."""

    def __init__(self, renderer: vtkRenderer) -> None:
        self._ring = vtkRegularPolygonSource()
        self._ring.SetNumberOfSides(32)
        self._ring.GeneratePolygonOff()
        self._pin = vtkLineSource()
        self.ring_actor = _actor(None, HIGHLIGHT_RGB, lines=True, width=3.0)
        self.ring_actor.GetMapper().SetInputConnection(self._ring.GetOutputPort())
        self.pin_actor = _actor(None, HIGHLIGHT_RGB, lines=True, width=2.0)
        self.pin_actor.GetMapper().SetInputConnection(self._pin.GetOutputPort())
        for a in (self.ring_actor, self.pin_actor):
            a.SetVisibility(False)
            renderer.AddActor(a)

    def set(self, xyz: Sequence[float] | None, diameter_m: float) -> None:
        visible = xyz is not None
        for a in (self.ring_actor, self.pin_actor):
            a.SetVisibility(visible)
        if xyz is None:
            return
        x, y, z = (float(v) for v in xyz)
        self._ring.SetCenter(x, y, z)
        self._ring.SetRadius(diameter_m * 1.8)
        self._pin.SetPoint1(x, y, z + diameter_m)
        self._pin.SetPoint2(x, y, z + 12.0)
