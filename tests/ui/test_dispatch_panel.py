"""The dispatch panel as a dispatcher uses it, in a real window: the queue, the reasons,
assigning by button and by drag and drop, overrides with a reason, SLA colours, replay."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from app import paths
from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.config.model import SimulatorConfig
from app.dispatch.repository import InMemoryOrderRepository
from app.dispatch.runtime import DispatchRuntime, DispatchRuntimeConfig
from app.domain.kinds import Level
from app.domain.model import Location
from app.facade.parts import PartsRoom
from app.facade.session import Session
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.outbound import publisher_for
from app.recording.format import RecordingWriter
from app.scene.loader import load_scene
from app.security.roles import Grant, Role
from app.sources.replay import ReplaySource
from app.sources.simulator.source import SimulatorSource
from app.state.store import StateStore
from ui.dispatch_panel import DispatchPanel
from ui.i18n import install_translators
from ui.theme import level_rgb

pytestmark = [pytest.mark.gui,  # Qt 6 drag events take a QPoint; PySide flags it deprecated
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]
TRANSFORMER = "S01-TR1"
SLA_COL, TECH_COL = 6, 5


class Clock:
    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def scene():  # noqa: ANN201
    return load_scene(paths.demo_scene_dir())


def _make(scene, qtbot, source=None):  # noqa: ANN001, ANN202
    clock = Clock()
    scheme = TopicScheme("cr", scene.site.site_id)
    store = StateStore(scene.devices)
    book = AlarmBook(clock)
    runtime = DispatchRuntime(scene, store, Ingest(store, scheme),
                              publisher_for(source or SimulatorSource(scene, SimulatorConfig(),
                                                                      scheme)), book,
                              InMemoryOrderRepository(), clock=clock, simulate_handsets=False,
                              config=DispatchRuntimeConfig(auto_assign=False))
    book.raise_alarm(TRANSFORMER, "temp_c.high", Severity.HIGH, "temp_c 112 > 105")
    runtime.tick()
    session = Session(user="王", display_name="王", grant=Grant(Role.DISPATCHER),
                      console="test", demo=True)
    panel = DispatchPanel(PartsRoom(book=book, store=store, scene=scene, dispatch=runtime,
                                    session=session))
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, runtime, clock


def _order_row(panel: DispatchPanel, order_id: str) -> int:
    row = panel.orders.row_of(order_id)
    assert row is not None
    return row


def _drop(panel: DispatchPanel, order_id: str, tech_id: str) -> None:
    """What a drag from the queue onto a technician delivers to the technicians' view."""
    mime = panel.orders.mimeData([panel.orders.index(_order_row(panel, order_id), 0)])
    index = panel.techs.index(panel.techs.row_of(tech_id), 0)
    panel.tech_view.scrollTo(index)
    target = panel.tech_view.visualRect(index)
    assert panel.tech_view.viewport().rect().contains(target.center())
    pos = target.center()
    viewport = panel.tech_view.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime,
                                                    buttons, mods))
    drop = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def test_queue_shows_orders_with_the_suggestion_and_its_reasons(scene, qtbot) -> None:  # noqa: ANN001
    panel, runtime, _ = _make(scene, qtbot)
    (order,) = runtime.service.orders()
    assert panel.orders.rowCount() == 1
    assert panel.orders.cells[0][2] == "Waiting" and panel.orders.cells[0][1] == "P2"
    assert panel.orders.cells[0][SLA_COL] == "accept 15:00"  # P2: 15 min to accept
    assert panel.select_order(order.id)
    suggestion = runtime.snapshot().order(order.id).suggestion
    name = panel.tech_names[suggestion.tech_id]
    assert f"Suggested: {name}" in panel.detail.who.text()
    assert "min away" in panel.detail.who.text()
    terms = {panel.detail.terms.item(r, 0).text(): panel.detail.terms.item(r, 1).text()
             for r in range(panel.detail.terms.rowCount())}
    assert {"Walking time (s)", "Busy penalty (s)", "Total cost (s)"} <= set(terms)
    assert [panel.detail.timeline.topLevelItem(i).text(3)
            for i in range(panel.detail.timeline.topLevelItemCount())] == ["Created from an alarm"]
    # a resident report arrives: one row inserted, the first row untouched (no reset)
    resets: list = []
    panel.orders.modelReset.connect(lambda: resets.append(1))
    runtime.create_from_resident_report("5栋电梯困人", Location((0.0, 0.0, 0.0), "B05", 1), "李")
    qtbot.waitUntil(lambda: panel.orders.rowCount() == 2, timeout=2000)
    assert resets == [] and panel.selected_order_id() == order.id


def test_the_order_timeline_words_the_engines_lines_in_chinese(scene, qtbot, qapp,
                                                              monkeypatch) -> None:  # noqa: ANN001
    translators = install_translators(qapp, "zh_CN")
    try:
        panel, runtime, _ = _make(scene, qtbot)
        (order,) = runtime.service.orders()
        suggested = runtime.snapshot().order(order.id).suggestion.tech_id
        other = next(t.id for t in scene.technicians if t.id != suggested
                     and "electrical" in t.certified)
        panel.select_order(order.id)
        panel.select_tech(suggested)
        qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
        panel.reason.setText("熟悉配电房")
        _drop(panel, order.id, other)
        qtbot.waitUntil(lambda: runtime.service.order(order.id).assignee == other,
                        timeout=2000)

        def rows() -> list[tuple[str, str]]:
            tree = panel.detail.timeline
            return [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(3))
                    for i in range(tree.topLevelItemCount())]

        qtbot.waitUntil(lambda: len(rows()) >= 4, timeout=2000)
        notes = [note for _, note in rows()]
        # stored in English for logs and city platforms, read in the operator's language
        assert runtime.service.order(order.id).notes[0].text == "created from alarm"
        assert "由告警生成" in notes
        assert any(n.startswith(panel.tech_names[suggested] + "：步行约") for n in notes)
        assert f"改派给 {panel.tech_names[other]}：熟悉配电房" in notes
        assert not any("min away" in n or "created from" in n or "reassigned" in n
                       for n in notes)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_assign_by_button_then_reassign_by_drag_and_drop_with_a_reason(scene, qtbot,
                                                                       monkeypatch) -> None:  # noqa: ANN001
    panel, runtime, _ = _make(scene, qtbot)
    (order,) = runtime.service.orders()
    suggested = runtime.snapshot().order(order.id).suggestion.tech_id
    panel.select_order(order.id)
    panel.select_tech(suggested)
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)  # no reason needed
    row = _order_row(panel, order.id)
    assert runtime.service.order(order.id).assignee == suggested
    assert panel.orders.cells[row][TECH_COL] == panel.tech_names[suggested]
    assert panel.orders.cells[row][2] == "Assigned"
    assert "manual" not in runtime.service.order(order.id).explanation

    other = next(t.id for t in scene.technicians if t.id != suggested
                 and "electrical" in t.certified)
    # moving a held order without a reason: the dialog is dismissed, nothing changes
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    _drop(panel, order.id, other)
    qtbot.waitUntil(lambda: "needs a reason" in panel.message.text(), timeout=2000)
    assert runtime.service.order(order.id).assignee == suggested
    # with a reason, the drop reassigns it and the row follows
    panel.reason.setText("熟悉配电房")
    _drop(panel, order.id, other)
    qtbot.waitUntil(lambda: runtime.service.order(order.id).assignee == other, timeout=2000)
    assert panel.orders.cells[row][TECH_COL] == panel.tech_names[other]
    got = runtime.service.order(order.id)
    assert got.explanation["manual"].startswith("王") and "熟悉配电房" in got.history[-1].note
    qtbot.waitUntil(lambda: "熟悉配电房" in "".join(
        panel.detail.timeline.topLevelItem(i).text(3)
        for i in range(panel.detail.timeline.topLevelItemCount())), timeout=2000)
    # an unqualified technician is refused with a line that says why
    plumber = next(t.id for t in scene.technicians if t.skills == ("plumbing", "general"))
    panel.reason.setText("test")
    _drop(panel, order.id, plumber)
    qtbot.waitUntil(lambda: "not a" in panel.message.text(), timeout=2000)
    assert runtime.service.order(order.id).assignee == other


def test_sla_turns_red_when_overdue_and_route_is_offered_for_3d(scene, qtbot) -> None:  # noqa: ANN001
    panel, runtime, clock = _make(scene, qtbot)
    (order,) = runtime.service.orders()
    row = _order_row(panel, order.id)
    assert panel.orders.colours[row][SLA_COL] is None
    clock.now += 11 * 60  # 4 of 15 minutes left: amber
    panel.refresh()
    assert panel.orders.colours[row][SLA_COL] == QColor(*level_rgb(Level.WARNING))
    clock.now += 5 * 60  # overdue by a minute: red, and said in words, not a minus sign
    panel.refresh()
    assert panel.orders.colours[row][SLA_COL] == QColor(*level_rgb(Level.ALARM))
    assert panel.orders.cells[row][SLA_COL] == "accept overdue 1:00"
    with qtbot.waitSignal(panel.sig_show_route, timeout=2000) as blocker:
        panel.select_order(order.id)
    tech_id, points = blocker.args
    assert tech_id == runtime.snapshot().order(order.id).suggestion.tech_id
    assert len(points) >= 3  # start, walkway nodes, the transformer
    assert points[-1] == pytest.approx(scene_device(scene, TRANSFORMER).location.xyz)


def test_replay_shows_why_nothing_is_sent_and_refuses_to_assign(scene, qtbot,
                                                                tmp_path: Path) -> None:  # noqa: ANN001
    recording = tmp_path / "r.crrec"
    RecordingWriter(recording).close()
    panel, runtime, _ = _make(scene, qtbot, source=ReplaySource(recording))
    assert "Read-only source (replay)" in panel.banner.text()
    assert not panel.auto.isEnabled()
    (order,) = runtime.service.orders()
    panel.select_order(order.id)
    panel.select_tech(runtime.snapshot().order(order.id).suggestion.tech_id)
    assert not panel.assign_selected()
    assert "read-only" in panel.message.text()
    assert runtime.service.order(order.id).state == "created"


def scene_device(scene, device_id):  # noqa: ANN001, ANN201
    return next(d for d in scene.devices if d.id == device_id)
