"""Alembic environment: always online, on the connection ``app.storage.database`` hands in
through ``config.attributes["connection"]``, so migrations run inside the program (and from
an installed package) without an alembic.ini or a second engine."""

from __future__ import annotations

from alembic import context

from app.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through app.storage.database.open_database()")

# render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
