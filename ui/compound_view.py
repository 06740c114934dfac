"""CompoundView: the engine's Scene, StateStore and alarms drawn live in a SceneView.

The adapter between app/ (Scene, StateStore, AlarmBook) and the presentational SceneView: it
turns the scene into plain arrays once, keeps device id → glyph index, and on a QTimer
(default 8 Hz, GUI thread) asks the store what changed since the last tick and recolours
only those glyphs. Alarm events arrive through a queued-signal bridge and recolour only
their device; unacknowledged alarms pulse on the same tick (only the alarmed rows are
written). Alarm changes are coalesced: each one only updates the per-device summary, and
the devices they touched are redrawn (dots, labels) once per ``ALARM_BATCH_MS``. Redrawn
per change, a burst of N changes cost N passes over every alarmed device, and a GUI
thread that fell behind its alarm stream held every queued change in memory (the wall
soak's growth). ``sig_first_live_frame`` fires once, after the first frame showing at
least one device with live data has actually been rendered (the --screenshot contract
waits for it).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.alarms.model import AlarmChanged
from app.domain.kinds import Level
from app.facade.room import AlarmReader
from app.scene.model import Scene
from app.state.store import StateStore
from ui.bridge import RoomBridge
from ui.compound_alarms import DeviceAlarms
from ui.compound_heat import floor_values
from ui.compound_layers import PIPE_NETWORKS, SiteLayers, parking_polygons
from ui.compound_status import (
    LEVEL_RGBA,
    LEVEL_SIZE,
    SEVERITY_RGB,
    DeviceLook,
    pulse_phase,
)
from ui.compound_view_legend import write_legends
from ui.compound_view_tooltip import HoverTips
from widgets.scene_layers import HIGHLIGHT_RGB
from widgets.scene_view import SceneView

#: how often alarm changes are applied to the dots and labels (a burst is one redraw)
ALARM_BATCH_MS = 100

__all__ = ["LEVEL_RGBA", "LEVEL_SIZE", "CompoundView", "parking_polygons", "scene_buildings"]

_LAWN_RGB = (0.16, 0.38, 0.22)
_SELECTED_RGB = tuple(int(c * 255) for c in HIGHLIGHT_RGB)


def scene_buildings(scene: Scene) -> list[dict]:
    return [dict(id=b.id, footprint=np.asarray(b.footprint, dtype=np.float64),
                 base_z=b.base_z, floors=b.floors, floor_height=b.floor_height_m,
                 basements=b.basements, use=b.use) for b in scene.buildings]


class CompoundView(QWidget):
    sig_device_picked = Signal(str)
    sig_camera_picked = Signal(str)
    sig_building_picked = Signal(str)
    sig_floor_picked = Signal(str, int)
    sig_xray_changed = Signal(str, int)  # building id ("" = x-ray off), floor
    sig_first_live_frame = Signal()

    def __init__(self, scene: Scene, store: StateStore, parent: QWidget | None = None,
                 refresh_hz: float = 8.0, *, level_rgba: np.ndarray | None = None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._store = store
        self._view = SceneView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._devices = tuple(scene.devices)
        self._ids = [d.id for d in scene.devices]
        self._index = {device_id: i for i, device_id in enumerate(self._ids)}
        self._xyz = np.array([d.location.xyz for d in scene.devices],
                             dtype=np.float64).reshape(-1, 3)
        self._kinds = np.array([d.kind for d in scene.devices], dtype=object)
        self.look = DeviceLook(len(self._ids), level_rgba)
        self.alarms = DeviceAlarms()
        self._pulsing = np.zeros(0, dtype=np.int64)
        self._version = -1  # forces a full refresh on the first tick
        self._live_pending = False
        self._first_live_done = False
        self._framed = False
        self.selected: str | None = None
        self.heat_metric: str | None = None
        self._heat_due = 0.0
        self._build()
        self.tips = HoverTips(self._view, scene, store, self.alarms)
        self._view.sig_device_picked.connect(self._on_device_picked)
        self._view.sig_camera_picked.connect(self.sig_camera_picked)
        self._view.sig_building_picked.connect(self.sig_building_picked)
        self._view.sig_floor_picked.connect(self._on_floor_picked)
        self._view.sig_rendered.connect(self._on_rendered)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self.set_refresh_hz(refresh_hz)
        self._alarmed: set[str] = set()  # devices whose alarms changed since the last batch
        self._alarm_batch = QTimer(self)
        self._alarm_batch.setSingleShot(True)
        self._alarm_batch.setInterval(ALARM_BATCH_MS)
        self._alarm_batch.timeout.connect(self._apply_alarm_batch)

    # ---- public API --------------------------------------------------------------------------
    @property
    def scene_view(self) -> SceneView:
        return self._view

    @property
    def scene(self) -> Scene:
        return self._scene

    def device_index(self, device_id: str) -> int | None:
        return self._index.get(device_id)

    def set_refresh_hz(self, hz: float) -> None:
        self._timer.start(max(1, round(1000.0 / max(hz, 0.1))))

    def refresh(self) -> None:
        """Apply store changes now (what the timer does each tick)."""
        self._on_tick()

    def attach_alarms(self, alarms: AlarmReader, bridge: RoomBridge) -> None:
        """Colour devices by their open alarms from now on: seeded with the open ones, then
        kept up to date by the process's bridge (changes arrive on the GUI thread)."""
        bridge.sig_alarm.connect(self._on_alarm_changed)
        self._restyle(self.alarms.seed(alarms.open_alarms()))

    def fly_to_device(self, device_id: str, distance: float = 60.0) -> bool:
        i = self._index.get(device_id)
        if i is None:
            return False
        loc = self._devices[i].location
        if self._view.xray.building is not None and (
                loc.building, loc.floor) != (self._view.xray.building, self._view.xray.floor):
            # a search result must be visible: open its floor, or leave x-ray for outdoors
            if loc.building in self._view.buildings.index and loc.floor is not None:
                self.set_xray(loc.building, loc.floor, frame=False)
            else:
                self.set_xray(None)
        self._view.fly_to(self._xyz[i], distance)
        return True

    def select_device(self, device_id: str | None) -> bool:
        """Ring and label the device (None clears the selection); False if unknown."""
        i = None if device_id is None else self._index.get(device_id)
        if device_id is not None and i is None:
            return False
        self.selected = device_id
        self._view.set_highlight(None if i is None else self._xyz[i])
        self._relabel()
        self._view.render()
        return True

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        """Show or hide every device of ``kind`` (rows rewritten, nothing rebuilt)."""
        idx = np.flatnonzero(self._kinds == kind)
        self.look.kind_shown[idx] = visible
        self._write(idx)
        self._relabel()
        self._view.render()

    def kinds(self) -> list[str]:
        return sorted(set(self._kinds.tolist()))

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        self._view.set_layer_visible(layer, visible)
        self._view.render()

    def layer_visible(self, layer: str) -> bool:
        actors = self._view.layers.actors(layer)
        return bool(actors) and bool(actors[0].GetVisibility())

    def set_xray(self, building_id: str | None, floor: int | None = None, *,
                 frame: bool = True) -> None:
        """Open ``floor`` of ``building_id``: other buildings ghosted, only that floor's
        devices drawn, the camera framing the floor. None (or no floor) closes it."""
        bs = self._view.buildings
        if building_id is None or floor is None or building_id not in bs.index:
            building_id = floor = None
            self.look.focus_shown[:] = True
        else:
            on = [d.location.building == building_id and d.location.floor == floor
                  for d in self._devices]
            self.look.focus_shown[:] = np.asarray(on, dtype=bool)
        self._view.set_xray(building_id, floor)
        self._write(np.arange(len(self._ids)))  # a mode change, not a status change
        self._relabel()
        if building_id is not None and frame:
            self._view.frame_box(bs.floor_bounds(bs.index[building_id], floor))
        else:
            self._view.render()
        self.sig_xray_changed.emit(building_id or "", floor or 0)

    def set_heat_mode(self, metric: str | None) -> None:
        """Colour floors by ``metric`` ("alarms": open alarms per floor, "water": water
        flow per floor); None shows the plain buildings."""
        self.heat_metric = metric
        self._view.set_heat_visible(metric is not None)
        self._heat_due = 0.0
        self._update_heat()
        self._view.render()

    def set_technician_positions(self, positions: Mapping[str, Sequence[float]]) -> None:
        """Live technician positions (site metres), fed from TechLocationReceived."""
        self._view.set_technicians(positions)
        self._view.render()

    def set_technician_route(self, tech_id: str,
                             points: Sequence[Sequence[float]] | None) -> None:
        """The walkway route a technician follows to an order (None removes it)."""
        self._view.set_route(tech_id, points)
        self._view.render()

    def camera_pose(self) -> dict[str, list[float]]:
        return self._view.camera_pose()

    def set_camera_pose(self, pose: Mapping[str, Sequence[float]], duration_ms: int = 600
                        ) -> None:
        self._view.set_camera_pose(pose, duration_ms)

    def reset_view(self) -> None:
        self._view.reset_view()

    def grab_image(self) -> np.ndarray:
        return self._view.grab_image()

    def shutdown(self) -> None:
        """Stop drawing and release the 3D surface (the window is closing)."""
        self._timer.stop()
        self._alarm_batch.stop()
        self._view.shutdown()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.shutdown()
        super().closeEvent(event)

    def retranslate(self) -> None:
        """(Re)write the legend in the current language."""
        write_legends(self._view, self._kinds.tolist())

    # ---- internals ---------------------------------------------------------------------------
    def _build(self) -> None:
        scene = self._scene
        self._view.set_ground(scene.site.bounds)
        if scene.lawns:
            self._view.add_polygons("lawns", [np.asarray(lw.polygon) for lw in scene.lawns],
                                    0.03, _LAWN_RGB, 0.85)
        if scene.roads:
            self._view.add_roads([np.asarray(r.centerline) for r in scene.roads],
                                 [r.width_m for r in scene.roads])
        self._view.add_buildings(scene_buildings(scene))
        self.site = SiteLayers(self._view, scene, self._store)
        for network in PIPE_NETWORKS:  # off until asked for: they cross everything above
            self._view.set_layer_visible(f"pipes_{network}", False)
        self._view.set_devices(self._ids, self._xyz,
                               np.full(len(self._ids), LEVEL_SIZE[Level.UNKNOWN]),
                               kinds=self._kinds)
        self.retranslate()

    def _write(self, indices: np.ndarray, phase: float = 0.0) -> None:
        if len(indices):
            rgba, sizes = self.look.compose(indices, phase)
            self._view.update_device_colors(indices, rgba, sizes)

    def _restyle(self, device_ids: Iterable[str]) -> None:
        """Re-read the alarm summary of ``device_ids`` and rewrite their dots."""
        idx = []
        for device_id in device_ids:
            i = self._index.get(device_id)
            if i is None:
                continue
            sev, unacked, _ = self.alarms.summary(device_id)
            self.look.severity[i], self.look.unacked[i] = sev, unacked
            idx.append(i)
        indices = np.asarray(idx, dtype=np.int64)
        self._write(indices)
        self._pulsing = self.look.pulsing()
        self._relabel()
        if self.heat_metric == "alarms":
            self._heat_due = 0.0
        if self._view.isVisible():
            self._view.render()

    def _relabel(self) -> None:
        """Labels for the selected device and the most severe alarmed ones only."""
        rows = []
        shown = self.look.shown
        if self.selected is not None and shown[self._index[self.selected]]:
            i = self._index[self.selected]
            # at the top of the highlight pin, so the label never hides the pin or the dot
            rows.append((self._xyz[i] + (0.0, 0.0, 12.0), self._devices[i].name,
                         _SELECTED_RGB))
        order = []
        for device_id in self.alarms.devices():
            i = self._index.get(device_id)
            if i is None or not shown[i] or not self.look.severity[i] \
                    or device_id == self.selected:
                continue
            _, unacked, worst = self.alarms.summary(device_id)
            if worst is None:  # cleared since the last alarm batch: its restyle is queued
                continue
            order.append((-int(self.look.severity[i]), not unacked, -worst.raised_at, i))
        for *_, i in sorted(order)[:self._view.labels.cap]:
            rows.append((self._xyz[i], self._devices[i].name,
                         SEVERITY_RGB[int(self.look.severity[i])]))
        self._view.set_labels(rows)

    def _on_alarm_changed(self, event: AlarmChanged) -> None:
        self._alarmed.add(self.alarms.apply(event.alarm))
        if not self._alarm_batch.isActive():
            self._alarm_batch.start()

    def _apply_alarm_batch(self) -> None:
        devices, self._alarmed = self._alarmed, set()
        if devices:
            self._restyle(devices)

    def _on_tick(self) -> None:
        if not self.isVisible():
            # a closed window keeps its widgets until deleted: rendering into its destroyed
            # GL surface crashes; store changes are caught up by version when shown again
            return
        rendered = self._apply_store_changes()
        if len(self._pulsing):
            self._write(self._pulsing, pulse_phase(time.monotonic()))
            rendered = True
        if self.heat_metric is not None and time.monotonic() >= self._heat_due:
            self._update_heat()
            rendered = True
        if rendered and self._view.isVisible():
            self._view.render()  # a hidden view renders when shown (see showEvent)

    def _apply_store_changes(self) -> bool:
        version = self._store.version
        if version == self._version:
            return False
        changed = self._store.changes_since(self._version)
        if changed is None:  # a full refresh: devices registered meanwhile come in too
            self._add_devices(d.id for d in self._store.devices())
        elif any(i not in self._index for i in changed):
            self._add_devices(changed)
        if changed is None:
            ids = self._ids
            indices = np.arange(len(self._ids))
        else:
            ids = [i for i in changed if i in self._index]
            indices = np.fromiter((self._index[i] for i in ids), dtype=np.int64,
                                  count=len(ids))
        self._version = version
        self.site.update(changed if changed is not None else self._ids)
        if not len(indices):
            return False
        levels = np.fromiter((self._level(i) for i in ids), dtype=np.int8, count=len(ids))
        self.look.level[indices] = levels
        self._write(indices)
        if not self._first_live_done and bool((levels != Level.UNKNOWN).any()):
            self._live_pending = True
        return True

    def _add_devices(self, ids: Iterable[str]) -> None:
        """Devices registered while running (a birth an operator accepted, a manual
        registration) join the 3D view at the end of its arrays, so no index moves."""
        new = [d for d in (self._store.device(i) for i in ids if i not in self._index)
               if d is not None]
        if not new:
            return
        for device in new:
            self._index[device.id] = len(self._ids)
            self._ids.append(device.id)
        self._devices = self._devices + tuple(new)
        self._xyz = np.vstack([self._xyz, np.array([d.location.xyz for d in new],
                                                   dtype=np.float64)])
        self._kinds = np.concatenate([self._kinds, np.array([d.kind for d in new],
                                                            dtype=object)])
        self.look.grow(len(self._ids))
        self._view.set_devices(self._ids, self._xyz,
                               np.full(len(self._ids), LEVEL_SIZE[Level.UNKNOWN]),
                               kinds=self._kinds)
        self._write(np.arange(len(self._ids)))
        self._restyle([d.id for d in new])

    def _update_heat(self) -> None:
        values, scale = floor_values(self.heat_metric, self._devices, self._store,
                                     self.alarms)
        self._view.heat.set_values(values, scale)
        self._heat_due = time.monotonic() + 2.0  # aggregates need no 8 Hz

    def _level(self, device_id: str) -> int:
        state = self._store.get(device_id)
        return int(Level.UNKNOWN if state is None else state.level)

    def _on_rendered(self) -> None:
        if self._live_pending and not self._first_live_done:
            self._first_live_done = True
            self._live_pending = False
            self.sig_first_live_frame.emit()

    def _on_device_picked(self, device_id: str) -> None:
        self.select_device(device_id)
        self.sig_device_picked.emit(device_id)

    def _on_floor_picked(self, building_id: str, floor: int) -> None:
        # in x-ray, clicking a storey of a building opens that storey
        self.set_xray(building_id, floor)
        self.sig_floor_picked.emit(building_id, floor)

    def _first_frame(self) -> None:
        """Frame the compound with the live states already in the store: one render (a
        second on a software renderer) sooner to the first live frame than waiting for
        the next tick."""
        self._apply_store_changes()
        self._view.reset_view()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._framed:
            # frame the compound once the widget has its real size (the aspect matters)
            self._framed = True
            # (the view as context: a view deleted right after it showed is not called)
            QTimer.singleShot(0, self._view, self._first_frame)
        else:
            QTimer.singleShot(0, self._view, self._view.render)
