"""The synthetic benchmark generator: deterministic, physically consistent ground truth."""

from __future__ import annotations

import numpy as np

from app.vision.facade import parse_facade
from app.vision.synth import ClipSpec
from app.vision.synth.clip import plan_clip
from app.vision.synth.motion import G


def test_same_seed_same_clip_different_seed_different_scene():
    a = plan_clip(ClipSpec(seed=11, width=320, height=180, duration_s=1.0))
    b = plan_clip(ClipSpec(seed=11, width=320, height=180, duration_s=1.0))
    c = plan_clip(ClipSpec(seed=12, width=320, height=180, duration_s=1.0))
    assert a.truth == b.truth and a.facade == b.facade
    assert np.array_equal(next(a.frames), next(b.frames))
    assert a.truth["scene"] != c.truth["scene"]


def test_truth_floor_and_column_are_the_facade_cell_of_the_release_point():
    for seed in range(20, 26):
        plan = plan_clip(ClipSpec(seed=seed, width=640, height=360, throws=2, distractors=()))
        facade = parse_facade(plan.facade)
        for ev in plan.truth["events"]:
            assert facade.cell(*ev["origin_px"]) == (ev["floor"], ev["column"])


def test_throws_accelerate_downwards_no_faster_than_gravity():
    plan = plan_clip(ClipSpec(seed=30, width=640, height=360, throws=2, distractors=()))
    for m in plan.movers:
        assert m.kind == "throw"
        y = m.px[:, 1]
        v = np.diff(y)
        assert y[-1] > y[0] and v[-1] > v[len(v) // 2] > 0  # falling ever faster (rows grow)
        assert m.truth["g_eff"] <= G and m.truth["g_eff"] >= G - 7.0
        assert 2.0 <= m.truth["size_px"] <= 14.0
