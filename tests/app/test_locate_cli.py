"""``control-room locate``: the CONTRACTS shape, exit 1 for "cannot locate", exit 2 for bad
input, always one line on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.cli import run
from app.dispatch.acoustic_synth import COMPOUND_MICS, synthesize

ROOT = Path(__file__).resolve().parents[2]


def _write(tmp: Path, mics: dict, arrivals: dict, speed: float | None = None) -> list[str]:
    m = {"mics": [{"id": k, "xyz": list(v)} for k, v in mics.items()]}
    if speed is not None:
        m["speed_of_sound_mps"] = speed
    (tmp / "mics.json").write_text(json.dumps(m))
    (tmp / "arrivals.json").write_text(json.dumps(
        {"arrivals": [{"mic": k, "ts_ns": v} for k, v in arrivals.items()]}))
    return ["locate", "--mics", str(tmp / "mics.json"), "--arrivals", str(tmp / "arrivals.json")]


def _sound(seed: int = 4, **kw):  # noqa: ANN202
    return synthesize(COMPOUND_MICS, (6.0, -3.0, 12.0), np.random.default_rng(seed), **kw)


def test_json_output_is_the_contract_shape(tmp_path: Path) -> None:
    sound = _sound()
    argv = _write(tmp_path, COMPOUND_MICS, sound.arrivals_ns, speed=343.0)
    proc = subprocess.run([sys.executable, "-m", "ui.cli", *argv, "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert set(out) == {"xyz", "uncertainty_m", "used_mics", "rejected_mics"}
    assert len(out["xyz"]) == 3 and all(isinstance(v, float) for v in out["xyz"])
    assert np.linalg.norm(np.subtract(out["xyz"], sound.source)) < 0.6
    assert isinstance(out["uncertainty_m"], float) and out["uncertainty_m"] > 0
    assert out["rejected_mics"] == list(sound.outliers)
    assert sorted(out["used_mics"] + out["rejected_mics"]) == sorted(COMPOUND_MICS)


def test_readable_line_without_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    sound = _sound()
    assert run(_write(tmp_path, COMPOUND_MICS, sound.arrivals_ns)) == 0
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1
    assert sound.outliers[0] in out and "rejected" in out


def test_too_few_arrivals_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    arrivals = dict(list(_sound().arrivals_ns.items())[:3])
    assert run([*_write(tmp_path, COMPOUND_MICS, arrivals), "--json"]) == 1
    err = capsys.readouterr()
    assert err.out == ""
    assert len(err.err.strip().splitlines()) == 1 and "at least 4" in err.err


def test_arrivals_that_agree_on_no_place_exit_1(tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    """Arrival times scattered over a day gave an answer of ±2e11 m; refuse it."""
    rng = np.random.default_rng(2)
    for scale_ns in (10**12, 10**17):
        arrivals = {mic: int(rng.integers(0, scale_ns)) for mic in COMPOUND_MICS}
        assert run([*_write(tmp_path, COMPOUND_MICS, arrivals), "--json"]) == 1
        err = capsys.readouterr()
        assert err.out == "" and len(err.err.strip().splitlines()) == 1
        assert "cannot locate" in err.err and "Traceback" not in err.err


def test_coplanar_layout_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    flat = {k: (x, y, 5.0) for k, (x, y, _) in COMPOUND_MICS.items()}
    sound = synthesize(flat, (0.0, 0.0, 12.0), np.random.default_rng(1), n_echoes=0)
    assert run([*_write(tmp_path, flat, sound.arrivals_ns), "--json"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "coplanar" in err


@pytest.mark.parametrize("case,needle", [
    ("unknown_mic", "unknown microphone 'ghost'"),
    ("duplicate_mic", "duplicate microphone"),
    ("duplicate_arrival", "duplicate arrival"),
    ("malformed", "not valid JSON"),
    ("missing_field", "ts_ns"),
    ("short_xyz", "mics[0].xyz"),
    ("missing_file", "cannot read"),
    ("bad_speed", "speed_of_sound_mps"),
    ("mic_far_away", "mics[3].xyz: [1e+300, 0.0, 5.0] are not site coordinates"),
])
def test_bad_input_exit_2_one_line(tmp_path: Path, capsys: pytest.CaptureFixture,
                                   case: str, needle: str) -> None:
    sound = _sound()
    argv = _write(tmp_path, COMPOUND_MICS, sound.arrivals_ns)
    mics_path, arr_path = tmp_path / "mics.json", tmp_path / "arrivals.json"
    mics = json.loads(mics_path.read_text())
    arrs = json.loads(arr_path.read_text())
    if case == "unknown_mic":
        arrs["arrivals"][0]["mic"] = "ghost"
    elif case == "duplicate_mic":
        mics["mics"].append(dict(mics["mics"][0]))
    elif case == "duplicate_arrival":
        arrs["arrivals"].append(dict(arrs["arrivals"][1]))
    elif case == "missing_field":
        del arrs["arrivals"][2]["ts_ns"]
    elif case == "short_xyz":
        mics["mics"][0]["xyz"] = [1.0, 2.0]
    elif case == "bad_speed":
        mics["speed_of_sound_mps"] = -1
    elif case == "mic_far_away":  # overflowed the solver: a SciPy traceback
        mics["mics"][3]["xyz"] = [1e300, 0.0, 5.0]
    mics_path.write_text(json.dumps(mics))
    arr_path.write_text(json.dumps(arrs))
    if case == "malformed":
        arr_path.write_text('{"arrivals": [')
    if case == "missing_file":
        arr_path.unlink()
    assert run([*argv, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], lines
    assert "Traceback" not in captured.err
