"""Display names for alarm severities, states and types, translated in the "Alarm" context.

Alarm types are machine values (``temp_c.high``, ``offline``, ``event.smoke``); the label
puts the point name beside a translated suffix so new points need no new strings.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.alarms.messages import formatted
from app.ingest.feed import FEED_ALARM_DEVICE
from ui.point_names import point_name

SEVERITY_NAMES = {
    1: QT_TRANSLATE_NOOP("Alarm", "Low"),
    2: QT_TRANSLATE_NOOP("Alarm", "Medium"),
    3: QT_TRANSLATE_NOOP("Alarm", "High"),
    4: QT_TRANSLATE_NOOP("Alarm", "Critical"),
}

STATE_NAMES = {
    "raised": QT_TRANSLATE_NOOP("Alarm", "Unacknowledged"),
    "acknowledged": QT_TRANSLATE_NOOP("Alarm", "Acknowledged"),
    "dispatched": QT_TRANSLATE_NOOP("Alarm", "Dispatched"),
    "cleared": QT_TRANSLATE_NOOP("Alarm", "Cleared"),
    "closed": QT_TRANSLATE_NOOP("Alarm", "Closed"),
}

_SUFFIXES = {
    "high": QT_TRANSLATE_NOOP("Alarm", "too high"),
    "low": QT_TRANSLATE_NOOP("Alarm", "too low"),
    "unusual": QT_TRANSLATE_NOOP("Alarm", "unusual for this hour"),
    "rate": QT_TRANSLATE_NOOP("Alarm", "changing too fast"),
    "flag": QT_TRANSLATE_NOOP("Alarm", "abnormal state"),
}

_WHOLE = {
    "offline": QT_TRANSLATE_NOOP("Alarm", "Offline"),
    "feed_silent": QT_TRANSLATE_NOOP("Alarm", "No data from the site"),
    "welfare_check": QT_TRANSLATE_NOOP("Alarm", "Welfare check (lives alone)"),
    "event.smoke": QT_TRANSLATE_NOOP("Alarm", "Smoke"),
    "event.gas_leak": QT_TRANSLATE_NOOP("Alarm", "Gas leak"),
    "event.door_forced": QT_TRANSLATE_NOOP("Alarm", "Door forced"),
    "event.door_held_open": QT_TRANSLATE_NOOP("Alarm", "Door held open"),
    "event.manhole_open": QT_TRANSLATE_NOOP("Alarm", "Manhole cover opened"),
    "event.manhole_displaced": QT_TRANSLATE_NOOP("Alarm", "Manhole cover displaced"),
    "event.panic": QT_TRANSLATE_NOOP("Alarm", "Panic button"),
    "event.pressed": QT_TRANSLATE_NOOP("Alarm", "Panic button"),
    "event.trapped": QT_TRANSLATE_NOOP("Alarm", "Passenger trapped"),
    "event.fault": QT_TRANSLATE_NOOP("Alarm", "Fault"),
    "event.trip": QT_TRANSLATE_NOOP("Alarm", "Trip"),
    "event.tamper": QT_TRANSLATE_NOOP("Alarm", "Tampering"),
    "event.forced": QT_TRANSLATE_NOOP("Alarm", "Gate forced"),
    "event.video_loss": QT_TRANSLATE_NOOP("Alarm", "Video loss"),
    "event.tampering": QT_TRANSLATE_NOOP("Alarm", "Camera tampering"),
    "event.falling_object": QT_TRANSLATE_NOOP("Alarm", "Object thrown from height"),
    "event.illegal_construction": QT_TRANSLATE_NOOP(
        "Alarm", "Illegal construction or encroachment on green space"),
    "event.camera_moved": QT_TRANSLATE_NOOP("Alarm", "Camera moved or tampered with"),
    "sound.bang": QT_TRANSLATE_NOOP("Alarm", "Bang heard (located)"),
    "sound.impact": QT_TRANSLATE_NOOP("Alarm", "Impact heard (located)"),
    "sound.hiss": QT_TRANSLATE_NOOP("Alarm", "Hiss heard (leak?)"),
    "combo.running_no_pressure": QT_TRANSLATE_NOOP("Alarm", "Pump running, no pressure"),
    "combo.stuck_between_floors": QT_TRANSLATE_NOOP("Alarm", "Elevator stuck"),
    "combo.hot_under_light_load": QT_TRANSLATE_NOOP("Alarm", "Hot under light load"),
    # operations (app.operations, app.alarms.defaults)
    "combo.stopped_outside_door_zone": QT_TRANSLATE_NOOP("Alarm",
                                                         "Lift stopped outside the door zone"),
    "combo.moving_doors_open": QT_TRANSLATE_NOOP("Alarm", "Lift moving with doors open"),
    "combo.trapped_passenger": QT_TRANSLATE_NOOP("Alarm", "Passenger trapped in the lift"),
    "combo.cover_off": QT_TRANSLATE_NOOP("Alarm", "Manhole cover off"),
    "gate.silent": QT_TRANSLATE_NOOP("Alarm", "Gate silent"),
    "gate.manual_releases": QT_TRANSLATE_NOOP("Alarm", "Many manual releases"),
    "gate.unreported": QT_TRANSLATE_NOOP("Alarm", "Gate not reporting passes"),
    "parking.overstay": QT_TRANSLATE_NOOP("Alarm", "Vehicles overstaying"),
    "charger.faulted": QT_TRANSLATE_NOOP("Alarm", "Charger faulted"),
    "water.night_flow": QT_TRANSLATE_NOOP("Alarm", "Night flow above its baseline (leak?)"),
    "water.unaccounted": QT_TRANSLATE_NOOP("Alarm", "Unaccounted water"),
    "storage.blocked": QT_TRANSLATE_NOOP("Alarm", "Storage cannot keep data"),
}

#: what an operations condition says (app.operations.conditions.message "what")
_OPERATIONS = {
    "gate_silent": QT_TRANSLATE_NOOP(
        "AlarmDetail", "No pass for {minutes} min while the other gates saw {peers}"),
    "manual_releases": QT_TRANSLATE_NOOP("AlarmDetail",
                                         "{count} manual releases in the last hour"),
    "gate_unreported": QT_TRANSLATE_NOOP(
        "AlarmDetail", "{count} passes counted by the controller but not reported"),
    "overstay": QT_TRANSLATE_NOOP("AlarmDetail", "{count} vehicles over their time: {plates}"),
    "charger_faulted": QT_TRANSLATE_NOOP("AlarmDetail", "Connector faulted: {error}"),
    "night_flow": QT_TRANSLATE_NOOP("AlarmDetail",
                                    "Night flow {flow} L/h, usually {baseline} L/h"),
    "unaccounted": QT_TRANSLATE_NOOP(
        "AlarmDetail", "{percent}% of the main's water ({m3} m³) not on the flats' meters"),
}
_RESCUE = QT_TRANSLATE_NOOP("AlarmDetail", "96333 rescue code {code}")


#: app.alarms.messages.TEMPLATES, worded for the screen (placeholders stay in braces)
_DETAIL = {
    "above": QT_TRANSLATE_NOOP("AlarmDetail", "{point} {value} above {threshold}"),
    "below": QT_TRANSLATE_NOOP("AlarmDetail", "{point} {value} below {threshold}"),
    "flag": QT_TRANSLATE_NOOP("AlarmDetail", "{point}: abnormal state ({value})"),
    "unusual": QT_TRANSLATE_NOOP("AlarmDetail",
                                 "{point} {value} unusual for this hour (usual {lo}–{hi})"),
    "rate": QT_TRANSLATE_NOOP("AlarmDetail", "{point} changing {rate} per minute"),
    "offline": QT_TRANSLATE_NOOP("AlarmDetail", "Device offline"),
    "stale": QT_TRANSLATE_NOOP("AlarmDetail", "No data for too long"),
    "feed_silent": QT_TRANSLATE_NOOP("AlarmDetail",
                                     "No message from any device for {seconds} s"),
    "welfare": QT_TRANSLATE_NOOP(
        "AlarmDetail", "{unit} {resident}: no water use or door activity for {hours} h"),
    "sound": QT_TRANSLATE_NOOP(
        "AlarmDetail", "Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}"),
    "storage": QT_TRANSLATE_NOOP(
        "AlarmDetail", "Storage cannot keep incoming data: {held} messages held "
        "unacknowledged, {dropped} dropped ({reason})"),
}


def describe(alarm) -> str:  # noqa: ANN001 (an app.alarms.model.Alarm)
    """The alarm's detail in the UI language; the English message when it has no data."""
    return describe_detail(alarm.type, alarm.detail, alarm.message)


def describe_detail(type_: str, detail, message: str = "") -> str:  # noqa: ANN001 (a mapping)
    """The one wording of what an alarm says (its type, and its detail as data from
    app.alarms.messages.detail), used wherever it is shown: the alarm board, the 3D
    tooltip, the history, the work orders made from it. ``message`` (English) is the
    fallback for a detail it cannot word."""
    d = dict(detail or {})
    template = str(d.pop("t", ""))
    code = d.pop("rescue_code", None)
    text = _describe(type_, message, template, d)
    if code:  # a lift's alarm shows the code its rescuers ask for
        text += " · " + QCoreApplication.translate("AlarmDetail", _RESCUE).format(code=code)
    return text


def _describe(type_: str, message: str, template: str, d: dict) -> str:
    if template == "operations":
        source = _OPERATIONS.get(str(d.get("what")))
        try:
            return QCoreApplication.translate("AlarmDetail", source).format(**formatted(d)) \
                if source else message
        except (KeyError, IndexError, ValueError):
            return message
    if template == "combo":
        return type_name(type_)
    if template == "event":
        return event_detail(d.get("data") or {})
    source = _DETAIL.get(template)
    if source is None:
        return message
    if "point" in d:
        d["point"] = point_name(str(d["point"]))
    try:
        return QCoreApplication.translate("AlarmDetail", source).format(**formatted(d))
    except (KeyError, IndexError, ValueError):
        return message


#: keys of an event's data, worded for the screen; others are shown as key=value
_EVENT_KEYS = {
    "fault": QT_TRANSLATE_NOOP("AlarmDetail", "cause"),
    "severity": QT_TRANSLATE_NOOP("AlarmDetail", "degree"),
    "floor": QT_TRANSLATE_NOOP("AlarmDetail", "floor"),
    "column": QT_TRANSLATE_NOOP("AlarmDetail", "column"),
    "building": QT_TRANSLATE_NOOP("AlarmDetail", "building"),
    "state": QT_TRANSLATE_NOOP("AlarmDetail", "state"),
    "reason": QT_TRANSLATE_NOOP("AlarmDetail", "reason"),
    "zone": QT_TRANSLATE_NOOP("AlarmDetail", "zone"),
    "zone_kind": QT_TRANSLATE_NOOP("AlarmDetail", "kind"),
}
#: keys that link an event to its record (the construction review), not for reading
_EVENT_LINKS = frozenset({"change"})

_EVENT_VALUES = {
    "covered": QT_TRANSLATE_NOOP("AlarmDetail", "covered"),
    "moved": QT_TRANSLATE_NOOP("AlarmDetail", "moved"),
    "blurred": QT_TRANSLATE_NOOP("AlarmDetail", "blurred"),
    # why a construction camera no longer registers (registration.FAILURES)
    "no_convergence": QT_TRANSLATE_NOOP("AlarmDetail", "the picture no longer lines up"),
    "low_correlation": QT_TRANSLATE_NOOP("AlarmDetail", "the picture no longer matches"),
    "shifted": QT_TRANSLATE_NOOP("AlarmDetail", "the picture shifted"),
    "turned": QT_TRANSLATE_NOOP("AlarmDetail", "the picture turned"),
    # the simulator's fault names (app/sources/simulator/faults.CATALOGUE), sent as "fault"
    "transformer_overheat": QT_TRANSLATE_NOOP("AlarmDetail", "transformer overheating"),
    "pump_failure": QT_TRANSLATE_NOOP("AlarmDetail", "pump failure"),
    "elevator_stuck": QT_TRANSLATE_NOOP("AlarmDetail", "lift stuck"),
    "elevator_trapped": QT_TRANSLATE_NOOP("AlarmDetail", "passenger trapped"),
    "elevator_door_moving": QT_TRANSLATE_NOOP("AlarmDetail", "lift moving with doors open"),
    "manhole_flooded": QT_TRANSLATE_NOOP("AlarmDetail", "manhole flooded"),
    "sewer_gas": QT_TRANSLATE_NOOP("AlarmDetail", "sewer gas"),
    "sensor_battery_low": QT_TRANSLATE_NOOP("AlarmDetail", "sensor battery low"),
    "smoke_alarm": QT_TRANSLATE_NOOP("AlarmDetail", "smoke alarm"),
    "ev_charger_fault": QT_TRANSLATE_NOOP("AlarmDetail", "charger fault"),
    "barrier_fault": QT_TRANSLATE_NOOP("AlarmDetail", "barrier fault"),
    "pass_feed_lost": QT_TRANSLATE_NOOP("AlarmDetail", "pass records lost"),
    "offline": QT_TRANSLATE_NOOP("AlarmDetail", "offline"),
    # construction zone kinds (app.vision.construction.zones.KINDS)
    "green_space": QT_TRANSLATE_NOOP("AlarmDetail", "green space"),
    "no_build": QT_TRANSLATE_NOOP("AlarmDetail", "no-build area"),
    "fire_lane": QT_TRANSLATE_NOOP("AlarmDetail", "fire lane"),
    "rooftop": QT_TRANSLATE_NOOP("AlarmDetail", "rooftop"),
}


def event_detail(data) -> str:  # noqa: ANN001 (a mapping of the event's data)
    """An event's data as an operator reads it: "原因 燃气泄漏，程度 0.6"; a value that names
    an event type (``gas_leak``) is shown by that type's name."""
    parts = []
    for key, text in formatted(data).items():
        if key in _EVENT_LINKS:
            continue
        if key not in _EVENT_KEYS:
            parts.append(f"{key}={text}")
            continue
        if f"event.{text}" in _WHOLE:
            value = _tr(_WHOLE[f"event.{text}"])
        elif text in _EVENT_VALUES:
            value = QCoreApplication.translate("AlarmDetail", _EVENT_VALUES[text])
        else:
            value = text
        parts.append(f"{QCoreApplication.translate('AlarmDetail', _EVENT_KEYS[key])} {value}")
    return QCoreApplication.translate("AlarmDetail", ", ").join(parts)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Alarm", text)


#: what the engine raises alarms on that is not a device of the scene
_NOT_DEVICES = {FEED_ALARM_DEVICE: QT_TRANSLATE_NOOP("Alarm", "Site data feed")}


def device_label(store, device_id: str) -> str:  # noqa: ANN001 (a StateStore)
    """The name an alarm's device goes by: its scene name, the feed worded, else its id."""
    device = store.device(device_id)
    return device.name if device is not None else not_a_device_name(device_id)


def not_a_device_name(device_id: str) -> str:
    """An alarm's "device" that the scene does not have: the feed worded, else the id."""
    return _tr(_NOT_DEVICES[device_id]) if device_id in _NOT_DEVICES else device_id


def severity_name(severity: int) -> str:
    return _tr(SEVERITY_NAMES.get(severity, str(severity)))


def state_name(state: str) -> str:
    return _tr(STATE_NAMES.get(state, state))


def type_name(type_: str) -> str:
    if type_ in _WHOLE:
        return _tr(_WHOLE[type_])
    if type_.startswith("parking.overstay."):  # one per parking zone
        return _tr(_WHOLE["parking.overstay"])
    point, _, suffix = type_.rpartition(".")
    if point and suffix in _SUFFIXES:
        return f"{point_name(point)} {_tr(_SUFFIXES[suffix])}"
    return type_
