"""Synthetic time-lapses of one compound camera with exact ground truth, for the
construction detector's tests and ``control-room bench construction``.

A spec names what happens: structures put up inside zones (a steel shed, a fence round a
piece of lawn, paving laid over a lawn, a room added on the podium roof, a car left on the
fire lane for days) or outside every zone (the same on the plaza), temporary things (a cart,
a car parked for hours, scaffolding up and down the same day, a tent for a day), people,
and the weather, night, season, jitter and an optional camera move. ``plan()`` lays it all
out from the seed; ``write()`` renders a frame every ``interval_s`` of compound time into an
H.264 video at ``fps`` (so one video second is ``interval_s × fps`` seconds of compound
time), with the zones file (CONTRACTS, durations in video time) and the truth.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.vision.groundsynth import props
from app.vision.groundsynth.layout import Layout, inside, make_layout, visible
from app.vision.groundsynth.light import DAY_S, WEATHERS, Sky
from app.vision.groundsynth.render import Renderer

STRUCTURE_ZONES = {"shed": ("green_space", "no_build"), "fence": ("green_space",),
                   "paving": ("green_space",), "rooftop": ("rooftop",),
                   "vehicle": ("fire_lane",)}
TEMPORARY_KINDS = ("cart", "car", "scaffold", "tent")
COLOURS = [(0.12, 0.25, 0.55), (0.55, 0.56, 0.58), (0.70, 0.70, 0.68), (0.45, 0.12, 0.10),
           (0.15, 0.35, 0.20), (0.60, 0.45, 0.15)]


@dataclass(frozen=True)
class TimelapseSpec:
    seed: int
    days: float = 4.5
    interval_s: float = 600.0
    fps: float = 12.0
    start_hour: float = 7.0
    inside: tuple[str, ...] = ()  # structures put up inside zones (STRUCTURE_ZONES keys)
    outside: tuple[str, ...] = ()  # structures put up outside every zone: shed | vehicle
    temporaries: int = 4
    people: float = 2.5  # mean people in view at midday
    weather: tuple[str, ...] = WEATHERS
    jitter_px: float = 1.0
    move_at_day: float | None = None  # the camera is knocked askew then (days from start)
    persist_s: float = 12 * 3600.0  # the zones file's min_persist_s, compound time


@dataclass
class Thing:
    id: str
    kind: str
    cls: str  # "structure" | "temporary"
    zone: str | None
    t_start: float
    t_complete: float
    t_end: float | None
    build: object = field(repr=False, default=None)  # progress (0..1] -> Mesh | patch
    bbox_px: list[int] = field(default_factory=list)

    def at(self, t: float):  # noqa: ANN201
        if t < self.t_start or (self.t_end is not None and t >= self.t_end):
            return None
        span = max(self.t_complete - self.t_start, 1.0)
        return self.build(min(1.0, max(0.05, (t - self.t_start) / span)))


@dataclass
class Plan:
    spec: TimelapseSpec
    layout: Layout
    sky: Sky
    things: list[Thing]
    t0: float  # compound time of frame 0, seconds after the first midnight
    frames: int
    move_at: float | None

    def time(self, i: int) -> float:
        return self.t0 + i * self.spec.interval_s

    def video_t(self, t: float) -> float:
        return (t - self.t0) / self.spec.interval_s / self.spec.fps


def _place(rng, lay: Layout, area_poly, w, d, h, z=0.0, margin=0.4, tries=80):  # noqa: ANN001
    """A free spot for a w × d × h thing inside ``area_poly`` and fully in view."""
    lo, hi = area_poly.min(axis=0), area_poly.max(axis=0)
    for _ in range(tries):
        cx, cy = rng.uniform(lo, hi)
        fp = props._footprint(cx, cy, w, d, lay.heading)
        top = np.column_stack([fp, np.full(4, z + h)])
        base = np.column_stack([fp, np.full(4, z)])
        if inside(area_poly, fp, margin) and visible(lay, np.vstack([top, base])):
            return float(cx), float(cy)
    return None


def _bbox(lay: Layout, pts3: np.ndarray) -> list[int]:
    px, _ = lay.pinhole.project(pts3)
    x0, y0 = np.floor(px.min(axis=0)).astype(int)
    x1, y1 = np.ceil(px.max(axis=0)).astype(int)
    return [int(max(0, x0)), int(max(0, y0)), int(min(639, x1) - max(0, x0)),
            int(min(359, y1) - max(0, y0))]


def _structure(rng, lay: Layout, kind: str, area, zone: str | None, t0: float, t1: float,
               tid: str) -> Thing | None:
    yaw = lay.heading + float(rng.uniform(-0.3, 0.3))
    colour = COLOURS[int(rng.integers(len(COLOURS)))]
    z = area.z if kind == "rooftop" else 0.0
    if kind in ("shed", "rooftop"):
        w, d, h = rng.uniform(2.2, 4.0), rng.uniform(2.0, 3.2), rng.uniform(2.2, 2.8)
        spot = _place(rng, lay, area.poly, w, d, h, z)
        if spot is None:
            return None
        roof = COLOURS[0] if rng.random() < 0.6 else colour

        def build(p, spot=spot, w=w, d=d, h=h):  # noqa: ANN001, ANN202
            return props.shed(*spot, w, d, h, colour, roof, yaw=yaw, z0=z, progress=p)
    elif kind == "vehicle":
        spot = _place(rng, lay, area.poly, 4.6, 1.9, 1.7, margin=0.1)
        if spot is None:
            return None

        def build(p, spot=spot):  # noqa: ANN001, ANN202
            return props.car(*spot, lay.heading, colour)
        t1 = t0 + 60.0  # parked, not built
    elif kind == "fence":
        w, d = rng.uniform(5.0, 9.0), rng.uniform(3.0, 5.0)
        spot = _place(rng, lay, area.poly, w, d, 1.6)
        if spot is None:
            return None
        fp = props._footprint(*spot, w, d, lay.heading)
        path = [tuple(fp[0]), tuple(fp[1]), tuple(fp[2]), tuple(fp[3])]
        solid = bool(rng.random() < 0.4)
        fence_h = float(rng.uniform(1.2, 1.8))

        def build(p, path=path):  # noqa: ANN001, ANN202
            return props.fence(path, fence_h, colour, solid=solid, progress=p)
    elif kind == "paving":
        w, d = rng.uniform(3.5, 7.0), rng.uniform(3.0, 6.0)
        spot = _place(rng, lay, area.poly, w, d, 0.05)
        if spot is None:
            return None
        fp = props._footprint(*spot, w, d, lay.heading)
        laid = {}

        def build(p, fp=fp):  # noqa: ANN001, ANN202
            k = max(1, int(math.ceil(p * 4)))  # laid strip by strip: four states, cached
            if k not in laid:
                part = fp.copy()
                part[2] = fp[1] + (fp[2] - fp[1]) * k / 4
                part[3] = fp[0] + (fp[3] - fp[0]) * k / 4
                laid[k] = (part, "patch")
            return laid[k]
    else:
        raise ValueError(f"unknown structure kind {kind!r}")
    thing = Thing(tid, kind, "structure", zone, t0, t1, None, build)
    full = build(1.0)
    pts = (full.points() if isinstance(full, props.Mesh)
           else np.column_stack([full[0], np.zeros(len(full[0]))]))
    thing.bbox_px = _bbox(lay, pts)
    return thing


def _temporary(rng, lay: Layout, kind: str, t_day: float, tid: str) -> Thing | None:
    zones = lay.zones()
    where = [a for a in zones if a.kind != "rooftop"] + ([None] * 2)
    area = where[int(rng.integers(len(where)))]
    poly = lay.plaza if area is None else area.poly
    colour = COLOURS[int(rng.integers(len(COLOURS)))]
    hour = float(rng.uniform(7.5, 15.0))
    t0 = t_day + hour * 3600
    if kind == "cart":
        spot = _place(rng, lay, poly, 1.6, 0.9, 1.2)
        stay = rng.uniform(0.3, 4.0) * 3600

        def build(p, spot=spot):  # noqa: ANN001, ANN202
            return props.cart(*spot, lay.heading, colour)
    elif kind == "car":
        spot = _place(rng, lay, poly, 4.6, 1.9, 1.7, margin=0.1)
        stay = rng.uniform(1.0, 9.0) * 3600

        def build(p, spot=spot):  # noqa: ANN001, ANN202
            return props.car(*spot, lay.heading, colour)
    elif kind == "scaffold":
        spot = _place(rng, lay, poly, 3.0, 1.5, 4.0)
        t0 = t_day + rng.uniform(7.5, 9.5) * 3600
        stay = t_day + rng.uniform(16.0, 18.0) * 3600 - t0

        def build(p, spot=spot):  # noqa: ANN001, ANN202
            return props.scaffold(*spot, 3.0, 1.5, 4.0, yaw=lay.heading, progress=p)
    else:  # a white event tent for the day
        spot = _place(rng, lay, poly, 3.0, 3.0, 2.6)
        t0 = t_day + rng.uniform(8.0, 10.0) * 3600
        stay = rng.uniform(5.0, 9.0) * 3600

        def build(p, spot=spot):  # noqa: ANN001, ANN202
            return props.box(*spot, 3.0, 3.0, 2.4, (0.85, 0.85, 0.83), yaw=lay.heading,
                             top=(0.9, 0.9, 0.9))
    if spot is None:
        return None
    ramp = 3600.0 if kind == "scaffold" else 60.0
    thing = Thing(tid, kind, "temporary", None if area is None else area.id, t0, t0 + ramp,
                  t0 + stay, build)
    thing.bbox_px = _bbox(lay, build(1.0).points())
    return thing


def plan(spec: TimelapseSpec) -> Plan:
    rng = np.random.default_rng(spec.seed)
    lay = make_layout(rng)
    days = math.ceil(spec.days) + 1
    sky = Sky(rng, int(rng.integers(0, 365)), days, spec.weather)
    t0 = spec.start_hour * 3600.0
    frames = int(spec.days * DAY_S / spec.interval_s)
    end = t0 + frames * spec.interval_s
    things: list[Thing] = []
    zones = lay.zones()
    for i, kind in enumerate(spec.inside):
        options = [a for a in zones if a.kind in STRUCTURE_ZONES[kind]]
        rng.shuffle(options)
        latest = max(DAY_S + 9 * 3600, end - 3 * spec.persist_s - 6 * 3600)
        start = float(rng.uniform(DAY_S + 8 * 3600, latest))
        start = math.floor(start / DAY_S) * DAY_S + min(start % DAY_S, 16 * 3600)
        done = start + float(rng.uniform(1.0, 6.0)) * 3600
        for area in options:
            thing = _structure(rng, lay, kind, area, area.id, start, done, f"in{i}-{kind}")
            if thing is not None:
                things.append(thing)
                break
    for i, kind in enumerate(spec.outside):
        start = float(rng.uniform(DAY_S + 8 * 3600, DAY_S + 40 * 3600))
        area = type(zones[0])("plaza", "", "paving", lay.plaza)
        thing = _structure(rng, lay, kind, area, None, start, start + 3 * 3600, f"out{i}-{kind}")
        if thing is not None:
            things.append(thing)
    for i in range(spec.temporaries):
        day = float(rng.integers(0, max(1, int(spec.days)))) * DAY_S
        kind = TEMPORARY_KINDS[int(rng.integers(len(TEMPORARY_KINDS)))]
        thing = _temporary(rng, lay, kind, max(day, DAY_S * (day == 0)), f"tmp{i}-{kind}")
        if thing is not None:
            things.append(thing)
    move = None if spec.move_at_day is None else t0 + spec.move_at_day * DAY_S
    return Plan(spec, lay, sky, things, t0, frames, move)


def _people(rng, lay: Layout, t: float, mean: float) -> list[props.Mesh]:  # noqa: ANN001
    hour = (t % DAY_S) / 3600
    rate = mean * max(0.08, math.sin(math.pi * min(max(hour - 6, 0), 16) / 16))
    out = []
    areas = [lay.plaza] + [a.poly for a in lay.zones() if a.kind in ("green_space",
                                                                     "fire_lane")]
    for _ in range(int(rng.poisson(rate))):
        poly = areas[int(rng.integers(len(areas)))]
        spot = _place(rng, lay, poly, 0.5, 0.4, 1.7, margin=0.0, tries=10)
        if spot is not None:
            out.append(props.person(*spot, COLOURS[int(rng.integers(len(COLOURS)))]))
    return out


def frames(p: Plan) -> Iterator[np.ndarray]:
    """The time-lapse, frame by frame."""
    spec = p.spec
    rng = np.random.default_rng(spec.seed + 1)
    renderer = Renderer(p.layout, spec.seed)
    moved = None
    for i in range(p.frames):
        t = p.time(i)
        if p.move_at is not None and t >= p.move_at and moved is None:
            from dataclasses import replace
            cam = p.layout.pinhole
            turn = float(rng.choice([-1, 1])) * float(rng.uniform(4.0, 8.0))
            moved = Renderer(replace(p.layout, pinhole=replace(
                cam, yaw_deg=cam.yaw_deg + turn, pitch_deg=cam.pitch_deg + 1.5)), spec.seed)
        r = moved or renderer
        meshes, patches = [], []
        for thing in p.things:
            got = thing.at(t)
            if isinstance(got, props.Mesh):
                meshes.append(got)
            elif got is not None:
                patches.append(got)
        meshes += _people(rng, p.layout, t, spec.people)
        jitter = (*rng.normal(0, spec.jitter_px, 2), float(rng.normal(0, 0.05)))
        yield r.render(t, p.sky.at(t), meshes, patches, jitter)


def zones_json(p: Plan) -> dict:
    """The CONTRACTS zones file of the video, durations in video time."""
    lay = p.layout
    zones = []
    for a in lay.zones():
        poly = lay.image_poly(a.poly, a.z)
        if len(poly) >= 3:
            zones.append({"id": a.id, "kind": a.kind,
                          "polygon_px": [[round(float(x), 1), round(float(y), 1)]
                                         for x, y in poly]})
    scale = 1.0 / (p.spec.interval_s * p.spec.fps)
    return {"zones": zones, "min_persist_s": round(p.spec.persist_s * scale, 4),
            "sample_period_s": round(1.0 / p.spec.fps, 6)}


def truth_json(p: Plan) -> dict:
    return {"seed": p.spec.seed, "interval_s": p.spec.interval_s, "fps": p.spec.fps,
            "t0_s": p.t0, "frames": p.frames, "persist_s": p.spec.persist_s,
            "weather": p.sky.days, "camera_moved_s": p.move_at,
            "objects": [{"id": th.id, "kind": th.kind, "class": th.cls, "zone": th.zone,
                         "t_start": th.t_start, "t_complete": th.t_complete,
                         "t_end": th.t_end, "bbox_px": th.bbox_px} for th in p.things]}


def write(spec: TimelapseSpec, out_dir: Path, name: str | None = None) -> dict[str, Path]:
    """Render and encode; returns the paths of the video, zones and truth files."""
    from app.vision.demo_feeds import encode
    p = plan(spec)
    out_dir = Path(out_dir)
    name = name or f"timelapse-{spec.seed}"
    video = out_dir / f"{name}.mp4"
    encode(frames(p), video, spec.fps)
    zones = out_dir / f"{name}.zones.json"
    zones.write_text(json.dumps(zones_json(p)), encoding="utf-8")
    truth = out_dir / f"{name}.truth.json"
    truth.write_text(json.dumps(truth_json(p)), encoding="utf-8")
    return {"video": video, "zones": zones, "truth": truth}
