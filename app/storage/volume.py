"""Telemetry volume control: which readings are worth a row.

A point's reading is stored when it moved beyond the point's deadband since the last
STORED value (not the last received one, so a slow drift is still recorded), or when the
heartbeat interval has passed since the last stored row (so a flat line is visibly alive in
history), and always the first time a point is seen after start. Deadbands are absolute, in
the point's unit, looked up by (kind, point), then by unit, then a relative default.
"""

from __future__ import annotations

import math

import msgspec

# Absolute deadbands by unit: below what an operator reads off a trend or acts upon.
DEFAULT_UNIT_DEADBANDS: dict[str, float] = {
    "°C": 0.2,
    "%": 0.5,
    "%LEL": 1.0,
    "ppm": 5.0,
    "kPa": 2.0,
    "MPa": 0.005,
    "bar": 0.02,
    "m": 0.01,
    "cm": 1.0,
    "V": 1.0,
    "A": 0.2,
    "kW": 0.1,
    "kVA": 0.1,
    "kWh": 0.1,
    "m³": 0.01,  # 10 litres on a water meter
    "m³/h": 0.05,
    "GJ": 0.001,
    "Hz": 0.05,
    "dB": 1.0,
    "lux": 5.0,
}


class VolumePolicy(msgspec.Struct, frozen=True, kw_only=True):
    #: seconds after which a point is stored even if unchanged
    heartbeat_s: float = 900.0
    #: absolute deadband by unit (see DEFAULT_UNIT_DEADBANDS)
    unit_deadbands: dict[str, float] = msgspec.field(
        default_factory=lambda: dict(DEFAULT_UNIT_DEADBANDS))
    #: absolute deadband for one point of one kind, e.g. {"transformer.temp_c": 0.5}
    point_deadbands: dict[str, float] = {}
    #: for unknown units: a fraction of the last stored value's magnitude
    relative_deadband: float = 0.005
    #: store every reading (benchmarks, tests of the write path)
    store_all: bool = False


class DeadbandFilter:
    """Per-point memory of the last stored reading; owned by the writer thread only."""

    def __init__(self, policy: VolumePolicy | None = None) -> None:
        self.policy = policy or VolumePolicy()
        self._last: dict[tuple[str, str], tuple[float, float]] = {}  # -> (ts, value)
        self._band: dict[tuple[str, str], float | None] = {}
        self._units: dict[str, tuple[str, dict[str, str]]] = {}  # device -> (kind, units)
        self.skipped = 0

    def learn_device(self, device_id: str, kind: str, units: dict[str, str]) -> None:
        self._units[device_id] = (kind, dict(units))
        for key in [k for k in self._band if k[0] == device_id]:
            del self._band[key]

    def _deadband(self, device_id: str, point: str) -> float | None:
        """Absolute band, or None to use the relative default."""
        key = (device_id, point)
        if key in self._band:
            return self._band[key]
        kind, units = self._units.get(device_id, ("", {}))
        policy = self.policy
        band = policy.point_deadbands.get(f"{kind}.{point}")
        if band is None:
            band = policy.unit_deadbands.get(units.get(point, ""))
        self._band[key] = band
        return band

    def keep(self, device_id: str, point: str, ts: float, value: float) -> bool:
        """Whether to store this reading; remembers it as the last stored when it is."""
        if self.policy.store_all:
            return True
        key = (device_id, point)
        last = self._last.get(key)
        if last is not None:
            last_ts, last_value = last
            band = self._deadband(device_id, point)
            if band is None:
                band = self.policy.relative_deadband * abs(last_value)
            moved = abs(value - last_value) > band
            # an out-of-order (older) reading is kept only if it moved: it fills a gap
            if not moved and (ts <= last_ts or ts - last_ts < self.policy.heartbeat_s):
                self.skipped += 1
                return False
            if ts < last_ts:
                return True
        if math.isfinite(value):
            self._last[key] = (ts, value)
        return True
