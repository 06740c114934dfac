"""MqttSource against a real Mosquitto: all contract topics decoded, QoS 1 persistence while
the control room is down, broker restart mid-stream, retained status and last will."""

from __future__ import annotations

import json
import subprocess
import time

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app.config import ConfigError, MqttConfig
from app.domain.model import Device, Location
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.sources.mqtt import MqttSource
from app.sources.mqtt_url import parse_broker_url, redact
from app.state.store import StateStore
from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(60)]

SCHEME = TopicScheme("cr", "demo")


def engine_parts(*ids: str) -> tuple[StateStore, Ingest]:
    store = StateStore([Device(d, "power_meter", d, Location((0.0, 0.0, 0.0))) for d in ids])
    return store, Ingest(store, SCHEME)


def source_for(broker, client_id: str = "cr-test", **kw) -> MqttSource:
    return MqttSource(MqttConfig(url=broker.url, client_id=client_id, keepalive_s=5), SCHEME,
                      **kw)


def publisher(broker, client_id: str) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
    client.connect(host="127.0.0.1", port=broker.port)
    client.loop_start()
    return client


def tel(seq: int, value: float = 1.0) -> bytes:
    return json.dumps({"ts": int(time.time() * 1000), "seq": seq,
                       "values": {"kw": value}}).encode()


def mosquitto_pub(broker, topic: str, payload: bytes, *extra: str) -> None:
    subprocess.run(["mosquitto_pub", "-p", str(broker.port), "-q", "1", "-t", topic, "-s",
                    *extra], input=payload, check=True, timeout=10)


def test_receives_and_decodes_every_contract_topic(mqtt_broker) -> None:
    store, ingest = engine_parts("m1")
    store.register(Device("n1", "smoke_detector", "烟感 1", Location((1.0, 2.0, 3.0))))
    events = []
    ingest.subscribe(events.extend)
    source = source_for(mqtt_broker)
    source.start(ingest.handle_batch)
    try:
        assert source.wait_connected(10) and source.status().connected
        ms = int(time.time() * 1000)
        for topic, body in [
            ("dev/n1/meta", {"kind": "smoke_detector", "name": "烟感 1",
                             "location": {"xyz": [1, 2, 3]}}),
            ("dev/m1/status", {"online": True}),
            ("dev/m1/telemetry", {"ts": ms, "seq": 1, "values": {"kw": 3.5}}),
            ("dev/n1/event", {"ts": ms, "kind": "smoke", "data": {"位置": "前室"}}),
            ("mic/a1/event", {"ts_ns": ms * 1_000_000, "kind": "bang"}),
            ("gate/g1/pass", {"ts": ms, "plate": "粤B12345", "dir": "out"}),
            ("tech/w1/location", {"ts": ms, "xyz": [1, 2, 0]}),
            ("tech/w1/order-updates", {"order_id": "o1", "state": "accepted"}),
        ]:
            mosquitto_pub(mqtt_broker, f"cr/demo/{topic}",
                          json.dumps(body, ensure_ascii=False).encode())
        assert wait_until(lambda: len(events) == 8)
        assert {type(e).__name__ for e in events} == {
            "MetaReceived", "StatusReceived", "TelemetryReceived", "DeviceEventReceived",
            "MicArrivalReceived", "GatePassReceived", "TechLocationReceived",
            "OrderUpdateReceived"}
        assert next(e for e in events if type(e).__name__ == "DeviceEventReceived").data == \
            {"位置": "前室"}
        assert store.get("m1").values == {"kw": 3.5}
        assert next(e for e in events if type(e).__name__ == "GatePassReceived").plate == \
            "粤B12345"
    finally:
        source.stop()
    assert not source.status().connected


def test_qos1_messages_published_while_down_arrive_once_after_reconnect(mqtt_broker) -> None:
    store, ingest = engine_parts("m1")
    first = source_for(mqtt_broker, "cr-persist")
    first.start(ingest.handle_batch)
    assert first.wait_connected(10)
    first.stop()  # the broker keeps the session (clean_start False + session expiry)
    pub = publisher(mqtt_broker, "meter-m1")
    for seq in range(1, 201):
        pub.publish("cr/demo/dev/m1/telemetry", tel(seq, float(seq)), qos=1).wait_for_publish(5)
    pub.disconnect()
    pub.loop_stop()
    second = source_for(mqtt_broker, "cr-persist")
    second.start(ingest.handle_batch)
    try:
        assert wait_until(lambda: ingest.accepted == 200)
        time.sleep(0.3)
        assert ingest.accepted == 200 and ingest.ledger.total() == 0
        assert store.get("m1").values == {"kw": 200.0}
    finally:
        second.stop()


def test_broker_restart_mid_stream_loses_nothing(mqtt_broker) -> None:
    store, ingest = engine_parts("m1")
    source = source_for(mqtt_broker, "cr-restart")
    source.start(ingest.handle_batch)
    assert source.wait_connected(10)
    pub = publisher(mqtt_broker, "meter-m1-restart")
    infos = [pub.publish("cr/demo/dev/m1/telemetry", tel(s), qos=1) for s in range(1, 301)]
    infos[-1].wait_for_publish(10)
    mqtt_broker.stop()  # graceful: Mosquitto saves sessions and queues
    time.sleep(0.5)
    assert not source.status().connected
    mqtt_broker.start()
    # the publisher's reconnect is paho's own; keep publishing into its queue meanwhile
    infos += [pub.publish("cr/demo/dev/m1/telemetry", tel(s), qos=1) for s in range(301, 601)]
    try:
        assert wait_until(lambda: ingest.accepted >= 600, timeout=30), ingest.counts()
        time.sleep(0.5)
        counts = ingest.ledger.snapshot()[0]
        assert ingest.accepted == 600  # every seq exactly once
        assert sum(counts.values()) == counts["duplicate"]
        assert source.connects >= 2 and source.status().connected
    finally:
        pub.disconnect()
        pub.loop_stop()
        source.stop()


def test_retained_status_online_then_last_will_offline(mqtt_broker) -> None:
    source = source_for(mqtt_broker, "cr-will", instance="wall-2")
    source.start(lambda batch: None)
    assert source.wait_connected(10)
    topic = "cr/demo/control-room/wall-2/status"

    def retained() -> bytes:
        out = subprocess.run(["mosquitto_sub", "-p", str(mqtt_broker.port), "-t", topic,
                              "-C", "1", "-W", "3"], capture_output=True, timeout=10)
        return out.stdout.strip()

    assert wait_until(lambda: retained() == b'{"online":true}', timeout=5)
    # crash the control room's connection: the broker publishes the will
    source._client.loop_stop()  # no reconnect: the control room "died"
    source._client._sock.close()  # a dead TCP link without DISCONNECT
    assert wait_until(lambda: retained() == b'{"online":false}', timeout=20)
    source.stop()


def test_clean_stop_says_offline_and_refuses_bad_urls(mqtt_broker) -> None:
    source = source_for(mqtt_broker, "cr-bye")
    source.start(lambda batch: None)
    assert source.wait_connected(10)
    source.stop()
    out = subprocess.run(["mosquitto_sub", "-p", str(mqtt_broker.port), "-t",
                          "cr/demo/control-room/main/status", "-C", "1", "-W", "3"],
                         capture_output=True, timeout=10)
    assert out.stdout.strip() == b'{"online":false}'
    for bad, words in [("http://x", "scheme"), ("mqtt://", "host"), ("mqtt://h:99999", "Port"),
                       ("mqtt://h/path", "path")]:
        with pytest.raises(ConfigError, match=words):
            parse_broker_url(bad)
    with pytest.raises(ConfigError) as exc:
        parse_broker_url("ftp://user:s3cret@h")
    assert "s3cret" not in str(exc.value)
    assert "s3cret" not in redact("mqtt://user:s3cret@h:1") and \
        parse_broker_url("mqtts://u:p@h").port == 8883
    assert "s3cret" not in repr(parse_broker_url("mqtt://u:s3cret@h"))
