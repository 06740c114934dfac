"""``control-room scene validate|export|import``: check a scene folder and exchange it with
city platforms as CityJSON (2.0 out; 1.0, 1.1 and 2.0 in). A bad scene or file exits 2 with
its one-line SceneError; an import that skipped objects says which and why on stderr."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from app.cli import UsageError
from app.one_line import one_line
from app.scene.errors import SceneError

#: per-object lines printed by an import; the rest are counted
MAX_LINES = 20


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scene", help="validate a scene folder; CityJSON export/import",
                            description="Check a scene folder, or exchange it with city "
                            "platforms as CityJSON (docs/scene-format.md).")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    check = actions.add_parser("validate", help="load and validate a scene folder")
    check.add_argument("dir", metavar="DIR", help="folder holding scene.json")
    check.set_defaults(func=_validate)
    export = actions.add_parser("export", help="write a scene folder as CityJSON 2.0")
    export.add_argument("dir", metavar="DIR", help="folder holding scene.json")
    export.add_argument("--out", metavar="FILE.city.json", required=True)
    export.set_defaults(func=_export)
    imp = actions.add_parser(
        "import", help="turn a CityJSON 1.0/1.1/2.0 city model into a scene folder",
        description="Import a city model: the control room's own export exactly; other "
        "platforms' buildings and building parts from their best LoD. Objects that cannot "
        "be used are skipped and listed; the CRS is kept, never invented.")
    imp.add_argument("file", metavar="FILE.city.json")
    imp.add_argument("--out", metavar="DIR", required=True, help="folder to write (created)")
    imp.add_argument("--force", action="store_true",
                     help="overwrite the scene already in --out")
    imp.add_argument("--crs", metavar="EPSG:N",
                     help="the CRS of a file that states none (a file's own CRS wins; a "
                     "different one is refused)")
    imp.set_defaults(func=_import)


def _load(folder: str):  # -> Scene, with the reference point checked as well
    from app.scene.georef import reference_problem
    from app.scene.loader import load_scene

    scene = load_scene(Path(folder))
    problem = reference_problem(scene.site)
    if problem:
        raise SceneError(f"{Path(folder) / 'scene.json'}: {problem}")
    return scene


def _validate(args: argparse.Namespace) -> int:
    try:
        scene = _load(args.dir)
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    kinds = Counter(d.kind for d in scene.devices)
    print(f"{args.dir}: ok — {scene.site.name} ({scene.site.site_id}): "
          f"{len(scene.buildings)} buildings, {len(scene.devices)} devices of {len(kinds)} "
          f"kinds, {len(scene.cameras)} cameras, {len(scene.microphones)} microphones, "
          f"{len(scene.technicians)} technicians, {len(scene.walk_nodes)} walk nodes")
    return 0


def _export(args: argparse.Namespace) -> int:
    from app.scene.cityjson import write_cityjson

    try:
        scene = _load(args.dir)
        write_cityjson(scene, args.out)
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write: {exc.strerror}") from None
    print(f"{args.out}: {len(scene.buildings)} buildings, {len(scene.devices)} devices")
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.scene.cityjson import read_city_model
    from app.scene.georef import parse_epsg
    from app.scene.writer import save_scene

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not args.force:
        raise UsageError(f"{out}: already holds files; choose another folder or give --force "
                         "to overwrite the scene in it")
    try:
        crs = parse_epsg(args.crs, "--crs") if args.crs is not None else None
        result = read_city_model(args.file, crs)
        save_scene(result.scene, out)
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{out}: cannot write: {exc.strerror}") from None
    report, scene = result.report, result.scene
    crs_note = report.crs if report.crs != "none" else (
        "none stated (site coordinates are the file's own; declare it with --crs EPSG:N)")
    print(f"{out}: {report.buildings} buildings from {args.file} (CityJSON "
          f"{report.source_version}), {len(report.skipped)} skipped, "
          f"{len(scene.devices)} devices; CRS {crs_note}")
    lines = ["not used: " + ", ".join(f"{n} {kind}" for kind, n in
                                      sorted(report.ignored.items()))] if report.ignored else []
    lines += _grouped("skipped", report.skipped) + _grouped("note", report.notes)
    lines += [f"renamed {old} -> {new} (unsafe characters)" for old, new in
              report.renamed.items()]
    for line in lines[:MAX_LINES]:
        print(f"control-room: {line}", file=sys.stderr)
    if len(lines) > MAX_LINES:
        print(f"control-room: ... and {len(lines) - MAX_LINES} more", file=sys.stderr)
    return 0


def _grouped(label: str, items: tuple[tuple[str, str], ...]) -> list[str]:
    """One line per object, or one per message shared by several objects (a model whose
    160 buildings all lack a floor says so once)."""
    by_message: dict[str, list[str]] = {}
    for oid, message in items:
        by_message.setdefault(message, []).append(oid)
    lines = []
    for message, ids in by_message.items():
        if len(ids) == 1:
            lines.append(f"{label} {one_line(ids[0])}: {message}")
        else:
            shown = ", ".join(map(one_line, ids[:3])) + (", ..." if len(ids) > 3 else "")
            lines.append(f"{label} ({len(ids)} objects: {shown}): {message}")
    return lines

