"""Simulated technicians' handsets, for the demo and the tests.

Each handset receives the orders the control room publishes (``deliver`` has the signature
of ``Source.publish``, so it can be the DispatchService's publisher), accepts after a short
delay (or sometimes rejects), walks the walkway route at the routed pace publishing
``tech/{id}/location``, reports ``arrived``, works a while and reports ``done``. Everything it
says comes out of ``step(now)`` as contract messages (topic + payload bytes), so it can go
through ingest, any Source, or a real broker. Driven by a simulated clock; deterministic
under a seed (each decision draws from a generator seeded by seed, technician and order).

After a restart of the control room ``resume`` hands each handset the open order it held,
in the state the control room last knew: an accepted or en-route order is walked to at
once (nothing is accepted twice), an arrived one is worked on where it is.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import msgspec
import numpy as np

from app.dispatch.routing import WalkGraph
from app.domain.model import Technician, Vec3
from app.ingest.topics import TopicScheme
from app.sources.base import RawMessage


class HandsetConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    accept_delay_s: tuple[float, float] = (5.0, 40.0)
    reject_probability: float = 0.1
    work_s: tuple[float, float] = (60.0, 300.0)
    location_every_s: float = 5.0
    walk_mps: float = 1.3  # when there is no walkway graph


class _OrderMsg(msgspec.Struct):
    order_id: str
    state: str
    location: dict | None = None
    title: str = ""
    created_at: float | None = None


class _Job(msgspec.Struct):
    order_id: str
    target: Vec3
    building: str | None
    floor: int | None
    phase: str  # deciding | walking | working
    until: float  # when the current phase ends
    reject: bool
    work_s: float
    path: np.ndarray | None = None  # polyline being walked
    started: float = 0.0
    seconds: float = 0.0
    resumed: str | None = None  # the order's state when handed back after a restart


class _Handset:
    def __init__(self, tech: Technician, xyz: Vec3) -> None:
        self.tech = tech
        self.xyz = np.asarray(xyz, dtype=float)
        self.jobs: list[_Job] = []
        self.last_fix = -np.inf


class HandsetSimulator:
    def __init__(self, technicians: Sequence[Technician], graph: WalkGraph | None, *,
                 topics: TopicScheme | None = None, seed: int = 0,
                 config: HandsetConfig | None = None,
                 start_xyz: dict[str, Vec3] | None = None) -> None:
        self.graph = graph
        self.topics = topics or TopicScheme()
        self.seed = seed
        self.config = config or HandsetConfig()
        start_xyz = start_xyz or {}
        self.handsets = {t.id: _Handset(t, start_xyz.get(t.id, t.home_xyz))
                         for t in technicians}
        self._inbox: list[tuple[str, bytes]] = []
        self._resumes: list[tuple[str, str, str, dict]] = []
        self._decoder = msgspec.json.Decoder(_OrderMsg)

    def position(self, tech_id: str) -> Vec3:
        x, y, z = self.handsets[tech_id].xyz
        return (float(x), float(y), float(z))

    def deliver(self, topic: str, payload: bytes, *, qos: int = 1, retain: bool = False) -> None:
        """Take a message the control room published (only tech/{id}/orders matter)."""
        self._inbox.append((topic, payload))

    def resume(self, tech_id: str, order_id: str, state: str, location: dict) -> None:
        """Hand back an order ``tech_id`` held before a restart (``state``: assigned,
        accepted, en_route or arrived; ``location`` as in an order message)."""
        self._resumes.append((tech_id, order_id, state, location))

    def step(self, now: float) -> list[RawMessage]:
        """Advance every handset to ``now``; the messages they send, in time order."""
        out: list[tuple[float, str, bytes]] = []
        self._read_inbox(now)
        for h in self.handsets.values():
            self._advance(h, now, out)
        out.sort(key=lambda m: m[0])
        return [RawMessage(topic, payload, received_at=now) for _, topic, payload in out]

    # -- inside ---------------------------------------------------------------------------
    def _read_inbox(self, now: float) -> None:
        resumes, self._resumes = self._resumes, []
        for tech_id, order_id, state, location in resumes:
            h = self.handsets.get(tech_id)
            if h is not None:
                h.jobs.append(self._job(h, _OrderMsg(order_id, state, location), now,
                                        resumed=state))
        inbox, self._inbox = self._inbox, []
        prefix = f"{self.topics.root}/tech/"
        for topic, payload in inbox:
            if not (topic.startswith(prefix) and topic.endswith("/orders")):
                continue
            h = self.handsets.get(topic[len(prefix):-len("/orders")])
            if h is None:
                continue
            msg = self._decoder.decode(payload)
            h.jobs = [j for j in h.jobs if j.order_id != msg.order_id]
            if msg.state != "assigned" or msg.location is None:
                continue  # withdrawn or cancelled: dropped above
            h.jobs.append(self._job(h, msg, now))

    def _job(self, h: _Handset, msg: _OrderMsg, now: float, *,
             resumed: str | None = None) -> _Job:
        delay, reject, work_s = self._decide(h.tech.id, msg)
        if resumed not in (None, "assigned"):  # already accepted: goes on at once
            delay, reject = 0.0, False
        location = msg.location or {}
        return _Job(order_id=msg.order_id, target=tuple(location["xyz"]),  # type: ignore[arg-type]
                    building=location.get("building"), floor=location.get("floor"),
                    phase="deciding", until=now + delay, reject=reject, work_s=work_s,
                    resumed=resumed)

    def _decide(self, tech_id: str, msg: _OrderMsg) -> tuple[float, bool, float]:
        """(seconds before answering, rejects?, seconds of work) for an order received."""
        rng = random.Random(f"{self.seed}:{tech_id}:{msg.order_id}")
        cfg = self.config
        return (rng.uniform(*cfg.accept_delay_s), rng.random() < cfg.reject_probability,
                rng.uniform(*cfg.work_s))

    def _advance(self, h: _Handset, now: float, out: list[tuple[float, str, bytes]]) -> None:
        cfg = self.config
        while h.jobs:
            job = h.jobs[0]
            if job.phase == "walking":
                self._walk(h, job, min(now, job.until), out)
            if now < job.until:
                break
            t = job.until
            if job.phase == "deciding" and job.resumed == "arrived":
                h.xyz = np.asarray(job.target, dtype=float)  # on site, working
                out.append(self._fix(h, t))
                job.phase, job.until = "working", t + job.work_s
            elif job.phase == "deciding" and job.resumed in ("accepted", "en_route"):
                self._start_walk(h, job, t)  # accepted before the restart: on the way
            elif job.phase == "deciding":
                if job.reject:
                    out.append(self._update(h, job, "rejected", t, "busy with another job"))
                    self._finish(h, t)
                    continue
                out.append(self._update(h, job, "accepted", t))
                self._start_walk(h, job, t)
            elif job.phase == "walking":
                h.xyz = np.asarray(job.target, dtype=float)
                out.append(self._fix(h, t))
                out.append(self._update(h, job, "arrived", t))
                job.phase, job.until = "working", t + job.work_s
            else:
                out.append(self._update(h, job, "done", t, "fixed"))
                self._finish(h, t)
        if now - h.last_fix >= cfg.location_every_s:
            out.append(self._fix(h, now))

    @staticmethod
    def _finish(h: _Handset, t: float) -> None:
        # orders that came in meanwhile were read; their clocks start when this one ends
        h.jobs.pop(0)
        if h.jobs and h.jobs[0].phase == "deciding":
            h.jobs[0].until = max(h.jobs[0].until, t)

    def _start_walk(self, h: _Handset, job: _Job, t: float) -> None:
        if self.graph is not None:
            route = self.graph.route(h.xyz, job.target, end_at=(job.building, job.floor))
            path, seconds = np.asarray(route.points, dtype=float), route.seconds
        else:
            path = np.asarray([h.xyz, job.target], dtype=float)
            seconds = float(np.linalg.norm(path[1] - path[0])) / self.config.walk_mps
        if not np.isfinite(seconds) or len(path) < 2:  # unreachable: walk straight
            path = np.asarray([h.xyz, job.target], dtype=float)
            seconds = float(np.linalg.norm(path[1] - path[0])) / self.config.walk_mps
        job.phase, job.path, job.started = "walking", path, t
        job.seconds, job.until = seconds, t + seconds

    def _walk(self, h: _Handset, job: _Job, t: float, out: list) -> None:
        # position = the same fraction of the polyline as of the routed time
        assert job.path is not None
        seg = np.linalg.norm(np.diff(job.path, axis=0), axis=1)
        total = seg.sum()
        frac = 1.0 if job.seconds <= 0 else min(1.0, (t - job.started) / job.seconds)
        s = frac * total
        cum = np.concatenate([[0.0], np.cumsum(seg)])
        i = int(np.clip(np.searchsorted(cum, s, side="right") - 1, 0, len(seg) - 1))
        f = 0.0 if seg[i] == 0 else (s - cum[i]) / seg[i]
        h.xyz = job.path[i] + f * (job.path[i + 1] - job.path[i])

    def _fix(self, h: _Handset, t: float) -> tuple[float, str, bytes]:
        h.last_fix = t
        body = {"ts": int(t * 1000), "xyz": [round(float(v), 3) for v in h.xyz]}
        return (t, self.topics.tech(h.tech.id, "location"), msgspec.json.encode(body))

    def _update(self, h: _Handset, job: _Job, state: str, t: float,
                note: str = "") -> tuple[float, str, bytes]:
        body = {"order_id": job.order_id, "state": state, "note": note}
        return (t, self.topics.tech(h.tech.id, "order-updates"), msgspec.json.encode(body))
