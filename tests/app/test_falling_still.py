"""What a fall cannot do: stop in mid-air, or curve sideways as much as it drops (issue 15
round 12). Each case is a track whose points a parabola in height fits, the shape of one
of cctv-dev's distractor-hour false alarms; the guards are throws that must stay falls.

- cctv-dev 500086 (night): sensor speckle flickering in place at three spots down the
  facade, one after another; throw clip 188 (night): flicker at a lit window's corner for
  0.8 s, jumps, then still again. Each still run lay on the parabola through the runs.
- cctv-dev 500091 (day): the edge of a canopy swaying in the wind, tracked 1 s as it swept
  down-left and then down-right at the facade's foot.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.cctvsim.actors import fall_path
from app.vision.falling import FallingConfig
from app.vision.falling.physics import judge
from app.vision.falling.tracker import Track
from tests.app.test_falling_physics import CAM, FH, _facade, _fall, _judge, _track

FPS = 25.0
# "stops in mid-air" is an option, off by default (round 12): these tests turn it on
REST = FallingConfig(rest_window=5)


def _still_chain(runs: list[tuple[int, int]], start: int = 10, jitter: float = 0.4,
                 seed: int = 0) -> Track:
    """Blobs that stay put for a few frames at a time, one run after another down the
    facade, each where a 17th-floor drop would be in the middle of that run, ``start``
    frames after its release: (first frame, frames) per run."""
    rng = np.random.default_rng(seed)
    world, t = _fall(16 * FH + 1.2, 9.81, 40.0, 3.0)
    px = CAM.project(world)
    tr = Track(1)
    for first, n in runs:
        centre = px[start + first + n // 2]
        for k in range(first, first + n):
            x, y = centre + rng.normal(0, jitter, 2)
            tr.add(float(t[k]), float(x), float(y), 2.0)
    return tr


# (frames after the release the chain starts, (first frame, frames) of each still run):
# a long still run then shorter ones, as on 500086; runs of five frames with holes of one
# or two.
CHAINS = [(0, [(0, 8), (10, 5), (18, 5), (26, 5)]),
          (0, [(0, 5), (7, 5), (14, 5), (21, 5), (28, 5)]),
          (3, [(0, 5), (6, 5), (12, 5), (18, 5), (24, 5)])]


@pytest.mark.parametrize("start,runs", CHAINS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_blobs_that_stand_still_between_jumps_are_not_a_fall(start, runs, seed):
    tr = _still_chain(runs, start=start, seed=seed)
    off = FallingConfig(rest_window=0)
    # the situation: the old rules took such a chain for a fall
    assert _judge_with(tr, off).accepted
    v = _judge_with(tr, REST)
    assert not v.accepted and v.reason == "stops in mid-air", v


def _judge_with(tr: Track, cfg: FallingConfig):
    return judge(tr, cfg, _facade(), 720, fps=FPS)


@pytest.mark.parametrize("rest_s", [0.2, 0.5, 1.0])
def test_an_object_resting_on_a_sill_and_then_pushed_off_is_a_fall_from_its_floor(rest_s):
    """At rest before the release is what a pushed-off flower pot does: it is judged from
    where it starts to move."""
    world, t = _fall(16 * FH + 1.2, 9.81, 40.0, 1.6)
    n_rest = int(round(rest_s * FPS))
    world = np.concatenate([np.repeat(world[:1], n_rest, axis=0), world])
    t = np.arange(len(world)) / FPS
    v = _judge_with(_track(world, t), REST)
    assert v.accepted, v
    assert _facade().cell(*v.origin_px)[0] == 17


def test_an_upward_toss_turning_at_its_apex_is_a_fall():
    """At the apex of a toss the object is slow for a few frames, as the fit says."""
    p = fall_path(np.array([1.0, 16 * FH + 1.2, 40.0 - 0.8]), np.array([0.3, 2.0, -0.5]),
                  0.0, 30.0)
    t = np.arange(0.0, 1.8, 1 / FPS)
    world = np.array([p.at(tt) for tt in t])
    v = _judge_with(_track(world, t), REST)
    assert v.accepted, v
    assert _facade().cell(*v.origin_px)[0] == 17


def _swaying_edge(a_side: float, v_side: float) -> Track:
    """A point that drops with 9 m/s² and moves sideways with a constant acceleration: it
    sweeps one way, turns, and sweeps back."""
    t = np.arange(0.0, 1.3, 1 / FPS)
    h = 16 * FH + 1.2 - 0.5 * 9.0 * t**2
    x = 1.0 + v_side * t + 0.5 * a_side * t**2
    return _track(np.stack([x, h, np.full_like(t, 40.0 - 0.8)], axis=1), t)


@pytest.mark.parametrize("a_side,v_side", [(7.0, -4.5), (-7.0, 4.5), (6.0, -3.0)])
def test_a_point_that_curves_sideways_as_much_as_it_drops_is_not_a_fall(a_side, v_side):
    tr = _swaying_edge(a_side, v_side)
    assert _judge_with(tr, FallingConfig(max_side_accel_ratio=1e9)).accepted  # the situation
    v = _judge(tr)
    assert not v.accepted and v.reason == "curves sideways", v


@pytest.mark.parametrize("v_term", [6.0, 10.0, 40.0])
@pytest.mark.parametrize("vx", [-1.5, 1.5])
def test_a_throw_pushed_out_sideways_and_slowed_by_drag_is_a_fall(v_term, vx):
    """The most sideways deceleration drag gives a thrown object: the lightest (terminal
    speed 6 m/s) thrown hardest sideways. Still a fall, from its floor."""
    p = fall_path(np.array([1.0, 16 * FH + 1.2, 40.0 - 0.8]), np.array([vx, 0.0, -1.0]),
                  0.0, v_term)
    t = np.arange(0.0, 1.6, 1 / FPS)
    world = np.array([p.at(tt) for tt in t])
    v = _judge(_track(world, t))
    assert v.accepted, v
    assert _facade().cell(*v.origin_px)[0] == 17
