"""End to end: ``control-room --screenshot`` as a user runs it, on the demo compound.

The app must start, draw live data in 3D without loading what its first screen does not
show, save the whole window (the OpenGL view composited in) and exit 0; the picture must show the dark theme and the device status
colours where the 3D view is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QImage

from app.domain.kinds import Level
from ui.main_window import DEFAULT_SIZE
from ui.theme import LEVEL_RGB, PANEL_RGB

pytestmark = pytest.mark.gui


def _pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return data.reshape(h, image.bytesPerLine())[:, : 3 * w].reshape(h, w, 3).astype(int)


def _near(region: np.ndarray, rgb: tuple[int, int, int], tol: int = 40) -> int:
    return int((np.abs(region - np.asarray(rgb)).max(axis=2) <= tol).sum())


def test_screenshot_of_the_demo_compound(x_display, tmp_path):
    out = tmp_path / "out.png"
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb",
               CONTROL_ROOM_DATA=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.run(
        # -X importtime: what was imported before the first frame (see below)
        [sys.executable, "-X", "importtime", "-m", "ui.cli", "--lang", "zh_CN",
         "--screenshot", str(out),
         "--quit-after", "60"],
        env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    started = re.search(r"first live frame ([\d.]+) s after start; RSS (\d+) MB", proc.stderr)
    assert started, proc.stderr[-2000:]
    print(f"start to first live frame {started[1]} s, RSS {started[2]} MB")
    # the cameras wait for the first frame: 18 feeds decoding used to delay it by seconds
    cameras = proc.stderr.find("cameras started:")
    assert cameras > started.end(), "the cameras started before the first frame"
    # start-up pays only for what the first screen shows: the plots sit in tabs and in the
    # inspector's details (pyqtgraph ~0.2 s)
    before = {line.rsplit("|", 1)[1].strip() for line in
              proc.stderr[:started.start()].splitlines() if line.startswith("import time:")}
    assert "sqlalchemy" in before  # the imports are seen at all
    assert "pyqtgraph" not in before

    px = _pixels(out)
    assert (px.shape[1], px.shape[0]) == DEFAULT_SIZE
    assert px.std() > 20, "the screenshot is blank"
    # dark theme: most of the chrome is near the panel colour, and the picture is dark
    assert _near(px, PANEL_RGB, tol=12) > 0.03 * px.shape[0] * px.shape[1]
    assert px.mean() < 90

    # the 3D view fills the left of the window (the inspector dock is on the right, the
    # status bar with its coloured chips at the bottom); mask the view's legend, which
    # shows every status colour by design, in its bottom-left corner
    h, w = px.shape[:2]
    view = px[int(0.05 * h): int(0.95 * h), : int(0.72 * w)].copy()
    view[int(0.68 * h):, : int(0.10 * w)] = 0
    counts = {level.name: _near(view, LEVEL_RGB[level]) for level in
              (Level.NORMAL, Level.WARNING, Level.ALARM)}
    print("status colour pixels in the 3D view:", counts)
    assert counts["NORMAL"] > 500, counts
    # offline grey is not counted: the scene's grey-blue building edges match it as well
    assert max(counts["WARNING"], counts["ALARM"]) > 5, counts
