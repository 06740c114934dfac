"""A fall whose track, once the object has landed, coasts on and takes clutter running back
up the frame (rain, a moth, a bird taking off): the stitching pool must still judge the fall.

The blobs are the motion stage's own output on a rendered clip: cctv-dev night throw clip
186 (1280×720, 25 fps, IR-lit rain, moths, birds, auto-exposure hunting; H.264 as the bench
encodes it), recorded frame by frame (``tests/data/falling/cctv-dev-186-blobs.json.gz``:
17 131 blobs in 150 frames, None where the stage skipped the frame). They are fed to the
real tracker, pool and judgement; only the rendering and the motion stage are not re-run.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.vision.falling import FallingConfig
from app.vision.falling.stitch import StitchPool
from app.vision.falling.tracker import Track
from tests.fixtures.scripted_blobs import detect_recorded

CLIP = Path(__file__).parents[1] / "data" / "falling" / "cctv-dev-186-blobs.json.gz"
# The clip's one throw (its truth): a 7.2 px object of contrast 26 released at 1.884 s from
# the 5th floor, seen until 2.884 s, when it reaches the facade's foot.
T_START, FLOOR, ORIGIN_X = 1.884, 5, 599.4


def _events(cut: bool) -> list:
    return detect_recorded(CLIP, FallingConfig(pool_cut_fall_then_rise=cut))


def test_a_fall_whose_track_runs_back_up_the_frame_is_found_with_the_cut():
    events = _events(cut=True)
    assert len(events) == 1, [(e.t_start, e.floor) for e in events]
    (ev,) = events
    assert T_START - 0.5 <= ev.t_start <= 2.884 and abs(ev.origin_px[0] - ORIGIN_X) < 20
    assert ev.floor == FLOOR
    assert max(y for _, _, y in ev.track) < 720 and ev.track[-1][0] < 3.0  # the fall only


def test_without_the_cut_the_same_blobs_raise_nothing():
    """The situation the switch is for, as main has it (the switch is off by default)."""
    assert _events(cut=False) == []


def test_a_bird_swooping_down_and_back_up_in_one_arc_gives_the_pool_nothing():
    """The guard: a track that went well below its start and back up in one smooth arc (a
    swallow's swoop past the facade) has no break where a fall ends and clutter begins, so
    the cut finds none and the pool keeps nothing, with the switch on as off."""
    tr = Track(1)
    for k in range(30):
        tr.add(k / 25.0, 400.0 + 6.0 * k, 300.0 + 80.0 * np.sin(np.pi * k / 24.0), 4.0)
    assert max(tr.y) - tr.y[0] > 4 + 2 * 4.0 and tr.y[-1] < tr.y[0]  # the situation
    for cut in (False, True):
        pool = StitchPool(cut_fall_then_rise=cut)
        pool.add([tr])
        assert pool.drain() == []
