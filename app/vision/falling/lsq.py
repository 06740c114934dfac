"""Least-squares polynomials for the few points of a track, without ``np.polyfit``'s cost.

The tracker, the stitching pool and the clean-core search fit a line or a parabola to 3–30
points thousands of times a second on a rainy night (every fragment of an IR-lit rain
streak is a tracklet): ``np.polyfit`` spends ~60 µs a call on checks, a Vandermonde matrix
and an SVD, much of a frame's tracking time. The normal equations on time scaled to
[-1, 1], solved in closed form, give the same coefficients on such short, well-spread
series at a fraction of the cost.
"""

from __future__ import annotations

import numpy as np

_MOMENTS = [np.arange(2 * d + 1) for d in range(4)]


def polyfit(t, v, deg: int) -> np.ndarray:
    """Coefficients, highest power first, as ``np.polyfit(t, v, deg)``."""
    t = np.asarray(t, float)
    v = np.asarray(v, float)
    s = float(np.max(np.abs(t))) or 1.0
    p = (t / s)[:, None] ** _MOMENTS[deg]  # 1, τ, τ², … τ^(2·deg)
    m = p.sum(axis=0).tolist()
    r = (v @ p[:, : deg + 1]).tolist()
    if deg == 1:
        det = m[0] * m[2] - m[1] * m[1]
        if det <= 1e-12 * m[0] * m[2]:
            return np.polyfit(t, v, deg)
        c1 = (m[0] * r[1] - m[1] * r[0]) / det
        c0 = (r[0] - m[1] * c1) / m[0]
        return np.array([c1 / s, c0])
    if deg == 2:
        a, b, c, d, e = m
        # | a b c | |c0|   |r0|
        # | b c d | |c1| = |r1|
        # | c d e | |c2|   |r2|
        det = a * (c * e - d * d) - b * (b * e - c * d) + c * (b * d - c * c)
        if det <= 1e-10 * a * c * e:
            return np.polyfit(t, v, deg)
        r0, r1, r2 = r
        c0 = (r0 * (c * e - d * d) - b * (r1 * e - d * r2) + c * (r1 * d - c * r2)) / det
        c1 = (a * (r1 * e - d * r2) - r0 * (b * e - c * d) + c * (b * r2 - r1 * c)) / det
        c2 = (a * (c * r2 - r1 * d) - b * (b * r2 - r1 * c) + r0 * (b * d - c * c)) / det
        return np.array([c2 / (s * s), c1 / s, c0])
    k = deg + 1
    mat = np.array([[m[i + j] for j in range(k)] for i in range(k)])
    try:
        c = np.linalg.solve(mat, np.asarray(r))
    except np.linalg.LinAlgError:
        return np.polyfit(t, v, deg)
    return c[::-1] / s ** np.arange(deg, -1, -1)
