"""A second, independent source of synthetic 高空抛物 camera video, written apart from
``app.vision.synth`` so that a detector tuned on one is checked on the other.

What it models that the first renderer does not: a CCTV camera at the foot of the tower
looking steeply up the facade (tilt up to 60°, wide lens with barrel distortion, yaw and
roll), a sensor with shot and read noise that grows with gain, auto-exposure that lags and
hunts, rolling shutter, IR night mode in greyscale with the illuminator's fall-off, H.264 at
CCTV bitrates (2–4 Mbit/s at 1080p, constant-rate, no B-frames), NVR frame repetition,
moths and IR-lit rain at the lens, wind-shaken trees and flags, birds on sills, laundry and
air-conditioner units, short drops from the lowest floors and bursts of throws.

``make_cctv_clip(CctvSpec(seed=…), out_dir)`` writes ``<name>.mp4``, ``<name>.truth.json``
(the same schema as the first renderer's, so one scorer serves both) and
``<name>.facade.json``.
"""

from app.vision.cctvsim.clip import CctvSpec, make_cctv_clip, plan_cctv_clip

__all__ = ["CctvSpec", "make_cctv_clip", "plan_cctv_clip"]
