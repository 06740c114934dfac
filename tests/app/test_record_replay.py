"""record → replay through a real broker with the real commands (subprocesses), the
recording format's crash tolerance, and ReplaySource: same sink, never publishes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app.domain.model import Device, Location
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.recording import RecordingWriter, read_recording
from app.sources.base import PublishNotAllowed
from app.sources.replay import ReplaySource
from app.state.store import StateStore
from tests.fixtures.waiting import wait_until

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def _client(broker, cid: str) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=cid, protocol=mqtt.MQTTv5)
    client.connect("127.0.0.1", broker.port)
    client.loop_start()
    return client


MS = int(time.time() * 1000)
SCRIPT = [  # (offset s, topic, payload)
    (0.0, "cr/demo/dev/m1/telemetry", b'{"ts":%d,"seq":1,"values":{"kw":1.5}}' % MS),
    (0.3, "cr/demo/gate/g1/pass",
     json.dumps({"ts": MS, "plate": "粤B12345", "dir": "in"}, ensure_ascii=False).encode()),
    (0.5, "cr/demo/dev/m1/telemetry", b"\xff\xfe not utf-8"),
    (0.9, "cr/demo/dev/m1/telemetry", b'{"ts":%d,"seq":2,"values":{"kw":1.7}}' % (MS + 900)),
]


@pytest.mark.broker
@pytest.mark.timeout(90)
def test_record_then_replay_preserves_topics_payloads_and_timing(mqtt_broker, tmp_path) -> None:
    out = tmp_path / "rec.jsonl"
    pub = _client(mqtt_broker, "rec-pub")
    birth = b'{"kind":"power_meter","name":"1#","location":{"xyz":[0,0,0]}}'
    pub.publish("cr/demo/dev/m1/meta", birth, qos=1, retain=True).wait_for_publish(5)
    rec = subprocess.Popen([*CLI, "record", "--broker", mqtt_broker.url, "--out", str(out)],
                           env=ENV, stderr=subprocess.PIPE)
    try:
        # the retained birth arriving proves the recorder has subscribed
        assert wait_until(lambda: out.exists() and len(out.read_bytes().splitlines()) >= 2,
                          timeout=15.0)
        start = time.monotonic()
        for offset, topic, payload in SCRIPT:
            time.sleep(max(0.0, start + offset - time.monotonic()))
            pub.publish(topic, payload, qos=1)
        assert wait_until(lambda: len(out.read_bytes().splitlines()) >= 2 + len(SCRIPT),
                          timeout=15.0)
    finally:
        rec.send_signal(signal.SIGTERM)
        _, err = rec.communicate(timeout=20)
    assert rec.returncode == 0, err.decode()
    frames = list(read_recording(out))
    assert [(f.topic, f.payload) for f in frames] == \
        [("cr/demo/dev/m1/meta", birth)] + [(t, p) for _, t, p in SCRIPT]
    assert frames[0].retain and not frames[1].retain
    gaps = [f.t - frames[1].t for f in frames[1:]]
    assert all(abs(g - o) < 0.1 for g, (o, _, _) in zip(gaps, SCRIPT, strict=True)), gaps

    got: list[tuple[float, str, bytes]] = []
    sub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="rec-sub", protocol=mqtt.MQTTv5)
    subscribed = threading.Event()
    sub.on_message = lambda _c, _u, m: got.append((time.monotonic(), m.topic, m.payload))
    sub.on_subscribe = lambda *_a: subscribed.set()
    sub.connect("127.0.0.1", mqtt_broker.port)
    sub.loop_start()
    sub.subscribe("cr/demo/+/+/telemetry", qos=1)
    sub.subscribe("cr/demo/gate/+/pass", qos=1)
    try:
        assert subscribed.wait(5)
        rep = subprocess.run([*CLI, "replay", str(out), "--broker", mqtt_broker.url,
                              "--speed", "2"], env=ENV, capture_output=True, timeout=60)
        assert rep.returncode == 0, rep.stderr.decode()
        assert wait_until(lambda: len(got) == len(SCRIPT), timeout=5)
    finally:
        sub.disconnect()
        sub.loop_stop()
        pub.disconnect()
        pub.loop_stop()
    assert [(t, p) for _, t, p in got] == [(t, p) for _, t, p in SCRIPT]
    replay_gaps = [g[0] - got[0][0] for g in got]
    assert all(abs(g - o / 2) < 0.1 for g, (o, _, _) in zip(replay_gaps, SCRIPT, strict=True)), \
        replay_gaps


def _recording(path: Path, messages: list[tuple[str, bytes, float, bool]]) -> None:
    with RecordingWriter(path, root="cr/demo") as writer:
        writer.write(messages)


def test_recording_survives_a_crash_mid_line_and_continues(tmp_path) -> None:
    path = tmp_path / "crash.jsonl"
    now = time.time()
    _recording(path, [("cr/demo/dev/a/telemetry", b"1", now, False)])
    with open(path, "ab") as fh:
        fh.write(b'{"t":0.5,"topic":"cr/demo/dev/a/tele')  # killed mid-write
    skipped: list[int] = []
    assert [f.payload for f in read_recording(path, skipped)] == [b"1"] and skipped == [3]
    _recording(path, [("cr/demo/dev/a/telemetry", b"\x00\xff", now + 1, True)])
    frames = list(read_recording(path))
    assert [(f.payload, f.retain) for f in frames] == [(b"1", False), (b"\x00\xff", True)]
    assert frames[1].t == pytest.approx(frames[0].t + 1, abs=1e-3)


def test_not_a_recording_is_one_clear_error(tmp_path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n")
    result = subprocess.run([*CLI, "replay", str(bad), "--broker", "mqtt://127.0.0.1:1"],
                            env=ENV, capture_output=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        f"control-room: error: {bad}: not a control-room recording (bad header line)"]


def test_replay_source_feeds_ingest_and_refuses_to_publish(tmp_path) -> None:
    path = tmp_path / "train.jsonl"
    now = time.time()
    ms = int(now * 1000)
    _recording(path, [
        ("cr/demo/dev/m1/meta", b'{"kind":"power_meter","name":"1","location":{"xyz":[0,0,0]}}',
         now, True),
        *[("cr/demo/dev/m1/telemetry", b'{"ts":%d,"seq":%d,"values":{"kw":%d}}' % (ms, s, s),
           now + 0.1 * s, False) for s in range(1, 6)],
        ("cr/demo/dev/m1/telemetry", b"garbage", now + 0.6, False),
        ("cr/demo/alarms", b'{"id":"A1"}', now + 0.6, False),  # the control room's own
    ])
    store = StateStore([Device("x", "camera", "x", Location((0.0, 0.0, 0.0)))])
    # a recording's births were decided when it was made: trusted when played back
    ingest = Ingest(store, TopicScheme("cr", "demo"), trust_births=True)
    source = ReplaySource(path, speed=4.0)
    assert source.can_publish is False
    with pytest.raises(PublishNotAllowed):
        source.publish("cr/demo/dev/m1/command", b"{}")
    started = time.monotonic()
    source.start(ingest.handle_batch)
    assert source.finished.wait(10)
    elapsed = time.monotonic() - started
    source.stop()
    assert ingest.accepted == 6 and ingest.ledger.snapshot()[0]["invalid_json"] == 1
    assert ingest.received == 7 and source.selection.skipped == {"control_room": 1}
    assert store.get("m1").values == {"kw": 5.0}
    assert 0.6 / 4 - 0.02 <= elapsed < 2.0  # the recorded 0.6 s, four times faster
    assert not source.status().connected and "finished" in source.status().detail


def _spy(broker, cid: str, topics: list[str]) -> tuple[mqtt.Client, list]:
    got: list = []
    subscribed = threading.Event()
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=cid, protocol=mqtt.MQTTv5)
    client.on_message = lambda _c, _u, m: got.append((m.topic, bytes(m.payload), m.retain))
    client.on_subscribe = lambda *_a: subscribed.set()
    client.connect("127.0.0.1", broker.port)
    client.loop_start()
    client.subscribe([(t, 1) for t in topics])
    assert subscribed.wait(5)
    return client, got


def _close(*clients: mqtt.Client) -> None:
    for client in clients:
        client.disconnect()
        client.loop_stop()


@pytest.mark.broker
@pytest.mark.timeout(90)
def test_record_keeps_live_retained_marker_and_leaves_out_the_control_rooms_traffic(
        mqtt_broker, tmp_path) -> None:
    out = tmp_path / "rec.jsonl"
    pub = _client(mqtt_broker, "rec-pub2")
    rec = subprocess.Popen([*CLI, "record", "--broker", mqtt_broker.url, "--out", str(out)],
                           env=ENV, stderr=subprocess.PIPE)
    try:
        pub.publish("cr/demo/dev/ready/status", b'{"online":true}', qos=1,
                    retain=True).wait_for_publish(5)
        assert wait_until(lambda: out.exists() and len(out.read_bytes().splitlines()) >= 2,
                          timeout=15.0)  # the recorder is subscribed
        birth = b'{"kind":"power_meter","name":"1#","location":{"xyz":[0,0,0]}}'
        for topic, payload, retain in [
            ("cr/demo/dev/m1/meta", birth, True),  # a device born while recording
            ("cr/demo/dev/m1/status", b'{"online":true}', True),
            ("cr/demo/alarms", b'{"id":"A1","state":"raised"}', False),
            ("cr/demo/tech/T04/orders", b'{"order_id":"WO-1"}', False),
            ("cr/demo/control-room/main/status", b'{"online":true}', True),
            ("cr/demo/dev/m1/telemetry", b'{"ts":%d,"values":{"kw":1}}' % MS, False),
        ]:
            pub.publish(topic, payload, qos=1, retain=retain).wait_for_publish(5)
        assert wait_until(lambda: b"telemetry" in out.read_bytes(), timeout=15.0)
    finally:
        rec.send_signal(signal.SIGTERM)
        _, err = rec.communicate(timeout=20)
        _close(pub)
    assert rec.returncode == 0, err.decode()
    frames = [(f.topic, f.retain) for f in read_recording(out)]
    assert frames == [("cr/demo/dev/ready/status", True), ("cr/demo/dev/m1/meta", True),
                      ("cr/demo/dev/m1/status", True), ("cr/demo/dev/m1/telemetry", False)]
    assert "left out 3 messages of the control room's own" in err.decode()


@pytest.mark.broker
@pytest.mark.timeout(90)
def test_replay_sends_only_its_own_root_never_retained_unless_asked(mqtt_broker,
                                                                     tmp_path) -> None:
    """A recording is a file anyone can edit: other sites, $SYS, wildcards, the control
    room's alarms and orders, a time of 1e300 — none of it may reach the broker."""
    path = tmp_path / "edited.jsonl"
    now = time.time()
    birth = b'{"kind":"power_meter","name":"1#","location":{"xyz":[0,0,0]}}'
    _recording(path, [
        ("cr/demo/dev/m1/meta", birth, now, True),
        ("cr/demo/dev/m1/telemetry", b'{"ts":%d,"values":{"kw":1}}' % MS, now + 0.1, False),
        ("$SYS/broker/clients/total", b"0", now + 0.1, True),
        ("cr/other/dev/x/meta", birth, now + 0.1, True),
        ("cr/demo/alarms", b'{"id":"A1"}', now + 0.1, False),
        ("cr/demo/tech/T04/orders", b'{"order_id":"WO-1"}', now + 0.1, False),
        ("cr/demo/control-room/main/status", b'{"online":false}', now + 0.1, True),
        ("cr/demo/dev/+/telemetry", b"{}", now + 0.1, False),
        ("cr/demo//meta", b"{}", now + 0.1, False),
    ])
    with open(path, "ab") as fh:
        fh.write(b'{"t":1e300,"topic":"cr/demo/dev/m1/telemetry","p":"{}"}\n')
    spy, got = _spy(mqtt_broker, "spy", ["#", "$SYS/broker/clients/total"])
    before = len(got)
    try:
        rep = subprocess.run([*CLI, "replay", str(path), "--broker", mqtt_broker.url,
                              "--speed", "0"], env=ENV, capture_output=True, timeout=60)
        assert rep.returncode == 0, rep.stderr.decode()
        assert wait_until(lambda: any(t.endswith("telemetry") for t, _, _ in got[before:]))
        time.sleep(0.3)
    finally:
        _close(spy)
    stderr = rep.stderr.decode()
    assert "Traceback" not in stderr
    assert "not sent: 3 control room, 2 not publishable, 2 outside root" in stderr
    assert "skipped 1 damaged lines" in stderr
    sent = [(t, r) for t, _, r in got[before:] if not t.startswith("$SYS")]
    assert sent == [("cr/demo/dev/m1/meta", False), ("cr/demo/dev/m1/telemetry", False)]
    # nothing was left retained; with --retain the birth is retained again
    late, late_got = _spy(mqtt_broker, "late", ["cr/#"])
    time.sleep(0.3)
    _close(late)
    assert late_got == []
    rep = subprocess.run([*CLI, "replay", str(path), "--broker", mqtt_broker.url, "--speed", "0",
                          "--retain"], env=ENV, capture_output=True, timeout=60)
    assert rep.returncode == 0, rep.stderr.decode()
    late, late_got = _spy(mqtt_broker, "late2", ["cr/#"])
    assert wait_until(lambda: late_got, timeout=5)
    time.sleep(0.3)
    _close(late)
    assert late_got == [("cr/demo/dev/m1/meta", birth, True)]


@pytest.mark.parametrize("argv, says", [
    (["record", "--site", "#"], "--site: site '#' contains '#'"),
    (["record", "--site", "a/b"], "must be one topic level"),
    (["record", "--duration", "nan"], "--duration: expected seconds > 0"),
    (["replay", "FILE", "--speed", "inf"], "--speed: expected a number >= 0, not 'inf'"),
])
def test_record_and_replay_mistakes_are_one_line_exit_2(argv, says, tmp_path) -> None:
    rec = tmp_path / "r.jsonl"
    _recording(rec, [])
    argv = [str(rec) if a == "FILE" else a for a in argv]
    if argv[0] == "record":
        argv += ["--out", str(tmp_path / "out.jsonl")]
    result = subprocess.run([*CLI, *argv, "--broker", "mqtt://127.0.0.1:1"], env=ENV,
                            capture_output=True, timeout=30)
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and says in lines[0], lines
