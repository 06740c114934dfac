"""The same video gives the same state on every sample in every process.

Round 20's digest saw ECC answer one ulp apart between two processes of identical code
(fresh 1060, sample 134). The cause (round 21): OpenCV's IPP primitives answer in another
last bit depending on where numpy put the input arrays; the detector now runs a sample with
IPP off (``without_ipp``, per thread), and ECC's answer is settled on a fixed grid
(registration.settle) so a last-bit difference of any other origin leaves every later
picture, run and alarm the same.

Real inputs: an H.264 video of the fixture scene with the camera jittering by fractions of a
pixel, through ``detect_file``; the detector's per-sample digest (which hashes the kept warps
too) is the judge. The one-ulp answer is made by wrapping OpenCV's ``findTransformECC``."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.vision.construction import registration
from app.vision.construction.config import ConstructionConfig
from app.vision.construction.events import Detection
from app.vision.construction.offline import detect_file
from app.vision.construction.registration import (
    LINEAR_STEP,
    SHIFT_STEP,
    align,
    register,
    settle,
)
from app.vision.construction.zones import load_zones
from app.vision.opencv_threads import without_ipp
from tests.fixtures import construction_scene as cs

PERSIST = 20.0  # video seconds; a sample a second
N = 60
SHED_AT = 10


def _jittered(n: int, shed_at: int) -> list[np.ndarray]:
    """The fixture's lawn, a shed from ``shed_at`` on, the camera swaying by < 0.6 px."""
    base, rng = cs.ground(), np.random.default_rng(5)
    built = cs.with_shed(base, cs.ON_LAWN)
    sway = np.random.default_rng(9).uniform(-0.6, 0.6, (n, 2))
    return [cs.shot(built if i >= shed_at else base, rng, shift=(float(dx), float(dy)))
            for i, (dx, dy) in enumerate(sway)]


@pytest.fixture(scope="module")
def scene(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("settle")
    cs.write_video(_jittered(N, SHED_AT), work / "v.mp4", 1.0)
    (work / "v.zones.json").write_text(json.dumps(cs.zones(PERSIST, 1.0)))
    return {"video": work / "v.mp4", "zones": work / "v.zones.json"}


def _run(scene):  # noqa: ANN001, ANN202
    return detect_file(scene["video"], load_zones(scene["zones"]), ConstructionConfig(),
                       digests=True)


def _ulp(warp: np.ndarray, toward: float) -> np.ndarray:
    return np.nextafter(warp.astype(np.float32), np.float32(toward))


@pytest.mark.parametrize("toward", [np.inf, -np.inf])
def test_ecc_one_ulp_apart_changes_no_state_and_no_alarm(scene, monkeypatch, toward) -> None:
    """ECC's final answer (the fine pass, every registration) moved one ulp in all six terms,
    as round 20 saw it: the digest — runs, references, masks, the kept warps, the events —
    is the same on every sample as the run with ECC's own answers. (Moved in the coarse pass
    instead, the fine pass starts elsewhere and stops up to ~1e-6 away: the grid absorbs
    that on most samples, not all — here it parted at sample 28 — which is why the cause,
    IPP, is switched off rather than only settled.)"""
    plain = _run(scene)
    real = cv2.findTransformECC

    def one_ulp_off(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        rho, warp = real(*args, **kwargs)
        fine = args[4][1] == 40  # registration's fine pass: 40 iterations
        return rho, _ulp(warp, toward) if fine else warp

    monkeypatch.setattr(cv2, "findTransformECC", one_ulp_off)
    nudged = _run(scene)
    raised = [e.event.t_detected for e in plain.events if isinstance(e, Detection)]
    assert len(raised) == 1 and SHED_AT + PERSIST <= raised[0] <= SHED_AT + PERSIST + 5  # the shed
    assert raised == [e.event.t_detected for e in nudged.events if isinstance(e, Detection)]
    assert len(plain.digests) == N
    assert nudged.digests == plain.digests


def test_settle_keeps_a_picture_that_one_ulp_of_the_warp_changes() -> None:
    """Among small sways (< 1 px, < 0.2°) some warps sit where one ulp in one term moves a
    pixel of warpAffine's picture (it rounds coordinates to 1/1024 px, then to 1/32 px):
    that is how round 20's sample 134 differed. Settled, the two warps and pictures are the
    same."""
    img = cs.shot(cs.ground(), np.random.default_rng(2))
    rng = np.random.default_rng(4)
    found = 0
    for _ in range(400):
        a = np.radians(rng.uniform(-0.2, 0.2))
        w = np.float32([[np.cos(a), -np.sin(a), rng.uniform(-1, 1)],
                        [np.sin(a), np.cos(a), rng.uniform(-1, 1)]])
        for r, c in ((0, 1), (0, 2), (1, 0), (1, 2)):
            off = w.copy()
            off[r, c] = np.nextafter(w[r, c], np.float32(np.inf))
            if np.array_equal(align(img, w)[0], align(img, off)[0]):
                continue
            found += 1
            assert np.array_equal(settle(w), settle(off))
            assert np.array_equal(align(img, settle(w))[0], align(img, settle(off))[0])
    assert found >= 3  # the hazard is real, not hypothetical


def test_settle_is_a_grid_within_half_a_step_and_exact_in_float32() -> None:
    rng = np.random.default_rng(1)
    for _ in range(200):
        w = np.float32(rng.normal(0, [[0.01, 0.01, 3.0], [0.01, 0.01, 3.0]]) + np.eye(2, 3))
        s = settle(w)
        assert s.dtype == np.float32 and s.shape == (2, 3)
        assert np.all(np.abs(s[:, :2].astype(np.float64) - w[:, :2]) <= LINEAR_STEP / 2)
        assert np.all(np.abs(s[:, 2].astype(np.float64) - w[:, 2]) <= SHIFT_STEP / 2)
        assert np.all((s[:, :2].astype(np.float64) / LINEAR_STEP) % 1 == 0)
        assert np.all((s[:, 2].astype(np.float64) / SHIFT_STEP) % 1 == 0)
        assert np.array_equal(settle(s), s)
    # the most it moves a pixel of the 640 × 352 working picture: about 1e-3 px
    assert SHIFT_STEP / 2 + (640 + 352) * LINEAR_STEP / 2 < 1e-3


def test_register_answers_a_settled_warp_that_still_finds_the_shift() -> None:
    base = cs.ground()
    ref = cs.shot(base, np.random.default_rng(6))
    cur = cs.shot(base, np.random.default_rng(7), shift=(1.3, -0.7))
    reg = register(ref, cur, ConstructionConfig())
    assert reg.ok
    assert np.array_equal(reg.warp, settle(reg.warp))
    assert reg.warp[0, 2] == pytest.approx(1.3, abs=0.1)
    assert reg.warp[1, 2] == pytest.approx(-0.7, abs=0.1)
    assert registration.motion(reg.warp)[0] == pytest.approx(np.hypot(1.3, 0.7), abs=0.1)


def _at(a: np.ndarray, offset: int) -> np.ndarray:
    """A copy of ``a`` starting ``offset`` bytes past a 64-byte boundary."""
    buf = np.empty(a.nbytes + 128, np.uint8)
    base = (-buf.ctypes.data) % 64
    out = buf[base + offset: base + offset + a.nbytes].view(a.dtype).reshape(a.shape)
    out[...] = a
    return out


def _ecc_answers(ref: np.ndarray, cur: np.ndarray) -> set[bytes]:
    """ECC's coarse-to-fine answer (as register runs it, unsettled) with the prepared
    pictures at several alignments."""
    out = set()
    for ro, co in ((0, 0), (0, 4), (8, 8), (16, 24), (32, 0)):
        warp = np.eye(2, 3, dtype=np.float32)
        coarse = [_at(registration._prep(x, registration.SMALL_W // 2), o)
                  for x, o in ((ref, ro), (cur, co))]
        _, warp = registration._ecc(*coarse, warp, 60)
        warp[:, 2] *= 2.0
        fine = [_at(registration._prep(x, registration.SMALL_W), o) for x, o in ((ref, ro), (cur, co))]
        _, warp = registration._ecc(*fine, warp, 40)
        out.add(warp.tobytes())
    return out


def _pairs(n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    base = cs.ground()
    out = []
    for seed in range(n):
        rng = np.random.default_rng(seed)
        out.append((cs.shot(base, rng), cs.shot(cs.with_shed(base, cs.ON_LAWN), rng,
                                                shift=tuple(rng.uniform(-0.6, 0.6, 2)))))
    return out


def test_ecc_without_ipp_answers_the_same_wherever_its_inputs_lie() -> None:
    """The cause of round 20's difference: with IPP, ECC's last bit follows the inputs'
    memory alignment on some picture pairs (9 of the first 25 here); without it, never."""
    pairs = _pairs(12)
    with without_ipp():
        assert all(len(_ecc_answers(ref, cur)) == 1 for ref, cur in pairs)
    # the pairs do exercise the hazard where it was seen (IPP's AVX-512 code, this machine);
    # which other CPUs' IPP code follows the alignment is not known, so only there
    if cv2.ipp.useIPP() and "AVX-512" in cv2.ipp.getIppVersion():
        assert any(len(_ecc_answers(ref, cur)) > 1 for ref, cur in pairs)


def test_the_detector_registers_without_ipp_and_leaves_the_thread_as_it_was(scene, monkeypatch) -> None:
    real, seen = cv2.findTransformECC, []

    def watched(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen.append(cv2.ipp.useIPP())
        return real(*args, **kwargs)

    monkeypatch.setattr(cv2, "findTransformECC", watched)
    before = cv2.ipp.useIPP()
    _run(scene)
    assert seen and not any(seen)
    assert cv2.ipp.useIPP() == before


def test_another_realisation_moves_the_state_and_keeps_the_shed(scene) -> None:
    """``realisation`` (the bench's ``--realisation K``) shifts every settled warp by
    K × 2⁻¹⁰ px: the run parts from the service's (its digests differ: the pictures moved)
    yet finds the same shed in its zone, and the same K gives the same run again."""
    plain = _run(scene)
    cfg = ConstructionConfig(realisation=3)
    other = detect_file(scene["video"], load_zones(scene["zones"]), cfg, digests=True)
    again = detect_file(scene["video"], load_zones(scene["zones"]), cfg, digests=True)
    assert other.digests != plain.digests
    assert again.digests == other.digests
    found = [ev for ev in other.events if isinstance(ev, Detection)]
    assert [ev.event.zone for ev in found] == [ev.event.zone for ev in plain.events
                                         if isinstance(ev, Detection)] != []


def test_a_realisation_is_an_exact_step_of_the_grid() -> None:
    ref = cs.shot(cs.ground(), np.random.default_rng(1))
    cur = cs.shot(cs.ground(), np.random.default_rng(2), shift=(0.4, -0.3))
    a = register(ref, cur, ConstructionConfig())
    b = register(ref, cur, ConstructionConfig(realisation=-2))
    assert np.array_equal(b.warp[:, :2], a.warp[:, :2])
    assert np.array_equal(b.warp[:, 2], a.warp[:, 2] - np.float32(2 * SHIFT_STEP))
