"""Objects at the lens (``app/vision/falling/nearlens.py``) on frames the CCTV renderer draws:
a moth the camera's own IR lamp blows out is not a fall; a thrown object, lit like the
facade it falls past, is; colour (day) frames are never looked at for it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from app.vision.cctvsim import CctvSpec, plan_cctv_clip
from app.vision.cctvsim.actors import Moth
from app.vision.cctvsim.moth_depth import MothDepth, Optics
from app.vision.facade import parse_facade
from app.vision.falling import FallingConfig, FallingObjectDetector
from app.vision.falling.nearlens import colourless

OFF = replace(FallingConfig(), near_lens_share=0.0)


def run(spec: CctvSpec, config: FallingConfig | None = None, moths: tuple = (),
        white: bool = False):
    """(truth, events, detector) of the clip, frames in memory; ``moths`` added to the
    clip's own, ``white``: its thrown objects at the top of the renderer's IR reflectance."""
    truth, facade, frames, fps = plan_cctv_clip(spec)
    truth["_moths"].extend(moths)
    if white:
        for a in truth["_actors"]:
            if a.kind == "throw":
                a.value = np.ones_like(a.value)
    det = FallingObjectDetector(config, facade=parse_facade(facade), fps=fps)
    det.judged = []
    events = []
    for i, frame in enumerate(frames):
        events += det.process(frame, i / fps)
    events += det.flush()
    return truth, events, det


def moth_600002(t0: float) -> Moth:
    """The moth behind cctv-dev-moths clip 600 002's alarm (issue 15 round 18, the renderer's
    moths at a distance), from ``t0``: 0.8–1.6 m from the lens, a saturated dot of 5–9 px
    across drifting down over the lit facade; physics takes its first second for a fall from
    the 14th floor. Its flight as the renderer drew it (t0 shifted by whole flicker periods)."""
    optics = Optics(f_px=350.9538471306037, aperture_m=0.001666374562242416,
                    centre=(320.0, 180.0), near_m=13.549966812133789)
    depth = MothDepth(d0=1.0843396987467953,
                      amp=(0.12532565242274726, 0.14448964786047047, 0.13986210845673064),
                      hz=(0.9649833165298933, 0.9952193670504961, 0.5766528012625294),
                      phase=(3.062532355367314, 2.847432174429916, 4.830006115867841),
                      wingspan_m=0.022441130944390455, reflectance=0.2078408272416451,
                      optics=optics)
    return Moth(t0, t0 + 3.381, np.array([228.20836265, 61.73383253]),
                np.array([-7.82700606, 30.68699648]), 25.5567775338425, -3.5717202751842025,
                8.231373464277288, 2.5647575729687, 847, depth)


def moth_clip(night: bool = True) -> CctvSpec:
    return CctvSpec(seed=600002, width=640, height=360, throws=0, night=night,
                    distractors=(), nvr_repeat=(30.0, 30.0), duration_s=5.0)


def test_a_moth_near_the_lens_at_night_raises_nothing():
    moth = moth_600002(1.5305)
    truth, events, det = run(moth_clip(), moths=(moth,))
    assert truth["night"] and all(0.7 <= moth.distance_m(t) <= 1.7
                                  for t in np.arange(1.55, 3.0, 0.1))  # the situation
    _, without, _ = run(moth_clip(), OFF, moths=(moth,))
    assert [e.floor for e in without] == [14]  # the situation: without the rule, an alarm
    assert events == []


def test_a_big_white_object_thrown_at_night_close_to_a_steep_camera_is_a_fall():
    """A 0.6 m white object (the top of the renderer's IR reflectance) thrown from the 5th
    floor, 10 m in front of a camera tilted up 46° at night (the dev stress set's seed
    800 289): the IR lamp lights it like the facade it falls past, a few metres nearer the
    lamp, and its pixels clip in part of its fall — but not over most of it, as a moth's do."""
    spec = CctvSpec(seed=800289, width=640, height=360, throws=1, night=True, low_floor=True,
                    distractors=(), throw_size_m=0.6)
    truth, events, det = run(spec, white=True)
    (gt,) = truth["events"]
    assert truth["scene"]["distance_m"] < 10 and truth["scene"]["tilt_deg"] > 45
    assert gt["size_px"] > 12 and gt["floor"] <= 6  # the situation
    assert len(events) == 1, events
    assert events[0].floor == gt["floor"]
    (tr, v), = [(tr, v) for tr, v in det.judged if v.accepted]
    share = det._saturated.share(tr.t, tr.x, tr.y, tr.weak_flags, v.t_first, v.t_last)
    assert 0.1 < share < det.cfg.near_lens_share  # clipped in part of its fall


def test_day_footage_is_never_looked_at_for_objects_at_the_lens():
    """By day the sun lights near and far alike: the same moth, blown out on a colour frame,
    leaves no mark, and the detector's events are those without the rule."""
    moth = moth_600002(1.5305)
    truth, events, det = run(moth_clip(night=False), moths=(moth,))
    assert not truth["night"]
    assert not det._saturated._at  # no blob was marked
    _, without, _ = run(moth_clip(night=False), OFF, moths=(moth,))
    assert [(e.t_start, e.floor) for e in events] == [(e.t_start, e.floor) for e in without]


def test_infrared_mode_is_a_frame_without_colour():
    truth, _, frames, _ = plan_cctv_clip(moth_clip())
    night = next(frames)
    assert colourless(night) and colourless(night[..., 0])
    truth, _, frames, _ = plan_cctv_clip(moth_clip(night=False))
    assert not colourless(next(frames))


# The rim guard (``near_lens_rim_px``): a blob is taken for an object at the lens only if it
# is clipped to its rim (``nearlens.rim_widths``).
GUARD = replace(FallingConfig(), near_lens_rim_px=2.0)


def test_a_moth_at_the_lens_is_clipped_to_its_rim_and_stays_refused_with_the_rim_guard():
    moth = moth_600002(1.5305)
    truth, events, det = run(moth_clip(), GUARD, moths=(moth,))
    assert events == []
    assert det._saturated._at  # its blobs are still marked: the guard kept them


def _throw_track_share(spec: CctvSpec, config: FallingConfig | None):
    """(share of the throw's longest judged track's blob points marked, its verdict, truth)."""
    truth, events, det = run(spec, config, white=True)
    (gt,) = truth["events"]
    near = [(tr, v) for tr, v in det.judged
            if gt["t_start"] - 0.5 <= tr.t[0] <= gt["t_last_visible"]
            and abs(tr.x[0] - gt["origin_px"][0]) <= 0.15 * truth["width"]]
    tr, v = max(near, key=lambda p: len(p[0].t))
    return det._saturated.share(tr.t, tr.x, tr.y, tr.weak_flags, tr.t[0], tr.t[-1]), v, truth


def test_a_white_object_lit_near_full_scale_keeps_a_graded_edge_under_the_rim_guard():
    """The dev stress set's seed 801 032: a 0.6 m white object thrown from the 4th floor,
    8.8 m in front of a camera tilted up 46° at night. It clips at every point of its
    track, so the rule alone would take it for a moth (physics refuses it anyway today:
    "small drop"); lit at a few times full scale its edge stays graded — smear along the
    fall, shading — where a moth's, at 10–3000×, is clipped to the rim."""
    spec = CctvSpec(seed=801032, width=1280, height=720, throws=1, night=True, low_floor=True,
                    distractors=(), throw_size_m=0.6)
    alone, v, truth = _throw_track_share(spec, None)
    guarded, _, _ = _throw_track_share(spec, GUARD)
    assert truth["scene"]["distance_m"] < 9 and truth["scene"]["tilt_deg"] > 45
    assert truth["events"][0]["size_px"] > 30 and not v.accepted  # the situation
    assert alone >= FallingConfig().near_lens_share  # ... and the rule's risk
    assert guarded < FallingConfig().near_lens_share
