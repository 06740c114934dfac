"""The per-sample state digest of the construction detector (digest.py) on a real video through
``detect_file``: the same video twice gives the same digests; a changed threshold makes the runs
part at the sample it first acts; the bench's dumps carry the digests and
``bench.construction_digest`` names where two dumps diverge, with the sample's time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.digest import first_divergence
from app.vision.construction.events import Detection
from app.vision.construction.offline import detect_file
from app.vision.construction.zones import load_zones
from bench import construction_digest
from bench.construction_set import score
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # video seconds; a sample a second
N = 60
SHED_AT = 10


@pytest.fixture(scope="module")
def scene(tmp_path_factory) -> dict[str, Path]:
    """A shed put up on the lawn at sample 10 and left there."""
    work = tmp_path_factory.mktemp("digest")
    cs.write_video(cs.timelapse(N, SHED_AT), work / "v.mp4", 1.0)
    (work / "v.zones.json").write_text(json.dumps(cs.zones(PERSIST, 1.0)))
    truth = {"t0_s": 0.0, "interval_s": 1.0, "fps": 1.0, "frames": N, "persist_s": PERSIST,
             "weather": ["clear"],
             "objects": [{"id": "shed", "class": "structure", "kind": "shed", "zone": "lawn-1",
                          "bbox_px": [100, 120, 96, 80], "t_start": float(SHED_AT),
                          "t_complete": float(SHED_AT), "t_end": None}]}
    (work / "v.truth.json").write_text(json.dumps(truth))
    return {"video": work / "v.mp4", "zones": work / "v.zones.json",
            "truth": work / "v.truth.json"}


def _run(scene, config=None, digests=True):  # noqa: ANN001, ANN202
    return detect_file(scene["video"], load_zones(scene["zones"]), config, digests=digests)


def test_the_same_video_twice_gives_the_same_digest_every_sample(scene) -> None:
    a, b = _run(scene), _run(scene)
    assert sum(isinstance(e, Detection) for e in a.events) == 1  # the shed, raised once
    assert len(a.digests) == a.samples == N
    assert a.digests == b.digests
    assert all(len(d) == 8 and int(d, 16) >= 0 for _t, d in a.digests)
    assert len({d for _t, d in a.digests}) == N  # the state moves on every sample
    assert first_divergence([d for _t, d in a.digests], [d for _t, d in b.digests]) is None


def test_without_digests_nothing_is_kept_and_the_alarms_are_the_same(scene) -> None:
    a, b = _run(scene), _run(scene, digests=False)
    assert b.digests == []
    assert ([e.event.t_detected for e in a.events if isinstance(e, Detection)]
            == [e.event.t_detected for e in b.events if isinstance(e, Detection)])


def test_a_changed_threshold_parts_the_runs_at_the_sample_it_first_acts(scene) -> None:
    """``min_blocks`` is asked only when a change could be raised: with it out of reach the
    shed is never raised, and the state is the same up to the sample that raised it."""
    base = _run(scene)
    never = _run(scene, ConstructionConfig(min_blocks=10_000))
    raised = next(e.event.t_detected for e in base.events if isinstance(e, Detection))
    assert not any(isinstance(e, Detection) for e in never.events)
    i = first_divergence([d for _t, d in base.digests], [d for _t, d in never.digests])
    assert i is not None and base.digests[i][0] == raised
    assert base.digests[:i] == never.digests[:i]


def test_first_divergence_of_lists_of_other_lengths() -> None:
    assert first_divergence(["a", "b"], ["a", "b"]) is None
    assert first_divergence(["a", "b"], ["a", "c"]) == 1
    assert first_divergence(["a", "b"], ["a"]) == 1


def test_the_bench_dump_carries_digests_and_the_tool_names_the_divergent_sample(
        scene, tmp_path, capsys) -> None:
    same_a, same_b = score("structure", 1, scene), score("structure", 1, scene)
    other = score("structure", 1, scene, ConstructionConfig(min_blocks=10_000))
    assert len(same_a["digests"]) == len(same_a["digest_h"]) == same_a["samples"] == N
    files = {}
    for name, r in (("a", same_a), ("b", same_b), ("c", other)):
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text(json.dumps(r) + "\n")
    assert construction_digest.main([str(files["a"]), str(files["b"])]) == 0
    assert capsys.readouterr().out.strip() == f"structure 1: same on all {N} samples"
    assert construction_digest.main([str(files["a"]), str(files["c"])]) == 1
    i = first_divergence(same_a["digests"], other["digests"])
    # the video is too short for the bench to score the shed (3× persistence after it):
    # its alarm is listed among the false ones, with its time
    (raised,) = same_a["false_alarms"]
    assert same_a["digest_h"][i] == round(raised["t"] / 3600, 3)
    assert capsys.readouterr().out.strip() == (
        f"structure 1: first divergence at sample {i} ({same_a['digest_h'][i]} h) of {N}/{N}")
