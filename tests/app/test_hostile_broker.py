"""Any client on the broker, hostile or careless, against the demo compound through a real
Mosquitto: births cannot rewrite or delete the scene's devices, a flood of births cannot
grow the compound, one poisoned reading cannot silence a device, big messages of unknown
devices cannot fill memory."""

from __future__ import annotations

import json
import time

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app import paths
from app.config import MqttConfig
from app.ingest.pipeline import Ingest
from app.ingest.rejects import MAX_UNKNOWN_DEVICES
from app.scene.loader import load_scene
from app.sources.mqtt import MqttSource
from app.state.store import StateStore
from app.wire.topics import TopicScheme
from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]

SCHEME = TopicScheme("cr", "demo")
TRANSFORMER = "S01-TR1"  # the demo's transformer: building S01, floor 1, (14.5, -36, 1.5)


@pytest.fixture(scope="module")
def demo_scene():
    return load_scene(paths.demo_scene_dir())


@pytest.fixture
def live(mqtt_broker, demo_scene):
    """The demo compound's ingest on a real broker, and a client that can publish."""
    store = StateStore(demo_scene.devices)
    ingest = Ingest(store, SCHEME, scene=demo_scene, park_unknown_s=30.0)
    source = MqttSource(MqttConfig(url=mqtt_broker.url, client_id="cr-hostile"), SCHEME)
    source.start(ingest.handle_batch)
    assert source.wait_connected(10)
    neighbour = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="neighbour",
                            protocol=mqtt.MQTTv5)
    neighbour.max_inflight_messages_set(1000)
    neighbour.connect("127.0.0.1", mqtt_broker.port)
    neighbour.loop_start()
    yield ingest, neighbour
    neighbour.disconnect()
    neighbour.loop_stop()
    source.stop()


def _send(client: mqtt.Client, items: list[tuple[str, bytes, bool]]) -> None:
    info = None
    for topic, payload, retain in items:
        info = client.publish(f"cr/demo/{topic}", payload, qos=1, retain=retain)
    if info is not None:
        info.wait_for_publish(30)


def _tel(seq: int, ts_ms: int, temp: float) -> bytes:
    return json.dumps({"ts": ts_ms, "seq": seq, "values": {"temp_c": temp}}).encode()


def _settled(ingest: Ingest, received: int) -> bool:
    c = ingest.counts()
    return c["received"] >= received and \
        c["received"] == c["accepted"] + c["rejected"] + c["parked"]


def test_births_cannot_rewrite_delete_or_grow_the_compound(live, demo_scene) -> None:
    ingest, neighbour = live
    store = ingest.store
    transformer = store.device(TRANSFORMER)
    smoke = next(d for d in demo_scene.devices if d.kind == "smoke_detector")
    moved = {"kind": "smoke_detector", "name": "<b>hacked</b>",
             "location": {"building": "B01", "floor": 99, "xyz": [9999, 0, -500]}}
    _send(neighbour, [(f"dev/{TRANSFORMER}/meta", json.dumps(moved).encode(), True),
                      (f"dev/{smoke.id}/meta", b"", True)])
    flood = [(f"dev/ghost-{i:05d}/meta", json.dumps(
        {"kind": "camera", "name": f"g{i}", "location": {"xyz": [1, 2, 3]}}).encode(), True)
        for i in range(3000)]
    _send(neighbour, flood)
    impossible = {"kind": "water_pump", "name": "x", "location": {"building": "NOPE",
                                                                   "xyz": [0, 0, 0]}}
    _send(neighbour, [("dev/pump-x/meta", json.dumps(impossible).encode(), True)])
    assert wait_until(lambda: _settled(ingest, 3003), timeout=60), ingest.counts()

    assert store.device(TRANSFORMER) == transformer  # kind, place and name as the scene says
    assert store.device(smoke.id) is not None  # an empty birth deleted nothing
    assert len(store.devices()) == len(demo_scene.devices)  # 3000 births created no device
    counts, samples, unknown = ingest.ledger.snapshot()
    assert counts["birth_conflict"] == 2 and counts["bad_location"] == 1
    assert "kind 'smoke_detector'" in samples["birth_conflict"].detail or \
        "does not remove" in samples["birth_conflict"].detail
    assert len(unknown) == MAX_UNKNOWN_DEVICES  # listed for an operator, bounded
    assert all(u.birth is not None and u.birth.kind == "camera" for u in unknown)
    # and the scene's own devices still report as before
    now_ms = int(time.time() * 1000)
    _send(neighbour, [(f"dev/{TRANSFORMER}/telemetry", _tel(1, now_ms, 71.0), False)])
    assert wait_until(lambda: (store.get(TRANSFORMER).values or {}).get("temp_c") == 71.0)


def test_one_poisoned_reading_does_not_make_genuine_ones_duplicates(live) -> None:
    ingest, neighbour = live
    now_ms = int(time.time() * 1000)
    _send(neighbour, [(f"dev/{TRANSFORMER}/telemetry", _tel(s, now_ms - 60_000 + s * 1000,
                                                            60.0), False) for s in range(1, 11)])
    poison = (b'{"ts":%d,"seq":9200000000000000000,"values":{"temp_c":20.0}}'
              % (now_ms + 3_590_000))
    _send(neighbour, [(f"dev/{TRANSFORMER}/telemetry", poison, False)])
    _send(neighbour, [(f"dev/{TRANSFORMER}/telemetry", _tel(s, now_ms + s, 60.0 + s), False)
                      for s in range(11, 31)])
    assert wait_until(lambda: _settled(ingest, 31), timeout=30), ingest.counts()
    counts = ingest.counts()
    # every genuine reading taken (was: all "duplicates" for an hour); the poison is not
    assert counts["accepted"] == 30 and ingest.ledger.snapshot()[0]["seq_jump"] == 1
    assert ingest.store.get(TRANSFORMER).values["temp_c"] == 90.0
    assert counts["sequence_anomalies"] == 1 and counts["rejected"] == 1
    # a plausible seq from an hour ahead: taken, but the genuine readings still show
    _send(neighbour, [(f"dev/{TRANSFORMER}/telemetry", _tel(31, now_ms + 3_590_000, 20.0),
                       False)])
    _send(neighbour, [(f"dev/{TRANSFORMER}/telemetry", _tel(s, now_ms + 61_000 + s, 60.0 + s),
                       False) for s in range(32, 35)])
    assert wait_until(lambda: _settled(ingest, 35), timeout=30), ingest.counts()
    assert ingest.counts()["accepted"] == 34
    assert ingest.store.get(TRANSFORMER).values["temp_c"] == 94.0
    anomaly = ingest.dedupe.last_anomalies()[0]
    assert anomaly.device_id == TRANSFORMER and anomaly.what == "jump"


def test_big_messages_of_unknown_devices_are_parked_within_a_byte_bound(live) -> None:
    ingest, neighbour = live
    now_ms = int(time.time() * 1000)
    big = b'{"ts":%d,"values":{"v":1},"pad":"%s"}' % (now_ms, b"x" * 60_000)
    _send(neighbour, [(f"dev/unknown-{i % 40}/telemetry", big, False) for i in range(1500)])
    assert wait_until(lambda: _settled(ingest, 1500), timeout=60), ingest.counts()
    assert ingest.parking.bytes <= ingest.parking.total_bytes == 32 * 1024 * 1024
    counts = ingest.counts()
    assert counts["parked"] < 600 and counts["rejected"] > 900  # was: all 1500 (90 MB) held
