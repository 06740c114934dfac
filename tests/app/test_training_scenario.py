"""Scenario files: the shipped ones check against the demo compound, and every mistake is
one line that names the file and the field (never a traceback, never silently ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import paths
from app.scene.loader import load_scene
from app.training.scenario import ScenarioError, load_scenario, parse_time

SHIPPED = sorted((paths.demo_scene_dir() / "training").glob("*.toml"))

GOOD = """
id = "t"
title = "测试"
staff = "guard"
duration = "10:00"
[source]
simulator = { seed = 3 }
[[timeline]]
id = "throw"
at = "01:00"
event = "throw_from_height"
camera = "CAM-03"
floor = 12
[[expected]]
action = "acknowledge"
after = "throw"
deadline_s = 60
"""


@pytest.fixture(scope="module")
def scene():
    return load_scene(paths.demo_scene_dir())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_scenario_checks_against_the_demo(scene):
    staff = set()
    for path in SHIPPED:
        scenario = load_scenario(path, scene)
        assert scenario.spec.timeline and scenario.spec.expected, path.name
        assert len(scenario.targets) == len(scenario.spec.timeline)
        staff.add(scenario.spec.staff)
    assert {"guard", "engineer", "dispatcher"} <= staff
    assert len(SHIPPED) >= 4
    assert any(load_scenario(p, scene).recording for p in SHIPPED), "one plays the recording"


def test_targets_are_resolved_once_and_in_order(scene, tmp_path):
    text = GOOD.replace('''event = "throw_from_height"
camera = "CAM-03"
floor = 12''', '''event = "smoke"
building = "B01"
floor = 4''')
    scenario = load_scenario(_write(tmp_path, text), scene)
    assert scenario.targets[0] == ("B01-F04-C1-SD", "B01-F04-C2-SD")
    assert scenario.times == (60.0,)


@pytest.mark.parametrize(("change", "line"), [
    (("staff = \"guard\"\n", ""), "s.toml: staff: missing"),
    (("floor = 12", "floor = \"x\""), "s.toml: timeline[0].floor: expected `int | null`, "
                                      "got `str`"),
    (("camera = \"CAM-03\"", "camera = \"CAM-99\""),
     "s.toml: timeline[0].camera: no camera 'CAM-99' in the scene"),
    (("camera = \"CAM-03\"", "camera = \"CAM-09\""),
     "s.toml: timeline[0].camera: CAM-09 watches no facade"),
    (("at = \"01:00\"", "at = \"11:00\""),
     "s.toml: timeline[0].at: '11:00' is after the end of the scenario (10:00)"),
    (("at = \"01:00\"", "at = \"soon\""),
     "s.toml: timeline[0].at: 'soon' is not a time (MM:SS, HH:MM:SS or seconds)"),
    (("after = \"throw\"", "after = \"thorw\""),
     "s.toml: expected[0].after: no timeline event with id 'thorw'"),
    (("deadline_s = 60", "deadline_s = -5"),
     "s.toml: expected[0].deadline_s: expected `float` >= 0"),
    (("event = \"throw_from_height\"", "event = \"earthquake\""),
     "s.toml: timeline[0].event: invalid enum value 'earthquake'"),
    (("simulator = { seed = 3 }", "simulator = { seed = 3 }\nrecording = \"x.jsonl\""),
     "s.toml: source: give either recording or simulator"),
    (("[source]", "colour = \"red\"\n[source]"), "s.toml: colour: unknown field"),
])
def test_each_mistake_is_one_line_naming_the_field(scene, tmp_path, change, line):
    old, new = change
    assert old in GOOD
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_write(tmp_path, GOOD.replace(old, new, 1)), scene)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(line.split(" >=")[0]), message


def test_a_device_of_the_wrong_kind_is_named(scene, tmp_path):
    text = GOOD.replace('''event = "throw_from_height"
camera = "CAM-03"
floor = 12''', '''event = "gas_leak"
device = "S01-TR1"''')
    with pytest.raises(ScenarioError, match=r"timeline\[0\].device: S01-TR1 is a transformer, "
                                            r"gas_leak needs a gas_detector"):
        load_scenario(_write(tmp_path, text), scene)


def test_a_file_that_is_neither_scenario_nor_recording(scene, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n")
    with pytest.raises(ScenarioError, match="not a control-room recording"):
        load_scenario(bad, scene)
    with pytest.raises(ScenarioError, match="no such scenario"):
        load_scenario(tmp_path / "missing.toml", scene)


def test_a_recording_alone_is_free_play(scene):
    recording = paths.demo_scene_dir() / "training" / "demo-evening.jsonl.gz"
    scenario = load_scenario(recording, scene)
    assert scenario.recording and not scenario.spec.timeline
    assert 15 * 60 <= scenario.duration_s <= 17 * 60  # the shipped 16 minutes


def test_times():
    assert parse_time("01:30", "x") == 90 and parse_time("01:00:05", "x") == 3605
    assert parse_time(12.5, "x") == 12.5
