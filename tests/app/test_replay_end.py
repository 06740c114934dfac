"""The end of a replay is the end of a recording, not the compound going dark: a running
engine listening to a real Mosquitto while `control-room replay` plays into it keeps the
devices as they were last heard and raises one "no messages from the site" alarm, where it
used to judge every device stale (106 offline alarms after one replay of the demo). A
device that stops while the others talk still goes stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import msgspec
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app.config import AppConfig
from app.domain.kinds import Level
from app.domain.model import Device, Location, PointSpec
from app.ingest.feed import FEED_ALARM_DEVICE
from app.recording import RecordingWriter
from app.runtime.engine import Engine
from app.scene.model import Building, Scene, Site
from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
REPORT_S = 2.0  # stale after 6 s of silence
IDS = ["S1-TR-1", "S1-TR-2", "S1-PM-1", "S1-PM-2"]


def _scene() -> Scene:
    sub = Building("S1", "变电所", "substation", ((40.0, 0.0), (52.0, 0.0), (52.0, 8.0),
                                                (40.0, 8.0)), floors=1, floor_height_m=4.5)
    devices = tuple(
        Device(d, "transformer" if "TR" in d else "power_meter", d,
               Location((42.0 + i, 4.0, 1.0), "S1", 1), {"v": PointSpec("V")},
               report_interval_s=REPORT_S) for i, d in enumerate(IDS))
    return Scene(site=Site("测试变电所"), buildings=(sub,), devices=devices)


def _telemetry(device: str, seq: int, t: float) -> bytes:
    return json.dumps({"ts": int(t * 1000), "seq": seq, "values": {"v": 230.0}}).encode()


def test_the_end_of_a_replay_is_one_feed_alarm_not_every_device_offline(
        mqtt_broker, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CONTROL_ROOM_DATA", str(tmp_path / "data"))
    config = msgspec.convert({"mqtt": {"url": mqtt_broker.url, "client_id": "cr-replay-end"},
                              "database": {"url": f"sqlite:///{tmp_path / 'cr.db'}"},
                              "cameras": {"enabled": False}}, AppConfig)
    engine = Engine(config, scene=_scene())
    engine.ingest.feed.min_silence_s = 2.0  # the shipped 30 s, shortened for the test
    recording = tmp_path / "three-seconds.jsonl"
    now = time.time()
    with RecordingWriter(recording, root="cr/demo") as writer:
        writer.write([(f"cr/demo/dev/{d}/telemetry", _telemetry(d, k + 1, now + k * 0.5),
                       now + k * 0.5, False) for k in range(7) for d in IDS])
    engine.start()
    try:
        assert engine.source.wait_connected(10)
        replay = subprocess.run([*CLI, "replay", str(recording), "--broker", mqtt_broker.url],
                                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                                capture_output=True, timeout=60)
        assert replay.returncode == 0, replay.stderr.decode()
        ended = time.monotonic()
        assert wait_until(lambda: all(engine.store.get(d).values for d in IDS), timeout=5)
        # well past the devices' stale time (3 x 2 s): the feed is silent, not the devices
        assert wait_until(lambda: engine.alarms.book.is_active(FEED_ALARM_DEVICE,
                                                               "feed_silent"), timeout=10)
        time.sleep(max(0.0, ended + 9.0 - time.monotonic()))
        levels = {d: engine.store.get(d).level for d in IDS}
        assert Level.STALE not in levels.values() and Level.OFFLINE not in levels.values(), \
            levels
        # one device talks again, the others stay silent: they go stale, the feed alarm ends
        device = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="tr1",
                             protocol=mqtt.MQTTv5)
        device.connect("127.0.0.1", mqtt_broker.port)
        device.loop_start()
        try:
            start = time.monotonic()
            seq = 100
            while time.monotonic() - start < 8.0:
                seq += 1
                device.publish("cr/demo/dev/S1-TR-1/telemetry",
                               _telemetry("S1-TR-1", seq, time.time()), qos=1)
                time.sleep(0.5)
            assert engine.store.get("S1-TR-1").level == Level.NORMAL
            assert wait_until(lambda: engine.store.get("S1-PM-2").level == Level.STALE,
                              timeout=3)
            assert not engine.alarms.book.is_active(FEED_ALARM_DEVICE, "feed_silent")
        finally:
            device.disconnect()
            device.loop_stop()
    finally:
        engine.stop()
