"""Small and thin structures (round 5's recall work), on small synthetic inputs
(tests/fixtures/construction_scene.py): with the new-edges cue and calm-only learning
switched on (``THIN``; off by default), a thin fence on light paving, the same fence up for
a few hours only, a lighting ramp over the paving; and the new-edges cue itself."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.features import block_features, new_edges
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
# the round-5 option for small and thin structures (off by default: held-out got worse)
THIN = {"new_edge_threshold": 0.25, "learn_after": 6}
YARD = {"id": "yard", "kind": "no_build", "name": "后院",
        "polygon_px": [[340, 20], [620, 20], [620, 330], [340, 330]]}
FENCE_X = (380, 580)


def _paved() -> np.ndarray:
    """The scene with light, fine-grained paving (joints every 32 px) on the right."""
    base = cs.ground()
    grain = np.random.default_rng(4).normal(0, 6, (cs.H, cs.W - 330)).astype(np.float32)
    base[:, 330:] = 150 + cv2.GaussianBlur(grain, (0, 0), 1.0)[..., None]
    base[:, 330::32] = 132
    base[::32, 330:] = 132
    return base


def _fence(base: np.ndarray) -> np.ndarray:
    """Two 2 px rails and posts every 40 px: a wire fence round part of the yard."""
    out = base.copy()
    for y in (190, 215):
        cv2.line(out, (FENCE_X[0], y), (FENCE_X[1], y), (110, 110, 110), 2)
    for x in range(FENCE_X[0], FENCE_X[1] + 1, 40):
        cv2.line(out, (x, 175), (x, 230), (110, 110, 110), 2)
    return out


def _alarms(frames: list[np.ndarray]) -> list[tuple[int, Detection]]:
    det = ConstructionDetector(parse_zones({"zones": [YARD], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                  **THIN))
    return [(i, ev) for i, f in enumerate(frames) for ev in det.process(f, float(i))
            if isinstance(ev, Detection)]


def test_a_thin_fence_kept_on_the_paving_is_one_alarm_covering_it() -> None:
    """Its rails hardly move a block's cues; before, the fence's weaker blocks were
    learnt into the reference while the strong ones gathered their run, and the alarm
    showed part of the fence only."""
    base = _paved()
    built, rng = _fence(base), np.random.default_rng(2)
    found = _alarms([cs.shot(built if i >= 20 else base, rng) for i in range(60)])
    assert len(found) == 1, [(i, ev.event.bbox_px) for i, ev in found]
    i, ev = found[0]
    assert ev.event.zone == "yard"
    assert 20 + PERSIST <= i <= 20 + 3 * PERSIST
    x, _y, w, _h = ev.event.bbox_px
    covered = min(x + w, FENCE_X[1]) - max(x, FENCE_X[0])
    assert covered >= 0.9 * (FENCE_X[1] - FENCE_X[0]), ev.event.bbox_px


def test_the_same_fence_up_for_a_few_hours_only_raises_none() -> None:
    base = _paved()
    built, rng = _fence(base), np.random.default_rng(2)
    frames = [cs.shot(built if 20 <= i < 27 else base, rng) for i in range(60)]
    assert _alarms(frames) == []


def test_a_lighting_ramp_over_the_paving_raises_none() -> None:
    base, rng = _paved(), np.random.default_rng(4)
    assert _alarms([cs.shot(base, rng, gain=0.6 + 0.7 * i / 80) for i in range(80)]) == []


def test_new_edges_are_the_fence_not_noise_jitter_or_a_fainter_picture() -> None:
    base, rng = _paved(), np.random.default_rng(7)
    ref = block_features(cs.shot(base, rng), 16, False)
    fresh = new_edges(block_features(cs.shot(_fence(base), rng), 16, False), ref, 16)
    rail_row = 190 // 16
    assert fresh[rail_row, FENCE_X[0] // 16 + 1:FENCE_X[1] // 16].min() >= 0.1
    for other in (cs.shot(base, rng), cs.shot(base, rng, shift=(1.0, 1.0)),
                  cs.shot(base, rng, gain=0.7)):
        again = new_edges(block_features(other, 16, False), ref, 16)
        assert again[:, 330 // 16 + 1:].max() < 0.1


def test_with_the_cue_off_no_edge_map_is_made() -> None:
    """The coarse edge maps serve only the new-edges cue; with it off (the default) they
    cost about 1 ms of each ~42 ms sample for nothing, on the sample and on every
    reference refresh."""
    det = ConstructionDetector(parse_zones({"zones": [YARD], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    base, rng = _paved(), np.random.default_rng(1)
    for i in range(16):
        det.process(cs.shot(base, rng), float(i))
    sample, ref = det._prev[1], det.bank.get("colour").features
    assert sample.edges is None and sample.near_edges is None
    assert ref.edges is None and ref.near_edges is None
