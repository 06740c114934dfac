"""DispatchRuntime on the demo compound: alarm → order → technician → done, on simulated time.

The handsets are the simulator's, but everything they say goes through ``ingest.handle_batch``
(the same decoder as real handsets), and everything the control room says to them goes out
through the real source's ``publish``.
"""

from __future__ import annotations

import time
from pathlib import Path

import msgspec
import numpy as np
import pytest

from app import paths
from app.alarms.book import AlarmBook
from app.alarms.model import Severity
from app.config.model import SimulatorConfig
from app.dispatch.handsets import HandsetConfig
from app.dispatch.repository import InMemoryOrderRepository
from app.dispatch.runtime import DispatchRuntime, DispatchRuntimeConfig
from app.dispatch.technicians import can_do
from app.domain.model import Location
from app.ingest.pipeline import Ingest
from app.ingest.topics import TopicScheme
from app.outbound import publisher_for
from app.recording.format import RecordingWriter
from app.scene.loader import load_scene
from app.sources.base import PublishNotAllowed
from app.sources.replay import ReplaySource
from app.sources.simulator.source import SimulatorSource
from app.state.store import StateStore

TRANSFORMER = "S01-TR1"


class Clock:
    def __init__(self) -> None:
        self.now = float(int(time.time()))  # ingest checks handset clocks against its own

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def scene():  # noqa: ANN201
    return load_scene(paths.demo_scene_dir())


def _runtime(scene, source=None, clock=None, simulate=True, **cfg):  # noqa: ANN001, ANN202
    clock = clock or Clock()
    scheme = TopicScheme("cr", scene.site.site_id)
    store = StateStore(scene.devices)
    ingest = Ingest(store, scheme)
    source = source or SimulatorSource(scene, SimulatorConfig(), scheme)
    book = AlarmBook(clock)
    runtime = DispatchRuntime(scene, store, ingest, publisher_for(source), book,
                              InMemoryOrderRepository(),
                              clock=clock, simulate_handsets=simulate,
                              config=DispatchRuntimeConfig(**cfg))
    return runtime, clock, book, source


def _run(runtime, clock, until, limit_s=3600.0, step_s=2.0) -> None:  # noqa: ANN001
    end = clock.now + limit_s
    while not until() and clock.now < end:
        clock.now += step_s
        runtime.tick()


def test_transformer_alarm_is_dispatched_and_finished_by_a_certified_electrician(scene) -> None:  # noqa: ANN001
    runtime, clock, book, source = _runtime(
        scene, handsets=HandsetConfig(reject_probability=0.0))
    tech_log: dict[str, list] = {}
    runtime.subscribe(lambda e: tech_log.setdefault(e.order_id, []).append(e))
    alarm = book.raise_alarm(TRANSFORMER, "temp_c.high", Severity.HIGH, "temp_c 112 > 105")

    runtime.tick()
    orders = runtime.service.orders()
    assert len(orders) == 1
    order = orders[0]
    assert (order.origin, order.origin_ref, order.device_id) == ("alarm", alarm.id, TRANSFORMER)
    assert order.skill == "electrical" and order.priority == 2
    assert order.location.building == "S01"
    assert book.get(alarm.id).dispatched_order == order.id
    assert book.get(alarm.id).state == "raised"  # still for the operator to acknowledge
    # auto-assigned to a certified electrician and sent to that handset with QoS 1
    assert order.state == "assigned"
    tech = scene_tech(scene, order.assignee)
    assert can_do(tech, "electrical") and "electrical" in tech.certified
    sent = [(t, msgspec.json.decode(p), q) for t, p, q, _ in source.published]
    assert (f"cr/demo/tech/{tech.id}/orders", 1) in {(t, q) for t, _, q in sent}
    assert any(body["order_id"] == order.id and body["state"] == "assigned"
               for _, body, _ in sent)
    assert order.explanation["summary"]  # the reasons the panel shows

    start = np.asarray(runtime.roster.status(tech.id).xyz)
    seen: list[tuple[float, ...]] = []

    def done() -> bool:
        seen.append(runtime.roster.status(tech.id).xyz)
        return runtime.service.order(order.id).state == "done"

    _run(runtime, clock, done)
    final = runtime.service.order(order.id)
    assert final.state == "done", [h.to_state for h in final.history]
    states = [h.to_state for h in final.history]
    assert states[:5] == ["assigned", "accepted", "en_route", "arrived", "done"]
    # the technician walked there: many distinct fixes, ending at the transformer
    assert len(set(seen)) > 5
    end = np.asarray(runtime.roster.status(tech.id).xyz)
    device_xyz = np.asarray(scene_device(scene, TRANSFORMER).location.xyz)
    assert np.linalg.norm(end - device_xyz) < 1.0 < np.linalg.norm(start - device_xyz)
    # within the P2 SLA, measured on the simulated clock
    sla = runtime.service.sla(order.id)
    assert not sla["acknowledge_breached"] and not sla["arrive_breached"]
    kpis = runtime.snapshot().kpis
    assert kpis["all"]["resolve_count"] == 1 and kpis[tech.shift]["mean_time_to_resolve_s"] > 0
    # one alarm, one order: the repeats of the same alarm do not make more
    book.raise_alarm(TRANSFORMER, "temp_c.high", Severity.CRITICAL, "temp_c 120 > 105")
    runtime.tick()
    assert len(runtime.service.orders()) == 1


def test_alarms_below_the_threshold_or_without_a_device_make_no_order(scene) -> None:  # noqa: ANN001
    runtime, clock, book, _ = _runtime(scene)
    book.raise_alarm(TRANSFORMER, "load_pct.high", Severity.MEDIUM, "load 85 %")
    book.raise_alarm("NO-SUCH-DEVICE", "offline", Severity.CRITICAL, "offline")
    runtime.tick()
    assert runtime.service.orders() == []
    # a dispatcher may still send someone for the medium one, by hand
    medium = book.find_open(TRANSFORMER, "load_pct.high")
    order = runtime.create_from_alarm(medium.id, actor="dispatcher:wang")
    assert order is not None and order.priority == 3
    assert book.get(medium.id).dispatched_order == order.id


def test_an_alarm_back_worse_after_clearing_makes_its_order(scene) -> None:  # noqa: ANN001
    runtime, _, book, _ = _runtime(scene)
    alarm = book.raise_alarm(TRANSFORMER, "load_pct.high", Severity.MEDIUM, "load 85 %")
    book.clear_alarm(TRANSFORMER, "load_pct.high")
    runtime.tick()
    assert runtime.service.orders() == []  # medium: below the automatic threshold
    book.raise_alarm(TRANSFORMER, "load_pct.high", Severity.CRITICAL, "load 104 %")
    runtime.tick()  # back, and critical now: "reactivated" must reach dispatch as a raise does
    (order,) = runtime.service.orders()
    assert order.origin_ref == alarm.id and book.get(alarm.id).dispatched_order == order.id


@pytest.mark.parametrize(("kind", "skill", "certified"), [
    ("elevator", "elevator", True), ("gas_detector", "gas", True),
    ("water_pump", "plumbing", False), ("smoke_detector", "fire", False),
    ("panic_button", "security", False), ("parking_space", "general", False)])
def test_device_kind_decides_skill_and_only_qualified_technicians_get_it(
        scene, kind, skill, certified) -> None:  # noqa: ANN001
    runtime, clock, book, _ = _runtime(scene, simulate=False)
    device = next(d for d in scene.devices if d.kind == kind)
    book.raise_alarm(device.id, "x.high", Severity.CRITICAL, "test")
    runtime.tick()
    (order,) = runtime.service.orders()
    assert order.skill == skill and order.priority == 1
    tech = scene_tech(scene, order.assignee)
    assert can_do(tech, skill)
    if certified:
        assert skill in tech.certified


def test_resident_reports_and_detections_become_orders(scene) -> None:  # noqa: ANN001
    runtime, clock, _, _ = _runtime(scene, simulate=False, auto_assign=False)
    where = Location((10.0, 20.0, 0.0), "B01", 1)
    leak = runtime.create_from_resident_report("3栋1单元 厨房漏水，楼下天花板滴水", where,
                                               "陈女士 13912345678")
    assert leak.skill == "plumbing" and leak.origin == "resident"
    assert "厨房漏水" in leak.notes[-1].text and leak.notes[-1].author.startswith("resident:")
    fall = runtime.create_from_detection("falling_object", where, ref="cam3-17",
                                         confidence=0.93)
    assert (fall.skill, fall.priority, fall.origin) == ("security", 1, "detection")
    manual = runtime.create_order("路灯不亮", "electrical", 4, where)
    assert manual.origin == "manual"
    # auto-assign off: they wait, each with the suggested technician and its reasons
    runtime.tick()
    snap = runtime.snapshot()
    assert all(v.order.state == "created" for v in snap.orders)
    assert snap.order(fall.id).suggestion is not None
    assert "min away" in snap.order(fall.id).suggestion.explanation["summary"]
    # the dispatcher accepts the suggestion: it keeps the reasons, not "manual"
    s = snap.order(fall.id).suggestion
    assigned = runtime.assign(fall.id, s.tech_id)
    assert assigned.state == "assigned" and "manual" not in assigned.explanation
    # an override names the dispatcher and the reason
    other = next(t.id for t in scene.technicians
                 if "security" in t.skills and t.id != s.tech_id)
    moved = runtime.assign(fall.id, other, actor="dispatcher:wang", reason="熟悉该楼栋")
    assert moved.assignee == other and "熟悉该楼栋" in moved.explanation["manual"]


def test_not_accepted_in_time_is_withdrawn_escalated_and_reassigned(scene) -> None:  # noqa: ANN001
    # handsets that never answer: the accept timeout must move the order on
    slow = HandsetConfig(accept_delay_s=(10_000.0, 10_001.0), reject_probability=0.0)
    runtime, clock, book, _ = _runtime(scene, handsets=slow)
    book.raise_alarm(TRANSFORMER, "temp_c.high", Severity.HIGH, "hot")
    runtime.tick()
    first = runtime.service.orders()[0].assignee
    clock.now += 301
    runtime.tick()
    order = runtime.service.orders()[0]
    assert order.escalations == 1 and order.state == "assigned"
    assert order.assignee != first and first in order.rejected_by
    assert any(e.kind == "escalated" for e in runtime.events)


def test_replay_source_records_orders_but_never_publishes(scene, tmp_path: Path) -> None:  # noqa: ANN001
    recording = tmp_path / "empty.crrec"
    RecordingWriter(recording).close()
    replay = ReplaySource(recording)
    runtime, clock, book, _ = _runtime(scene, source=replay)
    sent: list = []
    runtime.handsets.deliver = lambda *a, **k: sent.append(a)  # type: ignore[union-attr]
    alarm = book.raise_alarm(TRANSFORMER, "temp_c.high", Severity.HIGH, "hot")
    _run(runtime, clock, lambda: False, limit_s=60)
    (order,) = runtime.service.orders()
    assert order.state == "created" and order.assignee is None
    assert book.get(alarm.id).dispatched_order == order.id
    assert sent == []
    view = runtime.snapshot().order(order.id)
    assert "read-only source (replay)" in view.why_unassigned
    assert view.suggestion is not None  # who would go, had this been live
    with pytest.raises(PublishNotAllowed, match="read-only"):
        runtime.assign(order.id, view.suggestion.tech_id)
    assert runtime.service.order(order.id).state == "created"


def scene_tech(scene, tech_id):  # noqa: ANN001, ANN201
    return next(t for t in scene.technicians if t.id == tech_id)


def scene_device(scene, device_id):  # noqa: ANN001, ANN201
    return next(d for d in scene.devices if d.id == device_id)
