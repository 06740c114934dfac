"""``control-room scene validate|export|import``: check a scene folder and exchange it with
city platforms as CityJSON 2.0. A bad scene or file exits 2 with its one-line SceneError."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from app.cli import UsageError
from app.scene.errors import SceneError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scene", help="validate a scene folder; CityJSON export/import",
                            description="Check a scene folder, or exchange it with city "
                            "platforms as CityJSON 2.0 (docs/scene-format.md).")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    check = actions.add_parser("validate", help="load and validate a scene folder")
    check.add_argument("dir", metavar="DIR", help="folder holding scene.json")
    check.set_defaults(func=_validate)
    export = actions.add_parser("export", help="write a scene folder as CityJSON 2.0")
    export.add_argument("dir", metavar="DIR", help="folder holding scene.json")
    export.add_argument("--out", metavar="FILE.city.json", required=True)
    export.set_defaults(func=_export)
    imp = actions.add_parser("import", help="turn a CityJSON 2.0 file into a scene folder")
    imp.add_argument("file", metavar="FILE.city.json")
    imp.add_argument("--out", metavar="DIR", required=True, help="folder to write (created)")
    imp.set_defaults(func=_import)


def _validate(args: argparse.Namespace) -> int:
    from app.scene.loader import load_scene

    try:
        scene = load_scene(Path(args.dir))
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
    from app.scene.loader import load_scene

    try:
        scene = load_scene(Path(args.dir))
        write_cityjson(scene, args.out)
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write: {exc.strerror}") from None
    print(f"{args.out}: {len(scene.buildings)} buildings, {len(scene.devices)} devices")
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.scene.cityjson import read_cityjson
    from app.scene.writer import save_scene

    try:
        scene = read_cityjson(args.file)
        save_scene(scene, args.out)
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write: {exc.strerror}") from None
    print(f"{args.out}: {len(scene.buildings)} buildings, {len(scene.devices)} devices")
    return 0
