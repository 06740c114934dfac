"""Geometry helpers: polygons, floors, facades and the nearest-device search."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Device, Location
from app.scene.geometry import (
    DeviceLocator,
    building_at,
    facade_facing,
    facades,
    floor_at,
    point_in_polygon,
    points_in_polygon,
    self_intersection,
    signed_area,
)
from app.scene.model import Building

L_SHAPE = ((0, 0), (10, 0), (10, 4), (4, 4), (4, 10), (0, 10))
TOWER = Building("B1", "1栋", "residential", ((0, 0), (20, 0), (20, 10), (0, 10)), 30, 3.0,
                 basements=2)
GARAGE = Building("G", "车库", "garage", ((-5, -5), (40, -5), (40, 30), (-5, 30)), 0, 3.6,
                  basements=2)


def test_signed_area_sign_follows_orientation() -> None:
    assert signed_area(L_SHAPE) == pytest.approx(64.0)
    assert signed_area(L_SHAPE[::-1]) == pytest.approx(-64.0)


def test_point_in_concave_polygon() -> None:
    assert point_in_polygon((2, 8), L_SHAPE)
    assert not point_in_polygon((8, 8), L_SHAPE)  # in the notch
    assert list(points_in_polygon([(1, 1), (11, 1), (3, 9)], L_SHAPE)) == [True, False, True]


def test_self_intersection() -> None:
    assert self_intersection(L_SHAPE) is None
    assert self_intersection(((0, 0), (10, 10), (10, 0), (0, 10))) == (0, 2)
    # a spike folding back on its neighbour edge
    assert self_intersection(((0, 0), (10, 0), (5, 0), (5, 5))) is not None


def test_floor_at_counts_chinese_floors() -> None:
    assert floor_at(TOWER, 0.0) == 1
    assert floor_at(TOWER, 2.99) == 1
    assert floor_at(TOWER, 3.0) == 2
    assert floor_at(TOWER, 89.0) == 30
    assert floor_at(TOWER, 90.5) is None
    assert floor_at(TOWER, -0.1) == -1
    assert floor_at(TOWER, -5.9) == -2
    assert floor_at(TOWER, -6.1) is None
    for floor in (-2, -1, 1, 17, 30):
        assert floor_at(TOWER, TOWER.floor_z(floor) + 0.1) == floor


def test_building_at_prefers_the_tower_over_the_garage_below() -> None:
    assert building_at([GARAGE, TOWER], (5, 5)) is TOWER
    assert building_at([GARAGE, TOWER], (5, 5), z=-7.0) is GARAGE
    assert building_at([GARAGE, TOWER], (30, 20)) is GARAGE
    assert building_at([GARAGE, TOWER], (100, 100)) is None


def test_facades_face_outwards() -> None:
    walls = facades(TOWER)
    assert len(walls) == 4
    south = walls[0]
    assert south.normal == pytest.approx((0.0, -1.0))
    assert south.yaw_deg == pytest.approx(90.0)  # look north to see it
    assert south.width_m == 20 and south.height_m == 90
    assert facade_facing(TOWER, (10, -40)) == south
    assert facade_facing(TOWER, (60, 5)).normal == pytest.approx((1.0, 0.0))


def _devices(xyz: np.ndarray) -> list[Device]:
    kinds = ("water_meter", "smoke_detector")
    return [Device(f"d{i}", kinds[i % 2], "", Location(tuple(map(float, p))))
            for i, p in enumerate(xyz)]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 5))
def test_nearest_device_matches_brute_force(seed: int, k: int) -> None:
    rng = np.random.default_rng(seed)
    xyz = rng.uniform(-100, 100, (50, 3))
    query = rng.uniform(-100, 100, 3)
    locator = DeviceLocator(_devices(xyz))
    found = locator.nearest(query, k)
    expected = np.sort(np.linalg.norm(xyz - query, axis=1))[:k]
    assert [d for _, d in found] == pytest.approx(list(expected))
    only = locator.nearest(query, 1, kinds=["smoke_detector"])
    assert only[0][0].kind == "smoke_detector"
    assert locator.nearest(query, 1, kinds=["transformer"]) == []
