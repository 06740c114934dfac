"""Training results: one row per scored training run, scoped by site.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_results",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("trainee", sa.String(64), nullable=False),
        sa.Column("instructor", sa.String(64)),
        sa.Column("scenario_id", sa.String(64), nullable=False),
        sa.Column("scenario_title", sa.String(256), nullable=False),
        sa.Column("staff", sa.String(32), nullable=False),
        sa.Column("score", sa.Double, nullable=False),
        sa.Column("started_at", sa.Double, nullable=False),
        sa.Column("finished_at", sa.Double, nullable=False),
        sa.Column("scenario_s", sa.Double, nullable=False),
        sa.Column("report", sa.Text),
        sa.Column("debrief", sa.JSON, nullable=False),
    )
    op.create_index("ix_training_results_site_trainee", "training_results",
                    ["site", "trainee", "started_at"])


def downgrade() -> None:
    op.drop_index("ix_training_results_site_trainee", "training_results")
    op.drop_table("training_results")
