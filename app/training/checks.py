"""A scenario checked against its scene: times within the run, every device, camera and
technician it names present and of the right kind, every expected action tied to an event
of the timeline. Each mistake is one ``ScenarioError`` line naming the field.

The events' targets are resolved here once (``Scenario.targets``): smoke on a floor picks
that floor's smoke detectors, a flood picks the devices its building loses, in id order, so
two runs of one scenario strike the same devices.
"""

from __future__ import annotations

from pathlib import Path

from app.alarms.defaults import rules_for
from app.alarms.grouping import FEEDS
from app.domain.kinds import SKILLS
from app.recording.format import RecordingError, read_header
from app.scene.model import Scene
from app.training.scenario import (
    EVENT_KIND,
    Expected,
    Injection,
    Scenario,
    ScenarioError,
    ScenarioFile,
    parse_time,
    simulator_start,
)

#: how many devices a flood takes down when the scenario does not say
BURST_COUNT = 30
#: smoke on a floor reaches at most this many of its detectors
SMOKE_DETECTORS = 2
#: a flood takes down devices whose silence is an alarm within this long
BURST_NOTICED_S = 600.0


def check_scenario(spec: ScenarioFile, path: Path, scene: Scene) -> Scenario:
    name = path.name
    devices = scene.device_index()
    duration = parse_time(spec.duration, f"{name}: duration")
    if duration <= 0:
        raise ScenarioError(f"{name}: duration: must be longer than 0 s")
    recording = _source(spec, path)
    times: list[float] = []
    targets: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for i, item in enumerate(spec.timeline):
        where = f"{name}: timeline[{i}]"
        at = parse_time(item.at, f"{where}.at")
        if at > duration:
            raise ScenarioError(f"{where}.at: {item.at!r} is after the end of the scenario "
                                f"({spec.duration})")
        if item.id is not None:
            if item.id in seen:
                raise ScenarioError(f"{where}.id: {item.id!r} is used twice")
            seen.add(item.id)
        times.append(at)
        targets.append(_targets(item, where, scene, devices))
    for i, expected in enumerate(spec.expected):
        _check_expected(expected, f"{name}: expected[{i}]", spec, scene, devices)
    until: list[float] = []
    for i, window in enumerate(spec.maintenance):
        where = f"{name}: maintenance[{i}]"
        for j, device in enumerate(window.devices):
            if device not in devices:
                raise ScenarioError(f"{where}.devices[{j}]: no device {device!r} in the scene")
        until.append(parse_time(window.until, f"{where}.until"))
    return Scenario(spec, str(path), recording, duration, tuple(times), tuple(until),
                    tuple(targets))


def _source(spec: ScenarioFile, path: Path) -> str | None:
    source = spec.source
    name = path.name
    if (source.recording is None) == (source.simulator is None):
        raise ScenarioError(f"{name}: source: give either recording or simulator")
    if source.simulator is not None:
        simulator_start(source.simulator, f"{name}: source.simulator.start")
        return None
    assert source.recording is not None
    recording = Path(source.recording)
    if not recording.is_absolute():
        recording = path.parent / recording
    if not recording.is_file():
        raise ScenarioError(f"{name}: source.recording: no such file {recording}")
    try:
        read_header(recording)
    except RecordingError as exc:
        raise ScenarioError(f"{name}: source.recording: {exc}") from None
    return str(recording.resolve())


def _targets(item: Injection, where: str, scene: Scene, devices: dict) -> tuple[str, ...]:
    event = item.event
    if event in ("technician_rejects", "technician_no_answer"):
        _need(item.technician, f"{where}.technician", f"{event} names a technician")
        if item.technician not in {t.id for t in scene.technicians}:
            raise ScenarioError(f"{where}.technician: no technician {item.technician!r}")
        return ()
    if event == "throw_from_height":
        _need(item.camera, f"{where}.camera", "a throw is seen by a facade camera")
        camera = next((c for c in scene.cameras if c.id == item.camera), None)
        if camera is None:
            raise ScenarioError(f"{where}.camera: no camera {item.camera!r} in the scene")
        if camera.watches is None:
            raise ScenarioError(f"{where}.camera: {item.camera} watches no facade")
        _need(item.floor, f"{where}.floor", "a throw comes from a floor")
        return (camera.id,)
    if event == "smoke" and item.device is None:
        _need(item.building, f"{where}.building", "smoke needs a device or building and floor")
        _need(item.floor, f"{where}.floor", "smoke needs a device or building and floor")
        found = sorted(d.id for d in scene.devices if d.kind == "smoke_detector"
                       and d.location.building == item.building
                       and d.location.floor == item.floor)
        if not found:
            raise ScenarioError(f"{where}: no smoke detector on floor {item.floor} of "
                                f"{item.building}")
        return tuple(found[:SMOKE_DETECTORS])
    if event == "alarm_burst":
        return _burst(item, where, scene, devices)
    _need(item.device, f"{where}.device", f"{event} strikes a device")
    device = devices.get(item.device)
    if device is None:
        raise ScenarioError(f"{where}.device: no device {item.device!r} in the scene")
    kind = EVENT_KIND.get(event)
    if kind is not None and device.kind != kind:
        raise ScenarioError(f"{where}.device: {item.device} is a {device.kind}, {event} "
                            f"needs a {kind}")
    return (device.id,)


def _burst(item: Injection, where: str, scene: Scene, devices: dict) -> tuple[str, ...]:
    """The feeding transformer (the root cause) and the devices the building loses."""
    _need(item.building, f"{where}.building", "a flood strikes a building")
    if item.building not in scene.building_index():
        raise ScenarioError(f"{where}.building: no building {item.building!r} in the scene")
    if item.device is not None:
        root = devices.get(item.device)
        if root is None or root.kind != "transformer":
            raise ScenarioError(f"{where}.device: {item.device!r} is not a transformer")
    else:
        transformers = sorted(d.id for d in scene.devices if d.kind == "transformer")
        if not transformers:
            raise ScenarioError(f"{where}: the scene has no transformer to trip")
        root = devices[transformers[0]]
    fed = FEEDS["transformer"]
    noticed = []  # (how soon its silence is an alarm, id): the flood the operator sees
    for device in scene.devices:
        if device.location.building != item.building or device.kind not in fed:
            continue
        offline = rules_for(device).offline
        if offline is not None and offline.on_delay_s <= BURST_NOTICED_S:
            noticed.append((offline.on_delay_s, device.id))
    victims = [device_id for _, device_id in sorted(noticed)]
    if not victims:
        raise ScenarioError(f"{where}.building: {item.building} has no device a power cut "
                            "would take down")
    return (root.id, *victims[: item.count or BURST_COUNT])


def _check_expected(expected: Expected, where: str, spec: ScenarioFile, scene: Scene,
                    devices: dict) -> None:
    trigger = next((t for t in spec.timeline if t.id == expected.after), None)
    if trigger is None:
        raise ScenarioError(f"{where}.after: no timeline event with id {expected.after!r}")
    if expected.device is not None and expected.device not in devices:
        raise ScenarioError(f"{where}.device: no device {expected.device!r} in the scene")
    cameras = {c.id for c in scene.cameras}
    if expected.camera is not None and expected.camera not in cameras:
        raise ScenarioError(f"{where}.camera: no camera {expected.camera!r} in the scene")
    if expected.skill is not None and expected.skill not in SKILLS:
        raise ScenarioError(f"{where}.skill: {expected.skill!r} is not one of "
                            f"{', '.join(SKILLS)}")
    if expected.technician is not None and expected.technician not in {
            t.id for t in scene.technicians}:
        raise ScenarioError(f"{where}.technician: no technician {expected.technician!r}")
    if expected.action == "view_camera" and expected.camera is None and trigger.camera is None:
        raise ScenarioError(f"{where}.camera: view_camera names a camera (or follows a "
                            "throw seen by one)")


def _need(value: object, where: str, why: str) -> None:
    if value is None:
        raise ScenarioError(f"{where}: missing ({why})")
