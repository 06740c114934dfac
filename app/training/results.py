"""Trainees' results, kept: one row per scored run (who, which scenario, the score, when,
the whole debrief) in the ``training_results`` table, for a supervisor's view of progress.

The training home's database holds them (``session.results_url``); a property company that
trains across compounds can point several homes at one PostgreSQL — rows carry their site.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import msgspec
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.storage.database import open_database
from app.storage.models_training import TrainingResultRow
from app.training.debrief import Debrief


class ResultRow(msgspec.Struct, frozen=True):
    id: str
    site: str
    trainee: str
    instructor: str | None
    scenario_id: str
    scenario_title: str
    staff: str
    score: float
    started_at: float
    finished_at: float
    scenario_s: float
    report: str | None


class Progress(msgspec.Struct, frozen=True):
    """One trainee's runs of one scenario, oldest first: is the score going up?"""

    trainee: str
    scenario_id: str
    scenario_title: str
    runs: int
    first: float
    best: float
    last: float
    scores: list[float]
    dates: list[float]


def save_result(url: str, debrief: Debrief, report: str | None = None) -> str:
    engine = open_database(url)
    try:
        row_id = uuid.uuid4().hex[:16]
        with Session(engine) as db, db.begin():
            db.add(TrainingResultRow(
                id=row_id, site=debrief.site, trainee=debrief.trainee,
                instructor=debrief.instructor, scenario_id=debrief.scenario_id,
                scenario_title=debrief.title, staff=debrief.staff, score=debrief.card.score,
                started_at=debrief.started_wall, finished_at=debrief.finished_wall,
                scenario_s=debrief.played_s, report=report,
                debrief=msgspec.to_builtins(debrief)))
        return row_id
    finally:
        engine.dispose()


def set_report(url: str, result_id: str, report: str) -> None:
    engine = open_database(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.update(TrainingResultRow).where(TrainingResultRow.id == result_id)
                         .values(report=report))
    finally:
        engine.dispose()


def list_results(url: str, *, trainee: str | None = None, scenario: str | None = None,
                 site: str | None = None, limit: int = 1000) -> list[ResultRow]:
    """Newest first."""
    engine = open_database(url)
    try:
        query = sa.select(TrainingResultRow)
        if trainee:
            query = query.where(TrainingResultRow.trainee == trainee)
        if scenario:
            query = query.where(TrainingResultRow.scenario_id == scenario)
        if site:
            query = query.where(TrainingResultRow.site == site)
        query = query.order_by(TrainingResultRow.started_at.desc()).limit(limit)
        with Session(engine) as db:
            return [ResultRow(r.id, r.site, r.trainee, r.instructor, r.scenario_id,
                              r.scenario_title, r.staff, r.score, r.started_at,
                              r.finished_at, r.scenario_s, r.report)
                    for r in db.scalars(query)]
    finally:
        engine.dispose()


def load_debriefs(url: str, ids: Iterable[str]) -> list[Debrief]:
    """The stored debriefs of some results, in the order asked."""
    wanted = list(ids)
    engine = open_database(url)
    try:
        with Session(engine) as db:
            rows = {r.id: r for r in db.scalars(sa.select(TrainingResultRow).where(
                TrainingResultRow.id.in_(wanted)))}
    finally:
        engine.dispose()
    missing = [i for i in wanted if i not in rows]
    if missing:
        raise KeyError(f"no training result {missing[0]!r}")
    return [msgspec.convert(rows[i].debrief, Debrief) for i in wanted]


def progress(rows: Iterable[ResultRow]) -> list[Progress]:
    """Per trainee and scenario: first, best and last score, and every score in order."""
    groups: dict[tuple[str, str], list[ResultRow]] = {}
    for row in rows:
        groups.setdefault((row.trainee, row.scenario_id), []).append(row)
    out = []
    for (trainee, scenario_id), runs in sorted(groups.items()):
        runs.sort(key=lambda r: r.started_at)
        scores = [r.score for r in runs]
        out.append(Progress(trainee, scenario_id, runs[-1].scenario_title, len(runs),
                            scores[0], max(scores), scores[-1], scores,
                            [r.started_at for r in runs]))
    return out
