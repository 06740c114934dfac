"""The production broker setup as shipped (deploy/mosquitto), on a real Mosquitto: with one
account per device and the ACL, a device cannot publish another device's birth (nor clear
it), cannot send alarm events or work orders; the control room can; a technician reads
only its own orders; nobody gets in without an account."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from tests.fixtures.broker import MOSQUITTO, Broker
from tests.fixtures.waiting import wait_until

pytestmark = [
    pytest.mark.broker, pytest.mark.timeout(60),
    pytest.mark.skipif(MOSQUITTO is None or shutil.which("mosquitto_passwd") is None,
                       reason="needs mosquitto and mosquitto_passwd (apt-get install mosquitto)"),
]

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "mosquitto"
#: what the test changes in the shipped config: where it listens and where its files are
LOCAL = ("listener", "certfile", "keyfile", "cafile", "tls_version", "password_file",
         "acl_file", "persistence_location", "persistence", "autosave_interval")
ACCOUNTS = {"control-room": "cr-口令-1", "S01-TR1": "tr-secret", "B01-F01-C1-SD": "sd-secret",
            "T04": "t04-secret", "T05": "t05-secret"}


@pytest.fixture
def production_broker():
    root = Path(tempfile.mkdtemp(prefix="cr-mosquitto-acl-"))
    os.chmod(root, 0o755)
    passwd = root / "passwd"
    for user, password in ACCOUNTS.items():
        subprocess.run(["mosquitto_passwd", "-b", *([] if passwd.exists() else ["-c"]),
                        str(passwd), user, password], check=True, capture_output=True)
    acl = root / "acl"
    shutil.copy(DEPLOY / "acl", acl)
    for path in (passwd, acl):
        os.chmod(path, 0o644)  # Mosquitto reads them after dropping to its own user
    broker = Broker(root, persistence=False)
    shipped = [line for line in (DEPLOY / "mosquitto.conf").read_text().splitlines()
               if line.strip() and not line.startswith("#")
               and line.split()[0] not in LOCAL]
    broker.conf_path.write_text("\n".join([
        f"listener {broker.port} 127.0.0.1", *shipped, f"password_file {passwd}",
        f"acl_file {acl}", "persistence false", "log_dest stderr"]) + "\n")
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()
        shutil.rmtree(root, ignore_errors=True)


class Client:
    def __init__(self, broker: Broker, user: str | None, password: str | None = None) -> None:
        self.got: list[tuple[str, bytes]] = []
        self.refused: list[int] = []
        self._connected = threading.Event()
        self.reason = None
        c = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"acl-{user}-{time.monotonic()}",
                        protocol=mqtt.MQTTv5)
        if user:
            c.username_pw_set(user, password if password is not None else ACCOUNTS[user])
        c.on_connect = self._on_connect
        c.on_message = lambda _c, _u, m: self.got.append((m.topic, bytes(m.payload)))
        c.on_publish = self._on_publish
        c.connect("127.0.0.1", broker.port)
        c.loop_start()
        self.client = c

    def _on_connect(self, _c, _u, _f, reason, _p) -> None:
        self.reason = reason
        self._connected.set()

    def _on_publish(self, _c, _u, mid, reason, _p) -> None:
        if reason.is_failure:
            self.refused.append(mid)

    def connected(self) -> bool:
        return self._connected.wait(5) and not self.reason.is_failure

    def subscribe(self, topic: str) -> None:
        done = threading.Event()
        self.client.on_subscribe = lambda *_a: done.set()
        self.client.subscribe(topic, qos=1)
        assert done.wait(5)

    def publish(self, topic: str, payload: bytes, retain: bool = False) -> bool:
        """True when the broker accepted it (MQTT 5 PUBACK without an error code)."""
        info = self.client.publish(topic, payload, qos=1, retain=retain)
        info.wait_for_publish(5)
        return info.mid not in self.refused

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def test_a_device_writes_only_its_own_topics_and_the_control_room_the_orders(
        production_broker) -> None:
    room = Client(production_broker, "control-room")
    transformer = Client(production_broker, "S01-TR1")
    smoke = Client(production_broker, "B01-F01-C1-SD")
    t04, t05 = Client(production_broker, "T04"), Client(production_broker, "T05")
    clients = [room, transformer, smoke, t04, t05]
    try:
        assert all(c.connected() for c in clients)
        room.subscribe("cr/demo/#")
        t04.subscribe("cr/demo/tech/+/orders")
        smoke_birth = b'{"kind":"smoke_detector","name":"1","location":{"xyz":[0,0,0]}}'
        assert smoke.publish("cr/demo/dev/B01-F01-C1-SD/meta", smoke_birth, retain=True)
        # the transformer's account tries to rewrite, clear, and speak for the control room
        hostile = b'{"kind":"camera","name":"x","location":{"xyz":[9999,0,0]}}'
        assert not transformer.publish("cr/demo/dev/B01-F01-C1-SD/meta", hostile, retain=True)
        assert not transformer.publish("cr/demo/dev/B01-F01-C1-SD/meta", b"", retain=True)
        assert not transformer.publish("cr/demo/dev/B01-F01-C1-SD/telemetry", b"{}")
        assert not transformer.publish("cr/demo/alarms", b'{"id":"fake"}')
        assert not transformer.publish("cr/demo/tech/T04/orders", b'{"order_id":"fake"}')
        assert transformer.publish("cr/demo/dev/S01-TR1/telemetry", b'{"marker":1}')
        assert wait_until(lambda: ("cr/demo/dev/S01-TR1/telemetry", b'{"marker":1}')
                          in room.got)
        assert [t for t, _ in room.got] == ["cr/demo/dev/B01-F01-C1-SD/meta",
                                            "cr/demo/dev/S01-TR1/telemetry"]
        # the control room sends an order to T04: T04 reads it, T05 does not
        assert room.publish("cr/demo/tech/T04/orders", b'{"order_id":"WO-1"}')
        assert room.publish("cr/demo/alarms", b'{"id":"A1"}')
        assert wait_until(lambda: t04.got)
        t05.subscribe("cr/demo/tech/+/orders")
        assert t04.publish("cr/demo/tech/T04/order-updates", b'{"order_id":"WO-1"}')
        assert not t04.publish("cr/demo/tech/T05/order-updates", b'{"order_id":"WO-1"}')
        time.sleep(0.3)
        assert t04.got == [("cr/demo/tech/T04/orders", b'{"order_id":"WO-1"}')]
        assert t05.got == []
    finally:
        for c in clients:
            c.close()
    # the retained birth is still the smoke detector's own
    late = Client(production_broker, "control-room")
    try:
        assert late.connected()
        late.subscribe("cr/demo/dev/B01-F01-C1-SD/meta")
        assert wait_until(lambda: late.got)
        assert late.got == [("cr/demo/dev/B01-F01-C1-SD/meta", smoke_birth)]
    finally:
        late.close()


def test_nobody_gets_in_without_an_account(production_broker) -> None:
    for user, password in [(None, None), ("S01-TR1", "wrong"), ("ghost", "x")]:
        client = Client(production_broker, user, password)
        try:
            assert not client.connected()
        finally:
            client.close()
