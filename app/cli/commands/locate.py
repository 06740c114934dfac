"""``control-room locate``: acoustic source localisation on recorded arrival times.

Input and output exactly as CONTRACTS: bad files exit 2 with one line; a sound that cannot
be located (fewer than 4 usable arrivals, degenerate layout) exits 1 with one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "locate", help="locate a sound from its arrival times at several microphones",
        description="TDOA multilateration with outlier rejection (echoes, wrong picks). "
        "Prints xyz (site metres), uncertainty_m (RMS radius), used and rejected mics, and "
        "with --scene the nearest building, floor and device.")
    parser.add_argument("--mics", required=True, metavar="MICS.json",
                        help='{"speed_of_sound_mps": 343.0, "mics": [{"id":..,"xyz":[x,y,z]}]}')
    parser.add_argument("--arrivals", required=True, metavar="ARRIVALS.json",
                        help='{"arrivals": [{"mic":..,"ts_ns":..}]}')
    parser.add_argument("--scene", metavar="DIR", help="scene folder, to name the nearest "
                        "building, floor and device")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.dispatch.acoustic import LocateError, locate
    from app.dispatch.locate_io import LocateInputError, read_arrivals, read_mics

    try:
        mics, speed = read_mics(args.mics)
        arrivals = read_arrivals(args.arrivals, mics)
    except LocateInputError as exc:
        raise UsageError(str(exc)) from None
    scene = _load_scene(args.scene) if args.scene else None
    try:
        result = locate(mics, arrivals, speed_of_sound=speed)
    except LocateError as exc:
        print(f"control-room locate: {exc}", file=sys.stderr)
        return 1
    out = result.to_contract()
    if scene is not None:
        from app.dispatch.nearest import nearest

        out["nearest"] = nearest(scene, result.xyz).to_contract()
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        x, y, z = out["xyz"]  # type: ignore[misc]
        line = (f"source at ({x:.2f}, {y:.2f}, {z:.2f}) m ± {result.uncertainty_m:.2f} m; "
                f"used {', '.join(result.used_mics)}")
        if result.rejected_mics:
            line += f"; rejected {', '.join(result.rejected_mics)}"
        if "nearest" in out:
            near = out["nearest"]
            line += (f"; building {near['building']}, floor {near['floor']}, "  # type: ignore[index]
                     f"device {near['device_id']}")  # type: ignore[index]
        print(line)
    return 0


def _load_scene(folder: str):  # noqa: ANN202 - Scene, imported lazily
    from app.scene.errors import SceneError
    from app.scene.loader import load_scene

    try:
        return load_scene(Path(folder))
    except SceneError as exc:
        raise UsageError(str(exc)) from None
