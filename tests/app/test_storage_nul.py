"""Text with a NUL character (JSON ``\\u0000``) is refused at decode, with its own reason, on
both databases alike: PostgreSQL cannot store NUL in text, and used to refuse such rows one
by one *after* ingest had counted them as accepted. Now what ingest accepts is what both
databases store (bad_rows stays 0), and the NUL messages are counted as ``nul_char``."""

from __future__ import annotations

import json
import time

import sqlalchemy as sa

from app.config.model import DatabaseConfig
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.sources.base import RawMessage
from app.state.store import StateStore
from app.storage import StorageWriter, VolumePolicy, open_database

ROOT = "cr/demo"


def message(topic: str, body: dict) -> RawMessage:
    return RawMessage(f"{ROOT}/{topic}", json.dumps(body).encode(), time.time())


def now_ms() -> int:
    return int(time.time() * 1000)


def test_nul_text_is_rejected_at_decode_and_both_databases_store_what_was_accepted(
        db_url, tmp_path):
    meta = {"kind": "gas_detector", "location": {"xyz": [0, 0, 0]}, "points": {}}
    messages = [
        message("dev/m1/meta", {**meta, "name": "3栋 燃气探测器"}),
        message("dev/m2/meta", {**meta, "name": "燃气\u0000探测器"}),  # NUL in the name
        *(message("gate/G01/pass", {"ts": now_ms() + k, "plate": f"粤B{k:05d}", "dir": "in"})
          for k in range(5)),
        *(message("gate/G01/pass", {"ts": now_ms() + k, "plate": f"粤B\u0000{k}", "dir": "in"})
          for k in range(5, 8)),
        message("dev/m1/event", {"ts": now_ms(), "kind": "gas_lea\u0000k"}),
        message("dev/m1/event", {"ts": now_ms() + 1, "kind": "gas_leak",
                                 "data": {"note": ["ok", {"deep": "a\u0000b"}]}}),
        message("dev/m1/event", {"ts": now_ms() + 2, "kind": "gas_leak", "data": {"k\u0000": 1}}),
        # the six characters \u0000 written out (an escaped backslash) are not a NUL
        message("dev/m1/event", {"ts": now_ms() + 3, "kind": "gas_leak",
                                 "data": {"path": "C:\\u0000"}}),
    ]
    # births register at once, as in a played-back recording: what is under test is the NUL
    # check at decode and what the databases then keep, not the operator's acceptance
    ingest = Ingest(StateStore([]), TopicScheme("cr", "demo"), trust_births=True)
    writer = StorageWriter(db_url, DatabaseConfig(batch_rows=100, flush_interval_s=0.05),
                           policy=VolumePolicy(store_all=True),
                           journal_path=tmp_path / "spill.jsonl")
    ingest.subscribe(writer.submit)
    writer.start()
    try:
        ingest.handle_batch(messages)
        assert writer.flush(timeout=30)
    finally:
        assert writer.stop()
    counts, samples, _ = ingest.ledger.snapshot()
    assert counts["nul_char"] == 7 and "NUL" in samples["nul_char"].detail
    assert ingest.accepted == 1 + 5 + 1  # the m1 birth, 5 gate passes, 1 event
    assert writer.stats()["bad_rows"] == 0
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            def count(table: str) -> int:
                return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()

            assert (count("devices"), count("gate_passes"), count("device_events")) == (1, 5, 1)
            kept = conn.execute(sa.text("SELECT data FROM device_events")).scalar_one()
    finally:
        engine.dispose()
    assert (json.loads(kept) if isinstance(kept, str) else kept) == {"path": "C:\\u0000"}
