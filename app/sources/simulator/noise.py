"""Seeded, order-independent randomness for the simulator.

Values are pure functions of (key, counter, channel) via the splitmix64 mixer, so a device's
noise does not depend on which other devices exist or on how simulated time is chopped into
ticks. Python's ``hash()`` is salted per process, hence crc32 for strings.
"""

from __future__ import annotations

import math
import zlib

_M64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_INV_2_53 = 1.0 / (1 << 53)


def mix(x: int) -> int:
    """splitmix64 finaliser: a well-spread 64-bit hash of an integer."""
    x = (x + _GOLDEN) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


def key_of(seed: int, text: str) -> int:
    """A stable 64-bit key for a named thing under a seed."""
    return mix((mix(seed & _M64) ^ zlib.crc32(text.encode("utf-8"))) & _M64)


def uniform(key: int, n: int, channel: int = 0) -> float:
    """Uniform in [0, 1) for draw ``n`` on ``channel`` of ``key``."""
    return (mix(key ^ mix((n << 8) + channel)) >> 11) * _INV_2_53


def gauss(key: int, n: int, channel: int = 0) -> float:
    """Standard normal (Box-Muller) for draw ``n`` on ``channel`` of ``key``."""
    u1 = uniform(key, n, channel * 2 + 64) or _INV_2_53
    u2 = uniform(key, n, channel * 2 + 65)
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def poisson(rng_uniform: float, lam: float) -> int:
    """Inverse-CDF Poisson draw from one uniform; fine for the small rates used here."""
    k, p = 0, math.exp(-lam)
    cdf = p
    while rng_uniform > cdf and k < 1000:
        k += 1
        p *= lam / k
        cdf += p
    return k
