"""Facade calibration (CONTRACTS): four image corners of a facade plus its floor/column grid.

The homography from the image to the facade plane turns a pixel into (column, floor)
coordinates, and with an assumed storey height into metres on the facade, which is what the
falling-object detector needs to fit heights against time instead of pixel rows.

The same four corners also say where the camera stands (``Facade.viewpoint``), which is what
turns a point seen on the facade into one in front of it (``Viewpoint.behind``): a thrown
object is let go an arm's length out of a window, and from a camera at the tower's foot it is
seen on the wall higher than it is.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.vision.json_file import load_checked

# A column's width where a facade gives none: a bay about a storey wide. Columns are counted,
# not measured; physics reads sideways metres with it, and the camera's focal length may.
COLUMN_M = 3.5


@dataclass(frozen=True)
class Viewpoint:
    """The camera seen from the facade: the foot of its perpendicular on the facade plane in
    facade units (columns, floors from the lower edge, below 0 for a camera under the
    calibrated storeys), its distance from the plane in metres, and the focal length that
    placed it (pixels; ``from_right_angle``: measured, else from an assumed column width)."""

    u: float
    v: float
    distance_m: float
    focal_px: float
    from_right_angle: bool

    def behind(self, uv: tuple[float, float], depth_m: float) -> tuple[float, float]:
        """Facade point right behind an object seen at ``uv`` on the facade and ``depth_m``
        in front of it. The ray from the camera through the object meets the wall farther
        from the camera's foot, by distance / (distance − depth): an object a metre out,
        20 m above a camera 15 m from the wall, is seen 1.4 m (half a storey) too high."""
        if depth_m <= 0.0 or self.distance_m <= 2.0 * depth_m:
            return float(uv[0]), float(uv[1])
        k = 1.0 - depth_m / self.distance_m
        return self.u + (uv[0] - self.u) * k, self.v + (uv[1] - self.v) * k


def _pose(a: np.ndarray, focal: float, floor_h: float) -> tuple[float, float, float, float]:
    """(u, v, distance, column width) of the camera from the centred facade → image
    homography ``a`` and a focal length: a = λ K [r1·column, r2·storey, t]."""
    m = np.diag([1.0 / focal, 1.0 / focal, 1.0]) @ a
    if m[2, 2] < 0:  # the facade's corner (0, 0) is in front of the camera
        m = -m
    n1, n2 = float(np.linalg.norm(m[:, 0])), float(np.linalg.norm(m[:, 1]))
    lam = n2 / floor_h
    r1, r2 = m[:, 0] / n1, m[:, 1] / n2
    rot = np.stack([r1, r2, np.cross(r1, r2)], axis=1)
    c = -rot.T @ (m[:, 2] / lam)  # camera centre in facade metres (x along, y up, z out)
    col = n1 / lam
    return float(c[0] / col), float(c[1] / floor_h), abs(float(c[2])), col


def _focal_right_angle(a: np.ndarray) -> float | None:
    """Focal length from the facade's right angle: its horizontals and verticals are
    perpendicular in the world, (K⁻¹a₁)·(K⁻¹a₂) = 0. Undetermined when the camera faces
    the facade square (no yaw): the horizontals then stay parallel in the image."""
    den = a[0, 0] * a[0, 1] + a[1, 0] * a[1, 1]
    if den == 0.0:
        return None
    q = -a[2, 0] * a[2, 1] / den
    return 1.0 / math.sqrt(q) if q > 0 else None


def _focal_column(a: np.ndarray, column_m: float, floor_h: float) -> float | None:
    """Focal length that makes a column ``column_m`` wide: |K⁻¹a₁| / column = |K⁻¹a₂| /
    storey. Undetermined for a camera looking square at the facade (no tilt, no yaw)."""
    rho2 = (column_m / floor_h) ** 2
    den = a[0, 0] ** 2 + a[1, 0] ** 2 - rho2 * (a[0, 1] ** 2 + a[1, 1] ** 2)
    if den == 0.0:
        return None
    q = (rho2 * a[2, 1] ** 2 - a[2, 0] ** 2) / den
    return 1.0 / math.sqrt(q) if q > 0 else None


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

    def viewpoint(self, width: int, height: int,
                  column_m: float = COLUMN_M) -> Viewpoint | None:
        """Where the camera stands, from the calibration alone (principal point at the
        image centre, square pixels; lens distortion is ignored). Its focal length comes
        from the facade's right angle when the view is oblique enough for a pixel of error
        in any corner to move it by less than 10 %; otherwise from a column ``column_m``
        wide (a window bay, as ``physics`` assumes). None when neither gives a camera in
        front of the facade with a focal length of 0.2–5 image widths."""
        corners = tuple((float(x), float(y)) for x, y in self.corners_px)
        return _viewpoint(corners, self.floors, self.columns, self.floor_height_m,
                          int(width), int(height), float(column_m))

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


@functools.lru_cache(maxsize=64)
def _viewpoint(corners: tuple, floors: int, columns: int, floor_h: float, width: int,
               height: int, column_m: float) -> Viewpoint | None:
    import cv2

    dst = np.float32([[0, floors], [columns, floors], [columns, 0], [0, 0]])
    shift = np.array([[1.0, 0.0, -width / 2], [0.0, 1.0, -height / 2], [0.0, 0.0, 1.0]])

    def centred(pts: np.ndarray) -> np.ndarray:
        return shift @ cv2.getPerspectiveTransform(dst, pts.astype(np.float32)).astype(
            np.float64)

    src = np.asarray(corners, np.float64)
    a = centred(src)
    focal = _focal_right_angle(a)
    measured = focal is not None
    if measured:
        for i in range(8):  # a pixel of error in one corner coordinate
            p = src.copy()
            p.flat[i] += 1.0
            f1 = _focal_right_angle(centred(p))
            if f1 is None or abs(f1 - focal) > 0.1 * focal:
                measured = False
                break
    if not measured:
        focal = _focal_column(a, column_m, floor_h)
    if focal is None or not 0.2 * width <= focal <= 5.0 * width:
        return None
    u, v, dist, _col = _pose(a, focal, floor_h)
    if not math.isfinite(dist) or dist <= 0.0:
        return None
    return Viewpoint(u, v, dist, focal, measured)


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
    return load_checked(path, "facade file", FacadeError, parse_facade)
