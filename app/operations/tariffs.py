"""Time-of-use tariffs as versioned data: half-hour slots, five periods, validity dates.

A tariff file (TOML, see resources/tariffs/) holds tariffs; each tariff holds versions, each
valid over local dates ``[valid_from, valid_to)``. A version maps each half-hour of the day
to a period (deep valley, valley, flat, peak, critical peak), optionally per month (critical
peak only in summer), and each period to a price. A cost is always computed with the version
valid *when the energy was used*, so a new version never rewrites a past cost; versions once
used are frozen in the database (``tariff_store``).

Times are epoch seconds; days and slots are in local time (China Standard Time, UTC+8, by
default).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import msgspec
import numpy as np

from app import paths

Period = Literal["deep_valley", "valley", "flat", "peak", "critical_peak"]
PERIODS: tuple[str, ...] = ("deep_valley", "valley", "flat", "peak", "critical_peak")
#: the periods that count as "valley" in valley-share figures
VALLEY_PERIODS = ("deep_valley", "valley")
SLOTS = 48  # half-hours of a day
SLOT_S = 1800
Quantity = Literal["electricity", "water", "heat"]


class TariffError(ValueError):
    """A tariff file or version that cannot be used; one line naming it."""


class PeriodRange(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    start: str  # "HH:MM", on a half hour
    end: str  # "HH:MM" or "24:00"; exclusive
    period: Period


class Season(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    months: tuple[int, ...]
    periods: tuple[PeriodRange, ...]


class TariffVersion(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    valid_from: dt.date
    prices: dict[Period, float]  # currency per unit
    periods: tuple[PeriodRange, ...] = ()  # empty: the whole day is "flat"
    seasons: tuple[Season, ...] = ()  # months whose slots differ from ``periods``
    valid_to: dt.date | None = None  # exclusive; None = until a later version starts
    source: str = ""  # the notice it follows, for the reader


class Tariff(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    quantity: Quantity
    unit: str
    versions: tuple[TariffVersion, ...]
    currency: str = "CNY"


class TariffFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    tariffs: tuple[Tariff, ...]


class CompiledVersion(msgspec.Struct, frozen=True):
    tariff_id: str
    version: TariffVersion
    start_day: int  # local day numbers (days since 1970-01-01 local), inclusive
    end_day: int  # exclusive (a huge number when open-ended)
    slots: np.ndarray  # (12 months, 48) period index per half hour
    prices: np.ndarray  # (5,) price per period index (nan where not priced)


def _minutes(text: str, where: str) -> int:
    try:
        hours, minutes = text.split(":")
        value = int(hours) * 60 + int(minutes)
    except ValueError:
        raise TariffError(f"{where}: {text!r} is not HH:MM") from None
    if value % 30 or not 0 <= value <= 1440:
        raise TariffError(f"{where}: {text!r} is not on a half hour between 00:00 and 24:00")
    return value


def _slot_table(ranges: tuple[PeriodRange, ...], where: str) -> np.ndarray:
    table = np.full(SLOTS, -1, dtype=np.int8)
    if not ranges:
        table[:] = PERIODS.index("flat")
        return table
    for r in ranges:
        a, b = _minutes(r.start, where) // 30, _minutes(r.end, where) // 30
        span = list(range(a, b)) if b > a else list(range(a, SLOTS)) + list(range(0, b))
        if (table[span] >= 0).any():
            raise TariffError(f"{where}: {r.start}–{r.end} overlaps another range")
        table[span] = PERIODS.index(r.period)
    if (table < 0).any():
        first = int(np.flatnonzero(table < 0)[0])
        raise TariffError(f"{where}: the half hour from {first // 2:02d}:{first % 2 * 30:02d} "
                          "has no period")
    return table


def local_day(t: float, utc_offset_h: float = 8.0) -> int:
    return int((t + utc_offset_h * 3600) // 86400)


def day_number(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def compile_version(tariff: Tariff, version: TariffVersion, end: dt.date | None,
                    where: str) -> CompiledVersion:
    base = _slot_table(version.periods, where)
    slots = np.tile(base, (12, 1))
    for season in version.seasons:
        table = _slot_table(season.periods, f"{where} season {list(season.months)}")
        for month in season.months:
            if not 1 <= month <= 12:
                raise TariffError(f"{where}: month {month} is not 1..12")
            slots[month - 1] = table
    prices = np.full(len(PERIODS), np.nan)
    for period, price in version.prices.items():
        if not (price >= 0 and np.isfinite(price)):
            raise TariffError(f"{where}: price of {period} must be a number ≥ 0, not {price}")
        prices[PERIODS.index(period)] = price
    used = {PERIODS[i] for i in np.unique(slots)}
    missing = sorted(p for p in used if p not in version.prices)
    if missing:
        raise TariffError(f"{where}: no price for {', '.join(missing)}")
    return CompiledVersion(tariff.id, version, day_number(version.valid_from),
                           day_number(end) if end is not None else 10**9, slots, prices)


class TariffBook:
    """Every tariff's versions, compiled, and lookups by time."""

    def __init__(self, tariffs: Iterable[Tariff], utc_offset_h: float = 8.0) -> None:
        self.utc_offset_h = utc_offset_h
        self.tariffs: dict[str, Tariff] = {}
        self._versions: dict[str, list[CompiledVersion]] = {}
        for tariff in tariffs:
            if tariff.id in self.tariffs:
                raise TariffError(f"tariff {tariff.id!r} is defined twice")
            self.tariffs[tariff.id] = tariff
            self._versions[tariff.id] = self._compile(tariff)

    @staticmethod
    def _compile(tariff: Tariff) -> list[CompiledVersion]:
        if not tariff.versions:
            raise TariffError(f"tariff {tariff.id!r} has no version")
        ordered = sorted(tariff.versions, key=lambda v: v.valid_from)
        ids = [v.id for v in ordered]
        if len(set(ids)) != len(ids):
            raise TariffError(f"tariff {tariff.id!r}: version ids repeat")
        out = []
        for i, version in enumerate(ordered):
            later = ordered[i + 1].valid_from if i + 1 < len(ordered) else None
            end = version.valid_to or later
            if version.valid_to is not None and later is not None and version.valid_to > later:
                raise TariffError(f"tariff {tariff.id!r} version {version.id!r} overlaps "
                                  f"version {ordered[i + 1].id!r}")
            if end is not None and end <= version.valid_from:
                raise TariffError(f"tariff {tariff.id!r} version {version.id!r} ends before "
                                  "it starts")
            out.append(compile_version(tariff, version, end,
                                       f"tariff {tariff.id!r} version {version.id!r}"))
        return out

    def versions(self, tariff_id: str) -> list[CompiledVersion]:
        return list(self._versions.get(tariff_id, ()))

    def version_at(self, tariff_id: str, t: float) -> CompiledVersion | None:
        """The version in force at epoch ``t`` (local date), or None (no price then)."""
        day = local_day(t, self.utc_offset_h)
        for version in self._versions.get(tariff_id, ()):
            if version.start_day <= day < version.end_day:
                return version
        return None

    def slot_periods(self, version: CompiledVersion, starts: np.ndarray) -> np.ndarray:
        """Period index of each epoch time in ``starts`` (all within the version)."""
        local = np.asarray(starts, dtype=np.float64) + self.utc_offset_h * 3600
        slot = ((local % 86400) // SLOT_S).astype(np.int64)
        month = local.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64) % 12
        return version.slots[month, slot]

    def period_at(self, tariff_id: str, t: float) -> str | None:
        version = self.version_at(tariff_id, t)
        if version is None:
            return None
        return PERIODS[int(self.slot_periods(version, np.array([float(t)]))[0])]

    def price_at(self, tariff_id: str, t: float) -> float | None:
        version = self.version_at(tariff_id, t)
        if version is None:
            return None
        return float(version.prices[self.slot_periods(version, np.array([float(t)]))[0]])

    def day_prices(self, tariff_id: str, day_start: float) -> np.ndarray:
        """The 48 half-hour prices of the local day starting at epoch ``day_start`` (nan
        where no version is in force)."""
        version = self.version_at(tariff_id, day_start)
        if version is None:
            return np.full(SLOTS, np.nan)
        starts = day_start + np.arange(SLOTS) * SLOT_S
        return version.prices[self.slot_periods(version, starts)]


def tariff_dir() -> Path:
    return paths.resources_dir() / "tariffs"


def load_tariff_file(path: Path) -> list[Tariff]:
    try:
        return list(msgspec.toml.decode(path.read_bytes(), type=TariffFile).tariffs)
    except OSError as exc:
        raise TariffError(f"{path}: {exc.strerror or exc}") from None
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise TariffError(f"{path.name}: {exc}") from None


def load_tariffs(files: Iterable[Path] | None = None, utc_offset_h: float = 8.0) -> TariffBook:
    """Every tariff in ``files`` (default: every *.toml in resources/tariffs)."""
    chosen = sorted(tariff_dir().glob("*.toml")) if files is None else list(files)
    tariffs: list[Tariff] = []
    for path in chosen:
        tariffs.extend(load_tariff_file(Path(path)))
    return TariffBook(tariffs, utc_offset_h)
