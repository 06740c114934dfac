"""Synthetic facade videos with ground truth, for tests, the benchmark and demo feeds.

Deterministic under a seed: a pinhole camera pitched up at a tower facade, objects released
from known windows falling under gravity (with drag), and the distractors that fool naive
motion detectors (birds, leaves, paper, rain, lighting, windows, curtains, shake, noise,
night). ``make_clip`` writes an mp4, its ground-truth JSON and its facade file.
"""

from app.vision.synth.camera import PinholeCamera
from app.vision.synth.clip import ClipSpec, make_clip, render_frames
from app.vision.synth.scene import SceneParams, sample_scene

__all__ = ["ClipSpec", "PinholeCamera", "SceneParams", "make_clip", "render_frames",
           "sample_scene"]
