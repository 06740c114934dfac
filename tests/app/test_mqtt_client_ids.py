"""MQTT client ids on one real Mosquitto (issue 17 item 7): two compounds' engines left at
the defaults get different ids and both stay connected; two clients configured with one id
(which evict each other) are detected: one stops reconnecting and says why, the other
keeps the connection."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from app.config import MqttConfig
from app.ingest.topics import TopicScheme
from app.sources.mqtt import MqttSource
from app.sources.mqtt_takeover import SESSION_TAKEN_OVER, SUSPECT_AFTER, TakeoverWatch
from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(60)]


def source(broker, site: str, *, client_id: str | None = None,
           instance: str = "main") -> MqttSource:
    return MqttSource(MqttConfig(url=broker.url, client_id=client_id, keepalive_s=5),
                      TopicScheme("cr", site), instance=instance, announce=False)


def test_engines_of_two_compounds_at_the_defaults_do_not_evict_each_other(mqtt_broker):
    east, west = source(mqtt_broker, "east"), source(mqtt_broker, "west")
    second = source(mqtt_broker, "east", instance="backup")
    assert (east.client_id, west.client_id, second.client_id) == (
        "control-room-east-main", "control-room-west-main", "control-room-east-backup")
    sources = (east, west, second)
    try:
        for s in sources:
            s.start(lambda _batch: None)
        assert all(s.wait_connected(10) for s in sources)
        time.sleep(3.0)  # evicted clients reconnect after 1 s: long enough to see it
        assert [s.connects for s in sources] == [1, 1, 1]
        assert all(s.status().connected for s in sources)
    finally:
        for s in sources:
            s.stop()


def test_a_takeover_loop_is_detected_reported_and_not_fought_forever(mqtt_broker):
    """Two clients configured with one id. A broker that says "session taken over" (MQTT 5,
    Mosquitto >= 2.0.15) gets one of them to stop; one that just closes the connection
    (Debian's Mosquitto 2.0.11) gets them to report it and back off."""
    one = source(mqtt_broker, "east", client_id="control-room")
    other = source(mqtt_broker, "west", client_id="control-room")
    both = (one, other)

    def noticed(s: MqttSource) -> bool:
        return s.taken_over or s.suspected_takeover is not None

    try:
        one.start(lambda _batch: None)
        assert one.wait_connected(10)
        other.start(lambda _batch: None)
        assert wait_until(lambda: any(noticed(s) for s in both), timeout=40)
        for s in both:
            if noticed(s):
                assert "'control-room'" in s.status().detail
                assert "client id" in s.status().detail
        before = [s.connects for s in both]
        time.sleep(6.0)  # a fight reconnects each about every 2 s
        after = [s.connects for s in both]
        assert sum(after) - sum(before) <= 2, (before, after)
    finally:
        one.stop()
        other.stop()


def test_a_single_takeover_or_drop_is_not_a_loop() -> None:
    watch = TakeoverWatch("control-room-east-main")
    watch.connected(0.0)
    assert watch.ended(SESSION_TAKEN_OVER, 1.0).action == "reconnect"  # a restart overlap
    for k in range(SUSPECT_AFTER - 1):  # a few short drops: a flaky network, keep trying
        watch.connected(10.0 + k)
        assert watch.ended(None, 10.5 + k).action == "reconnect"
    watch.connected(20.0)
    verdict = watch.ended(None, 20.5)
    assert verdict.action == "back_off" and verdict.delay_s == 10.0
    watch.connected(40.0)
    assert watch.ended(None, 40.5).delay_s == 20.0  # doubles while it goes on
    watch.connected(100.0)
    assert watch.ended(None, 100.0 + 61).action == "recovered"  # a connection held a minute
    assert watch.delay_s == 0.0


def test_a_broker_saying_session_taken_over_three_times_makes_the_source_stop() -> None:
    """The MQTT 5 path (Mosquitto >= 2.0.15, EMQX, HiveMQ), against a minimal broker on a
    real socket: it accepts each CONNECT and then says "Session taken over" (reason 142)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    port = server.getsockname()[1]
    accepted: list[float] = []
    done = threading.Event()

    def broker() -> None:
        while not done.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                accepted.append(time.monotonic())
                conn.recv(4096)  # CONNECT
                conn.sendall(b"\x20\x03\x00\x00\x00")  # CONNACK: accepted, no properties
                time.sleep(0.2)
                conn.sendall(b"\xe0\x02\x8e\x00")  # DISCONNECT: session taken over

    thread = threading.Thread(target=broker, daemon=True)
    thread.start()
    s = MqttSource(MqttConfig(url=f"mqtt://127.0.0.1:{port}", keepalive_s=5),
                   TopicScheme("cr", "east"), announce=False)
    try:
        s.start(lambda _batch: None)
        assert wait_until(lambda: s.taken_over, timeout=20)
        assert "stopped reconnecting" in s.status().detail and not s.status().connected
        time.sleep(2.5)  # it would have reconnected after 1 s
        assert len(accepted) == 3
    finally:
        s.stop()
        done.set()
        thread.join(5)
        server.close()
