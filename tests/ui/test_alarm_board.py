"""The alarm board as an operator uses it: live rows, filters, keyboard actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.domain.model import Device, Location
from app.facade.parts import PartsRoom
from app.facade.session import Session
from app.security.roles import Grant, Role
from app.state.store import StateStore
from ui.alarm_board import AlarmBoard
from ui.alarm_sound import AlarmSounder

pytestmark = pytest.mark.gui


class Clock:
    t = 1_764_000_000.0

    def __call__(self) -> float:
        return self.t


def _duty_session() -> Session:
    return Session(user="duty1", display_name="值班员", grant=Grant(Role.SUPERVISOR),
                   console="test", demo=True)


def _devices() -> list[Device]:
    return [
        Device(id="TX1", kind="transformer", name="1号变压器",
               location=Location(xyz=(0, 0, 0), building="SUB")),
        Device(id="B03-F12-SD", kind="smoke_detector", name="3栋 12层 烟感",
               location=Location(xyz=(0, 0, 36), building="B03", floor=12)),
        Device(id="B05-E1", kind="elevator", name="5栋 1号电梯",
               location=Location(xyz=(0, 0, 0), building="B05")),
    ]


@pytest.fixture
def board(qtbot):
    clock = Clock()
    book = AlarmBook(clock)
    sounder = AlarmSounder(enabled=False)
    room = PartsRoom(book=book, store=StateStore(_devices()), session=_duty_session())
    widget = AlarmBoard(room, sounder=sounder)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    return widget


def _states(board: AlarmBoard) -> dict[str, str]:
    return {r.device_id: r.state for r in board.model.rows()}


def test_alarms_appear_live_and_sort_by_severity(board, qtbot) -> None:
    book = board.book
    book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline")
    book.raise_alarm("B03-F12-SD", "event.smoke", Severity.CRITICAL, "smoke")
    book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "temp_c 92 above 85")
    qtbot.waitUntil(lambda: board.model.rowCount() == 3)
    first = board.proxy.index(0, 0)
    assert board.model.alarm(board.proxy.mapToSource(first).row()).device_id == "B03-F12-SD"
    assert "3 open, 3 unacknowledged" in board.counts.text()
    # a repeat updates the row in place: no new row, the count goes up
    book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline")
    qtbot.waitUntil(lambda: any(r.count == 2 for r in board.model.rows()))
    assert board.model.rowCount() == 3


def test_acknowledge_by_keyboard(board, qtbot) -> None:
    alarm = board.book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "hot")
    qtbot.waitUntil(lambda: board.model.rowCount() == 1)
    selected = []
    board.sig_device_selected.connect(selected.append)
    board.table.setFocus()
    qtbot.keyClick(board.table, Qt.Key.Key_N)  # next unacknowledged
    assert selected == ["TX1"]
    qtbot.keyClick(board.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: _states(board)["TX1"] == "acknowledged")
    stored = board.book.get(alarm.id)
    assert stored.acknowledged_by == "duty1"  # the login is the identity the book keeps
    # once cleared too, it closes and leaves the board
    board.book.clear_alarm("TX1", "temp_c.high")
    qtbot.waitUntil(lambda: board.model.rowCount() == 0)


def test_filters_by_severity_building_and_text(board, qtbot) -> None:
    board.book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline")
    board.book.raise_alarm("B03-F12-SD", "event.smoke", Severity.CRITICAL, "smoke")
    qtbot.waitUntil(lambda: board.model.rowCount() == 2)
    board.severity_filter.setCurrentIndex(board.severity_filter.findData(3))
    assert board.proxy.rowCount() == 1
    board.severity_filter.setCurrentIndex(0)
    board.building_filter.setCurrentIndex(board.building_filter.findData("B05"))
    assert board.proxy.rowCount() == 1
    board.building_filter.setCurrentIndex(0)
    board.search.setText("烟感")
    assert board.proxy.rowCount() == 1
    row = board.model.alarm(board.proxy.mapToSource(board.proxy.index(0, 0)).row())
    assert row.device_id == "B03-F12-SD"


def test_silence_keeps_the_alarm_but_stops_its_sound(board, qtbot) -> None:
    board.sounder.played.clear()
    board.book.raise_alarm("B03-F12-SD", "event.smoke", Severity.CRITICAL, "smoke")
    qtbot.waitUntil(lambda: board.model.rowCount() == 1)
    assert board.sounder.played == [4]
    board.select_next_unacknowledged()
    board.silence_selected()
    board.sounder._on_repeat()
    assert board.sounder.played == [4]  # no repeat for a silenced alarm
    assert board.model.rows()[0].silenced
    assert board.model.rows()[0].state == "raised"
    # said in words: the symbols it used showed as empty boxes in every font we install
    shown = board.proxy.index(0, 1).data()
    assert shown.endswith(" · silenced") and shown.isprintable()


def test_engine_thread_events_reach_the_board(board, qtbot) -> None:
    import threading

    thread = threading.Thread(target=lambda: board.book.raise_alarm(
        "TX1", "event.trip", Severity.CRITICAL, "trip"))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: board.model.rowCount() == 1)


def test_history_shows_times_to_acknowledge_and_clear(qtbot) -> None:
    from ui.alarm_history import AlarmHistory

    clock = Clock()
    book = AlarmBook(clock)
    store = StateStore(_devices())
    history = AlarmHistory(PartsRoom(book=book, store=store))
    qtbot.addWidget(history)
    t0 = clock.t
    a = book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "hot", at=t0)
    clock.t = t0 + 45
    book.acknowledge(a.id, "王工")
    book.clear_alarm("TX1", "temp_c.high", at=t0 + 600)
    book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline", at=t0)
    book.clear_alarm("B05-E1", "offline", at=t0 + 30)
    history.refresh()
    assert history.table.rowCount() == 1  # the elevator alarm is not acknowledged: not closed
    cells = [history.table.item(0, c).text() for c in range(8)]
    assert cells[1] == "1号变压器" and cells[4] == "王工"
    assert cells[5] == "45 s" and cells[6] == "10.0 min"
    # selecting a closed alarm shows its whole story, the acknowledgement by name
    assert not history.timeline.isVisibleTo(history)
    history.table.setCurrentCell(0, 1)
    assert history.timeline.isVisibleTo(history)
    assert [(r[1], r[2]) for r in history.timeline.rows()][1:] == [
        ("王工", "Acknowledged"), ("system", "Cleared"), ("system", "Closed")]
    # a newer closed alarm moves the row down; the selection and timeline stay with it
    b = book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline", at=t0 + 700)
    book.acknowledge(b.id, "李工")
    book.clear_alarm("B05-E1", "offline", at=t0 + 800)
    history.refresh()
    assert history.table.currentRow() == 1 and history.table.item(1, 1).text() == "1号变压器"
    assert ("王工", "Acknowledged") in [(r[1], r[2]) for r in history.timeline.rows()]
    history.search.setText("电梯")
    assert history.table.rowCount() == 1 and not history.timeline.isVisibleTo(history)
    history.search.setText("水泵")
    assert history.table.rowCount() == 0


def test_the_feeds_own_alarm_is_named_not_shown_as_an_id(board, qtbot) -> None:
    from app.ingest.feed import FEED_ALARM_DEVICE

    board.book.raise_alarm(FEED_ALARM_DEVICE, "feed_silent", Severity.HIGH, "silent")
    qtbot.waitUntil(lambda: board.model.rowCount() == 1)
    assert board.model.rows()[0].device_name == "Site data feed"


def test_the_selected_alarms_timeline_says_who_did_what_in_chinese(board, qtbot, qapp) -> None:
    from app.facade import commands as cmd
    from ui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        book, t0 = board.book, board.book.clock()
        alarm = book.raise_alarm("TX1", "temp_c.high", Severity.HIGH, "hot", at=t0)
        qtbot.waitUntil(lambda: board.model.rowCount() == 1)
        assert not board.timeline_pane.isVisible()  # the list has the width until one is picked
        board.select_alarm(alarm.id)
        assert board.timeline_pane.isVisible()
        assert [r[1:] for r in board.timeline.rows()] == [("系统", "报警", "")]
        board.book.clock.t = t0 + 7 * 60
        book.tick()  # unacknowledged past the policy: escalated
        board.room.execute(cmd.CommentAlarm(alarm_id=alarm.id, text="<b>电工</b>已在路上"))
        board.room.execute(cmd.ShelveAlarm(alarm_id=alarm.id, duration_s=3600,
                                           reason="检修"))
        qtbot.waitUntil(lambda: len(board.timeline.rows()) == 4)
        # who did it by the name they go by, not their login ("duty1")
        who_what = [(r[1], r[2], r[3]) for r in board.timeline.rows()]
        assert who_what == [("系统", "报警", ""), ("系统", "已上报主管", "7 分钟未确认"),
                            ("值班员", "备注", "<b>电工</b>已在路上"),
                            ("值班员", "搁置", "60 分钟 · 检修")]
        # the next desk reads the words as they were typed: a tree item never reads markup
        assert board.timeline.topLevelItem(2).text(3) == "<b>电工</b>已在路上"
        # a change to another alarm leaves this timeline as it is
        book.raise_alarm("B05-E1", "offline", Severity.MEDIUM, "offline")
        qtbot.waitUntil(lambda: board.model.rowCount() == 2)
        assert len(board.timeline.rows()) == 4
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
