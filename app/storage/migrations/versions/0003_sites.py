"""Every row belongs to a site: a ``site`` column in every table, first in every key.

Rows written before this revision get the site of the program that upgrades the database
(``open_database(url, site=...)``: the engine passes its own; ``db migrate --site``), since
until now a database held one compound.

PostgreSQL is altered in place: the column is added with that site as a default (no table
rewrite), then keys, foreign keys and indexes are swapped. SQLite cannot alter keys, so each
table is rebuilt (new table, copy, drop, rename) with foreign-key enforcement off, which
``database.migrate`` arranges and checks afterwards; the first statement writes, so the
driver opens the transaction before any DDL and the whole upgrade is one transaction.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SITE = 64

#: table → (its key, unique constraints, foreign keys (cols, parent, parent cols)), indexes
#: old index name → (new name, columns). Parents before children.
SPEC: dict[str, dict] = {
    "devices": {"pk": ["site", "id"]},
    "readings": {"pk": ["site", "device_id", "point", "ts"],
                 "indexes": {"ix_readings_ts": ("ix_readings_site_ts", ["site", "ts"])}},
    "reading_aggregates": {"pk": ["site", "device_id", "point", "minute"]},
    "device_events": {
        "unique": [["site", "device_id", "ts", "kind"]],
        "indexes": {"ix_device_events_device_id": ("ix_device_events_site_device",
                                                   ["site", "device_id"])}},
    "gate_passes": {
        "unique": [["site", "gate_id", "ts", "plate"]],
        "indexes": {"ix_gate_passes_plate": ("ix_gate_passes_site_plate", ["site", "plate"])}},
    "rejects": {"indexes": {"ix_rejects_reason": ("ix_rejects_site_reason",
                                                  ["site", "reason"])}},
    "alarms": {"pk": ["site", "id"],
               "indexes": {"ix_alarms_state": ("ix_alarms_site_state", ["site", "state"]),
                           "ix_alarms_device_type": ("ix_alarms_site_device_type",
                                                     ["site", "device_id", "type"])}},
    "alarm_transitions": {
        "fk": [(["site", "alarm_id"], "alarms", ["site", "id"])],
        "indexes": {"ix_alarm_transitions_alarm_id": ("ix_alarm_transitions_site_alarm",
                                                      ["site", "alarm_id"])}},
    "work_orders": {"pk": ["site", "id"],
                    "indexes": {"ix_work_orders_state": ("ix_work_orders_site_state",
                                                         ["site", "state"])}},
    "work_order_events": {
        "fk": [(["site", "order_id"], "work_orders", ["site", "id"])],
        "indexes": {"ix_work_order_events_order_id": ("ix_work_order_events_site_order",
                                                      ["site", "order_id"])}},
}


def upgrade() -> None:
    site = context.config.attributes.get("site") or "demo"
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _alter_postgresql(bind, site)
    else:
        _rebuild_sqlite(bind, site)


def downgrade() -> None:  # pragma: no cover - sites cannot be merged back into one
    raise NotImplementedError("a database with sites cannot go back to revision 0002")


# ---- PostgreSQL: in place -------------------------------------------------------------------
def _alter_postgresql(bind: sa.Connection, site: str) -> None:
    inspector = sa.inspect(bind)
    for table in reversed(SPEC):  # children first: their keys refer to the parents
        for fk in inspector.get_foreign_keys(table):
            op.drop_constraint(fk["name"], table, type_="foreignkey")
    for table, spec in SPEC.items():
        # a constant default costs no rewrite; new rows always name their site
        op.add_column(table, sa.Column("site", sa.String(SITE), nullable=False,
                                       server_default=site))
        op.alter_column(table, "site", server_default=None)
        if "pk" in spec:
            op.drop_constraint(inspector.get_pk_constraint(table)["name"], table,
                               type_="primary")
            op.create_primary_key(f"{table}_pkey", table, spec["pk"])
        for old in inspector.get_unique_constraints(table):
            op.drop_constraint(old["name"], table, type_="unique")
        for columns in spec.get("unique", ()):
            op.create_unique_constraint(f"{table}_{'_'.join(columns)}_key", table, columns)
        for old_name, (new_name, columns) in spec.get("indexes", {}).items():
            op.drop_index(old_name, table_name=table)
            op.create_index(new_name, table, columns)
    for table, spec in SPEC.items():
        for columns, parent, parent_columns in spec.get("fk", ()):
            op.create_foreign_key(f"{table}_{'_'.join(columns)}_fkey", table, parent, columns,
                                  parent_columns, ondelete="CASCADE")


# ---- SQLite: rebuilt ---------------------------------------------------------------------------
def _rebuild_sqlite(bind: sa.Connection, site: str) -> None:
    # a write first: pysqlite opens the transaction only before DML, and DDL joins it
    op.execute("UPDATE alembic_version SET version_num = version_num")
    old = sa.MetaData()
    old.reflect(bind, only=list(SPEC))
    for table, spec in SPEC.items():
        key = spec.get("pk", ("id",))
        columns = [sa.Column(c.name, c.type, nullable=c.nullable, primary_key=c.name in key)
                   for c in old.tables[table].columns]
        args: list = [sa.Column("site", sa.String(SITE), nullable=False,
                                primary_key="site" in spec.get("pk", ())), *columns]
        args += [sa.UniqueConstraint(*u) for u in spec.get("unique", ())]
        args += [sa.ForeignKeyConstraint(cols, [f"{parent}.{c}" for c in parent_cols],
                                         ondelete="CASCADE")
                 for cols, parent, parent_cols in spec.get("fk", ())]
        kwargs = ({"sqlite_with_rowid": False} if table in ("readings", "reading_aggregates")
                  else {})
        meta = sa.MetaData()
        for _cols, parent, parent_cols in spec.get("fk", ()):  # named only, never created
            sa.Table(parent, meta, *(sa.Column(c, sa.String(SITE)) for c in parent_cols))
        new = sa.Table(f"{table}__new", meta, *args, **kwargs)
        new.create(bind)
        names = ", ".join(f'"{c.name}"' for c in columns)
        bind.execute(sa.text(f'INSERT INTO "{table}__new" (site, {names}) '
                             f'SELECT :site, {names} FROM "{table}"'), {"site": site})
        op.drop_table(table)  # its indexes go with it
        op.rename_table(f"{table}__new", table)
        for new_name, index_columns in spec.get("indexes", {}).values():
            op.create_index(new_name, table, index_columns)
