"""The training desk as a trainee and an instructor use it, on a real training session (the
flood scenario on the simulator) and a real window under Xvfb:

- the title and a watermark over the whole window say TRAINING / 培训;
- the player bar shows the scenario's moment; the instructor's note lands on the timeline;
- ending the run fills the debrief; clicking one of its entries seeks the player there;
- the debrief exported as PDF is one A4 page per run that pdftoppm renders, not blank.

Set ``CONTROL_ROOM_SHOTS=DIR`` to keep the window and the PDF page as PNG files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import msgspec
import numpy as np
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage

from app import paths
from app.config import load_config
from app.facade import commands as c
from app.facade.local import LocalControlRoom
from app.training.session import TrainingSession, desk_session
from tests.ui.test_main_window_fixtures import settings  # noqa: F401 (fixture)
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.screenshot import grab_window

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]

SCENARIO = paths.demo_scene_dir() / "training" / "flood-power-cut.toml"
TRAINEE = "小李"


@pytest.fixture
def session(tmp_path):
    config = load_config(None)
    config = msgspec.structs.replace(
        config, cameras=msgspec.structs.replace(config.cameras, enabled=False))
    s = TrainingSession.build(config, SCENARIO, trainee=TRAINEE, home=tmp_path / "home")
    s.start(thread=False)  # the test steps the player; requests run on this thread
    yield s
    s.stop(keep_result=False)


@pytest.fixture
def chinese(qapp):
    """The desk in Chinese, as a trainee sees it."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))


@pytest.fixture
def desk(qtbot, session, settings, chinese):  # noqa: F811
    room = LocalControlRoom(session.engine, desk_session(TRAINEE))
    win = MainWindow(room, settings=settings, lang="zh_CN", restore_state=False,
                     workspace="engineering")
    win.resize(1600, 900)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    room.close()


def _shot(image: QImage, name: str) -> None:
    folder = os.environ.get("CONTROL_ROOM_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(folder) / name))


def _act(session) -> str:
    """The trainee acknowledges the transformer's trip after the power cut at 60 s."""
    session.player.step_to(70)
    trip = next(a for a in session.engine.alarms.book.open_alarms() if a.type == "event.trip")
    session.engine.commands.execute(desk_session(TRAINEE), c.AcknowledgeAlarm(alarm_id=trip.id))
    return trip.id


def test_the_desk_says_training_and_shows_the_run(desk, session, qtbot):
    _act(session)
    desk.room.execute(c.TrainingAnnotate(text="跳闸后 10 秒内确认：好"))
    session.player.step_to(200)
    assert "培训" in desk.windowTitle()
    mark = desk.watermark
    assert mark.isVisible() and mark.geometry() == desk.rect()
    assert mark is desk.children()[-1] or mark.parent() is desk  # over every panel
    alarms = desk.docks["alarms"]
    alarms.setFloating(True)  # a panel taken to another screen is marked as well

    def floated():
        return alarms.findChild(type(mark), "TrainingWatermark")
    qtbot.waitUntil(lambda: floated() is not None and floated().isVisible()
                    and floated().geometry() == alarms.rect(), timeout=5000)
    alarms.setFloating(False)
    qtbot.waitUntil(lambda: not floated().isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: desk.player_bar.time_label.text().startswith("00:03:20"),
                    timeout=5000)
    notes = desk.instructor_panel
    qtbot.waitUntil(lambda: "跳闸后" in _texts(notes), timeout=5000)
    qtbot.wait(1500)  # the 3D view's first frames
    _shot(grab_window(desk, desk.compound_view), "training-desk.png")


def test_the_debrief_seeks_the_player_and_exports_a_pdf(desk, session, qtbot, tmp_path):
    _act(session)
    session.player.step_to(300)
    desk.debrief_view.end_run()
    view = desk.debrief_view
    qtbot.waitUntil(lambda: view.debrief is not None and view.timeline.topLevelItemCount() > 3,
                    timeout=10000)
    assert float(view.score.text()) >= 0
    item = next(view.timeline.topLevelItem(i) for i in range(view.timeline.topLevelItemCount())
                if 0 < view.timeline.topLevelItem(i).data(0, 0x0100) < 250)
    at_s = item.data(0, 0x0100)
    view.timeline.itemClicked.emit(item, 0)
    assert abs(session.player.t - session.player.start - at_s) <= 1.0  # landed there
    desk.raise_panel("debrief")
    qtbot.wait(500)
    _shot(grab_window(desk, desk.compound_view), "training-debrief.png")

    pdf = view.export(tmp_path / "debrief.pdf")
    assert shutil.which("pdftoppm"), "poppler-utils (tools/debian-deps.sh)"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1  # one page per scenario run
    image = QImage(str(pages[0]))
    assert image.height() / image.width() == pytest.approx(297 / 210, rel=0.02)  # A4
    grey = _grey(image)
    assert (grey < 128).mean() > 0.01  # words and plots, not a blank page
    _shot(image, "training-report-page.png")


def _texts(widget) -> str:
    from PySide6.QtWidgets import QLabel, QTreeWidget

    parts = [label.text() for label in widget.findChildren(QLabel)]
    for tree in widget.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            parts.extend(item.text(col) for col in range(item.columnCount()))
    return "\n".join(parts)


def _grey(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * image.height())
    return data.reshape(image.height(), image.bytesPerLine())[:, :image.width()]


def test_every_wall_screen_of_a_training_session_says_so(qtbot):
    from app.facade.session import Session
    from app.security.roles import Grant, Role
    from tests.ui.wall_fixtures import demo_room, virtual_clock, wall_file
    from ui.training.watermark import WatermarkOverlay
    from ui.wall.display import WallDisplay
    from ui.wall.overview_tile import OverviewTile

    clock = virtual_clock()
    room, _cameras = demo_room(clock)
    room.session = Session("xiao.li", "小李", Grant(Role.TRAINEE), "wall", training=True)
    display = WallDisplay(room, wall_file(), clock=clock)
    try:
        views = []
        for window in display.windows:
            qtbot.waitExposed(window)
            mark = window.findChild(WatermarkOverlay, "TrainingWatermark")
            assert mark is not None and mark.isVisible() and mark.geometry() == window.rect()
            views += [t.view for t in window.tiles if isinstance(t, OverviewTile)]
        assert views, "the sample wall has a 3D overview"
        assert all(v.scene_view.watermark.text for v in views)  # drawn in the 3D frames too
    finally:
        display.close()
        room.close()
