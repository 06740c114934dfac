"""A small in-memory CameraManager with the engine's API, fed synthetic frames, for the
camera-wall, mask-editor and calibrator tests (no tests here)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from app.domain.model import Camera
from app.listeners import Listeners, Subscription
from app.scene.model import Scene, Site
from app.vision.cameras import CameraEvent, CameraStatus, FrameSnapshot

ONLINE = CameraStatus(True, 15.0, 100, 0, 0, None, None)
OFFLINE = CameraStatus(False, 0.0, 100, 0, 1, "timeout", None)
W, H = 320, 180
#: one distinct BGR colour per camera, so a tile's pixels say which camera it shows
COLOURS = [(40, 40, 200), (40, 200, 40), (200, 40, 40), (0, 200, 200), (200, 0, 200),
           (200, 200, 0), (120, 120, 120), (255, 255, 255)]


def camera_frame(index: int, seq: int = 0) -> np.ndarray:
    """A flat frame in the camera's colour with a bright bar that moves with ``seq``."""
    frame = np.empty((H, W, 3), np.uint8)
    frame[:] = COLOURS[index % len(COLOURS)]
    x = (seq * 8) % (W - 10)
    frame[:20, x:x + 10] = 255
    return frame


def demo_scene(n: int = 8) -> Scene:
    cams = tuple(Camera(id=f"CAM-{i + 1:02d}", name=f"{i + 1}栋北立面高空抛物",
                        xyz=(i * 10.0, 0.0, 4.0), yaw_deg=90.0, pitch_deg=30.0)
                 for i in range(n))
    return Scene(site=Site(name="测试小区"), cameras=cams)


class FakeCameraManager:
    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self._ids = [c.id for c in scene.cameras]
        self._snaps: dict[str, FrameSnapshot] = {}
        self._status = {cid: ONLINE for cid in self._ids}
        self._listeners: Listeners[CameraEvent] = Listeners("fake cameras")
        self._events: list[CameraEvent] = []
        self.latest_calls = 0
        self.masks: dict[str, list] = {}
        self.shields: dict[str, list] = {}
        self.facades: dict[str, object] = {}
        self.exports: list[tuple[str, Path]] = []
        for i, cid in enumerate(self._ids):
            self.push(cid, camera_frame(i))

    def push(self, camera_id: str, frame: np.ndarray, overlays: tuple = ()) -> None:
        old = self._snaps.get(camera_id)
        seq = old.seq + 1 if old else 1
        self._snaps[camera_id] = FrameSnapshot(camera_id, frame, float(seq), seq,
                                               tuple(overlays), self._status[camera_id])

    def set_online(self, camera_id: str, online: bool) -> None:
        self._status[camera_id] = ONLINE if online else OFFLINE

    def emit_from_thread(self, event: CameraEvent) -> None:
        """Deliver an event the way a camera worker does: on another thread."""
        self._events.append(event)
        worker = threading.Thread(target=lambda: self._listeners.emit(event))
        worker.start()
        worker.join()

    # ---- the CameraManager API ------------------------------------------------------------
    def camera_ids(self) -> list[str]:
        return list(self._ids)

    def latest(self, camera_id: str) -> FrameSnapshot | None:
        self.latest_calls += 1
        return self._snaps.get(camera_id)

    def status(self, camera_id: str) -> CameraStatus:
        return self._status[camera_id]

    def subscribe(self, listener: Callable[[CameraEvent], None], *,
                  weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    def events(self) -> list[CameraEvent]:
        return list(self._events)

    def set_privacy_masks(self, camera_id: str, polygons) -> None:
        self.masks[camera_id] = [[tuple(pt) for pt in p] for p in polygons]

    def set_shield_zones(self, camera_id: str, polygons) -> None:
        self.shields[camera_id] = [[tuple(pt) for pt in p] for p in polygons]

    def set_facade(self, camera_id: str, facade) -> None:
        self.facades[camera_id] = facade

    def nearest_camera(self, xyz) -> str | None:
        return self._ids[0] if self._ids else None

    def export_evidence(self, event_id: str, out_dir: Path) -> Path:
        out = Path(out_dir) / f"evidence-{event_id}.zip"
        out.write_bytes(b"PK")
        self.exports.append((event_id, Path(out_dir)))
        return out


def camera_room(manager: FakeCameraManager, scene: Scene):  # noqa: ANN201
    """A ControlRoom whose cameras are ``manager`` (the demo session: may edit and export)."""
    from app.facade.parts import PartsRoom

    return PartsRoom(scene=scene, cameras=manager)


def drop_camera(widget, camera_id: str) -> bool:
    """A real drag-enter then drop carrying ``camera_id`` onto the widget's centre (Qt
    ignores a drop on a widget that did not accept the drag's enter, as in a real drag)."""
    import warnings

    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from widgets.video_tile import camera_mime

    pos = QPoint(widget.width() // 2, widget.height() // 2)
    mime = camera_mime(camera_id)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the QPoint constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.sendEvent(widget, QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime,
                                                       buttons, mods))
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def write_clip(path: Path, frames: int = 12, fps: float = 25.0) -> Path:
    """A short mp4 whose frames differ (a grey ramp with a moving white square)."""
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (W, H))
    for i in range(frames):
        frame = np.full((H, W, 3), 30 + i * 15, np.uint8)
        frame[60:90, 20 + i * 20:50 + i * 20] = 255
        writer.write(frame)
    writer.release()
    return path
