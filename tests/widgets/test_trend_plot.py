"""TrendPlot's time axis: a video wall shows its compound's time, not the wall PC's zone."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from widgets.trend_plot import TrendPlot

pytestmark = pytest.mark.gui

# 2025-06-02 04:00 UTC is noon in Shanghai (UTC+8)
NOON_CST = dt.datetime(2025, 6, 2, 4, 0, tzinfo=dt.UTC).timestamp()


def _ticks(plot: TrendPlot, qtbot) -> list[tuple[float, str]]:  # noqa: ANN001
    """The bottom axis's ticks (value, text) with ten minutes up to ``NOON_CST`` shown."""
    plot.resize(600, 300)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_series(np.array([NOON_CST - 600, NOON_CST]), np.array([1.0, 2.0]), now=NOON_CST)
    axis = plot._plot.getPlotItem().getAxis("bottom")  # noqa: SLF001
    qtbot.waitUntil(lambda: hasattr(axis, "fontMetrics"))  # set when the axis is first drawn
    levels = [(s, v) for s, v in axis.tickValues(NOON_CST - 600, NOON_CST, 600) if len(v)]
    spacing, values = min(levels)  # the finest: minutes
    return list(zip(values, axis.tickStrings(values, 1.0, spacing), strict=True))


@pytest.mark.parametrize("hours", [8, 0])
def test_the_time_axis_reads_in_the_zone_it_is_given(qtbot, hours):
    plot = TrendPlot(utc_offset_s=hours * 3600)
    qtbot.addWidget(plot)
    zone = dt.timezone(dt.timedelta(hours=hours))
    ticks = _ticks(plot, qtbot)
    assert ticks
    for value, text in ticks:
        assert text == dt.datetime.fromtimestamp(value, zone).strftime("%H:%M")[:len(text)]
    assert any(text.startswith(("11:5", "12:00") if hours else ("03:5", "04:00"))
               for _, text in ticks)
