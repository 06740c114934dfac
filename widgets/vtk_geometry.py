"""Numpy → vtkPolyData builders for the compound view: flat polygons, road ribbons,
extruded building prisms and their floor bands.

Everything is built in bulk from numpy arrays (one polydata per layer, never one per
object), so a compound with hundreds of buildings is a handful of actors. Prism walls do not
share vertices: with no normals given, VTK's OpenGL mapper shades each face flat, which is
what makes extruded blocks read as solids.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkPolyData
from vtkmodules.vtkFiltersCore import vtkTriangleFilter


def _cells(sizes: Sequence[int] | np.ndarray, connectivity: np.ndarray) -> vtkCellArray:
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(np.asarray(sizes, dtype=np.int64), out=offsets[1:])
    cells = vtkCellArray()
    cells.SetData(numpy_support.numpy_to_vtkIdTypeArray(offsets, deep=True),
                  numpy_support.numpy_to_vtkIdTypeArray(
                      np.ascontiguousarray(connectivity, dtype=np.int64), deep=True))
    return cells


def make_polydata(points: np.ndarray, *, polys: tuple | None = None,
                  lines: tuple | None = None) -> vtkPolyData:
    """``polys``/``lines`` are ``(sizes, connectivity)`` pairs in VTK's flat layout."""
    pts = vtkPoints()
    pts.SetData(numpy_support.numpy_to_vtk(np.ascontiguousarray(points, dtype=np.float32),
                                           deep=True))
    data = vtkPolyData()
    data.SetPoints(pts)
    if polys is not None:
        data.SetPolys(_cells(*polys))
    if lines is not None:
        data.SetLines(_cells(*lines))
    return data


def add_cell_array(data: vtkPolyData, name: str, values: np.ndarray) -> None:
    array = numpy_support.numpy_to_vtk(np.ascontiguousarray(values), deep=True)
    array.SetName(name)
    data.GetCellData().AddArray(array)


def ccw(ring: np.ndarray) -> np.ndarray:
    """The ring with counter-clockwise orientation (outward wall normals, roofs facing up)."""
    x, y = ring[:, 0], ring[:, 1]
    area2 = np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)
    return ring if area2 >= 0 else ring[::-1]


def _open_ring(ring: np.ndarray) -> np.ndarray:
    ring = np.asarray(ring, dtype=np.float64)[:, :2]
    if len(ring) > 1 and np.allclose(ring[0], ring[-1]):
        ring = ring[:-1]
    return ring


def flat_polygons(polygons: Sequence[np.ndarray], z: float | Sequence[float]) -> vtkPolyData:
    """Filled, triangulated polygons at height ``z`` (concave ones are fine)."""
    zs = np.broadcast_to(np.asarray(z, dtype=np.float64), (len(polygons),))
    rings = [ccw(_open_ring(p)) for p in polygons]
    rings_z = [(r, zz) for r, zz in zip(rings, zs, strict=True) if len(r) >= 3]
    if not rings_z:
        return vtkPolyData()
    pts = np.concatenate([np.column_stack([r, np.full(len(r), zz)]) for r, zz in rings_z])
    sizes = [len(r) for r, _ in rings_z]
    data = make_polydata(pts, polys=(sizes, np.arange(len(pts))))
    tri = vtkTriangleFilter()
    tri.SetInputData(data)
    tri.Update()
    out = vtkPolyData()
    out.ShallowCopy(tri.GetOutput())
    return out


def ribbon_polygons(centerline: np.ndarray, width: float) -> list[np.ndarray]:
    """A polyline widened to ``width`` as one quad per segment (joints overlap harmlessly)."""
    line = np.asarray(centerline, dtype=np.float64)[:, :2]
    quads = []
    half = width / 2.0
    for a, b in zip(line[:-1], line[1:], strict=True):
        d = b - a
        length = float(np.hypot(*d))
        if length < 1e-9:
            continue
        n = np.array([-d[1], d[0]]) / length * half
        # extend each segment by half a width so corners close without mitre maths
        e = d / length * half
        quads.append(np.array([a - e - n, b + e - n, b + e + n, a - e + n]))
    return quads


def extruded_prisms(footprints: Sequence[np.ndarray], z0: Sequence[float],
                    z1: Sequence[float], *, roofs: bool = True) -> tuple[vtkPolyData, np.ndarray]:
    """Walls (and roofs) of prisms; returns the polydata and each cell's prism index."""
    pts: list[np.ndarray] = []
    sizes: list[int] = []
    owner: list[int] = []
    conn: list[np.ndarray] = []
    base = 0
    for index, (fp, lo, hi) in enumerate(zip(footprints, z0, z1, strict=True)):
        ring = ccw(_open_ring(fp))
        n = len(ring)
        if n < 3 or hi <= lo:
            continue
        nxt = np.roll(ring, -1, axis=0)
        quad = np.stack([
            np.column_stack([ring, np.full(n, lo)]),
            np.column_stack([nxt, np.full(n, lo)]),
            np.column_stack([nxt, np.full(n, hi)]),
            np.column_stack([ring, np.full(n, hi)]),
        ], axis=1).reshape(-1, 3)
        pts.append(quad)
        conn.append(base + np.arange(4 * n))
        sizes.extend([4] * n)
        owner.extend([index] * n)
        base += 4 * n
        if roofs:
            pts.append(np.column_stack([ring, np.full(n, hi)]))
            conn.append(base + np.arange(n))
            sizes.append(n)
            owner.append(index)
            base += n
    if not pts:
        return vtkPolyData(), np.zeros(0, dtype=np.int32)
    data = make_polydata(np.concatenate(pts), polys=(sizes, np.concatenate(conn)))
    # roofs may be concave (L-shaped towers): triangulate, keeping the owner per triangle
    add_cell_array(data, "prism", np.asarray(owner, dtype=np.int32))
    tri = vtkTriangleFilter()
    tri.SetInputData(data)
    tri.Update()
    out = vtkPolyData()
    out.ShallowCopy(tri.GetOutput())
    owners = numpy_support.vtk_to_numpy(out.GetCellData().GetArray("prism")).copy()
    return out, owners


def ring_lines(footprints: Sequence[np.ndarray], levels: Sequence[Sequence[float]]
               ) -> vtkPolyData:
    """Closed outlines of each footprint at each of its heights (floor bands)."""
    pts: list[np.ndarray] = []
    sizes: list[int] = []
    conn: list[np.ndarray] = []
    base = 0
    for fp, zs in zip(footprints, levels, strict=True):
        ring = _open_ring(fp)
        n = len(ring)
        if n < 2:
            continue
        for z in zs:
            pts.append(np.column_stack([ring, np.full(n, z)]))
            conn.append(np.append(base + np.arange(n), base))
            sizes.append(n + 1)
            base += n
    if not pts:
        return vtkPolyData()
    return make_polydata(np.concatenate(pts), lines=(sizes, np.concatenate(conn)))


def vertical_edges(footprints: Sequence[np.ndarray], z0: Sequence[float],
                   z1: Sequence[float]) -> vtkPolyData:
    """The corner edges of each prism, so silhouettes read even in translucent blocks."""
    segs = []
    for fp, lo, hi in zip(footprints, z0, z1, strict=True):
        ring = _open_ring(fp)
        for x, y in ring:
            segs.append([(x, y, lo), (x, y, hi)])
    if not segs:
        return vtkPolyData()
    pts = np.asarray(segs, dtype=np.float64).reshape(-1, 3)
    return make_polydata(pts, lines=([2] * len(segs), np.arange(len(pts))))


def grid_lines(bounds: tuple[tuple[float, float], tuple[float, float]], step: float,
               z: float) -> vtkPolyData:
    """A square grid over the ground, for a sense of scale."""
    (x0, y0), (x1, y1) = bounds
    xs = np.arange(np.ceil(x0 / step) * step, x1 + 1e-9, step)
    ys = np.arange(np.ceil(y0 / step) * step, y1 + 1e-9, step)
    segs = [[(x, y0, z), (x, y1, z)] for x in xs] + [[(x0, y, z), (x1, y, z)] for y in ys]
    if not segs:
        return vtkPolyData()
    pts = np.asarray(segs, dtype=np.float64).reshape(-1, 3)
    return make_polydata(pts, lines=([2] * len(segs), np.arange(len(pts))))
