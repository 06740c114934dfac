"""Tables of the operations package (app/operations): metered consumption per meter-hour,
the tariff versions costs were computed with, EV charging sessions, parking occupancy
samples and the re-basings of gate counts.

Every row carries ``site`` from the start (one database may hold many compounds). Rows are
derived from the stored stream and can be recomputed; they are written with upserts on
their natural key, so writing them again changes nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import Base

#: the 5-minute columns of a meter-hour, minute of the hour in the name
FIVE_MINUTE_COLUMNS: tuple[str, ...] = tuple(f"m{m:02d}" for m in range(0, 60, 5))
#: consumption split by time-of-use period (app.operations.tariffs.PERIODS) of the site's
#: electricity tariff, whatever tariff bills the point: the valley share is about *when*
PERIOD_COLUMNS: tuple[str, ...] = ("e_deep_valley", "e_valley", "e_flat", "e_peak",
                                   "e_critical_peak")


class MeterHourRow(Base):
    """One metered point over one hour: the total, its twelve 5-minute parts, its split by
    tariff period and its cost, frozen with the tariff version used. One row per meter-hour
    instead of twelve 5-minute rows keeps a month of a compound at ~2 million rows."""

    __tablename__ = "meter_hours"
    __table_args__ = (Index("ix_meter_hours_site_hour", "site", "hour"),)

    site: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    point: Mapped[str] = mapped_column(String(64), primary_key=True)
    hour: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # epoch s, hour start
    quantity: Mapped[str] = mapped_column(String(16))  # electricity | water | heat | ...
    building: Mapped[str | None] = mapped_column(String(64))
    grp: Mapped[str] = mapped_column(String(32))  # households, pumps, lighting, chargers ...
    total: Mapped[float]
    m00: Mapped[float]
    m05: Mapped[float]
    m10: Mapped[float]
    m15: Mapped[float]
    m20: Mapped[float]
    m25: Mapped[float]
    m30: Mapped[float]
    m35: Mapped[float]
    m40: Mapped[float]
    m45: Mapped[float]
    m50: Mapped[float]
    m55: Mapped[float]
    e_deep_valley: Mapped[float]
    e_valley: Mapped[float]
    e_flat: Mapped[float]
    e_peak: Mapped[float]
    e_critical_peak: Mapped[float]
    cost: Mapped[float | None]  # None: no tariff in force for this quantity then
    tariff_id: Mapped[str | None] = mapped_column(String(64))
    tariff_version: Mapped[str | None] = mapped_column(String(64))
    estimated_s: Mapped[float]  # seconds of the hour spread across a reporting gap
    missing_s: Mapped[float]  # seconds of the hour with no sample on either side
    samples: Mapped[int] = mapped_column(Integer)
    resets: Mapped[int] = mapped_column(Integer)
    rollovers: Mapped[int] = mapped_column(Integer)
    jumps: Mapped[int] = mapped_column(Integer)
    computed_at: Mapped[float]


class TariffVersionRow(Base):
    """A tariff version as it was when costs were first computed with it: versions are
    immutable from then on (app.operations.tariff_store)."""

    __tablename__ = "tariff_versions"

    site: Mapped[str] = mapped_column(String(64), primary_key=True)
    tariff_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    valid_from: Mapped[str] = mapped_column(String(10))  # ISO date, local
    valid_to: Mapped[str | None] = mapped_column(String(10))
    body: Mapped[dict[str, Any]]
    digest: Mapped[str] = mapped_column(String(64))
    stored_at: Mapped[float]


class ChargerSessionRow(Base):
    __tablename__ = "charger_sessions"
    __table_args__ = (Index("ix_charger_sessions_site_started", "site", "started_at"),)

    site: Mapped[str] = mapped_column(String(64), primary_key=True)
    charger_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    connector: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[float] = mapped_column(primary_key=True)
    ended_at: Mapped[float | None]
    energy_kwh: Mapped[float | None]
    valley_kwh: Mapped[float | None]
    transaction_id: Mapped[str | None] = mapped_column(String(64))
    end_status: Mapped[str | None] = mapped_column(String(32))


class ParkingOccupancyRow(Base):
    """A zone every few minutes: spaces its sensors say are taken, and the vehicles its
    gates counted in minus out since the last re-basing."""

    __tablename__ = "parking_occupancy"

    site: Mapped[str] = mapped_column(String(64), primary_key=True)
    zone: Mapped[str] = mapped_column(String(64), primary_key=True)
    ts: Mapped[float] = mapped_column(primary_key=True)
    capacity: Mapped[int] = mapped_column(Integer)
    occupied: Mapped[int | None] = mapped_column(Integer)  # None: no sensors in the zone
    gate_inside: Mapped[int | None] = mapped_column(Integer)
    arrivals: Mapped[int] = mapped_column(Integer)  # spaces that became taken since the last
    departures: Mapped[int] = mapped_column(Integer)  # spaces that became free since then
    passes_in: Mapped[int] = mapped_column(Integer)  # gate passes since the last sample
    passes_out: Mapped[int] = mapped_column(Integer)


class ParkingRebaseRow(Base):
    __tablename__ = "parking_rebases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(String(64), index=True)
    zone: Mapped[str] = mapped_column(String(64))
    at: Mapped[float]
    by: Mapped[str] = mapped_column(String(64))
    gate_inside: Mapped[int] = mapped_column(Integer)  # the count before
    occupied: Mapped[int] = mapped_column(Integer)  # the sensors' count it was set to
    note: Mapped[str] = mapped_column(Text, default="")
