"""``control-room report daily|monthly --db URL --out FILE.pdf|.html``: the operations
report a property manager reads (CONTRACTS), from what the database holds.

``--date YYYY-MM-DD`` picks the day (daily; default yesterday) or any day of the month
(monthly; default last month). The scene (``--scene``, default the demo) names the site,
its lifts and water mains. Meter-hours not yet aggregated for the period are aggregated
first, so a report made from a database the engine filled is complete. A bad argument or
database is one line and exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from app.cli import UsageError, config_from_args


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="daily or monthly operations report (PDF or HTML)")
    parser.add_argument("kind", choices=["daily", "monthly"])
    parser.add_argument("--out", metavar="FILE", required=True,
                        help="where to write it: FILE.pdf or FILE.html")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the day (daily) or a day of the month (monthly); default: "
                             "yesterday / last month")
    parser.add_argument("--db", metavar="URL", help="database URL (SQLAlchemy form)")
    parser.add_argument("--config", metavar="FILE.toml", help="configuration file")
    parser.add_argument("--scene", metavar="DIR", help="scene folder (default: the demo)")
    parser.add_argument("--site", help="site id (default: the scene's)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN",
                        help="report language (default Chinese)")
    parser.add_argument("--no-aggregate", action="store_true",
                        help="report what is aggregated, without aggregating first")
    parser.set_defaults(func=_run)


def _day(args: argparse.Namespace, utc_offset_h: float) -> dt.date:
    if args.date:
        try:
            return dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r} is not a date (YYYY-MM-DD)") from None
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=utc_offset_h))).date()
    if args.kind == "daily":
        return today - dt.timedelta(days=1)
    return today.replace(day=1) - dt.timedelta(days=1)


def _run(args: argparse.Namespace) -> int:
    from app import paths
    from app.operations.config import OperationsConfigError, load_operations_config
    from app.operations.report import gather, period, write_report
    from app.scene.errors import SceneError
    from app.scene.loader import load_scene
    from app.storage import StorageError, open_database

    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise UsageError(f"--out {out}: give a .pdf or .html file name")
    if not out.parent.is_dir():
        raise UsageError(f"--out {out}: folder {out.parent} does not exist")
    config = config_from_args(args)
    scene_dir = Path(config.scene.dir) if config.scene.dir else paths.demo_scene_dir()
    try:
        scene = load_scene(scene_dir)
        operations = load_operations_config(scene_dir)
    except (SceneError, OperationsConfigError) as exc:
        raise UsageError(str(exc)) from None
    day = _day(args, operations.utc_offset_h)
    try:
        engine = open_database(config.database.url)
    except StorageError as exc:
        raise UsageError(str(exc)) from None
    site = args.site or config.mqtt.site or scene.site.site_id  # as the engine names it
    try:
        if not args.no_aggregate:
            _aggregate(engine, scene, operations, site, *period(args.kind, day,
                                                                operations.utc_offset_h))
        data = gather(engine, scene, operations, args.kind, day, site=site)
    finally:
        engine.dispose()
    started = time.process_time()
    try:
        write_report(data, out, args.lang)
    except OSError as exc:
        raise UsageError(f"--out {out}: {exc.strerror or exc}") from None
    print(f"{out} ({time.process_time() - started:.1f} s CPU)", file=sys.stderr)
    return 0


def _aggregate(engine, scene, operations, site: str, start: float, end: float) -> None:  # noqa: ANN001
    """Aggregate the period's meter-hours (idempotent), with the frozen tariff versions."""
    from app.operations.aggregate import aggregate
    from app.operations.metering import metered_points
    from app.operations.tariff_store import freeze
    from app.operations.tariffs import TariffError, load_tariffs

    try:
        book, problems = freeze(engine, site, load_tariffs(utc_offset_h=operations.utc_offset_h))
    except TariffError as exc:
        raise UsageError(str(exc)) from None
    for line in problems:
        print(f"control-room: warning: {line}", file=sys.stderr)
    aggregate(engine, site, metered_points(scene.devices, operations), book, start,
              min(end, time.time()))
