"""Any damage to a CityJSON document, anywhere in it, ends as a one-line SceneError or an
object skipped with its reason: never a traceback (hypothesis replaces one node of a real
document with any JSON value)."""

from __future__ import annotations

import copy
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.scene import SceneError, load_scene
from app.scene.cityjson import export_cityjson, import_city_model
from tests.app.test_cityjson_support import box_doc, downgrade_to_1_0
from tests.app.test_scene_support import minimal, write_scene

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**15, 10**15)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    scene = load_scene(write_scene(tmp_path_factory.mktemp("s"), minimal()))
    own = msgspec.json.decode(msgspec.json.encode(export_cityjson(scene)))
    foreign = box_doc(attributes={"measuredHeight": 30, "storeysAboveGround": 10})
    foreign["CityObjects"]["annex"] = {**copy.deepcopy(foreign["CityObjects"]["bldg-1"]),
                                       "type": "BuildingPart", "parents": ["bldg-1"]}
    return [own, foreign, downgrade_to_1_0(foreign, epsg=7415)]


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damage_anywhere_is_an_error_line_or_a_skip(documents: list[dict[str, Any]],
                                                    data: st.DataObject) -> None:
    doc = copy.deepcopy(data.draw(st.sampled_from(documents)))
    node: Any = doc
    for _ in range(data.draw(st.integers(1, 7))):  # walk into the document, then break it
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if not isinstance(node[key], dict | list) or data.draw(st.booleans()):
            node[key] = data.draw(JSON)
            break
        node = node[key]
    try:
        result = import_city_model(doc, "x")
    except SceneError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x")
        return
    for oid, why in (*result.report.skipped, *result.report.notes):
        assert "\n" not in why, (oid, why)


def test_an_object_id_with_a_newline_stays_on_one_line(documents: list[dict[str, Any]]) -> None:
    # found by the property above: the id was echoed raw into "nothing to import (…)"
    doc = copy.deepcopy(documents[0])
    doc["CityObjects"] = {"3号楼\n": None}
    with pytest.raises(SceneError) as caught:
        import_city_model(doc, "x")
    assert "\n" not in str(caught.value) and "3号楼\\n" in str(caught.value)


def test_a_vertex_that_overflows_once_transformed_is_an_error_naming_it(
        documents: list[dict[str, Any]]) -> None:
    # found by the property above: finite numbers whose transform overflows to infinity
    # went on into the scene as infinite coordinates
    doc = copy.deepcopy(documents[1])
    doc["transform"]["scale"] = [10.0, 10.0, 10.0]
    doc["vertices"][2] = [1e308, 0, 0]
    with pytest.raises(SceneError) as caught:
        import_city_model(doc, "x")
    assert str(caught.value).startswith("x: vertices[2]: out of range")
