"""All devices as ONE glyph actor per symbol family, coloured per point, picked by projection.

Which family a kind belongs to, and the shapes, are in ``scene_symbols``. Every device has
a global index (the order of ``set``) and a row in its family's arrays; the colours of a
family live in a ``vtkUnsignedCharArray`` (RGBA) whose memory is shared with a numpy view,
so a status change writes exactly the changed rows of the families concerned and marks
those arrays Modified; actors, mappers and points are never rebuilt. Picking projects the
device positions with the camera's composite matrix in numpy (O(N) vector maths, a few ms
for 100k points) instead of a render-pass selector, which keeps it fast in software
rendering, deterministic in tests, and the same for every family.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.vtkRenderingCore import vtkRenderer

from widgets.scene_symbols import FAMILIES, SymbolActor

#: default glyph diameter in metres: a symbol readable at compound scale, not a blob up close
DEVICE_DIAMETER_M = 0.8


class DeviceGlyphs:
    """Every device, split over one SymbolActor per family (FAMILIES order)."""

    def __init__(self, renderer: vtkRenderer, diameter_m: float = DEVICE_DIAMETER_M) -> None:
        self.diameter_m = diameter_m
        #: glyph scale on top of diameter_m, raised when zoomed out (see fit_to_camera)
        self.zoom_scale = 1.0
        self.min_px = 11.0
        self.ids: list[str] = []
        self.xyz = np.zeros((0, 3), dtype=np.float64)
        self.sizes = np.ones(0, dtype=np.float32)
        #: family index (into FAMILIES) and row in that family's arrays, per device
        self.family = np.zeros(0, dtype=np.int8)
        self.row = np.zeros(0, dtype=np.int64)
        self._gain = np.ones(0, dtype=np.float32)  # symbol size factor per device
        #: rows written by update_colors since creation (tests check O(changed))
        self.writes = 0
        self.symbols = [SymbolActor(renderer, f) for f in FAMILIES]
        self._view_height = 0

    # ---- content -----------------------------------------------------------------------------
    def set(self, ids: Sequence[str], xyz: np.ndarray, rgba: np.ndarray,
            sizes: np.ndarray | None = None, family: np.ndarray | None = None) -> None:
        """``family``: index into FAMILIES per device (default: all the first family)."""
        xyz = np.asarray(xyz, dtype=np.float64).reshape(-1, 3)
        if len(ids) != len(xyz):
            raise ValueError(f"{len(ids)} ids but {len(xyz)} positions")
        n = len(xyz)
        self.ids = list(ids)
        self.xyz = xyz
        self.sizes = (np.ones(n, dtype=np.float32) if sizes is None
                      else np.asarray(sizes, dtype=np.float32).reshape(n).copy())
        self.family = (np.zeros(n, dtype=np.int8) if family is None
                       else np.asarray(family, dtype=np.int8).reshape(n))
        self.row = np.zeros(n, dtype=np.int64)
        self._gain = np.array([s.gain for s in self.symbols], dtype=np.float32)[self.family]
        colors = _as_rgba(rgba, n)
        for f, symbol in enumerate(self.symbols):
            members = np.flatnonzero(self.family == f)
            self.row[members] = np.arange(len(members))
            symbol.set(xyz[members], colors[members], self.sizes[members] * self.diameter_m)

    def members(self, family: int) -> np.ndarray:
        """Global indices of the devices of one family, in row order."""
        return np.flatnonzero(self.family == family)

    @property
    def rgba(self) -> np.ndarray:
        """The current colours (N, 4), gathered from the families (a copy, O(N): for
        tests and tools, never for drawing)."""
        out = np.zeros((len(self.ids), 4), dtype=np.uint8)
        for f, symbol in enumerate(self.symbols):
            mask = self.family == f
            out[mask] = symbol.rgba[self.row[mask]]
        out.flags.writeable = False
        return out

    def update_colors(self, indices: np.ndarray, rgba: np.ndarray,
                      sizes: np.ndarray | None = None) -> None:
        """Write rows ``indices`` of the colours (and relative sizes, when given)."""
        indices = np.asarray(indices, dtype=np.int64).reshape(-1)
        if indices.size == 0:
            return
        colors = _as_rgba(rgba, indices.size)
        if sizes is not None:
            self.sizes[indices] = sizes
        fam = self.family[indices]
        for f in np.unique(fam):  # at most len(FAMILIES) passes, each O(its rows)
            pick = fam == f
            rows = self.row[indices[pick]]
            diameters = (None if sizes is None
                         else self.sizes[indices[pick]] * self.diameter_m)
            self.symbols[f].write(rows, colors[pick], diameters)
        self.writes += indices.size

    def fit_to_camera(self, renderer: vtkRenderer) -> None:
        """Keep symbols at least ``min_px`` across at the focal distance: true size up close,
        enlarged in the overview so a tower's devices do not vanish into single pixels."""
        camera = renderer.GetActiveCamera()
        height = max(renderer.GetSize()[1], 1)
        if height != self._view_height:
            self._view_height = height
            for symbol in self.symbols:
                symbol.set_view_height(height)
        if camera.GetParallelProjection():
            px_per_m = height / (2.0 * camera.GetParallelScale())
        else:
            px_per_m = height / (2.0 * camera.GetDistance()
                                 * np.tan(np.radians(camera.GetViewAngle()) / 2.0))
        scale = max(1.0, self.min_px / (px_per_m * self.diameter_m))
        if abs(scale - self.zoom_scale) > 0.02 * self.zoom_scale:
            self.zoom_scale = scale
            for symbol in self.symbols:
                symbol.mapper.SetScaleFactor(0.5 * scale * symbol.gain)

    # ---- projection and picking ---------------------------------------------------------------
    def project(self, renderer: vtkRenderer, xyz: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
        """Display coordinates (N, 2), origin bottom-left, and eye distance (N,) of points;
        points behind the camera get distance ``inf``."""
        pts = self.xyz if xyz is None else np.asarray(xyz, dtype=np.float64).reshape(-1, 3)
        camera = renderer.GetActiveCamera()
        matrix = camera.GetCompositeProjectionTransformMatrix(
            renderer.GetTiledAspectRatio(), -1.0, 1.0)
        m = np.array([[matrix.GetElement(r, c) for c in range(4)] for r in range(4)])
        clip = np.column_stack([pts, np.ones(len(pts))]) @ m.T
        w = clip[:, 3]
        safe = np.where(np.abs(w) < 1e-12, 1e-12, w)
        ndc = clip[:, :2] / safe[:, None]
        width, height = renderer.GetSize()
        ox, oy = renderer.GetOrigin()
        display = np.column_stack([(ndc[:, 0] + 1.0) * 0.5 * width + ox,
                                   (ndc[:, 1] + 1.0) * 0.5 * height + oy])
        eye = np.asarray(camera.GetPosition())
        dist = np.linalg.norm(pts - eye, axis=1)
        dist[w <= 0] = np.inf
        return display, dist

    def pick(self, renderer: vtkRenderer, x: float, y: float, slack_px: float = 4.0
             ) -> int | None:
        """Index of the device drawn under display point (x, y), or None.

        Among devices whose symbol covers the point, the one nearest the eye wins; otherwise the
        one nearest on screen within its symbol's radius plus ``slack_px``.
        """
        if not len(self.xyz):
            return None
        display, dist = self.project(renderer)
        camera = renderer.GetActiveCamera()
        height = renderer.GetSize()[1]
        if camera.GetParallelProjection():
            px_per_m = height / (2.0 * camera.GetParallelScale())
            radius = np.full(len(dist), 0.0) + px_per_m
        else:
            px_per_m = height / (2.0 * np.tan(np.radians(camera.GetViewAngle()) / 2.0))
            radius = px_per_m / np.maximum(dist, 1e-6)
        radius = radius * self.sizes * self._gain * self.diameter_m * self.zoom_scale / 2.0
        # a hidden device (kind switched off, another floor in x-ray) has size 0
        visible = np.isfinite(dist) & (self.sizes > 0)
        off = np.hypot(display[:, 0] - x, display[:, 1] - y)
        covered = np.flatnonzero(visible & (off <= radius))
        if covered.size:
            return int(covered[np.argmin(dist[covered])])
        near = np.flatnonzero(visible & (off <= radius + slack_px))
        if near.size:
            return int(near[np.argmin(off[near])])
        return None


def _as_rgba(rgba: np.ndarray, n: int) -> np.ndarray:
    rgba = np.asarray(rgba, dtype=np.uint8)
    if rgba.ndim == 1:
        rgba = np.broadcast_to(rgba, (n, rgba.shape[0]))
    if rgba.shape[-1] == 3:
        rgba = np.column_stack([rgba, np.full(len(rgba), 255, dtype=np.uint8)])
    return rgba
