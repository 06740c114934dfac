"""The construction benchmark's arithmetic on scored runs (the runs themselves take minutes
each and live behind ``control-room bench construction``): recall, precision, false alarms
per camera-day and per camera-week, moves reported in time."""

from __future__ import annotations

from bench.construction import figures, wilson


def _run(kind: str, days: float, structures=(), false=0, duplicates=0, **extra) -> dict:
    return {"kind": kind, "seed": 1, "days": days, "structures": list(structures),
            "false_alarms": [{"zone": "z", "t": 0.0, "cause": "scene", "weather": "snow"}]
            * false, "duplicates": duplicates, "samples": 100, "cpu_s": 4.0,
            "decode_cpu_s": 0.1, "unregistered": 0, "false_moves": 0, **extra}


def test_figures_count_every_alarm_once() -> None:
    found = {"id": "a", "kind": "shed", "zone": "lawn", "latency_s": 10 * 3600.0}
    late = {"id": "b", "kind": "fence", "zone": "lawn", "latency_s": 40 * 3600.0}
    missed = {"id": "c", "kind": "fence", "zone": "lawn", "latency_s": None}
    out = figures([
        _run("structure", 4.5, [found, late, missed], false=1, duplicates=1),
        _run("distractor", 7.0, false=3),
        _run("moved", 2.5, move_reported_samples=0.4),
    ])
    assert out["recall_in_zones"] == round(2 / 3, 3)
    assert out["found_in_zones"] == 2 and out["structures_in_zones"] == 3
    assert out["found_by_kind"] == {"fence": "1/2", "shed": "1/1"}
    assert out["recall_fence"] == 0.5 and out["recall_shed"] == 1.0
    assert out["share_within_3x_persistence"] == round(1 / 3, 3)  # 40 h > 3 × 12 h
    assert out["precision"] == round(2 / (2 + 4 + 1), 3)  # found / (found + false + dup)
    assert out["false_alarms_per_camera_week"] == 3.0
    assert out["false_alarms_per_camera_day_distractor"] == round(3 / 7, 3)
    assert out["false_alarms_per_camera_day_all_runs"] == round(4 / 14, 3)
    assert out["moves_reported_within_one_sample"] == 1
    assert out["cpu_ms_per_sample"] == 40.0


def test_recall_comes_with_its_95_percent_interval() -> None:
    """Nine held-out structures could not tell 0.67 from 0.9: the interval says so."""
    assert wilson(6, 9) == [0.354, 0.879]
    assert wilson(27, 30)[0] < 0.9 < wilson(27, 30)[1]
    assert wilson(0, 0) is None
    lo, hi = wilson(30, 30)
    assert hi == 1.0 and 0.88 < lo < 0.9
