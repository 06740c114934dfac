"""A full disk (a real 8 MB tmpfs, filled to the last byte) under the storage writer: nothing
that was called durable is lost. While neither the database nor the spill journal can take
records, the durable mark stops (so MQTT acknowledgements stop and the broker keeps the
messages), health says *blocked* with the number held; once the disk has room again
everything is stored exactly once. Only a writer nobody acknowledges on drops, and it
counts messages, not batches. Real SQLite, real Mosquitto."""

from __future__ import annotations

import json
import time

import msgspec
import pytest
import sqlalchemy as sa

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.config import MqttConfig
from app.config.model import DatabaseConfig
from app.ingest.events import GatePassReceived
from app.ingest.topics import TopicScheme
from app.runtime.storage_alarm import ALARM_TYPE, DEVICE_ID, StorageAlarm
from app.sources.mqtt import MqttSource
from app.storage import StorageWriter, open_database
from app.storage.journal import SpillJournal
from app.storage.writer import JOURNAL_TYPES
from tests.app.test_mqtt_source import publisher
from tests.fixtures.waiting import wait_until

CONFIG = DatabaseConfig(batch_rows=500, flush_interval_s=0.05)


def passes(first: int, n: int, per_group: int = 1) -> list[list[GatePassReceived]]:
    """Groups of gate passes, as ingest submits them; plate numbers first .. first+n-1."""
    out = [GatePassReceived("G01-BG1", 1e9 + k, f"粤B{k:05d}", "in", True, 1e9 + k)
           for k in range(first, first + n)]
    return [out[i:i + per_group] for i in range(0, n, per_group)]


def stored_plates(url: str) -> list[str]:
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text("SELECT plate FROM gate_passes")).scalars())
    finally:
        engine.dispose()


def writer_on(disk, **kw) -> tuple[StorageWriter, str]:
    url = f"sqlite:///{disk.path / 'control-room.db'}"
    return StorageWriter(url, CONFIG, busy_timeout_ms=200, **kw), url


def test_a_full_disk_holds_what_is_not_durable_and_stores_it_once_there_is_room(small_disk):
    writer, url = writer_on(small_disk)
    writer.add_durable_listener(lambda _mark: None)  # an MQTT source acknowledges on it
    book = AlarmBook()
    alarm = StorageAlarm(book, writer.health)  # what the engine's housekeeping ticks
    writer.start()
    try:
        for group in passes(0, 1000):
            writer.submit(group)
        assert writer.wait_durable(writer.mark(), timeout=30)
        small_disk.fill()
        for group in passes(1000, 1000):
            writer.submit(group)
        assert wait_until(lambda: writer.health().state == "blocked", timeout=30)
        durable = writer.durable_mark()
        time.sleep(1.0)  # retries go on; nothing becomes durable without room
        health = writer.health()
        assert writer.durable_mark() == durable < writer.mark()
        assert health.held == writer.mark() - durable  # one message per group here
        assert "No space left on device" in health.reason and health.dropped == 0
        assert writer.stats()["dropped"] == 0
        alarm.tick()
        raised = book.find_open(DEVICE_ID, ALARM_TYPE)
        assert raised is not None and raised.active and raised.severity == Severity.CRITICAL
        assert f"{health.held} messages held unacknowledged" in raised.message
        small_disk.free()
        for group in passes(2000, 1000):
            writer.submit(group)
        assert writer.wait_durable(writer.mark(), timeout=60)
        assert writer.flush(timeout=60)
        assert writer.health().state == "ok"
        assert writer.journal is not None and writer.journal.torn == 0
        alarm.tick()
        assert not book.is_active(DEVICE_ID, ALARM_TYPE)  # cleared once storage keeps up
    finally:
        assert writer.stop()
    plates = stored_plates(url)
    assert len(plates) == 3000 and len(set(plates)) == 3000


def test_a_writer_nobody_acknowledges_on_drops_past_its_limit_and_counts_messages(small_disk):
    writer, url = writer_on(small_disk, max_queued=70, max_held=140)  # no durable listener
    writer.start()
    try:
        small_disk.fill()
        groups = passes(0, 7 * 200, per_group=7)
        for group in groups:  # 1,400 messages in groups of 7, far past the limit
            writer.submit(group)
        assert wait_until(lambda: writer.health().state == "blocked", timeout=30)
        dropped = writer.health().dropped
        assert dropped > 0
        small_disk.free()
        assert writer.flush(timeout=60)
    finally:
        writer.stop()
    # each group dropped counts its 7 messages: what is stored and what was counted as
    # dropped add up to what was submitted
    assert len(stored_plates(url)) + dropped == 1400
    assert writer.stats()["dropped"] == dropped


def test_a_journal_append_the_disk_refuses_leaves_no_torn_line(small_disk):
    path = small_disk.path / "spill.jsonl"
    journal = SpillJournal(path, JOURNAL_TYPES, max_bytes=1 << 30)
    chunk = [GatePassReceived("G01-BG1", float(k), "粤B" + "8" * 25, "in", None, 0.0)
             for k in range(200)]
    ballast = small_disk.path / "ballast"
    ballast.write_bytes(b"\0" * (256 << 10))
    appended = 0  # the journal itself fills the disk
    try:
        with pytest.raises(OSError, match="No space left"):
            while True:
                journal.append(chunk)
                appended += len(chunk)
        assert appended > 0 and path.stat().st_size == journal.size  # nothing half-written
        ballast.unlink()  # room again
        journal.append(chunk[:1])  # would have joined a torn line into one unreadable line
        records, _ = journal.read(0, max_bytes=1 << 30)
        assert len(records) == appended + 1 and journal.torn == 0
    finally:
        journal.close()


# ---- with a real broker: acknowledgements follow the durable mark --------------------------
SCHEME = TopicScheme("cr", "demo")
TOPIC = "cr/demo/gate/G01-BG1/pass"


@pytest.mark.broker
@pytest.mark.timeout(120)
def test_mqtt_acknowledgements_stop_while_the_disk_is_full_and_resume(small_disk, mqtt_broker):
    writer, url = writer_on(small_disk)
    decoder = msgspec.json.Decoder(dict)

    def sink(batch) -> None:
        writer.submit([GatePassReceived("G01-BG1", body["ts"], body["plate"], "in", True, 0.0)
                       for body in (decoder.decode(m.payload) for m in batch)])

    source = MqttSource(MqttConfig(url=mqtt_broker.url, client_id="cr-disk-full",
                                   keepalive_s=5), SCHEME, announce=False)
    source.use_durability_barrier(writer)
    writer.start()
    source.start(sink)
    pub = publisher(mqtt_broker, "gate-disk-full")
    try:
        assert source.wait_connected(10)

        def publish(first: int, n: int) -> None:
            for k in range(first, first + n):
                info = pub.publish(TOPIC, json.dumps({"ts": 1e9 + k, "plate": f"粤B{k:05d}"}),
                                   qos=1)
            info.wait_for_publish(10)

        publish(0, 300)
        assert wait_until(lambda: source.stats()["acked"] == 300, timeout=30)
        small_disk.fill()
        publish(300, 300)
        assert wait_until(lambda: source.received == 600, timeout=30)
        assert wait_until(lambda: writer.health().state == "blocked", timeout=30)
        acked = source.stats()["acked"]
        time.sleep(1.0)
        assert source.stats()["acked"] == acked < 600  # held: the broker still has them
        assert source.stats()["awaiting_storage"] == 600 - acked
        small_disk.free()
        assert wait_until(lambda: source.stats()["acked"] == 600, timeout=60)
    finally:
        pub.disconnect()
        pub.loop_stop()
        source.stop()
        writer.stop()
    assert len(set(stored_plates(url))) == 600
