"""The desk's plots, and pyqtgraph configured from the theme once, the first time a plot is
made: importing pyqtgraph costs ~0.2 s, which start-up need not pay for plots that sit in
tabs and in the inspector's details (see widgets/deferred.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from ui.theme import PANEL_RGB, TEXT_RGB

if TYPE_CHECKING:
    from widgets.load_plot import LoadPlot
    from widgets.trend_plot import TrendPlot

_configured = False


def configure_plots() -> None:
    """pyqtgraph's defaults from the theme (antialiased curves, the panel's colours)."""
    global _configured
    if _configured:
        return
    import pyqtgraph as pg

    pg.setConfigOptions(background=PANEL_RGB, foreground=TEXT_RGB, antialias=True)
    _configured = True


def load_plot(parent: QWidget | None = None) -> LoadPlot:
    configure_plots()
    from widgets.load_plot import LoadPlot

    return LoadPlot(parent=parent)


def trend_plot(**options: Any) -> TrendPlot:  # noqa: ANN401 (TrendPlot's own keywords)
    configure_plots()
    from widgets.trend_plot import TrendPlot

    return TrendPlot(**options)
