"""Round 6 on small synthetic inputs (tests/fixtures/construction_scene.py): where a
structure stands when its zone is a thin strip — a roof seen at a grazing angle, one block
high, with a room built on it (dev 1003's rooftop room was never raised)."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
# the podium roof seen from a tower camera: a strip 16 px high (one block row, 176-192)
ROOF = {"id": "roof", "kind": "rooftop", "name": "裙房屋顶",
        "polygon_px": [[340, 176], [620, 176], [620, 191], [340, 191]]}


def _detector(zones: list[dict], **cfg) -> ConstructionDetector:
    return ConstructionDetector(parse_zones({"zones": zones, "min_persist_s": PERSIST}),
                                ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                                   **cfg))


def _detections(det: ConstructionDetector, frames: list[np.ndarray]) -> list[tuple[int, Detection]]:
    return [(i, ev) for i, f in enumerate(frames) for ev in det.process(f, float(i))
            if isinstance(ev, Detection)]


def _room(base: np.ndarray, foot_y: int) -> np.ndarray:
    """A room 100 px wide and 60 high, its corrugated walls meeting the roof at
    ``foot_y`` with no line of their own."""
    out = base.copy()
    cv2.rectangle(out, (430, foot_y - 60), (530, foot_y), (150, 140, 135), -1)
    for x in range(430, 531, 12):
        cv2.line(out, (x, foot_y - 60), (x, foot_y), (90, 85, 80), 2)
    cv2.line(out, (430, foot_y - 60), (530, foot_y - 60), (40, 40, 40), 2)  # the eaves
    return out


def test_a_room_built_on_a_thin_roof_strip_is_raised_in_the_rooftop_zone() -> None:
    """Its foot covers a quarter of the strip's blocks, which hardly change; the changed
    blocks are all above the strip. Before, the change had no block in the zone and stood
    nowhere: never raised (dev 1003's rooftop room)."""
    base, rng = cs.ground(), np.random.default_rng(2)
    built = _room(base, 180)
    found = _detections(_detector([ROOF]),
                        [cs.shot(built if i >= 20 else base, rng) for i in range(60)])
    assert [(ev.event.zone, ev.event.zone_kind) for _i, ev in found] == [("roof", "rooftop")]
    assert 20 + PERSIST <= found[0][0] <= 20 + 3 * PERSIST


def test_the_same_room_standing_two_blocks_behind_the_strip_raises_none() -> None:
    base, rng = cs.ground(), np.random.default_rng(2)
    built = _room(base, 148)  # its foot two block rows above the strip: not on the roof
    assert _detections(_detector([ROOF]),
                       [cs.shot(built if i >= 20 else base, rng) for i in range(60)]) == []

