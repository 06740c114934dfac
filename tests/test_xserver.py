"""The X servers of the GUI tests and benchmarks: test processes run side by side, so two
servers started at the same moment must end up on two displays, each its own."""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.xserver import XServerError, start_x_server, stop_x_server

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xwininfo") is None,
                                reason="needs Xvfb and xwininfo (x11-utils)")


def _root_width(display: str) -> int:
    out = subprocess.run(["xwininfo", "-root", "-display", display], capture_output=True,
                         text=True, check=True, timeout=10).stdout
    return int(re.search(r"Width: (\d+)", out).group(1))


def test_servers_started_together_get_displays_of_their_own() -> None:
    widths = [64 + 8 * i for i in range(4)]
    with ThreadPoolExecutor(4) as pool:
        started = list(pool.map(
            lambda width: start_x_server(["Xvfb", "-screen", "0", f"{width}x64x24"]), widths))
    try:
        displays = [display for display, _ in started]
        assert len(set(displays)) == 4, displays
        # each display is served by the server started for it (told apart by its width)
        assert [_root_width(display) for display in displays] == widths
    finally:
        for _, proc in started:
            stop_x_server(proc)
    for display in displays:
        assert not Path(f"/tmp/.X11-unix/X{display[1:]}").exists(), f"{display} left running"


def test_a_server_that_cannot_start_is_an_error_naming_its_command() -> None:
    with pytest.raises(XServerError, match="Xvfb -no-such-option"):
        start_x_server(["Xvfb", "-no-such-option"], timeout_s=10)
