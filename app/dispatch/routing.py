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

from collections.abc import Sequence

import msgspec
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

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
        self._building = [n.building for n in self.nodes]
        self._floor = [n.floor for n in self.nodes]
        rows, cols, costs = self._edge_costs(edges)
        n = len(self.nodes)
        self.csgraph = coo_matrix((costs, (rows, cols)), shape=(n, n)).tocsr()
        self._rows: dict[int, tuple[np.ndarray, np.ndarray]] = {}

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
        for k, e in enumerate(edges):
            if e.a not in self.index or e.b not in self.index:
                missing = e.a if e.a not in self.index else e.b
                raise RoutingError(f"walk_edges[{k}]: unknown node {missing!r}")
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
            shaft = coo_matrix((np.ones(len(lifts)), (la, lb)), shape=(n, n))
            _, label = connected_components(shaft, directed=False)
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
        mask = np.ones(len(self.nodes), dtype=bool)
        if building is not None:
            same = np.asarray([b == building and (floor is None or f == floor)
                               for b, f in zip(self._building, self._floor, strict=True)])
            if same.any():
                mask = same
        d = self.xyz - p
        horiz = np.hypot(d[:, 0], d[:, 1])
        metric = np.where(mask, horiz + cfg.snap_height_weight * np.abs(d[:, 2]), np.inf)
        k = min(cfg.snap_candidates, int(mask.sum()))
        best = np.argpartition(metric, k - 1)[:k]
        best = best[np.argsort(metric[best])]
        return Snap(nodes=tuple(int(i) for i in best),
                    leg_s=tuple(float(metric[i]) / cfg.walk_mps for i in best))

    def _from(self, node: int) -> tuple[np.ndarray, np.ndarray]:
        row = self._rows.get(node)
        if row is None:
            dist, pred = dijkstra(self.csgraph, directed=False, indices=node,
                                  return_predecessors=True)
            row = self._rows[node] = (dist, pred)
        return row

    def precompute(self, nodes: Sequence[int]) -> None:
        """Shortest paths from all of these nodes at once (one csgraph call)."""
        todo = sorted({int(n) for n in nodes} - self._rows.keys())
        if not todo:
            return
        dist, pred = dijkstra(self.csgraph, directed=False, indices=todo,
                              return_predecessors=True)
        for k, node in enumerate(todo):
            self._rows[node] = (dist[k], pred[k])

    def travel_matrix(self, targets: Sequence[Snap], sources: Sequence[Snap]) -> np.ndarray:
        """Seconds from each source (rows of the result's columns) to each target (rows).

        Shape (len(targets), len(sources)); inf where unreachable. Dijkstra runs from the
        targets (orders are few places; the graph is undirected so direction is free).
        """
        self.precompute([n for t in targets for n in t.nodes])
        out = np.full((len(targets), len(sources)), np.inf)
        if not sources:
            return out
        width = max(len(s.nodes) for s in sources)
        src_nodes = np.zeros((len(sources), width), dtype=int)
        src_leg = np.full((len(sources), width), np.inf)
        for j, s in enumerate(sources):
            src_nodes[j, :len(s.nodes)] = s.nodes
            src_leg[j, :len(s.leg_s)] = s.leg_s
        for i, t in enumerate(targets):
            for node, leg in zip(t.nodes, t.leg_s, strict=True):
                dist = self._rows[node][0]
                cand = (dist[src_nodes] + src_leg).min(axis=1) + leg
                np.minimum(out[i], cand, out=out[i])
        return out

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
