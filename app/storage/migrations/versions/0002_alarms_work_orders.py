"""Alarms with their lifecycle transitions, work orders with their events.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alarms",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(128)),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("raised_at", sa.Double, nullable=False),
        sa.Column("acknowledged_at", sa.Double),
        sa.Column("acknowledged_by", sa.String(64)),
        sa.Column("cleared_at", sa.Double),
        sa.Column("closed_at", sa.Double),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("last_value", sa.Double),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_alarms_state", "alarms", ["state"])
    op.create_index("ix_alarms_device_type", "alarms", ["device_id", "type"])
    op.create_table(
        "alarm_transitions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alarm_id", sa.String(64), sa.ForeignKey("alarms.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("from_state", sa.String(16)),
        sa.Column("to_state", sa.String(16), nullable=False),
        sa.Column("at", sa.Double, nullable=False),
        sa.Column("by", sa.String(64)),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_alarm_transitions_alarm_id", "alarm_transitions", ["alarm_id"])
    op.create_table(
        "work_orders",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("priority", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(128)),
        sa.Column("building", sa.String(64)),
        sa.Column("floor", sa.Integer),
        sa.Column("x", sa.Double),
        sa.Column("y", sa.Double),
        sa.Column("z", sa.Double),
        sa.Column("assigned_tech", sa.String(64)),
        sa.Column("created_at", sa.Double, nullable=False),
        sa.Column("updated_at", sa.Double, nullable=False),
        sa.Column("sla_due_at", sa.Double),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_work_orders_state", "work_orders", ["state"])
    op.create_table(
        "work_order_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("order_id", sa.String(64),
                  sa.ForeignKey("work_orders.id", ondelete="CASCADE"), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("at", sa.Double, nullable=False),
        sa.Column("by", sa.String(64)),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_work_order_events_order_id", "work_order_events", ["order_id"])


def downgrade() -> None:
    for table in ("work_order_events", "work_orders", "alarm_transitions", "alarms"):
        op.drop_table(table)
