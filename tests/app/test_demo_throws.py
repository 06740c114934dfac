"""The embedded demo shows a throw now and then across the compound, not a flood: the four
analysed facade cameras (engine default ``max_demo_analysed``) throw one after another in
the first minutes, then each every 20-30 minutes, so an unattended board gets a CRITICAL
throw every few minutes rather than one a minute."""

from __future__ import annotations

import numpy as np

from app.config.model import CamerasConfig
from app.vision import demo_feeds

CLIP_S = demo_feeds.facade_spec(0).duration_s  # a facade loop's length: one choice per loop


def _throws(index: int, hours: float) -> list[float]:
    due = demo_feeds.throw_schedule(index, 0.0, np.random.default_rng(index + 1))
    return [t for t in np.arange(0.0, hours * 3600.0, CLIP_S) if due(float(t))]


def test_an_hour_of_the_demo_shows_a_throw_every_few_minutes_not_dozens() -> None:
    analysed = range(CamerasConfig().max_demo_analysed)
    per_camera = {k: _throws(k, 1.0) for k in analysed}
    every = sorted(t for times in per_camera.values() for t in times)
    assert 6 <= len(every) <= 16, every
    assert every[0] <= 90.0  # a visitor sees one within the first minute and a half
    firsts = [per_camera[k][0] for k in analysed]
    assert firsts == sorted(firsts)  # the cameras take turns at first, not all at once
    assert min(np.diff(firsts)) >= 30.0
    for times in per_camera.values():
        assert min(np.diff(times), default=np.inf) >= demo_feeds.THROW_EVERY_S[0]


def test_every_camera_keeps_throwing_through_a_long_demo() -> None:
    for k in range(8):
        times = _throws(k, 3.0)
        assert len(times) >= 4, (k, times)  # the first plus one every 20-30 minutes
        assert max(np.diff(times)) <= demo_feeds.THROW_EVERY_S[1] + CLIP_S
