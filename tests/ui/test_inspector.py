"""The device inspector: search by Chinese name fragments, kind names, live values with
units and levels, and a trend that builds up from the store."""

from __future__ import annotations

import time

import pytest

from app.domain.kinds import DEVICE_KINDS, Level
from tests.ui.test_main_window_fixtures import demo_room, scripted_engine  # noqa: F401 (fixture)
from ui.i18n import KIND_NAMES
from ui.inspector import InspectorPanel
from ui.theme import LEVEL_RGB

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, scripted_engine):  # noqa: F811
    engine, source = scripted_engine
    widget = InspectorPanel(demo_room(engine))
    qtbot.addWidget(widget)
    widget.resize(420, 800)
    widget.show()
    return widget, source


@pytest.mark.parametrize(("typed", "expected"), [
    ("3栋", {"B3-U1-1201-WM", "B3-U1-1201-PM", "B3-B1-SMK-01"}),
    ("水表", {"B3-U1-1201-WM"}),
    ("变压器", {"S1-TR-1"}),
    ("b3-u1", {"B3-U1-1201-WM", "B3-U1-1201-PM"}),  # ids, case-insensitive
    ("Water meter", {"B3-U1-1201-WM"}),  # the kind's shown name is searchable too
])
def test_search_finds_devices_by_name_or_id_fragment(panel, typed, expected):
    widget, _ = panel
    assert set(widget.search.matches(typed)) == expected


def test_completer_popup_offers_chinese_matches(panel, qtbot):
    widget, _ = panel
    widget.search.setFocus()
    qtbot.keyClicks(widget.search, "1201")
    completer = widget.search.completer()
    qtbot.waitUntil(lambda: completer.completionCount() == 2)
    shown = {completer.completionModel().index(r, 0).data() for r in range(2)}
    assert all("3栋1单元1201" in s for s in shown)


def test_found_device_shows_kind_location_values_and_level(panel, qtbot):
    widget, source = panel
    chosen = []
    widget.sig_device_chosen.connect(chosen.append)
    widget.search.setText("3栋1单元1201 水")
    widget.search.returnPressed.emit()
    assert chosen == ["B3-U1-1201-WM"]
    widget.show_device(chosen[0])
    source.push("B3-U1-1201-WM", {"total_m3": 1234.5, "flow_m3h": 3.1})  # 3.1 > 2.5: warning
    widget.refresh()
    assert widget._kind.text() == "Water meter"
    assert widget._building.text() == "3栋"
    assert "12" in widget._floor.text() and "1201" in widget._floor.text()
    assert widget.value_texts() == {"total_m3": "1,234.5 m³", "flow_m3h": "3.10 m³/h"}
    assert widget.level_text() == "Warning"
    assert widget._led.color().getRgb()[:3] == LEVEL_RGB[Level.WARNING]


def test_trend_builds_up_live_with_the_normal_band(panel):
    widget, source = panel
    widget.show_device("S1-TR-1")
    now = time.time()
    for i, temp in enumerate((60.0, 65.0, 70.0, 88.0)):
        source.push("S1-TR-1", {"temp_c": temp, "load_pct": 50.0}, ts=now - 30 + i)
        widget.refresh()
    t, y = widget.trend.series()
    assert list(y) == [60.0, 65.0, 70.0, 88.0]
    assert list(t) == pytest.approx([now - 30 + i for i in range(4)], abs=0.01)
    assert widget.trend._band.isVisible()
    assert widget.trend._band.getRegion() == pytest.approx((20.0, 80.0))


def test_history_is_bounded_to_recent_devices(panel):
    widget, _ = panel
    history = widget._history
    for device_id in ("S1-TR-1", "B3-U1-1201-WM", "B3-U1-1201-PM", "B3-B1-SMK-01"):
        widget.show_device(device_id)
    assert history.tracked()[0] == "B3-B1-SMK-01"
    assert len(history.tracked()) <= history._lru_size + 1


def test_every_contract_kind_has_a_display_name():
    assert set(KIND_NAMES) == set(DEVICE_KINDS) and len(DEVICE_KINDS) == 21


def test_overview_lists_devices_needing_attention_worst_first(panel, qtbot):
    widget, source = panel
    source.push("B3-U1-1201-PM", {"kwh": 10.0, "kw": 9.0})  # warning: above 8
    source.push("S1-TR-1", {"temp_c": 120.0, "load_pct": 50.0})  # alarm: beyond 105
    source.push("B3-U1-1201-WM", {"total_m3": 1.0, "flow_m3h": 1.0})  # normal
    widget.refresh()
    attention = widget.attention
    rows = [attention.item(r).data(0x0100) for r in range(attention.count())]
    assert rows == ["S1-TR-1", "B3-U1-1201-PM"]
    chosen = []
    widget.sig_device_chosen.connect(chosen.append)
    attention.itemClicked.emit(attention.item(0))
    assert chosen == ["S1-TR-1"]
    source.push("S1-TR-1", {"temp_c": 60.0})  # back to normal: it leaves the list
    widget.refresh()
    assert [attention.item(r).data(0x0100) for r in range(attention.count())] == [
        "B3-U1-1201-PM"]


def test_trend_shows_the_learned_band_and_an_engineer_can_freeze_it(qtbot, scripted_engine):  # noqa: F811
    engine, source = scripted_engine
    widget = InspectorPanel(demo_room(engine))
    qtbot.addWidget(widget)
    widget.show()
    widget.show_device("S1-TR-1")
    widget.select_point("temp_c")
    widget.refresh()
    assert widget.trend.learned_band() is None  # nothing learned yet: warming up
    assert "0 of" in widget._learned_note.text()
    learned = engine.alarms.learned
    now = time.time()
    for k in range(learned.config.warmup_samples + 10):
        learned.update("S1-TR-1", "temp_c", 55.0 + (k % 5), now)
    source.push("S1-TR-1", {"temp_c": 57.0})  # the next reading redraws the trend
    widget.refresh()
    band = widget.trend.learned_band()
    assert band is not None and 40.0 < band[0] < 55.0 < 59.0 < band[1] < 75.0
    widget.freeze_learned.setChecked(True)
    assert learned.is_frozen("S1-TR-1", "temp_c")
    before = learned.samples("S1-TR-1", "temp_c", now)
    learned.update("S1-TR-1", "temp_c", 90.0, now)
    assert learned.samples("S1-TR-1", "temp_c", now) == before
    # a point without a learned rule shows no learned band and no freeze box
    widget.show_device("B3-B1-SMK-01")
    widget.refresh()
    assert not widget._learned_row.isVisibleTo(widget)
