"""``control-room bench seats``: one server, many consoles.

A real ``control-room serve`` on a real Mosquitto, with a compound of ``--devices`` devices
(10,000 by default: the demo and clones of its devices) and a publisher process sending
``--rate`` telemetry changes a second (1,000), round robin over the devices. Consoles are RemoteControlRooms: one measures in this process, the others run in a
second process so they do not share its interpreter. Figures:
- state change on the server → the console's model: p50 / p99 ms (the server's ``seen_at``
  of the reading against the moment the console applied it; one machine, one clock;
  target p99 < 250 ms);
- bytes per second per console;
- server CPU (% of one core) with no console, and with all consoles attached.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ADMIN = ("bench", "Bench!pass1")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--devices", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=1000.0, help="changes per second")
    parser.add_argument("--consoles", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0, help="measuring time")


def _cpu_s(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_percent(pid: int, seconds: float) -> float:
    before, t0 = _cpu_s(pid), time.monotonic()
    time.sleep(seconds)
    return 100.0 * (_cpu_s(pid) - before) / (time.monotonic() - t0)


def _idle_consoles(url: str, count: int, seconds: float, ready: mp.Event) -> None:
    """Consoles that only follow the stream (in their own process)."""
    from app.client.remote import RemoteControlRoom

    rooms = [RemoteControlRoom.sign_in(url, *ADMIN, console=f"bench-{i}") for i in
             range(count)]
    ready.set()
    time.sleep(seconds)
    for room in rooms:
        room.close()


def _publish(port: int, points: list[tuple[str, str, float]], rate: float,
             stop: mp.Event) -> None:
    """Paced telemetry, one point of one device a message (another process)."""
    import json
    import random

    import paho.mqtt.client as mqtt
    from paho.mqtt.enums import CallbackAPIVersion

    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-seats-{os.getpid()}")
    client.max_inflight_messages_set(1000)
    client.connect("127.0.0.1", port)
    client.loop_start()
    seqs = [0] * len(points)
    start, n = time.perf_counter(), 0
    while not stop.is_set():
        delay = start + n / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        k = n % len(points)
        device_id, point, value = points[k]
        seqs[k] += 1
        body = {"ts": int(time.time() * 1000), "seq": seqs[k],
                "values": {point: round(value * random.uniform(0.95, 1.05), 2)}}
        client.publish(f"cr/demo/dev/{device_id}/telemetry", json.dumps(body), qos=0)
        n += 1
    client.loop_stop()


def _points(scene_dir: Path) -> list[tuple[str, str, float]]:
    """(device, a point with a normal band, a value inside it) for every device that has
    one."""
    from app.scene.loader import load_scene

    out = []
    for device in load_scene(scene_dir).devices:
        for name, spec in device.points.items():
            if spec.normal is not None:
                out.append((device.id, name, (spec.normal[0] + spec.normal[1]) / 2))
                break
    return out


def _scene_dir(root: Path, devices: int) -> Path:
    import msgspec

    from app import paths
    from app.cli.commands.simulate import resize_devices
    from app.scene.loader import load_scene
    from app.scene.writer import save_scene

    demo = load_scene(paths.demo_scene_dir())
    # clones are added; the demo's own devices all stay (the scene refers to them)
    scene = resize_devices(demo, max(devices, len(demo.devices)))
    scene = msgspec.structs.replace(scene, cameras=())
    folder = root / "scene"
    save_scene(scene, folder)
    return folder


def run(args: argparse.Namespace) -> dict[str, object]:
    from bench.control_server import ControlRoomServer
    from bench.mosquitto import close_broker, start_broker

    if getattr(args, "quick", False):
        args.devices, args.seconds, args.consoles = 5000, 5.0, 2
    root = Path(tempfile.mkdtemp(prefix="cr-bench-seats-"))
    broker = start_broker(persistence=False)
    server = ControlRoomServer(root / "server", broker=broker.url,
                               extra=("--scene", str(_scene_dir(root, args.devices))))
    server.env["CONTROL_ROOM__CAMERAS__ENABLED"] = "false"
    stop = mp.get_context("spawn").Event()
    publisher = mp.get_context("spawn").Process(
        target=_publish, args=(broker.port, _points(root / "scene"), args.rate, stop))
    try:
        server.add_user(*ADMIN, "supervisor")
        server.start()
        publisher.start()
        time.sleep(5.0)  # the stream steady
        cpu_alone = _cpu_percent(server.proc.pid, min(10.0, args.seconds / 2))
        figures = _measure(server, args)
        figures["server_cpu_no_console_pct"] = round(cpu_alone, 1)
        figures.update(devices=args.devices, changes_per_s=args.rate,
                       consoles=args.consoles)
        return figures
    finally:
        stop.set()
        publisher.join(timeout=30)
        server.stop()
        close_broker(broker)
        shutil.rmtree(root, ignore_errors=True)


def _measure(server, args: argparse.Namespace) -> dict[str, object]:  # noqa: ANN001
    from app.client.remote import RemoteControlRoom

    ready = mp.get_context("spawn").Event()
    others = mp.get_context("spawn").Process(
        target=_idle_consoles, args=(server.url, args.consoles - 1, args.seconds + 20, ready))
    others.start()
    ready.wait(120)
    room = RemoteControlRoom.sign_in(server.url, *ADMIN, console="bench-measure")
    latencies: list[float] = []
    apply_states = room._apply_states

    def timed(states):  # noqa: ANN001, ANN202 - the console applying a frame's states
        now = time.time()
        latencies.extend(now - s.seen_at for s in states if s.seen_at is not None)
        apply_states(states)

    room._apply_states = timed  # type: ignore[method-assign]
    time.sleep(2.0)
    latencies.clear()
    received = room.bytes_received
    cpu = _cpu_percent(server.proc.pid, args.seconds)
    per_s = (room.bytes_received - received) / args.seconds
    room.close()
    others.join(timeout=60)
    ms = sorted(1000.0 * x for x in latencies)
    if not ms:
        return {"error": "no state reached the console"}
    return {
        "state_to_console_p50_ms": round(statistics.median(ms), 1),
        "state_to_console_p99_ms": round(ms[int(0.99 * (len(ms) - 1))], 1),
        "states_measured": len(ms),
        "bytes_per_s_per_console": round(per_s),
        "server_cpu_with_consoles_pct": round(cpu, 1),
        "python": sys.version.split()[0],
    }
