"""The training results table: one row per scored training run (who, which scenario, the
score, when), kept for a supervisor's view of progress (app/training/results.py writes and
reads it). Scoped by ``site`` like every table of a shared PostgreSQL.

Registered on the same declarative ``Base`` as the rest of the schema (models.py imports
this module), so the migration check covers it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import Base


class TrainingResultRow(Base):
    __tablename__ = "training_results"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site: Mapped[str] = mapped_column(String(64))
    trainee: Mapped[str] = mapped_column(String(64))
    instructor: Mapped[str | None] = mapped_column(String(64))
    scenario_id: Mapped[str] = mapped_column(String(64))
    scenario_title: Mapped[str] = mapped_column(String(256))
    staff: Mapped[str] = mapped_column(String(32))
    score: Mapped[float]
    started_at: Mapped[float]  # the wall clock: when the run took place
    finished_at: Mapped[float]
    scenario_s: Mapped[float]  # how much of the scenario was played
    report: Mapped[str | None] = mapped_column(Text)  # the HTML report's path, if exported
    debrief: Mapped[dict[str, Any]]  # the whole debrief (score card, timeline, notes)

    __table_args__ = (Index("ix_training_results_site_trainee", "site", "trainee",
                            "started_at"),)
