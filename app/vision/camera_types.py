"""The camera API's value types, shared by the manager, the workers and the camera wall."""

from __future__ import annotations

import msgspec
import numpy as np


class CameraStatus(msgspec.Struct, frozen=True):
    online: bool
    fps: float
    frames: int
    dropped: int
    reconnects: int
    last_error: str | None
    tamper: str | None  # "covered" | "moved" | "blurred" | None


class Overlay(msgspec.Struct, frozen=True):
    kind: str  # "track" | "mask" | "shield" | "facade"
    points: tuple[tuple[float, float], ...]
    label: str = ""


class FrameSnapshot(msgspec.Struct, frozen=True):
    camera_id: str
    frame: np.ndarray  # BGR, already privacy-masked; read-only (copy before drawing)
    t: float
    seq: int
    overlays: tuple[Overlay, ...]
    status: CameraStatus


class CameraEvent(msgspec.Struct, frozen=True):
    id: str
    camera_id: str
    kind: str  # "falling_object" | "video_loss" | "video_restored" | "tampering"
    t: float
    data: dict
    clip_path: str | None
    snapshot_path: str | None
