# ruff: noqa: F811  (pytest fixtures imported from test_compound_fixtures)
"""Alarms on the 3D view: severity colours over the store level, back when the alarm
closes, unacknowledged alarms pulse (only their rows written), labels most severe first."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from tests.ui.test_compound_fixtures import (  # noqa: F401  (fixtures)
    pixel_at,
    pixel_distance,
    scene,
    store,
    view,
    x_display,
    xyz_of,
)
from ui.bridge import RoomBridge
from ui.compound_status import SEVERITY_RGB
from widgets.scene_view import STATUS_RGB

pytestmark = pytest.mark.gui


def _on_engine_thread(fn, *args):
    # the book calls its listeners on the caller's thread: raise from a worker, as the
    # alarm engine does, so the view must go through its queued bridge
    t = threading.Thread(target=fn, args=args)
    t.start()
    t.join()


def test_device_takes_its_alarm_severity_colour_and_returns_on_close(view, scene, qtbot):
    book = AlarmBook(clock=lambda: 100.0)
    view.attach_alarms(book, RoomBridge.of(book))
    mh1, mh2, mh3 = (xyz_of(scene, i) for i in ("mh-1", "mh-2", "mh-3"))
    assert pixel_distance(view, mh2, STATUS_RGB["normal"]) < 45

    _on_engine_thread(book.raise_alarm, "mh-1", "temp_c.high", Severity.LOW, "warm")
    _on_engine_thread(book.raise_alarm, "mh-2", "temp_c.high", Severity.HIGH, "hot")
    qtbot.waitUntil(lambda: view.look.severity[view.device_index("mh-2")] > 0, timeout=2000)
    r, g, b = pixel_at(view, mh1)
    # yellow, even mid-pulse: the breath brightens every channel, so yellow is "red and
    # green well above blue", not an absolute blue level
    assert r > 150 and g > 120 and b < min(r, g) - 60, (r, g, b)
    r, g, b = pixel_at(view, mh2)
    assert r - g > 50 and r - b > 50, (r, g, b)  # red, even mid-pulse

    alarm = book.find_open("mh-2", "temp_c.high")
    book.acknowledge(alarm.id, "operator")  # acknowledged: steady, no pulse
    qtbot.wait(100)
    assert pixel_distance(view, mh2, SEVERITY_RGB[Severity.HIGH]) < 45

    _on_engine_thread(book.clear_alarm, "mh-2", "temp_c.high")  # acked + cleared → closed
    qtbot.waitUntil(lambda: view.look.severity[view.device_index("mh-2")] == 0, timeout=2000)
    assert pixel_distance(view, mh2, STATUS_RGB["normal"]) < 45
    assert pixel_distance(view, mh3, STATUS_RGB["normal"]) < 45


def test_unacknowledged_alarm_pulses_touching_only_its_row(view, qtbot):
    book = AlarmBook()
    view.attach_alarms(book, RoomBridge.of(book))
    book.raise_alarm("mh-3", "t", Severity.CRITICAL, "x")  # GUI thread: direct, still queued
    qtbot.waitUntil(lambda: view.look.severity[view.device_index("mh-3")] > 0, timeout=2000)
    glyphs = view.scene_view.devices
    i = view.device_index("mh-3")
    sizes, writes = [], []
    for _ in range(8):  # ~1.3 pulse periods at 20 Hz sampling every 200 ms
        before = glyphs.writes
        view.refresh()
        writes.append(glyphs.writes - before)
        sizes.append(float(glyphs.sizes[i]))
        qtbot.wait(200)
    assert set(writes) == {1}  # one alarmed row per tick, nothing else
    assert max(sizes) > 1.3 * min(sizes), sizes
    others = [view.device_index(d) for d in ("mh-1", "mh-2")]
    assert np.allclose(glyphs.sizes[others], glyphs.sizes[others[0]])


def test_labels_only_for_alarmed_devices_most_severe_first(view, scene, qtbot):
    book = AlarmBook()
    view.attach_alarms(book, RoomBridge.of(book))
    assert view.scene_view.labels.shown() == []  # no alarm, no selection: no label
    book.raise_alarm("mh-1", "t", Severity.LOW, "x")
    book.raise_alarm("mh-3", "t", Severity.CRITICAL, "x")
    qtbot.waitUntil(lambda: len(view.scene_view.labels.texts) == 2, timeout=2000)
    view.scene_view.render()
    assert view.scene_view.labels.texts == ["井盖3", "井盖1"]
    assert set(view.scene_view.labels.shown()) == {"井盖3", "井盖1"}
    view.select_device("mh-2")
    assert view.scene_view.labels.texts[0] == "井盖2"


def test_a_burst_of_alarm_changes_is_one_redraw_not_one_per_change(view, qtbot):
    """A mass outage or a flood reaches the view as hundreds of changes at once; each one
    redrawn cost a pass over every alarmed device, and the GUI thread fell behind the
    stream, holding every queued change (the wall soak's memory growth)."""
    book = AlarmBook()
    view.attach_alarms(book, RoomBridge.of(book))
    redraws = []
    set_labels = view.scene_view.set_labels
    view.scene_view.set_labels = lambda rows: (redraws.append(len(rows)), set_labels(rows))

    def burst() -> None:  # 300 changes from the engine's thread, as an outage sends them
        for k in range(100):
            for device in ("mh-1", "mh-2", "mh-3"):
                book.raise_alarm(device, f"t{k}", Severity.LOW if k else Severity.HIGH, "x")

    _on_engine_thread(burst)
    qtbot.waitUntil(lambda: len(view.scene_view.labels.texts) == 3, timeout=3000)
    qtbot.wait(300)  # any redraw still to come
    assert 1 <= len(redraws) <= 3, len(redraws)
    assert all(view.look.severity[view.device_index(d)] == Severity.HIGH
               for d in ("mh-1", "mh-2", "mh-3"))


def test_labels_between_an_alarm_clearing_and_its_redraw(view, scene, qtbot):
    """Alarm redraws are batched (100 ms); a selection made in between relabels from the
    alarms as they are. It raised AttributeError on the cleared alarm (a wall's takeover
    revert, six times in a three-hour soak)."""
    book = AlarmBook(clock=lambda: 100.0)
    view.attach_alarms(book, RoomBridge.of(book))
    book.raise_alarm("mh-2", "temp_c.high", Severity.HIGH, "hot")
    qtbot.waitUntil(lambda: view.look.severity[view.device_index("mh-2")] > 0, timeout=2000)
    book.clear_alarm("mh-2", "temp_c.high")  # cleared, open until acknowledged
    QCoreApplication.sendPostedEvents()  # the bridge delivers it; no timer runs yet
    assert view.alarms.summary("mh-2")[2] is None
    assert view.look.severity[view.device_index("mh-2")] > 0  # the redraw waits
    view.select_device(None)  # relabels now
    qtbot.waitUntil(lambda: view.look.severity[view.device_index("mh-2")] == 0, timeout=2000)
