"""Operations: consumption per meter-hour with its cost, frozen tariff versions, EV charging
sessions, parking occupancy and re-basings; the optional gate-pass fields (plate colour,
resident or visitor, manual release, fee, payment method).

Every new table has a ``site`` column from the start.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FIVE_MINUTES = [f"m{m:02d}" for m in range(0, 60, 5)]
PERIODS = ["e_deep_valley", "e_valley", "e_flat", "e_peak", "e_critical_peak"]


def upgrade() -> None:
    with op.batch_alter_table("gate_passes") as batch:
        batch.add_column(sa.Column("colour", sa.String(16)))
        batch.add_column(sa.Column("vehicle", sa.String(16)))
        batch.add_column(sa.Column("release", sa.String(16)))
        batch.add_column(sa.Column("fee_yuan", sa.Double))
        batch.add_column(sa.Column("pay_method", sa.String(16)))
    op.create_table(
        "meter_hours",
        sa.Column("site", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(128), primary_key=True),
        sa.Column("point", sa.String(64), primary_key=True),
        sa.Column("hour", sa.BigInteger, primary_key=True),
        sa.Column("quantity", sa.String(16), nullable=False),
        sa.Column("building", sa.String(64)),
        sa.Column("grp", sa.String(32), nullable=False),
        sa.Column("total", sa.Double, nullable=False),
        *[sa.Column(name, sa.Double, nullable=False) for name in FIVE_MINUTES + PERIODS],
        sa.Column("cost", sa.Double),
        sa.Column("tariff_id", sa.String(64)),
        sa.Column("tariff_version", sa.String(64)),
        sa.Column("estimated_s", sa.Double, nullable=False),
        sa.Column("missing_s", sa.Double, nullable=False),
        sa.Column("samples", sa.Integer, nullable=False),
        sa.Column("resets", sa.Integer, nullable=False),
        sa.Column("rollovers", sa.Integer, nullable=False),
        sa.Column("jumps", sa.Integer, nullable=False),
        sa.Column("computed_at", sa.Double, nullable=False),
    )
    op.create_index("ix_meter_hours_site_hour", "meter_hours", ["site", "hour"])
    op.create_table(
        "tariff_versions",
        sa.Column("site", sa.String(64), primary_key=True),
        sa.Column("tariff_id", sa.String(64), primary_key=True),
        sa.Column("version_id", sa.String(64), primary_key=True),
        sa.Column("valid_from", sa.String(10), nullable=False),
        sa.Column("valid_to", sa.String(10)),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("stored_at", sa.Double, nullable=False),
    )
    op.create_table(
        "charger_sessions",
        sa.Column("site", sa.String(64), primary_key=True),
        sa.Column("charger_id", sa.String(128), primary_key=True),
        sa.Column("connector", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.Double, primary_key=True),
        sa.Column("ended_at", sa.Double),
        sa.Column("energy_kwh", sa.Double),
        sa.Column("valley_kwh", sa.Double),
        sa.Column("transaction_id", sa.String(64)),
        sa.Column("end_status", sa.String(32)),
    )
    op.create_index("ix_charger_sessions_site_started", "charger_sessions",
                    ["site", "started_at"])
    op.create_table(
        "parking_occupancy",
        sa.Column("site", sa.String(64), primary_key=True),
        sa.Column("zone", sa.String(64), primary_key=True),
        sa.Column("ts", sa.Double, primary_key=True),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("occupied", sa.Integer),
        sa.Column("gate_inside", sa.Integer),
        sa.Column("arrivals", sa.Integer, nullable=False),
        sa.Column("departures", sa.Integer, nullable=False),
        sa.Column("passes_in", sa.Integer, nullable=False),
        sa.Column("passes_out", sa.Integer, nullable=False),
    )
    op.create_table(
        "parking_rebases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("at", sa.Double, nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("gate_inside", sa.Integer, nullable=False),
        sa.Column("occupied", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_parking_rebases_site", "parking_rebases", ["site"])


def downgrade() -> None:
    for table in ("parking_rebases", "parking_occupancy", "charger_sessions",
                  "tariff_versions", "meter_hours"):
        op.drop_table(table)
    with op.batch_alter_table("gate_passes") as batch:
        for column in ("pay_method", "fee_yuan", "release", "vehicle", "colour"):
            batch.drop_column(column)
