"""Zones and changes at their place in the compound: a camera's ground calibration (from
its pose, or from points) takes image zones to site metres for the 3D view and the
evidence package."""

from __future__ import annotations

import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.vision.cameras import CameraManager
from app.vision.construction.ground import GroundCalibration, GroundError, Pinhole
from app.vision.construction.zones import parse_zones

PINHOLE = Pinhole((0.0, 0.0, 12.0), 90.0, -35.0, 45.0, 640, 360)  # looking north, down
SQUARE = np.array([[-5.0, 15.0], [5.0, 15.0], [5.0, 25.0], [-5.0, 25.0]])  # lawn, metres


def _image(xy: np.ndarray) -> np.ndarray:
    return PINHOLE.project(np.column_stack([xy, np.zeros(len(xy))]))[0]


def test_pose_calibration_takes_image_points_back_to_the_ground() -> None:
    cal = GroundCalibration.from_pose(PINHOLE)
    assert np.allclose(cal.to_site(_image(SQUARE)), SQUARE, atol=0.01)
    assert cal.horizon_row(640) < _image(SQUARE)[:, 1].min()  # the lawn is below it


def test_a_zone_reaching_above_the_horizon_is_cut_at_it() -> None:
    cal = GroundCalibration.from_pose(PINHOLE)
    tall = [[100.0, 0.0], [540.0, 0.0], [540.0, 350.0], [100.0, 350.0]]  # sky included
    poly = cal.ground_polygon(tall, 640)
    assert len(poly) >= 3 and np.isfinite(poly).all()
    assert poly[:, 1].max() < 500  # far, but on the ground in front, not behind the camera
    assert poly[:, 1].min() > 0


def test_degenerate_points_are_refused() -> None:
    with pytest.raises(GroundError, match="degenerate|≥ 4"):
        GroundCalibration.from_points([[0, 0], [1, 1], [2, 2], [3, 3]],
                                      [[0, 0], [1, 1], [2, 2], [3, 3]])
    with pytest.raises(GroundError, match="≥ 4"):
        GroundCalibration.from_points([[0, 0], [1, 1], [2, 2]], [[0, 0], [1, 1], [2, 2]])


def test_points_calibrated_zone_lands_where_it_was_drawn(tmp_path) -> None:
    cam = Camera(id="CAM-Z", name="Z", xyz=(0, 0, 12), yaw_deg=90, pitch_deg=-35, stream=None)
    mgr = CameraManager([cam], book=AlarmBook(), evidence_dir=tmp_path / "ev",
                        demo_feeds_dir=None, settings_file=tmp_path / "s.json")
    px = _image(SQUARE)
    mgr.set_construction_zones("CAM-Z", parse_zones({"zones": [
        {"id": "lawn", "kind": "green_space", "polygon_px": px.tolist()}],
        "min_persist_s": 60}))
    mgr.set_ground("CAM-Z", px.tolist(), SQUARE.tolist())
    (zone,) = mgr.construction.ground_zones()
    assert (zone.camera_id, zone.zone_id, zone.kind) == ("CAM-Z", "lawn", "green_space")
    assert np.allclose(np.array(zone.polygon_xy), SQUARE, atol=0.05)
    with pytest.raises(GroundError):
        mgr.set_ground("CAM-Z", px[:3].tolist(), SQUARE[:3].tolist())
