"""Zones and changes at their place in the compound: a camera's ground calibration (from
its pose, or from points) takes image zones to site metres for the 3D view and the
evidence package."""

from __future__ import annotations

import numpy as np
import pytest

from app.alarms.book import AlarmBook
from app.domain.model import Camera
from app.vision.camera_types import FrameSnapshot
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


def test_a_rooftop_zone_lies_on_its_roof_at_the_roofs_height(tmp_path, monkeypatch) -> None:
    """A zone drawn round a podium roof (15 m) is drawn on that roof in 3D, not on the
    ground behind the building where the camera's rays through the roof meet z = 0; a
    change on it is placed on the roof too."""
    from app.scene.model import Building

    roof = np.array([[-6.0, 40.0], [6.0, 40.0], [6.0, 50.0], [-6.0, 50.0]])
    podium = Building(id="B09", name="裙楼", use="clubhouse", footprint=tuple(map(tuple, roof)),
                      floors=5)  # 5 × 3 m
    lawn_and_roof = Camera(id="CAM-R", name="R", xyz=(0, 0, 30), yaw_deg=90, pitch_deg=-30,
                           hfov_deg=60.0, vfov_deg=35.0, stream=None)
    mgr = CameraManager([lawn_and_roof], book=AlarmBook(), evidence_dir=tmp_path / "ev",
                        demo_feeds_dir=None, settings_file=tmp_path / "s.json")
    mgr.construction.set_buildings([podium])
    width, height = 640, 360
    first = FrameSnapshot("CAM-R", np.zeros((height, width, 3), np.uint8), 0.0, 1, (),
                          mgr.status("CAM-R"))
    monkeypatch.setattr(mgr, "latest", lambda _cid: first)  # the camera's first frame came
    pinhole = mgr.construction.pinhole("CAM-R")
    roof_px = pinhole.project(np.column_stack([roof, np.full(4, 15.0)]))[0]
    lawn_px = pinhole.project(np.column_stack([SQUARE + [0, 10], np.zeros(4)]))[0]
    mgr.set_construction_zones("CAM-R", parse_zones({"zones": [
        {"id": "roof", "kind": "rooftop", "polygon_px": roof_px.tolist()},
        {"id": "lawn", "kind": "green_space", "polygon_px": lawn_px.tolist()}],
        "min_persist_s": 60}))
    zones = {z.zone_id: z for z in mgr.construction.ground_zones()}
    assert zones["roof"].z == 15.0
    assert np.allclose(np.array(zones["roof"].polygon_xy), roof, atol=0.05)
    assert zones["lawn"].z == 0.0  # the ground's zones stay on the ground
    assert np.allclose(np.array(zones["lawn"].polygon_xy), SQUARE + [0, 10], atol=0.05)
    middle = pinhole.project(np.array([[0.0, 45.0, 15.0]]))[0][0]
    site, site_z = mgr.construction._place("CAM-R", (height, width, 3),
                                           (int(middle[0]) - 10, int(middle[1]) - 20, 20,
                                            20), "rooftop")
    assert site is not None and np.allclose(site, (0.0, 45.0), atol=0.3) and site_z == 15.0
