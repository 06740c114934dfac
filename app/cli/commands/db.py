"""``control-room db stats|migrate --db URL``: look into and upgrade the database.

``stats --json`` prints one JSON object (CONTRACTS): devices, readings, rejects by reason,
alarms by state, work orders by state — of all sites together, with the same counts per
site under ``"sites"``; ``--site S`` prints one site's alone. A bad URL or an unreachable
database exits 2 with one line. Without ``--db`` the database of the config file (or the
default SQLite file in the user data folder) is used. ``stats`` only reads: a database that
does not exist, or has no control-room schema, is named and refused, never created (a
mistyped path used to leave an empty database behind); ``migrate`` creates and upgrades.

Upgrading a database from before sites gives its rows a site: ``--site``, else the config's
``mqtt.site``, else the site_id of the config's scene, else ``demo`` (what the engine of
that config would use).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import UsageError, config_from_args
from app.config.site import site_of


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="database statistics and migration")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    stats = actions.add_parser("stats", help="counts of devices, readings, rejects, alarms "
                               "and work orders")
    stats.add_argument("--json", action="store_true", help="one JSON object on stdout")
    migrate = actions.add_parser("migrate", help="create or upgrade the schema to this "
                                 "program's version")
    for action in (stats, migrate):
        action.add_argument("--db", metavar="URL", help="database URL (SQLAlchemy form), e.g. "
                            "sqlite:///control-room.db or postgresql+psycopg://user@host/db")
        action.add_argument("--config", metavar="FILE.toml", help="configuration file")
    stats.add_argument("--site", help="count one site (compound) only")
    migrate.add_argument("--site", help="the site that rows from before sites belong to "
                         "(default: the config's, else demo)")
    stats.set_defaults(func=_stats)
    migrate.set_defaults(func=_migrate)


def _open(args: argparse.Namespace):
    from app.storage import StorageError, open_database

    config = config_from_args(args)
    try:
        return open_database(config.database.url, site=args.site or site_of(config))
    except StorageError as exc:
        raise UsageError(str(exc)) from None


def _open_existing(args: argparse.Namespace):
    """The database for reading: never created, never migrated."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.storage import StorageError
    from app.storage.database import create_engine, current_revision, head_revision, parse_url

    config = config_from_args(args)
    try:
        url = parse_url(config.database.url)
        shown = url.render_as_string(hide_password=True)
        file = url.database or ""  # SQLite: a path, "" or :memory: (in memory), file:… (URI)
        if (url.get_backend_name() == "sqlite" and file not in ("", ":memory:")
                and not file.startswith("file:") and not Path(file).expanduser().is_file()):
            raise UsageError(f"{shown}: no such database file (`control-room db migrate "
                             "--db URL` creates one)")
        engine = create_engine(config.database.url)
    except StorageError as exc:
        raise UsageError(str(exc)) from None
    try:
        with engine.connect() as conn:
            revision = current_revision(conn)
    except SQLAlchemyError as exc:
        engine.dispose()
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise UsageError(f"cannot open the database {shown}: "
                         f"{first[0] if first else type(exc).__name__}") from None
    if revision != head_revision():
        engine.dispose()
        if revision is None:
            raise UsageError(f"{shown}: not a control-room database (no schema; `control-room "
                             "db migrate` creates it)")
        raise UsageError(f"{shown}: schema revision {revision!r}, this program reads "
                         f"{head_revision()!r}: run `control-room db migrate` (or upgrade "
                         "control-room)")
    return engine


def _stats(args: argparse.Namespace) -> int:
    from app.storage import counts, counts_by_site

    engine = _open_existing(args)
    try:
        figures = counts(engine, args.site) if args.site else counts_by_site(engine)
    finally:
        engine.dispose()
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    _print(figures)
    for site, per_site in figures.get("sites", {}).items():
        print(f"\nsite {site}")
        _print(per_site, indent="  ")
    return 0


def _print(figures: dict, indent: str = "") -> None:
    for key, value in figures.items():
        if key == "sites":
            continue
        if isinstance(value, dict):
            inner = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
            print(f"{indent}{key:<20} {inner}")
        else:
            print(f"{indent}{key:<20} {value}")


def _migrate(args: argparse.Namespace) -> int:
    from app.storage.database import current_revision

    engine = _open(args)
    try:
        with engine.connect() as conn:
            print(f"schema at revision {current_revision(conn)}")
    finally:
        engine.dispose()
    return 0
