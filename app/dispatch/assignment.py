"""Optimal assignment of open work orders to technicians, with the reasons for each pick.

Cost of giving order o to technician t (seconds-equivalent, lower is better)::

    priority_weight[p] × travel_s            urgent orders value every second more
  + load_penalty_s × open orders of t        a busy technician finishes something first
  + stale_penalty_s  if t's position is stale (or only the home address is known)
  − priority_bonus_s[p]                      when technicians are short, urgent orders win

Infeasible (never suggested): t lacks the skill; elevator and gas work without the
certificate ("certified only"); t off shift; t at ``max_load``; t already rejected o; no
walkway route. One ``scipy.optimize.linear_sum_assignment`` on the rectangular matrix gives
at most one new order per technician per round; infeasible pairs carry a huge cost and are
dropped afterwards.

Pre-emption (the documented rule): an order of priority ≤ ``preempt_priority`` (P1) that got
no technician, or whose technician is more than ``preempt_if_travel_over_s`` away, may take
a qualified technician whose open orders are all priority ≥ ``preempt_victim_priority`` (P3
or lower) and not yet ``arrived``; those orders go back to the queue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec
import numpy as np
import scipy  # submodules load on first use: scipy.optimize costs ~0.3 s of start-up

from app.dispatch.notes import note as note_line
from app.dispatch.notes import position_word
from app.dispatch.orders import WorkOrder
from app.dispatch.technicians import CERTIFIED_ONLY, TechnicianStatus, can_do
from app.domain.kinds import SKILLS

INFEASIBLE = 1e12


class AssignmentConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    priority_weight: dict[int, float] = msgspec.field(
        default_factory=lambda: {1: 3.0, 2: 2.0, 3: 1.0, 4: 0.5})
    priority_bonus_s: dict[int, float] = msgspec.field(
        default_factory=lambda: {1: 36000.0, 2: 18000.0, 3: 6000.0, 4: 0.0})
    load_penalty_s: float = 900.0
    stale_penalty_s: float = 300.0
    max_load: int = 3
    preempt_priority: int = 1
    preempt_victim_priority: int = 3
    preempt_if_travel_over_s: float = 900.0


class Suggestion(msgspec.Struct, frozen=True):
    order_id: str
    tech_id: str
    cost: float
    explanation: dict[str, float | str]
    preempts: tuple[str, ...] = ()  # order ids the technician must drop (pre-emption)


class Plan(msgspec.Struct, frozen=True):
    suggestions: list[Suggestion]
    unassigned: dict[str, str]  # order id → why no technician


class HeldOrder(msgspec.Struct, frozen=True):
    order_id: str
    priority: int
    state: str


def _explain(order: WorkOrder, st: TechnicianStatus, travel: float, cfg: AssignmentConfig,
             preempts: str = "") -> dict[str, float | str]:
    w = cfg.priority_weight[order.priority]
    load_pen = cfg.load_penalty_s * st.load
    stale_pen = cfg.stale_penalty_s if st.stale else 0.0
    bonus = cfg.priority_bonus_s[order.priority]
    total = w * travel + load_pen + stale_pen - bonus
    summary = note_line("suggested", name=st.tech.name, minutes=f"{travel / 60:.1f}",
                        where=position_word(st.stale), load=st.load,
                        skill=order.skill, preempts=preempts,
                        cert=" (certified)" if order.skill in CERTIFIED_ONLY else "")
    out: dict[str, float | str] = {
        "travel_s": round(travel, 1), "priority": float(order.priority),
        "priority_weight": w, "weighted_travel_s": round(w * travel, 1),
        "open_orders": float(st.load), "load_penalty_s": load_pen,
        "stale_penalty_s": stale_pen, "priority_bonus_s": -bonus,
        "total_s": round(total, 1), "summary": summary}
    return out


def cost_matrix(orders: Sequence[WorkOrder], techs: Sequence[TechnicianStatus],
                travel_s: np.ndarray, cfg: AssignmentConfig) -> np.ndarray:
    """Orders × technicians cost; INFEASIBLE where the pair is not allowed."""
    skill_ix = {s: i for i, s in enumerate(SKILLS)}
    # capability per technician and skill, certification included
    cap = np.array([[can_do(t.tech, s) for s in SKILLS] for t in techs], dtype=bool)
    want = np.array([skill_ix.get(o.skill, -1) for o in orders])
    feasible = np.zeros((len(orders), len(techs)), dtype=bool)
    known = want >= 0
    if len(techs):
        feasible[known] = cap[:, want[known]].T
    usable = np.array([t.on_shift and t.load < cfg.max_load for t in techs], dtype=bool)
    feasible &= usable[None, :]
    feasible &= np.isfinite(travel_s)
    col = {t.id: j for j, t in enumerate(techs)}
    for i, o in enumerate(orders):
        for tid in o.rejected_by:
            if tid in col:
                feasible[i, col[tid]] = False
    w = np.array([cfg.priority_weight[o.priority] for o in orders])
    bonus = np.array([cfg.priority_bonus_s[o.priority] for o in orders])
    per_tech = np.array([cfg.load_penalty_s * t.load + (cfg.stale_penalty_s if t.stale else 0.0)
                         for t in techs])
    with np.errstate(invalid="ignore"):
        cost = w[:, None] * travel_s + per_tech[None, :] - bonus[:, None]
    return np.where(feasible, cost, INFEASIBLE)


def plan(orders: Sequence[WorkOrder], techs: Sequence[TechnicianStatus], travel_s: np.ndarray,
         cfg: AssignmentConfig | None = None,
         held: Mapping[str, Sequence[HeldOrder]] | None = None) -> Plan:
    """Suggestions for the queued ``orders``; ``travel_s`` is orders × techs seconds."""
    cfg = cfg or AssignmentConfig()
    if not orders:
        return Plan([], {})
    if not techs:
        return Plan([], {o.id: note_line("nobody") for o in orders})
    cost = cost_matrix(orders, techs, travel_s, cfg)
    rows, cols = scipy.optimize.linear_sum_assignment(cost)
    suggestions: dict[str, Suggestion] = {}
    for i, j in zip(rows, cols, strict=True):
        if cost[i, j] < INFEASIBLE / 2:
            o, t = orders[i], techs[j]
            suggestions[o.id] = Suggestion(o.id, t.id, float(cost[i, j]),
                                           _explain(o, t, float(travel_s[i, j]), cfg))
    taken = {s.tech_id for s in suggestions.values()}
    for i, o in enumerate(orders):
        if o.priority > cfg.preempt_priority or held is None:
            continue
        current = suggestions.get(o.id)
        if current is not None and current.explanation["travel_s"] <= cfg.preempt_if_travel_over_s:
            continue
        best = _preemption(i, o, techs, travel_s, cfg, held, taken)
        if best is not None and (current is None or
                                 travel_s[i, best] < float(current.explanation["travel_s"])):
            t = techs[best]
            victims = tuple(h.order_id for h in held.get(t.id, ()))
            if current is not None:
                taken.discard(current.tech_id)
            taken.add(t.id)
            preempts = f"; pre-empts {', '.join(victims)}"
            suggestions[o.id] = Suggestion(o.id, t.id, float(travel_s[i, best]),
                                           _explain(o, t, float(travel_s[i, best]), cfg, preempts),
                                           preempts=victims)
    by_skill: dict[str, list[TechnicianStatus]] = {}
    unassigned = {}
    for i, o in enumerate(orders):
        if o.id not in suggestions:
            if o.skill not in by_skill:
                by_skill[o.skill] = [t for t in techs if can_do(t.tech, o.skill)]
            unassigned[o.id] = _why_not(o, by_skill[o.skill], cost[i])
    return Plan(list(suggestions.values()), unassigned)


def _preemption(i: int, order: WorkOrder, techs: Sequence[TechnicianStatus],
                travel_s: np.ndarray, cfg: AssignmentConfig,
                held: Mapping[str, Sequence[HeldOrder]], taken: set[str]) -> int | None:
    best, best_t = None, np.inf
    for j, t in enumerate(techs):
        hold = held.get(t.id, ())
        if (not hold or t.id in taken or not t.on_shift or not can_do(t.tech, order.skill)
                or t.id in order.rejected_by):
            continue
        if all(h.priority >= cfg.preempt_victim_priority and h.state != "arrived"
               for h in hold) and travel_s[i, j] < best_t:
            best, best_t = j, travel_s[i, j]
    return best


def _why_not(order: WorkOrder, qualified: Sequence[TechnicianStatus], row: np.ndarray) -> str:
    if not qualified:
        need = "certified " if order.skill in CERTIFIED_ONLY else ""
        return note_line("none_qualified", certified=need, skill=order.skill)
    if not any(t.on_shift for t in qualified):
        return note_line("none_on_shift", skill=order.skill)
    if (row < INFEASIBLE / 2).any():
        return note_line("all_taken")
    return note_line("all_unavailable", skill=order.skill)
