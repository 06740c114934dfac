"""MqttSource acknowledges QoS 1 messages only once its durability barrier says they are
stored (real Mosquitto): a control room that dies before that gets them again; the broker
itself stops at the Receive Maximum instead of the source dropping messages."""

from __future__ import annotations

import threading
import time

import pytest

from app.config import MqttConfig
from app.ingest.topics import TopicScheme
from app.sources.mqtt import MqttSource
from tests.app.test_mqtt_source import publisher, tel
from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(60)]

SCHEME = TopicScheme("cr", "demo")
TOPIC = "cr/demo/dev/m1/telemetry"


class Barrier:
    """A storage stand-in: a mark per sink call, made durable by the test."""

    def __init__(self) -> None:
        self.last = 0
        self.durable = 0
        self.listeners: list = []

    def mark(self) -> int:
        self.last += 1
        return self.last

    def durable_mark(self) -> int:
        return self.durable

    def add_durable_listener(self, callback) -> None:
        self.listeners.append(callback)

    def make_durable(self) -> None:
        self.durable = self.last
        for callback in self.listeners:
            callback(self.durable)


def source_for(broker, client_id: str, **kw) -> MqttSource:
    # keepalive 30 s: these tests are about acknowledgements on a connection that stays up.
    # A loaded suite run once saw 95 acknowledged messages come back (not reproduced since,
    # idle or under CPU load); the likeliest cause is a connection dropped by a 5 s
    # keepalive, the acks queued on it never reaching the broker (which then rightly resends)
    return MqttSource(MqttConfig(url=broker.url, client_id=client_id, keepalive_s=30), SCHEME,
                      announce=False, **kw)


def crash(source: MqttSource) -> None:
    """The process dies: no DISCONNECT, no more acknowledgements."""
    source._client.loop_stop()
    source._client._sock.close()
    source._client = None
    source._stopping.set()
    source._wake.set()


def test_unstored_messages_are_not_acknowledged_and_come_back(mqtt_broker) -> None:
    barrier = Barrier()
    got: list = []
    first = source_for(mqtt_broker, "cr-durable")
    first.use_durability_barrier(barrier)
    first.start(got.extend)
    assert first.wait_connected(10)
    pub = publisher(mqtt_broker, "meter-durable")
    try:
        for seq in range(1, 101):
            pub.publish(TOPIC, tel(seq), qos=1)
        assert wait_until(lambda: len(got) == 100)
        assert first.stats()["acked"] == 0 and first.stats()["awaiting_storage"] == 100
        crash(first)  # before storage said "durable"
        again: list = []
        second = source_for(mqtt_broker, "cr-durable")
        second.use_durability_barrier(barrier)
        second.start(again.extend)
        try:
            assert wait_until(lambda: len(again) == 100)  # every one of them, once more
            assert sorted(m.payload for m in again) == sorted(m.payload for m in got)
            barrier.make_durable()
            assert wait_until(lambda: second.stats()["acked"] == 100)
        finally:
            second.stop()
        third: list = []
        last = source_for(mqtt_broker, "cr-durable")
        last.start(third.extend)
        assert last.wait_connected(10)
        new = tel(101)
        pub.publish(TOPIC, new, qos=1).wait_for_publish(5)
        # the new message arrives, and none of the acknowledged ones come back with it
        arrived = wait_until(lambda: any(m.payload == new for m in third))
        time.sleep(0.3)
        last.stop()
        assert arrived, f"the new message did not arrive ({len(third)} others did)"
        assert [m.payload for m in third] == [new], (
            f"{len(third) - 1} acknowledged messages were delivered again")
    finally:
        pub.disconnect()
        pub.loop_stop()


def test_the_broker_stops_at_the_receive_maximum_nothing_is_dropped(mqtt_broker) -> None:
    gate = threading.Event()
    got: list = []

    def stuck_sink(batch) -> None:  # ingest stuck on its first batch
        gate.wait(20)
        got.extend(batch)

    source = source_for(mqtt_broker, "cr-small", receive_maximum=10)
    source.start(stuck_sink)
    assert source.wait_connected(10)
    pub = publisher(mqtt_broker, "flood")
    try:
        for seq in range(100):
            info = pub.publish(TOPIC, tel(seq), qos=1)
        info.wait_for_publish(10)
        assert wait_until(lambda: source.received == 10)
        assert not wait_until(lambda: source.received > 10, timeout=0.5)  # the broker waits
        gate.set()
        assert wait_until(lambda: len(got) == 100)  # then delivers the rest
        assert source.dropped == 0 and source.stats()["acked"] == 100
    finally:
        gate.set()
        pub.disconnect()
        pub.loop_stop()
        source.stop()
