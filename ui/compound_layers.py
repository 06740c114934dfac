"""The scene's optional layers for the compound view, and their live state from the store:
pipe networks, camera frustums, parking spaces by occupancy, barrier gate arms and EV
charger posts by state.

Each stateful family is one actor with per-cell colours; ``SiteLayers.update(ids)`` is
handed the device ids the store reports as changed and rewrites only their cells.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from app.scene.model import Scene
from app.state.store import StateStore
from widgets.scene_view import SceneView

#: layer names the panel can switch (besides per-kind device visibility)
PIPE_NETWORKS = ("water", "gas", "heating", "drainage", "power")
SITE_LAYERS = ("underground", "roads", "lawns", "parking", "gates", "chargers", "cameras",
               "technicians", *(f"pipes_{n}" for n in PIPE_NETWORKS))

PARKING_RGB = {"unknown": (56, 69, 87), "free": (52, 128, 88), "occupied": (70, 108, 168)}
GATE_RGB = {"unknown": (80, 86, 92), "closed": (215, 218, 224), "open": (100, 170, 255),
            "fault": (231, 76, 60)}
CHARGER_RGB = {"unknown": (80, 86, 92), "idle": (160, 168, 178), "charging": (100, 170, 255),
               "fault": (231, 76, 60)}
_GATE_ARM_M = 4.0
_POST_M = 1.8


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


def _value(store: StateStore, device_id: str, point: str) -> float | None:
    state = store.get(device_id)
    if state is None or state.online is False:
        return None
    return state.values.get(point)


class SiteLayers:
    def __init__(self, view: SceneView, scene: Scene, store: StateStore) -> None:
        self._store = store
        devices = scene.device_index()
        networks: dict[str, list[np.ndarray]] = {}
        for pipe in scene.pipes:
            networks.setdefault(pipe.network, []).append(np.asarray(pipe.path, float))
        if networks:
            view.add_pipes(networks)
        if scene.cameras:
            cams = scene.cameras
            view.set_cameras([c.id for c in cams], np.array([c.xyz for c in cams]),
                             [c.yaw_deg for c in cams], [c.pitch_deg for c in cams],
                             [c.hfov_deg for c in cams], [c.vfov_deg for c in cams],
                             [c.range_m for c in cams])
        self.parking = self.gates = self.chargers = None
        self._parking_of: dict[str, int] = {}
        self._gate_of: dict[str, int] = {}
        self._charger_of: dict[str, int] = {}
        if scene.parking:
            self.parking = view.add_state_quads(
                "parking", parking_polygons(scene), [p.center[2] + 0.09 for p in scene.parking],
                PARKING_RGB["unknown"])
            self._parking_of = {p.sensor_id: i for i, p in enumerate(scene.parking)
                                if p.sensor_id}
        gates = [g for g in scene.gates if g.device_id in devices]
        if gates:
            a = np.array([g.xyz for g in gates], float) + (0.0, 0.0, 1.0)
            self.gates = view.add_state_segments("gates", a, a + (_GATE_ARM_M, 0.0, 0.0),
                                                 GATE_RGB["unknown"], width=5.0)
            self._gate_of = {g.device_id: i for i, g in enumerate(gates)}
        chargers = [d for d in scene.devices if d.kind == "ev_charger"]
        if chargers:
            a = np.array([d.location.xyz for d in chargers], float) - (0.0, 0.0, 0.6)
            self.chargers = view.add_state_segments("chargers", a, a + (0.0, 0.0, _POST_M),
                                                    CHARGER_RGB["unknown"], width=6.0)
            self._charger_of = {d.id: i for i, d in enumerate(chargers)}

    def update(self, device_ids: Iterable[str]) -> None:
        """Recolour the cells of the changed devices that drive a layer."""
        for device_id in device_ids:
            if (i := self._parking_of.get(device_id)) is not None:
                self.parking.update(np.array([i]), self._parking_rgb(device_id))
            elif (i := self._gate_of.get(device_id)) is not None:
                self.gates.update(np.array([i]), self._gate_rgb(device_id))
            elif (i := self._charger_of.get(device_id)) is not None:
                self.chargers.update(np.array([i]), self._charger_rgb(device_id))

    def refresh_all(self) -> None:
        self.update([*self._parking_of, *self._gate_of, *self._charger_of])

    def _parking_rgb(self, device_id: str) -> tuple[int, int, int]:
        v = _value(self._store, device_id, "occupied")
        return PARKING_RGB["unknown" if v is None else "occupied" if v >= 0.5 else "free"]

    def _gate_rgb(self, device_id: str) -> tuple[int, int, int]:
        if (_value(self._store, device_id, "fault") or 0.0) >= 0.5:
            return GATE_RGB["fault"]
        v = _value(self._store, device_id, "open")
        return GATE_RGB["unknown" if v is None else "open" if v >= 0.5 else "closed"]

    def _charger_rgb(self, device_id: str) -> tuple[int, int, int]:
        v = _value(self._store, device_id, "state")  # 0 idle, 1 charging, 2 fault
        if v is None:
            return CHARGER_RGB["unknown"]
        return CHARGER_RGB["fault" if v >= 1.5 else "charging" if v >= 0.5 else "idle"]
