"""Engine overlays → the plain ``(kind, points, label)`` tuples a VideoTile paints, and the
facade floor/column grid drawn from four corners (the calibrator's preview uses it too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from app.vision.facade import Facade, FacadeError

Point = tuple[float, float]
TileOverlay = tuple[str, Sequence[Point], str]
_GRID_LABEL = re.compile(r"^(\d+)F×(\d+)")  # the engine labels a facade "12F×6"


def facade_grid(corners: Sequence[Point], floors: int, columns: int,
                lowest_floor: int = 1) -> list[TileOverlay]:
    """Storey and column lines of a calibrated facade, in image pixels.

    A homography maps straight lines to straight lines, so each grid line is just its two
    end points pushed through the facade → image transform. The line at the foot of each
    storey carries that storey's number. [] for corners that do not make a facade."""
    try:
        facade = Facade(tuple(corners), floors, columns, lowest_floor)
    except FacadeError:
        return []
    inverse = np.linalg.inv(facade.homography)

    def image(u: float, v: float) -> Point:
        x, y, w = inverse @ np.array([u, v, 1.0])
        return (float(x / w), float(y / w))

    lines: list[TileOverlay] = []
    for v in range(floors + 1):
        label = str(v + lowest_floor) if v < floors else ""
        lines.append(("facade", [image(0, v), image(columns, v)], label))
    for u in range(columns + 1):
        lines.append(("facade", [image(u, 0), image(u, floors)], ""))
    return lines


def tile_overlays(overlays: Iterable) -> list[TileOverlay]:
    """CameraManager Overlay structs → tile tuples; a facade outline becomes its grid."""
    out: list[TileOverlay] = []
    for ov in overlays:
        if ov.kind == "facade" and len(ov.points) == 4:
            match = _GRID_LABEL.match(ov.label or "")
            grid = (facade_grid(ov.points, int(match[1]), int(match[2]))
                    if match else [])
            out.extend(grid or [("facade", [*ov.points, ov.points[0]], ov.label)])
        else:
            out.append((ov.kind, ov.points, ov.label))
    return out
