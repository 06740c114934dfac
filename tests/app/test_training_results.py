"""A supervisor who was not there: a finished run is kept (who, scenario, score, date) and
``control-room training results / report`` find it and export its debrief as HTML; a
mistake is one line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import msgspec
import pytest

from app import paths
from app.config import load_config
from app.facade import commands as c
from app.training.session import TrainingSession, desk_session

pytestmark = pytest.mark.timeout(300)

SCENARIO = paths.demo_scene_dir() / "training" / "flood-power-cut.toml"
CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("training-home")
    config = load_config(None)
    config = msgspec.structs.replace(
        config, cameras=msgspec.structs.replace(config.cameras, enabled=False))
    session = TrainingSession.build(config, SCENARIO, trainee="小李", home=home)
    session.start(thread=False)
    session.player.step_to(70)
    trip = next(a for a in session.engine.alarms.book.open_alarms() if a.type == "event.trip")
    session.engine.commands.execute(desk_session("小李"), c.AcknowledgeAlarm(alarm_id=trip.id))
    session.player.step_to(120)
    debrief = session.finish()
    session.stop(keep_result=False)
    return home, debrief


def _cli(home, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "training", "--home", str(home), *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_the_run_is_kept_and_reported(home, tmp_path):
    folder, debrief = home
    listed = _cli(folder, "results", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)["results"]
    assert [(r["trainee"], r["scenario_id"]) for r in rows] == [("小李", "flood-power-cut")]
    assert rows[0]["score"] == pytest.approx(debrief.card.score)
    out = tmp_path / "debrief.html"
    made = _cli(folder, "report", rows[0]["id"], "--out", str(out))
    assert made.returncode == 0, made.stderr
    html = out.read_text(encoding="utf-8")
    assert "小李" in html and "告警风暴" in html and f"{debrief.card.score:.0f}" in html


@pytest.mark.parametrize("args, words", [
    (("report", "no-such-id", "--out", "x.html"), "no-such-id"),
    (("report", "{id}", "--out", "x.docx"), ".docx"),
])
def test_a_mistake_is_one_line(home, tmp_path, args, words):
    folder, _ = home
    result_id = json.loads(_cli(folder, "results", "--json").stdout)["results"][0]["id"]
    args = tuple(a.replace("{id}", result_id).replace("x.", str(tmp_path / "x."))
                 for a in args)
    done = _cli(folder, *args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr
