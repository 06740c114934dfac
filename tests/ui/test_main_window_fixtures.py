"""Shared fixtures for the main-window and inspector tests: a small compound built in code
and a scripted source, so a test decides exactly which readings arrive and when."""

from __future__ import annotations

import time
from collections.abc import Mapping

import msgspec
import pytest

from app.config import AppConfig
from app.domain.model import Device, Location, PointSpec
from app.runtime.engine import Engine
from app.scene.model import Building, Scene, Site
from app.sources.base import MessageSink, RawMessage, Source

SITE_NAME = "绿景花园"


def small_scene() -> Scene:
    b3 = Building("B3", "3栋", "residential", ((0.0, 0.0), (20.0, 0.0), (20.0, 12.0),
                                               (0.0, 12.0)), floors=18)
    sub = Building("S1", "变电所", "substation", ((40.0, 0.0), (52.0, 0.0), (52.0, 8.0),
                                                (40.0, 8.0)), floors=1, floor_height_m=4.5)
    devices = (
        Device("B3-U1-1201-WM", "water_meter", "3栋1单元1201 水表",
               Location((4.0, 3.0, 33.0), "B3", 12, "1201"),
               {"total_m3": PointSpec("m³"), "flow_m3h": PointSpec("m³/h", (0.0, 2.5), (0, 6))},
               report_interval_s=1.0),
        Device("B3-U1-1201-PM", "power_meter", "3栋1单元1201 电表",
               Location((4.5, 3.0, 33.0), "B3", 12, "1201"),
               {"kwh": PointSpec("kWh"), "kw": PointSpec("kW", (0.0, 8.0), (0.0, 12.0))},
               report_interval_s=1.0),
        Device("S1-TR-1", "transformer", "1号变压器",
               Location((45.0, 4.0, 1.0), "S1", 1),
               {"temp_c": PointSpec("°C", (20.0, 80.0), (0.0, 105.0)),
                "load_pct": PointSpec("%", (0.0, 85.0), (0.0, 110.0))},
               report_interval_s=1.0),
        Device("B3-B1-SMK-01", "smoke_detector", "3栋地下1层 烟感",
               Location((10.0, 6.0, -3.0), "B3", -1), {"obscuration_pct": PointSpec("%")},
               report_interval_s=1.0),
    )
    return Scene(site=Site(SITE_NAME), buildings=(b3, sub), devices=devices)


class ScriptedSource(Source):
    """Delivers exactly the readings a test pushes, on the test's thread."""

    name = "simulator"

    def __init__(self, root: str = "cr/demo") -> None:
        self._root = root
        self._sink: MessageSink | None = None
        self._last_ts: dict[str, float] = {}

    def start(self, sink: MessageSink) -> None:
        self._sink = sink

    def stop(self) -> None:
        self._sink = None

    def push(self, device_id: str, values: Mapping[str, float], ts: float | None = None) -> None:
        assert self._sink is not None, "engine not started"
        # strictly increasing device time: ingest drops a repeated timestamp as a duplicate
        if ts is None:
            ts = max(time.time(), self._last_ts.get(device_id, 0.0) + 0.002)
        self._last_ts[device_id] = ts
        payload = msgspec.json.encode({"ts": round(ts * 1000),
                                       "values": dict(values)})
        self._sink([RawMessage(f"{self._root}/dev/{device_id}/telemetry", payload,
                               time.time())])


@pytest.fixture
def scripted_engine():
    source = ScriptedSource()
    engine = Engine(AppConfig(), scene=small_scene(), source=source)
    engine.start()
    yield engine, source
    engine.stop()


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "control-room.ini"), QSettings.Format.IniFormat)


def demo_room(engine: Engine):  # noqa: ANN201
    """The engine's ControlRoom as the embedded demo sees it."""
    from app.facade.local import LocalControlRoom
    from app.facade.session import DEMO_SESSION

    return LocalControlRoom(engine, DEMO_SESSION)
