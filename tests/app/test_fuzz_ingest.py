"""Hostile payloads and topics thrown at Ingest.handle_batch (hypothesis): no exception
escapes, and every message is either accepted or counted under exactly one reject reason."""

from __future__ import annotations

import json
import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.model import Device, Location
from app.ingest.pipeline import Ingest
from app.ingest.rejects import REASONS
from app.ingest.topics import INBOUND, TopicScheme
from app.sources.base import RawMessage
from app.state.store import StateStore

NOW = time.time()
IDS = ["t1", "t2", "ghost", "燃气-1", "", "+", "a/b"]

json_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                | st.text(max_size=20) | st.sampled_from([NOW * 1000, "2025-11-25T08:00:00Z",
                                                          "粤B12345", 1e308, -0.0]))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["ts", "seq", "values", "kind", "name", "location",
                                       "xyz", "online", "plate", "dir", "temp_c", "ts_ns",
                                       "order_id", "state", "points", "data"]) | st.text(max_size=5),
                      inner, max_size=5),
    max_leaves=12,
)

topics = st.one_of(
    st.builds(lambda fam_leaf, i: f"cr/demo/{fam_leaf[0]}/{i}/{fam_leaf[1]}",
              st.sampled_from(sorted(INBOUND)), st.sampled_from(IDS)),
    st.text(max_size=40),
    st.sampled_from(["cr/demo/dev/t1", "cr/demo/dev/t1/telemetry/x", "cr/other/dev/t1/meta",
                     "cr/demo/control-room/main/status", "cr/demo/alarms"]),
)


def _encode(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


payloads = st.one_of(
    json_values.map(_encode),
    st.binary(max_size=64),
    st.builds(lambda v, cut: _encode(v)[:cut], json_values, st.integers(0, 30)),
    st.just(b""),
    st.builds(lambda n: b'{"ts":1,"values":{"a":' + b"9" * n + b"}}", st.integers(300, 400)),
    st.builds(lambda seq, val: _encode({"ts": NOW * 1000, "seq": seq, "values": {"temp_c": val}}),
              st.integers(-3, 3), st.floats(allow_nan=False, allow_infinity=False)),
)

messages = st.builds(lambda t, p, dt: RawMessage(t, p, NOW + dt), topics, payloads,
                     st.sampled_from([0.0, 0.5, -7200.0, 1e9]))


def fresh_ingest() -> Ingest:
    store = StateStore([Device("t1", "transformer", "1#", Location((0.0, 0.0, 0.0))),
                        Device("t2", "water_pump", "2#", Location((0.0, 0.0, 0.0)))])
    return Ingest(store, TopicScheme("cr", "demo"), park_unknown_s=30.0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(st.lists(messages, min_size=20, max_size=60))
def test_hostile_batches_are_all_accounted_for(batch: list[RawMessage]) -> None:
    ingest = fresh_ingest()
    before = ingest.ledger.total()
    decoded = ingest.handle_batch(batch)  # must not raise
    counts, samples, _unknown = ingest.ledger.snapshot()
    assert set(counts) == set(REASONS)  # no reason outside the documented list
    c = ingest.counts()
    assert len(decoded) + ingest.ledger.total() - before + c["parked"] == len(batch)
    assert c["received"] == c["accepted"] + c["rejected"] + c["parked"] == len(batch)
    assert all(samples[r].reason == r for r in samples)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=0, max_size=300), st.sampled_from(sorted(INBOUND)))
def test_random_bytes_on_every_contract_topic(payload: bytes, fam_leaf: tuple[str, str]) -> None:
    ingest = fresh_ingest()
    topic = f"cr/demo/{fam_leaf[0]}/t1/{fam_leaf[1]}"
    decoded = ingest.handle_batch([RawMessage(topic, payload, NOW)] * 3)
    assert len(decoded) + ingest.ledger.total() + ingest.counts()["parked"] == 3


TEMPLATES = [
    ("dev/t1/telemetry", {"ts": NOW * 1000, "seq": 1, "values": {"temp_c": 71.2, "load_pct": 83}}),
    ("dev/t2/meta", {"kind": "water_pump", "name": "水泵", "points": {"p": {"unit": "kPa"}},
                     "location": {"building": "B3", "floor": -1, "xyz": [1, 2, 3]}}),
    ("dev/t1/status", {"online": True, "ts": NOW * 1000}),
    ("dev/t2/event", {"ts": NOW * 1000, "kind": "smoke", "data": {"room": "101"}}),
    ("mic/m1/event", {"ts_ns": int(NOW * 1e9), "kind": "bang", "level_db": 92}),
    ("gate/g1/pass", {"ts": NOW * 1000, "plate": "粤B12345", "dir": "in", "paid": True}),
    ("tech/w1/location", {"ts": NOW * 1000, "xyz": [1, 2, 3]}),
    ("tech/w1/order-updates", {"order_id": "o1", "state": "done", "note": "好"}),
]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    """Bit flips, truncation, splices, duplication and byte insertion."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(5)
        if op == 0 and buf:
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[rng.randrange(len(buf) + 1):]
        elif op == 2:
            i = rng.randrange(len(buf) + 1)
            buf[i:i] = rng.choice([b"NaN", b"1e999", b"\\ud800", b"\xff", b'"', b"{", b"]",
                                   b"-", b"null", "粤".encode(), b"\x00", b"9" * 400])
        elif op == 3 and buf:
            i, j = sorted(rng.randrange(len(buf)) for _ in range(2))
            buf[i:i] = buf[i:j]
        else:
            i = rng.randrange(len(buf) + 1)
            buf[i:i] = bytes([rng.randrange(256)])
    return bytes(buf)


def test_thirty_thousand_mutated_contract_messages_are_all_accounted_for() -> None:
    rng = random.Random(20251125)
    ingest = fresh_ingest()
    batch = []
    for _ in range(30_000):
        topic, body = rng.choice(TEMPLATES)
        payload = _mutate(rng, json.dumps(body, ensure_ascii=False).encode())
        if rng.random() < 0.05:
            topic = _mutate(rng, topic.encode()).decode("utf-8", "replace")
        batch.append(RawMessage(f"cr/demo/{topic}", payload, NOW))
    decoded = []
    for start in range(0, len(batch), 2000):
        decoded += ingest.handle_batch(batch[start:start + 2000])
    ingest.expire_parked(time.time() + 31)
    counts = ingest.ledger.snapshot()[0]
    assert len(decoded) + sum(counts.values()) == len(batch)
    # the mutations really are hostile: most reasons are hit, and some messages still pass
    hit = {r for r, n in counts.items() if n}
    assert {"invalid_json", "schema", "not_utf8", "non_finite", "not_our_topic"} <= hit
    assert decoded
