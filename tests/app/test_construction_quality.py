"""What the benchmark's false alarms and misses came from, each on a small synthetic input
(tests/fixtures/construction_scene.py): a temporary object that leaves in the dark, a day of
weather over the whole picture, and a thin fence."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)


def _detector(zones: dict | None = None) -> ConstructionDetector:
    return ConstructionDetector(parse_zones(zones or cs.zones(PERSIST)),
                                ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))


def _night(img: np.ndarray) -> np.ndarray:
    """The camera's infrared picture: grey, lit by its own lamp."""
    grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    return cv2.cvtColor(cv2.convertScaleAbs(grey, alpha=0.8, beta=10), cv2.COLOR_GRAY2BGR)


def _days(plan: list[tuple[str, int, bool]], seed: int = 1) -> list[np.ndarray]:
    """Samples by (day | night, how many, box standing on the lawn)."""
    base, rng = cs.ground(), np.random.default_rng(seed)
    built = cs.with_shed(base, cs.ON_LAWN)
    out = []
    for light, n, box in plan:
        for _ in range(n):
            img = cs.shot(built if box else base, rng)
            out.append(_night(img) if light == "night" else img)
    return out


def _detections(det: ConstructionDetector, frames: list[np.ndarray]) -> list[int]:
    return [i for i, f in enumerate(frames) for ev in det.process(f, float(i))
            if isinstance(ev, Detection)]


SEEDED = [("day", 14, False), ("night", 14, False), ("day", 4, False)]  # both references


def test_a_cart_that_leaves_at_dusk_is_not_raised_in_the_night() -> None:
    """An infrared night picture cannot deny a change (a shed may look like the lawn under
    the lamp), so a run lives through the night; a cart taken away at dusk must not be
    raised at 3 a.m. because nothing said it had gone — raising needs it seen."""
    frames = _days(SEEDED + [("day", 6, True), ("night", 16, False), ("day", 12, False)])
    assert _detections(_detector(), frames) == []


def test_a_shed_that_stays_through_the_night_is_still_raised() -> None:
    frames = _days(SEEDED + [("day", 6, True), ("night", 16, True), ("day", 12, True)])
    found = _detections(_detector(), frames)
    assert len(found) == 1
    assert found[0] <= 32 + 6 + 16 + 3  # at the latest early next morning
