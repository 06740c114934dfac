"""Per-camera privacy masks, shield zones and facade calibration, and where they are kept.

Two layers, the later winning key by key: the scene's committed ``cameras/<id>.json`` (what
ships with a site, e.g. the demo's facade corners) and the user's edits in one JSON file in
the user data folder. File format, both places::

    {"privacy_masks": [[[x, y], ...], ...],   # image px; filled black at capture
     "shield_zones":  [[[x, y], ...], ...],   # shown, never analysed
     "facade": {CONTRACTS facade} | null,
     "construction": {CONTRACTS zones file} | null,   # construction/encroachment zones
     "ground": {"image_px": [...], "site_xy": [...]} | null}  # ground-plane calibration

The user file holds ``{"cameras": {"<id>": {...}}}``. A bad file or entry is reported in one
log line and ignored: a typo in a mask must never stop the cameras.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.vision.construction.ground import GroundCalibration, GroundError, parse_ground
from app.vision.construction.zones import ZonesError, ZoneSet, parse_zones
from app.vision.facade import Facade, FacadeError, parse_facade

log = logging.getLogger(__name__)

Polygon = tuple[tuple[float, float], ...]


EXTRA_KEYS = ("construction", "ground")


class SettingsError(ValueError):
    """A camera settings entry that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class CameraSettings:
    privacy_masks: tuple[Polygon, ...] = ()
    shield_zones: tuple[Polygon, ...] = ()
    facade: Facade | None = None
    construction: ZoneSet | None = None
    ground: GroundCalibration | None = field(default=None, compare=False)
    ground_points: dict | None = None  # the "ground" entry as stored
    # keys actually present, so a user file can override one key and inherit the others
    present: frozenset[str] = field(default=frozenset(), compare=False)

    def to_json(self) -> dict:
        return {"privacy_masks": [[list(p) for p in poly] for poly in self.privacy_masks],
                "shield_zones": [[list(p) for p in poly] for poly in self.shield_zones],
                "facade": self.facade.to_json() | {"floor_height_m": self.facade.floor_height_m}
                if self.facade is not None else None,
                "construction": self.construction.to_json()
                if self.construction is not None else None,
                "ground": self.ground_points}


def parse_polygons(value: object, what: str) -> tuple[Polygon, ...]:
    """A list of polygons of ≥ 3 finite [x, y] points."""
    if not isinstance(value, list | tuple):
        raise SettingsError(f"{what} must be a list of polygons")
    out = []
    for i, poly in enumerate(value):
        if not isinstance(poly, list | tuple) or len(poly) < 3:
            raise SettingsError(f"{what}[{i}] must be a polygon of at least 3 [x, y] points")
        pts = []
        for p in poly:
            if (not isinstance(p, list | tuple) or len(p) != 2
                    or not all(isinstance(c, int | float) and not isinstance(c, bool)
                               and math.isfinite(c) for c in p)):
                raise SettingsError(f"{what}[{i}] has a bad point {p!r}")
            pts.append((float(p[0]), float(p[1])))
        out.append(tuple(pts))
    return tuple(out)


def parse_settings(data: object) -> CameraSettings:
    if not isinstance(data, dict):
        raise SettingsError("expected a JSON object")
    unknown = set(data) - {"privacy_masks", "shield_zones", "facade", *EXTRA_KEYS}
    if unknown:
        raise SettingsError(f"unknown key {sorted(unknown)[0]!r}")
    masks = parse_polygons(data.get("privacy_masks", []), "privacy_masks")
    shields = parse_polygons(data.get("shield_zones", []), "shield_zones")
    facade = None
    if data.get("facade") is not None:
        try:
            facade = parse_facade(data["facade"])
        except FacadeError as exc:
            raise SettingsError(f"facade: {exc}") from None
    zones = ground = None
    if data.get("construction") is not None:
        try:
            zones = parse_zones(data["construction"])
        except ZonesError as exc:
            raise SettingsError(f"construction: {exc}") from None
    if data.get("ground") is not None:
        try:
            ground = parse_ground(data["ground"])
        except GroundError as exc:
            raise SettingsError(f"ground: {exc}") from None
    return CameraSettings(masks, shields, facade, zones, ground, data.get("ground"),
                          frozenset(data))


def _read_json(path: Path) -> object | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        log.warning("%s: cannot read camera settings (%s); ignored", path, exc)
        return None


def merge(base: CameraSettings, top: CameraSettings) -> CameraSettings:
    out = base
    if "privacy_masks" in top.present:
        out = replace(out, privacy_masks=top.privacy_masks)
    if "shield_zones" in top.present:
        out = replace(out, shield_zones=top.shield_zones)
    if "facade" in top.present:
        out = replace(out, facade=top.facade)
    if "construction" in top.present:
        out = replace(out, construction=top.construction)
    if "ground" in top.present:
        out = replace(out, ground=top.ground, ground_points=top.ground_points)
    return replace(out, present=base.present | top.present)


class SettingsStore:
    """Scene defaults + the user's file; ``set_*`` writes the user's file atomically."""

    def __init__(self, user_file: Path | None, scene_dir: Path | None) -> None:
        self.user_file = user_file
        self.scene_dir = scene_dir
        self._lock = threading.Lock()
        self._user: dict[str, dict] = {}
        if user_file is not None:
            data = _read_json(user_file)
            cams = data.get("cameras") if isinstance(data, dict) else None
            if data is not None and not isinstance(cams, dict):
                log.warning("%s: expected {\"cameras\": {...}}; ignored", user_file)
            self._user = {k: v for k, v in (cams or {}).items() if isinstance(v, dict)}

    def get(self, camera_id: str) -> CameraSettings:
        out = CameraSettings()
        if self.scene_dir is not None:
            path = self.scene_dir / f"{camera_id}.json"
            data = _read_json(path)
            if data is not None:
                try:
                    out = parse_settings(data)
                except SettingsError as exc:
                    log.warning("%s: %s; ignored", path, exc)
        with self._lock:
            raw = self._user.get(camera_id)
        if raw is not None:
            try:
                out = merge(out, parse_settings(raw))
            except SettingsError as exc:
                log.warning("%s: camera %s: %s; ignored", self.user_file, camera_id, exc)
        return out

    def put(self, camera_id: str, key: str, value: object) -> None:
        """Store one key for one camera (already validated by the caller) and persist."""
        with self._lock:
            self._user.setdefault(camera_id, {})[key] = value
            snapshot = json.dumps({"cameras": self._user}, ensure_ascii=False, indent=1)
        if self.user_file is None:
            return
        try:
            self.user_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.user_file.with_suffix(".tmp")
            tmp.write_text(snapshot, encoding="utf-8")
            os.replace(tmp, self.user_file)  # atomic: a crash never leaves half a file
        except OSError as exc:
            log.warning("%s: cannot save camera settings (%s)", self.user_file, exc)
