"""A room on a roof is not taken for the ground coming back (``roof_guard_rows``, round 13;
tests/fixtures/construction_scene.py).

Round 12's ground-back rule: a flat thing laid on textured ground reads as "texture gone" and
is taken into the reference as a background uncovered; the reference remembers what it showed
before, and a still block that differs from the reference and is close to that memory is the
ground back, taken again. A light room on a roof went the same way (fresh dev 1043, lost): its
half-built flat walls were taken as uncovered, and the finished room, scoring close to the
roof and tower that stood there before, was taken back as the ground while its other walls
stood beside it. On a roof, a block beside a change that stands there now is not the ground
back; the ground under a tarp lifted off a roof still is.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # seconds = samples (one a second)
ROOF = {"id": "roof", "kind": "rooftop", "name": "裙楼屋面",
        "polygon_px": [[336, 128], [620, 128], [620, 192], [336, 192]]}  # block rows 8-11
WALLS_FROM, FINISHED = 14, 30
LEFT, MIDDLE, RIGHT = (22, 23), (24, 25, 26), (27, 28)  # block columns of the room


def _cols(img: np.ndarray, cols, paint) -> np.ndarray:
    out = img.copy()
    x0, x1 = cols[0] * 16, (cols[-1] + 1) * 16
    paint(out, x0, x1)
    return out


def _wall(img, x0, x1) -> None:
    """Corrugated side walls: a change any sample shows."""
    cv2.rectangle(img, (x0, 128), (x1 - 1, 191), (170, 160, 150), -1)
    for x in range(x0, x1, 8):
        cv2.line(img, (x, 128), (x, 191), (110, 100, 95), 2)


def _panel(img, x0, x1) -> None:
    """The half-built front: flat boards over the roof's texture ("texture gone")."""
    cv2.rectangle(img, (x0, 128), (x1 - 1, 191), (140, 128, 118), -1)


def _roof() -> np.ndarray:
    """The scene with a tiled roof (rows of tiles: texture a flat board hides)."""
    out = cs.ground()
    for y in range(130, 192, 5):
        cv2.line(out, (336, y), (620, y), (70, 70, 80), 2)
    return out


def _alarms(total: int, front, guard: int | None = None) -> list[tuple[int, Detection]]:
    """Side walls from WALLS_FROM; the front flat boards until FINISHED, then ``front``."""
    cfg = (ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST) if guard is None
           else ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST,
                                   roof_guard_rows=guard))
    det = ConstructionDetector(parse_zones({"zones": [ROOF], "min_persist_s": PERSIST,
                                            "sample_period_s": 1.0}), cfg)
    base, rng = _roof(), np.random.default_rng(5)
    walls = _cols(_cols(base, LEFT, _wall), RIGHT, _wall)
    building = _cols(walls, MIDDLE, _panel)
    finished = front(walls)
    found = []
    for i in range(total):
        scene = base if i < WALLS_FROM else building if i < FINISHED else finished
        found += [(i, ev) for ev in det.process(cs.shot(scene, rng), float(i))
                  if isinstance(ev, Detection)]
    return found


def _light_front(walls: np.ndarray) -> np.ndarray:
    """The finished front: a light wall that looks like the roof that stood there (the
    ground itself, a little brighter): close to the memory, far from the flat boards."""
    out = walls.copy()
    x0, x1 = MIDDLE[0] * 16, (MIDDLE[-1] + 1) * 16
    out[128:192, x0:x1] = np.clip(out[128:192, x0:x1] + 10, 0, 255)
    return out


def test_a_room_whose_flat_front_was_taken_as_uncovered_is_raised_whole() -> None:
    """One room, one alarm over its whole width. Without the guard the front was taken back
    as the ground and the room fell apart into its two side walls: two alarms, the front in
    neither."""
    found = _alarms(FINISHED + 30, _light_front)
    assert len(found) == 1, [(i, ev.event.bbox_px) for i, ev in found]
    x, _y, w, _h = found[0][1].event.bbox_px
    assert x <= LEFT[0] * 16 and x + w >= (RIGHT[-1] + 1) * 16
    apart = _alarms(FINISHED + 30, _light_front, guard=0)
    assert len(apart) == 2


def test_the_ground_under_a_tarp_lifted_off_a_roof_is_still_the_ground() -> None:
    """The guard: a flat tarp on the roof, no walls beside it, is lifted — the roof is
    the ground back (round 12), not raised."""
    def tarp_only(total: int) -> list:
        det = ConstructionDetector(parse_zones({"zones": [ROOF], "min_persist_s": PERSIST,
                                                "sample_period_s": 1.0}),
                                   ConstructionConfig(sample_period_s=1.0,
                                                      min_persist_s=PERSIST))
        base, rng = _roof(), np.random.default_rng(5)
        tarp = _cols(base, MIDDLE, _panel)
        found = []
        for i in range(total):
            scene = tarp if WALLS_FROM <= i < FINISHED else base
            found += [ev for ev in det.process(cs.shot(scene, rng), float(i))
                      if isinstance(ev, Detection)]
        return found
    assert tarp_only(FINISHED + 40) == []
