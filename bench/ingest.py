"""``control-room bench ingest``: MQTT ingest through a local Mosquitto, in one run.

A publisher in another process sends small telemetry messages (QoS 1) as fast as it can;
figures: (a) a null paho subscriber (a callback that only counts) and (b) the engine path
(MqttSource → Ingest → StateStore) on the same broker, and their ratio (target ≥ 0.6);
(c) readings/s when each message carries 50 points (target ≥ 50,000); (d) publish-to-state
latency p50/p99 at a paced 5,000 msg/s (the publish time travels in ``ts``; target p99 <
100 ms); (e) with ``--soak-seconds``, RSS growth over a paced run (target < 50 MB / 10 min).
Rates are counted from the first to the last message the subscriber handled.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing as mp
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from bench.mosquitto import close_broker, start_broker

DEVICES = 1000
SCHEME_ROOT = "cr/bench"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--messages", type=int, help="messages per throughput phase")
    parser.add_argument("--latency-seconds", type=float, help="length of the paced phase")
    parser.add_argument("--soak-seconds", type=float, help="length of the memory soak (0: none)")
    parser.add_argument("--postgres", metavar="URL",
                        help="also measure the batched write rate into this PostgreSQL")


# ---- the publisher (another process) ---------------------------------------------------------
def _publish(port: int, count: int, rate: float | None, points: int, ready: mp.Event) -> None:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-pub-{time.time_ns()}",
                         protocol=mqtt.MQTTv5)
    client.max_inflight_messages_set(2000)
    client.max_queued_messages_set(0)
    client.connect("127.0.0.1", port)
    client.loop_start()
    ready.wait(30)
    names = [f"p{i}" for i in range(points)]
    seqs = [0] * DEVICES
    start = time.perf_counter()
    info = None
    for n in range(count):
        if rate:
            delay = start + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        d = n % DEVICES
        seqs[d] += 1
        values = ",".join(f'"{k}":{(n + i) % 97 * 0.5}' for i, k in enumerate(names))
        payload = f'{{"ts":{time.time() * 1000:.3f},"seq":{seqs[d]},"values":{{{values}}}}}'
        info = client.publish(f"{SCHEME_ROOT}/dev/bench-{d:04d}/telemetry", payload, qos=1)
        if n % 20_000 == 19_999:
            # packet ids wrap at 65,535: never have more than that outstanding
            info.wait_for_publish(120)
    if info is not None:
        info.wait_for_publish(120)
    client.disconnect()
    client.loop_stop()


def _run_publisher(port: int, count: int, *, rate: float | None = None,
                   points: int = 2) -> tuple[mp.Process, mp.Event]:
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    proc = ctx.Process(target=_publish, args=(port, count, rate, points, ready), daemon=True)
    proc.start()
    return proc, ready


class _Meter:
    """First/last arrival and count, with a wait for the expected total."""

    def __init__(self, expected: int) -> None:
        self.expected, self.count = expected, 0
        self.first = self.last = 0.0
        self.done = threading.Event()

    def add(self, n: int) -> None:
        now = time.perf_counter()
        if self.count == 0:
            self.first = now
        self.count += n
        self.last = now
        if self.count >= self.expected:
            self.done.set()

    def rate(self) -> float:
        span = self.last - self.first
        return (self.count - 1) / span if span > 0 and self.count > 1 else 0.0


def _null_subscriber(port: int, count: int) -> float:
    meter = _Meter(count)
    subscribed = threading.Event()
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="bench-null",
                         protocol=mqtt.MQTTv5)
    client.on_message = lambda _c, _u, _m: meter.add(1)
    client.on_subscribe = lambda *_a: subscribed.set()
    client.connect("127.0.0.1", port)
    client.loop_start()
    client.subscribe(f"{SCHEME_ROOT}/dev/+/telemetry", qos=1)
    subscribed.wait(10)
    proc, ready = _run_publisher(port, count)
    ready.set()
    meter.done.wait(300)
    proc.join(60)
    client.disconnect()
    client.loop_stop()
    return meter.rate()


def _engine(port: int, db_url: str):
    """The engine's data path: MQTT source → ingest → state and the storage writer, which
    is also the source's durability barrier (a message is acknowledged once stored)."""
    from app.config import DatabaseConfig, MqttConfig
    from app.domain.model import Device, Location
    from app.ingest.pipeline import Ingest
    from app.ingest.topics import TopicScheme
    from app.sources.mqtt import MqttSource
    from app.state.store import StateStore
    from app.storage import StorageWriter

    scheme = TopicScheme("cr", "bench")
    devices = [Device(f"bench-{d:04d}", "power_meter", f"表 {d}", Location((d, 0, 0)))
               for d in range(DEVICES)]
    store = StateStore(devices)
    ingest = Ingest(store, scheme, max_clock_skew_s=None)
    writer = StorageWriter(db_url, DatabaseConfig(url=db_url))
    writer.start()
    writer.register_devices(devices)
    ingest.subscribe(writer.submit)
    source = MqttSource(MqttConfig(url=f"mqtt://127.0.0.1:{port}",
                                   client_id=f"bench-engine-{time.time_ns()}"), scheme,
                        announce=False)
    source.use_durability_barrier(writer)
    return store, ingest, source, writer


def _engine_phase(port: int, count: int, *, points: int = 2, rate: float | None = None,
                  latencies: list[float] | None = None) -> tuple[float, dict]:
    db = Path(tempfile.mkdtemp(prefix="cr-bench-db-")) / "bench.db"
    _store, ingest, source, writer = _engine(port, f"sqlite:///{db}")
    meter = _Meter(count)

    def listener(events: list) -> None:
        if latencies is not None:
            now_ms = time.time() * 1000
            latencies.extend(now_ms - e.ts * 1000 for e in events)
        meter.add(len(events))

    ingest.subscribe(listener)
    source.start(ingest.handle_batch)
    source.wait_connected(10)
    proc, ready = _run_publisher(port, count, rate=rate, points=points)
    ready.set()
    meter.done.wait(600)
    proc.join(60)
    source.stop()
    writer.stop()
    stats = writer.stats()
    shutil.rmtree(db.parent, ignore_errors=True)
    extra = {"rejected": ingest.ledger.total(), "dropped": source.dropped,
             "stored_rows": stats["written"]}
    return meter.rate(), extra


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: argparse.Namespace) -> dict[str, object]:
    quick = getattr(args, "quick", False)
    count = args.messages or (30_000 if quick else 200_000)
    latency_s = args.latency_seconds or (3.0 if quick else 10.0)
    soak_s = args.soak_seconds if args.soak_seconds is not None else (0.0 if quick else 60.0)
    broker = start_broker(persistence=False, max_queued=10_000_000, max_inflight=1000)
    port = broker.port
    try:
        null_rate = _null_subscriber(port, count)
        engine_rate, extra = _engine_phase(port, count)
        batch_msgs = max(10_000, count // 4)
        batch_rate, _ = _engine_phase(port, batch_msgs, points=50)
        latencies: list[float] = []
        _engine_phase(port, int(5_000 * latency_s), rate=5_000.0, latencies=latencies)
        figures: dict[str, object] = {
            "messages_per_phase": count,
            "null_subscriber_msgs_per_s": round(null_rate),
            "ingest_msgs_per_s": round(engine_rate),
            "ratio_to_null_subscriber": round(engine_rate / null_rate, 3) if null_rate else 0.0,
            "batched_readings_per_s": round(batch_rate * 50),
            "batched_points_per_message": 50,
            "latency_rate_msgs_per_s": 5000,
            "latency_p50_ms": round(_percentile(latencies, 0.50), 2),
            "latency_p99_ms": round(_percentile(latencies, 0.99), 2),
            "engine_rejected_count": extra["rejected"],
            "engine_dropped_count": extra["dropped"],
            "engine_stored_rows": extra["stored_rows"],
        }
        from bench.storage import write_rate
        db = Path(tempfile.mkdtemp(prefix="cr-bench-db-")) / "rate.db"
        figures["sqlite_write_rows_per_s"] = round(write_rate(f"sqlite:///{db}",
                                                              50_000 if quick else 200_000))
        shutil.rmtree(db.parent, ignore_errors=True)
        if args.postgres:
            figures["postgres_write_rows_per_s"] = round(write_rate(
                args.postgres, 50_000 if quick else 200_000))
        if soak_s > 0:
            gc.collect()
            before = _rss_mb()
            _engine_phase(port, int(5_000 * soak_s), rate=5_000.0)
            gc.collect()
            figures["soak_seconds"] = soak_s
            figures["soak_rss_growth_mb"] = round(_rss_mb() - before, 1)
        return figures
    finally:
        close_broker(broker)
