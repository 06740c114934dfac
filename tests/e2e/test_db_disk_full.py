"""Issue 17 item 2 end to end: ``control-room serve`` on SQLite on a real 8 MB tmpfs, fed QoS 1
gate passes through a real Mosquitto. The disk fills while messages arrive: serve raises
the ``storage.blocked`` alarm (published on the alarms topic) and acknowledges nothing it
could not keep, so when it dies in that state the broker still has those messages and the
next serve, with the disk freed, stores every gate pass exactly once.

(Before the fix: the middle 1,000 were acknowledged, dropped, and never came back.)"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from tests.fixtures.waiting import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.timeout(240)]

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
GATE = "cr/demo/gate/G01-BG1/pass"


def _serve(broker, db, tmp_path, name) -> subprocess.Popen:
    config = tmp_path / "serve.toml"
    config.write_text("[cameras]\nenabled = false\n", encoding="utf-8")
    log = tmp_path / name
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*CLI, "serve", "--broker", broker.url, "--db", f"sqlite:///{db}", "--config",
             str(config), "--stats-every", "1"],
            env={**os.environ, "PYTHONUNBUFFERED": "1", "CONTROL_ROOM_DATA": str(tmp_path)},
            stdout=subprocess.PIPE, stderr=out)
    assert wait_until(lambda: b"source up" in log.read_bytes() or proc.poll() is not None,
                      timeout=60), "serve did not connect"
    assert proc.poll() is None, log.read_text()
    return proc


def _client(broker, client_id) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                         protocol=mqtt.MQTTv5)
    client.connect("127.0.0.1", broker.port)
    client.loop_start()
    return client


def _plates(db) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [p for (p,) in conn.execute("SELECT plate FROM gate_passes")]
    except sqlite3.OperationalError:  # not created yet
        return []
    finally:
        conn.close()


def test_a_full_disk_loses_no_acknowledged_gate_pass(mqtt_broker, small_disk, tmp_path):
    db = small_disk.path / "control-room.db"
    alarms: list[dict] = []
    watcher = _client(mqtt_broker, "alarm-watcher")
    watcher.on_message = lambda _c, _u, m: alarms.append(json.loads(m.payload))
    watcher.subscribe("cr/demo/alarms", qos=1)
    gate = _client(mqtt_broker, "gate-G01")
    sent = 0

    def publish(n: int) -> None:
        nonlocal sent
        for _ in range(n):
            sent += 1
            body = {"ts": int(time.time() * 1000), "plate": f"粤B{sent:05d}", "dir": "in",
                    "paid": True}
            info = gate.publish(GATE, json.dumps(body, ensure_ascii=False), qos=1)
        info.wait_for_publish(30)

    serve = _serve(mqtt_broker, db, tmp_path, "serve-1.log")
    try:
        publish(1000)
        assert wait_until(lambda: len(_plates(db)) == 1000, timeout=60)
        small_disk.fill()
        publish(1000)

        def blocked() -> dict | None:
            return next((a for a in alarms if a["type"] == "storage.blocked"
                         and a["action"] == "raised"), None)

        assert wait_until(blocked, timeout=60), "no storage.blocked alarm was published"
        assert "No space left on device" in blocked()["message"]
        serve.send_signal(signal.SIGKILL)  # dies while blocked: held, never acknowledged
        serve.wait(30)
        small_disk.free()
        serve = _serve(mqtt_broker, db, tmp_path, "serve-2.log")
        publish(1000)
        assert wait_until(lambda: len(_plates(db)) >= 3000, timeout=90)
    finally:
        if serve.poll() is None:
            serve.send_signal(signal.SIGTERM)
            serve.communicate(timeout=60)
        for client in (gate, watcher):
            client.disconnect()
            client.loop_stop()
    plates = _plates(db)
    assert len(plates) == 3000 and len(set(plates)) == 3000  # all of them, once each
    log = (tmp_path / "serve-1.log").read_text(errors="replace")
    assert "storage blocked" in log and "dropped" not in log
