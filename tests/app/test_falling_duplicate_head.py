"""One fall, one alarm: a track whose head is clutter (rain blobs above the object) and whose
accepted part repeats a fall already raised must not raise it again; a different fall — the
same window's neighbour thrown a second later, or another object falling at the same time —
still must.

The blobs are the motion stage's own output on a rendered clip: cctv-dev night throw clip 26
(1280×720, 25 fps, IR-lit rain, flags, laundry; H.264 as the bench encodes it), recorded frame
by frame (``tests/data/falling/cctv-dev-26-blobs.json.gz``: 13 930 blobs in 175 frames, None
where the stage skipped the frame). They are fed to the real tracker, pool and judgement; only
the rendering and the motion stage are not re-run.

The clip's three throws (its truth): 6th floor, column 2, released at 1.301 s, seen to 2.881 s;
7th floor, column 2 (the same column, one storey up), released at 3.017 s, seen to 4.697 s;
8th floor, column 3, released at 4.418 s, seen to 6.418 s — so the third falls while the
second is still in the air. With ``pool_cut_fall_then_rise`` on, the second throw's object is
also taken, from 4.0 s to the foot, by a track that began on three rain blobs above it
(3.80–3.92 s) and ran back up the frame after: the cut judges it and physics accepts it from
4.0 s, the rain head cut off.
"""

from __future__ import annotations

from pathlib import Path

from app.vision.falling import FallingConfig
from tests.fixtures.scripted_blobs import detect_recorded

CLIP = Path(__file__).parents[1] / "data" / "falling" / "cctv-dev-26-blobs.json.gz"
# (release time, last seen, release x in px, floor) of the clip's throws
THROWS = [(1.301, 2.881, 239.2, 6), (3.017, 4.697, 243.2, 7), (4.418, 6.418, 354.4, 8)]


def _events(cut: bool) -> list:
    return detect_recorded(CLIP, FallingConfig(pool_cut_fall_then_rise=cut))


def _throw_of(ev) -> int | None:
    """The throw this alarm is about: released before it starts, still seen then, near its
    release column."""
    for k, (t0, t1, x0, _floor) in enumerate(THROWS):
        if t0 - 0.3 <= ev.t_start <= t1 and abs(ev.origin_px[0] - x0) < 40:
            return k
    return None


def test_a_clutter_headed_repeat_of_an_alarmed_fall_is_not_raised_again():
    events = _events(cut=True)
    about = [_throw_of(e) for e in events]
    assert sorted(about) == [0, 1, 2], [(round(e.t_start, 2), e.origin_px) for e in events]
    # the repeat's track is judged and accepted, yet found to be the second throw's fall
    for ev, k in zip(events, about, strict=True):
        assert ev.t_start <= THROWS[k][0] + 0.5


def test_distinct_falls_close_in_time_and_place_are_each_raised():
    """The second throw comes from the window above the first's, 0.14 s after the first
    object was last seen; the third falls while the second is in the air. Each is its own
    alarm with its own floor — with the cut off as on."""
    for cut in (False, True):
        events = _events(cut)
        assert [(_throw_of(e), e.floor) for e in events] == [(0, 6), (1, 7), (2, 8)], cut
