"""``control-room record --broker URL --out FILE [--duration S]``: record live traffic.

Subscribes to ``{prefix}/{site}/#`` (QoS 1, persistent session, MQTT 5 retain-as-published)
and appends every message with its receive time and retained marker to a recording
(format: ``app.recording.format``) until the duration ends or SIGINT/SIGTERM; what is queued
is written before exiting 0. The control room's own traffic (alarm events, work orders, its
status) is not recorded: it is not what the compound said (docs/mqtt.md).
"""

from __future__ import annotations

import argparse
import logging
import threading
import time

from app.cli import UsageError, add_config_options, config_from_args
from app.cli.args import seconds
from app.cli.commands.serve import stop_on_signals
from app.config.site import site_of
from app.recording import RecordingError, RecordingWriter
from app.wire.topics import TopicError, TopicScheme

log = logging.getLogger("control-room.record")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("record", help="record live MQTT traffic to a file",
                            description=__doc__.split("\n\n")[1])
    add_config_options(parser, "config", "broker")
    parser.add_argument("--out", required=True, metavar="FILE", help="recording (appended)")
    parser.add_argument("--duration", type=seconds, metavar="S", help="stop after S seconds")
    parser.add_argument("--site", help="site id in the topics (default: config mqtt.site)")
    parser.add_argument("--client-id", help="MQTT client id (default: <config>-recorder)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.sources.mqtt import MqttSource

    config = config_from_args(args)
    if not config.mqtt.url:
        raise UsageError("record needs a broker: give --broker mqtt://HOST:PORT")
    try:
        scheme = TopicScheme(config.mqtt.prefix, args.site or site_of(config))
    except TopicError as exc:
        raise UsageError(f"--site: {exc}" if args.site else str(exc)) from None
    try:
        writer = RecordingWriter(args.out, root=scheme.root)
    except RecordingError as exc:
        raise UsageError(str(exc)) from None
    lock = threading.Lock()
    own = [0]  # the control room's own messages, left out

    def sink(batch: list) -> None:
        kept = [m for m in batch if not scheme.is_outbound(m[0])]
        with lock:
            own[0] += len(batch) - len(kept)
            writer.write(kept)

    source = MqttSource(config.mqtt, scheme, subscriptions=[f"{scheme.root}/#"], announce=False,
                        client_id=args.client_id or (
                            config.mqtt.client_id_for(scheme.site, config.instance)
                            + "-recorder"),
                        message_factory=lambda m, now: (m.topic, bytes(m.payload), now, m.retain),
                        retain_as_published=True)
    stop = threading.Event()
    with stop_on_signals(stop):
        source.start(sink)
        log.info("recording %s/# from %s to %s", scheme.root, source.address.display, args.out)
        deadline = None if args.duration is None else time.monotonic() + args.duration
        while not stop.wait(0.2):
            if deadline is not None and time.monotonic() >= deadline:
                break
        source.stop()
    writer.close()
    if own[0]:
        log.info("left out %d messages of the control room's own (alarms, orders, status)",
                 own[0])
    log.info("recorded %d messages to %s", writer.frames, args.out)
    return 0
