"""``control-room serve [--config F] [--broker URL] [--db URL] [--listen H:P]``: the whole
engine headless (ingest, alarms, storage, dispatch, detection), no GUI, serving
consoles, the video wall and integrators over its HTTP/WebSocket API.

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
    parser.add_argument("--listen", metavar="HOST:PORT", default=None,
                        help="where consoles connect (default from [server] listen, "
                        "127.0.0.1:8780; port 0 = any free port; '' = no API)")
    parser.add_argument("--training", metavar="SCENARIO",
                        help="serve a training session (the instructor plays it from a "
                        "console); nothing reaches the real compound")
    parser.add_argument("--trainee", metavar="NAME",
                        help="who trains (with --training; default: whoever acts as trainee)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.runtime.engine import Engine
    from app.scene.errors import SceneError

    if args.stats_every <= 0:
        raise UsageError(f"--stats-every must be positive, not {args.stats_every}")
    session = None
    if args.training:
        from app.training.session import TrainingSession

        session = TrainingSession.build(args.app_config, args.training,
                                        trainee=args.trainee or "")
        engine = session.engine
    else:
        try:
            engine = Engine(args.app_config)
        except SceneError as exc:
            raise UsageError(str(exc)) from None
    stop = threading.Event()
    with stop_on_signals(stop):
        if session is not None:
            session.start(thread=True)  # paused: the instructor plays it
        else:
            engine.start()
        api = _start_api(engine, args)
        log.info("serving: source %s, %d devices; stop with SIGTERM or Ctrl-C",
                 engine.source.name, len(engine.store.devices()))
        while not stop.wait(args.stats_every):
            _log_figures(engine)
        log.info("stopping")
        if api is not None:
            api.stop()
        if session is not None:
            session.stop()  # scored, its result kept
        else:
            engine.stop()
    _log_figures(engine)
    counts = engine.ingest.counts()
    rejects = {k: v for k, v in engine.ingest.ledger.snapshot()[0].items() if v}
    json.dump({**counts, "rejects": rejects}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


def _start_api(engine: object, args: argparse.Namespace):  # noqa: ANN202
    """The API for consoles; when it cannot listen the engine keeps ingesting (logged)."""
    import msgspec

    from app.server.runner import ApiError, ApiServer

    server = engine.config.server  # type: ignore[attr-defined]
    if args.listen is not None:
        server = msgspec.structs.replace(server, listen=args.listen)
    if not server.listen:
        return None
    api = ApiServer(engine, server)  # type: ignore[arg-type]
    try:
        api.start()
    except ApiError as exc:
        log.error("consoles cannot connect: %s (the engine keeps ingesting)", exc)
        return None
    return api


def _log_figures(engine: object) -> None:
    ingest = engine.ingest  # type: ignore[attr-defined]
    counts = ingest.counts()
    rejects = {k: v for k, v in ingest.ledger.snapshot()[0].items() if v}
    status = engine.source.status()  # type: ignore[attr-defined]
    log.info("ingest %.0f msg/s; received %d, accepted %d, rejected %d %s; source %s: %s",
             ingest.rate.rate(engine.clock()),  # type: ignore[attr-defined]
             counts["received"], counts["accepted"],
             counts["rejected"], rejects or "", "up" if status.connected else "DOWN",
             status.detail)
