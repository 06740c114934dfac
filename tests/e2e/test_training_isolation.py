"""Training never reaches the real compound: a real Mosquitto subscriber on ``#`` hears
nothing while a session raises alarms and sends a technician an order (kept by the
session's publisher instead, never retained), and training refuses to start when the
config names a live broker or a database."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import msgspec
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app import paths
from app.config import load_config
from app.facade import commands as c
from app.facade.session import Session
from app.security.roles import Grant, Role
from app.training.session import TrainingError, TrainingSession
from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(600)]

SCENARIO = paths.demo_scene_dir() / "training" / "flood-power-cut.toml"
CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
TRAINEE = Session(user="小李", display_name="小李", grant=Grant(Role.TRAINEE), console="t",
                  training=True)


def _subscriber(port: int) -> tuple[mqtt.Client, list, threading.Event]:
    heard: list[tuple[str, bytes, bool]] = []
    ready = threading.Event()
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="listens-to-everything")
    client.on_message = lambda _c, _u, m: heard.append((m.topic, m.payload, m.retain))
    client.on_subscribe = lambda *_a: ready.set()
    client.connect("127.0.0.1", port)
    client.subscribe("#", qos=1)
    client.loop_start()
    return client, heard, ready


def test_a_training_session_publishes_nothing(mqtt_broker):
    client, heard, ready = _subscriber(mqtt_broker.port)
    assert ready.wait(10)
    probe = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="probe")
    probe.connect("127.0.0.1", mqtt_broker.port)
    probe.loop_start()
    probe.publish("probe/hello", b"1", qos=1).wait_for_publish(timeout=10)
    probe.disconnect()
    probe.loop_stop()
    assert wait_until(lambda: heard, timeout=10), "the subscriber hears the broker"
    heard.clear()
    config = load_config(None)
    config = msgspec.structs.replace(
        config, cameras=msgspec.structs.replace(config.cameras, enabled=False))
    session = TrainingSession.build(config, SCENARIO, trainee="小李")
    session.start(thread=False)
    try:
        session.player.step_to(70)  # the power cut at 60 s: the transformer trips
        trip = next(a for a in session.engine.alarms.book.open_alarms()
                    if a.type == "event.trip")
        order = next(o for o in session.engine.dispatch.service.orders()
                     if o.origin_ref == trip.id)
        session.engine.commands.execute(TRAINEE, c.AcknowledgeAlarm(alarm_id=trip.id))
        session.engine.commands.execute(TRAINEE, c.AssignOrder(order_id=order.id,
                                                               tech_id="T07",
                                                               reason="值班电工"))
        session.player.step_to(200)  # the technician's handset answers, the flood comes
        kept = session.publisher.messages()
        topics = {m.topic for m in kept}
        assert "cr/demo/alarms" in topics and "cr/demo/tech/T07/orders" in topics
        assert not any(m.retain for m in kept)
        accepted = session.engine.dispatch.service.order(order.id)
        assert accepted.state in ("accepted", "en_route", "arrived"), accepted.state
        time.sleep(2.0)  # anything published would have arrived by now
        assert heard == []
    finally:
        session.stop(keep_result=False)
        client.loop_stop()
        client.disconnect()


def test_training_refuses_a_live_broker_or_a_database(tmp_path, mqtt_broker):
    config = load_config(None)
    live = msgspec.structs.replace(config, mqtt=msgspec.structs.replace(
        config.mqtt, url=mqtt_broker.url))
    with pytest.raises(TrainingError, match="live broker"):
        TrainingSession.build(live, SCENARIO, trainee="x", home=tmp_path)
    production = msgspec.structs.replace(config, database=msgspec.structs.replace(
        config.database, url=f"sqlite:///{tmp_path / 'production.db'}"))
    with pytest.raises(TrainingError, match="production database"):
        TrainingSession.build(production, SCENARIO, trainee="x", home=tmp_path)
    assert not (tmp_path / "production.db").exists()
    for flags in (["--broker", mqtt_broker.url], ["--db", f"sqlite:///{tmp_path}/p.db"]):
        result = subprocess.run([*CLI, *flags, "serve", "--training", str(SCENARIO),
                                 "--listen", ""], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("control-room: error: training "
                                                       "refuses to start"), lines
