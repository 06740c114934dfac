"""The README's operations pictures: the energy panel and a page of the daily report, made
from a database the operations benchmark filled (``control-room bench operations`` leaves
one in the user data folder).

    xvfb-run -a python3 tools/operations_screenshots.py [--db URL] [--day 2025-06-20]

Writes docs/screenshot-energy.png and docs/screenshot-report.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app import paths  # noqa: E402
from app.operations.config import load_operations_config  # noqa: E402
from app.operations.service import OperationsService  # noqa: E402
from app.scene.loader import load_scene  # noqa: E402
from app.storage import open_database  # noqa: E402
from ui.energy_panel import EnergyPanel  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.theme import apply_theme  # noqa: E402

CST = dt.timezone(dt.timedelta(hours=8))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=f"sqlite:///{paths.user_data_dir()}/"
                                        "bench-operations-30d-7-v1.db")
    parser.add_argument("--day", default="2025-06-20")
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args()
    day = dt.date.fromisoformat(args.day)
    now = dt.datetime(day.year, day.month, day.day, 23, 30, tzinfo=CST).timestamp()
    scene_dir = paths.demo_scene_dir()
    engine = open_database(args.db)
    service = OperationsService(load_scene(scene_dir), load_operations_config(scene_dir),
                                site="demo", clock=lambda: now)
    service.start(engine, worker=False)
    service.daily(now + 86400)  # the night flows and unaccounted water of that day
    service.recommend(now)
    service.refresh_energy(now)

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    keep = install_translators(app, "zh_CN")  # noqa: F841 (translators must stay alive)
    panel = EnergyPanel(service)
    panel.resize(1500, 940)
    panel.show()
    app.processEvents()
    out = Path(args.out)
    panel.grab().save(str(out / "screenshot-energy.png"))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "daily.pdf"
        service.write_report("daily", day, pdf)
        subprocess.run(["pdftoppm", "-r", "90", "-f", "2", "-l", "2", "-png", "-singlefile",
                        str(pdf), str(out / "screenshot-report")], check=True)
    print(out / "screenshot-energy.png", out / "screenshot-report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
