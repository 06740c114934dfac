"""`control-room serve` ingests what `control-room simulate` publishes through a real
Mosquitto, and exits 0 on SIGTERM with its totals; a restarted serve gets what was
published while it was down, exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]


def _env(tmp_path) -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "CONTROL_ROOM_DATA": str(tmp_path)}


def _serve(broker, tmp_path, log_name: str) -> subprocess.Popen:
    log = open(tmp_path / log_name, "wb")  # noqa: SIM115 - owned by the child
    proc = subprocess.Popen([*CLI, "serve", "--broker", broker.url, "--stats-every", "1"],
                            env=_env(tmp_path), stdout=subprocess.PIPE, stderr=log)
    log.close()
    deadline = time.monotonic() + 30
    while b"source up" not in (tmp_path / log_name).read_bytes():
        assert proc.poll() is None, (tmp_path / log_name).read_text()
        assert time.monotonic() < deadline, "serve did not connect"
        time.sleep(0.1)
    return proc


def _stop(proc: subprocess.Popen) -> dict:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    return json.loads(out.decode().strip().splitlines()[-1])


def test_serve_ingests_simulate_and_exits_0_on_sigterm(mqtt_broker, tmp_path) -> None:
    serve = _serve(mqtt_broker, tmp_path, "serve.log")
    try:
        sim = subprocess.run([*CLI, "simulate", "--broker", mqtt_broker.url, "--devices", "400",
                              "--duration", "3", "--malformed", "0.05", "--seed", "3"],
                             env=_env(tmp_path), capture_output=True, timeout=60)
        assert sim.returncode == 0, sim.stderr.decode()
        time.sleep(1.0)
    finally:
        totals = _stop(serve)
    assert totals["received"] == totals["accepted"] + totals["rejected"] + totals["parked"]
    assert totals["accepted"] >= 800  # 400 births + 400 statuses, then telemetry
    assert {"invalid_json", "schema", "not_utf8"} <= set(totals["rejects"])
    assert "source up: connected" in (tmp_path / "serve.log").read_text()


def test_restarted_serve_gets_what_was_published_while_down_exactly_once(mqtt_broker,
                                                                          tmp_path) -> None:
    # a demo-scene power meter announcing itself as the scene knows it
    birth = (b'{"kind":"power_meter","name":"1","location":{"building":"B01","floor":1,'
             b'"xyz":[-110,68,1.5]}}')
    pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="meter", protocol=mqtt.MQTTv5)
    pub.connect("127.0.0.1", mqtt_broker.port)
    pub.loop_start()
    pub.publish("cr/demo/dev/B01-F01-U01-PM/meta", birth, qos=1, retain=True).wait_for_publish(5)

    def burst(seqs: range) -> None:
        for s in seqs:
            info = pub.publish("cr/demo/dev/B01-F01-U01-PM/telemetry",
                               b'{"ts":%d,"seq":%d,"values":{"kw":1}}' % (time.time() * 1000, s),
                               qos=1)
        info.wait_for_publish(10)

    first = _serve(mqtt_broker, tmp_path, "serve1.log")
    burst(range(1, 501))
    time.sleep(0.5)
    one = _stop(first)
    burst(range(501, 1501))  # nobody is listening: the broker keeps them for the session
    second = _serve(mqtt_broker, tmp_path, "serve2.log")
    burst(range(1501, 2001))
    time.sleep(1.0)
    two = _stop(second)
    pub.disconnect()
    pub.loop_stop()
    telemetry = one["accepted"] - 1 + two["accepted"] - 1  # minus the retained birth each time
    assert telemetry == 2000, (one, two)
    assert one["rejected"] == 0 and two["rejected"] == 0
