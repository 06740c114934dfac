"""Cumulative registers → consumption per time bucket, correctly.

Input: the register samples of one meter point, in any order, possibly repeated. What a
reader of a meter must get right (and what users of Home Assistant and ThingsBoard keep
asking about):

- order: samples are sorted by their own timestamp, so an out-of-order batch (a gateway
  replaying its buffer) lands where it belongs; an exact duplicate counts once;
- jitter: a register that steps back by a hair (rounding in a gateway) is not a reset;
- rollover: a register that wraps at its capacity (configured, or the next power of ten:
  99 999.9 → 0.4) adds ``capacity − before + after``;
- reset: any other drop (meter replaced or zeroed) counts the new reading from zero;
- spikes and jumps: a lone sample far above both neighbours is dropped; a step up faster
  than the meter can physically count is not consumption (counted, excluded);
- gaps: consumption between two samples far apart is spread evenly over the gap (total
  conserved) and those seconds are reported as *estimated*; before the first and after the
  last sample nothing is known (reported as not covered, never extrapolated).

The method: corrected increments are summed into a cumulative curve through the samples;
a bucket's consumption is that curve, linearly interpolated, at its end minus at its start.
All of it is numpy over the samples (a month of 5-minute readings is ~9 000 samples).
"""

from __future__ import annotations

import math

import msgspec
import numpy as np


class RegisterSpec(msgspec.Struct, frozen=True):
    #: the most a meter can count per second (units/s); faster steps are not consumption
    max_rate_per_s: float
    #: where the register wraps; None = the next power of ten above the last reading
    rollover_at: float | None = None
    #: a backward step up to this is jitter, not a reset (register units)
    jitter: float = 1e-3
    #: samples further apart than this: what lies between is estimated
    max_gap_s: float = 1800.0


class Consumption(msgspec.Struct):
    per_bucket: np.ndarray  # consumption in each bucket (register units)
    covered_s: np.ndarray  # seconds of each bucket between the first and last sample
    estimated_s: np.ndarray  # seconds of each bucket spread across a gap
    resets: np.ndarray  # epoch times of resets (the sample after the drop)
    rollovers: np.ndarray
    jumps: np.ndarray  # steps up faster than max_rate: excluded
    spikes: np.ndarray  # lone outliers dropped
    samples: int  # distinct samples used
    duplicates: int  # samples with a timestamp already seen


def _prepare(ts: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    ts = np.asarray(ts, dtype=np.float64)
    values = np.asarray(values, dtype=np.float64)
    ok = np.isfinite(ts) & np.isfinite(values)
    ts, values = ts[ok], values[ok]
    order = np.argsort(ts, kind="stable")
    ts, values = ts[order], values[order]
    keep = np.ones(len(ts), dtype=bool)
    keep[1:] = ts[1:] != ts[:-1]  # the first of equal timestamps wins
    return ts[keep], values[keep], int((~keep).sum())


def _drop_spikes(ts: np.ndarray, v: np.ndarray, spec: RegisterSpec
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Remove lone samples far above both neighbours (a misread) when the neighbours agree
    with each other."""
    if len(v) < 3:
        return ts, v, np.empty(0)
    tol = spec.jitter
    up = v[1:-1] - v[:-2] > spec.max_rate_per_s * (ts[1:-1] - ts[:-2]) + tol
    back = v[1:-1] - v[2:] > tol
    sane = (v[2:] - v[:-2] >= -tol) & (
        v[2:] - v[:-2] <= spec.max_rate_per_s * (ts[2:] - ts[:-2]) + tol)
    spike = np.zeros(len(v), dtype=bool)
    spike[1:-1] = up & back & sane
    return ts[~spike], v[~spike], ts[spike]


def _capacity(before: float, spec: RegisterSpec) -> float:
    if spec.rollover_at is not None:
        return spec.rollover_at
    if before <= 0:
        return math.inf
    return 10.0 ** (math.floor(math.log10(before)) + 1)


def increments(ts: np.ndarray, v: np.ndarray, spec: RegisterSpec
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Corrected consumption between consecutive sorted samples (len(v) - 1 values), and
    the times of resets, rollovers and jumps."""
    n = len(v)
    if n < 2:
        return np.zeros(0), np.empty(0), np.empty(0), np.empty(0)
    d = np.diff(v)
    dt = np.diff(ts)
    tol = spec.jitter + 1e-9 * np.abs(v[:-1])
    drop = d < -tol
    inc = np.zeros(n - 1)
    resets, rollovers = [], []
    # between drops the register may only rise: a running maximum absorbs jitter
    starts = np.concatenate(([0], np.flatnonzero(drop) + 1))
    ends = np.concatenate((starts[1:], [n]))
    for a, b in zip(starts, ends, strict=True):
        if b - a > 1:
            top = np.maximum.accumulate(v[a:b])
            inc[a:b - 1] = np.diff(top)
        if a > 0:  # the drop into this segment: a wrap or a reset
            before, after = v[a - 1], v[a]
            cap = _capacity(before, spec)
            if math.isfinite(cap) and before >= 0.9 * cap and 0 <= after <= 0.1 * cap:
                inc[a - 1] = cap - before + after
                rollovers.append(ts[a])
            else:
                inc[a - 1] = max(after, 0.0)
                resets.append(ts[a])
    jump = inc > spec.max_rate_per_s * dt + tol
    jumps = ts[1:][jump]
    inc[jump] = 0.0
    return inc, np.array(resets), np.array(rollovers), jumps


def consumption(ts: np.ndarray, values: np.ndarray, edges: np.ndarray,
                spec: RegisterSpec) -> Consumption:
    """Consumption in each bucket ``[edges[k], edges[k+1])`` from register samples."""
    edges = np.asarray(edges, dtype=np.float64)
    nb = max(len(edges) - 1, 0)
    ts, v, duplicates = _prepare(ts, values)
    ts, v, spikes = _drop_spikes(ts, v, spec)
    empty = np.zeros(nb)
    if len(ts) < 2:
        return Consumption(empty, empty.copy(), empty.copy(), np.empty(0), np.empty(0),
                           np.empty(0), spikes, len(ts), duplicates)
    inc, resets, rollovers, jumps = increments(ts, v, spec)
    cum = np.concatenate(([0.0], np.cumsum(inc)))
    per_bucket = np.diff(np.interp(edges, ts, cum))
    covered = np.diff(np.interp(edges, ts, ts - ts[0]))
    gap_s = np.where(np.diff(ts) > spec.max_gap_s, np.diff(ts), 0.0)
    estimated = np.diff(np.interp(edges, ts, np.concatenate(([0.0], np.cumsum(gap_s)))))
    return Consumption(np.maximum(per_bucket, 0.0), covered, estimated, resets, rollovers,
                       jumps, spikes, len(ts), duplicates)


def integrate_power(ts: np.ndarray, kw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An instantaneous power series (kW) as a cumulative energy register (kWh), by the
    trapezoid rule, so pumps and lighting circuits without a kWh register go through the
    same path as meters."""
    ts, kw, _ = _prepare(ts, kw)
    if len(ts) == 0:
        return ts, kw
    kw = np.maximum(kw, 0.0)
    steps = 0.5 * (kw[1:] + kw[:-1]) * np.diff(ts) / 3600.0
    return ts, np.concatenate(([0.0], np.cumsum(steps)))
