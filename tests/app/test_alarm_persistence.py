"""Alarms are written through storage with every transition, and open alarms come back
after an engine restart (real SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.alarms.persistence import AlarmRecorder, restore_open_alarms
from app.config.model import DatabaseConfig
from app.storage import StorageWriter
from app.storage import queries as stored


class Clock:
    t = 1_764_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def writer(db_url):
    w = StorageWriter(db_url, DatabaseConfig(url=db_url))
    w.start()
    yield w
    w.stop()


def test_transitions_are_stored_and_open_alarms_restored(writer) -> None:
    clock = Clock()
    book = AlarmBook(clock)
    book.subscribe(AlarmRecorder(writer))
    hot = book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "温度 92 °C", value=92.0)
    book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "温度 93 °C", value=93.0)
    clock.t += 60
    book.acknowledge(hot.id, "王值班", "已通知电工")
    gone = book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline")
    book.acknowledge(gone.id, "王值班")
    book.clear_alarm("B05-E1", "offline")  # acknowledged and cleared: closed
    assert writer.flush(10)

    rows = {r["id"]: r for r in stored.alarms(writer.engine, "demo")}
    assert rows[hot.id]["state"] == "acknowledged" and rows[hot.id]["count"] == 2
    assert rows[hot.id]["acknowledged_by"] == "王值班"
    assert rows[gone.id]["state"] == "closed"
    transitions = stored.alarm_transitions(writer.engine, "demo", hot.id)
    assert [(t["from_state"], t["to_state"]) for t in transitions] == [
        (None, "raised"), ("raised", "acknowledged")]
    assert transitions[1]["by"] == "王值班" and "已通知电工" in transitions[1]["note"]
    back_again = book.raise_alarm("B05-E2", "offline", Severity.MEDIUM, "offline")
    book.clear_alarm("B05-E2", "offline")
    book.raise_alarm("B05-E2", "offline", Severity.MEDIUM, "offline")  # before anyone closed it
    assert writer.flush(10)
    assert [(t["to_state"], t["note"]) for t in stored.alarm_transitions(
        writer.engine, "demo", back_again.id)] == [
        ("raised", "raised"), ("cleared", "cleared"), ("raised", "reactivated")]

    # a new engine: the open alarm is back, the closed one is not
    restarted = AlarmBook(clock)
    open_rows = (r for s in ("raised", "acknowledged", "dispatched", "cleared")
                 for r in stored.alarms(writer.engine, "demo", s))
    assert restore_open_alarms(restarted, open_rows) == 2
    back = restarted.find_open("TX1", "temp_c.high")
    assert back is not None and back.id == hot.id and back.state == "acknowledged"
    assert back.message == "温度 93 °C" and back.count == 2
    # and it goes on living: the repeat counts on it, it closes when cleared
    restarted.clear_alarm("TX1", "temp_c.high")
    assert restarted.find_open("TX1", "temp_c.high") is None
