"""``control-room bench training``: the training player on a compound of ``--devices``
devices (the demo and clones of its devices) fed by the seeded simulator, as a trainee's
run would be: how fast it plays through ``--minutes`` of scenario time (scenario seconds
and messages per CPU second: the replay speed achievable), then the seek back ``--back``
minutes from the end and forward again to it (CPU seconds; a seek back restores the
newest snapshot before the moment and plays the rest), and the snapshots kept.

Times are CPU time of this process (the machine is shared). ``--quick``: 5,000 devices,
40 minutes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import msgspec

SCENARIO = """id = "bench"
title = "bench"
staff = "engineer"
duration = {seconds}
[source]
simulator = {{ seed = 7, start = "2025-11-20T20:00:00+08:00", faults = true }}
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--devices", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=240.0,
                        help="scenario time played through (default: 4 hours)")
    parser.add_argument("--back", type=float, default=30.0,
                        help="minutes the seek goes back from the end")


def _scene_dir(root: Path, devices: int) -> Path:
    from app import paths
    from app.cli.commands.simulate import resize_devices
    from app.scene.loader import load_scene
    from app.scene.writer import save_scene

    demo = load_scene(paths.demo_scene_dir())
    scene = resize_devices(demo, max(devices, len(demo.devices)))
    scene = msgspec.structs.replace(scene, cameras=())
    folder = root / "scene"
    save_scene(scene, folder)
    return folder


def run(args: argparse.Namespace) -> dict[str, float]:
    from app.config import load_config
    from app.training.session import TrainingSession

    devices, minutes = (5000, 40.0) if args.quick else (args.devices, args.minutes)
    back_s = min(args.back, minutes) * 60
    with tempfile.TemporaryDirectory(prefix="bench-training-") as tmp:
        root = Path(tmp)
        scene_dir = _scene_dir(root, devices)
        scenario = root / "bench.toml"
        scenario.write_text(SCENARIO.format(seconds=round(minutes * 60)), encoding="utf-8")
        replace = msgspec.structs.replace
        config = load_config(None)
        config = replace(config, scene=replace(config.scene, dir=str(scene_dir)),
                         cameras=replace(config.cameras, enabled=False))
        session = TrainingSession.build(config, scenario, trainee="bench", home=root / "home")
        try:
            session.start(thread=False)
            player, ingest = session.player, session.engine.ingest
            cpu, received = time.process_time(), ingest.received
            player.step_to(player.last_step)
            play_cpu = time.process_time() - cpu
            messages = ingest.received - received
            played_s = player.t - player.start
            cpu = time.process_time()
            player.seek_now(played_s - back_s)
            seek_back_cpu = time.process_time() - cpu
            cpu = time.process_time()
            player.seek_now(played_s)
            seek_forward_cpu = time.process_time() - cpu
            return {"devices": float(len(session.engine.scene.devices)),
                    "scenario_minutes": played_s / 60, "messages": float(messages),
                    "play_cpu_s": play_cpu, "speed_x_per_cpu": played_s / play_cpu,
                    "messages_per_cpu_s": messages / play_cpu,
                    "seek_back_minutes": back_s / 60, "seek_back_cpu_s": seek_back_cpu,
                    "seek_forward_again_cpu_s": seek_forward_cpu,
                    "snapshots": float(player.snapshot_count),
                    "snapshots_mb": player.snapshot_bytes() / 1e6}
        finally:
            session.stop(keep_result=False)
