"""What runs beside an open change, on small synthetic inputs (tests/fixtures/
construction_scene.py): a fence whose panels go up one after another is one alarm; a panel put
up long after the fence was raised should be an alarm of its own, and is not yet: an open
change takes in everything that ever runs beside it for as long as it stays open (fresh dev
1059: a snow alarm took in the fence built beside it a day later, never raised). Round 15 built
the rule (a part that started running after the change was raised is judged on its own) and
measured it: it found that fence but raised four false alarms the open alarms had hidden, so it
is not in the detector (docs/detection.md, round 15); the test of it stays as a strict xfail."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
YARD = {"id": "yard", "kind": "no_build", "name": "后院",
        "polygon_px": [[340, 20], [620, 20], [620, 330], [340, 330]]}
# fence panels 24 px wide, 40 high, in block columns 22-23, 25-26, 28-29, 31-32: a block
# apart, each a component of its own, within two blocks of the next
PANELS_X = (352, 400, 448, 496)


def _panel(img: np.ndarray, x: int) -> np.ndarray:
    out = img.copy()
    cv2.rectangle(out, (x, 128), (x + 23, 167), (60, 60, 170), -1)
    for y in range(128, 168, 6):  # a red mesh
        cv2.line(out, (x, y), (x + 23, y), (200, 200, 220), 1)
    return out


def _alarms(frames: list[np.ndarray]) -> list:
    det = ConstructionDetector(parse_zones({"zones": [YARD], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    rng = np.random.default_rng(4)
    return [(i, ev) for i, f in enumerate(frames) for ev in det.process(cs.shot(f, rng), float(i))
            if isinstance(ev, Detection)]


def _fence(up: tuple[int, ...], total: int) -> list[np.ndarray]:
    """The fence's panels going up one by one, panel k from sample ``up[k]`` on."""
    base = cs.ground()
    frames = []
    for i in range(total):
        img = base
        for x, at in zip(PANELS_X, up, strict=True):
            if i >= at:
                img = _panel(img, x)
        frames.append(img)
    return frames


def test_a_fence_going_up_panel_by_panel_is_one_alarm() -> None:
    """Panels from samples 20, 23, 26, 29: all running before the first is raised (~30)."""
    found = _alarms(_fence((20, 23, 26, 29), 80))
    assert len(found) == 1, [(i, ev.event.bbox_px) for i, ev in found]
    i, ev = found[0]
    assert 20 + PERSIST <= i <= 20 + 2 * PERSIST
    # the alarm holds the whole fence once it has stood: nothing of it raised again
    x, _y, w, _h = ev.event.bbox_px
    assert x <= PANELS_X[0] + 8


@pytest.mark.xfail(strict=True, reason="an open change takes in every later change beside it; "
                   "the rule that fixes it raised hidden false alarms (docs/detection.md, round 15)")
def test_a_panel_added_long_after_the_fence_was_raised_is_an_alarm_of_its_own() -> None:
    """The last panel a day later (here: 30 samples after the raise) is a new structure beside
    an open alarm: raised by its own persistence, in its own box."""
    found = _alarms(_fence((20, 20, 20, 60), 100))
    assert len(found) == 2, [(i, ev.event.bbox_px) for i, ev in found]
    i, ev = found[1]
    assert 60 + PERSIST <= i <= 60 + 3 * PERSIST
    x, _y, _w, _h = ev.event.bbox_px
    assert x >= PANELS_X[2] + 24, ev.event.bbox_px


def test_a_cart_left_beside_an_open_alarm_for_a_while_raises_nothing() -> None:
    """Judged on its own, a thing beside the fence that goes before its persistence time is
    no alarm (it joins the fence's alarm; judged on its own it must not be raised either)."""
    frames = _fence((20, 20, 20, 200), 100)
    cart = [_panel(f, PANELS_X[3]) if 50 <= i < 50 + int(PERSIST) - 3 else f
            for i, f in enumerate(frames)]
    assert len(_alarms(cart)) == 1
