"""The wall file: which monitors a video wall has, and what each shows in each preset.

A wall file is TOML, declared here once as msgspec Structs with bounds; unknown keys are an
error. ``load_wall_file`` returns a checked ``WallFile`` or raises ``WallFileError`` with one
line naming the file, the key and what is wrong (``wall.toml: monitors[1].size_mm[0]:
expected a number > 0``). Cross-checks msgspec cannot express (tiles inside their grid and
not overlapping, every monitor defining every preset, a details tile in every takeover slot)
live in ``app.wall.checks``; the camera and device names against a scene in ``check_scene``.

Layout: ``[wall]`` (id, name, dwell, text size), ``[takeover]`` (what takes the wall over,
for how long, the flood figure), ``[[schedule]]`` (at HH:MM, preset), ``[[monitors]]``
(id, physical size in mm, position in the wall, viewing distance of the furthest seat, and
``[monitors.presets.NAME]`` with a grid and ``[[monitors.presets.NAME.tiles]]``).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from app.wall.legibility import MIN_ARCMIN

MIN_DWELL_S = 3.0
DEFAULT_DWELL_S = 15.0

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Title = Annotated[str, msgspec.Meta(max_length=80)]
Dwell = Annotated[float, msgspec.Meta(ge=MIN_DWELL_S, le=3600)]
Cell = tuple[Annotated[int, msgspec.Meta(ge=0, le=15)], Annotated[int, msgspec.Meta(ge=0, le=15)]]
Span = tuple[Annotated[int, msgspec.Meta(ge=1, le=16)], Annotated[int, msgspec.Meta(ge=1, le=16)]]
Coord = Annotated[float, msgspec.Meta(ge=-1e5, le=1e5)]
Role = Literal["camera", "place", "details"]
Severity = Literal["low", "medium", "high", "critical"]
SEVERITY_LEVELS: dict[str, int] = {"low": 1, "medium": 2, "high": 3, "critical": 4}
Metric = Literal["devices_online", "open_alarms", "work_orders", "parking", "energy"]


class WallFileError(Exception):
    """A wall file that cannot be used: one line naming the file, the key and the problem."""


class _Spec(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    pass


class WallSettings(_Spec):
    id: Name = "main"
    name: Title = ""
    #: how long each camera of a rotating group stays up, unless the group says otherwise
    dwell_s: Dwell = DEFAULT_DWELL_S
    #: text height at the furthest seat, in minutes of arc (16 is the legibility floor)
    text_arcmin: Annotated[float, msgspec.Meta(ge=MIN_ARCMIN, le=60)] = MIN_ARCMIN
    #: a feed with nothing new for this long is marked stale; twice as long, restarted
    stale_s: Annotated[float, msgspec.Meta(ge=1, le=600)] = 5.0
    #: IANA zone of the schedule (e.g. "Asia/Shanghai"); "" = this computer's local time
    timezone: Annotated[str, msgspec.Meta(max_length=64)] = ""


class TakeoverSettings(_Spec):
    #: alarms of at least this severity take over the reserved tiles
    min_severity: Severity = "high"
    #: give the tiles back after this long even when nobody acknowledged (0 = never)
    hold_s: Annotated[float, msgspec.Meta(ge=0, le=86400)] = 900.0
    #: an alarm flood (ISA-18.2): this many alarms in ``flood_window_s``; it ends when fewer
    #: than half as many remain in the window
    flood_count: Annotated[int, msgspec.Meta(ge=2, le=1000)] = 10
    flood_window_s: Annotated[float, msgspec.Meta(gt=0, le=86400)] = 600.0

    @property
    def min_level(self) -> int:
        return SEVERITY_LEVELS[self.min_severity]


class ScheduleEntry(_Spec):
    at: Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    preset: Name

    @property
    def minute_of_day(self) -> int:
        hours, minutes = self.at.split(":")
        return int(hours) * 60 + int(minutes)


class Viewpoint(_Spec):
    focal: tuple[Coord, Coord, Coord]
    position: tuple[Coord, Coord, Coord]


class TileSpec(_Spec, tag_field="kind", kw_only=True):
    cell: Cell = (0, 0)  # column, row of the top-left cell
    span: Span = (1, 1)  # columns, rows
    title: Title = ""
    #: never rotates and is never taken over
    pinned: bool = False
    #: what an alarm takeover puts here (camera: its nearest camera, place: its spot in 3D,
    #: details: what and where); tiles of one slot serve one alarm at a time
    takeover: Role | None = None
    slot: Annotated[int, msgspec.Meta(ge=1, le=8)] = 1


class OverviewTile(TileSpec, tag="overview"):
    """The compound in 3D, turning slowly, or held at a saved viewpoint."""

    orbit_deg_per_min: Annotated[float, msgspec.Meta(ge=0, le=360)] = 6.0
    viewpoint: Viewpoint | None = None
    #: frames per second at most (software OpenGL draws a big compound slowly)
    refresh_hz: Annotated[float, msgspec.Meta(ge=0.5, le=15)] = 2.0


class CamerasTile(TileSpec, tag="cameras"):
    """One camera, or a group shown in turn (``dwell_s`` each)."""

    cameras: Annotated[list[Name], msgspec.Meta(min_length=1, max_length=64)]
    dwell_s: Dwell | None = None


class AlarmsTile(TileSpec, tag="alarms"):
    """The open alarms, most urgent first, in words as large as the distance asks."""

    min_severity: Severity = "low"


class KpiTile(TileSpec, tag="kpi"):
    metric: Metric


class TrendTile(TileSpec, tag="trend"):
    device: Name
    point: Name
    window_min: Annotated[float, msgspec.Meta(ge=1, le=7 * 24 * 60)] = 60.0


class MapTile(TileSpec, tag="map"):
    """The compound from above with the technicians where they are."""

    technicians: bool = True


AnyTile = OverviewTile | CamerasTile | AlarmsTile | KpiTile | TrendTile | MapTile


class Layout(_Spec):
    grid: Span  # columns, rows
    tiles: Annotated[list[AnyTile], msgspec.Meta(max_length=64)] = []
    title: Title = ""


class Monitor(_Spec):
    id: Name
    #: the picture's physical width and height (a 55" 16:9 panel: 1218 × 685 mm)
    size_mm: tuple[Annotated[float, msgspec.Meta(gt=0, le=20000)],
                   Annotated[float, msgspec.Meta(gt=0, le=20000)]]
    #: column and row of this monitor in the wall (0, 0 = top left)
    position: tuple[Annotated[int, msgspec.Meta(ge=0, le=15)],
                    Annotated[int, msgspec.Meta(ge=0, le=15)]]
    #: distance from the furthest seat that must read it, metres
    far_seat_m: Annotated[float, msgspec.Meta(ge=0.5, le=100)]
    presets: Annotated[dict[Name, Layout], msgspec.Meta(min_length=1)]
    #: the screen (Qt's name, e.g. "HDMI-1") to show it on; "" = by position
    screen: Annotated[str, msgspec.Meta(max_length=64)] = ""


class WallFile(_Spec):
    monitors: Annotated[list[Monitor], msgspec.Meta(min_length=1, max_length=64)]
    wall: WallSettings = WallSettings()
    takeover: TakeoverSettings = TakeoverSettings()
    schedule: Annotated[list[ScheduleEntry], msgspec.Meta(max_length=48)] = []

    @property
    def preset_names(self) -> list[str]:
        """Every preset, in the order the first monitor lists them."""
        return list(self.monitors[0].presets)

    def monitor(self, monitor_id: str) -> Monitor:
        return next(m for m in self.monitors if m.id == monitor_id)

    def slots(self, preset: str) -> list[int]:
        """The takeover slots the preset reserves tiles for, in order."""
        return sorted({t.slot for m in self.monitors for t in m.presets[preset].tiles
                       if t.takeover is not None})


def parse_wall_file(text: str, origin: str = "wall file") -> WallFile:
    """A checked WallFile from TOML text, or WallFileError naming ``origin`` and the key."""
    from app.wall.checks import check_wall

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WallFileError(f"{origin}: not valid TOML: {exc}") from None
    try:
        wall = msgspec.convert(raw, WallFile)
    except msgspec.ValidationError as exc:
        where = _preset_problem(raw) or _located(str(exc))
        raise WallFileError(f"{origin}: {where}") from None
    problem = check_wall(wall)
    if problem:
        raise WallFileError(f"{origin}: {problem}")
    return wall


def load_wall_file(path: str | Path) -> WallFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WallFileError(f"{path}: cannot read: {exc}") from None
    return parse_wall_file(text, str(path))


def _preset_problem(raw: dict) -> str | None:
    """msgspec names a dict key ``[...]``: check each preset alone so the problem names it
    (``monitors[0].presets.day.tiles[1].dwell_s``)."""
    monitors = raw.get("monitors")
    for i, monitor in enumerate(monitors if isinstance(monitors, list) else ()):
        presets = monitor.get("presets") if isinstance(monitor, dict) else None
        for name, layout in (presets.items() if isinstance(presets, dict) else ()):
            try:
                msgspec.convert(layout, Layout)
            except msgspec.ValidationError as exc:
                inner = _located(str(exc))
                key = f"monitors[{i}].presets.{name}"
                if inner.startswith("top level: "):
                    return f"{key}: {inner.removeprefix('top level: ')}"
                return f"{key}.{inner}"
    return None


def _located(message: str) -> str:
    """msgspec's "Expected `int`, got `str` - at `$.monitors[0].size_mm`" as
    "monitors[0].size_mm: expected int, got str"."""
    what, sep, where = message.rpartition(" - at `$")
    if not sep:
        what, where = message, ""
    key = where.rstrip("`").lstrip(".")
    what = what.replace("`", "")
    if what.startswith(("Object contains unknown field", "Object missing required field")):
        field = what.rsplit(" ", 1)[-1]
        problem = "unknown key" if "unknown" in what else "missing"
        return f"{key + '.' if key else ''}{field}: {problem}"
    return f"{key or 'top level'}: {what[:1].lower() + what[1:]}"
