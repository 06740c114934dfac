"""The bench's operator (bench/construction_operator.py) on a small scene through the real
detector and the room's own review loop: what it answers, and what the answers change — a
false alarm answered is muted, a structure next to an answered false alarm is raised on its
own, and with nobody answering the bench is what it was (the structure is absorbed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.construction_set import score
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # video seconds = samples (one a second); compound time = video time here
N = 130
FIRST, SECOND = (100, 40, 96, 80), (100, 124, 96, 80)  # x, y, w, h: one above the other
FIRST_AT, SECOND_AT = 10, 40
ANSWER_H = 5 / 3600  # answered 5 samples after the raise


def _truth(first_class: str, first_kind: str) -> dict:
    def obj(oid, cls, kind, box, start):
        return {"id": oid, "class": cls, "kind": kind, "zone": "lawn-1", "bbox_px": list(box),
                "t_start": float(start), "t_complete": float(start), "t_end": None}
    return {"t0_s": 0.0, "interval_s": 1.0, "fps": 1.0, "frames": N, "persist_s": PERSIST,
            "weather": ["clear"],
            "objects": [obj("first", first_class, first_kind, FIRST, FIRST_AT),
                        obj("second", "structure", "shed", SECOND, SECOND_AT)]}


@pytest.fixture(scope="module")
def scene(tmp_path_factory) -> Path:
    """Something on the lawn from sample 10, a shed put up right below it from sample 40
    (their blocks touch: without an answer the shed grows the first alarm)."""
    base, rng = cs.ground(), np.random.default_rng(1)
    first = cs.with_shed(base, FIRST[:2], *FIRST[2:])
    both = cs.with_shed(first, SECOND[:2], *SECOND[2:])
    frames = [cs.shot(base if i < FIRST_AT else first if i < SECOND_AT else both, rng)
              for i in range(N)]
    work = tmp_path_factory.mktemp("scene")
    cs.write_video(frames, work / "v.mp4", 1.0)
    (work / "v.zones.json").write_text(json.dumps(cs.zones(PERSIST, 1.0)))
    return work


def _score(work: Path, first_class: str, first_kind: str, answer_h, how="dispatch") -> dict:
    truth = work / f"{first_class}.truth.json"
    truth.write_text(json.dumps(_truth(first_class, first_kind)))
    paths = {"video": work / "v.mp4", "zones": work / "v.zones.json", "truth": truth}
    return score("structure", 1, paths, answer_after_h=answer_h, structures=how)


def _found(r: dict) -> dict:
    return {s["id"]: s["latency_s"] is not None for s in r["structures"]}


def test_nobody_answering_is_todays_bench_the_shed_joins_the_open_alarm(scene) -> None:
    r = _score(scene, "temporary", "tent", None)
    assert "answers" not in r and r["answer_after_h"] is None
    assert len(r["false_alarms"]) == 1 and r["false_alarms"][0]["cause"] == "temporary:tent"
    assert _found(r) == {"second": False}  # absorbed into the open false alarm


def test_a_false_alarm_answered_is_rejected_muted_and_the_shed_beside_it_raised(scene) -> None:
    r = _score(scene, "temporary", "tent", ANSWER_H)
    (first, *rest) = r["answers"]
    assert first["verdict"] == "rejected" and first["reason"] == "temporary:tent"
    assert first["held"]  # the detector still held it: the mute reached it
    # the tent stays all along and is never raised again (muted while it stays) ...
    assert len(r["false_alarms"]) == 1
    # ... and the shed is raised on its own, and dispatched
    assert _found(r) == {"second": True}
    assert [a["verdict"] for a in rest] == ["dispatched"]
    assert rest[0]["reason"] == "structure shed in lawn-1"


def test_a_structure_dispatched_is_closed_and_the_shed_beside_it_raised(scene) -> None:
    """Dispatch closes the change in the detector: watched, but it no longer takes what goes
    up next to it (before round 18 it did, and the second shed was never raised)."""
    r = _score(scene, "structure", "shed", ANSWER_H)
    assert [(a["verdict"], a["held"]) for a in r["answers"]] == [("dispatched", True)] * 2
    assert r["false_alarms"] == [] and r["duplicates"] == 0
    assert _found(r) == {"first": True, "second": True}


def test_a_structure_accepted_is_absorbed_and_its_neighbour_raised(scene) -> None:
    """Round 17's prototype operator accepted structures: absorbed into the reference, so
    the shed next to it is a change of its own."""
    r = _score(scene, "structure", "shed", ANSWER_H, how="accept")
    assert [a["verdict"] for a in r["answers"]] == ["accepted", "accepted"]
    assert _found(r) == {"first": True, "second": True}


def test_the_bench_option_reads_hours_or_never() -> None:
    import argparse

    from bench.construction import add_arguments, jobs
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--set", "dev", "--structures", "2", "--weeks", "1", "--moves",
                              "0", "--first-structure", "50", "--answer-after", "2"])
    args.quick = False  # the outer parser's (app/cli/commands/bench.py)
    assert jobs(args, "w") == [("structure", 1050, "w", 2.0, "dispatch", 0),
                               ("structure", 1051, "w", 2.0, "dispatch", 0),
                               ("distractor", 5000, "w", 2.0, "dispatch", 0)]
    other = parser.parse_args(["--set", "dev", "--structures", "1", "--weeks", "0",
                               "--moves", "0", "--realisation", "2"])
    other.quick = False
    assert jobs(other, "w") == [("structure", 1000, "w", 2.0, "dispatch", 2)]
    never = parser.parse_args(["--answer-after", "never"])
    assert never.answer_after is None
    assert parser.parse_args([]).answer_after == 2.0  # the staffed room is the default
    with pytest.raises(SystemExit):
        parser.parse_args(["--answer-after", "-1"])
