"""Listeners that can leave, and alarm events delivered outside the book's lock."""

from __future__ import annotations

import gc
import threading

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.listeners import Listeners


def test_closed_subscription_is_not_called_again():
    hub: Listeners[int] = Listeners()
    got: list[int] = []
    sub = hub.subscribe(got.append)
    hub.emit(1)
    sub.close()
    sub.close()  # idempotent
    hub.emit(2)
    assert got == [1]
    assert not sub.active


def test_weak_listener_leaves_when_its_owner_is_collected():
    hub: Listeners[int] = Listeners()
    got: list[int] = []

    class View:
        def on_event(self, n: int) -> None:
            got.append(n)

    view = View()
    hub.subscribe(view.on_event, weak=True)
    hub.emit(1)
    del view
    gc.collect()
    hub.emit(2)
    assert got == [1]
    assert len(hub) == 0


def test_a_failing_listener_does_not_stop_the_others():
    hub: Listeners[int] = Listeners()
    got: list[int] = []

    def broken(_n: int) -> None:
        raise RuntimeError("boom")

    hub.subscribe(broken)
    hub.subscribe(got.append)
    hub.emit(5)
    assert got == [5]


def test_alarm_listeners_run_after_the_book_lock_is_released():
    """A listener that acts on the book from another thread must not deadlock: before,
    listeners ran under the book's lock."""
    book = AlarmBook(clock=lambda: 1000.0)
    acknowledged = threading.Event()

    def ack_from_other_thread(change) -> None:  # noqa: ANN001
        if change.action != "raised":
            return
        worker = threading.Thread(
            target=lambda: (book.acknowledge(change.alarm.id, "张伟"), acknowledged.set()))
        worker.start()
        worker.join(timeout=5)

    book.subscribe(ack_from_other_thread)
    book.raise_alarm("D1", "temp_c.high", Severity.HIGH, "hot")
    assert acknowledged.is_set(), "the other thread could not take the book's lock"


def test_alarm_events_carry_increasing_sequence_numbers_in_order():
    book = AlarmBook(clock=lambda: 1000.0)
    seen = []
    book.subscribe(lambda change: seen.append((change.seq, change.action)))
    alarm = book.raise_alarm("D1", "temp_c.high", Severity.HIGH, "hot")
    book.acknowledge(alarm.id, "张伟")
    book.clear_alarm("D1", "temp_c.high")
    assert [a for _, a in seen] == ["raised", "acknowledged", "cleared", "closed"]
    assert [s for s, _ in seen] == sorted(s for s, _ in seen)
    assert book.seq == seen[-1][0]
