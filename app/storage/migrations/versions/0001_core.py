"""Core tables: devices, readings and their minute aggregates, device events, gate passes,
rejects.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("building", sa.String(64)),
        sa.Column("floor", sa.Integer),
        sa.Column("room", sa.String(64)),
        sa.Column("x", sa.Double, nullable=False),
        sa.Column("y", sa.Double, nullable=False),
        sa.Column("z", sa.Double, nullable=False),
        sa.Column("points", sa.JSON, nullable=False),
        sa.Column("registered_at", sa.Double, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
    )
    op.create_table(
        "readings",
        sa.Column("device_id", sa.String(128), primary_key=True),
        sa.Column("point", sa.String(64), primary_key=True),
        sa.Column("ts", sa.Double, primary_key=True),
        sa.Column("value", sa.Double, nullable=False),
        sa.Column("seq", sa.BigInteger),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_readings_ts", "readings", ["ts"])
    op.create_table(
        "reading_aggregates",
        sa.Column("device_id", sa.String(128), primary_key=True),
        sa.Column("point", sa.String(64), primary_key=True),
        sa.Column("minute", sa.BigInteger, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("min", sa.Double, nullable=False),
        sa.Column("max", sa.Double, nullable=False),
        sa.Column("mean", sa.Double, nullable=False),
        sa.Column("last", sa.Double, nullable=False),
        sa.Column("last_ts", sa.Double, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "device_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(128), nullable=False),
        sa.Column("ts", sa.Double, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("received_at", sa.Double, nullable=False),
        sa.UniqueConstraint("device_id", "ts", "kind"),
    )
    op.create_index("ix_device_events_device_id", "device_events", ["device_id"])
    op.create_table(
        "gate_passes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("gate_id", sa.String(128), nullable=False),
        sa.Column("ts", sa.Double, nullable=False),
        sa.Column("plate", sa.String(32), nullable=False),
        sa.Column("dir", sa.String(8), nullable=False),
        sa.Column("paid", sa.Boolean),
        sa.Column("received_at", sa.Double, nullable=False),
        sa.UniqueConstraint("gate_id", "ts", "plate"),
    )
    op.create_index("ix_gate_passes_plate", "gate_passes", ["plate"])
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("payload_head", sa.Text, nullable=False),
        sa.Column("at", sa.Double, nullable=False),
    )
    op.create_index("ix_rejects_reason", "rejects", ["reason"])


def downgrade() -> None:
    for table in ("rejects", "gate_passes", "device_events", "reading_aggregates", "readings",
                  "devices"):
        op.drop_table(table)
