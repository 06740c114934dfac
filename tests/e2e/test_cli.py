"""The command line as scripts use it (CONTRACTS): every command has --help, mistakes are
one line and exit 2, and a benchmark prints one flat JSON object."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

COMMANDS = ("serve", "simulate", "record", "replay", "db", "locate", "detect", "scene", "bench")


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


def test_help_lists_every_command() -> None:
    result = _run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command: str) -> None:
    result = _run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: control-room" in result.stdout


def test_a_benchmark_lists_its_own_options() -> None:
    result = _run("bench", "detect", "--help")  # was the top-level bench help, no --set
    assert result.returncode == 0, result.stderr
    assert "usage: control-room bench detect" in result.stdout and "--set" in result.stdout


@pytest.mark.parametrize("args", [("--bogus",), ("bench", "nope"), ("bench",),
                                  ("serve", "--stats-every")])
def test_a_mistake_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 2 and "error:" in lines[-1]  # argparse may print its usage line
    assert "Traceback" not in result.stderr


def test_bench_prints_one_flat_json_object_with_units_and_machine() -> None:
    result = _run("bench", "alarms", "--quick", "--json", "--devices", "2000")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["machine"]["cores"] >= 1 and figures["when"]
    assert figures["rule_eval_readings_per_s_one_core"] > 0
    assert figures["reading_to_board_ms_p99"] >= figures["reading_to_board_ms_p50"] > 0
    flat = {k: v for k, v in figures.items() if k != "machine"}
    assert all(not isinstance(v, dict | list) for v in flat.values())
