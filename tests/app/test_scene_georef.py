"""The demo's reference point agrees with itself (checked with pyproj directly, not through
the code under test), and a site that disagrees is caught."""

from __future__ import annotations

import msgspec
import pyproj
import pytest

from app import paths
from app.scene import load_scene
from app.scene.cityjson import export_cityjson
from app.scene.georef import reference_problem


def test_demo_origin_in_its_crs_lands_on_its_longitude_latitude() -> None:
    site = load_scene(paths.demo_scene_dir()).site
    to_lonlat = pyproj.Transformer.from_crs(f"EPSG:{site.crs_epsg}", "EPSG:4326",
                                            always_xy=True)
    lon, lat = to_lonlat.transform(*site.origin_crs)
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(lon, lat, site.origin_lon, site.origin_lat)
    assert metres < 0.05
    assert reference_problem(site) is None


def test_demo_export_translate_is_the_stated_place() -> None:
    scene = load_scene(paths.demo_scene_dir())
    doc = export_cityjson(scene)
    epsg = int(doc["metadata"]["referenceSystem"].rsplit("/", 1)[1])
    x, y, _ = doc["transform"]["translate"]
    lon, lat = pyproj.Transformer.from_crs(epsg, 4326, always_xy=True).transform(x, y)
    assert (lon, lat) == pytest.approx((113.9436, 22.5405), abs=1e-6)


def test_the_old_hand_typed_origin_is_caught() -> None:
    site = load_scene(paths.demo_scene_dir()).site
    old = msgspec.structs.replace(site, origin_crs=(494190.0, 2493820.0))
    problem = reference_problem(old)
    assert problem is not None and "lies 167 m from origin_lon/origin_lat" in problem
