"""DispatchService: lifecycle, timeouts, restarts, read-only sources, handsets end to end."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from app.dispatch.handsets import HandsetConfig, HandsetSimulator
from app.dispatch.orders import IllegalTransition, sla_status
from app.dispatch.repository import InMemoryOrderRepository, JsonLinesOrderRepository
from app.dispatch.routing import WalkGraph
from app.dispatch.service import DispatchConfig, DispatchService
from app.dispatch.synthetic_scene import synthetic_compound, technician
from app.dispatch.technicians import TechnicianRoster
from app.domain.model import Location
from app.ingest.events import OrderUpdateReceived, TechLocationReceived
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.sources.base import PublishNotAllowed
from app.state.store import StateStore

T0 = 1_764_000_000.0
LEAK = Location((40.0, 18.0, 9.0), "B2", 4)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


class Outbox:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict, int]] = []

    def __call__(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False):
        self.sent.append((topic, msgspec.json.decode(payload), qos))


@pytest.fixture
def scene():  # noqa: ANN201
    return synthetic_compound(2, 1, floors=4)


def _service(scene, repo, clock, publisher, techs=None, can_publish=True, **cfg):  # noqa: ANN001, ANN202
    techs = techs or [technician("near", ("plumbing",), home=(40.0, 0.0, 0.0)),
                      technician("far", ("plumbing",), home=(0.0, 0.0, 0.0))]
    roster = TechnicianRoster(techs, clock=clock)
    events: list = []
    svc = DispatchService(roster, repo, graph=WalkGraph.from_scene(scene), publisher=publisher,
                          can_publish=can_publish, clock=clock,
                          config=DispatchConfig(**cfg), on_event=events.append)
    return svc, events


def test_assign_publishes_the_order_to_the_handset_qos1(scene) -> None:  # noqa: ANN001
    clock, out = Clock(), Outbox()
    svc, _ = _service(scene, InMemoryOrderRepository(), clock, out)
    order = svc.create_order("leak on 4F", "plumbing", 2, LEAK, origin="resident")
    (s,) = svc.suggest().suggestions
    assert s.tech_id == "near" and s.explanation["travel_s"] > 0
    svc.assign(order.id, s.tech_id, suggestion=s)
    topic, body, qos = out.sent[-1]
    assert topic == TopicScheme().tech("near", "orders") and qos == 1
    assert body["order_id"] == order.id and body["state"] == "assigned"
    assert body["location"]["building"] == "B2"


def test_manual_override_records_who_and_why(scene) -> None:  # noqa: ANN001
    clock, out = Clock(), Outbox()
    svc, _ = _service(scene, InMemoryOrderRepository(), clock, out)
    order = svc.create_order("leak", "plumbing", 2, LEAK)
    svc.assign(order.id, "far", actor="dispatcher:wang", reason="knows this pump")
    got = svc.order(order.id)
    assert got.assignee == "far"
    last = got.history[-1]
    assert last.actor == "dispatcher:wang" and "knows this pump" in last.note
    assert "manual" in got.explanation


def test_not_accepted_in_time_is_reassigned_to_next_best_and_escalated(scene) -> None:  # noqa: ANN001
    clock, out = Clock(), Outbox()
    svc, events = _service(scene, InMemoryOrderRepository(), clock, out, accept_timeout_s=300)
    order = svc.create_order("leak", "plumbing", 1, LEAK)
    svc.tick()
    assert svc.order(order.id).assignee == "near"
    clock.now += 299
    assert svc.tick() == [] and svc.order(order.id).assignee == "near"
    clock.now += 2
    escalated = svc.tick()
    assert [(e.kind, e.order_id, e.tech_id) for e in escalated] == [
        ("escalated", order.id, "near")]
    got = svc.order(order.id)
    assert got.assignee == "far" and got.state == "assigned" and got.escalations == 1
    # the silent handset is told the order is withdrawn; the next one gets it
    topics = [(t.split("/")[-2], b["state"]) for t, b, _ in out.sent]
    assert topics[-2:] == [("near", "withdrawn"), ("far", "assigned")]
    assert any(e.kind == "escalated" for e in events)


def test_rejected_goes_back_to_the_queue_and_to_someone_else(scene) -> None:  # noqa: ANN001
    clock, out = Clock(), Outbox()
    svc, _ = _service(scene, InMemoryOrderRepository(), clock, out)
    order = svc.create_order("leak", "plumbing", 2, LEAK)
    svc.tick()
    assert svc.apply_update(OrderUpdateReceived("near", order.id, "rejected", "sick", T0))
    assert svc.order(order.id).state == "rejected"
    svc.tick()
    assert svc.order(order.id).assignee == "far"


def test_illegal_transitions_are_rejected(scene) -> None:  # noqa: ANN001
    clock, out = Clock(), Outbox()
    svc, events = _service(scene, InMemoryOrderRepository(), clock, out)
    order = svc.create_order("leak", "plumbing", 2, LEAK)
    with pytest.raises(IllegalTransition, match="from created to closed"):
        svc.set_state(order.id, "closed", actor="dispatcher")
    svc.assign(order.id, "near")
    # a handset claiming "done" before arriving is ignored, not applied, and never raises
    assert not svc.apply_update(OrderUpdateReceived("near", order.id, "done", "", T0))
    # nor may another technician's handset move it
    assert not svc.apply_update(OrderUpdateReceived("far", order.id, "accepted", "", T0))
    assert svc.order(order.id).state == "assigned"
    assert [e.kind for e in events][-2:] == ["update_ignored", "update_ignored"]


def test_read_only_source_refuses_to_send_orders(scene) -> None:  # noqa: ANN001
    clock, out = Clock(), Outbox()
    svc, _ = _service(scene, InMemoryOrderRepository(), clock, out, can_publish=False)
    order = svc.create_order("leak", "plumbing", 2, LEAK)
    with pytest.raises(PublishNotAllowed):
        svc.assign(order.id, "near")
    svc.tick()
    assert svc.order(order.id).state == "created" and out.sent == []


def test_order_survives_a_restart_mid_lifecycle(scene, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "orders.jsonl"
    clock, out = Clock(), Outbox()
    svc, _ = _service(scene, JsonLinesOrderRepository(path), clock, out)
    order = svc.create_order("leak", "plumbing", 2, LEAK, origin="alarm", origin_ref="A-17")
    svc.tick()
    clock.now += 30
    svc.apply_update(OrderUpdateReceived("near", order.id, "accepted", "on my way", T0))
    svc.add_photo(order.id, "photos/leak-1.jpg")
    before = svc.order(order.id)
    del svc  # the engine dies here

    svc2, _ = _service(scene, JsonLinesOrderRepository(path), clock, out)
    after = svc2.order(order.id)
    assert after == before
    assert after.state == "accepted" and after.photos == ["photos/leak-1.jpg"]
    # the rebuilt engine knows the technician is busy and carries on with the lifecycle
    assert svc2.roster.status("near").open_orders == (order.id,)
    clock.now += 60
    assert svc2.apply_update(OrderUpdateReceived("near", order.id, "arrived", "", T0))
    assert svc2.apply_update(OrderUpdateReceived("near", order.id, "done", "fixed", T0))
    svc2.set_state(order.id, "verified", actor="dispatcher")
    svc2.set_state(order.id, "closed", actor="dispatcher")
    states = [h.to_state for h in svc2.order(order.id).history]
    assert states == ["assigned", "accepted", "arrived", "done", "verified", "closed"]


def test_sla_clocks_count_down_and_breach() -> None:
    from app.dispatch.orders import WorkOrder

    o = WorkOrder(id="x", title="x", skill="fire", priority=1, location=LEAK, created_at=T0)
    s = sla_status(o, T0 + 60)
    assert s["acknowledge_left_s"] == pytest.approx(240) and not s["acknowledge_breached"]
    s = sla_status(o, T0 + 16 * 60)
    assert s["arrive_breached"] and not s["resolve_breached"]


def test_handset_simulator_completes_an_order_end_to_end(scene) -> None:  # noqa: ANN001
    clock = Clock()
    techs = [technician("t1", ("plumbing",), home=(0.0, 0.0, 0.0)),
             technician("t2", ("elevator",), certified=("elevator",), home=(40.0, 0.0, 0.0))]
    sim = HandsetSimulator(techs, WalkGraph.from_scene(scene), seed=3,
                           config=HandsetConfig(reject_probability=0.0))
    svc, _ = _service(scene, InMemoryOrderRepository(), clock, sim.deliver, techs=techs)
    ingest = Ingest(StateStore([]), TopicScheme())

    def listen(events: list) -> None:
        for e in events:
            if isinstance(e, TechLocationReceived):
                svc.apply_location(e)
            elif isinstance(e, OrderUpdateReceived):
                svc.apply_update(e)

    ingest.subscribe(listen)
    order = svc.create_order("leak", "plumbing", 2, LEAK)
    svc.tick()
    for _ in range(3600):
        clock.now += 1.0
        ingest.handle_batch(sim.step(clock.now))
        svc.tick()
        if svc.order(order.id).state == "done":
            break
    got = svc.order(order.id)
    assert [h.to_state for h in got.history] == [
        "assigned", "accepted", "en_route", "arrived", "done"]
    assert got.assignee == "t1"
    # the technician really walked there, and the arrival time is no faster than the route
    assert sim.position("t1") == pytest.approx(LEAK.xyz)
    route_s = WalkGraph.from_scene(scene).route((0, 0, 0), LEAK.xyz, end_at=("B2", 4)).seconds
    assert got.arrived_at - got.accepted_at >= route_s - 1.0
    kpis = svc.kpis()["day"]
    assert kpis["mean_time_to_resolve_s"] == pytest.approx(got.done_at - got.created_at)
