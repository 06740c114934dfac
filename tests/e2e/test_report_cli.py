"""``control-room report daily|monthly --db URL --out FILE.pdf|.html`` through the real entry
point, on a database holding a day of a compound: the PDF's pages rendered to PNG by
poppler's pdftoppm and checked as pages (A4, drawn on, in Chinese), the HTML escaped, bad
arguments one line and exit 2. The report's figures on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app import paths
from app.operations.config import load_operations_config
from app.operations.report import gather, write_report
from app.scene.loader import load_scene
from app.storage import open_database
from bench.operations_data import fill
from tests.e2e.test_db_cli import cli

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2025, 6, 10)
KEEP_BUILDINGS = {"B01", "B02", "G01", "P01", "S01", "H01", "H02", "C01"}


@pytest.fixture(scope="module")
def scene_dir(tmp_path_factory) -> Path:
    """The demo compound cut down to two towers, the garage, pumps and gates (fast)."""
    folder = tmp_path_factory.mktemp("scene")
    for f in paths.demo_scene_dir().glob("*.json"):
        shutil.copy(f, folder / f.name)
    shutil.copytree(paths.demo_scene_dir() / "cameras", folder / "cameras")
    doc = json.loads((folder / "devices.json").read_text(encoding="utf-8"))
    doc["devices"] = [d for d in doc["devices"]
                      if d["location"].get("building") in KEEP_BUILDINGS | {None}]
    (folder / "devices.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def filled(url: str, scene_dir: Path) -> None:
    scene = load_scene(scene_dir)
    config = load_operations_config(scene_dir)
    engine = open_database(url)
    start = dt.datetime(2025, 6, 9, tzinfo=CST).timestamp()  # a day before, for baselines
    fill(engine, scene, config, start, 2, site="demo")
    engine.dispose()


def test_a_daily_pdf_renders_as_chinese_a4_pages(tmp_path, scene_dir):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed; tools/run-tests.sh installs it")
    url = f"sqlite:///{tmp_path / 'cr.db'}"
    filled(url, scene_dir)
    out = tmp_path / "日报.pdf"
    result = cli("report", "daily", "--db", url, "--out", str(out), "--date", DAY.isoformat(),
                 "--scene", str(scene_dir))
    assert result.returncode == 0, result.stderr
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")],
                   check=True, capture_output=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 5
    for page in pages:
        image = np.asarray(Image.open(page).convert("L"), dtype=np.float64)
        h, w = image.shape
        assert abs(w / h - 210 / 297) < 0.01  # A4 portrait
        ink = (image < 200).mean()  # text, tables and charts, not an empty page
        assert 0.01 < ink < 0.5, (page.name, ink)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    for words in ("运营日报", "绿景花园", "2025-06-10", "负荷曲线", "产销差", "车位占用",
                  "96333救援码", "1栋 1号梯1"):
        assert words in text, words


def test_bad_arguments_are_one_line_and_exit_2(tmp_path):
    for args, words in [
        (["--out", str(tmp_path / "x.txt")], ".pdf or .html"),
        (["--out", str(tmp_path / "no" / "x.pdf")], "does not exist"),
        (["--out", str(tmp_path / "x.pdf"), "--date", "2025-13-40"], "not a date"),
        (["--out", str(tmp_path / "x.pdf"), "--db", "mysql://u@h/d"], "unsupported database"),
    ]:
        result = cli("report", "daily", *args)
        assert result.returncode == 2, result.stderr
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_report_reads_the_same_from_sqlite_and_postgresql(db_url, tmp_path, scene_dir):
    filled(db_url, scene_dir)
    scene = load_scene(scene_dir)
    config = load_operations_config(scene_dir)
    engine = open_database(db_url)
    try:
        from app.operations.aggregate import aggregate
        from app.operations.metering import metered_points
        from app.operations.tariffs import load_tariffs

        start = dt.datetime(2025, 6, 9, tzinfo=CST).timestamp()
        aggregate(engine, "demo", metered_points(scene.devices, config), load_tariffs(),
                  start, start + 2 * 86400)
        data = gather(engine, scene, config, "daily", DAY)
    finally:
        engine.dispose()
    totals = {c.key: c for c in data.totals}
    assert 0.2 < totals["electricity"].valley_share < 0.5
    assert totals["electricity"].cost > 0 and totals["water"].cost > 0
    assert data.parking.passes_in > 100 and data.parking.flagged > 0
    assert any(e.startswith(("粤", "湘", "赣", "桂", "鄂", "无")) for e in
               data.parking.flagged_examples)
    assert {u.main for u in data.unaccounted} == {"B01-WM-MAIN", "B02-WM-MAIN"}
    assert all(abs(u.percent - 3.0) < 1 or u.flagged for u in data.unaccounted)
    assert data.charging.sessions > 0 and data.lifts and data.alarms_total > 0
    out = tmp_path / "report.html"
    write_report(data, out)
    page = out.read_text(encoding="utf-8")
    assert "运营日报" in page and "<script" not in page
