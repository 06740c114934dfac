"""``control-room simulate --broker URL [--devices N] [--rate R] [--faults] [--malformed P]
[--seed S] [--scene DIR] [--duration S]``: publish a realistic compound to a real broker.

The compound simulator's messages follow the MQTT contract: first every device's retained
birth (meta) and status, then telemetry, events, gate passes … in real time, QoS 1.
``--devices N`` takes the scene's first N devices, or clones devices (ids ``<id>-xK``) when N
exceeds the scene's count. ``--rate R`` targets R messages/s overall: without ``--devices``,
devices are cloned until the simulated traffic reaches R; publishing is paced to at most R
(messages are delayed, never dropped). ``--malformed P`` makes a share P of messages hostile
(every reject reason), ``--faults`` injects equipment faults.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import threading
import time
from collections import deque

import msgspec

from app.cli import UsageError, add_config_options, config_from_args
from app.cli.args import fraction, integer, positive, seconds
from app.cli.commands.serve import stop_on_signals

log = logging.getLogger("control-room.simulate")

TICK_S = 0.05
MAX_DEVICES = 500_000
PROBE_S = 120


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("simulate", help="publish a simulated compound to a real broker",
                            description=__doc__.split("\n\n")[1])
    add_config_options(parser, "config", "broker", "scene")
    parser.add_argument("--devices", type=integer(1, MAX_DEVICES), metavar="N",
                        help=f"number of devices, 1..{MAX_DEVICES}")
    parser.add_argument("--rate", type=positive, metavar="R", help="target messages per second")
    parser.add_argument("--faults", action="store_true", help="inject equipment faults")
    parser.add_argument("--malformed", type=fraction, default=0.0, metavar="P",
                        help="share of hostile messages, 0..1 (default 0)")
    parser.add_argument("--seed", type=integer(0, 2**32 - 1), default=7,
                        help="random seed (default 7)")
    parser.add_argument("--duration", type=seconds, metavar="S", help="stop after S seconds")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app import paths
    from app.ingest.topics import TopicScheme
    from app.scene.errors import SceneError
    from app.scene.loader import load_scene
    from app.sources.mqtt_publisher import MqttPublisher
    from app.sources.simulator.compound import CompoundSimulator

    config = config_from_args(args)
    if not config.mqtt.url:
        raise UsageError("simulate needs a broker: give --broker mqtt://HOST:PORT")
    try:
        scene = load_scene(config.scene.dir or paths.demo_scene_dir())
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    scheme = TopicScheme(config.mqtt.prefix, config.mqtt.site or scene.site.site_id)

    def simulator(sc: object) -> CompoundSimulator:
        return CompoundSimulator(sc, scheme, seed=args.seed, faults=args.faults,
                                 malformed_rate=args.malformed)

    count = args.devices
    if count is None and args.rate is not None:
        natural = _natural_rate(simulator(scene))
        if natural < args.rate:
            count = min(MAX_DEVICES, math.ceil(len(scene.devices) * args.rate / natural))
    if count is not None:
        scene = resize_devices(scene, count)
    sim = simulator(scene)
    client_id = f"{config.mqtt.client_id or 'control-room'}-simulate-{os.getpid()}"
    publisher = MqttPublisher(config.mqtt, client_id)
    publisher.connect()
    stop = threading.Event()
    with stop_on_signals(stop):
        births = sim.birth(time.time())
        for topic, payload, retain in births:
            publisher.publish(topic, payload, retain=retain)
        log.info("published the birth of %d devices to %s; now live%s", len(scene.devices),
                 publisher.address.display, f", paced to {args.rate:g} msg/s" if args.rate else "")
        _publish_live(sim, publisher, stop, args.rate, args.duration)
    complete = publisher.close()
    log.info("published %d messages", publisher.published)
    return 0 if complete else 1


def _publish_live(sim, publisher, stop: threading.Event, rate: float | None,
                  duration: float | None) -> None:
    start = time.monotonic()
    backlog: deque = deque()
    tokens, last = 0.0, start
    next_report = start + 10.0
    sent_at_report = publisher.published
    while not stop.wait(TICK_S):
        now = time.monotonic()
        if duration is not None and now - start >= duration:
            break
        backlog.extend(sim.advance(time.time()))
        if rate is None:
            budget = len(backlog)
        else:  # token bucket: at most `rate` per second, bursts of one tick
            tokens = min(tokens + (now - last) * rate, rate * TICK_S * 2 + 1)
            budget = int(tokens)
            tokens -= min(budget, len(backlog))
        last = now
        for _ in range(min(budget, len(backlog))):
            topic, payload, retain = backlog.popleft()
            publisher.publish(topic, payload, retain=retain)
        if now >= next_report:
            log.info("%.0f msg/s published; %d waiting", (publisher.published - sent_at_report)
                     / 10.0, len(backlog) + publisher.backlog())
            next_report, sent_at_report = now + 10.0, publisher.published


def _natural_rate(sim) -> float:
    """Messages per second the simulator produces for a scene (probe of simulated time)."""
    t0 = time.time()
    sim.birth(t0)
    n = sum(len(sim.advance(t0 + s)) for s in range(1, PROBE_S + 1))
    return max(n / PROBE_S, 1e-3)


def resize_devices(scene, count: int):
    """The scene with exactly ``count`` devices: its first ``count``, or clones of its
    devices (``<id>-xK``, a little apart) after the originals."""
    devices = list(scene.devices)
    if not devices:
        raise UsageError("the scene has no devices to simulate")
    if count <= len(devices):
        return msgspec.structs.replace(scene, devices=tuple(devices[:count]))
    out = list(devices)
    n = len(devices)
    for k in range(count - n):
        base = devices[k % n]
        copy = k // n + 1
        x, y, z = base.location.xyz
        location = msgspec.structs.replace(base.location, xyz=(x + 0.3 * copy, y, z))
        out.append(msgspec.structs.replace(base, id=f"{base.id}-x{copy}",
                                           name=f"{base.name} #{copy}", location=location))
    return msgspec.structs.replace(scene, devices=tuple(out))
