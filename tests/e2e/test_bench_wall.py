"""``control-room bench wall``, the wall's soak (issue 12), as a user starts it: on a machine
without a display it brings its own, and it measures the wall in a data folder of its own:
a benchmark never writes into the user's control room (database, evidence clips, pending
alarms)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")


def test_a_short_soak_reports_its_figures_and_leaves_the_users_data_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "CONTROL_ROOM_DATA", "XDG_DATA_HOME")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="xcb",
               # the demo's videos are made once per machine: share the suite's cache
               XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME",
                                             str(Path.home() / ".cache")))
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "bench", "wall", "--json", "--hours", "0.04",
         "--speed", "10", "--sample-s", "3", "--switch-min", "1"],
        capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout)
    assert figures["wall_shown"] is True and figures["samples"] >= 3
    assert figures["preset_switches"] >= 1
    assert figures["fds_end"] > 0 and figures["threads_end"] > 0
    assert figures["vtk_objects_end"] > 0 and figures["heap_in_use_mb_end"] > 0
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert not [p for p in written if "control-room" in p], written
