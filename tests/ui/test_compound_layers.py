# ruff: noqa: F811  (pytest fixtures imported from test_compound_fixtures)
"""Layers an operator switches: pipes, devices per kind, cameras (a click names the
camera), parking spaces by occupancy, technicians' positions."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.test_compound_fixtures import (  # noqa: F401  (fixtures)
    PIPE_MID,
    pixel_at,
    pixel_distance,
    scene,
    store,
    view,
    x_display,
    xyz_of,
)
from ui.compound_layers import PARKING_RGB
from widgets.scene_markers import TECH_RGB
from widgets.scene_networks import NETWORK_RGB
from widgets.scene_view import STATUS_RGB

pytestmark = pytest.mark.gui


def test_pipe_layer_toggles_its_pixels(view):
    assert not view.layer_visible("pipes_water")  # off by default
    before = pixel_at(view, PIPE_MID)
    view.set_layer_visible("pipes_water", True)
    on = pixel_at(view, PIPE_MID)
    assert np.abs(on - before).sum() > 60, (before, on)
    assert on[2] > on[0] + 40  # blue water main, seen through the ground
    assert pixel_distance(view, PIPE_MID, NETWORK_RGB["water"], 2) < 150
    view.set_layer_visible("pipes_water", False)
    assert np.abs(pixel_at(view, PIPE_MID) - before).sum() < 15


def test_device_kind_toggle_hides_and_shows_its_dots(view, scene):
    sv = view.scene_view
    mh2 = xyz_of(scene, "mh-2")
    x, y = sv.world_to_display(mh2)
    assert pixel_distance(view, mh2, STATUS_RGB["normal"]) < 45
    view.set_kind_visible("manhole_cover", False)
    assert pixel_distance(view, mh2, STATUS_RGB["normal"]) > 80
    assert sv.pick_at(x, y) is None
    assert pixel_distance(view, xyz_of(scene, "CAM-1"), STATUS_RGB["normal"]) < 45
    view.set_kind_visible("manhole_cover", True)
    assert pixel_distance(view, mh2, STATUS_RGB["normal"]) < 45
    assert sv.pick_at(x, y) == "mh-2"


def test_camera_click_emits_its_id(view, scene, qtbot):
    sv = view.scene_view
    x, y = sv.world_to_display(xyz_of(scene, "CAM-1"))
    target = sv._vtk
    with qtbot.waitSignal(view.sig_camera_picked, timeout=2000) as blocker:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(round(x)), int(round(target.height() - 1 - y))))
    assert blocker.args == ["CAM-1"]
    view.set_layer_visible("cameras", False)  # frustums hidden: no camera pick
    assert sv.pick_camera(x, y) is None


def test_parking_space_coloured_by_occupancy(view, store):
    corner = (5.8, -28.0, -3.5)  # inside the space, clear of the sensor's dot
    assert tuple(view.site.parking.rgb[0]) == PARKING_RGB["free"]
    free = pixel_at(view, corner)
    store.apply_values("ps-1", {"occupied": 1.0}, ts=2.0)
    view.refresh()
    assert tuple(view.site.parking.rgb[0]) == PARKING_RGB["occupied"]
    taken = pixel_at(view, corner)
    assert free[1] > free[2] and taken[2] > taken[1], (free, taken)


def test_technicians_drawn_where_they_are(view):
    here, there = (50.0, 30.0, 0.5), (-50.0, -20.0, 0.5)
    view.set_technician_positions({"T01": here})
    assert pixel_distance(view, here, TECH_RGB, 3) < 60
    view.set_technician_positions({"T01": there})
    assert pixel_distance(view, there, TECH_RGB, 3) < 60
    assert pixel_distance(view, here, TECH_RGB, 3) > 100


def test_a_technicians_route_is_drawn_and_removed(view):
    route = [(40.0, -30.0, 0.0), (40.0, 20.0, 0.0), (-30.0, 20.0, 0.0)]
    midway = (40.0, -5.0, 0.4)  # on the first leg, not at a corner
    assert pixel_distance(view, midway, TECH_RGB, 2) > 100
    view.set_technician_route("T01", route)
    assert pixel_distance(view, midway, TECH_RGB, 3) < 60
    view.set_technician_route("T01", None)
    assert pixel_distance(view, midway, TECH_RGB, 2) > 100
