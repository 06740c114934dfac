"""Facade calibration: the homography maps image points to the right floor/column bands,
and a bad facade file is one clear error naming the file."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.vision.facade import Facade, FacadeError, load_facade, parse_facade

# A trapezoid, as an upward-pitched camera sees a facade: narrower at the top.
CORNERS = [[400.0, 50.0], [880.0, 50.0], [1000.0, 650.0], [280.0, 650.0]]


def make(floors=10, columns=4, lowest=3) -> Facade:
    return parse_facade({"corners_px": CORNERS, "floors": floors, "columns": columns,
                         "lowest_floor": lowest})


def test_corners_map_to_the_facade_extremes():
    f = make()
    uv = f.to_facade(np.array(CORNERS))
    np.testing.assert_allclose(uv, [[0, 10], [4, 10], [4, 0], [0, 0]], atol=1e-6)


def test_points_inside_bands_get_their_floor_and_column():
    f = make(floors=10, columns=4, lowest=3)
    inv = np.linalg.inv(f.homography)
    for floor_idx in range(10):
        for col_idx in range(4):
            p = inv @ np.array([col_idx + 0.5, floor_idx + 0.5, 1.0])
            x, y = p[0] / p[2], p[1] / p[2]
            assert f.cell(x, y) == (floor_idx + 3, col_idx + 1)


def test_bottom_band_is_the_lowest_floor_and_outside_is_none():
    f = make(lowest=3)
    assert f.cell(640, 645)[0] == 3  # just above the bottom edge
    assert f.cell(640, 55)[0] == 12  # just below the top edge
    assert f.cell(640, 700) == (None, 1 + int(f.to_facade(np.array([[640, 700]]))[0, 0]))
    assert f.cell(100, 300)[1] is None  # left of the facade


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    (json.dumps({"corners_px": [[0, 0], [1, 0]], "floors": 3, "columns": 2}), "corners_px"),
    (json.dumps({"corners_px": CORNERS, "floors": 0, "columns": 2}), "floors"),
    (json.dumps({"corners_px": CORNERS, "floors": 3, "columns": "2"}), "columns"),
    (json.dumps({"corners_px": CORNERS, "floors": 3, "columns": 2, "flors": 1}), "flors"),
    (json.dumps({"corners_px": [[0, 0], [0, 0], [0, 0], [0, 0]], "floors": 3, "columns": 2}),
     "degenerate"),
])
def test_bad_facade_file_names_file_and_problem(tmp_path, content, message):
    path = tmp_path / "f.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FacadeError) as info:
        load_facade(path)
    text = str(info.value)
    assert str(path) in text and message in text and "\n" not in text


def test_missing_facade_file(tmp_path):
    with pytest.raises(FacadeError, match="no such facade file"):
        load_facade(tmp_path / "absent.json")
