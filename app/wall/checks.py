"""What a wall file must satisfy beyond its declared types: each problem as one line naming
the key (``monitors[0].presets.day.tiles[2]: overlaps tiles[0]``).

- monitor ids and positions are unique; every monitor defines the same presets, and the
  schedule names only those;
- tiles lie inside their grid and do not overlap; a pinned tile is never reserved for a
  takeover; a camera role sits on a cameras tile, a place role on an overview tile; each
  takeover slot of a preset has one details tile and at most one tile per role;
- ``check_scene``: every camera and device a tile names exists in the scene.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.wall.model import CamerasTile, Layout, OverviewTile, TrendTile, WallFile


def check_wall(wall: WallFile) -> str | None:
    """The first problem found, or None."""
    return next(iter(_problems(wall)), None)


def _problems(wall: WallFile) -> Iterable[str]:
    ids: dict[str, int] = {}
    places: dict[tuple[int, int], int] = {}
    for i, monitor in enumerate(wall.monitors):
        if monitor.id in ids:
            yield f"monitors[{i}].id: {monitor.id!r} is also monitors[{ids[monitor.id]}]"
        ids[monitor.id] = i
        if monitor.position in places:
            yield (f"monitors[{i}].position: {list(monitor.position)} is also "
                   f"monitors[{places[monitor.position]}]'s")
        places[monitor.position] = i
    names = list(wall.monitors[0].presets)
    for i, monitor in enumerate(wall.monitors):
        missing = [n for n in names if n not in monitor.presets]
        extra = [n for n in monitor.presets if n not in names]
        if missing:
            yield f"monitors[{i}].presets: no preset {missing[0]!r} (monitors[0] has it)"
        if extra:
            yield f"monitors[{i}].presets.{extra[0]}: monitors[0] has no such preset"
        for name, layout in monitor.presets.items():
            yield from _layout_problems(f"monitors[{i}].presets.{name}", layout)
    for j, entry in enumerate(wall.schedule):
        if entry.preset not in names:
            yield (f"schedule[{j}].preset: no preset {entry.preset!r}; presets: "
                   f"{', '.join(names)}")
    times = [e.at for e in wall.schedule]
    for j, at in enumerate(times):
        if at in times[:j]:
            yield f"schedule[{j}].at: {at} is listed twice"
    for name in names:
        yield from _slot_problems(wall, name)


def _layout_problems(key: str, layout: Layout) -> Iterable[str]:
    columns, rows = layout.grid
    taken: dict[tuple[int, int], int] = {}
    for t, tile in enumerate(layout.tiles):
        where = f"{key}.tiles[{t}]"
        (col, row), (cols, nrows) = tile.cell, tile.span
        if col + cols > columns or row + nrows > rows:
            yield (f"{where}: cell {list(tile.cell)} span {list(tile.span)} lies outside the "
                   f"grid {list(layout.grid)}")
            continue
        for c in range(col, col + cols):
            for r in range(row, row + nrows):
                if (c, r) in taken:
                    yield f"{where}: overlaps tiles[{taken[(c, r)]}]"
                    break
                taken[(c, r)] = t
            else:
                continue
            break
        if tile.pinned and tile.takeover is not None:
            yield f"{where}.takeover: a pinned tile is never taken over"
        if tile.takeover == "camera" and not isinstance(tile, CamerasTile):
            yield f"{where}.takeover: the camera role needs a cameras tile"
        if tile.takeover == "place" and not isinstance(tile, OverviewTile):
            yield f"{where}.takeover: the place role needs an overview tile"


def _slot_problems(wall: WallFile, preset: str) -> Iterable[str]:
    seen: dict[tuple[int, str], str] = {}
    for i, monitor in enumerate(wall.monitors):
        for t, tile in enumerate(monitor.presets[preset].tiles):
            if tile.takeover is None:
                continue
            key = (tile.slot, tile.takeover)
            here = f"monitors[{i}].presets.{preset}.tiles[{t}]"
            if key in seen:
                yield f"{here}: slot {tile.slot} already has a {tile.takeover} tile ({seen[key]})"
            seen[key] = here
    for slot in sorted({s for s, _ in seen}):
        if (slot, "details") not in seen:
            yield (f"presets.{preset}: takeover slot {slot} has no details tile (the alarm's "
                   "words must be on the wall)")


def check_scene(wall: WallFile, cameras: Iterable[str], devices: Iterable[str]) -> str | None:
    """The first camera or device a tile names that the scene does not have, or None."""
    camera_ids, device_ids = set(cameras), set(devices)
    for i, monitor in enumerate(wall.monitors):
        for name, layout in monitor.presets.items():
            for t, tile in enumerate(layout.tiles):
                where = f"monitors[{i}].presets.{name}.tiles[{t}]"
                if isinstance(tile, CamerasTile):
                    for c, camera in enumerate(tile.cameras):
                        if camera not in camera_ids:
                            return f"{where}.cameras[{c}]: no camera {camera!r} in the scene"
                if isinstance(tile, TrendTile) and tile.device not in device_ids:
                    return f"{where}.device: no device {tile.device!r} in the scene"
    return None
