"""Issue 17.8: the dispatch panel words an event the way the alarm board does.

A gas detector of the demo compound reports the simulator's gas leak (an ``event`` message,
through the real engine's ingest and alarm rules, on a real SQLite database); the critical
alarm becomes a work order; in a real Chinese window the order's row and its detail say
"燃气泄漏 · 原因 燃气泄漏，程度 0.6" — the alarm board's own words for that alarm — and never
the raw "fault=gas_leak, severity=0.6".
"""

from __future__ import annotations

import time

import msgspec
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.config import AppConfig
from app.dispatch.orders import short_order_id
from app.facade.parts import PartsRoom
from app.facade.session import Session
from app.runtime.engine import Engine
from app.security.roles import Grant, Role
from app.sources.base import RawMessage
from tests.ui.test_i18n import translated  # noqa: F401 (fixture)
from tests.ui.test_main_window_fixtures import ScriptedSource
from ui.alarm_board import AlarmBoard
from ui.alarm_sound import AlarmSounder
from ui.dispatch_panel import DispatchPanel

pytestmark = pytest.mark.gui
GAS_DETECTOR = "B01-F01-U01-GD"
TITLE_COL = 3


@pytest.fixture
def engine(tmp_path):  # noqa: ANN001, ANN201
    config = AppConfig()
    config = msgspec.structs.replace(
        config, database=msgspec.structs.replace(config.database,
                                                 url=f"sqlite:///{tmp_path / 'cr.db'}"),
        cameras=msgspec.structs.replace(config.cameras, enabled=False))
    source = ScriptedSource()
    engine = Engine(config, source=source, simulate_handsets=False)
    engine.start()
    yield engine, source
    engine.stop()


def _gas_leak(source: ScriptedSource) -> None:
    """What the simulator's gas detector says when its gas-leak fault starts."""
    payload = msgspec.json.encode({"ts": round(time.time() * 1000), "kind": "gas_leak",
                                   "data": {"fault": "gas_leak", "severity": 0.6}})
    assert source._sink is not None
    source._sink([RawMessage(f"cr/demo/dev/{GAS_DETECTOR}/event", payload, time.time())])


def test_an_order_from_an_event_alarm_reads_as_the_alarm_board_words_it(
        engine, qtbot, translated, request) -> None:  # noqa: ANN001, F811
    engine, source = engine
    translated("zh_CN")
    _gas_leak(source)
    qtbot.waitUntil(lambda: any(a.device_id == GAS_DETECTOR
                                for a in engine.alarms.book.open_alarms()), timeout=5000)
    (alarm,) = [a for a in engine.alarms.book.open_alarms() if a.device_id == GAS_DETECTOR]
    assert engine.dispatch is not None
    engine.dispatch.tick()  # the housekeeper would, within a second
    (order,) = [o for o in engine.dispatch.service.orders() if o.origin_ref == alarm.id]
    assert "fault=gas_leak" in order.title  # the English line handsets and logs get

    session = Session(user="王", display_name="王", grant=Grant(Role.DISPATCHER),
                      console="test", demo=True)
    room = PartsRoom(book=engine.alarms.book, store=engine.store, scene=engine.scene,
                     dispatch=engine.dispatch, session=session)
    panel, board = DispatchPanel(room), AlarmBoard(room, sounder=AlarmSounder(enabled=False))

    def dismantle() -> None:  # before the engine stops: no timer or listener left behind
        for widget in (panel, board):
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        room.close()

    request.addfinalizer(dismantle)
    for widget in (panel, board):
        qtbot.addWidget(widget)
        widget.resize(1400, 700)
        widget.show()
        qtbot.waitExposed(widget)

    row = panel.orders.row_of(order.id)
    assert row is not None
    cell = panel.orders.data(panel.orders.index(row, TITLE_COL))
    device_name = engine.store.device(GAS_DETECTOR).name
    assert cell == f"{device_name}: 燃气泄漏 · 原因 燃气泄漏，程度 0.6"
    # the same words as the alarm board's row for that alarm (its type, its detail)
    qtbot.waitUntil(lambda: board.model.row_of(alarm.id) is not None, timeout=5000)
    board_row = board.model.alarm(board.model.row_of(alarm.id))
    assert cell == f"{device_name}: {board_row.type_label} · {board_row.message}"
    assert panel.select_order(order.id)
    assert cell in panel.detail.heading.text()
    # the order as the queue shows it and people say it on the radio; the full id on hover
    assert panel.detail.heading.text().startswith(short_order_id(order.id) + " · P1")
    assert order.id not in panel.detail.heading.text()
    assert order.id in panel.detail.heading.toolTip()
    assert "fault=" not in panel.detail.heading.text() and "severity=" not in cell
    # the suggestion and the read-only notice in the dispatcher's language too (the
    # engine's English summary is for logs; ScriptedSource delivers nothing to handsets)
    qtbot.waitUntil(lambda: "分钟" in panel.detail.who.text(), timeout=5000)
    assert "min away" not in panel.detail.who.text()
    assert panel.snapshot.read_only_reason is not None, "a scripted source delivers nothing"
    assert "只读数据源" in panel.banner.text() and "read-only" not in panel.banner.text()
    # why it is not sent, beside the suggestion, in the same words as the banner
    assert "只读数据源" in panel.detail.who.text()
    assert "read-only" not in panel.detail.who.text()
    # the engine made the order: its step reads "系统", not the engine's name "dispatch"
    timeline = panel.detail.timeline
    actors = {timeline.topLevelItem(i).text(1) for i in range(timeline.topLevelItemCount())}
    assert actors == {"系统"}, actors
