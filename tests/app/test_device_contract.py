"""A device written from docs/mqtt.md alone (``DocDevice``: topics, payloads, QoS, retained,
last will as the page says), against the demo compound's control room on a real Mosquitto:
its birth waits for an operator; registered, its declared bands alarm at 130 °C exactly as
the scene's own transformer does; an event its kind does not send is refused with a reason;
a trip alarms with its words; losing power shows it offline. The page's tables agree with
the code."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app import paths
from app.alarms.defaults import _EVENTS
from app.alarms.engine import AlarmEngine
from app.alarms.model import Severity
from app.config import MqttConfig
from app.domain.kinds import DEVICE_KINDS, Level
from app.ingest.pipeline import Ingest
from app.ingest.rejects import REASONS
from app.scene.loader import load_scene
from app.sources.mqtt import MqttSource
from app.state.store import StateStore
from app.wire.topics import TopicScheme
from app.wire.vocabulary import COMMON_EVENTS, DEVICE_EVENTS
from tests.fixtures.waiting import wait_until

DOC = (Path(__file__).resolve().parents[2] / "docs" / "mqtt.md").read_text(encoding="utf-8")
BANDS = {"temp_c": {"unit": "°C", "normal": [20, 85], "limits": [0, 105]},
         "load_pct": {"unit": "%", "normal": [0, 80], "limits": [0, 100]}}


class DocDevice:
    """docs/mqtt.md, "Worked example", as a class: nothing here comes from app/."""

    def __init__(self, port: int, device_id: str, birth: dict) -> None:
        self.topic = lambda leaf: f"cr/demo/dev/{device_id}/{leaf}"
        self.seq = 0
        c = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=device_id, protocol=mqtt.MQTTv5)
        c.will_set(self.topic("status"), json.dumps({"online": False}), qos=1, retain=True)
        c.connect("127.0.0.1", port, keepalive=30)
        c.loop_start()
        self.client = c
        self._send("meta", birth, retain=True)
        self._send("status", {"online": True, "ts": self.now_ms()}, retain=True)

    @staticmethod
    def now_ms() -> int:
        return int(time.time() * 1000)

    def _send(self, leaf: str, body: dict, retain: bool = False) -> None:
        self.client.publish(self.topic(leaf), json.dumps(body, ensure_ascii=False), qos=1,
                            retain=retain).wait_for_publish(5)

    def report(self, ts: int, **values: float) -> None:
        self.seq += 1
        self._send("telemetry", {"ts": ts, "seq": self.seq, "values": values})

    def event(self, kind: str, **data: object) -> None:
        self._send("event", {"ts": self.now_ms(), "kind": kind, "data": data})

    def lose_power(self) -> None:
        """The connection dies without a goodbye: the broker publishes the last will."""
        self.client.loop_stop()
        self.client.socket().close()


@pytest.mark.broker
@pytest.mark.timeout(90)
def test_a_device_written_from_the_doc_works_end_to_end(mqtt_broker) -> None:
    scene = load_scene(paths.demo_scene_dir())
    store = StateStore(scene.devices)
    ingest = Ingest(store, TopicScheme("cr", "demo"), scene=scene, park_unknown_s=30.0)
    alarms = AlarmEngine(store)
    ingest.subscribe(alarms.handle_events)
    source = MqttSource(MqttConfig(url=mqtt_broker.url, client_id="cr-contract"),
                        TopicScheme("cr", "demo"))
    source.start(ingest.handle_batch)
    devices: list[DocDevice] = []
    try:
        assert source.wait_connected(10)
        birth = {"kind": "transformer", "name": "配电房 4号变压器", "report_interval_s": 10,
                 "location": {"building": "S01", "floor": 1, "xyz": [16.0, -36.0, 1.5]},
                 "points": BANDS}
        new = DocDevice(mqtt_broker.port, "S01-TR4", birth)
        own = scene.device_index()["S01-TR1"]  # the scene's transformer, same bands
        scene_twin = DocDevice(mqtt_broker.port, "S01-TR1", {
            "kind": "transformer", "name": own.name, "report_interval_s": 10,
            "location": {"building": "S01", "floor": 1, "xyz": list(own.location.xyz)},
            "points": {"temp_c": {"unit": "°C"}, "load_pct": {"unit": "%"}}})
        devices += [new, scene_twin]

        # a new device waits for an operator, who registers it as it described itself
        assert wait_until(lambda: [u.device_id for u in ingest.ledger.snapshot()[2]] ==
                          ["S01-TR4"])
        assert store.device("S01-TR4") is None
        ingest.register("S01-TR4", "值班员 王工")
        assert store.device("S01-TR4").points["temp_c"].limits == (0, 105)

        # a minute of readings at 130 °C (sent at once, with the device's own times)
        start = new.now_ms() - 60_000
        for device in devices:
            for k in range(7):
                device.report(start + k * 10_000, temp_c=130.0, load_pct=60.0)
        assert wait_until(lambda: all(alarms.book.find_open(d, "temp_c.high")
                                      for d in ("S01-TR4", "S01-TR1")), timeout=10)
        born, scenes = (alarms.book.find_open(d, "temp_c.high") for d in ("S01-TR4", "S01-TR1"))
        assert born.severity == scenes.severity == Severity.HIGH  # beyond limits: an alarm
        assert born.message == scenes.message

        # events: one the kind does not send is refused with a reason; a trip alarms
        new.event("smoke")
        new.event("trip", breaker="QF2")
        assert wait_until(lambda: alarms.book.find_open("S01-TR4", "event.trip"))
        trip = alarms.book.find_open("S01-TR4", "event.trip")
        assert trip.severity == Severity.CRITICAL and trip.message == "trip breaker=QF2"
        rejected = ingest.ledger.snapshot()[1]["unknown_event"]
        assert "a transformer does not send 'smoke'" in rejected.detail
        assert alarms.book.find_open("S01-TR4", "event.smoke") is None

        # a smoke detector's smoke alarm says what it is (its message was empty)
        detector = next(d for d in scene.devices if d.kind == "smoke_detector")
        smoke = DocDevice(mqtt_broker.port, detector.id, {
            "kind": "smoke_detector", "name": detector.name,
            "location": {"xyz": list(detector.location.xyz)}})
        devices.append(smoke)
        smoke.event("smoke")
        assert wait_until(lambda: alarms.book.find_open(detector.id, "event.smoke"))
        assert alarms.book.find_open(detector.id, "event.smoke").message == "smoke"

        # the device loses power: the broker publishes its will, it shows offline
        assert store.get("S01-TR4").online is True
        new.lose_power()
        devices.remove(new)
        assert wait_until(lambda: store.get("S01-TR4").level == Level.OFFLINE, timeout=10)
        counts = ingest.counts()
        assert counts["received"] == counts["accepted"] + counts["rejected"] + counts["parked"]
    finally:
        for device in devices:
            device.client.disconnect()
            device.client.loop_stop()
        source.stop()


def test_the_docs_event_table_is_what_ingest_and_the_alarms_do() -> None:
    rows = dict(re.findall(r"^\| (\w+) \| (.+) \|$", DOC.split("## Events")[1].split("##")[0],
                           re.M))
    for kind in DEVICE_KINDS:
        documented = set(re.findall(r"(\w+) \(", rows.get(kind, "")))
        assert documented == set(DEVICE_EVENTS.get(kind, ())), kind
        for event, severity in _EVENTS.get(kind, ()):
            assert event in DEVICE_EVENTS[kind] or event in COMMON_EVENTS
            assert f"{event} ({severity.name})" in rows[kind], (kind, event)
    assert all(f"`{reason}`" in DOC for reason in REASONS)
    assert all(kind in DOC for kind in DEVICE_KINDS)
