"""All devices as ONE glyph actor, coloured per point, and picked by projection.

The colours live in a single ``vtkUnsignedCharArray`` (RGBA) whose memory is shared with a
numpy view, so a status change writes exactly the changed rows and marks the array
Modified; the actor, mapper and points are never rebuilt. Picking projects the device
positions with the camera's composite matrix in numpy (O(N) vector maths, a few ms for
100k points) instead of a render-pass selector, which keeps it fast in software rendering
and deterministic in tests.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkPoints, vtkUnsignedCharArray
from vtkmodules.vtkCommonDataModel import vtkPolyData
from vtkmodules.vtkRenderingCore import vtkActor, vtkPointGaussianMapper, vtkRenderer

# a lit sphere drawn in a square splat: discard outside the disc, shade by the implied
# normal (x, y on the disc, z towards the viewer) with a rim darkening for contrast
_SPHERE_SPLAT = """//VTK::Color::Impl
float dist2 = dot(offsetVCVSOutput.xy, offsetVCVSOutput.xy);
if (dist2 > 1.0) { discard; }
float nz = sqrt(1.0 - dist2);
float light = 0.45 + 0.55 * max(dot(normalize(vec3(-0.35, 0.45, 1.0)),
                                     vec3(offsetVCVSOutput.xy, nz)), 0.0);
diffuseColor = diffuseColor * light;
ambientColor = ambientColor * light;
"""

#: default glyph diameter in metres: a dot readable at compound scale, not a blob up close
DEVICE_DIAMETER_M = 0.8


class DeviceGlyphs:
    """One polydata + glyph mapper + actor holding every device."""

    def __init__(self, renderer: vtkRenderer, diameter_m: float = DEVICE_DIAMETER_M) -> None:
        self.diameter_m = diameter_m
        #: glyph scale on top of diameter_m, raised when zoomed out (see fit_to_camera)
        self.zoom_scale = 1.0
        self.min_px = 7.0
        self.ids: list[str] = []
        self.xyz = np.zeros((0, 3), dtype=np.float64)
        self.sizes = np.ones(0, dtype=np.float32)
        #: rows written by update_colors since creation (tests check O(changed))
        self.writes = 0
        self.data = vtkPolyData()
        self.colors = vtkUnsignedCharArray()
        self.colors.SetName("rgba")
        self.colors.SetNumberOfComponents(4)
        self._rgba = np.zeros((0, 4), dtype=np.uint8)
        # one camera-facing quad per device, shaded as a sphere in the fragment shader:
        # ~60x cheaper in software rendering than instanced sphere meshes
        self.mapper = vtkPointGaussianMapper()
        self.mapper.SetInputData(self.data)
        self.mapper.SetScaleArray("size")
        self.mapper.SetScaleFactor(0.5)  # the array holds diameters
        self.mapper.EmissiveOff()
        self.mapper.SetSplatShaderCode(_SPHERE_SPLAT)
        self.mapper.SetScalarModeToUsePointFieldData()
        self.mapper.SelectColorArray("rgba")
        self.mapper.SetColorModeToDirectScalars()
        self.mapper.ScalarVisibilityOn()
        self.actor = vtkActor()
        self.actor.SetMapper(self.mapper)
        prop = self.actor.GetProperty()
        prop.SetAmbient(0.35)  # keep status colours saturated on the shadowed side
        prop.SetDiffuse(0.75)
        prop.SetSpecular(0.15)
        self.actor.SetPickable(False)  # picking is done by projection, see pick()
        renderer.AddActor(self.actor)

    # ---- content -----------------------------------------------------------------------------
    def set(self, ids: Sequence[str], xyz: np.ndarray, rgba: np.ndarray,
            sizes: np.ndarray | None = None) -> None:
        xyz = np.asarray(xyz, dtype=np.float64).reshape(-1, 3)
        if len(ids) != len(xyz):
            raise ValueError(f"{len(ids)} ids but {len(xyz)} positions")
        self.ids = list(ids)
        self.xyz = xyz
        n = len(xyz)
        self.sizes = (np.ones(n, dtype=np.float32) if sizes is None
                      else np.asarray(sizes, dtype=np.float32).reshape(n))
        points = vtkPoints()
        points.SetData(numpy_support.numpy_to_vtk(xyz.astype(np.float32), deep=True))
        self.data.SetPoints(points)
        self._scale = numpy_support.numpy_to_vtk(self.sizes * self.diameter_m, deep=True)
        self._scale.SetName("size")
        self.data.GetPointData().AddArray(self._scale)
        self._scale_np = numpy_support.vtk_to_numpy(self._scale)
        self.colors.SetNumberOfTuples(n)
        # a numpy view onto the VTK array's memory: writes below touch only their rows
        self._rgba = numpy_support.vtk_to_numpy(self.colors).reshape(n, 4)
        self._rgba[:] = _as_rgba(rgba, n)
        self.data.GetPointData().AddArray(self.colors)
        self.colors.Modified()
        self.data.Modified()

    @property
    def rgba(self) -> np.ndarray:
        """Read-only view of the current colours (N, 4)."""
        view = self._rgba.view()
        view.flags.writeable = False
        return view

    def update_colors(self, indices: np.ndarray, rgba: np.ndarray,
                      sizes: np.ndarray | None = None) -> None:
        """Write rows ``indices`` of the colours (and relative sizes, when given)."""
        indices = np.asarray(indices, dtype=np.int64).reshape(-1)
        if indices.size == 0:
            return
        self._rgba[indices] = _as_rgba(rgba, indices.size)
        self.writes += indices.size
        self.colors.Modified()
        if sizes is not None:
            self.sizes[indices] = sizes
            self._scale_np[indices] = self.sizes[indices] * self.diameter_m
            self._scale.Modified()

    def fit_to_camera(self, renderer: vtkRenderer) -> None:
        """Keep dots at least ``min_px`` across at the focal distance: true size up close,
        enlarged in the overview so a tower's devices do not vanish into single pixels."""
        camera = renderer.GetActiveCamera()
        height = max(renderer.GetSize()[1], 1)
        if camera.GetParallelProjection():
            px_per_m = height / (2.0 * camera.GetParallelScale())
        else:
            px_per_m = height / (2.0 * camera.GetDistance()
                                 * np.tan(np.radians(camera.GetViewAngle()) / 2.0))
        scale = max(1.0, self.min_px / (px_per_m * self.diameter_m))
        if abs(scale - self.zoom_scale) > 0.02 * self.zoom_scale:
            self.zoom_scale = scale
            self.mapper.SetScaleFactor(0.5 * scale)

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

        Among devices whose dot covers the point, the one nearest the eye wins; otherwise the
        one nearest on screen within its dot radius plus ``slack_px``.
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
        radius = radius * self.sizes * self.diameter_m * self.zoom_scale / 2.0
        # a hidden device (kind switched off, another floor in x-ray) has size 0
        visible = np.isfinite(dist) & (self._rgba[:, 3] > 0) & (self.sizes > 0)
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
