"""The scenario file: what a training run plays, what happens in it, and what the trainee
is expected to do (format: docs/training.md).

A TOML file::

    id = "guard-night"
    title = "夜班保安：高空抛物与电梯困人"
    staff = "guard"                  # whose workspace the trainee gets
    duration = "20:00"               # MM:SS, HH:MM:SS or seconds
    [source]
    recording = "demo-evening.jsonl.gz"      # beside the scenario file; or:
    # simulator = { seed = 7, start = "2025-11-20T02:40:00+08:00", faults = false }
    [[timeline]]
    id = "throw"
    at = "02:00"
    event = "throw_from_height"
    camera = "CAM-03"
    floor = 17
    [[expected]]
    action = "acknowledge"
    after = "throw"
    deadline_s = 60
    weight = 3

``load_scenario`` checks it against the scene: every mistake is one ``ScenarioError`` line
naming the file and the field (``guard.toml: timeline[1].device: no device 'B99-TR1' in
the scene``). A recording given instead of a scenario becomes free play
(``free_play``): the recording, no injections, scored on acknowledgements alone.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from app.recording.format import RecordingError, read_header
from app.scene.model import Scene

Seconds = Annotated[float, msgspec.Meta(ge=0, le=7 * 86400)]
Positive = Annotated[float, msgspec.Meta(gt=0, le=7 * 86400)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
Label = Annotated[str, msgspec.Meta(max_length=200)]
TimeText = str | float  # "MM:SS", "HH:MM:SS" or seconds

EVENTS = ("transformer_overheat", "pump_failure", "smoke", "gas_leak", "throw_from_height",
          "lift_trapped", "technician_rejects", "technician_no_answer", "alarm_burst",
          "device_offline")
Event = Literal["transformer_overheat", "pump_failure", "smoke", "gas_leak",
                "throw_from_height", "lift_trapped", "technician_rejects",
                "technician_no_answer", "alarm_burst", "device_offline"]
ACTIONS = ("acknowledge", "dispatch", "reassign", "view_camera", "comment", "shelve", "close")
Action = Literal["acknowledge", "dispatch", "reassign", "view_camera", "comment", "shelve",
                 "close"]
Staff = Literal["guard", "engineer", "dispatcher", "supervisor"]

#: the device kind each fault event strikes
EVENT_KIND = {"transformer_overheat": "transformer", "pump_failure": "water_pump",
              "smoke": "smoke_detector", "gas_leak": "gas_detector", "lift_trapped": "elevator",
              "alarm_burst": "transformer"}


class ScenarioError(ValueError):
    """A scenario or recording that cannot be played; one line naming the field."""


class _Spec(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


class SimulatorSpec(_Spec):
    seed: int = 7
    #: local date and time the scenario starts at (ISO 8601); a fixed night by default
    start: str = "2025-11-20T02:40:00+08:00"
    #: the simulator's own random faults as background (off: only the timeline happens)
    faults: bool = False


class SourceSpec(_Spec):
    recording: str | None = None
    simulator: SimulatorSpec | None = None


class DispatchSpec(_Spec):
    #: the system assigns suggestions by itself; off, the trainee must dispatch
    auto_assign: bool = True
    #: alarms at or above this severity make a work order by themselves (1–4)
    auto_order_min_severity: Annotated[int, msgspec.Meta(ge=1, le=5)] = 3


class Injection(_Spec):
    at: TimeText
    event: Event
    id: Name | None = None
    label: Label = ""
    device: Name | None = None
    building: Name | None = None
    floor: Annotated[int, msgspec.Meta(ge=-20, le=300)] | None = None
    camera: Name | None = None
    column: Annotated[int, msgspec.Meta(ge=1, le=100)] | None = None
    technician: Name | None = None
    #: how long the fault lasts (default: the fault's usual length)
    minutes: Annotated[float, msgspec.Meta(gt=0, le=24 * 60)] | None = None
    #: how far beyond its limit the point goes (<1 warning band, >1 beyond the alarm limit)
    severity: Annotated[float, msgspec.Meta(ge=0.2, le=3)] | None = None
    #: alarm_burst: how many devices go down; technician_*: how many orders it affects
    count: Annotated[int, msgspec.Meta(ge=1, le=500)] | None = None


class Expected(_Spec):
    action: Action
    after: Name  # the timeline id whose moment starts the clock
    deadline_s: Positive
    weight: Annotated[float, msgspec.Meta(gt=0, le=100)] = 1.0
    id: Name | None = None
    label: Label = ""
    device: Name | None = None  # the alarm's device (default: the injection's)
    alarm_type: Annotated[str, msgspec.Meta(max_length=64)] | None = None  # a type prefix
    skill: Name | None = None  # dispatch: to a technician with this skill
    technician: Name | None = None  # dispatch: to this technician
    camera: Name | None = None  # view_camera (default: the injection's camera)
    words: list[Annotated[str, msgspec.Meta(max_length=40)]] = []  # comment: any of these


class ScoringSpec(_Spec):
    #: weight of the acknowledgement times of every alarm (beside the expected actions)
    acknowledgements: Annotated[float, msgspec.Meta(ge=0, le=100)] = 2.0


class MaintenanceSpec(_Spec):
    devices: list[Name]
    until: TimeText
    reason: Label = "maintenance"


class ScenarioFile(_Spec):
    id: Name
    title: Label
    staff: Staff
    duration: TimeText
    source: SourceSpec
    title_en: Label = ""
    summary: Annotated[str, msgspec.Meta(max_length=2000)] = ""
    dispatch: DispatchSpec = DispatchSpec()
    scoring: ScoringSpec = ScoringSpec()
    maintenance: list[MaintenanceSpec] = []
    timeline: list[Injection] = []
    expected: list[Expected] = []


class Scenario(msgspec.Struct, frozen=True):
    """A checked scenario: times in seconds after the start, targets resolved."""

    spec: ScenarioFile
    path: str  # the scenario file, or the recording for free play
    recording: str | None  # absolute path of the recording, if the source is one
    duration_s: float
    times: tuple[float, ...]  # timeline[i] happens at times[i] seconds
    maintenance_until: tuple[float, ...] = ()
    #: the devices (or camera) timeline[i] strikes, resolved against the scene
    targets: tuple[tuple[str, ...], ...] = ()

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def title(self) -> str:
        return self.spec.title

    def injection(self, injection_id: str) -> tuple[int, Injection] | None:
        for i, item in enumerate(self.spec.timeline):
            if item.id == injection_id:
                return i, item
        return None


def parse_time(value: TimeText, where: str) -> float:
    """Seconds from ``90``, ``"01:30"`` or ``"00:01:30"``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)", str(value).strip())
        if match is None:
            raise ScenarioError(f"{where}: {value!r} is not a time (MM:SS, HH:MM:SS or "
                                "seconds)")
        hours, minutes, secs = match.groups()
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    if not 0 <= seconds <= 7 * 86400:
        raise ScenarioError(f"{where}: {value!r} is outside 0 s … 7 days")
    return seconds


def simulator_start(spec: SimulatorSpec, where: str = "source.simulator.start") -> float:
    try:
        when = dt.datetime.fromisoformat(spec.start)
    except ValueError:
        raise ScenarioError(f"{where}: {spec.start!r} is not an ISO 8601 date and time"
                            ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))  # China time
    return when.timestamp()


def load_scenario(path: str | Path, scene: Scene) -> Scenario:
    """A scenario file checked against ``scene``; a recording gives free play."""
    path = Path(path)
    if not path.is_file():
        raise ScenarioError(f"{path}: no such scenario or recording")
    if path.suffix.lower() != ".toml":
        return free_play(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path.name}: not valid TOML: {exc}") from None
    try:
        spec = msgspec.convert(raw, ScenarioFile)
    except msgspec.ValidationError as exc:
        raise ScenarioError(f"{path.name}: {_describe(str(exc))}") from None
    from app.training.checks import check_scenario  # the checks against the scene

    return check_scenario(spec, path, scene)


def free_play(recording: Path) -> Scenario:
    """A recording played as it is: no injections, scored on acknowledgements alone."""
    try:
        header = read_header(recording)
    except RecordingError as exc:
        raise ScenarioError(str(exc)) from None
    from app.recording.cursor import RecordingCursor

    with RecordingCursor(recording) as cursor:
        first, last = cursor.peek_t(), cursor.last_t()
    if first is None or last is None:
        raise ScenarioError(f"{recording}: the recording holds no message")
    spec = ScenarioFile(id="free-play", title=recording.name, staff="supervisor",
                        duration=round(last - first, 3),
                        source=SourceSpec(recording=str(recording)),
                        summary=f"free play of {recording.name} "
                                f"(recorded {dt.datetime.fromtimestamp(header.started_at):%Y-%m-%d %H:%M})")
    return Scenario(spec, str(recording), str(recording.resolve()),
                    max(1.0, last - first), ())


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$")
_UNKNOWN = re.compile(r"Object contains unknown field `(?P<field>[^`]+)`")
_MISSING = re.compile(r"Object missing required field `(?P<field>[^`]+)`")


def _describe(message: str) -> str:
    """'Expected `int`, got `str` - at `$.timeline[0].floor`' → 'timeline[0].floor: expected
    `int`, got `str`'."""
    match = _AT.match(message)
    msg, path = (match["msg"], match["path"] or "") if match else (message, "")
    dotted = path.lstrip(".")
    for pattern, what in ((_UNKNOWN, "unknown field"), (_MISSING, "missing")):
        found = pattern.search(msg)
        if found:
            key = f"{dotted}.{found['field']}" if dotted else found["field"]
            return f"{key}: {what}"
    if dotted:
        return f"{dotted}: {msg[0].lower()}{msg[1:]}"
    return msg
