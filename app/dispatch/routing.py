"""Travel time along the scene's walkway graph (stairs and elevators included).

Edge times: the edge's own ``seconds`` when the scene gives one; otherwise walk/road edges at
walking speed, stairs at walking speed plus a climb rate per metre of height, elevators as
one wait plus a ride time per metre. An elevator shaft is usually drawn as a chain of
floor-to-floor edges; the wait must be paid once per ride, not per floor, so each shaft
(a connected group of elevator edges) becomes direct edges between all of its stops.

Arbitrary points (a technician's handset, a fault) are snapped to nearby graph nodes of the
same building and floor when those are known, and the straight leg to the node is walked.
Shortest paths come from ``scipy.sparse.csgraph.dijkstra``; rows are cached per source node
so an assignment round over many orders at the same places is cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import msgspec
import numpy as np
import scipy  # submodules load on first use: scipy.sparse costs ~0.2 s of start-up

from app.scene.model import Scene, WalkEdge, WalkNode


class RoutingConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    walk_mps: float = 1.3
    stairs_s_per_m_climb: float = 4.0  # ≈ 12 s per 3 m floor on top of the walk
    elevator_wait_s: float = 30.0
    elevator_s_per_m: float = 0.7  # ≈ 2 s per floor
    # off-graph legs: a metre of height without stairs costs this many metres of walking, so
    # a point is not snapped to a node on another floor
    snap_height_weight: float = 10.0
    snap_candidates: int = 3


class Route(msgspec.Struct, frozen=True):
    seconds: float
    node_ids: tuple[str, ...]
    points: tuple[tuple[float, float, float], ...]  # start, the nodes, end: for drawing


class Snap(msgspec.Struct, frozen=True):
    nodes: tuple[int, ...]
    leg_s: tuple[float, ...]


class RoutingError(ValueError):
    """The walkway graph is unusable (unknown node in an edge, no nodes)."""


class WalkGraph:
    def __init__(self, nodes: Sequence[WalkNode], edges: Sequence[WalkEdge],
                 config: RoutingConfig | None = None) -> None:
        if not nodes:
            raise RoutingError("the walkway graph has no nodes")
        self.config = config or RoutingConfig()
        self.nodes = list(nodes)
        self.index = {n.id: i for i, n in enumerate(self.nodes)}
        self.xyz = np.asarray([n.xyz for n in self.nodes], dtype=float)
        # node indices per (building, floor) and per (building, None), for snapping
        self._all = np.arange(len(self.nodes))
        places: dict[tuple[str | None, int | None], list[int]] = {}
        for i, n in enumerate(self.nodes):
            if n.building is not None:
                places.setdefault((n.building, n.floor), []).append(i)
                places.setdefault((n.building, None), []).append(i)
        self._by_place = {k: np.asarray(v) for k, v in places.items()}
        for k, e in enumerate(edges):  # a bad edge is an error now, not at the first route
            for end in (e.a, e.b):
                if end not in self.index:
                    raise RoutingError(f"walk_edges[{k}]: unknown node {end!r}")
        self._edges = tuple(edges)
        self._rows: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    @functools.cached_property
    def csgraph(self) -> scipy.sparse.csr_matrix:
        """The graph for scipy's Dijkstra, built on the first route: scipy.sparse costs
        ~0.1 s to import, which the desk's start-up need not pay."""
        # Both directions stored explicitly and searched as a directed graph: scipy's
        # undirected mode re-symmetrises on every call (≈50× slower). A doubly drawn edge
        # keeps its faster time instead of coo_matrix summing the two.
        best: dict[tuple[int, int], float] = {}
        for a, b, c in zip(*self._edge_costs(self._edges), strict=True):
            for key in ((a, b), (b, a)):
                best[key] = min(c, best.get(key, np.inf))
        n = len(self.nodes)
        rows, cols = (np.fromiter((k[i] for k in best), dtype=int, count=len(best))
                      for i in (0, 1))
        weights = np.fromiter(best.values(), dtype=float, count=len(best))
        return scipy.sparse.coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsr()

    @classmethod
    def from_scene(cls, scene: Scene, config: RoutingConfig | None = None) -> WalkGraph:
        return cls(scene.walk_nodes, scene.walk_edges, config)

    # -- building the graph -------------------------------------------------------------
    def _edge_costs(self, edges: Sequence[WalkEdge]) -> tuple[list[int], list[int], list[float]]:
        cfg = self.config
        rows: list[int] = []
        cols: list[int] = []
        costs: list[float] = []
        lifts: list[tuple[int, int]] = []
        for e in edges:  # every node known: checked when the graph was made
            a, b = self.index[e.a], self.index[e.b]
            if e.kind == "elevator" and e.seconds is None:
                lifts.append((a, b))
                continue
            if e.seconds is not None:
                cost = float(e.seconds)
            else:
                d = self.xyz[b] - self.xyz[a]
                cost = float(np.linalg.norm(d)) / cfg.walk_mps
                if e.kind == "stairs":
                    cost += abs(float(d[2])) * cfg.stairs_s_per_m_climb
            rows.append(a)
            cols.append(b)
            costs.append(max(cost, 1e-3))  # csgraph treats an explicit 0 as "no edge"
        if lifts:
            # one shaft = one connected group of elevator edges: a ride between any two stops
            n = len(self.nodes)
            la, lb = zip(*lifts, strict=True)
            shaft = scipy.sparse.coo_matrix((np.ones(len(lifts)), (la, lb)), shape=(n, n))
            _, label = scipy.sparse.csgraph.connected_components(shaft, directed=False)
            stops: dict[int, list[int]] = {}
            for i in set(la) | set(lb):
                stops.setdefault(int(label[i]), []).append(i)
            for members in stops.values():
                for i in members:
                    for j in members:
                        if i < j:
                            dz = abs(self.xyz[i, 2] - self.xyz[j, 2])
                            rows.append(i)
                            cols.append(j)
                            costs.append(cfg.elevator_wait_s + dz * cfg.elevator_s_per_m)
        return rows, cols, costs

    # -- snapping and queries -----------------------------------------------------------
    def snap(self, xyz: Sequence[float], building: str | None = None,
             floor: int | None = None) -> Snap:
        """The nearest graph nodes to a point and the time to walk the leg to each."""
        cfg = self.config
        p = np.asarray(xyz, dtype=float)
        cand = self._all
        if building is not None:
            cand = self._by_place.get((building, floor), self._by_place.get((building, None),
                                                                            self._all))
        d = self.xyz[cand] - p
        metric = np.hypot(d[:, 0], d[:, 1]) + cfg.snap_height_weight * np.abs(d[:, 2])
        k = min(cfg.snap_candidates, len(cand))
        best = np.argpartition(metric, k - 1)[:k] if k < len(cand) else np.arange(len(cand))
        best = best[np.argsort(metric[best])]
        return Snap(nodes=tuple(int(cand[i]) for i in best),
                    leg_s=tuple(float(metric[i]) / cfg.walk_mps for i in best))

    def _from(self, node: int) -> tuple[np.ndarray, np.ndarray]:
        row = self._rows.get(node)
        if row is None:
            dist, pred = scipy.sparse.csgraph.dijkstra(self.csgraph, directed=True,
                                                       indices=node, return_predecessors=True)
            row = self._rows[node] = (dist, pred)
        return row

    def precompute(self, nodes: Sequence[int]) -> None:
        """Shortest paths from all of these nodes at once (one csgraph call)."""
        todo = sorted({int(n) for n in nodes} - self._rows.keys())
        if not todo:
            return
        dist, pred = scipy.sparse.csgraph.dijkstra(self.csgraph, directed=True, indices=todo,
                                                   return_predecessors=True)
        for k, node in enumerate(todo):
            self._rows[node] = (dist[k], pred[k])

    def travel_matrix(self, targets: Sequence[Snap], sources: Sequence[Snap]) -> np.ndarray:
        """Seconds from each source to each target: shape (len(targets), len(sources)), inf
        where unreachable. The graph is undirected, so Dijkstra runs from whichever side has
        fewer distinct nodes (usually the technicians) and the rows are cached."""
        out = np.full((len(targets), len(sources)), np.inf)
        if not targets or not sources:
            return out
        t_idx, t_leg, t_uniq = self._pack(targets)
        s_idx, s_leg, s_uniq = self._pack(sources)
        if len(s_uniq) <= len(t_uniq):
            self.precompute(s_uniq)
            d = np.stack([self._rows[int(n)][0][t_uniq] for n in s_uniq])  # (uS, uT)
        else:
            self.precompute(t_uniq)
            d = np.stack([self._rows[int(n)][0][s_uniq] for n in t_uniq]).T
        for a in range(t_idx.shape[1]):
            for b in range(s_idx.shape[1]):
                cand = d[s_idx[:, b]][:, t_idx[:, a]].T + t_leg[:, a, None] + s_leg[None, :, b]
                np.minimum(out, cand, out=out)
        return out

    @staticmethod
    def _pack(snaps: Sequence[Snap]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Snaps as (index into the unique nodes, leg seconds, unique nodes); padding has
        an infinite leg so it never wins."""
        width = max(len(s.nodes) for s in snaps)
        nodes = np.zeros((len(snaps), width), dtype=int)
        legs = np.full((len(snaps), width), np.inf)
        for i, s in enumerate(snaps):
            nodes[i, :len(s.nodes)] = s.nodes
            legs[i, :len(s.leg_s)] = s.leg_s
        uniq, inverse = np.unique(nodes, return_inverse=True)
        return inverse.reshape(nodes.shape), legs, uniq

    def route(self, start: Sequence[float], end: Sequence[float], *,
              start_at: tuple[str | None, int | None] = (None, None),
              end_at: tuple[str | None, int | None] = (None, None)) -> Route:
        """The fastest route between two points, with its node path for drawing."""
        a = self.snap(start, *start_at)
        b = self.snap(end, *end_at)
        best = (np.inf, -1, -1)
        for nb, leg_b in zip(b.nodes, b.leg_s, strict=True):
            dist = self._from(nb)[0]
            for na, leg_a in zip(a.nodes, a.leg_s, strict=True):
                total = leg_a + dist[na] + leg_b
                if total < best[0]:
                    best = (total, na, nb)
        seconds, na, nb = best
        if not np.isfinite(seconds):
            return Route(seconds=float("inf"), node_ids=(), points=())
        pred = self._from(nb)[1]
        path = [na]
        while path[-1] != nb:  # predecessors point towards nb, the Dijkstra source
            path.append(int(pred[path[-1]]))
        pts = [tuple(map(float, start))] + [tuple(map(float, self.xyz[i])) for i in path]
        pts.append(tuple(map(float, end)))
        return Route(seconds=float(seconds), node_ids=tuple(self.nodes[i].id for i in path),
                     points=tuple(pts))  # type: ignore[arg-type]
