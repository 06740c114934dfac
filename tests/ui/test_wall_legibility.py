"""Legible from the back row: from the demo wall file's geometry (55" monitors, the far seat
at 5 m), the smallest text on every monitor has a cap height of at least 16 minutes of arc
(about 23 mm) at that seat — measured on the font the wall really uses — and every tile's
text is at least that size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication

from app import paths
from app.wall.legibility import cap_height_mm, subtended_arcmin
from app.wall.model import load_wall_file
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from tests.ui.wall_fixtures import demo_room, virtual_clock
from ui.wall.display import WallDisplay
from ui.wall.theme import WallType

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]

SAMPLE = load_wall_file(paths.demo_scene_dir() / "wall.toml")


@pytest.mark.parametrize("pixels", [(1920, 1080), (3840, 2160), (1280, 720)])
def test_the_smallest_text_subtends_16_arcmin_at_the_far_seat(qapp, pixels):
    for monitor in SAMPLE.monitors:
        t = WallType(monitor.far_seat_m, pixels, monitor.size_mm, SAMPLE.wall.text_arcmin)
        need = cap_height_mm(monitor.far_seat_m, 16.0)
        assert need == pytest.approx(23.27, abs=0.01)  # the "about 23 mm at 5 m"
        for font in (t.base, t.bold, t.figure):
            assert t.cap_mm(font) >= need
            assert subtended_arcmin(t.cap_mm(font), monitor.far_seat_m) >= 16.0
        assert t.cap_mm(t.base) <= need * 1.12, "sized for the seat, not needlessly larger"
        assert QFontMetricsF(t.base).capHeight() >= t.cap_px
        # Chinese renders: the wall's font has the Hanzi it writes
        assert all(QFontMetricsF(t.base).inFontUcs4(ord(ch)) for ch in "报警未确认高空抛物")


def _px(font: QFont) -> float:
    return QFontMetricsF(font).capHeight()


def test_every_tile_of_the_sample_writes_at_least_that_size(qtbot):
    """The sample's monitors at their native 1920x1080, one at a time on the test screen:
    every text a tile draws is at least the window's base size."""
    clock = virtual_clock()
    room, _ = demo_room(clock)
    screen = QGuiApplication.primaryScreen()
    full = QRect(screen.geometry().topLeft(), screen.geometry().size())
    checked = set()
    for preset in SAMPLE.preset_names:
        for monitor in SAMPLE.monitors:
            one = SAMPLE.__class__(monitors=[monitor], wall=SAMPLE.wall,
                                   takeover=SAMPLE.takeover, schedule=[])
            display = WallDisplay(room, one, clock=clock,
                                  placements=[(screen, full, True)])
            display.set_preset(preset)
            window = display.windows[0]
            qtbot.waitExposed(window)
            t = window.type
            base = _px(t.base)
            assert t.cap_mm(t.base) >= cap_height_mm(monitor.far_seat_m)
            for tile in window.tiles:
                checked.add(type(tile).__name__)
                assert tile.header_height() >= base
                video = getattr(tile, "video", None)
                if video is not None:
                    assert video._text_px >= t.base.pixelSize()  # noqa: SLF001
                kpi = getattr(tile, "kpi", None)
                if kpi is not None:
                    for label in (kpi._value, kpi._caption):  # noqa: SLF001
                        label.ensurePolished()
                        assert _px(label.font()) >= base - 0.5, label.text()
                plot = getattr(tile, "plot", None)
                if plot is not None:
                    axis = plot._plot.getPlotItem().getAxis("left")  # noqa: SLF001
                    assert _px(axis.style["tickFont"]) >= base - 0.5
                labels = getattr(getattr(tile, "view", None), "scene_view", None)
                if labels is not None:
                    size = labels.labels._actors[0].GetTextProperty().GetFontSize()  # noqa: SLF001
                    assert size >= t.base.pixelSize()
            display.close()
    assert checked >= {"OverviewTile", "CameraTile", "WallKpiTile", "TrendTile", "AlarmsTile",
                       "MapTile"}
    room.close()
