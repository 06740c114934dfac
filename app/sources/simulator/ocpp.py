"""What a charging gateway forwards from each charger (docs/mqtt-operations.md): the OCPP
connector status, sent when it changes, with the energy register and the session's id.

A session (``models.charger_session``) is seen as: Preparing while the cable is plugged
in, Charging, SuspendedEV once the battery is full and the car still plugged in, Finishing
as it is unplugged, then Available; Faulted while a charger fault lasts.
"""

from __future__ import annotations

from .models import charger_session
from .world import DeviceSim

PREPARING_S = 90.0
PLUGGED_AFTER_S = 1200.0
FINISHING_S = 90.0
_ERRORS = ("GroundFailure", "OverCurrentFailure", "ConnectorLockFailure", "PowerMeterFailure")


def _status(dev: DeviceSim, t: float) -> tuple[str, int | None]:
    if dev.fault is not None and dev.fault.name == "ev_charger_fault":
        return "Faulted", None
    session = charger_session(dev, t + PREPARING_S) or charger_session(
        dev, t - PLUGGED_AFTER_S - FINISHING_S)
    if session is None:
        return "Available", None
    s0, s1 = session
    tid = int(s0)
    if t < s0:
        return "Preparing", tid
    if t < s1:
        return "Charging", tid
    if t < s1 + PLUGGED_AFTER_S:
        return "SuspendedEV", tid
    if t < s1 + PLUGGED_AFTER_S + FINISHING_S:
        return "Finishing", tid
    return "Available", None


def connector_status(dev: DeviceSim, values: dict[str, float], t: float) -> dict | None:
    """The ``connector_status`` event data when the status changed since the last report."""
    status, tid = _status(dev, t)
    if dev.state.get("ocpp") == status:
        return None
    dev.state["ocpp"] = status
    data: dict = {"connector": 1, "status": status, "error_code": "NoError"}
    if status == "Faulted":
        data["error_code"] = _ERRORS[dev.key % len(_ERRORS)]
    if "energy_kwh" in values:
        data["meter_wh"] = round(values["energy_kwh"] * 1000)
    if tid is not None:
        data["transaction_id"] = str(tid)
    return data
