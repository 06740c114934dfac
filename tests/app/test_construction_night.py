"""Runs the infrared night starts, on small synthetic inputs (tests/fixtures/construction_scene.py).

A night picture cannot deny a change a day picture saw (a shed can be as bright as the lawn
under the camera's lamp), so it used to count only its hits. A run that the night itself
started was kept so too: stray glints an hour apart (a puddle catching the lamp) held a
run open through the dark, and whatever came later on that spot inherited its start — dev
1000's lawns, snowed on at midnight, were raised next morning as structures twelve hours
old, their start taken from stray infrared hits at dusk. Now the picture that started a
run can also end it."""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.construction.config import ConstructionConfig
from app.vision.construction.detector import ConstructionDetector
from app.vision.construction.events import Detection
from app.vision.construction.zones import parse_zones
from tests.fixtures import construction_scene as cs

PERSIST = 10.0  # seconds = samples (one a second)
SPOT = (100, 120, 64, 64)  # x, y, w, h on the lawn: where the puddle glints and the cart stands
DAY, NIGHT = 16, 32  # samples: a day seeds the colour reference, the night's first 12 the infrared
GLINTS = (28, 29, 33, 34)  # the puddle catches the lamp two samples at a time
CART_FROM = 36



def _glint(base: np.ndarray) -> np.ndarray:
    x, y, w, h = SPOT
    out = base.copy()
    for j in range(y, y + h, 6):  # ripples on a puddle, catching the lamp
        cv2.line(out, (x, j), (x + w, j), (240, 240, 240), 2)
    return out


def _cart(base: np.ndarray) -> np.ndarray:
    x, y, w, h = SPOT
    out = base.copy()
    cv2.rectangle(out, (x, y), (x + w, y + h), (40, 60, 150), -1)
    for i in range(x + 6, x + w, 12):
        cv2.line(out, (i, y), (i, y + h), (20, 20, 20), 2)
    return out


def _alarms(cart_until: int, total: int) -> list[tuple[int, Detection]]:
    """A day, then a night with glints and, from CART_FROM to ``cart_until``, a cart on
    the spot; the morning after shows the lawn (or the cart, while it stands)."""
    det = ConstructionDetector(parse_zones({"zones": [cs.LAWN], "min_persist_s": PERSIST}),
                               ConstructionConfig(sample_period_s=1.0, min_persist_s=PERSIST))
    base, rng = cs.ground(), np.random.default_rng(5)
    cart, glint = _cart(base), _glint(base)
    found = []
    for i in range(total):
        scene = (cart if CART_FROM <= i < cart_until else glint if i in GLINTS else base)
        frame = cs.infrared(scene, rng) if DAY <= i < DAY + NIGHT else cs.shot(scene, rng)
        found += [(i, ev) for ev in det.process(frame, float(i)) if isinstance(ev, Detection)]
    return found


def test_a_cart_parked_overnight_after_stray_glints_is_not_taken_for_an_old_change() -> None:
    """The cart stands nine samples, under the persistence time, and leaves at dawn.
    Before, the run the glints had started at sample 29 was still open when the cart came,
    the cart took its start, and it was raised at sample 39 as a change ten samples old."""
    assert _alarms(cart_until=CART_FROM + 9, total=DAY + NIGHT + 12) == []


def test_a_shed_put_up_at_night_after_stray_glints_is_raised_from_its_own_start() -> None:
    """The guard: what the night starts and keeps showing still builds its run — raised
    once it has stood the persistence time, counted from when it came, not from the
    glints."""
    found = _alarms(cart_until=10_000, total=DAY + NIGHT + 16)
    assert [ev.event.zone for _i, ev in found] == ["lawn-1"]
    i, ev = found[0]
    assert CART_FROM + PERSIST <= i <= CART_FROM + 3 * PERSIST
    assert ev.event.t_onset >= CART_FROM
