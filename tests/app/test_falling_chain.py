"""Chaining a night fall's fragments along one parabola (issue 15, round 9b).

At night, with moths and IR-lit rain taking the gates, a falling object leaves a blob in
60–75 % of its frames and those blobs go to many short tracks: one long enough to fit, then
crumbs of one or two points and short runs, none long enough to judge (cctv-dev night seeds
13, 37). A moth hovering at the window before the release takes the object's first blobs
and leaves with the moth. The stitching pool must chain the pieces that lie on the fall's
own parabola into one fall, judged by the same physics, and leave clutter alone.
"""

from __future__ import annotations

import numpy as np

from app.vision.facade import Facade
from app.vision.falling import FallingConfig
from app.vision.falling.physics import judge
from app.vision.falling.stitch import StitchPool
from app.vision.falling.tracker import Track
from app.vision.synth import PinholeCamera

CAM = PinholeCamera(1280, 720, 50.0, 32.0, 1.5)
D, FH, CW = 40.0, 3.0, 4.0  # facade distance, storey, column width (m)
FLOORS, COLS = 20, 6
FPS = 25.0
MAX_MISS = 4  # frames a short track coasts before it ends (FallingConfig.max_miss)

# Frame by frame, which track took the object's blob ('.': no blob): the pattern traced on
# cctv-dev night seeds 13 and 37. M is a moth's track that was there before.
PATTERN = "MMMMMAAAAAA.AA..BBB...CC..DEFGG...H..IIIIJJK...L.N"


def _facade() -> Facade:
    x0, x1, y0, y1 = -COLS * CW / 2, COLS * CW / 2, 3 * FH, (3 + FLOORS) * FH
    px = CAM.project(np.array([[x0, y1, D], [x1, y1, D], [x1, y0, D], [x0, y0, D]]))
    return Facade(tuple(map(tuple, px)), FLOORS, COLS, lowest_floor=4, floor_height_m=FH)


def _fall_px(h0: float, n: int) -> np.ndarray:
    """Pixel positions, one a frame from the release, of a fall with quadratic drag."""
    g, v_term = 9.81, 40.0
    t = np.arange(n) / FPS
    h = h0 - v_term**2 / g * np.log(np.cosh(g * t / v_term))
    return CAM.project(np.stack([np.full_like(t, 1.0), h, np.full_like(t, D - 0.8)], axis=1))


def _play(tracks: list[Track]) -> list:
    """Feed the tracks to the pool as the detector does: each ends MAX_MISS frames after
    its last point; the pool is asked every frame for what is ripe, with the tracks still
    running as live. Returns the verdicts of everything judged."""
    cfg = FallingConfig()
    pool = StitchPool(cfg.stitch_hold_s, cfg.stitch_gap_s)
    t0 = min(tr.t[0] for tr in tracks)
    t1 = max(tr.t[-1] for tr in tracks) + 2.0
    done: list[Track] = []
    ended: set[int] = set()
    for k in range(round((t1 - t0) * FPS) + 1):
        now = t0 + k / FPS
        out = [tr for tr in tracks
               if id(tr) not in ended and tr.t[-1] + MAX_MISS / FPS <= now + 1e-9]
        ended |= {id(tr) for tr in out}
        live = [tr for tr in tracks if id(tr) not in ended and tr.t[0] <= now + 1e-9]
        pool.add(out)
        done += pool.ripe(now, live)
    done += pool.drain()
    return [judge(tr, cfg, _facade(), 720, fps=FPS) for tr in done]


def _moth(rng: np.random.Generator, tid: int, x: float, y: float, t0: float, n: int) -> Track:
    tr = Track(tid)
    for k in range(n):
        tr.add(t0 + k / FPS, x + rng.normal(0, 4), y + rng.normal(0, 4), 3.0 + rng.uniform(0, 6))
    return tr


def _broken_fall(h0: float, rng: np.random.Generator) -> list[Track]:
    px = _fall_px(h0, len(PATTERN))
    tracks: dict[str, Track] = {}
    # the moth at the window, 0.4 s before the release, then the object's first blobs
    moth = _moth(rng, 99, px[0, 0] + 6, px[0, 1] - 4, -0.4, 10)
    tracks["M"] = moth
    for k, c in enumerate(PATTERN):
        if c == ".":
            continue
        tr = tracks.setdefault(c, Track(len(tracks) + 1))
        tr.add(k / FPS, float(px[k, 0] + rng.normal(0, 0.7)),
               float(px[k, 1] + rng.normal(0, 0.7)), 4.0)
    # ...and leaves with the moth again
    for k in range(6):
        moth.add((5 + k) / FPS, px[0, 0] + 8 + rng.normal(0, 4), px[0, 1] - 6 + rng.normal(0, 4),
                 5.0)
    return list(tracks.values())


def _clutter(rng: np.random.Generator, x: float, y: float, secs: float) -> list[Track]:
    """Moth crumbs and short hovering tracks scattered over 120 × 300 px, as many as the
    fall's own pieces."""
    out = []
    for i in range(25):
        t0 = rng.uniform(-0.3, secs)
        n = int(rng.choice([1, 1, 2, 3, 5]))
        out.append(_moth(rng, 200 + i, x + rng.uniform(-60, 60), y + rng.uniform(0, 300), t0, n))
    return out


def test_a_night_fall_broken_into_fragments_and_crumbs_is_one_throw_from_its_floor():
    h0 = 13 * FH + 1.2  # released on the 14th storey
    for seed in range(4):
        rng = np.random.default_rng(seed)
        tracks = _broken_fall(h0, rng)
        # no piece alone is a fall
        assert not any(judge(tr, FallingConfig(), _facade(), 720, fps=FPS).accepted
                       for tr in tracks)
        px = _fall_px(h0, 1)[0]
        verdicts = _play(tracks + _clutter(rng, px[0], px[1], len(PATTERN) / FPS))
        falls = [v for v in verdicts if v.accepted]
        assert len(falls) == 1, (seed, [v.reason for v in verdicts])
        assert _facade().cell(*falls[0].origin_px)[0] == 14, seed


def test_moth_and_rain_crumbs_alone_are_not_chained_into_a_fall():
    """Crumbs of moths hovering and of IR-lit rain streaks crossing the frame steeply at a
    constant speed: they lie near one another, some in a line, none is a fall."""
    for seed in range(6):
        rng = np.random.default_rng(100 + seed)
        tracks = _clutter(rng, 640.0, 150.0, 2.5)
        for i in range(30):  # rain: 1–3 points each on straight, steep, unaccelerated lines
            t0, x0, y0 = rng.uniform(0, 2.5), rng.uniform(520, 760), rng.uniform(50, 350)
            vx, vy = rng.uniform(-40, 40), rng.uniform(150, 400)
            tr = Track(300 + i)
            for k in range(int(rng.integers(1, 4))):
                tr.add(t0 + k / FPS, x0 + vx * k / FPS, y0 + vy * k / FPS, 3.0)
            tracks.append(tr)
        # and one long steady rain line broken into crumbs, the strongest chain clutter makes
        line = Track(400)
        for k in range(0, 40):
            if k % 3:
                line.add(k / FPS, 600 + 2.0 * k, 80 + 9.0 * k, 3.0)
        pieces = [Track(401 + j) for j in range(0, 40, 5)]
        for tt, x, y, s in zip(line.t, line.x, line.y, line.size, strict=True):
            pieces[int(round(tt * FPS)) // 5].add(tt, x, y, s)
        tracks += [p for p in pieces if p.t]
        assert not any(v.accepted for v in _play(tracks)), seed
