"""Device symbol families: which shape each device kind is drawn as, and the shapes.

The shape tells the operator *what* a device is, the colour *how* it is doing. The 21 kinds
of CONTRACTS fall into five families with silhouettes that stay distinct down to ~9 px:

============ ========== =====================================================================
family       shape      kinds
============ ========== =====================================================================
sensor       ball       pipe_pressure, water_tank_level, manhole_cover, parking_space
meter        square     water_meter, power_meter, heat_meter
safety       triangle   gas_detector, smoke_detector, fire_hydrant_pressure, sprinkler_valve,
                        panic_button  (life safety: the warning-sign shape)
plant        bow tie    elevator, water_pump, transformer, lighting_circuit, ev_charger
                        (machinery an engineer services: the valve symbol of P&I diagrams)
security     ring       door_access, barrier_gate, camera, microphone  (a lens: watches or
                        controls who comes in)
============ ========== =====================================================================

A kind not listed (a newer scene) is drawn as a sensor. Technicians keep the white-rimmed
diamond (``scene_markers``), a shape no device family uses.

Each family is ONE vtkPointGaussianMapper actor: a camera-facing quad per device whose
fragment shader cuts the silhouette out of the quad (signed distance ``d`` < 0 inside),
lights it from the upper left and darkens a thin rim so neighbouring symbols and light
backgrounds (glass, lawns) keep their edges. ``BoundScale`` (1–1.34) makes the quad just
hold the symbol: VTK's default (3, made for gaussian blobs) sends 5–9x the fragments.
"""

from __future__ import annotations

import numpy as np
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkPoints, vtkUnsignedCharArray
from vtkmodules.vtkCommonDataModel import vtkPolyData
from vtkmodules.vtkRenderingCore import vtkActor, vtkPointGaussianMapper, vtkRenderer

FAMILIES: tuple[str, ...] = ("sensor", "meter", "safety", "plant", "security")

KIND_FAMILY: dict[str, str] = {
    "pipe_pressure": "sensor", "water_tank_level": "sensor", "manhole_cover": "sensor",
    "parking_space": "sensor",
    "water_meter": "meter", "power_meter": "meter", "heat_meter": "meter",
    "gas_detector": "safety", "smoke_detector": "safety", "fire_hydrant_pressure": "safety",
    "sprinkler_valve": "safety", "panic_button": "safety",
    "elevator": "plant", "water_pump": "plant", "transformer": "plant",
    "lighting_circuit": "plant", "ev_charger": "plant",
    "door_access": "security", "barrier_gate": "security", "camera": "security",
    "microphone": "security",
}


def family_of(kind: str) -> str:
    return KIND_FAMILY.get(kind, "sensor")


def family_codes(kinds) -> np.ndarray:  # noqa: ANN001 (any iterable of kind strings)
    """Index into FAMILIES of each kind, as int8."""
    index = {f: i for i, f in enumerate(FAMILIES)}
    return np.fromiter((index[family_of(str(k))] for k in kinds), dtype=np.int8)


# ---- shapes: signed distance in splat units (the quad spans -1..1), negative inside --------
_SDF = {
    "sensor": "float d = length(p) - 1.0;",
    "meter": "float d = max(abs(p.x), abs(p.y)) - 0.86;",
    # apex up at (0, 1), base corners at (+-1, -0.82); edge normals (+-0.877, 0.480)
    "safety": "float d = max(-0.82 - p.y, 0.877 * abs(p.x) + 0.480 * (p.y - 1.0));",
    # two triangles meeting at a waist (the P&ID valve), |x| <= 0.96
    "plant": "float d = max(abs(p.x) - 0.96, "
             "(abs(p.y) - 0.34 - 0.62 * abs(p.x)) * 0.850);",
    "security": "float d = length(p) - 1.0;",
}

#: lighting of the face: a ball is shaded as a sphere, flat symbols get a gentle gradient
_LIGHT = {
    "sphere": """float nz = sqrt(max(1.0 - dot(p, p), 0.0));
float light = 0.58 + 0.47 * max(dot(normalize(vec3(-0.35, 0.45, 1.0)), vec3(p, nz)), 0.0);""",
    "flat": "float light = 0.86 + 0.20 * dot(p, vec2(-0.6, 0.8));",
}

#: size of each family's symbol relative to the device diameter: a triangle or a bow tie
#: fills less of its box than a ball, so they are drawn a little larger to weigh the same
GAIN: dict[str, float] = {"sensor": 1.0, "meter": 1.0, "safety": 1.18, "plant": 1.1,
                          "security": 1.0}

#: half-size of each family's quad in splat units: the farthest corner of the symbol, since
#: the quad may be turned any way on screen (see _TEMPLATE); round symbols need only 1
BOUND: dict[str, float] = {"sensor": 1.0, "meter": 1.22, "safety": 1.29, "plant": 1.34,
                           "security": 1.0}

# VTK 9.4+ draws each splat as a quad along the eigenvectors of its projected covariance:
# for a round splat that frame is arbitrary (it turns with the position on screen), so the
# splat coordinates are first turned back to screen axes. They are an affine function of
# the pixel position over the quad, so their screen derivatives J give p0 = J * s for the
# pixel offset s from the centre; s / (pixels per splat unit) is the upright position.
_TEMPLATE = """//VTK::Color::Impl
vec2 p0 = offsetVCVSOutput.xy;
vec2 ddx = dFdx(p0);
vec2 ddy = dFdy(p0);
float det = ddx.x * ddy.y - ddy.x * ddx.y;
float unit = sqrt(abs(det));  // splat units per pixel
vec2 p = vec2(ddy.y * p0.x - ddy.x * p0.y, ddx.x * p0.y - ddx.y * p0.x)
         * (unit / (abs(det) > 1e-12 ? det : 1e-12));
{sdf}
if (d > 0.0) {{ discard; }}
{light}
float rim = min(1.3 * unit, 0.24);
{depth}
if (d > -rim) {{ light *= 0.32; }}
{extra}
diffuseColor = diffuseColor * light;
ambientColor = ambientColor * light;
"""

# the ring's lens: a dark centre (drawn, not discarded: it is part of the symbol)
_RING_HOLE = "if (length(p) < 0.44) { light = 0.10; }"


# The quad is drawn at its centre's depth, so a symbol standing on the ground had its lower
# half under the (translucent) ground, roads and parking bays, and read as a dome. Its
# depth is pulled towards the eye by its own radius, as if it were the front of a ball:
# view z from the window depth through the projection (perspective or parallel), the
# radius from pixels (1 / unit) at that depth, then back to a window depth.
_DEPTH = """float ndc = 2.0 * gl_FragCoord.z - 1.0;
mat4 P = VCDCMatrix;
float zv = (P[3][2] - ndc * P[3][3]) / (ndc * P[2][3] - P[2][2]);
float wv = P[2][3] * zv + P[3][3];
float zf = zv + 2.0 * wv / (P[1][1] * viewHeight * unit);
gl_FragDepth = clamp(0.5 * (P[2][2] * zf + P[3][2]) / (P[2][3] * zf + P[3][3]) + 0.5,
                     0.0, gl_FragCoord.z);"""


def splat_shader(family: str) -> str:
    light = _LIGHT["sphere" if family in ("sensor", "security") else "flat"]
    extra = _RING_HOLE if family == "security" else ""
    return _TEMPLATE.format(sdf=_SDF[family], light=light, extra=extra, depth=_DEPTH)


def outline(family: str, n: int = 40) -> list[np.ndarray]:
    """The symbol as convex 2D polygons in splat units (for legends): the bow tie as its
    two halves; the ring as its disc followed by its dark lens."""
    t = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    circle = np.column_stack([np.cos(t), np.sin(t)])
    if family == "meter":
        s = 0.86
        return [np.array([(-s, -s), (s, -s), (s, s), (-s, s)])]
    if family == "safety":
        return [np.array([(-1.0, -0.82), (1.0, -0.82), (0.0, 1.0)])]
    if family == "plant":
        w, a, b = 0.96, 0.34, 0.62
        h = a + b * w
        left = np.array([(-w, -h), (0.0, -a), (0.0, a), (-w, h)])
        return [left, left * (-1.0, 1.0)]  # two convex halves (2D mappers fan-triangulate)
    if family == "security":
        return [circle, circle * 0.44]
    return [circle]


class SymbolActor:
    """One family's devices: points, a relative-size array and an RGBA array whose memory
    is shared with numpy (rows are written in place), drawn by one gaussian-mapper actor."""

    def __init__(self, renderer: vtkRenderer, family: str) -> None:
        self.family = family
        self.gain = GAIN[family]
        self.data = vtkPolyData()
        self.colors = vtkUnsignedCharArray()
        self.colors.SetName("rgba")
        self.colors.SetNumberOfComponents(4)
        self.rgba = np.zeros((0, 4), dtype=np.uint8)
        self.scale = np.zeros(0, dtype=np.float32)
        self._scale_array = None
        self.mapper = vtkPointGaussianMapper()
        self.mapper.SetInputData(self.data)
        self.mapper.SetScaleArray("size")
        self.mapper.SetScaleFactor(0.5 * self.gain)  # the array holds diameters
        self.mapper.SetBoundScale(BOUND[family])  # the quad just holds the symbol
        self.mapper.EmissiveOff()
        self.mapper.SetSplatShaderCode(splat_shader(family))
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
        self.actor.SetPickable(False)  # picking is done by projection (DeviceGlyphs.pick)
        shading = self.actor.GetShaderProperty()
        shading.AddFragmentShaderReplacement(  # the projection, for the depth (see _DEPTH)
            "//VTK::Color::Dec", True, "//VTK::Color::Dec\nuniform mat4 VCDCMatrix;", False)
        self._uniforms = shading.GetFragmentCustomUniforms()
        self.set_view_height(1)
        renderer.AddActor(self.actor)

    def set_view_height(self, pixels: int) -> None:
        """The viewport's height, which turns the symbol's pixel size into metres."""
        self._uniforms.SetUniformf("viewHeight", float(pixels))

    def set(self, xyz: np.ndarray, rgba: np.ndarray, diameters: np.ndarray) -> None:
        n = len(xyz)
        points = vtkPoints()
        points.SetData(numpy_support.numpy_to_vtk(
            np.ascontiguousarray(xyz, dtype=np.float32).reshape(n, 3), deep=True))
        self.data.SetPoints(points)
        self._scale_array = numpy_support.numpy_to_vtk(
            np.ascontiguousarray(diameters, dtype=np.float32), deep=True)
        self._scale_array.SetName("size")
        self.data.GetPointData().AddArray(self._scale_array)
        self.scale = numpy_support.vtk_to_numpy(self._scale_array)
        self.colors.SetNumberOfTuples(n)
        self.rgba = numpy_support.vtk_to_numpy(self.colors).reshape(n, 4)
        self.rgba[:] = rgba
        self.data.GetPointData().AddArray(self.colors)
        self.actor.SetVisibility(n > 0)  # an empty splat actor still costs a draw call
        self.colors.Modified()
        self.data.Modified()

    def write(self, rows: np.ndarray, rgba: np.ndarray,
              diameters: np.ndarray | None = None) -> None:
        self.rgba[rows] = rgba
        self.colors.Modified()
        if diameters is not None:
            self.scale[rows] = diameters
            self._scale_array.Modified()
