"""Surveillance cameras: every view frustum in ONE translucent actor (plus one edge actor),
picked by projecting the camera positions.

A frustum is drawn only a short way out (``draw_m``), not to the camera's full range: a
150 m cone per camera would cover the whole compound and hide what it watches.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.vtkRenderingCore import vtkRenderer

from widgets import vtk_geometry as geo
from widgets.scene_layers import LayerStack, _actor

FRUSTUM_RGB = (0.55, 0.80, 1.00)
LAYER = "cameras"


def frustum_corners(xyz: np.ndarray, yaw_deg: np.ndarray, pitch_deg: np.ndarray,
                    hfov_deg: np.ndarray, vfov_deg: np.ndarray, length: np.ndarray
                    ) -> np.ndarray:
    """(n, 4, 3) far-rectangle corners. Yaw 0 = east, 90 = north; positive pitch looks up."""
    yaw, pitch = np.radians(yaw_deg), np.radians(pitch_deg)
    fwd = np.column_stack([np.cos(pitch) * np.cos(yaw), np.cos(pitch) * np.sin(yaw),
                           np.sin(pitch)])
    right = np.column_stack([np.sin(yaw), -np.cos(yaw), np.zeros_like(yaw)])
    up = np.cross(right, fwd)
    th = np.tan(np.radians(hfov_deg) / 2.0)[:, None]
    tv = np.tan(np.radians(vfov_deg) / 2.0)[:, None]
    corners = [fwd + sx * th * right + sy * tv * up
               for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    return xyz[:, None, :] + np.stack(corners, axis=1) * length[:, None, None]


class CameraFrusta:
    def __init__(self, renderer: vtkRenderer, layers: LayerStack) -> None:
        self._renderer = renderer
        self._layers = layers
        self.ids: list[str] = []
        self.xyz = np.zeros((0, 3))

    def set(self, ids: Sequence[str], xyz: np.ndarray, yaw_deg: Sequence[float],
            pitch_deg: Sequence[float], hfov_deg: Sequence[float], vfov_deg: Sequence[float],
            range_m: Sequence[float], draw_m: float = 22.0) -> None:
        self.ids = list(ids)
        self.xyz = np.asarray(xyz, dtype=np.float64).reshape(-1, 3)
        n = len(self.ids)
        if not n:
            return
        length = np.minimum(np.asarray(range_m, dtype=np.float64), draw_m)
        far = frustum_corners(self.xyz, np.asarray(yaw_deg, float), np.asarray(pitch_deg, float),
                              np.asarray(hfov_deg, float), np.asarray(vfov_deg, float), length)
        # per camera: apex + 4 corners; 4 side triangles, and 8 edges (4 rays + far ring)
        pts = np.concatenate([self.xyz[:, None, :], far], axis=1).reshape(-1, 3)
        base = (np.arange(n) * 5)[:, None]
        tri = np.array([[0, 1, 2], [0, 2, 3], [0, 3, 4], [0, 4, 1]])
        faces = (base[:, None, :] + tri[None]).reshape(-1)
        faces_data = geo.make_polydata(pts, polys=([3] * (4 * n), faces))
        seg = np.array([[0, 1], [0, 2], [0, 3], [0, 4], [1, 2], [2, 3], [3, 4], [4, 1]])
        edges = (base[:, None, :] + seg[None]).reshape(-1)
        edges_data = geo.make_polydata(pts, lines=([2] * (8 * n), edges))
        face_actor = _actor(faces_data, FRUSTUM_RGB, 0.10)
        face_actor.GetProperty().LightingOff()
        self._layers.add(LAYER, face_actor)
        self._layers.add(LAYER, _actor(edges_data, FRUSTUM_RGB, 0.55, lines=True, width=1.2))

    def pick(self, project, x: float, y: float, radius_px: float = 9.0) -> str | None:
        """The camera whose position is drawn within ``radius_px`` of (x, y); ``project``
        maps (n, 3) world points to ((n, 2) display, (n,) eye distance)."""
        actors = self._layers.actors(LAYER)
        if not len(self.xyz) or not actors or not actors[0].GetVisibility():
            return None
        display, dist = project(self.xyz)
        off = np.hypot(display[:, 0] - x, display[:, 1] - y)
        ok = np.flatnonzero(np.isfinite(dist) & (off <= radius_px))
        return None if not ok.size else self.ids[int(ok[np.argmin(off[ok])])]
