"""The load plot's legend is shown only while it has something to name: an empty one was a
dark box in the corner of the energy plot until the meters' first summary."""

from __future__ import annotations

import numpy as np
import pytest

from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from widgets.load_plot import LoadPlot

pytestmark = pytest.mark.gui


def test_the_legend_shows_only_with_named_series(qtbot) -> None:
    plot = LoadPlot()
    qtbot.addWidget(plot)
    plot.show()
    assert not plot._legend.isVisible()
    hours = np.arange(24.0)
    plot.set_stacked(hours, [("照明", (240, 200, 80), np.ones(24)),
                             ("电梯", (90, 160, 240), np.full(24, 2.0))])
    assert plot._legend.isVisible() and len(plot._legend.items) == 2
    plot.clear()
    assert not plot._legend.isVisible()
    plot.set_bars(hours, np.ones(24), (120, 120, 120))  # unnamed: nothing to name
    assert not plot._legend.isVisible()
