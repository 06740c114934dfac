"""EV chargers, live: OCPP connector states as forwarded over MQTT by a charging gateway
(the control room does not speak OCPP itself; docs/mqtt-operations.md), charging sessions
with their energy, and the share of it charged in valley hours.

The gateway forwards each OCPP ``StatusNotification`` as a device event
``{"kind": "connector_status", "data": {"connector": 1, "status": "Charging",
"error_code": "NoError", "meter_wh": 1234567, "transaction_id": "…"}}`` and MeterValues as
telemetry (``energy_kwh``, ``power_kw``). A session runs from the connector entering a
charging state (Charging, SuspendedEV, SuspendedEVSE) to it leaving them for Finishing,
Available or Faulted. A ``data`` that does not validate is counted and shown, never applied.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal

import msgspec

from app.alarms.model import Severity
from app.operations.conditions import Condition, message
from app.operations.tariffs import VALLEY_PERIODS, TariffBook
from app.operations.views import ChargerView, ConnectorRow

Status = Literal["Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE",
                 "Finishing", "Reserved", "Unavailable", "Faulted"]
STATUSES: tuple[str, ...] = ("Available", "Preparing", "Charging", "SuspendedEV",
                             "SuspendedEVSE", "Finishing", "Reserved", "Unavailable", "Faulted")
SESSION_STATES = frozenset({"Charging", "SuspendedEV", "SuspendedEVSE"})
EVENT_KIND = "connector_status"


class ConnectorStatus(msgspec.Struct, frozen=True, forbid_unknown_fields=False):
    """The ``data`` of a ``connector_status`` event (OCPP 1.6 StatusNotification)."""

    connector: Annotated[int, msgspec.Meta(ge=0, le=99)]
    status: Status
    error_code: Annotated[str, msgspec.Meta(max_length=40)] = "NoError"
    meter_wh: Annotated[float, msgspec.Meta(ge=0)] | None = None
    transaction_id: Annotated[str, msgspec.Meta(max_length=64)] | int | None = None
    info: Annotated[str, msgspec.Meta(max_length=200)] = ""


@dataclass(slots=True)
class _Connector:
    charger_id: str
    connector: int
    status: str = "Unknown"
    since: float | None = None
    error_code: str = "NoError"
    session_start: float | None = None
    start_kwh: float | None = None  # register at the session start
    transaction_id: str | None = None
    valley_kwh: float = 0.0


class ChargerTracker:
    def __init__(self, chargers: dict[str, str], book: TariffBook | None,
                 tariff_id: str | None, *, utc_offset_h: float = 8.0,
                 clock: Callable[[], float] = time.time) -> None:
        """``chargers``: ev_charger device id → display name."""
        self.names = dict(chargers)
        self.book, self.tariff_id = book, tariff_id
        self.offset_s = utc_offset_h * 3600
        self.clock = clock
        self._lock = threading.Lock()
        self._connectors: dict[tuple[str, int], _Connector] = {}
        self._energy: dict[str, tuple[float, float]] = {}  # device → (ts, kWh register)
        self._power: dict[str, float] = {}
        self._day = -1
        self._today = {"sessions": 0, "kwh": 0.0, "valley_kwh": 0.0}
        self.finished: list[dict] = []  # sessions ended, waiting to be stored
        self.bad_messages = 0
        self.last_bad = ""

    def _roll_day(self, t: float) -> None:
        day = int((t + self.offset_s) // 86400)
        if day > self._day:  # a late message from yesterday does not reset today
            self._day = day
            self._today = {"sessions": 0, "kwh": 0.0, "valley_kwh": 0.0}

    def _valley(self, t: float) -> bool:
        if self.book is None or self.tariff_id is None:
            return False
        return self.book.period_at(self.tariff_id, t) in VALLEY_PERIODS

    # ---- input ------------------------------------------------------------------------------
    def handle_status(self, device_id: str, ts: float, data: dict) -> ConnectorStatus | None:
        try:
            status = msgspec.convert(data, ConnectorStatus)
        except msgspec.ValidationError as exc:
            with self._lock:
                self.bad_messages += 1
                self.last_bad = f"{device_id}: {exc}"[:300]
            return None
        with self._lock:
            self._roll_day(ts)
            key = (device_id, status.connector)
            c = self._connectors.get(key) or self._connectors.setdefault(
                key, _Connector(device_id, status.connector))
            if status.status != c.status:
                c.since = ts
            was_charging = c.status in SESSION_STATES
            c.status, c.error_code = status.status, status.error_code
            register = (status.meter_wh / 1000.0 if status.meter_wh is not None
                        else self._energy.get(device_id, (0.0, None))[1])
            if status.status in SESSION_STATES and not was_charging and c.session_start is None:
                c.session_start, c.start_kwh, c.valley_kwh = ts, register, 0.0
                c.transaction_id = None if status.transaction_id is None else str(
                    status.transaction_id)
            elif status.status not in SESSION_STATES and c.session_start is not None:
                self._end_session(c, ts, register, status.status)
        return status

    def _end_session(self, c: _Connector, ts: float, register: float | None,
                     end_status: str) -> None:
        energy = None if register is None or c.start_kwh is None else max(
            0.0, register - c.start_kwh)
        self.finished.append({
            "charger_id": c.charger_id, "connector": c.connector, "started_at": c.session_start,
            "ended_at": ts, "energy_kwh": energy, "valley_kwh": c.valley_kwh,
            "transaction_id": c.transaction_id, "end_status": end_status})
        self._today["sessions"] += 1
        c.session_start = c.start_kwh = c.transaction_id = None
        c.valley_kwh = 0.0

    def handle_telemetry(self, device_id: str, ts: float, values: dict[str, float]) -> None:
        if device_id not in self.names:
            return
        with self._lock:
            self._roll_day(ts)
            if "power_kw" in values:
                self._power[device_id] = values["power_kw"]
            kwh = values.get("energy_kwh")
            if kwh is None:
                return
            last = self._energy.get(device_id)
            self._energy[device_id] = (ts, kwh)
            if last is None or ts <= last[0] or kwh < last[1]:
                return
            delta = kwh - last[1]
            valley = self._valley(0.5 * (ts + last[0]))
            self._today["kwh"] += delta
            if valley:
                self._today["valley_kwh"] += delta
                for c in self._connectors.values():
                    if c.charger_id == device_id and c.session_start is not None:
                        c.valley_kwh += delta
                        break

    def take_finished(self) -> list[dict]:
        with self._lock:
            out, self.finished = self.finished, []
        return out

    # ---- alarms and the panel -----------------------------------------------------------
    def conditions(self) -> list[Condition]:
        with self._lock:
            faulted: dict[str, list[_Connector]] = {d: [] for d in self.names}
            for c in self._connectors.values():
                if c.charger_id in faulted and c.status == "Faulted":
                    faulted[c.charger_id].append(c)
            return [Condition(d, "charger.faulted", bool(cs), Severity.MEDIUM,
                              message("charger_faulted", error=cs[0].error_code if cs else ""))
                    for d, cs in faulted.items()]

    def view(self, now: float | None = None) -> ChargerView:
        now = self.clock() if now is None else now
        with self._lock:
            self._roll_day(now)
            rows = []
            seen = set()
            for (device_id, n), c in sorted(self._connectors.items()):
                seen.add(device_id)
                reg = self._energy.get(device_id)
                session = (reg[1] - c.start_kwh if c.session_start is not None and reg
                           and c.start_kwh is not None else None)
                rows.append(ConnectorRow(device_id, self.names.get(device_id, device_id), n,
                                         c.status, c.since, c.error_code,
                                         self._power.get(device_id), session, c.session_start))
            for device_id in sorted(set(self.names) - seen):
                rows.append(ConnectorRow(device_id, self.names[device_id], 1, "Unknown", None,
                                         "", self._power.get(device_id), None, None))
            by_status: dict[str, int] = {}
            for r in rows:
                by_status[r.status] = by_status.get(r.status, 0) + 1
            kwh = self._today["kwh"]
            return ChargerView(now, rows, by_status, self._today["sessions"], kwh,
                               self._today["valley_kwh"],
                               self._today["valley_kwh"] / kwh if kwh > 0 else None,
                               self.bad_messages, self.last_bad)
