"""Facade calibration (CONTRACTS): four image corners of a facade plus its floor/column grid.

The homography from the image to the facade plane turns a pixel into (column, floor)
coordinates, and with an assumed storey height into metres on the facade, which is what the
falling-object detector needs to fit heights against time instead of pixel rows.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


class FacadeError(ValueError):
    """A facade file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Facade:
    """corners_px: top-left, top-right, bottom-right, bottom-left (image pixels)."""

    corners_px: tuple[tuple[float, float], ...]
    floors: int
    columns: int
    lowest_floor: int = 1
    floor_height_m: float = 3.0  # typical residential storey; only scales metres
    _h: np.ndarray = field(init=False, repr=False, compare=False)
    _inv: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.corners_px) != 4:
            raise FacadeError("corners_px must hold 4 points")
        if self.floors < 1 or self.columns < 1:
            raise FacadeError("floors and columns must be >= 1")
        src = np.asarray(self.corners_px, dtype=np.float32)
        if not np.all(np.isfinite(src)):
            raise FacadeError("corners_px must be finite numbers")
        # Facade units: u in columns from the left edge, v in floors from the bottom edge.
        dst = np.float32([[0, self.floors], [self.columns, self.floors],
                          [self.columns, 0], [0, 0]])
        import cv2  # here, not at import: the GUI starts without OpenCV (optional_parts)

        area = cv2.contourArea(src)
        if abs(area) < 1.0:
            raise FacadeError("corners_px are degenerate (zero area)")
        object.__setattr__(self, "_h", cv2.getPerspectiveTransform(src, dst).astype(np.float64))
        object.__setattr__(self, "_inv", np.linalg.inv(self._h))

    @property
    def homography(self) -> np.ndarray:
        """3x3 image → facade (columns, floors) homography."""
        return self._h.copy()

    def to_facade(self, pts_px: np.ndarray) -> np.ndarray:
        """(N,2) image points → (N,2) facade coordinates in (columns, floors) units."""
        import cv2

        pts = np.asarray(pts_px, dtype=np.float64).reshape(-1, 1, 2)
        return cv2.perspectiveTransform(pts, self._h).reshape(-1, 2)

    def to_image(self, pts_uv: np.ndarray) -> np.ndarray:
        """(N,2) facade coordinates in (columns, floors) units → (N,2) image points."""
        import cv2

        pts = np.asarray(pts_uv, dtype=np.float64).reshape(-1, 1, 2)
        return cv2.perspectiveTransform(pts, self._inv).reshape(-1, 2)

    def height_m(self, pts_px: np.ndarray) -> np.ndarray:
        """Heights (m) above the facade's lower edge of image points on the facade plane."""
        return self.to_facade(pts_px)[:, 1] * self.floor_height_m

    def cell(self, x: float, y: float) -> tuple[int | None, int | None]:
        """(floor, column) of an image point; None for a coordinate outside the facade."""
        u, v = self.to_facade(np.array([[x, y]]))[0]
        col = math.floor(u) + 1 if 0.0 <= u < self.columns else None
        floor = math.floor(v) + self.lowest_floor if 0.0 <= v < self.floors else None
        return floor, col

    def to_json(self) -> dict:
        return {"corners_px": [[round(float(x), 2), round(float(y), 2)]
                               for x, y in self.corners_px],
                "floors": self.floors, "columns": self.columns,
                "lowest_floor": self.lowest_floor}


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FacadeError(f"{what} must be a finite number, got {value!r}")
    return float(value)


def _count(data: dict, key: str, default: int | None = None, minimum: int = 1) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise FacadeError(f"{key!r} must be an integer >= {minimum}, got {value!r}")
    return value


def parse_facade(data: object) -> Facade:
    """Validate a decoded facade JSON object (CONTRACTS format)."""
    if not isinstance(data, dict):
        raise FacadeError("expected a JSON object")
    unknown = set(data) - {"corners_px", "floors", "columns", "lowest_floor", "floor_height_m"}
    if unknown:
        raise FacadeError(f"unknown key {sorted(unknown)[0]!r}")
    corners = data.get("corners_px")
    if not isinstance(corners, list) or len(corners) != 4 or not all(
            isinstance(p, list) and len(p) == 2 for p in corners):
        raise FacadeError("'corners_px' must be 4 [x, y] points (TL, TR, BR, BL)")
    pts = tuple((_number(p[0], "corners_px"), _number(p[1], "corners_px")) for p in corners)
    floor_h = _number(data.get("floor_height_m", 3.0), "floor_height_m")
    if not 2.0 <= floor_h <= 6.0:
        raise FacadeError(f"'floor_height_m' must be within 2..6, got {floor_h}")
    return Facade(pts, _count(data, "floors"), _count(data, "columns"),
                  _count(data, "lowest_floor", 1, minimum=-10), floor_h)


def load_facade(path: str | Path) -> Facade:
    """Read and validate a facade file; FacadeError names the file and the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FacadeError(f"{path}: no such facade file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FacadeError(f"{path}: cannot read facade file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise FacadeError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        return parse_facade(data)
    except FacadeError as exc:
        raise FacadeError(f"{path}: {exc}") from None
