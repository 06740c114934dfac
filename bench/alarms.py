"""``control-room bench alarms``: rule evaluation cost and reading → board latency.

1. Rule evaluation: 10,000 devices with limit, rate, learned and combination rules; readings
   fed through AlarmEngine.handle_events in ingest-sized batches, timed on one thread. The
   figure is the readings/s one core sustains, and the share of a core that 20,000
   readings/s costs.
2. Latency: while background readings flow at ~20,000/s, a breach is injected on one
   device; the time from handing the reading to the engine until its row is in the alarm
   board's model (GUI thread, queued signal) is measured, repeated.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import threading
import time

from app.alarms.engine import AlarmEngine
from app.alarms.rules import LimitRule, RuleSet
from app.domain.model import Device, Location, PointSpec
from app.ingest.events import TelemetryReceived
from app.state.store import StateStore

KINDS = ("transformer", "water_pump", "pipe_pressure", "gas_detector", "elevator")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--devices", type=int, default=10_000)
    parser.add_argument("--readings", type=int, default=400_000)
    parser.add_argument("--latency-samples", type=int, default=40)


def _devices(n: int) -> list[Device]:
    out = []
    for k in range(n):
        kind = KINDS[k % len(KINDS)]
        points = {
            "temp_c": PointSpec(unit="°C", normal=(20.0, 85.0), limits=(0.0, 105.0)),
            "load_pct": PointSpec(unit="%", normal=(0.0, 90.0), limits=(0.0, 120.0)),
        }
        if kind == "water_pump":
            points = {"running": PointSpec(),
                      "outlet_mpa": PointSpec(unit="MPa", normal=(0.2, 0.6),
                                                       limits=(0.1, 0.8))}
        out.append(Device(id=f"D{k:05d}", kind=kind, name=f"设备{k}",  # type: ignore[arg-type]
                          location=Location(xyz=(0.0, 0.0, 0.0), building=f"B{k % 12:02d}"),
                          points=points, report_interval_s=10.0))
    return out


def _readings(devices: list[Device], count: int, t0: float, seed: int = 1):
    rng = random.Random(seed)
    batch: list[TelemetryReceived] = []
    for k in range(count):
        device = devices[k % len(devices)]
        t = t0 + k / 20_000.0
        if device.kind == "water_pump":
            values = {"running": 1.0, "outlet_mpa": 0.35 + rng.gauss(0, 0.02)}
        else:
            # a transformer's temperature moves slowly; its sensor noise is a fraction of a
            # degree (load is the jumpier signal)
            values = {"temp_c": 55.0 + rng.gauss(0, 0.3), "load_pct": 50.0 + rng.gauss(0, 5)}
        batch.append(TelemetryReceived(device.id, t, values, None, t))
        if len(batch) == 500:
            yield batch
            batch = []
    if batch:
        yield batch


def _evaluation(devices: list[Device], count: int) -> dict[str, float]:
    store = StateStore(devices)
    t0 = time.time()
    engine = AlarmEngine(store, clock=lambda: t0)
    batches = list(_readings(devices, count, t0))
    cpu = 0.0
    wall = time.perf_counter()
    for batch in batches:
        for event in batch:  # what ingest does before the alarm engine: not timed
            store.apply_values(event.device_id, event.values, event.ts, event.received_at)
        start = time.process_time()
        engine.handle_events(batch)
        cpu += time.process_time() - start
    wall = time.perf_counter() - wall
    per_s = count / cpu
    return {
        "rule_eval_readings_per_s_one_core": per_s,
        "rule_eval_us_per_reading": 1e6 * cpu / count,
        "cpu_share_of_one_core_at_20k_readings_per_s": 20_000 / per_s,
        "run_wall_s": wall,
        "false_alarms_on_normal_data": float(len(engine.book.open_alarms())),
    }


def _latency(devices: list[Device], samples: int) -> dict[str, float]:
    """Readings (background flow and the breaches) arrive on a worker thread, as from
    ingest; the GUI thread only spins its event loop and notes when each row appears."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the board has no OpenGL
    from PySide6.QtWidgets import QApplication

    from app.alarms.book import AlarmBook
    from app.facade.parts import PartsRoom
    from ui.alarm_board import AlarmBoard
    from ui.alarm_sound import AlarmSounder

    app = QApplication.instance() or QApplication([])
    store = StateStore(devices)
    targets = devices[:samples]
    rules = {d.id: RuleSet(limits=(LimitRule(point="temp_c", h=85.0),)) for d in targets}
    book = AlarmBook()
    engine = AlarmEngine(store, book=book, overrides=rules)
    board = AlarmBoard(PartsRoom(book=book, store=store), sounder=AlarmSounder(enabled=False))
    sent: dict[str, float] = {}
    done = threading.Event()

    def feed(batch: list[TelemetryReceived]) -> None:
        for event in batch:
            store.apply_values(event.device_id, event.values, event.ts, event.received_at)
        engine.handle_events(batch)

    def worker() -> None:
        breaches = iter(targets)
        next_breach = time.perf_counter() + 0.2
        for batch in _readings(devices[samples:], 10**9, time.time()):
            if done.is_set():
                return
            feed(batch)
            if time.perf_counter() >= next_breach:
                target = next(breaches, None)
                if target is None:
                    return
                now = time.time()
                sent[target.id] = time.perf_counter()
                feed([TelemetryReceived(target.id, now, {"temp_c": 95.0}, None, now)])
                next_breach = time.perf_counter() + 0.1
            time.sleep(len(batch) / 20_000)  # ~20,000 readings/s

    thread = threading.Thread(target=worker, name="BenchIngestWorker", daemon=True)
    thread.start()
    seen: dict[str, float] = {}
    deadline = time.perf_counter() + 30 + samples
    while len(seen) < samples and time.perf_counter() < deadline:
        app.processEvents()
        for row in board.model.rows():
            if row.device_id not in seen:
                seen[row.device_id] = time.perf_counter()
        time.sleep(0.0005)
    done.set()
    thread.join()
    latencies = sorted(seen[d] - sent[d] for d in seen if d in sent)
    return {
        "reading_to_board_ms_p50": 1000 * statistics.median(latencies),
        "reading_to_board_ms_p99": 1000 * latencies[min(len(latencies) - 1,
                                                        int(0.99 * len(latencies)))],
        "latency_samples": float(len(latencies)),
    }


def run(args: argparse.Namespace) -> dict[str, float]:
    devices = _devices(args.devices)
    readings = 40_000 if args.quick else args.readings
    figures = {"devices": float(len(devices)), "readings": float(readings)}
    figures |= _evaluation(devices, readings)
    figures |= _latency(devices, 10 if args.quick else args.latency_samples)
    return figures
