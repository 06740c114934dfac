"""Classify a device's values against its point specs into an operator-facing level."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.kinds import Level
from app.domain.model import PointSpec


def point_level(value: float, spec: PointSpec) -> Level:
    if spec.limits is not None and not (spec.limits[0] <= value <= spec.limits[1]):
        return Level.ALARM
    if spec.normal is not None and not (spec.normal[0] <= value <= spec.normal[1]):
        return Level.WARNING
    return Level.NORMAL


def values_level(values: Mapping[str, float], specs: Mapping[str, PointSpec]) -> Level:
    """The worst level over the device's known points; unknown points are ignored."""
    worst = Level.NORMAL
    for name, value in values.items():
        spec = specs.get(name)
        if spec is not None:
            worst = max(worst, point_level(value, spec))
    return worst
