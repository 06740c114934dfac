"""SceneView: the VTK compound view as a presentational Qt widget (no app/ import).

It takes plain data — numpy arrays, tuples, dicts — and draws the site: ground, lawns,
roads, buildings extruded from footprints with floor bands (basements translucent below
ground), and every device as one glyph actor per symbol family (shape by kind, colour by
status: ``scene_symbols``, ``scene_devices``). Status changes write single rows of the
colour arrays (``update_device_colors``); nothing is rebuilt. Picking projects positions
(``scene_pointer``): a click emits ``sig_device_picked`` / ``sig_camera_picked`` or the
building (``sig_building_picked``, plus ``sig_floor_picked`` in x-ray mode); a resting
pointer emits ``sig_hovered``. The optional families (pipes, camera frustums, parking,
gates, chargers, technicians, floor heat, labels, north arrow and scale bar) live in their
own scene_* / vtk_* modules. ``grab_image`` reads the back buffer with
vtkWindowToImageFilter, because QWidget.grab() does not capture OpenGL.

Why translucent site surfaces: devices sit inside towers and in the basement garage, so
building walls and the ground are see-through (blended without depth writes, drawn after
the opaque device glyphs) and the floor bands / corner edges carry the 3D shape.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  (registers the OpenGL backend)
from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget
from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor
from vtkmodules.util import numpy_support
from vtkmodules.vtkInteractionStyle import vtkInteractorStyleTerrain
from vtkmodules.vtkRenderingCore import vtkActor, vtkRenderer, vtkWindowToImageFilter

from widgets import scene_layers, scene_networks
from widgets.gl_renderer import multisamples_for_this_machine
from widgets.scene_camera import CameraFlight, overview_pose, view_direction
from widgets.scene_cctv import CameraFrusta
from widgets.scene_devices import DeviceGlyphs
from widgets.scene_heat import FloorHeat
from widgets.scene_labels import LabelPool
from widgets.scene_layers import STATUS_RGB
from widgets.scene_markers import RouteLines, StateCells, TechnicianMarkers
from widgets.scene_pointer import Hit, PointerWatch, ScenePicking
from widgets.scene_symbols import family_codes
from widgets.scene_xray import BuildingSet, XRay
from widgets.vtk_compass import Compass
from widgets.vtk_legend import Legend
from widgets.vtk_watermark import Watermark

__all__ = ["STATUS_RGB", "Hit", "SceneView"]


class SceneView(ScenePicking, QWidget):
    sig_device_picked = Signal(str)
    sig_camera_picked = Signal(str)
    sig_building_picked = Signal(str)
    sig_floor_picked = Signal(str, int)  # building id, floor under the cursor (x-ray only)
    sig_rendered = Signal()  # after every completed frame (first live frame, FPS meters)
    #: the pointer rested on something (a Hit) or left it (None); global screen position
    sig_hovered = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None, *, device_diameter_m: float = 0.8
                 ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._vtk = QVTKRenderWindowInteractor(self)
        layout.addWidget(self._vtk)
        self.renderer = vtkRenderer()
        scene_layers.style_renderer(self.renderer)
        self.render_window = self._vtk.GetRenderWindow()
        self.render_window.SetMultiSamples(multisamples_for_this_machine())
        self.render_window.AddRenderer(self.renderer)
        self.render_window.AddObserver("EndEvent", self._on_vtk_frame_end)
        # dot size follows the zoom whichever way the camera moved (style, flight, code)
        self.renderer.AddObserver("StartEvent", self._on_vtk_frame_start)
        self.interactor = self._vtk.GetRenderWindow().GetInteractor()
        self.interactor.SetInteractorStyle(vtkInteractorStyleTerrain())
        self.pointer = PointerWatch(self, self._vtk)  # clicks and hovers (scene_pointer)
        self.interactor.AddObserver("MouseWheelForwardEvent", self._on_vtk_wheel, 1.0)
        self.interactor.AddObserver("MouseWheelBackwardEvent", self._on_vtk_wheel, 1.0)
        self.layers = scene_layers.LayerStack(self.renderer)
        self.devices = DeviceGlyphs(self.renderer, device_diameter_m)
        self.legend = Legend(self.renderer)
        self._highlight = scene_layers.Highlight(self.renderer)
        self.labels = LabelPool(self.renderer)
        self.compass = Compass(self.renderer)
        self.watermark = Watermark(self.renderer)  # training: drawn in every 3D frame
        self.frusta = CameraFrusta(self.renderer, self.layers)
        self.buildings = BuildingSet([])
        self.xray = XRay(self.renderer, self.layers)
        self.heat = FloorHeat(self.layers)
        self.technicians: TechnicianMarkers | None = None
        self.routes: RouteLines | None = None
        self.construction = None  # GroundZones, made when a camera has zones
        self._flight = CameraFlight(self.renderer.GetActiveCamera, self._after_camera_move,
                                    self)
        self._initialized = False
        self._shut = False  # the GL surface was released: never draw again

    # ---- site content ------------------------------------------------------------------------
    def set_ground(self, bounds: Sequence[Sequence[float]]) -> None:
        """``bounds``: ((xmin, ymin), (xmax, ymax)) of the site in metres."""
        self.layers.set_ground(bounds)

    def add_polygons(self, layer: str, polygons: Sequence[np.ndarray], z: float,
                     color: Sequence[float], opacity: float = 0.8) -> vtkActor:
        """Flat filled polygons (lawns, plazas, parking bays) in a named layer; ``color``
        as RGB 0–1 or 0–255."""
        return self.layers.add_polygons(layer, polygons, z, color, opacity)

    def add_roads(self, centerlines: Sequence[np.ndarray], widths: Sequence[float],
                  z: float = 0.06) -> vtkActor:
        return self.layers.add_roads(centerlines, widths, z)

    def add_buildings(self, buildings: Sequence[Mapping]) -> None:
        """Each dict: id, footprint (N,2), base_z, floors, floor_height, basements, use."""
        self.layers.add_buildings(buildings)
        self.buildings = bs = BuildingSet(buildings)
        self.heat.build(bs.ids, bs.footprints, [
            [(f, bs.floor_z(i, f), bs.floor_z(i, f) + bs.fh[i]) for f in bs.floor_numbers(bid)]
            for i, bid in enumerate(bs.ids)])

    def add_pipes(self, networks: Mapping[str, Sequence[np.ndarray]]) -> None:
        """network → (n, 3) paths; one tube actor per network, layer ``pipes_<network>``."""
        scene_networks.add_networks(self.layers, networks)

    def set_cameras(self, ids: Sequence[str], xyz: np.ndarray, yaw_deg, pitch_deg, hfov_deg,
                    vfov_deg, range_m) -> None:
        """Surveillance cameras and their frustums (layer ``cameras``)."""
        self.frusta.set(ids, xyz, yaw_deg, pitch_deg, hfov_deg, vfov_deg, range_m)

    def add_state_quads(self, layer: str, quads: Sequence[np.ndarray], z: Sequence[float],
                        rgb: Sequence[int]) -> StateCells:
        """Flat quads, each recolourable on its own (parking spaces by occupancy)."""
        return StateCells.quads(self.layers, layer, quads, z, rgb)

    def add_state_segments(self, layer: str, a: np.ndarray, b: np.ndarray,
                           rgb: Sequence[int], width: float = 4.0) -> StateCells:
        """Thick segments, each recolourable (gate arms, charger posts)."""
        return StateCells.segments(self.layers, layer, a, b, rgb, width)

    def set_construction(self, zones: Sequence[tuple[np.ndarray, str]],
                         changes: Sequence[tuple]) -> None:
        """Construction zones on the ground ((k, 2) site metres, kind) and changes at their
        place ((x, y, still open[, z])), layer ``construction``."""
        if self.construction is None:
            from widgets.scene_zones import GroundZones

            self.construction = GroundZones(self.layers)
        self.construction.set_zones(zones)
        self.construction.set_changes(changes)

    def set_technicians(self, positions: Mapping[str, Sequence[float]]) -> None:
        if self.technicians is None:
            self.technicians = TechnicianMarkers(self.layers)
        self.technicians.set(dict(positions))

    def set_route(self, tech_id: str, points: Sequence[Sequence[float]] | None) -> None:
        """Draw (or, with None, remove) one technician's walking route."""
        if self.routes is None:
            self.routes = RouteLines(self.layers)
        self.routes.set(tech_id, points)

    def set_labels(self, rows: Sequence[tuple[Sequence[float], str, Sequence[int]]]) -> None:
        """(xyz, text, frame rgb) rows, most important first; at most ``labels.cap`` shown."""
        self.labels.set(rows)

    def set_xray(self, building_id: str | None, floor: int | None = None) -> None:
        """Open ``floor`` of ``building_id`` (others ghosted); None closes the x-ray."""
        self.xray.set(self.buildings, building_id, floor)

    def set_heat_visible(self, visible: bool) -> None:
        """Floors coloured by value instead of the plain glass walls."""
        self.layers.set_visible("heat", visible)
        self.layers.set_visible("buildings", not visible)
    def set_layer_visible(self, layer: str, visible: bool) -> None:
        self.layers.set_visible(layer, visible)

    # ---- devices -----------------------------------------------------------------------------
    def set_devices(self, ids: Sequence[str], xyz: np.ndarray, sizes: np.ndarray | None = None,
                    rgba: np.ndarray | None = None, kinds: Sequence[str] | None = None
                    ) -> None:
        """All devices at once (replaces any previous set); colour defaults to 'unknown'.
        ``kinds`` (device kinds) choose each symbol's shape (``scene_symbols``); without
        them every device is drawn as a sensor ball."""
        n = len(ids)
        colors = (np.tile(np.array([*STATUS_RGB["unknown"], 255], dtype=np.uint8), (n, 1))
                  if rgba is None else rgba)
        family = None if kinds is None else family_codes(kinds)
        self.devices.set(ids, xyz, colors, sizes, family)

    def update_device_colors(self, indices: np.ndarray, rgba: np.ndarray,
                             sizes: np.ndarray | None = None) -> None:
        """Write only rows ``indices`` of the colour array ((k,3) or (k,4) uint8), and of
        the relative dot sizes when given (so alarms can stand out from normal dots)."""
        self.devices.update_colors(indices, rgba, sizes)

    def set_legend(self, entries: Sequence[tuple[str, Sequence[int]]],
                   title: str | None = None) -> None:
        """(label, (r, g, b)) rows; labels come translated from the caller."""
        self.legend.set_entries(entries, title)

    def set_symbol_legend(self, rows: Sequence[tuple[str, str]],
                          title: str | None = None) -> None:
        """(label, family) rows beside the status legend: each family's shape in grey."""
        self.legend.set_symbols(rows, title)

    def set_highlight(self, xyz: Sequence[float] | None) -> None:
        """Ring + pin around one position (the selected device); None removes it."""
        self._highlight.set(xyz, self.devices.diameter_m)

    # ---- camera ------------------------------------------------------------------------------
    def reset_view(self) -> None:
        """Oblique overview of everything drawn (towers seen from the south-west)."""
        self._flight.finish()
        bounds = self.layers.bounds(self.devices.xyz)
        cam = self.renderer.GetActiveCamera()
        w, h = self.render_window.GetSize()
        focal, eye = overview_pose(bounds, cam.GetViewAngle(), w / max(h, 1))
        cam.SetFocalPoint(*focal)
        cam.SetPosition(*eye)
        cam.SetViewUp(0.0, 0.0, 1.0)
        self._after_camera_move()

    def fly_to(self, xyz: Sequence[float], distance: float = 70.0,
               duration_ms: int = 600, elevation_deg: float | None = None) -> None:
        """Smoothly move the camera to look at ``xyz`` from ``distance`` metres, keeping the
        current bearing (elevation at least 25° so the target is not hidden by the ground)."""
        self._flight.finish()
        cam = self.renderer.GetActiveCamera()
        d = np.asarray(cam.GetPosition()) - np.asarray(cam.GetFocalPoint())
        az = np.degrees(np.arctan2(d[0], -d[1]))
        el = max(np.degrees(np.arcsin(d[2] / max(np.linalg.norm(d), 1e-9))), 25.0) \
            if elevation_deg is None else elevation_deg
        target = np.asarray(xyz, dtype=np.float64)
        self._flight.start(target, target + view_direction(az, el) * distance, duration_ms)

    def frame_box(self, bounds: Sequence[float], elevation_deg: float = 55.0,
                  duration_ms: int = 600) -> None:
        """Fly so the box (xmin, xmax, ymin, ymax, zmin, zmax) fills most of the view."""
        b = np.asarray(bounds, dtype=np.float64).reshape(3, 2)
        radius = 0.5 * float(np.linalg.norm(b[:, 1] - b[:, 0]))
        half = np.radians(self.renderer.GetActiveCamera().GetViewAngle()) / 2.0
        self.fly_to(b.mean(axis=1), max(radius / np.sin(half) * 1.25, 15.0), duration_ms,
                    elevation_deg=elevation_deg)

    def camera_pose(self) -> dict[str, list[float]]:
        cam = self.renderer.GetActiveCamera()
        return {"focal": list(cam.GetFocalPoint()), "position": list(cam.GetPosition())}

    def set_camera_pose(self, pose: Mapping[str, Sequence[float]],
                        duration_ms: int = 600) -> None:
        self._flight.finish()
        self._flight.start(pose["focal"], pose["position"], duration_ms)

    @property
    def camera_flight(self) -> CameraFlight:
        return self._flight

    # ---- frames ------------------------------------------------------------------------------
    def render(self) -> None:
        """Render now (on the GUI thread); the view is small enough that coalescing is not
        worth a frame of latency. A hidden view is not drawn: a closed window keeps its
        widgets (and their timers: flights, ticks) until deleted, and drawing into its
        destroyed GL surface crashes."""
        if self._shut or not self.isVisible():
            return
        if not self._initialized:
            self._vtk.Initialize()
            self._initialized = True
        self.render_window.Render()

    def grab_image(self) -> np.ndarray:
        """The 3D view as an (H, W, 3) uint8 array, top row first."""
        self.render()
        grabber = vtkWindowToImageFilter()
        grabber.SetInput(self.render_window)
        grabber.SetInputBufferTypeToRGB()
        grabber.ReadFrontBufferOff()  # the back buffer holds the frame just rendered
        grabber.ShouldRerenderOff()
        grabber.Update()
        image = grabber.GetOutput()
        w, h, _ = image.GetDimensions()
        pixels = numpy_support.vtk_to_numpy(image.GetPointData().GetScalars())
        return np.ascontiguousarray(pixels.reshape(h, w, 3)[::-1])

    def shutdown(self) -> None:
        """Release the OpenGL surface before Qt destroys the native window. A child widget
        gets no closeEvent when its window closes, so the owner calls this; without it VTK
        later draws into, or frees, a window that no longer exists (a crash)."""
        if self._shut:
            return
        self._shut = True
        self._flight.finish()
        self._vtk.Finalize()
        # VTK holds its observers (bound methods, here and in QVTKRenderWindowInteractor) as
        # strong references back to these widgets: a cycle only the cyclic garbage collector
        # frees, at any later moment, from any thread, possibly inside another window's
        # render (a segfault in the GL driver). Without them, the render window and all it
        # draws are freed when Qt deletes the widget, on the GUI thread.
        for source in (self.render_window, self.renderer, self.interactor):
            source.RemoveAllObservers()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.shutdown()
        super().closeEvent(event)

    # ---- internals ---------------------------------------------------------------------------
    def _after_camera_move(self) -> None:
        self.renderer.ResetCameraClippingRange()
        self.render()

    def _on_vtk_frame_start(self, _obj, _event) -> None:
        self.devices.fit_to_camera(self.renderer)
        cam = self.renderer.GetActiveCamera()
        project = self.devices.project
        height = max(self.renderer.GetSize()[1], 1)
        px_per_m = height / (2.0 * cam.GetDistance() * np.tan(np.radians(cam.GetViewAngle()) / 2))
        self.compass.update(lambda p: project(self.renderer, p)[0],
                            np.asarray(cam.GetFocalPoint()), px_per_m)
        if self.labels.texts:
            display, dist = project(self.renderer, self.labels.xyz)
            self.labels.declutter(display, ~np.isfinite(dist))

    def _on_vtk_frame_end(self, _obj, _event) -> None:
        self.sig_rendered.emit()

    def _on_vtk_wheel(self, obj, event) -> None:
        # the terrain style has no wheel zoom; dolly towards the focal point
        cam = self.renderer.GetActiveCamera()
        cam.Dolly(1.15 if event == "MouseWheelForwardEvent" else 1 / 1.15)
        self._after_camera_move()
