"""Zones of a construction/encroachment camera, in image pixels (CONTRACTS zones file).

``{"zones": [{"id": "lawn-1", "kind": "green_space", "polygon_px": [[x, y], ...],
"name": "中心花园"}], "min_persist_s": 30, "sample_period_s": 2}`` — ``name`` and
``sample_period_s`` are optional additions; both durations are in the stream's own time
(video time for a file, so a time-lapse works). The same object is kept per camera in the
camera settings under ``"construction"``. A bad file names the problem and the key.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import msgspec
import numpy as np

from app.vision.json_file import load_checked

KINDS = ("green_space", "no_build", "fire_lane", "rooftop")
DEFAULT_PERSIST_S = 12 * 3600.0  # a live camera: half a day, longer than a parked car stays


class ZonesError(ValueError):
    """A zones file or entry that cannot be used; the message names the problem."""


class ImageZone(msgspec.Struct, frozen=True):
    id: str
    kind: str
    polygon_px: tuple[tuple[float, float], ...]
    name: str = ""

    def to_json(self) -> dict:
        out: dict = {"id": self.id, "kind": self.kind,
                     "polygon_px": [[round(x, 1), round(y, 1)] for x, y in self.polygon_px]}
        if self.name:
            out["name"] = self.name
        return out


class ZoneSet(msgspec.Struct, frozen=True):
    zones: tuple[ImageZone, ...] = ()
    min_persist_s: float = DEFAULT_PERSIST_S
    sample_period_s: float | None = None  # None: the caller's default

    def by_id(self, zone_id: str) -> ImageZone | None:
        return next((z for z in self.zones if z.id == zone_id), None)

    def to_json(self) -> dict:
        out: dict = {"zones": [z.to_json() for z in self.zones],
                     "min_persist_s": self.min_persist_s}
        if self.sample_period_s is not None:
            out["sample_period_s"] = self.sample_period_s
        return out


def _positive(value: object, what: str) -> float:
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or not math.isfinite(value) or value <= 0):
        raise ZonesError(f"{what!r} must be a positive number of seconds, got {value!r}")
    return float(value)


def _zone(i: int, data: object) -> ImageZone:
    where = f"zones[{i}]"
    if not isinstance(data, dict):
        raise ZonesError(f"{where} must be an object")
    unknown = set(data) - {"id", "kind", "polygon_px", "name"}
    if unknown:
        raise ZonesError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    zid = data.get("id")
    if not isinstance(zid, str) or not zid.strip():
        raise ZonesError(f"{where}: 'id' must be a non-empty string")
    kind = data.get("kind")
    if kind not in KINDS:
        raise ZonesError(f"{where} ({zid}): 'kind' must be one of {', '.join(KINDS)}, "
                         f"got {kind!r}")
    poly = data.get("polygon_px")
    if not isinstance(poly, list) or len(poly) < 3:
        raise ZonesError(f"{where} ({zid}): 'polygon_px' must be at least 3 [x, y] points")
    pts = []
    for p in poly:
        if (not isinstance(p, list | tuple) or len(p) != 2
                or not all(isinstance(c, int | float) and not isinstance(c, bool)
                           and math.isfinite(c) for c in p)):
            raise ZonesError(f"{where} ({zid}): bad point {p!r} in 'polygon_px'")
        pts.append((float(p[0]), float(p[1])))
    if abs(cv2.contourArea(np.array(pts, np.float32))) < 1.0:
        raise ZonesError(f"{where} ({zid}): 'polygon_px' encloses no area")
    name = data.get("name", "")
    if not isinstance(name, str):
        raise ZonesError(f"{where} ({zid}): 'name' must be a string")
    return ImageZone(zid, kind, tuple(pts), name)


def parse_zones(data: object) -> ZoneSet:
    """Validate a decoded zones object."""
    if not isinstance(data, dict):
        raise ZonesError("expected a JSON object with 'zones' and 'min_persist_s'")
    unknown = set(data) - {"zones", "min_persist_s", "sample_period_s"}
    if unknown:
        raise ZonesError(f"unknown key {sorted(unknown)[0]!r}")
    raw = data.get("zones")
    if not isinstance(raw, list):
        raise ZonesError("'zones' must be a list")
    zones = tuple(_zone(i, z) for i, z in enumerate(raw))
    seen: set[str] = set()
    for z in zones:
        if z.id in seen:
            raise ZonesError(f"zone id {z.id!r} is used twice")
        seen.add(z.id)
    if "min_persist_s" not in data:
        raise ZonesError("'min_persist_s' is missing")
    persist = _positive(data["min_persist_s"], "min_persist_s")
    period = data.get("sample_period_s")
    period = None if period is None else _positive(period, "sample_period_s")
    return ZoneSet(zones, persist, period)


def load_zones(path: str | Path) -> ZoneSet:
    """Read and validate a zones file; ZonesError names the file and the problem."""
    return load_checked(path, "zones file", ZonesError, parse_zones)


class BlockZones:
    """Which zone each analysis block belongs to (the zone covering most of it, if at least
    ``min_cover`` of the block), on the grid of ``blocks`` = (rows, cols) of ``block_px``."""

    def __init__(self, zones: ZoneSet, scale: float, blocks: tuple[int, int], block_px: int,
                 min_cover: float = 0.4) -> None:
        rows, cols = blocks
        self.zones = zones
        self.index = np.full((rows, cols), -1, np.int16)  # zone index per block, -1 = none
        self.cover = np.zeros((rows, cols), np.float32)
        h, w = rows * block_px, cols * block_px
        for i, z in enumerate(zones.zones):
            mask = np.zeros((h, w), np.uint8)
            pts = np.round(np.array(z.polygon_px) * scale).astype(np.int32)
            cv2.fillPoly(mask, [pts], 1)
            cover = mask.reshape(rows, block_px, cols, block_px).mean(axis=(1, 3))
            better = (cover >= min_cover) & (cover > self.cover)
            self.index[better] = i
            self.cover = np.maximum(self.cover, np.where(better, cover, 0)).astype(np.float32)
        self.green = self._of_kind("green_space")
        self.roof = self._of_kind("rooftop")
        # blocks right above a rooftop block and in no zone themselves: a roof seen at a
        # grazing angle is a strip a block high, and what is built on it rises above it
        self.above_roof = self.above_roofs(1)

    def above_roofs(self, rows: int) -> np.ndarray:
        """Blocks in no zone up to ``rows`` block rows above a rooftop block."""
        out = np.zeros_like(self.roof)
        for k in range(1, rows + 1):
            out[:-k] |= self.roof[k:] & (self.index[:-k] < 0)
        return out

    def _of_kind(self, kind: str) -> np.ndarray:
        return np.isin(self.index, [i for i, z in enumerate(self.zones.zones) if z.kind == kind])

    @property
    def any(self) -> np.ndarray:
        return self.index >= 0
