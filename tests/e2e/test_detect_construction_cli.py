"""``control-room detect VIDEO --detector construction --zones Z.json --json`` as a user
runs it: a subprocess on an encoded time-lapse (a shed on the lawn zone, another on the
plaza outside every zone) prints one CONTRACTS line for the lawn; bad input exits 2 with
one line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.e2e.test_detect_cli import _one_line_exit_2, detect
from tests.fixtures import construction_scene as cs

PERSIST_S = 20.0  # video seconds; the file has one frame a second


@pytest.fixture(scope="module")
def timelapse(tmp_path_factory):
    out = tmp_path_factory.mktemp("tl")
    base, rng = cs.ground(), np.random.default_rng(11)
    built = cs.with_shed(cs.with_shed(base, cs.ON_LAWN), cs.ON_PLAZA)
    frames = [cs.shot(base if i < 30 else built, rng) for i in range(100)]
    zones = out / "zones.json"
    zones.write_text(json.dumps({"zones": [cs.LAWN], "min_persist_s": PERSIST_S}))
    return cs.write_video(frames, out / "tl.mp4", 1.0), zones


def test_a_shed_on_the_lawn_is_one_contract_line(timelapse):
    video, zones = timelapse
    res = detect(str(video), "--detector", "construction", "--zones", str(zones), "--json")
    assert res.returncode == 0, res.stderr
    lines = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert len(lines) == 1, res.stdout  # the plaza's shed is outside every zone
    line = lines[0]
    assert list(line) == ["type", "zone", "t_detected", "bbox_px", "confidence"]
    assert line["type"] == "illegal_construction" and line["zone"] == "lawn-1"
    # video time: built at 30 s, persistence 20 s, reported within 3× of it
    assert 30 + PERSIST_S <= line["t_detected"] <= 30 + 3 * PERSIST_S
    x, y, w, h = line["bbox_px"]
    assert x < cs.ON_LAWN[0] + 48 < x + w and y < cs.ON_LAWN[1] + 40 < y + h
    assert 0.0 < line["confidence"] <= 1.0
    assert "samples" in res.stderr  # figures (CPU per sample) on stderr


def test_text_output_names_the_zone(timelapse):
    video, zones = timelapse
    res = detect(str(video), "--detector", "construction", "--zones", str(zones))
    assert res.returncode == 0, res.stderr
    assert "construction in zone lawn-1 (green_space)" in res.stdout


def test_bad_zones_exit_2_with_one_line(tmp_path, timelapse):
    video, _ = timelapse
    _one_line_exit_2(detect(str(video), "--detector", "construction", "--json"), "--zones")
    absent = tmp_path / "absent.json"
    _one_line_exit_2(detect(str(video), "--detector", "construction", "--zones", str(absent)),
                     str(absent))
    bad = tmp_path / "zones.json"
    bad.write_text(json.dumps({"zones": [{**cs.LAWN, "kind": "lawn"}], "min_persist_s": 5}))
    _one_line_exit_2(detect(str(video), "--detector", "construction", "--zones", str(bad)),
                     str(bad), "'kind' must be one of")
    missing = tmp_path / "absent.mp4"
    _one_line_exit_2(detect(str(missing), "--detector", "construction", "--zones", str(bad)),
                     str(bad))
