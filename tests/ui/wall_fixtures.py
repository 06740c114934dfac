"""A wall on the demo compound in this process, for the wall's view tests (no tests here):
the real scene, store and alarm book on a virtual clock, fake cameras with synthetic
frames, and a small two-monitor wall file with a day and a night preset."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from app import paths
from app.alarms.book import AlarmBook
from app.clock import VirtualClock
from app.facade.parts import PartsRoom
from app.scene.loader import load_scene
from app.wall.model import parse_wall_file
from tests.ui.test_camera_wall_fakes import FakeCameraManager

#: noon in Shenzhen on a weekday: the wall's schedule says "day"
NOON = dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp()

WALL = """
[wall]
id = "main"
name = "测试大屏"
dwell_s = 5.0
stale_s = 5.0
timezone = "Asia/Shanghai"

[takeover]
min_severity = "high"
hold_s = 600
flood_count = 10
flood_window_s = 600

[[schedule]]
at = "07:00"
preset = "day"

[[schedule]]
at = "19:00"
preset = "night"

[[monitors]]
id = "left"
size_mm = [1218, 685]
position = [0, 0]
far_seat_m = 5

[monitors.presets.day]
grid = [2, 1]
title = "白天"

[[monitors.presets.day.tiles]]
kind = "overview"
cell = [0, 0]
takeover = "place"

[[monitors.presets.day.tiles]]
kind = "cameras"
cell = [1, 0]
title = "高空抛物"
cameras = ["CAM-01", "CAM-02", "CAM-03"]
takeover = "camera"

[monitors.presets.night]
grid = [1, 1]
title = "夜间"

[[monitors.presets.night.tiles]]
kind = "cameras"
cameras = ["CAM-10", "CAM-11"]
dwell_s = 10

[[monitors]]
id = "right"
size_mm = [1218, 685]
position = [1, 0]
far_seat_m = 5

[monitors.presets.day]
grid = [2, 2]

[[monitors.presets.day.tiles]]
kind = "alarms"
cell = [0, 0]
span = [1, 2]
takeover = "details"

[[monitors.presets.day.tiles]]
kind = "cameras"
cell = [1, 0]
title = "南门"
cameras = ["CAM-09", "CAM-10"]
pinned = true

[[monitors.presets.day.tiles]]
kind = "kpi"
cell = [1, 1]
metric = "open_alarms"

[monitors.presets.night]
grid = [1, 1]

[[monitors.presets.night.tiles]]
kind = "alarms"
takeover = "details"
"""


def wall_file(text: str = WALL, *, schedule: bool = True):  # noqa: ANN201
    """The test wall; without its schedule it shows "day" whatever the time (for a test
    on the real clock)."""
    if not schedule:
        text = text.replace('[[schedule]]\nat = "07:00"\npreset = "day"\n\n', "").replace(
            '[[schedule]]\nat = "19:00"\npreset = "night"\n', "")
    return parse_wall_file(text, "test-wall.toml")


def demo_room(clock: VirtualClock):  # noqa: ANN201
    """The demo compound's scene with an alarm book and fake cameras on ``clock``."""
    scene = load_scene(Path(paths.demo_scene_dir()))
    cameras = FakeCameraManager(scene)
    room = PartsRoom(scene=scene, book=AlarmBook(clock=clock), cameras=cameras)
    room.clock = clock
    return room, cameras


def virtual_clock(at: float = NOON) -> VirtualClock:
    return VirtualClock(at)


@contextlib.contextmanager
def chinese(app):  # noqa: ANN001, ANN201
    """The zh_CN catalogue while the block runs: the wall as the control room reads it."""
    from ui.i18n import install_translators

    translators = install_translators(app, "zh_CN")
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
