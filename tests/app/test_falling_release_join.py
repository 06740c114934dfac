"""A throw seen at rest at its window, then falling: the cut that ``split_hijacked`` makes
where the object is let go (a prediction over points at rest predicts rest) must not cost the
fall (``FallingConfig.pool_join_release_px``, ``stitch.rejoin_releases``).

The blobs are the motion stage's own output on a rendered clip: cctv-dev night throw clip 51
(1280×720, 20 fps, IR-lit rain, moths, sill birds, trees; H.264 as the bench encodes it),
recorded frame by frame (``tests/data/falling/cctv-dev-51-blobs.json.gz``: 15 569 blobs in 120
frames, None where the stage skipped the frame). They are fed to the real tracker, pool and
judgement; only the rendering and the motion stage are not re-run.

The clip's one throw (its truth): a 7.3 px object of contrast 70 let go at 1.444 s from the 8th
floor at (731.6, 244.7), seen until 3.204 s. It is tracked at the window for 0.5 s, then, after
a hole, at two points of its fall (2.25, 2.30 s) in the same tracklet; the cut between them
leaves the two points (too few for the pool) and the head, judged alone before the fall is
tracked again (2.75–3.20 s, 9 points).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.vision.falling import FallingConfig
from app.vision.falling.stitch import rejoin_releases, split_hijacked
from app.vision.falling.tracker import Track
from tests.fixtures.scripted_blobs import detect_recorded

CLIP = Path(__file__).parents[1] / "data" / "falling" / "cctv-dev-51-blobs.json.gz"
T_START, FLOOR, ORIGIN = 1.444, 8, (731.6, 244.7)


def _events(join_px: float) -> list:
    return detect_recorded(CLIP, FallingConfig(pool_join_release_px=join_px))


def test_a_throw_at_rest_then_falling_is_found_with_the_release_join():
    events = _events(3.0)
    assert len(events) == 1, [(e.t_start, e.origin_px) for e in events]
    (ev,) = events
    assert abs(ev.t_start - T_START) < 0.3 and ev.floor == FLOOR
    assert np.hypot(ev.origin_px[0] - ORIGIN[0], ev.origin_px[1] - ORIGIN[1]) < 15


def test_without_it_the_same_blobs_raise_nothing():
    """The miss as main has it (the switch is off by default)."""
    assert _events(0.0) == []


def _track(points) -> Track:
    tr = Track(1)
    for k, (x, y) in enumerate(points):
        tr.add(k / 20.0, x, y, 6.0)
    return tr


def test_only_a_cut_below_a_blob_at_rest_is_undone():
    """At rest at a window for 0.5 s, then: falling (undone); flying off sideways, or up
    (a sill bird taking off: the cut stays)."""
    rest = [(700.0 + 0.5 * (k % 2), 300.0 + 0.4 * (k % 3)) for k in range(10)]
    fall = rest + [(702.0 + k, 300.0 + 12.0 * k * k) for k in range(1, 5)]
    side = rest + [(700.0 + 30.0 * k, 300.0 + 4.0 * k) for k in range(1, 5)]
    up = rest + [(702.0 + 3.0 * k, 300.0 - 20.0 * k) for k in range(1, 5)]
    for path, whole in ((fall, True), (side, False), (up, False)):
        parts = split_hijacked(_track(path))
        assert len(parts) >= 2  # the situation: the cut where it moved off
        assert (len(rejoin_releases(parts, 3.0)) == 1) == whole, path[-1]
