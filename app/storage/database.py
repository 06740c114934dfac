"""Opening the database: URL resolution, SQLite pragmas, schema migration and version check.

``open_database(url)`` is the one way in. It returns a SQLAlchemy ``Engine`` whose schema is
at this program's head revision: a new database is created, an older one is migrated with
Alembic, and a database written by a NEWER program is refused with a one-line
``StorageError`` (an old program must not write into a schema it does not understand).
Every failure a user can cause (bad URL, unreachable server, missing driver) is a
``StorageError`` with one line that names the database, never its password.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from app import paths
from app.storage.migrations import HEAD_REVISION

if TYPE_CHECKING:  # Alembic itself is imported only when a schema has to change
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic chatters at INFO on import and on every open; our own line reports migrations
logging.getLogger("alembic").setLevel(logging.WARNING)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_FILE_NAME = "control-room.db"
#: the site of rows written before sites existed, unless the upgrading program says
DEFAULT_SITE = "demo"
SQLITE_BUSY_TIMEOUT_MS = 5000


class StorageError(Exception):
    """A database the program cannot use; the message is one line for the operator."""


def default_url() -> str:
    return f"sqlite:///{paths.user_data_dir() / DEFAULT_FILE_NAME}"


def parse_url(url: str | None) -> URL:
    """The SQLAlchemy URL for ``url`` (None = SQLite in the user data folder)."""
    text = url or default_url()
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise StorageError(f"not a database URL: {text!r} (expected e.g. "
                           "sqlite:///path/to/file.db or postgresql+psycopg://user@host/db)"
                           ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(f"unsupported database {parsed.get_backend_name()!r} in "
                           f"{_show(parsed)}: use sqlite:/// or postgresql+psycopg://")
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not psycopg2
    return parsed


def _show(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def create_engine(url: str | None, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """An engine with the house settings, without touching the schema."""
    parsed = parse_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, busy_timeout_ms)
        # lock_timeout: a locked table fails the statement (retried by the writer) instead
        # of hanging it forever, the PostgreSQL counterpart of SQLite's busy_timeout
        return sa.create_engine(parsed, pool_pre_ping=True, pool_size=4, max_overflow=4,
                                connect_args={"connect_timeout": 10, "options":
                                              f"-c lock_timeout={int(busy_timeout_ms)}"})
    except NoSuchModuleError:
        raise StorageError(f"no driver for {_show(parsed)}") from None
    except ImportError as exc:
        raise StorageError(f"the driver for {_show(parsed)} is not installed ({exc.name}); "
                           "pip install 'psycopg[binary]'") from None


def _sqlite_engine(parsed: URL, busy_timeout_ms: int) -> Engine:
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StorageError(f"folder {folder} of the database {_show(parsed)} does not exist")
    engine = sa.create_engine(parsed, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        # WAL: readers (GUI queries) never block the writer; NORMAL sync in WAL keeps every
        # committed transaction across a process crash (only power loss can lose the last)
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def alembic_config(connection: sa.Connection | None = None,
                   site: str = DEFAULT_SITE) -> Config:
    """Alembic's Config built in code: works from a checkout and an installed package.
    ``site``: whose rows the ones written before sites existed are (revision 0003)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    config.attributes["site"] = site
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _stamped_revision(engine: Engine) -> str | None:
    """The revision in Alembic's version table, read without Alembic (None: no table)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def migrate(engine: Engine, revision: str = "head", *, site: str = DEFAULT_SITE) -> None:
    """Bring the schema to ``revision``; refuse a database newer than this program.
    ``site`` adopts the rows written before sites existed (see revision 0003)."""
    if revision in ("head", HEAD_REVISION) and _stamped_revision(engine) == HEAD_REVISION:
        return  # the usual start: at the head already, no Alembic to import
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.begin() as conn:
        current = current_revision(conn)
        if current is not None and not _known(script, current):
            raise StorageError(
                f"the database {_show(engine.url)} has schema revision {current!r}, which "
                f"this program does not know (its newest is {script.get_current_head()!r}): "
                "written by a newer control-room? upgrade this one")
        if current == script.get_revision(revision).revision:
            return  # at the revision already: the usual case, no transaction to rebuild
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # rebuilt tables must not cascade deletes: enforcement off, checked below
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                current = current_revision(conn)
                command.upgrade(alembic_config(conn, site), revision)
                after = current_revision(conn)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
                if broken:  # rolls the whole upgrade back
                    raise StorageError(f"migrating {_show(engine.url)} broke {len(broken)} "
                                       f"foreign keys (first: {tuple(broken[0])}); nothing "
                                       "was changed")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    if after != current:
        log.info("database schema migrated from %s to %s", current or "empty", after)


def _known(script: ScriptDirectory, revision: str) -> bool:
    from alembic.script.revision import ResolutionError
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def open_database(url: str | None, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
                  revision: str = "head", site: str = DEFAULT_SITE) -> Engine:
    """Connect, create or migrate the schema to head, and return the engine. ``site``: the
    opener's site, which adopts rows from before sites existed (see ``migrate``)."""
    engine = create_engine(url, busy_timeout_ms=busy_timeout_ms)
    try:
        migrate(engine, revision, site=site)
    except StorageError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"cannot open the database {_show(engine.url)}: "
                           f"{_first_line(exc)}") from None
    return engine


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
