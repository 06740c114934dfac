"""Synthetic microphone layouts and arrivals, for the benchmark, the tests and the demo.

The layout imitates a real compound: 8 microphones over about 100 × 100 m, four on lamp
posts and gatehouse roofs (3–6 m) and four on building walls at 10–25 m, so they are far from
coplanar and the height of a sound is observable.
"""

from __future__ import annotations

import msgspec
import numpy as np
from scipy.spatial import Delaunay

from app.dispatch.acoustic import DEFAULT_SPEED_OF_SOUND

# (x, y, z) in site metres: posts near the corners, walls of the towers in between
COMPOUND_MICS: dict[str, tuple[float, float, float]] = {
    "mic-post-sw": (-48.0, -45.0, 4.0),
    "mic-post-se": (50.0, -47.0, 3.5),
    "mic-post-ne": (47.0, 52.0, 5.0),
    "mic-post-nw": (-52.0, 46.0, 6.0),
    "mic-wall-b1": (-20.0, -10.0, 22.0),
    "mic-wall-b2": (18.0, -25.0, 13.0),
    "mic-wall-b3": (22.0, 20.0, 25.0),
    "mic-wall-b4": (-15.0, 28.0, 10.0),
}


class SyntheticSound(msgspec.Struct, frozen=True):
    source: tuple[float, float, float]
    arrivals_ns: dict[str, int]
    outliers: tuple[str, ...]  # mics whose arrival was replaced by a late echo


def jittered_layout(rng: np.random.Generator, jitter_m: float = 5.0
                    ) -> dict[str, tuple[float, float, float]]:
    """The compound layout moved a few metres per mic, so a benchmark sees many layouts."""
    out = {}
    for mic_id, xyz in COMPOUND_MICS.items():
        x, y, z = np.asarray(xyz) + rng.normal(0.0, jitter_m, 3) * (1.0, 1.0, 0.3)
        out[mic_id] = (float(x), float(y), float(max(z, 2.5)))
    return out


def point_in_hull(mics: dict[str, tuple[float, float, float]],
                  rng: np.random.Generator) -> tuple[float, float, float]:
    """A uniformly random point inside the microphones' 3-D convex hull."""
    pts = np.asarray(list(mics.values()))
    hull = Delaunay(pts)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    while True:
        q = rng.uniform(lo, hi)
        if hull.find_simplex(q) >= 0:
            return (float(q[0]), float(q[1]), float(q[2]))


def synthesize(mics: dict[str, tuple[float, float, float]],
               source: tuple[float, float, float], rng: np.random.Generator, *,
               noise_s: float = 1e-4, n_echoes: int = 1, echo_range_s: tuple[float, float]
               = (5e-3, 30e-3), speed_of_sound: float = DEFAULT_SPEED_OF_SOUND,
               t0_ns: int = 1_764_040_000_000_000_000) -> SyntheticSound:
    """Arrival times with Gaussian timing noise and ``n_echoes`` late echoes."""
    ids = list(mics)
    pos = np.asarray([mics[m] for m in ids])
    delay_s = np.linalg.norm(pos - np.asarray(source), axis=1) / speed_of_sound
    delay_s = delay_s + rng.normal(0.0, noise_s, len(ids))
    echo_idx = rng.choice(len(ids), n_echoes, replace=False) if n_echoes else []
    for i in echo_idx:
        delay_s[i] += rng.uniform(*echo_range_s)
    arrivals = {m: t0_ns + int(round(d * 1e9)) for m, d in zip(ids, delay_s, strict=True)}
    return SyntheticSound(source=source, arrivals_ns=arrivals,
                          outliers=tuple(ids[i] for i in echo_idx))
