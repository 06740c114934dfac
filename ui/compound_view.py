"""CompoundView: the engine's Scene and StateStore drawn live in a SceneView.

The adapter between app/ (Scene, StateStore, Level) and the presentational SceneView: it
turns the scene into plain arrays once, keeps device id → glyph index, and on a QTimer
(default 8 Hz, GUI thread) asks the store what changed since the last tick and recolours
only those glyphs. ``sig_first_live_frame`` fires once, after the first frame showing at
least one device with live data has actually been rendered (the --screenshot contract
waits for it).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.kinds import Level
from app.scene.model import Scene
from app.state.store import StateStore
from widgets.scene_view import STATUS_RGB, SceneView

#: RGBA per Level value (Level is an IntEnum 0..5), for vectorised recolouring
LEVEL_RGBA = np.zeros((max(Level) + 1, 4), dtype=np.uint8)
for _level in Level:
    LEVEL_RGBA[_level] = (*STATUS_RGB[_level.name.lower()], 255)

#: relative dot size per Level: quiet devices small, anything needing attention larger, so
#: a few alarms stand out of thousands of normal dots at the overview
LEVEL_SIZE = np.array([0.7, 1.35, 1.6, 1.0, 1.0, 0.7], dtype=np.float32)

_LAWN_RGB = (0.16, 0.38, 0.22)
_PARKING_RGB = (0.22, 0.27, 0.34)


def scene_buildings(scene: Scene) -> list[dict]:
    return [dict(id=b.id, footprint=np.asarray(b.footprint, dtype=np.float64),
                 base_z=b.base_z, floors=b.floors, floor_height=b.floor_height_m,
                 basements=b.basements, use=b.use) for b in scene.buildings]


def parking_polygons(scene: Scene) -> list[np.ndarray]:
    out = []
    for p in scene.parking:
        w, length = p.size_m
        yaw = math.radians(p.yaw_deg)
        c, s = math.cos(yaw), math.sin(yaw)
        corners = np.array([(-w / 2, -length / 2), (w / 2, -length / 2), (w / 2, length / 2),
                            (-w / 2, length / 2)])
        rot = corners @ np.array([[c, s], [-s, c]])
        out.append(rot + np.asarray(p.center[:2]))
    return out


class CompoundView(QWidget):
    sig_device_picked = Signal(str)
    sig_first_live_frame = Signal()

    def __init__(self, scene: Scene, store: StateStore, parent: QWidget | None = None,
                 refresh_hz: float = 8.0) -> None:
        super().__init__(parent)
        self._scene = scene
        self._store = store
        self._view = SceneView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._ids = [d.id for d in scene.devices]
        self._index = {device_id: i for i, device_id in enumerate(self._ids)}
        self._xyz = np.array([d.location.xyz for d in scene.devices],
                             dtype=np.float64).reshape(-1, 3)
        self._version = -1  # forces a full refresh on the first tick
        self._live_pending = False
        self._first_live_done = False
        self._framed = False
        self.selected: str | None = None
        self._build()
        self._view.sig_device_picked.connect(self._on_device_picked)
        self._view.sig_rendered.connect(self._on_rendered)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self.set_refresh_hz(refresh_hz)

    # ---- public API --------------------------------------------------------------------------
    @property
    def scene_view(self) -> SceneView:
        return self._view

    def device_index(self, device_id: str) -> int | None:
        return self._index.get(device_id)

    def set_refresh_hz(self, hz: float) -> None:
        self._timer.start(max(1, round(1000.0 / max(hz, 0.1))))

    def refresh(self) -> None:
        """Apply store changes now (what the timer does each tick)."""
        self._on_tick()

    def fly_to_device(self, device_id: str, distance: float = 60.0) -> bool:
        i = self._index.get(device_id)
        if i is None:
            return False
        self._view.fly_to(self._xyz[i], distance)
        return True

    def select_device(self, device_id: str | None) -> bool:
        """Ring the device (None clears the selection); False if the id is unknown."""
        i = None if device_id is None else self._index.get(device_id)
        if device_id is not None and i is None:
            return False
        self.selected = device_id
        self._view.set_highlight(None if i is None else self._xyz[i])
        self._view.render()
        return True

    def reset_view(self) -> None:
        self._view.reset_view()

    def grab_image(self) -> np.ndarray:
        return self._view.grab_image()

    def retranslate(self) -> None:
        """(Re)write the legend in the current language."""
        labels = {
            "normal": self.tr("Normal"), "warning": self.tr("Warning"),
            "alarm": self.tr("Alarm"), "stale": self.tr("Stale"),
            "offline": self.tr("Offline"), "unknown": self.tr("No data"),
        }
        self._view.set_legend([(labels[k], STATUS_RGB[k]) for k in labels],
                              title=self.tr("Device status"))

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
        if scene.parking:
            # spaces above ground sit on the road surface; garage ones at their own level
            for z in sorted({p.center[2] for p in scene.parking}):
                polys = [poly for poly, p in zip(parking_polygons(scene), scene.parking,
                                                 strict=True) if p.center[2] == z]
                self._view.add_polygons("parking", polys, z + 0.09, _PARKING_RGB, 0.9)
        self._view.add_buildings(scene_buildings(scene))
        self._view.set_devices(self._ids, self._xyz,
                               np.full(len(self._ids), LEVEL_SIZE[Level.UNKNOWN]))
        self.retranslate()

    def _on_tick(self) -> None:
        version = self._store.version
        if version == self._version:
            return
        changed = self._store.changes_since(self._version)
        if changed is None:
            indices = np.arange(len(self._ids))
            ids = self._ids
        else:
            ids = [i for i in changed if i in self._index]
            indices = np.fromiter((self._index[i] for i in ids), dtype=np.int64,
                                  count=len(ids))
        self._version = version
        if not len(indices):
            return
        levels = np.fromiter((self._level(i) for i in ids), dtype=np.int64, count=len(ids))
        self._view.update_device_colors(indices, LEVEL_RGBA[levels], LEVEL_SIZE[levels])
        if not self._first_live_done and bool((levels != Level.UNKNOWN).any()):
            self._live_pending = True
        if self._view.isVisible():
            self._view.render()  # a hidden view renders when shown (see showEvent)

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

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._framed:
            # frame the compound once the widget has its real size (the aspect matters)
            self._framed = True
            QTimer.singleShot(0, self._view.reset_view)
        else:
            QTimer.singleShot(0, self._view.render)
