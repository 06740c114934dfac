"""Tariff versions frozen in the database: a version, once stored (it is stored before any
cost is computed with it), can never change. A tariff file whose version differs from the
stored one of the same id is refused for that version — the stored one keeps pricing — and
the problem is reported in one line: a change of price is a new version with a later
``valid_from``, so yesterday's costs stay what they were.
"""

from __future__ import annotations

import hashlib
import logging
import time

import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from app.operations.tariffs import Tariff, TariffBook, TariffVersion
from app.storage.models_operations import TariffVersionRow

log = logging.getLogger(__name__)

_table = TariffVersionRow.__table__


def digest(version: TariffVersion) -> str:
    return hashlib.sha256(msgspec.json.encode(version)).hexdigest()


def freeze(engine: Engine, site: str, book: TariffBook) -> tuple[TariffBook, list[str]]:
    """Store versions not seen before; return the book as stored (stored versions win) and
    a line per version whose file content differs from what costs were computed with."""
    problems: list[str] = []
    insert = (postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert)(
        _table).on_conflict_do_nothing()
    tariffs: list[Tariff] = []
    with engine.begin() as conn:
        stored = {(r.tariff_id, r.version_id): r for r in conn.execute(
            sa.select(_table).where(_table.c.site == site)).all()}
        for tariff in book.tariffs.values():
            versions = []
            for version in tariff.versions:
                row = stored.get((tariff.id, version.id))
                if row is None:
                    conn.execute(insert, {
                        "site": site, "tariff_id": tariff.id, "version_id": version.id,
                        "valid_from": version.valid_from.isoformat(),
                        "valid_to": version.valid_to.isoformat() if version.valid_to else None,
                        "body": msgspec.to_builtins(version), "digest": digest(version),
                        "stored_at": time.time()})
                    versions.append(version)
                elif row.digest != digest(version):
                    problems.append(
                        f"tariff {tariff.id!r} version {version.id!r} differs from the one "
                        "costs were computed with; the stored one is kept (a change of price "
                        "is a new version with a later valid_from)")
                    versions.append(msgspec.convert(row.body, TariffVersion))
                else:
                    versions.append(version)
            tariffs.append(msgspec.structs.replace(tariff, versions=tuple(versions)))
    for line in problems:
        log.error("%s", line)
    return TariffBook(tariffs, book.utc_offset_h), problems
