"""A supervisor's view of training progress: every kept result (date, trainee, scenario,
score), each trainee's first, best and last score per scenario, and a plot of the scores
run after run. Opened from the debrief, or on its own with
``control-room --training-progress``; it reads the training home's results database.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.training.results import ResultRow, list_results, progress
from ui.plots import configure_plots

PALETTE = ("#e74c3c", "#3498db", "#2ecc71", "#f1c40f", "#9b59b6", "#1abc9c", "#e67e22")


class ProgressWindow(QWidget):
    def __init__(self, home: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from app.training.session import results_url, training_home

        self.setObjectName("TrainingProgress")
        self.setWindowTitle(self.tr("Training progress"))
        self.resize(1100, 640)
        self.home = home or training_home()
        self.rows: list[ResultRow] = []
        has_db = (self.home / "training.db").is_file()
        if has_db:
            self.rows = list_results(results_url(self.home))
        self.trainee = QComboBox()
        self.trainee.addItem(self.tr("Every trainee"), None)
        for name in sorted({r.trainee for r in self.rows}):
            self.trainee.addItem(name, name)
        self.trainee.currentIndexChanged.connect(self.refresh)
        self.results = QTreeWidget()
        self.results.setHeaderLabels([self.tr("Date"), self.tr("Trainee"),
                                      self.tr("Scenario"), self.tr("Score")])
        self.results.setRootIsDecorated(False)
        self.summary = QTreeWidget()
        self.summary.setHeaderLabels([self.tr("Trainee"), self.tr("Scenario"),
                                      self.tr("Runs"), self.tr("First"), self.tr("Best"),
                                      self.tr("Last")])
        self.summary.setRootIsDecorated(False)
        configure_plots()
        self.plot = pg.PlotWidget()
        self.plot.setYRange(0, 100)
        self.plot.setLabel("left", self.tr("Score"))
        self.plot.setLabel("bottom", self.tr("Run"))
        self.plot.addLegend()
        self.empty = QLabel(self.tr("No training result kept yet."))
        self.empty.setVisible(not self.rows)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Trainee:")))
        top.addWidget(self.trainee)
        top.addStretch(1)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(self.summary)
        lists.addWidget(self.results)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(lists)
        body.addWidget(self.plot)
        body.setSizes([520, 580])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(body, 1)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.trainee.currentData()
        rows = [r for r in self.rows if chosen is None or r.trainee == chosen]
        self.results.clear()
        for r in rows:
            self.results.addTopLevelItem(QTreeWidgetItem([
                time.strftime("%Y-%m-%d %H:%M", time.localtime(r.started_at)), r.trainee,
                r.scenario_title, f"{r.score:.0f}"]))
        self.summary.clear()
        self.plot.clear()
        for i, p in enumerate(progress(rows)):
            self.summary.addTopLevelItem(QTreeWidgetItem([
                p.trainee, p.scenario_title, str(p.runs), f"{p.first:.0f}", f"{p.best:.0f}",
                f"{p.last:.0f}"]))
            colour = PALETTE[i % len(PALETTE)]
            self.plot.plot(list(range(1, len(p.scores) + 1)), p.scores,
                           pen=pg.mkPen(colour, width=2), symbol="o", symbolBrush=colour,
                           name=f"{p.trainee} · {p.scenario_id}")
        for column in range(6):
            self.summary.resizeColumnToContents(column)
