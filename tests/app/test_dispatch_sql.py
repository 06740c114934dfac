"""Work orders in the real database (SQLite and PostgreSQL): they survive an engine restart
mid-lifecycle with their whole history, and ``db stats`` counts them by state."""

from __future__ import annotations

import msgspec
import pytest
import sqlalchemy as sa

from app.dispatch.orders import WorkOrder
from app.dispatch.routing import WalkGraph
from app.dispatch.service import DispatchService
from app.dispatch.sql_repository import SqlOrderRepository
from app.dispatch.synthetic_scene import synthetic_compound, technician
from app.dispatch.technicians import TechnicianRoster
from app.domain.model import Location
from app.ingest.events import OrderUpdateReceived, TechLocationReceived
from app.storage import counts, open_database
from app.storage.queries import work_orders

T0 = 1_764_000_000.0
PUMP_ROOM = Location((40.0, 18.0, 9.0), "B2", 4, "水泵房")


class Clock:
    now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def scene():  # noqa: ANN201
    return synthetic_compound(2, 1, floors=4)


def _service(scene, engine, clock):  # noqa: ANN001, ANN202
    techs = [technician("t1", ("plumbing",), home=(40.0, 0.0, 0.0)),
             technician("t2", ("plumbing",), home=(0.0, 0.0, 0.0))]
    sent: list = []
    svc = DispatchService(TechnicianRoster(techs, clock=clock), SqlOrderRepository(engine, site="demo"),
                          graph=WalkGraph.from_scene(scene),
                          publisher=lambda t, p, **k: sent.append((t, p)), can_publish=True,
                          clock=clock)
    return svc, sent


def test_an_order_survives_a_restart_mid_lifecycle(db_url: str, scene) -> None:  # noqa: ANN001
    clock = Clock()
    engine = open_database(db_url)
    svc, _ = _service(scene, engine, clock)
    order = svc.create_order("2栋4层 水泵漏水", "plumbing", 2, PUMP_ROOM, origin="alarm",
                             origin_ref="a1", device_id="B2-P1")
    svc.tick()  # auto-assigned
    tech = svc.order(order.id).assignee
    clock.now += 20
    assert svc.apply_update(OrderUpdateReceived(tech, order.id, "accepted", "马上到", T0))
    svc.add_note(order.id, "dispatcher:王", "住户说地下室已经积水，带抽水泵")
    before = svc.order(order.id)
    engine.dispose()  # the control room stops here

    engine = open_database(db_url)
    svc, _ = _service(scene, engine, clock)
    again = svc.order(order.id)
    assert msgspec.json.encode(again) == msgspec.json.encode(before)
    # the technician still holds it (load counted), and the lifecycle simply continues
    assert svc.roster.status(tech).open_orders == (order.id,)
    clock.now += 30
    svc.apply_location(TechLocationReceived(tech, clock.now, (39.0, 17.0, 9.0), clock.now))
    clock.now += 60
    for state in ("arrived", "done"):
        assert svc.apply_update(OrderUpdateReceived(tech, order.id, state, "", clock.now))
    svc.set_state(order.id, "verified", actor="dispatcher:王", note="回访住户：已修好")
    svc.set_state(order.id, "closed", actor="dispatcher:王")
    engine.dispose()

    engine = open_database(db_url)
    final = SqlOrderRepository(engine, site="demo").get(order.id)
    assert final is not None and final.state == "closed"
    states = [h.to_state for h in final.history]
    assert states == ["assigned", "accepted", "en_route", "arrived", "done", "verified",
                      "closed"]
    assert [n.text for n in final.notes][-2:] == ["马上到", "住户说地下室已经积水，带抽水泵"]
    assert final.location.room == "水泵房"
    # every step is one event row, written exactly once across both runs
    with engine.connect() as conn:
        ev = sa.Table("work_order_events", sa.MetaData(), autoload_with=conn)
        rows = conn.execute(sa.select(ev.c.state, ev.c.by, ev.c.note)
                            .where(ev.c.order_id == order.id).order_by(ev.c.id)).all()
    assert [r.state for r in rows] == states
    assert rows[-2] == ("verified", "dispatcher:王", "回访住户：已修好")
    (row,) = work_orders(engine, "demo")
    assert (row["state"], row["kind"], row["priority"], row["assigned_tech"]) == (
        "closed", "plumbing", 2, tech)
    assert row["building"] == "B2" and row["floor"] == 4
    assert counts(engine)["work_orders"] == {"closed": 1}
    engine.dispose()


def test_db_stats_counts_orders_by_state_and_sla_due_is_the_next_clock(db_url: str,
                                                                      scene) -> None:  # noqa: ANN001
    clock = Clock()
    engine = open_database(db_url)
    svc, _ = _service(scene, engine, clock)
    a = svc.create_order("漏水", "plumbing", 1, PUMP_ROOM)
    svc.create_order("路灯", "plumbing", 4, PUMP_ROOM)
    svc.tick()  # two plumbers: both assigned
    svc.set_state(a.id, "cancelled", actor="dispatcher", note="住户已自行处理")
    assert counts(engine)["work_orders"] == {"assigned": 1, "cancelled": 1}
    rows = {r["id"]: r for r in work_orders(engine, "demo")}
    other = next(r for oid, r in rows.items() if oid != a.id)
    assert other["sla_due_at"] == pytest.approx(T0 + 4 * 3600)  # P4: acknowledge in 4 h
    engine.dispose()


def test_an_unreachable_database_keeps_orders_in_memory_until_it_is_back(tmp_path,
                                                                        scene) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'cr.db'}"
    engine = open_database(url)
    repo = SqlOrderRepository(engine, site="demo")
    order = WorkOrder(id="WO-1", title="停电", skill="electrical", priority=2,
                      location=PUMP_ROOM, created_at=T0)
    with engine.begin() as conn:  # simulate an outage: the table is gone
        conn.execute(sa.text("ALTER TABLE work_orders RENAME TO wo_away"))
    repo.save(order)  # no exception into dispatch
    assert repo.pending == 1 and repo.last_error
    assert repo.get("WO-1") is not None  # the service still reads its own order
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE wo_away RENAME TO work_orders"))
    assert repo.flush() and repo.pending == 0
    assert [o.title for o in SqlOrderRepository(engine, site="demo").all()] == ["停电"]
    engine.dispose()
