"""The wall on the real CameraManager: a file camera's frames reach its tile."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QSettings

from app.domain.model import Camera
from app.facade.parts import PartsRoom
from app.scene.model import Scene, Site
from app.vision.cameras import CameraManager
from tests.fixtures.display import x_display  # noqa: F401  (fixture)
from ui.camera_wall import CameraWall

pytestmark = pytest.mark.gui


def test_real_manager_frames_reach_the_tile(qtbot, tmp_path) -> None:
    clip = tmp_path / "gate.mp4"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 10, (160, 96))
    for _ in range(30):
        writer.write(np.full((96, 160, 3), (30, 60, 200), np.uint8))  # BGR: a red picture
    writer.release()
    camera = Camera(id="CAM-X", name="南门车行", xyz=(0.0, 0.0, 3.0), yaw_deg=0.0,
                    pitch_deg=0.0, stream=str(clip))
    scene = Scene(site=Site(name="测试"), cameras=(camera,))
    manager = CameraManager(scene.cameras, book=None, evidence_dir=tmp_path / "ev",
                            demo_feeds_dir=None, settings_file=None, tamper=None)
    manager.start()
    try:
        wall = CameraWall(PartsRoom(scene=scene, cameras=manager), settings=QSettings(
            str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(wall)
        wall.set_layout("1")
        wall.resize(640, 420)
        wall.show()
        qtbot.waitUntil(lambda: wall.tiles[0].frame() is not None, timeout=8000)
        tile = wall.tiles[0]
        qtbot.waitUntil(lambda: tile.status() == "online", timeout=3000)
        r = tile.image_rect()
        c = tile.grab().toImage().pixelColor(int(r.center().x()), int(r.center().y()))
        assert c.red() > 150 and c.blue() < 80  # the BGR frame drawn as RGB
        wall.stop()
    finally:
        manager.stop()
