"""Shared by the scene tests (no tests here): a minimal valid scene folder as plain dicts,
for tests to break one thing at a time."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any


def _device(id: str, kind: str, building: str | None = None, floor: int | None = None,
            xyz: tuple = (5.0, 5.0, 1.0)) -> dict[str, Any]:
    location: dict[str, Any] = {"xyz": list(xyz)}
    if building:
        location |= {"building": building, "floor": floor}
    return {"id": id, "kind": kind, "name": f"{id} 设备", "location": location,
            "points": {"v": {"unit": "MPa", "normal": [0.2, 0.5], "limits": [0.1, 0.8]}}}


MINIMAL: dict[str, dict[str, Any]] = {
    "scene.json": {"format": "control-room-scene/1",
                   "site": {"name": "测试小区", "site_id": "t"},
                   "files": ["buildings.json", "devices.json", "ground.json", "cameras.json",
                             "walkways.json", "technicians.json"]},
    "buildings.json": {"buildings": [
        {"id": "B1", "name": "1栋", "use": "residential",
         "footprint": [[0, 0], [10, 0], [10, 10], [0, 10]], "floors": 5, "basements": 1},
        {"id": "GH", "name": "岗亭", "use": "gatehouse",
         "footprint": [[20, 0], [24, 0], [24, 4], [20, 4]], "floors": 1}]},
    "devices.json": {"devices": [
        _device("B1-F02-WM", "water_meter", "B1", 2),
        _device("EV1", "ev_charger", "B1", -1, (5, 5, -3)),
        _device("PS1", "parking_space", "B1", -1, (5, 6, -3)),
        _device("BG1", "barrier_gate", xyz=(30, 2, 1)),
        _device("CAM1", "camera", xyz=(5, -30, 4))]},
    "ground.json": {
        "roads": [{"id": "R1", "centerline": [[-20, -5], [40, -5]]}],
        "lawns": [{"id": "L1", "polygon": [[-20, 20], [-10, 20], [-10, 30], [-20, 30]]}],
        "parking": [{"id": "P1", "center": [5, 5, -3], "charger_id": "EV1", "sensor_id": "PS1"}],
        "gates": [{"id": "G1", "name": "南门", "xyz": [30, 2, 0], "device_id": "BG1",
                   "building": "GH"}],
        "zones": [{"id": "Z1", "kind": "green_space",
                   "polygon": [[-20, 20], [-10, 20], [-10, 30], [-20, 30]]}]},
    "cameras.json": {"cameras": [{"id": "CAM1", "name": "1栋立面", "xyz": [5, -30, 4],
                                  "yaw_deg": 90, "pitch_deg": 30, "watches": "B1"}],
                     "microphones": [{"id": "MIC1", "xyz": [0, -10, 4]}]},
    "walkways.json": {"walk_nodes": [{"id": "N1", "xyz": [5, 0, 0], "building": "B1",
                                      "floor": 1},
                                     {"id": "N2", "xyz": [5, -5, 0]}],
                      "walk_edges": [{"a": "N1", "b": "N2"}]},
    "technicians.json": {"technicians": [
        {"id": "T1", "name": "张伟", "skills": ["electrical", "general"],
         "certified": ["electrical"], "shift": "night"}]},
}


def minimal() -> dict[str, dict[str, Any]]:
    return copy.deepcopy(MINIMAL)


def write_scene(folder: Path, files: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in files.items():
        text = doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
