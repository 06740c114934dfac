"""A wheel carries everything the app loads at run time: the packages, the demo scene and
the resources (theme, compiled translations, sounds), where app.paths looks for them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: files under scenes/ and resources/ that are sources for something else, not loaded
NOT_SHIPPED = {".ts", ".tsv", ".py", ".md"}


def test_wheel_ships_packages_scene_and_resources(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("control_room-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = next(n.split("/data/", 1)[0] for n in names if ".data/data/" in n) + "/data/"
    for package in ("app/__init__.py", "ui/cli.py", "widgets/__init__.py", "bench/common.py"):
        assert package in names
    expected = [p for folder in ("scenes", "resources") for p in (ROOT / folder).rglob("*")
                if p.is_file() and p.suffix not in NOT_SHIPPED and "__pycache__" not in p.parts]
    assert expected, "nothing to ship?"
    missing = [str(p.relative_to(ROOT)) for p in expected
               if f"{data}share/control-room/{p.relative_to(ROOT)}" not in names]
    assert missing == [], f"add these to [tool.setuptools.data-files]: {missing}"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "control-room = ui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
