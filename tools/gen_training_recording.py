"""Make the demo compound's training recording: what ``control-room record`` would have
captured from the demo's simulator over a stretch of an evening, generated directly and
deterministically (the simulator under a seed, every message stamped with its simulated
time) instead of waiting through it in real time, then gzip-compressed.

    python tools/gen_training_recording.py                      # the shipped one
    python tools/gen_training_recording.py --minutes 240 --out /tmp/4h.jsonl   # the bench's

The shipped recording is scenes/demo/training/demo-evening.jsonl.gz (the guard's scenario
plays it); ``bench/training.py`` makes its 4-hour one with ``make_recording``.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import paths  # noqa: E402
from app.recording.format import RecordingWriter  # noqa: E402
from app.scene.loader import load_scene  # noqa: E402
from app.scene.model import Scene  # noqa: E402
from app.sources.simulator.compound import CompoundSimulator  # noqa: E402
from app.training.scenario import SimulatorSpec, simulator_start  # noqa: E402
from app.wire.topics import TopicScheme  # noqa: E402

TICK_S = 0.5  # the simulator source's own tick
SHIPPED = ROOT / "scenes" / "demo" / "training" / "demo-evening.jsonl.gz"


def make_recording(out: Path, *, minutes: float, seed: int = 3,
                   start: str = "2025-11-19T20:10:00+08:00", faults: bool = True,
                   warmup_minutes: float = 20.0, scene: Scene | None = None) -> Path:
    """Write a plain recording of ``minutes`` of the demo compound at ``out``, as a
    recorder started ``warmup_minutes`` after the simulator would have captured it: the
    retained births first, then the traffic (the simulator's opening burst of faults,
    there to colour a demo at once, is over by then)."""
    scene = scene or load_scene(paths.demo_scene_dir())
    scheme = TopicScheme("cr", scene.site.site_id)
    t0 = simulator_start(SimulatorSpec(seed=seed, start=start))
    simulator = CompoundSimulator(scene, scheme, seed=seed, faults=faults)
    simulator.birth(t0 - warmup_minutes * 60)
    for n in range(int(warmup_minutes * 60 / TICK_S)):
        simulator.advance(t0 - warmup_minutes * 60 + n * TICK_S)
    out.unlink(missing_ok=True)
    with RecordingWriter(out, root=scheme.root, started_at=t0) as writer:
        born = simulator.birth(t0)  # what the broker holds retained when recording starts
        writer.write((topic, payload, t0, retain) for topic, payload, retain in born)
        steps = int(minutes * 60 / TICK_S)
        for n in range(steps + 1):
            t = t0 + n * TICK_S
            writer.write((topic, payload, t, retain)
                         for topic, payload, retain in simulator.advance(t))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=16.0)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--out", type=Path, default=SHIPPED,
                        help="a .gz name is compressed (default: the shipped recording)")
    args = parser.parse_args()
    plain = args.out.with_suffix("") if args.out.suffix == ".gz" else args.out
    make_recording(plain, minutes=args.minutes, seed=args.seed)
    if args.out.suffix == ".gz":
        with open(plain, "rb") as src, gzip.GzipFile(args.out, "wb", mtime=0) as dst:
            shutil.copyfileobj(src, dst)
        plain.unlink()
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
