"""What the operations panels show, as msgspec Structs: plain, serialisable values that an
in-process console reads directly and a remote console receives over the network."""

from __future__ import annotations

import msgspec


# ---- parking ---------------------------------------------------------------------------------
class PlateFlag(msgspec.Struct, frozen=True):
    """A gate read that is not a clean plate: kept, counted and shown, never dropped."""

    at: float
    gate_id: str
    dir: str
    raw: str
    text: str
    problem: str  # app.operations.plates.Problem


class ZoneStatus(msgspec.Struct, frozen=True):
    id: str
    name: str
    capacity: int
    occupied: int | None  # spaces taken, by the space sensors (None: no sensors)
    gate_inside: int | None  # vehicles in, by the gates (in − out since the last re-basing)
    drift: int | None  # gate_inside − occupied, when both are known and comparable
    plates_inside: int  # vehicles whose entry plate was read and who have not left
    residents_inside: int
    visitors_inside: int
    rebased_at: float | None


class GateStatus(msgspec.Struct, frozen=True):
    gate_id: str
    name: str
    device_id: str | None
    passes_today: int
    manual_today: int
    last_pass_at: float | None
    silent: bool  # no pass while the other gates are busy
    unreported: int  # passes the controller counted but never reported


class Overstay(msgspec.Struct, frozen=True):
    plate: str
    zone: str
    entered_at: float
    hours: float
    vehicle: str  # resident | visitor | staff | exempt | unknown


class OccupancyPoint(msgspec.Struct, frozen=True, array_like=True):
    ts: float
    occupied: int | None
    gate_inside: int | None


class ParkingView(msgspec.Struct, frozen=True):
    at: float
    zones: list[ZoneStatus]
    gates: list[GateStatus]
    overstays: list[Overstay]
    flagged: list[PlateFlag]  # the most recent, newest first
    flagged_today: int
    passes_today: int
    residents_today: int  # passes of residents' vehicles
    visitors_today: int
    manual_today: int
    peak_hour: int | None  # local hour of the day with the most passes so far
    peak_hour_passes: int
    series: dict[str, list[OccupancyPoint]]  # zone → recent occupancy samples
    by_plate_colour: dict[str, int]


# ---- chargers --------------------------------------------------------------------------------
class ConnectorRow(msgspec.Struct, frozen=True):
    charger_id: str
    name: str
    connector: int
    status: str  # an OCPP ChargePointStatus, or "Unknown" before the first report
    since: float | None
    error_code: str
    power_kw: float | None
    session_kwh: float | None  # energy of the running session so far
    session_started: float | None


class ChargerView(msgspec.Struct, frozen=True):
    at: float
    connectors: list[ConnectorRow]
    by_status: dict[str, int]
    sessions_today: int
    energy_today_kwh: float
    valley_kwh_today: float
    valley_share_today: float | None  # of the energy charged today, the part in valley hours
    bad_messages: int  # connector_status events that did not validate
    last_bad: str


# ---- energy ----------------------------------------------------------------------------------
class ProfileSeries(msgspec.Struct, frozen=True):
    """One group's load over a day in 5-minute steps (kW for electricity, m³/h for water)."""

    group: str
    quantity: str
    start: float
    step_s: int
    values: list[float]


class CostLine(msgspec.Struct, frozen=True):
    key: str  # a day (YYYY-MM-DD), a building or an equipment group
    quantity: str
    amount: float  # kWh, m³, GJ
    cost: float | None
    valley_share: float | None


class ScheduleSlot(msgspec.Struct, frozen=True, array_like=True):
    start: float
    end: float
    value: float  # m³ pumped, or kW of charging, in the slot


class Recommendation(msgspec.Struct, frozen=True):
    kind: str  # tank | chargers
    target: str  # tank id, or the transformer feeding the chargers
    title: str
    slots: list[ScheduleSlot]
    cost_now: float  # as the equipment runs today
    cost_planned: float
    saving: float
    saving_pct: float
    #: the constraints that bound it, as (what, value): ("level", "30–95 %"); what is one of
    #: level, lowest, highest, switch, sessions, ready_by, peak_now, peak_planned, limit,
    #: unserved, infeasible — the panel words them
    notes: list[tuple[str, str]]


class EnergyView(msgspec.Struct, frozen=True):
    at: float
    day_start: float
    profiles: list[ProfileSeries]
    by_group: list[CostLine]
    by_building: list[CostLine]
    by_day: list[CostLine]
    valley_share: float | None  # of today's electricity
    cost_today: float
    electricity_today_kwh: float
    water_today_m3: float
    recommendations: list[Recommendation]
    leaks: list[str]  # device ids whose night flow stands out
    unaccounted: dict[str, float]  # main meter → % of its water not on sub-meters
    tariff_problems: list[str]
    periods: list[str] = []  # today's 48 half-hours: valley, flat, peak ... (site tariff)
    prices: list[float] = []  # and their electricity price (site tariff)
    #: electricity of the same weekday last week up to the same hour (None: no data then)
    same_weekday_kwh: float | None = None
