"""Routing along walkways and the assignment rules dispatchers rely on."""

from __future__ import annotations

import numpy as np
import pytest

from app.dispatch.assignment import AssignmentConfig, HeldOrder, plan
from app.dispatch.orders import WorkOrder
from app.dispatch.routing import RoutingConfig, WalkGraph
from app.dispatch.synthetic_scene import synthetic_compound, technician
from app.dispatch.technicians import TechnicianRoster
from app.domain.model import Location
from app.ingest.events import TechLocationReceived

NOW = 1_764_000_000.0


def _order(oid: str, skill: str, xyz=(0.0, 0.0, 0.0), priority: int = 2) -> WorkOrder:
    return WorkOrder(id=oid, title=oid, skill=skill, priority=priority,
                     location=Location(xyz), created_at=NOW)


def _roster(techs, positions):  # noqa: ANN001, ANN202
    roster = TechnicianRoster(techs, clock=lambda: NOW)
    for tid, xyz in positions.items():
        roster.apply_location(TechLocationReceived(tid, NOW, xyz, NOW))
    return roster


# -- routing ------------------------------------------------------------------------------
def test_route_follows_walkways_and_pays_the_elevator_wait_once() -> None:
    cfg = RoutingConfig()
    g = WalkGraph.from_scene(synthetic_compound(1, 1, floors=20), cfg)
    top = g.route((0.0, 0.0, 0.0), (0.0, 12.0, 19 * 3.0), end_at=("B1", 20))
    # road → corridor (12 m), corridor → lift (8 m), one ride of 57 m, lift → corridor (8 m)
    expected = (12 + 8 + 8) / cfg.walk_mps + cfg.elevator_wait_s + 57 * cfg.elevator_s_per_m
    assert top.seconds == pytest.approx(expected, rel=1e-6)
    assert top.node_ids[0] == "road-0-0" and top.node_ids[-1] == "B1-corr-20"
    # far more than the straight line (57 m of height): it walks the building
    assert top.seconds > 57 / cfg.walk_mps


def test_stairs_when_there_is_no_elevator_and_snap_to_the_right_floor() -> None:
    cfg = RoutingConfig()
    g = WalkGraph.from_scene(synthetic_compound(1, 1, floors=3, elevator=False), cfg)
    # a point on floor 3 snaps to floor-3 nodes, not to the road below
    snap = g.snap((0.0, 12.0, 6.5), "B1", 3)
    assert all(g.nodes[n].floor == 3 for n in snap.nodes)
    r = g.route((0.0, 0.0, 0.0), (0.0, 12.0, 6.0), end_at=("B1", 3))
    assert "B1-stair-2" in r.node_ids
    climb = 6.0 * cfg.stairs_s_per_m_climb
    assert r.seconds > climb


def test_travel_matrix_matches_single_routes() -> None:
    g = WalkGraph.from_scene(synthetic_compound(3, 2, floors=5))
    rng = np.random.default_rng(0)
    targets = [(float(x), float(y), 0.0) for x, y in rng.uniform(0, 80, (4, 2))]
    sources = [(float(x), float(y), 0.0) for x, y in rng.uniform(0, 80, (5, 2))]
    m = g.travel_matrix([g.snap(t) for t in targets], [g.snap(s) for s in sources])
    for i, t in enumerate(targets):
        for j, s in enumerate(sources):
            assert m[i, j] == pytest.approx(g.route(s, t).seconds, rel=1e-9)


# -- assignment ---------------------------------------------------------------------------
def test_certified_only_elevator_work_goes_to_the_certified_technician() -> None:
    uncertified = technician("near", ("elevator", "electrical"))  # skill, no certificate
    certified = technician("far", ("elevator",), certified=("elevator",))
    roster = _roster([uncertified, certified], {"near": (1, 0, 0), "far": (900, 0, 0)})
    techs = roster.snapshot()
    orders = [_order("lift", "elevator")]
    travel = np.array([[5.0, 3000.0]])  # the uncertified one is far nearer
    result = plan(orders, techs, travel)
    assert [(s.order_id, s.tech_id) for s in result.suggestions] == [("lift", "far")]
    # alone, the uncertified technician is never suggested: the order waits
    alone = plan(orders, [techs[0]], travel[:, :1])
    assert alone.suggestions == [] and "certified elevator" in alone.unassigned["lift"]


def test_gas_is_certified_only_too_and_missing_skill_is_infeasible() -> None:
    techs = _roster([technician("g", ("gas",)), technician("p", ("plumbing",))],
                    {"g": (0, 0, 0), "p": (0, 0, 0)}).snapshot()
    result = plan([_order("gas", "gas")], techs, np.array([[1.0, 1.0]]))
    assert result.suggestions == []


@pytest.mark.parametrize("free_travel_s,winner", [(200.0, "free"), (3000.0, "busy")])
def test_load_penalty_decides_between_near_busy_and_far_free(free_travel_s: float,
                                                             winner: str) -> None:
    cfg = AssignmentConfig(load_penalty_s=900.0)
    roster = _roster([technician("busy", ("plumbing",)), technician("free", ("plumbing",))],
                     {"busy": (0, 0, 0), "free": (0, 0, 0)})
    roster.add_order("busy", "WO-other")
    techs = roster.snapshot()
    busy_travel = 60.0
    travel = np.array([[busy_travel, free_travel_s]])
    result = plan([_order("leak", "plumbing", priority=3)], techs, travel, cfg)
    (s,) = result.suggestions
    assert s.tech_id == winner
    # the explanation carries the terms that decided it, and they add up
    e = s.explanation
    assert e["total_s"] == pytest.approx(e["weighted_travel_s"] + e["load_penalty_s"]
                                         + e["stale_penalty_s"] + e["priority_bonus_s"], abs=0.2)
    assert e["open_orders"] == (1.0 if winner == "busy" else 0.0)


def test_urgent_orders_are_served_first_when_technicians_are_short() -> None:
    techs = _roster([technician("t", ("fire",))], {"t": (0, 0, 0)}).snapshot()
    orders = [_order("p4", "fire", priority=4), _order("p1", "fire", priority=1)]
    travel = np.array([[10.0], [400.0]])  # the low-priority one is much nearer
    result = plan(orders, techs, travel)
    assert [s.order_id for s in result.suggestions] == ["p1"]
    assert "p4" in result.unassigned


def test_p1_preempts_a_low_priority_order_not_yet_started() -> None:
    cfg = AssignmentConfig(max_load=1)
    roster = _roster([technician("t", ("fire",))], {"t": (0, 0, 0)})
    roster.add_order("t", "P3-job")
    techs = roster.snapshot()
    travel = np.array([[120.0]])
    held = {"t": [HeldOrder("P3-job", 3, "en_route")]}
    (s,) = plan([_order("fire", "fire", priority=1)], techs, travel, cfg, held).suggestions
    assert s.preempts == ("P3-job",) and "pre-empts" in s.explanation["summary"]
    # not when the technician is already working on it, nor for a P2 order
    started = {"t": [HeldOrder("P3-job", 3, "arrived")]}
    assert plan([_order("fire", "fire", priority=1)], techs, travel, cfg, started
                ).suggestions == []
    assert plan([_order("fire", "fire", priority=2)], techs, travel, cfg, held
                ).suggestions == []


def test_stale_position_costs_a_penalty_and_off_shift_is_not_assigned() -> None:
    clock = [NOW]
    roster = TechnicianRoster([technician("a", ("general",)), technician("b", ("general",))],
                              clock=lambda: clock[0], stale_after_s=120)
    roster.apply_location(TechLocationReceived("a", NOW, (0, 0, 0), NOW))
    roster.apply_location(TechLocationReceived("b", NOW, (0, 0, 0), NOW))
    clock[0] = NOW + 600  # both fixes are 10 min old now
    assert all(t.stale for t in roster.snapshot())
    roster.apply_location(TechLocationReceived("b", NOW + 590, (5, 0, 0), NOW + 590))
    a, b = roster.snapshot()
    assert a.stale and not b.stale and b.xyz == (5, 0, 0)
    (s,) = plan([_order("x", "general")], [a, b], np.array([[100.0, 150.0]])).suggestions
    assert s.tech_id == "b"  # 50 s further, but a's position is 10 minutes old
    roster.set_shift("b", False)
    a, b = roster.snapshot()
    (s,) = plan([_order("x", "general")], [a, b], np.array([[100.0, 150.0]])).suggestions
    assert s.tech_id == "a"
