"""``control-room bench startup``: the desk's start → first live frame, as a user starts it.

Runs README command 1's program (``control-room``, the embedded default: demo compound,
simulator, demo cameras) ``--runs`` times, each in a fresh process with a fresh settings
folder (no saved layout, as on a new PC) and the user's data folder (the demo feeds
rendered once per install, the database there: a normal start, not the very first). The
figures come from the app's own log line at its first live frame: the process's age (the
interpreter's start included), its CPU time and resident memory at that moment.

Wall-clock start-up depends on what else the machine runs: the load average before each
run is reported beside it. Starts Xvfb itself when DISPLAY is unset.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

from bench.common import ensure_display

FIRST_FRAME = re.compile(
    r"first live frame ([\d.]+) s after start; RSS (\d+) MB; ([\d.]+) s CPU")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=5, help="starts to measure")
    parser.add_argument("--fresh-data", action="store_true",
                        help="a new data folder per run too (a first start: new database)")


def run(args: argparse.Namespace) -> dict[str, object]:
    ensure_display("bench startup")
    runs = []
    for _ in range(1 if args.quick else max(1, args.runs)):
        runs.append(_one(fresh_data=args.fresh_data))
        print(f"  first live frame {runs[-1]['s']:.2f} s, {runs[-1]['cpu_s']:.2f} s CPU, "
              f"RSS {runs[-1]['rss_mb']:.0f} MB (load {runs[-1]['load']:.1f})", file=sys.stderr)
    wall = [r["s"] for r in runs]
    return {
        "runs": len(runs),
        "first_live_frame_s_min": min(wall),
        "first_live_frame_s_median": round(statistics.median(wall), 2),
        "first_live_frame_s_max": max(wall),
        "cpu_at_first_frame_s_median": round(statistics.median(r["cpu_s"] for r in runs), 2),
        "rss_at_first_frame_mb_median": round(statistics.median(r["rss_mb"] for r in runs)),
        "load_average_before_median": round(statistics.median(r["load"] for r in runs), 1),
    }


def _one(*, fresh_data: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"))
        if fresh_data:
            env["CONTROL_ROOM_DATA"] = os.path.join(tmp, "data")
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python keeps its bytecode cache
        load = os.getloadavg()[0]
        proc = subprocess.run([sys.executable, "-m", "ui.cli", "--quit-after", "4"], env=env,
                              capture_output=True, text=True, timeout=180)
    found = FIRST_FRAME.search(proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"the app did not reach its first live frame (exit "
                         f"{proc.returncode}): {proc.stderr[-1500:]}")
    return {"s": float(found[1]), "rss_mb": float(found[2]), "cpu_s": float(found[3]),
            "load": load}
