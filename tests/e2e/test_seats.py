"""One engine, many seats: two consoles of one real ``control-room serve`` see the same
alarms, the first acknowledgement wins and the second is told by whom and when; a serious
fault from a real Mosquitto makes one work order and one handset message; a server killed
and restarted is noticed within 2 s and resynchronised without losing an acknowledgement;
a server that stalls for a few seconds is shown as away and then carried on with, not
resynchronised; no account exists after a fresh install."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import httpx
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app.facade.commands import AcknowledgeAlarm
from app.facade.errors import CommandFailed, NotConnected
from bench.control_server import ControlRoomServer
from tests.fixtures.waiting import wait_until

pytestmark = pytest.mark.timeout(240)

GUARD = ("张伟", "Zhang!wei1")
SUPERVISOR = ("li.na", "Li!passw0rd")


@pytest.fixture
def server(tmp_path):
    srv = ControlRoomServer(tmp_path / "server", extra=())
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"  # no demo video: quicker, quieter
    srv.add_user(*GUARD, "guard")
    srv.add_user(*SUPERVISOR, "supervisor")
    srv.start()
    yield srv
    srv.stop()


def test_an_acknowledgement_shows_at_the_other_console_and_the_second_is_told(server):
    a, b = server.console(*GUARD, "desk-1"), server.console(*SUPERVISOR, "desk-2")
    try:
        assert wait_until(lambda: a.alarms.open_alarms(), timeout=30), "the demo raises alarms"
        alarm = next(x for x in a.alarms.open_alarms() if x.acknowledged_at is None)
        seen = threading.Event()
        b.subscribe(lambda e: seen.set() if getattr(e, "action", "") == "acknowledged"
                    and e.alarm.id == alarm.id else None)
        sent = time.monotonic()
        a.execute(AcknowledgeAlarm(alarm_id=alarm.id))
        assert seen.wait(1.0), "the other console did not see it within 1 s"
        assert time.monotonic() - sent < 1.0
        assert b.alarms.get(alarm.id).acknowledged_by == GUARD[0]
        with pytest.raises(CommandFailed) as second:
            b.execute(AcknowledgeAlarm(alarm_id=alarm.id))
        assert second.value.code == "already_acknowledged"
        assert second.value.data["by"] == GUARD[0] and second.value.data["at"] > 0
    finally:
        a.close()
        b.close()


def test_a_killed_server_is_noticed_within_2_s_and_consoles_resynchronise(server):
    a, b = server.console(*GUARD, "desk-1"), server.console(*SUPERVISOR, "desk-2")
    try:
        assert wait_until(lambda: a.alarms.open_alarms(), timeout=30)
        alarm = next(x for x in a.alarms.open_alarms() if x.acknowledged_at is None)
        a.execute(AcknowledgeAlarm(alarm_id=alarm.id))
        open_before = {x.id for x in b.alarms.open_alarms()}
        server.kill()
        killed = time.monotonic()
        assert wait_until(lambda: not a.link().server_connected
                          and not b.link().server_connected, timeout=2.0)
        assert time.monotonic() - killed < 2.0
        with pytest.raises(NotConnected):  # not sent while away
            a.execute(AcknowledgeAlarm(alarm_id=alarm.id))
        assert b.alarms.get(alarm.id) is not None  # what was shown is kept
        server.start()
        assert wait_until(lambda: a.link().server_connected and b.link().server_connected,
                          timeout=30), "consoles did not reconnect by themselves"
        again = b.alarms.get(alarm.id)
        assert again is not None and again.acknowledged_by == GUARD[0]
        still = {x.id for x in b.alarms.open_alarms()}
        lost = {i for i in open_before if i not in still and a.alarms.get(i) is None}
        assert not lost, f"alarms lost across the restart: {lost}"
    finally:
        a.close()
        b.close()


def test_a_stalled_server_shows_as_away_and_is_carried_on_with_not_resynchronised(server):
    # a busy server can stall for seconds; if every console answered with a reconnect and a
    # full snapshot, the stall would feed itself
    a = server.console(*GUARD, "desk-1")
    try:
        assert wait_until(lambda: a.link().server_connected, timeout=30)
        assert a.snapshots_received == 1
        os.kill(server.proc.pid, signal.SIGSTOP)
        try:
            assert wait_until(lambda: not a.link().server_connected, timeout=2.5), \
                "a silent server was not shown as away"
            with pytest.raises(NotConnected):  # not sent while the server does not answer
                a.execute(AcknowledgeAlarm(alarm_id="any"))
            time.sleep(3.0)
        finally:
            os.kill(server.proc.pid, signal.SIGCONT)
        assert wait_until(lambda: a.link().server_connected, timeout=5), \
            "the console did not come back when the server did"
        beats = a.bytes_received
        assert wait_until(lambda: a.bytes_received > beats, timeout=5)  # the stream flows
        assert a.snapshots_received == 1, "the stall made the console resynchronise"
    finally:
        a.close()


def test_no_account_exists_after_a_fresh_install(tmp_path):
    srv = ControlRoomServer(tmp_path / "fresh")
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"
    try:
        srv.start()
        assert httpx.get(f"{srv.url}/api/v1/health").json()["setup_needed"] is True
        for name, password in (("admin", "admin"), ("admin", "123456"), ("root", "root"),
                               ("administrator", "Admin@123"), ("demo", "demo")):
            answer = httpx.post(f"{srv.url}/api/v1/session",
                                json={"username": name, "password": password})
            assert answer.status_code == 403, (name, answer.text)
        assert "setup token" in srv.log_path.read_text()
        listed = srv.cli("users", "list", "--db", srv.db_url)
        assert listed.returncode == 0 and listed.stdout.strip() == ""
    finally:
        srv.stop()


def test_five_failed_logins_lock_the_account(server):
    url = f"{server.url}/api/v1/session"
    for _ in range(5):
        assert httpx.post(url, json={"username": GUARD[0], "password": "wrong"}
                          ).status_code == 403
    locked = httpx.post(url, json={"username": GUARD[0], "password": GUARD[1]})
    assert locked.status_code == 403 and "30" in locked.json()["message"]
    audited = server.cli("users", "list", "--json", "--db", server.db_url)
    assert audited.returncode == 0


@pytest.mark.broker
def test_a_serious_fault_makes_one_order_and_one_handset_message(tmp_path, mqtt_broker):
    srv = ControlRoomServer(tmp_path / "server", broker=mqtt_broker.url)
    srv.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"
    srv.add_user(*GUARD, "guard")
    srv.add_user(*SUPERVISOR, "supervisor")
    srv.start()
    try:
        _one_order(srv, mqtt_broker)
    finally:
        srv.stop()


def _one_order(srv, mqtt_broker) -> None:  # noqa: ANN001
    handset: list[dict] = []
    listener = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="handsets")
    listener.on_message = lambda _c, _u, m: handset.append(json.loads(m.payload))
    listener.connect("127.0.0.1", mqtt_broker.port)
    listener.subscribe("cr/demo/tech/+/orders", qos=1)
    listener.loop_start()
    a, b = srv.console(*GUARD, "desk-1"), srv.console(*SUPERVISOR, "desk-2")
    device = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="S01-TR1")
    device.connect("127.0.0.1", mqtt_broker.port)
    device.loop_start()
    try:
        # a transformer overheating for a minute of its own time (the alarm waits 30 s)
        start = time.time() - 60
        for seq in range(1, 14):
            body = {"ts": int((start + 5 * seq) * 1000), "seq": seq,
                    "values": {"temp_c": 110.0 + seq, "load_pct": 96.0, "voltage_v": 400.0}}
            device.publish("cr/demo/dev/S01-TR1/telemetry", json.dumps(body),
                           qos=1).wait_for_publish()

        def alarm():  # noqa: ANN202
            return next((x for x in a.alarms.open_alarms()
                         if x.device_id == "S01-TR1" and x.type.startswith("temp_c")), None)

        assert wait_until(lambda: alarm() is not None, timeout=30), "no alarm raised"
        raised = alarm()

        def on_second_desk() -> int:
            return sum(1 for x in b.alarms.open_alarms() if x.device_id == "S01-TR1"
                       and x.type == raised.type)

        # the second desk's mirror follows the server's stream: the same one alarm, soon
        assert wait_until(lambda: on_second_desk() == 1, timeout=10), on_second_desk()

        def orders():  # noqa: ANN202
            return [v.order for v in a.dispatch.snapshot().orders
                    if v.order.origin_ref == raised.id]

        assert wait_until(lambda: orders() and orders()[0].assignee, timeout=30)
        (order,) = orders()
        # the second desk's mirror follows the server's stream: the same one order, soon
        assert wait_until(lambda: [v.order.id for v in b.dispatch.snapshot().orders
                                   if v.order.origin_ref == raised.id] == [order.id], 10)
        assert wait_until(lambda: any(m.get("order_id") == order.id for m in handset), 10)
        time.sleep(2.0)  # anything duplicated would have arrived by now
        assert on_second_desk() == 1
        sent = [m for m in handset if m.get("order_id") == order.id
                and m.get("state") == "assigned"]
        assert len(sent) == 1, sent
    finally:
        device.loop_stop()
        listener.loop_stop()
        a.close()
        b.close()
