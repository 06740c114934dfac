"""The CCTV renderer's moths at a distance from the lens (``cctvsim/moth_depth.py``), on
rendered frames: their image shrinks as 1/d, their radiance as 1/d², the lens's defocus
softens their rim; and nothing else in any clip changed (digests of main 2a270ec's frames).
"""

from __future__ import annotations

import hashlib
import json
import math

import numpy as np
import pytest

from app.vision.cctvsim import CctvSpec, plan_cctv_clip
from app.vision.cctvsim.actors import Moth
from app.vision.cctvsim.clip import _finish_truth
from app.vision.cctvsim.moth_depth import OPACITY, MothDepth, Optics, draw_defocused

# Frames of short clips as main 2a270ec (the renderer before moths had a distance) drew
# them: sha256 of every frame's bytes (first 16 hex digits), frame count, sha256 of the
# events. "moths_removed": a clip with moths, drawn with its moth list emptied — the rest
# of a moth clip (scene, throws, birds, rain, trees, sensor noise) is main's.
CASES = {
    "night_rain_trees": (dict(seed=11, throws=1, night=True, distractors=(
        "rain", "trees", "flags", "laundry", "birds", "shake")),
        "39e442a5cc94c383", 114, "debb4682a5b647ea"),
    "day_mix": (dict(seed=12, throws=1, night=False, distractors=None),
                "5c5c0602e7de01cb", 72, "f795fbcc285db306"),
    "seed_mix": (dict(seed=3, throws=2), "f93e22d0810dd7a4", 129, "13c5ee28aac3e98e"),
    "moths_removed": (dict(seed=13, throws=1, night=True, distractors=(
        "moths", "rain", "trees", "birds")), "08f2f73646cbd008", 111, "6df4ff40be38b601"),
}


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()[:16]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_clip_without_moths_is_rendered_byte_for_byte_as_before(case):
    kw, frames_sha, n_frames, events_sha = CASES[case]
    truth, _, frames, _ = plan_cctv_clip(CctvSpec(width=320, height=180, duration_s=1.0, **kw))
    assert ("moths" in truth["distractors"]) == (case == "moths_removed")  # the situation
    if case == "moths_removed":
        assert truth["_moths"] and all(m.depth is not None for m in truth["_moths"])
        truth["_moths"].clear()  # the frame generator draws this very list
    h, n = hashlib.sha256(), 0
    for f in frames:
        h.update(f.tobytes())
        n += 1
    assert (h.hexdigest()[:16], n) == (frames_sha, n_frames)
    assert _digest(truth["events"]) == events_sha
    assert "render_tag" not in truth or case == "moths_removed"


def test_a_moth_clip_keeps_its_moths_image_paths_and_everything_else_in_its_truth():
    """The moths' flight in the image, the other distractors' tracks, the truth and the
    facade are main's; the truth only gains each moth's distance and image size."""
    spec = CctvSpec(seed=13, width=320, height=180, throws=1, night=True,
                    distractors=("moths", "rain", "trees", "birds"), duration_s=1.0)
    truth, facade, frames, _ = plan_cctv_clip(spec)
    for _ in frames:
        pass
    out = _finish_truth(truth)
    moths = [d for d in out["distractor_tracks"] if d["kind"] == "moth"]
    others = [d for d in out["distractor_tracks"] if d["kind"] != "moth"]
    assert _digest([{"t": d["t"], "px": d["px"]} for d in moths]) == "b979f32173c799c1"
    assert _digest(others) == "1dc917c0a6873866"
    assert _digest({k: v for k, v in out.items()
                    if k not in ("distractor_tracks", "render_tag")}) == "8210dbc2da65bf45"
    assert _digest(facade) == "dc5a8ed9b9d74133"
    assert out["render_tag"] == "moths2"
    (m,) = moths
    assert len(m["d_m"]) == len(m["t"]) and all(0.25 < d < 2.1 for d in m["d_m"])


# A moth hovering at a fixed distance and image position over a night scene
NIGHT = CctvSpec(seed=21, width=640, height=360, throws=0, night=True, distractors=(),
                 duration_s=0.4, nvr_repeat=(25.0, 25.0))
AT = (320.0, 200.0)


def _still_moth(d: float, optics: Optics, wingspan: float = 0.03,
                reflectance: float = 0.3) -> Moth:
    depth = MothDepth(d, (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0), wingspan,
                      reflectance, optics)
    return Moth(-1.0, 10.0, np.array(AT), np.zeros(2), 0.0, 0.0, 0.0, 0.0, 0, depth)


def _frame_with(moth: Moth | None, k: int = 5) -> np.ndarray:
    truth, _, frames, _ = plan_cctv_clip(NIGHT)
    if moth is not None:
        truth["_moths"].append(moth)
    for i, f in enumerate(frames):
        if i == k:
            return f[..., 0].astype(np.float32)
    raise AssertionError("clip too short")


def _optics(near_m: float, aperture_m: float = 2e-3) -> Optics:
    return Optics(450.0, aperture_m, (320.0, 180.0), near_m)


def _blob(frame: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """Pixels the moth changed by more than the sensor's noise."""
    return np.abs(frame - empty) > 25


def test_a_moth_at_the_lens_images_as_one_over_its_distance_and_saturates():
    """With the facade's lamp (near 20 m), a 3 cm moth is a saturated disc whose area goes
    as 1/d² — √area·d constant — from 0.35 to 1.8 m (39 to 8 px across). Saturated, it
    fills its blur's rim too (area 1.2–1.45× its sharp ellipse's, measured)."""
    empty = _frame_with(None)
    widths = {}
    for d in (0.35, 0.7, 1.2, 1.8):
        f = _frame_with(_still_moth(d, _optics(20.0)))
        blob = _blob(f, empty)
        ys, xs = np.nonzero(blob)
        assert abs(xs.mean() - AT[0]) < 1.5 and abs(ys.mean() - AT[1]) < 1.5
        assert np.mean(f[blob] >= 250) > 0.9  # the lamp saturates it at every distance
        widths[d] = math.sqrt(blob.sum()) * d
        expected_area = math.pi * (0.03 * 450 / (2 * d)) ** 2 * 0.8
        assert 1.0 < blob.sum() / expected_area < 1.5, (d, blob.sum(), expected_area)
    w = np.array(list(widths.values()))
    assert w.max() / w.min() < 1.15, widths


def test_a_moths_brightness_falls_with_the_square_of_its_distance():
    """In radiance (before the sensor) the moth's core is ρ·lamp(d) ∝ 1/d² exactly; on the
    camera's frame, under a lamp weak enough not to clip (near 1.5 m), its grey level falls
    with d."""
    optics = _optics(1.5)
    cores = {}
    for d in (0.5, 1.0, 2.0):
        img = np.zeros((360, 640, 1), np.float32)
        m = _still_moth(d, optics)
        m.draw(img, 0.0, 0.03)
        cores[d] = float(img[int(AT[1]), int(AT[0]), 0])
        flick = np.mean([0.7 + 0.3 * math.sin(j) for j in range(3)])
        assert cores[d] == pytest.approx(OPACITY * 0.3 * optics.lamp(d, AT) * flick, rel=1e-4)
    assert cores[0.5] / cores[1.0] == pytest.approx(4.0, rel=1e-3)
    assert cores[1.0] / cores[2.0] == pytest.approx(4.0, rel=1e-3)
    empty = _frame_with(None)
    grey = []
    for d in (0.6, 1.0, 1.6):
        f = _frame_with(_still_moth(d, optics))
        r = 0.5 * _still_moth(d, optics).depth.semi_axis_px(d) * 0.8
        y, x = int(AT[1]), int(AT[0])
        core = (f - empty)[int(y - r):int(y + r) + 1, int(x - r):int(x + r) + 1]
        grey.append(float(core.mean()))
    assert grey[0] > grey[1] + 10 > grey[2] + 20, grey
    assert grey[0] < 255 - 60  # the situation: not clipped


def test_the_lens_defocus_softens_the_moths_rim_by_its_aperture_over_its_wingspan():
    """Circle of confusion A·f_px/d: a 3 mm aperture on a 2 cm moth spreads its rim over
    ~15 % of its image; a pinhole leaves a one-pixel rim. Measured on the radiance image
    (the 10–90 % width of the rim across the moth's horizontal axis)."""
    def rim(aperture: float, d: float) -> float:
        img = np.zeros((360, 640, 1), np.float32)
        m = _still_moth(d, _optics(20.0, aperture), wingspan=0.02)
        m.draw(img, 0.0, 0.0)
        row = img[int(AT[1]), :, 0] / img[int(AT[1]), int(AT[0]), 0]
        right = row[int(AT[0]):]
        return float(np.argmax(right < 0.1) - np.argmax(right < 0.9))

    m = _still_moth(0.4, _optics(20.0, 3e-3), wingspan=0.02)
    assert m.depth.blur_px(0.4) / (2 * m.depth.semi_axis_px(0.4)) == pytest.approx(0.15)
    assert rim(1e-5, 0.4) <= 1.0
    assert 2.5 <= rim(3e-3, 0.4) <= 4.5  # the blur: 3.4 px across a 22.5 px moth
    assert rim(3e-3, 0.4) > rim(3e-3, 1.2)  # the same share of a smaller image


def test_moths_fly_in_depth_between_a_third_of_a_metre_and_two_metres():
    """Each clip's moths (their own generator): d within 0.29–2.0 m, moving tens of cm in a
    second, and never jumping between frames."""
    spec = CctvSpec(seed=600002, width=640, height=360, throws=0, night=True,
                    distractors=("moths",), moths_per_10s=(8, 8), duration_s=10.0)
    moths = plan_cctv_clip(spec)[0]["_moths"]
    assert len(moths) == 8
    swings = []
    for m in moths:
        ts = np.arange(0.0, 1.0, 0.01)
        d = np.array([m.depth.d(t) for t in ts])
        assert d.min() > 0.28 and d.max() < 2.05
        assert np.abs(np.diff(d)).max() < 0.03  # ≤ 3 m/s
        swings.append(d.max() - d.min())
        assert 0.015 <= m.depth.wingspan_m <= 0.05
        f = m.depth.blur_px(1.0) / (2 * m.depth.semi_axis_px(1.0))
        assert 0.02 < f < 0.3  # A/L
    assert np.median(swings) > 0.1


def test_draw_defocused_blends_nothing_outside_the_frame():
    img = np.full((20, 30, 1), 0.2, np.float32)
    draw_defocused(img, [(-50.0, -50.0)], [5.0], 4.0, 3.0, 2.0)
    assert np.all(img == np.float32(0.2))
