"""``control-room replay FILE --broker URL --speed X [--retain]``: republish a recording.

Sends what devices sent under the recording's own root, with its recorded topic and payload
(QoS 1), keeping the recorded gaps between messages divided by ``--speed`` (``--speed 0``:
as fast as possible). Never sends another site's topics, ``$SYS/…``, or the control room's
own traffic (alarm events, work orders, its status), and never retained unless ``--retain``
(docs/mqtt.md, "Record and replay"). Exits 0 once the broker has acknowledged everything.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading

from app.cli import UsageError, add_config_options, config_from_args
from app.cli.args import non_negative
from app.cli.commands.serve import stop_on_signals
from app.config.site import site_of
from app.recording import RecordingCursor, RecordingError, read_header
from app.recording.selection import ReplaySelection
from app.wire.topics import TopicError, TopicScheme

log = logging.getLogger("control-room.replay")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("replay", help="republish a recording to a broker",
                            description=__doc__.split("\n\n")[1])
    parser.add_argument("file", metavar="FILE", help="a recording made by `record`")
    add_config_options(parser, "config", "broker")
    parser.add_argument("--speed", type=non_negative, default=1.0, metavar="X",
                        help="time scale: 2 = twice as fast, 0 = as fast as possible")
    parser.add_argument("--retain", action="store_true",
                        help="publish what arrived retained (births, statuses) retained again "
                             "(default: nothing is published retained)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.sources.mqtt_publisher import MqttPublisher
    from app.sources.replay import due_batches, replay_clock

    config = config_from_args(args)
    if not config.mqtt.url:
        raise UsageError("replay needs a broker: give --broker mqtt://HOST:PORT")
    try:
        default_root = TopicScheme(config.mqtt.prefix, site_of(config)).root
        selection = ReplaySelection(read_header(args.file), default_root,
                                    keep_retained=args.retain)
    except (RecordingError, TopicError) as exc:
        raise UsageError(str(exc)) from None
    client_id = f"{config.mqtt.client_id or 'control-room'}-replay-{os.getpid()}"
    publisher = MqttPublisher(config.mqtt, client_id)
    publisher.connect()
    stop = threading.Event()
    skipped: list[int] = []
    with stop_on_signals(stop), RecordingCursor(args.file, skipped=skipped) as cursor:
        # the replay source's pacer: the recorded gaps, divided by the speed
        for frames in due_batches(cursor, replay_clock(cursor, args.speed), stop):
            for frame in frames:
                if selection.judge(frame) is None:
                    publisher.publish(frame.topic, frame.payload,
                                      retain=selection.retain(frame))
    complete = publisher.close()
    if skipped:
        log.warning("skipped %d damaged lines (first: line %d)", len(skipped), skipped[0])
    if selection.skipped:
        log.warning("not sent: %s", selection.summary())
    log.info("replayed %d messages from %s to %s/#", publisher.published, args.file,
             selection.scheme.root)
    if not complete:
        log.error("the broker did not acknowledge every message")
        return 1
    return 0
