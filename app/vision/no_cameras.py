"""The engine's cameras when OpenCV cannot be loaded: none, said once, instead of a crash.

``camera_manager(...)`` builds the real CameraManager; when importing it fails (OpenCV or one
of its libraries missing) it reports the cameras unavailable (app.optional_parts: the status
bar shows why) and returns ``NoCameras``, which answers every query as a manager with no
camera would, so the 3D view, alarms and dispatch run as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.listeners import Listeners, Subscription
from app.optional_parts import CAMERAS, report_unavailable


def camera_manager(cameras, **kwargs):  # noqa: ANN001, ANN201 (CameraManager | NoCameras)
    try:
        from app.vision.cameras import CameraManager
    except ImportError as exc:  # e.g. libGL.so.1: cannot open shared object file
        report_unavailable(CAMERAS, exc)
        return NoCameras()
    return CameraManager(cameras, **kwargs)


class NoCameras:
    """A camera manager without cameras."""

    def __init__(self) -> None:
        self._listeners: Listeners = Listeners()  # nobody ever hears anything
        #: no construction review either: the desk leaves its panel out (its module needs
        #: OpenCV), commands on changes answer "no_cameras"
        self.construction = None

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def camera_ids(self) -> list[str]:
        return []

    def status(self, camera_id: str):  # noqa: ANN201
        raise KeyError(camera_id)

    def latest(self, camera_id: str) -> None:
        return None

    def ring(self, camera_id: str) -> None:
        return None

    def subscribe(self, listener: Callable[[object], None], *,
                  weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    def events(self) -> list:
        return []

    def settings(self, camera_id: str):  # noqa: ANN201
        raise KeyError(camera_id)

    def set_privacy_masks(self, camera_id: str, polygons) -> None:  # noqa: ANN001
        raise KeyError(f"no camera {camera_id!r}")

    set_shield_zones = set_privacy_masks
    set_facade = set_privacy_masks
    set_construction_zones = set_privacy_masks
    set_ground = set_privacy_masks

    def camera(self, camera_id: str):  # noqa: ANN201
        raise KeyError(camera_id)

    def nearest_camera(self, xyz: tuple[float, float, float]) -> None:
        return None

    def export_evidence(self, event_id: str, out_dir: Path) -> Path:
        raise KeyError(event_id)

