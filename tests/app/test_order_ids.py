"""Work-order ids: unique across processes (ULID), and short enough to read out over the
radio -- the board and the dispatch queue show WO- and the ULID's random tail."""

from __future__ import annotations

from app.dispatch.orders import new_order_id, short_order_id


def test_orders_made_in_one_millisecond_read_apart():
    ids = [new_order_id(1_796_000_000.123) for _ in range(200)]
    assert len(set(ids)) == 200
    short = [short_order_id(i) for i in ids]
    assert all(s.startswith("WO-") and len(s) == 9 for s in short)
    assert len(set(short)) >= 199  # 30 random bits: a clash among 200 is a 2-in-100,000 event
    assert all(i.endswith(s[3:]) for i, s in zip(ids, short, strict=True))


def test_other_ids_are_shown_whole():
    assert short_order_id("WO-x") == "WO-x"
    assert short_order_id("WO-1796475316-0001") == "WO-1796475316-0001"
