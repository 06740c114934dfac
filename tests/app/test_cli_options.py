"""Command-line options mean what they say wherever they are given: a number is checked once
(finite, in range), an option before the command is the command's own or is refused, and a
reading command never creates a database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run


def _exit(argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    try:
        code = run(argv)
    except SystemExit as exc:  # argparse's one line
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("argv", "needle"), [
    (["serve", "--stats-every", "nan"], "argument --stats-every: expected seconds > 0"),
    (["serve", "--stats-every", "0"], "argument --stats-every: expected seconds > 0"),
    (["serve", "--stats-every", "1e300"], "argument --stats-every: expected seconds > 0"),
    (["record", "--out", "x.rec", "--duration", "nan"], "argument --duration"),
    (["simulate", "--duration", "inf"], "argument --duration"),
    (["simulate", "--rate", "-1"], "argument --rate: expected a number > 0"),
    (["simulate", "--malformed", "nan"], "argument --malformed: expected a number within 0..1"),
    (["simulate", "--devices", "0"], "argument --devices: expected a whole number within 1.."),
    (["replay", "x.rec", "--speed=-inf"], "argument --speed: expected a number >= 0"),
    (["--quit-after", "nan"], "argument --quit-after"),
])
def test_a_number_that_is_not_finite_or_in_range_is_refused(argv, needle, capsys) -> None:
    code, out, err = _exit(argv, capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], err


def _migrated(tmp_path: Path, name: str) -> str:
    url = f"sqlite:///{tmp_path / name}"
    assert run(["db", "migrate", "--db", url]) == 0
    return url


def test_db_and_config_work_before_or_after_the_command(tmp_path, capsys) -> None:
    url = _migrated(tmp_path, "mine.db")
    capsys.readouterr()
    for argv in (["--db", url, "db", "stats", "--json"], ["db", "stats", "--json", "--db", url]):
        code, out, err = _exit(argv, capsys)
        assert code == 0, err
        assert json.loads(out)["devices"] == 0
    config = tmp_path / "cr.toml"
    config.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    code, out, err = _exit(["--config", str(config), "db", "stats", "--json"], capsys)
    assert code == 0, err
    assert not (tmp_path / "control-room.db").exists()
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["mine.db"]


def test_reading_a_database_never_creates_one(tmp_path, capsys) -> None:
    typo = tmp_path / "mnie.db"
    for argv in (["db", "stats", "--db", f"sqlite:///{typo}"],
                 ["--db", f"sqlite:///{typo}", "db", "stats"]):
        code, out, err = _exit(argv, capsys)
        assert code == 2 and out == ""
        assert err.strip().splitlines() == [
            f"control-room: error: sqlite:///{typo}: no such database file "
            "(`control-room db migrate --db URL` creates one)"]
    assert not typo.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    code, _, err = _exit(["db", "stats", "--db", f"sqlite:///{empty}"], capsys)
    assert code == 2 and "not a control-room database" in err


@pytest.mark.parametrize(("argv", "needle"), [
    (["--broker", "mqtt://h:1883", "db", "stats"], "--broker does not apply to 'db'"),
    (["--db", "sqlite:///x.db", "detect", "v.mp4", "--detector", "falling"],
     "--db does not apply to 'detect'"),
    (["--config", "c.toml", "scene", "validate", "d"], "--config does not apply to 'scene'"),
    (["--db", "sqlite:///x.db", "simulate"], "--db does not apply to 'simulate'"),
    (["--lang", "en", "serve"], "--lang is an option of the GUI"),
    (["--screenshot", "x.png", "db", "stats"], "--screenshot is an option of the GUI"),
    (["--db", "sqlite:///a.db", "db", "stats", "--db", "sqlite:///b.db"], "--db given twice"),
])
def test_an_option_the_command_does_not_take_is_refused(argv, needle, capsys) -> None:
    code, out, err = _exit(argv, capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], err


def test_scene_before_locate_is_locate_s_scene(tmp_path, capsys) -> None:
    code, _, err = _exit(["--scene", str(tmp_path / "nowhere"), "locate", "--mics",
                          str(tmp_path / "m.json"), "--arrivals", str(tmp_path / "a.json")],
                         capsys)
    assert code == 2 and "does not apply" not in err  # taken (the mics file is missing)
