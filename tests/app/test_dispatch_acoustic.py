"""Acoustic localisation: robust to echoes, honest about what it cannot solve."""

from __future__ import annotations

import numpy as np
import pytest

from app.dispatch.acoustic import LocateError, locate
from app.dispatch.acoustic_synth import COMPOUND_MICS, jittered_layout, point_in_hull, synthesize
from app.dispatch.nearest import nearest
from app.dispatch.synthetic_scene import synthetic_compound


@pytest.mark.parametrize("seed", range(6))
def test_echo_is_rejected_and_source_recovered(seed: int) -> None:
    rng = np.random.default_rng(seed)
    mics = jittered_layout(rng)
    source = point_in_hull(mics, rng)
    sound = synthesize(mics, source, rng, noise_s=1e-4, n_echoes=1)
    result = locate(mics, sound.arrivals_ns)
    error = np.linalg.norm(np.subtract(result.xyz, source))
    # 0.1 ms ≈ 3.4 cm of range noise: a metre off would mean the echo leaked in
    assert error < 0.6
    assert result.rejected_mics == sound.outliers
    assert set(result.used_mics) == set(mics) - set(sound.outliers)
    # the reported uncertainty is of the size of the actual error, not wildly off
    assert 0.01 < result.uncertainty_m < 1.0


def test_two_wrong_picks_among_eight_are_both_rejected() -> None:
    rng = np.random.default_rng(11)
    sound = synthesize(COMPOUND_MICS, (3.0, -4.0, 11.0), rng, n_echoes=2)
    result = locate(COMPOUND_MICS, sound.arrivals_ns)
    assert set(result.rejected_mics) == set(sound.outliers)
    assert np.linalg.norm(np.subtract(result.xyz, sound.source)) < 0.6


def test_uncertainty_grows_when_timing_is_worse_than_the_prior() -> None:
    # the prior says 0.1 ms; a bad pick-up chain gives 1 ms: the answer must say so
    rng = np.random.default_rng(5)
    quiet = synthesize(COMPOUND_MICS, (0.0, 0.0, 10.0), rng, noise_s=2e-5, n_echoes=0)
    noisy = synthesize(COMPOUND_MICS, (0.0, 0.0, 10.0), rng, noise_s=1e-3, n_echoes=0)
    a = locate(COMPOUND_MICS, quiet.arrivals_ns)
    b = locate(COMPOUND_MICS, noisy.arrivals_ns)
    assert b.uncertainty_m > 3 * a.uncertainty_m
    assert np.linalg.norm(np.subtract(b.xyz, noisy.source)) < 3 * b.uncertainty_m


def test_speed_of_sound_is_honoured() -> None:
    rng = np.random.default_rng(2)
    sound = synthesize(COMPOUND_MICS, (10.0, 5.0, 8.0), rng, noise_s=0.0, n_echoes=0,
                       speed_of_sound=331.0)
    right = locate(COMPOUND_MICS, sound.arrivals_ns, speed_of_sound=331.0)
    assert np.linalg.norm(np.subtract(right.xyz, sound.source)) < 0.05


def test_too_few_arrivals() -> None:
    rng = np.random.default_rng(0)
    sound = synthesize(COMPOUND_MICS, (0.0, 0.0, 10.0), rng, n_echoes=0)
    three = dict(list(sound.arrivals_ns.items())[:3])
    with pytest.raises(LocateError, match="3 usable arrival"):
        locate(COMPOUND_MICS, three)


def test_arrivals_from_unknown_mics_do_not_count() -> None:
    rng = np.random.default_rng(0)
    sound = synthesize(COMPOUND_MICS, (0.0, 0.0, 10.0), rng, n_echoes=0)
    arrivals = dict(list(sound.arrivals_ns.items())[:3]) | {"ghost": 1, "ghost2": 2}
    with pytest.raises(LocateError):
        locate(COMPOUND_MICS, arrivals)


@pytest.mark.parametrize("layout,word", [
    ("coplanar", "coplanar"), ("collinear", "collinear"), ("point", "one point")])
def test_degenerate_layouts(layout: str, word: str) -> None:
    rng = np.random.default_rng(1)
    xy = rng.uniform(-50, 50, (8, 2))
    if layout == "coplanar":  # all on lamp posts of the same height: z is a mirror
        pos = np.column_stack([xy, np.full(8, 4.0)])
    elif layout == "collinear":
        t = rng.uniform(-50, 50, 8)
        pos = np.column_stack([t, 2 * t, 0.5 * t + 6])
    else:
        pos = np.tile([1.0, 2.0, 3.0], (8, 1))
    mics = {f"m{i}": tuple(p) for i, p in enumerate(pos)}
    sound = synthesize(mics, (0.0, 0.0, 10.0), rng, n_echoes=0)
    with pytest.raises(LocateError, match=word):
        locate(mics, sound.arrivals_ns)


def test_nearest_names_building_floor_and_device() -> None:
    scene = synthetic_compound(2, 1, floors=6)
    # B2 spans x 30..50, y 5..20; floor 3 is z 6..9
    near = nearest(scene, (41.0, 13.0, 7.5))
    assert (near.building, near.floor) == ("B2", 3)
    assert near.device_id == "B2-pump"
    # just outside a wall still names the building; far away does not
    assert nearest(scene, (40.0, 21.0, 1.0)).building == "B2"
    assert nearest(scene, (20.0, -30.0, 1.0)).building is None
