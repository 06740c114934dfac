"""``control-room serve [--config F] [--broker URL] [--db URL] [--scene DIR]``: the whole
engine headless (ingest, alarms, storage, dispatch, detection), no GUI.

Runs until SIGTERM or SIGINT, then stops cleanly — the source delivers what it has queued,
the engine flushes and joins its threads — and exits 0. Every ``--stats-every`` seconds it
logs messages/s, totals and rejects by reason; at exit it prints one JSON line of totals on
stdout (received, accepted, rejects by reason) for scripts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator

from app.cli import UsageError, add_config_options
from app.cli.args import seconds

log = logging.getLogger("control-room.serve")


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM/SIGINT set ``stop`` (long-running commands then stop cleanly, exit 0)."""

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="run the engine headless until SIGTERM/SIGINT",
                            description=__doc__.split("\n\n")[0].split(": ", 1)[1])
    add_config_options(parser)
    parser.add_argument("--stats-every", type=seconds, default=10.0, metavar="S",
                        help="log ingest figures every S seconds (default 10)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.runtime.engine import Engine
    from app.scene.errors import SceneError

    try:
        engine = Engine(args.app_config)
    except SceneError as exc:
        raise UsageError(str(exc)) from None
    stop = threading.Event()
    with stop_on_signals(stop):
        engine.start()
        log.info("serving: source %s, %d devices; stop with SIGTERM or Ctrl-C",
                 engine.source.name, len(engine.store.devices()))
        while not stop.wait(args.stats_every):
            _log_figures(engine)
        log.info("stopping")
        engine.stop()
    _log_figures(engine)
    counts = engine.ingest.counts()
    rejects = {k: v for k, v in engine.ingest.ledger.snapshot()[0].items() if v}
    json.dump({**counts, "rejects": rejects}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


def _log_figures(engine: object) -> None:
    ingest = engine.ingest  # type: ignore[attr-defined]
    counts = ingest.counts()
    rejects = {k: v for k, v in ingest.ledger.snapshot()[0].items() if v}
    status = engine.source.status()  # type: ignore[attr-defined]
    log.info("ingest %.0f msg/s; received %d, accepted %d, rejected %d %s; source %s: %s",
             ingest.rate.rate(time.time()), counts["received"], counts["accepted"],
             counts["rejected"], rejects or "", "up" if status.connected else "DOWN",
             status.detail)
