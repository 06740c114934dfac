"""Storage: SQLAlchemy models, Alembic migrations, the batched writer thread, queries.

``open_database(url)`` gives an Engine at the head schema; ``StorageWriter`` is the one
writer thread fed from ingest; ``queries`` reads it back. See docs/storage.md.
"""

from app.storage.database import StorageError, open_database
from app.storage.queries import (
    HistoryPoint,
    counts,
    counts_by_site,
    history,
    latest_readings,
    save_alarm,
    save_work_order,
)
from app.storage.volume import VolumePolicy
from app.storage.writer import StorageWriter

__all__ = ["HistoryPoint", "StorageError", "StorageWriter", "VolumePolicy", "counts",
           "counts_by_site", "history", "latest_readings", "open_database", "save_alarm", "save_work_order"]
