"""What the construction detector reports: a change that stayed in a zone, a change no
longer seen, the camera no longer registering to its reference (and registering again).

``ChangeDetected.to_json()`` is the CONTRACTS line of ``control-room detect``; the images
travel beside it in ``Detection`` (numpy arrays are not wire data).
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec
import numpy as np


class ChangeDetected(msgspec.Struct, frozen=True):
    id: str
    zone: str
    zone_kind: str
    zone_name: str
    t_detected: float  # stream time of the sample that raised it
    t_onset: float  # when the change was first seen to stay
    bbox_px: tuple[int, int, int, int]  # x, y, w, h in the camera's frame pixels
    confidence: float
    blocks: int  # 16×16 analysis blocks it covers
    polygon_px: tuple[tuple[float, float], ...] = ()  # outline of the changed blocks

    def to_json(self) -> dict:
        return {"type": "illegal_construction", "zone": self.zone,
                "t_detected": round(self.t_detected, 2), "bbox_px": list(self.bbox_px),
                "confidence": round(self.confidence, 2)}


class ChangeGone(msgspec.Struct, frozen=True):
    id: str
    t: float  # the change is no longer there (removed, or it never stayed)


class ChangeGrew(msgspec.Struct, frozen=True):
    """A late part of a dispatched change (config ``fold_late``): the same case, not a new
    alarm; ``bbox_px`` and ``blocks`` are the part's."""
    id: str
    t: float
    bbox_px: tuple[int, int, int, int]
    blocks: int


class CameraMoved(msgspec.Struct, frozen=True):
    t: float
    reason: str  # "no convergence" | "correlation 0.31" | "shifted 45 px" | "turned 4.2°"
    correlation: float
    failure: str = ""  # the same as a code (registration.FAILURES), for screens to word

    def to_json(self) -> dict:
        return {"type": "camera_moved", "t_detected": round(self.t, 2), "reason": self.reason}


class CameraSettled(msgspec.Struct, frozen=True):
    t: float  # the view registers to its reference again


class ReferenceRelearnt(msgspec.Struct, frozen=True):
    """The camera stayed in place but its reference no longer recognised the view (a snow
    cover it was seeded on has melted) for ``relearn_after_s``: it is learnt afresh from
    the samples after ``t``, and whatever stands in the view then becomes part of it."""
    t: float
    reference: str  # the bin: "colour", "mono", "colour-3" …


@dataclass
class Detection:
    """A change and its evidence pictures, in the reference's geometry (so a slider between
    them lines up): ``before`` the reference, ``after`` the sample, both BGR."""

    event: ChangeDetected
    before: np.ndarray
    after: np.ndarray
    frame: np.ndarray  # the sample as captured, full resolution
