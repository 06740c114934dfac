"""``control-room bench hostile``: what a hostile or careless client costs the engine.

In process, on the demo compound's ingest (no broker: these are the engine's own costs):
(a) 100,000 births of new devices (once: 100,000 devices, RSS +835 MB, ingest down to
~1.4k msg/s): devices created, devices listed, RSS growth, CPU time per birth; (b) the
demo's telemetry rate (CPU) before and after that flood; (c) 20,000 telemetry messages of
60 kB from unknown devices (once: 246 MB → 1.42 GB): the parked bytes at the end and the RSS
growth. Times are CPU time of this process (``time.process_time``), RSS from /proc.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

from app import paths
from app.ingest.pipeline import Ingest
from app.scene.loader import load_scene
from app.state.store import StateStore
from app.wire.message import RawMessage
from app.wire.topics import TopicScheme

BATCH = 2000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--births", type=int, help="births of new devices (default 100,000)")
    parser.add_argument("--big", type=int, help="60 kB messages of unknown devices (20,000)")


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1e6


def _feed(ingest: Ingest, messages: list[RawMessage]) -> float:
    """CPU seconds to ingest ``messages`` in batches."""
    start = time.process_time()
    for i in range(0, len(messages), BATCH):
        ingest.handle_batch(messages[i:i + BATCH])
    return time.process_time() - start


def _telemetry(scene, n: int, seq0: int) -> list[RawMessage]:
    now = time.time()
    meters = [d.id for d in scene.devices if d.kind == "power_meter"]
    return [RawMessage(f"cr/demo/dev/{meters[k % len(meters)]}/telemetry",
                       b'{"ts":%d,"seq":%d,"values":{"power_kw":1.5}}'
                       % (now * 1000, seq0 + k // len(meters)), now) for k in range(n)]


def run(args: argparse.Namespace) -> dict:
    births = args.births or (5_000 if args.quick else 100_000)
    big = args.big or (1_000 if args.quick else 20_000)
    scene = load_scene(paths.demo_scene_dir())
    store = StateStore(scene.devices)
    ingest = Ingest(store, TopicScheme("cr", "demo"), scene=scene, park_unknown_s=30.0)
    devices_before = len(store.devices())
    rate_before = 20_000 / _feed(ingest, _telemetry(scene, 20_000, 1))

    gc.collect()
    rss0 = _rss_mb()
    now = time.time()
    cpu_births = 0.0
    for i in range(0, births, BATCH):  # built per batch, as a broker would deliver them
        cpu_births += _feed(ingest, [RawMessage(f"cr/demo/dev/ghost-{k:06d}/meta", json.dumps(
            {"kind": "camera", "name": f"ghost {k}",
             "location": {"building": "B01", "floor": 1, "xyz": [-103.0, 66.0, 2.8]},
             "points": {f"p{j}": {"unit": "x"} for j in range(8)}}).encode(), now)
            for k in range(i, min(births, i + BATCH))])
    gc.collect()
    rss_births = _rss_mb() - rss0
    rate_after = 20_000 / _feed(ingest, _telemetry(scene, 20_000, 10_000))

    rss1 = _rss_mb()
    payload = b'{"ts":%d,"values":{"v":1},"pad":"%s"}' % (now * 1000, b"x" * 60_000)
    for i in range(0, big, BATCH):
        ingest.handle_batch([RawMessage(f"cr/demo/dev/unknown-{k % 500}/telemetry", payload,
                                        now) for k in range(i, min(big, i + BATCH))])
    gc.collect()
    counts = ingest.counts()
    return {
        "births": births,
        "devices_created": len(store.devices()) - devices_before,
        "devices_listed_for_operator": len(ingest.ledger.snapshot()[2]),
        "rss_growth_births_mb": round(rss_births, 1),
        "cpu_us_per_birth": round(cpu_births / births * 1e6, 1),
        "telemetry_msgs_per_cpu_s_before": round(rate_before),
        "telemetry_msgs_per_cpu_s_after": round(rate_after),
        "big_messages": big,
        "parked_mb_at_end": round(ingest.parking.bytes / 1e6, 1),
        "parked_messages_at_end": counts["parked"],
        "rss_growth_big_mb": round(_rss_mb() - rss1, 1),
    }
