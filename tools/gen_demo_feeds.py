"""Generate the demo camera feeds, and (``--scene``) the demo's per-camera calibration files.

    python tools/gen_demo_feeds.py [--out DIR] [--scene scenes/demo]

The application generates the feeds itself on first start (lazily, per camera worker);
this script does it ahead of time, and writes scenes/<scene>/cameras/<id>.json for the facade
cameras so the committed facade corners match the feeds (app/vision/demo_feeds.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import paths  # noqa: E402
from app.scene.loader import load_scene  # noqa: E402
from app.vision import demo_feeds  # noqa: E402


def calibration(variant: int) -> dict:
    """Facade corners of the variant, plus a privacy mask over the lowest visible floor's
    first window column (a resident's window at eye height) as the demo's example."""
    facade = demo_feeds.facade_calibration(variant)
    from app.vision.evidence import cell_quad
    from app.vision.facade import parse_facade
    f = parse_facade(facade)
    quad = cell_quad(f, f.lowest_floor, 1)
    return {"facade": facade,
            "privacy_masks": [[[round(float(x), 1), round(float(y), 1)] for x, y in quad]],
            "shield_zones": []}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=paths.user_data_dir() / "demo-feeds")
    ap.add_argument("--scene", type=Path, help="write <scene>/cameras/<id>.json")
    ap.add_argument("--no-feeds", action="store_true", help="only the calibration files")
    args = ap.parse_args(argv)
    scene_dir = args.scene or paths.demo_scene_dir()
    scene = load_scene(scene_dir)
    for index, cam in enumerate(scene.cameras):
        t0 = time.process_time()
        if cam.watches is not None:
            if args.scene:
                out = args.scene / "cameras" / f"{cam.id}.json"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(json.dumps(calibration(index), indent=1) + "\n",
                               encoding="utf-8")
            if not args.no_feeds:
                demo_feeds.facade_clips(index, args.out)
        elif not args.no_feeds:
            demo_feeds.ground_clip(demo_feeds.ground_kind(cam), index % 3, args.out)
        print(f"{cam.id}: {time.process_time() - t0:.1f} s CPU", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
