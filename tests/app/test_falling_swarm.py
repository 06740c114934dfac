"""A fall through a swarm of moths at a lamp (night CCTV): the detector fed blobs as the
motion stage would give them, so the tracks, the stitching pool and the alarms are what is
tested, not the rendering."""

from __future__ import annotations

import numpy as np
import pytest

from app.vision.falling.foreground import Blobs
from tests.app.test_falling_physics import CAM, FH, _facade, _fall
from tests.fixtures.scripted_blobs import detect

FPS = 25.0


def _swarm_fall(seed: int, hover_at: int, moth_jitter: float, moths: int = 4,
                fall: bool = True):
    """A drop from the 17th floor, seen in 70 % of its frames after the first 8, through
    ``moths`` moths hovering where the object is ``hover_at`` frames after the release."""
    rng = np.random.default_rng(seed)
    world, t = _fall(16 * FH + 1.2, 9.81, 40.0, 2.0)
    px = CAM.project(world)
    centres = [px[hover_at] + rng.normal(0, 6.0, 2) for _ in range(moths)]
    frames = []
    for i in range(-25, len(t) + 25):
        xy, size = [], []
        if 0 <= i < len(t) and (i < 8 or rng.random() < 0.7) and fall:
            xy.append(px[i] + rng.normal(0, 0.5, 2))
            size.append(4.0)
        for c in centres:
            if rng.random() < 0.85:
                xy.append(c + rng.normal(0, moth_jitter, 2))
                size.append(rng.uniform(3, 12))
        frames.append(Blobs(np.array(xy, float).reshape(-1, 2), np.array(size, float)))
    return frames


def _detect(frames: list[Blobs]) -> list:
    return detect(frames, _facade(), FPS, lead=25)


# Cases in which the fall ended up in two tracks each accepted on its own: the fall's start
# kept by a track that then settled on a moth (judged only after the rest had raised the
# alarm), or a moth's track that took the object over partway down.
@pytest.mark.parametrize("seed,hover_at,jitter", [(6, 10, 3.0), (7, 15, 3.0), (4, 20, 3.0),
                                                   (6, 20, 6.0), (9, 20, 6.0)])
def test_a_fall_through_a_swarm_of_moths_is_one_alarm_with_its_floor(seed, hover_at, jitter):
    events = _detect(_swarm_fall(seed, hover_at, jitter))
    assert len(events) == 1, [(e.t_start, e.floor, len(e.track)) for e in events]
    assert events[0].floor == 17


def test_the_swarm_alone_raises_nothing():
    assert _detect(_swarm_fall(6, 10, 3.0, fall=False)) == []
