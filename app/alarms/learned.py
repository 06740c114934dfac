"""Learned thresholds: a band per point and hour of the week, learned from its history.

Each (device, point) keeps, per bin (weekday/weekend × 24 hours, local time), a streaming
estimate of a low and a high quantile (stochastic approximation: O(1) memory and time per
sample, no stored history), and the band is those quantiles widened by a margin. A bin is
used only after a warm-up number of samples; the band never reaches beyond the static safety
limits; an engineer can freeze a point's band (learning stops, the band stays).
"""

from __future__ import annotations

import datetime as dt
import threading

import msgspec
import numpy as np

BINS = 48  # weekday/weekend × 24 hours
_N, _LO, _HI, _SPREAD = range(4)


class LearnedConfig(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    q_low: float = 0.02
    q_high: float = 0.98
    warmup_samples: int = 40
    #: step of the quantile update, as a fraction of the bin's spread
    rate: float = 0.08
    #: band widened by this fraction of its width on each side
    margin: float = 0.25
    utc_offset_h: float = 8.0  # China Standard Time


def hour_of_week_bin(ts: float, utc_offset_h: float = 8.0) -> int:
    local = dt.datetime.fromtimestamp(ts + utc_offset_h * 3600, dt.UTC)
    weekend = local.weekday() >= 5
    return (24 if weekend else 0) + local.hour


class LearnedBands:
    def __init__(self, config: LearnedConfig | None = None) -> None:
        self.config = config or LearnedConfig()
        self._bins: dict[tuple[str, str], np.ndarray] = {}
        self._frozen: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def update(self, device_id: str, point: str, value: float, ts: float) -> None:
        key = (device_id, point)
        if key in self._frozen:
            return
        c = self.config
        with self._lock:
            table = self._bins.get(key)
            if table is None:
                table = self._bins[key] = np.zeros((BINS, 4), dtype=np.float64)
            row = table[hour_of_week_bin(ts, c.utc_offset_h)]
            if row[_N] == 0:
                row[_LO] = row[_HI] = value
                row[_SPREAD] = max(abs(value) * 0.01, 1e-6)
            else:
                spread = row[_SPREAD]
                mid = 0.5 * (row[_LO] + row[_HI])
                row[_SPREAD] = 0.95 * spread + 0.05 * max(abs(value - mid), 1e-9)
                step = c.rate * row[_SPREAD] * 4.0
                row[_LO] += step * (c.q_low - (value < row[_LO]))
                row[_HI] += step * (c.q_high - (value < row[_HI]))
                if row[_LO] > row[_HI]:
                    row[_LO], row[_HI] = row[_HI], row[_LO]
            row[_N] += 1

    def band(self, device_id: str, point: str, ts: float,
             bounds: tuple[float | None, float | None] = (None, None)
             ) -> tuple[float, float] | None:
        """The learned (low, high) at ``ts``, clipped to ``bounds`` (the static limits);
        None while the bin is warming up."""
        table = self._bins.get((device_id, point))
        if table is None:
            return None
        row = table[hour_of_week_bin(ts, self.config.utc_offset_h)]
        if row[_N] < self.config.warmup_samples:
            return None
        width = max(row[_HI] - row[_LO], row[_SPREAD])
        lo = row[_LO] - self.config.margin * width
        hi = row[_HI] + self.config.margin * width
        lo_bound, hi_bound = bounds
        if lo_bound is not None:
            lo = max(lo, lo_bound)
        if hi_bound is not None:
            hi = min(hi, hi_bound)
        return (float(lo), float(hi))

    def week(self, device_id: str, point: str) -> list[tuple[float, float] | None]:
        """All 48 bins' bands (None where warming up), for the engineer's view."""
        table = self._bins.get((device_id, point))
        if table is None:
            return [None] * BINS
        out: list[tuple[float, float] | None] = []
        for row in table:
            if row[_N] < self.config.warmup_samples:
                out.append(None)
            else:
                width = max(row[_HI] - row[_LO], row[_SPREAD])
                out.append((float(row[_LO] - self.config.margin * width),
                            float(row[_HI] + self.config.margin * width)))
        return out

    def reset(self, device_id: str, point: str) -> None:
        """Forget a point's history: it warms up again (after a confirmed change)."""
        with self._lock:
            self._bins.pop((device_id, point), None)

    def freeze(self, device_id: str, point: str) -> None:
        self._frozen.add((device_id, point))

    def unfreeze(self, device_id: str, point: str) -> None:
        self._frozen.discard((device_id, point))

    def is_frozen(self, device_id: str, point: str) -> bool:
        return (device_id, point) in self._frozen

    def samples(self, device_id: str, point: str, ts: float) -> int:
        table = self._bins.get((device_id, point))
        if table is None:
            return 0
        return int(table[hour_of_week_bin(ts, self.config.utc_offset_h)][_N])
