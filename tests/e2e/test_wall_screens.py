"""``control-room --wall`` on a desktop of two real monitors (X.Org with the dummy driver,
two RandR outputs side by side): each monitor of the wall file gets a frameless full-screen
window on its own screen, at that screen's place; what the screens show is grabbed from the
X server itself. A bad wall file is one line and exit 2, before any window opens."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from bench.control_server import CLI
from tests.fixtures.wall_screens import start_wall_screens

pytestmark = [pytest.mark.timeout(240)]

WALL = """
[wall]
name = "两屏测试"
[[monitors]]
id = "left"
size_mm = [1218, 685]
position = [0, 0]
far_seat_m = 5
[monitors.presets.day]
grid = [2, 2]
[[monitors.presets.day.tiles]]
kind = "overview"
span = [2, 1]
takeover = "place"
[[monitors.presets.day.tiles]]
kind = "kpi"
cell = [0, 1]
metric = "open_alarms"
[[monitors.presets.day.tiles]]
kind = "kpi"
cell = [1, 1]
metric = "devices_online"
[[monitors]]
id = "right"
size_mm = [1218, 685]
position = [1, 0]
far_seat_m = 5
[monitors.presets.day]
grid = [2, 1]
[[monitors.presets.day.tiles]]
kind = "alarms"
takeover = "details"
[[monitors.presets.day.tiles]]
kind = "map"
cell = [1, 0]
"""


@pytest.fixture
def two_screens():
    screens = start_wall_screens(2)
    yield screens
    screens.stop()


def _env(tmp_path: Path, base: dict[str, str]) -> dict[str, str]:
    return {**base, "CONTROL_ROOM_DATA": str(tmp_path / "data"),
            "CONTROL_ROOM_SECRETS": str(tmp_path / "secrets"),
            "CONTROL_ROOM__CAMERAS__ENABLED": "false", "PYTHONUNBUFFERED": "1"}


def test_each_monitor_gets_a_frameless_window_on_its_own_screen(two_screens, tmp_path):
    wall = tmp_path / "wall.toml"
    wall.write_text(WALL, encoding="utf-8")
    log = open(tmp_path / "wall.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([*CLI, "--wall", "--wall-config", str(wall), "--quit-after",
                             "120"], env=_env(tmp_path, two_screens.env()), stdout=log,
                            stderr=log)
    try:
        expected = {"两屏测试 — left": (0, 0, 1920, 1080),
                    "两屏测试 — right": (1920, 0, 1920, 1080)}
        deadline = time.monotonic() + 90
        seen: dict = {}
        while time.monotonic() < deadline and proc.poll() is None:
            seen = {k: v for k, v in two_screens.windows().items() if k in expected}
            if seen == expected:
                break
            time.sleep(0.5)
        assert seen == expected, (seen, (tmp_path / "wall.log").read_text()[-2000:])
        time.sleep(8)  # live data, a few turns of the 3D view
        shot = two_screens.grab(tmp_path / "wall-two-screens.png")
        folder = os.environ.get("CONTROL_ROOM_WALL_SHOTS")
        if folder:
            two_screens.grab(Path(folder) / "wall-two-screens.png")
        import cv2

        image = cv2.imread(str(shot))
        assert image.shape[:2] == (1080, 3840)
        left, right = image[:, :1920], image[:, 1920:]
        for half in (left, right):  # each screen is painted by its window, edge to edge
            assert half.std() > 10 and not np.all(half[:20, :20] == 0)
        assert not np.array_equal(left, right)
    finally:
        proc.send_signal(signal.SIGINT)  # the wall's clean stop (engine joined)
        try:
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
            log.close()
    assert code == 0, (tmp_path / "wall.log").read_text()[-2000:]


def test_one_pc_the_desk_on_its_screen_and_the_wall_on_the_other(two_screens, tmp_path):
    """``control-room --wall-config``: the desk and the wall in one process on one engine;
    the wall's two monitors share the screen the desk is not on."""
    wall = tmp_path / "wall.toml"
    wall.write_text(WALL, encoding="utf-8")
    log = open(tmp_path / "desk.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([*CLI, "--wall-config", str(wall), "--quit-after", "120"],
                            env=_env(tmp_path, two_screens.env()), stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 90
        windows: dict = {}
        while time.monotonic() < deadline and proc.poll() is None:
            windows = two_screens.windows()
            if {"两屏测试 — left", "两屏测试 — right"} <= set(windows) and any(
                    "DEMO" in name or "演示" in name for name in windows):
                break
            time.sleep(0.5)
        desk = next(v for k, v in windows.items() if "DEMO" in k or "演示" in k)
        left, right = windows["两屏测试 — left"], windows["两屏测试 — right"]
        desk_on_first = desk[0] < 1920
        for x, _y, w, _h in (left, right):  # both on the screen the desk is not on
            assert (x >= 1920) == desk_on_first and w <= 1920
        assert left[0] < right[0]  # side by side, in their places in the wall
        # Ctrl+C is the running desk's clean stop; the windows map before its event loop
        # runs, and a Ctrl+C before that is an interrupted start (exit 130), not the point.
        # (It segfaulted in 2 of 3 tries when the handler quit inside a 3D render's
        # callback; the quit is queued now, tests/ui/test_quit_on_sigint.py.)
        deadline = time.monotonic() + 30
        while (time.monotonic() < deadline and proc.poll() is None
               and b"first live frame" not in (tmp_path / "desk.log").read_bytes()):
            time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
            log.close()
    assert code == 0, (tmp_path / "desk.log").read_text()[-2000:]


def test_a_bad_wall_file_is_one_line_and_exit_2(tmp_path):
    wall = tmp_path / "wall.toml"
    wall.write_text(WALL.replace("far_seat_m = 5", "far_seat_m = 0", 1), encoding="utf-8")
    result = subprocess.run([*CLI, "--wall", "--wall-config", str(wall)], capture_output=True,
                            text=True, env=_env(tmp_path, dict(os.environ)), timeout=120)
    assert result.returncode == 2
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("control-room: error: ") and "monitors[0].far_seat_m" in line
    assert "Traceback" not in result.stderr
    missing = subprocess.run([*CLI, "--wall", "--wall-config", str(tmp_path / "nope.toml")],
                             capture_output=True, text=True, env=_env(tmp_path, dict(os.environ)),
                             timeout=120)
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    unknown = wall.read_text().replace('kind = "map"', 'kind = "cameras"\ncameras = ["CAM-99"]')
    wall.write_text(unknown.replace("far_seat_m = 0", "far_seat_m = 5"), encoding="utf-8")
    result = subprocess.run([*CLI, "--wall", "--wall-config", str(wall), "--quit-after", "5"],
                            capture_output=True, text=True, timeout=180,
                            env=_env(tmp_path, {**os.environ, "QT_QPA_PLATFORM": "offscreen"}))
    assert result.returncode == 2 and "no camera 'CAM-99' in the scene" in result.stderr
