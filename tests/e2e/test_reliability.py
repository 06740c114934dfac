"""Issue 3's reliability promises, end to end: a publisher process sends 5,000 QoS 1
telemetry messages while `control-room serve` stores them in SQLite; mid-stream the engine
is SIGKILLed and restarted (or the broker restarted). Afterwards the database opens cleanly
and holds every published (device, seq) exactly once: nothing acknowledged was lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
ROOT = Path(__file__).resolve().parents[2]
# demo-scene power meters: known to the engine from the start (no birth needed)
DEVICES = ["B01-F01-U01-PM", "B01-F01-U02-PM", "B01-F01-U03-PM", "B01-F01-U04-PM",
           "B01-F02-U01-PM"]
PER_DEVICE = 1000

PUBLISHER = r"""
import sys, time
import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
port, per_device, devices = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="reliability-pub",
                  protocol=mqtt.MQTTv5)
pub.max_inflight_messages_set(200)
pub.max_queued_messages_set(0)
acked = set()
pub.on_publish = lambda client, userdata, mid, reason, props: acked.add(mid)
pub.connect("127.0.0.1", port)
pub.loop_start()
base = int(time.time() * 1000) - 60_000
infos = []
for seq in range(1, per_device + 1):
    for d in devices:  # total_kwh moves by 1 kWh a message: beyond any deadband
        body = '{"ts":%d,"seq":%d,"values":{"total_kwh":%d}}' % (base + seq, seq, seq)
        infos.append(pub.publish(f"cr/demo/dev/{d}/telemetry", body.encode(), qos=1))
    if seq % 50 == 0:
        time.sleep(0.05)  # ~5,000 msg/s: the crash lands mid-stream
# a message published while the broker was down is queued (its info says "not connected")
# and sent after paho reconnects: wait for every PUBACK, not for each info
mids = {info.mid for info in infos}
deadline = time.monotonic() + 55  # within the test's 60 s wait for this process
while not mids <= acked and time.monotonic() < deadline:
    time.sleep(0.05)
if not mids <= acked:
    sys.exit(f"{len(mids - acked)} messages never acknowledged by the broker")
pub.disconnect()
pub.loop_stop()
print("published", len(infos), flush=True)
"""


def _serve(broker, tmp_path: Path, db: Path, n: int) -> subprocess.Popen:
    log_path = tmp_path / f"serve{n}.log"
    log = open(log_path, "wb")  # noqa: SIM115 - owned by the child
    proc = subprocess.Popen([*CLI, "serve", "--broker", broker.url, "--db", f"sqlite:///{db}",
                             "--stats-every", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1",
                                             "CONTROL_ROOM_DATA": str(tmp_path)})
    log.close()
    deadline = time.monotonic() + 40
    while b"source up" not in log_path.read_bytes():
        assert proc.poll() is None, log_path.read_text()
        assert time.monotonic() < deadline, "serve did not connect"
        time.sleep(0.1)
    return proc


def _readings(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM readings").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


@pytest.mark.parametrize("crash", ["engine_sigkill", "broker_restart"])
def test_every_qos1_message_is_stored_exactly_once(mqtt_broker, tmp_path, crash) -> None:
    db = tmp_path / "control-room.db"
    total = PER_DEVICE * len(DEVICES)
    serve = _serve(mqtt_broker, tmp_path, db, 1)
    publisher = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(mqtt_broker.port),
                                  str(PER_DEVICE), *DEVICES], cwd=ROOT, stdout=subprocess.PIPE)
    try:
        _wait(lambda: _readings(db) >= 1000, 30, "serve stored nothing")  # heavy writes now
        if crash == "engine_sigkill":
            serve.kill()
            serve.wait()
            assert _readings(db) < total, "the crash came too late to test anything"
            serve = _serve(mqtt_broker, tmp_path, db, 2)  # same client id: same session
        else:
            mqtt_broker.stop()
            mqtt_broker.start()
        out, _ = publisher.communicate(timeout=60)
        assert publisher.returncode == 0 and b"published" in out
        _wait(lambda: _readings(db) >= total, 40, f"only {_readings(db)} of {total} stored")
        serve.send_signal(signal.SIGTERM)
        serve.communicate(timeout=30)
        assert serve.returncode == 0
    finally:
        for proc in (serve, publisher):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT device_id, seq, count(*) FROM readings "
                            "WHERE point = 'total_kwh' GROUP BY device_id, seq").fetchall()
    assert all(n == 1 for _, _, n in rows)
    assert {(d, s) for d, s, _ in rows} == {(d, s) for d in DEVICES
                                             for s in range(1, PER_DEVICE + 1)}
