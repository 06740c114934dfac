"""Commands: everything a person can ask of the engine, as data.

A command is a tagged msgspec Struct (``{"command": "alarm.acknowledge", "alarm_id": …}``
on the wire), declared once with its bounds. Every client — the in-process desk, a remote
console, an integrator's script — sends the same objects; ``app.facade.handler`` checks the
sender's permission and scope, runs the command and audits it. Text fields are bounded so a
hostile client cannot make the audit trail or the database carry megabytes.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from app.security.roles import Permission

Id = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
Text = Annotated[str, msgspec.Meta(max_length=2000)]
Reason = Annotated[str, msgspec.Meta(max_length=500)]
Point2 = Annotated[list[Annotated[float, msgspec.Meta(ge=-1e6, le=1e6)]],
                   msgspec.Meta(min_length=2, max_length=2)]
Polygon = Annotated[list[Point2], msgspec.Meta(min_length=3, max_length=256)]
Polygons = Annotated[list[Polygon], msgspec.Meta(max_length=64)]
Coord = Annotated[float, msgspec.Meta(ge=-1e5, le=1e5)]


class Command(msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag_field="command"):
    #: what the sender must hold; None = any signed-in user
    permission: ClassVar[Permission | None] = None


# ---- alarms ------------------------------------------------------------------------------
class AcknowledgeAlarm(Command, tag="alarm.acknowledge"):
    permission = Permission.ACKNOWLEDGE
    alarm_id: Id
    note: Reason = ""


class CommentAlarm(Command, tag="alarm.comment"):
    permission = Permission.ACKNOWLEDGE
    alarm_id: Id
    text: Text


class SilenceAlarm(Command, tag="alarm.silence"):
    """Silence the sound of an alarm at the sender's console (recorded, nothing else)."""

    permission = Permission.ACKNOWLEDGE
    alarm_id: Id


class ShelveAlarm(Command, tag="alarm.shelve"):
    permission = Permission.SHELVE
    alarm_id: Id
    duration_s: Annotated[float, msgspec.Meta(gt=0, le=7 * 86400)]
    reason: Reason


class UnshelveAlarm(Command, tag="alarm.unshelve"):
    permission = Permission.SHELVE
    alarm_id: Id


class CloseAlarm(Command, tag="alarm.close"):
    permission = Permission.CLOSE
    alarm_id: Id
    note: Reason = ""


# ---- dispatch ----------------------------------------------------------------------------
class CreateOrder(Command, tag="order.create"):
    permission = Permission.DISPATCH
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    skill: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    priority: Annotated[int, msgspec.Meta(ge=1, le=4)]
    xyz: tuple[Coord, Coord, Coord]
    building: Id | None = None
    floor: Annotated[int, msgspec.Meta(ge=-20, le=300)] | None = None
    device_id: Id | None = None


class CreateOrderFromAlarm(Command, tag="order.from_alarm"):
    permission = Permission.DISPATCH
    alarm_id: Id


class AssignOrder(Command, tag="order.assign"):
    """Assigning the suggested technician needs DISPATCH; anyone else (or moving an order
    someone holds) is an override (checked by the handler)."""

    permission = Permission.DISPATCH
    order_id: Id
    tech_id: Id
    reason: Reason = ""


class SetOrderState(Command, tag="order.state"):
    permission = Permission.DISPATCH
    order_id: Id
    to: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    note: Reason = ""


class AddOrderNote(Command, tag="order.note"):
    permission = Permission.DISPATCH
    order_id: Id
    text: Text


class SetAutoAssign(Command, tag="dispatch.auto_assign"):
    permission = Permission.OVERRIDE
    on: bool


# ---- devices and rules -------------------------------------------------------------------
class RegisterDevice(Command, tag="device.register"):
    """Accept a device from the unknown-devices list: as its birth describes it, with what
    the operator gives here overriding it (kind, name, place)."""

    permission = Permission.EDIT_RULES
    device_id: Id
    kind: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    name: Annotated[str, msgspec.Meta(max_length=128)] = ""
    xyz: tuple[Coord, Coord, Coord] | None = None
    building: Id | None = None
    floor: Annotated[int, msgspec.Meta(ge=-20, le=300)] | None = None


class DismissDevice(Command, tag="device.dismiss"):
    """Take a device off the unknown-devices list, or remove one an operator registered."""

    permission = Permission.EDIT_RULES
    device_id: Id


class FreezeLearnedBand(Command, tag="rules.freeze_learned"):
    permission = Permission.EDIT_RULES
    device_id: Id
    point: Id
    frozen: bool


class ParkingRebase(Command, tag="parking.rebase"):
    """Set a parking zone's gate count to what its space sensors count."""

    permission = Permission.EDIT_RULES
    zone_id: Id


# ---- cameras -----------------------------------------------------------------------------
class SetPrivacyMasks(Command, tag="camera.privacy_masks"):
    permission = Permission.EDIT_MASKS
    camera_id: Id
    polygons: Polygons


class SetShieldZones(Command, tag="camera.shield_zones"):
    permission = Permission.EDIT_MASKS
    camera_id: Id
    polygons: Polygons


class SetFacade(Command, tag="camera.facade"):
    permission = Permission.EDIT_MASKS
    camera_id: Id
    facade: dict | None  # the facade file's JSON (app.vision.facade.parse_facade checks it)


class SetConstructionZones(Command, tag="camera.construction_zones"):
    """A camera's construction/encroachment zones (None: stop that analysis)."""

    permission = Permission.EDIT_MASKS
    camera_id: Id
    zones: dict | None  # the zones file's JSON (app.vision.construction.zones.parse_zones)


# ---- construction changes (the operator's review) ----------------------------------------
class AcceptChange(Command, tag="construction.accept"):
    """The change is allowed: the detector absorbs it into its reference."""

    permission = Permission.REVIEW_CHANGES
    change_id: Id
    reason: Reason


class RejectChange(Command, tag="construction.reject"):
    """A false alarm: muted while it stays, kept for tuning."""

    permission = Permission.REVIEW_CHANGES
    change_id: Id
    reason: Reason


class DispatchChange(Command, tag="construction.dispatch"):
    """A work order for the enforcement team and an evidence package for urban management."""

    permission = Permission.REVIEW_CHANGES
    change_id: Id
    note: Reason = ""


class ViewCamera(Command, tag="camera.view"):
    """A person put a camera on their main tile: recorded as a view (a training session
    scores "the right camera checked")."""

    camera_id: Id


class ExportEvidence(Command, tag="evidence.export"):
    """Build the evidence package of a camera event; its bytes are a download."""

    permission = Permission.EXPORT_EVIDENCE
    event_id: Id


# ---- users (administrators) --------------------------------------------------------------
class AddUser(Command, tag="user.add"):
    permission = Permission.MANAGE_USERS
    name: Id
    password: Annotated[str, msgspec.Meta(max_length=256)]
    role: Id
    display_name: Annotated[str, msgspec.Meta(max_length=128)] = ""
    buildings: list[Id] | None = None
    cameras: list[Id] | None = None


class SetUserPassword(Command, tag="user.passwd"):
    permission = Permission.MANAGE_USERS
    name: Id
    password: Annotated[str, msgspec.Meta(max_length=256)]


class LockUser(Command, tag="user.lock"):
    permission = Permission.MANAGE_USERS
    name: Id


class UnlockUser(Command, tag="user.unlock"):
    permission = Permission.MANAGE_USERS
    name: Id


# ---- the video wall ----------------------------------------------------------------------
class TakeWallControl(Command, tag="wall.take_control"):
    """Control the wall from this console (one console at a time; ``force`` takes it from
    the console holding it)."""

    permission = Permission.CONTROL_WALL
    wall: Id = "main"
    force: bool = False


class ReleaseWall(Command, tag="wall.release"):
    """Give the wall back to its schedule."""

    permission = Permission.CONTROL_WALL
    wall: Id = "main"


class SetWallPreset(Command, tag="wall.set_preset"):
    """Show a preset of the wall file (None: follow the schedule) while in control."""

    permission = Permission.CONTROL_WALL
    preset: Id | None
    wall: Id = "main"


# ---- training (the instructor) ----------------------------------------------------------
ScenarioSeconds = Annotated[float, msgspec.Meta(ge=0, le=7 * 86400)]


class TrainingPlay(Command, tag="training.play"):
    permission = Permission.INSTRUCT


class TrainingPause(Command, tag="training.pause"):
    permission = Permission.INSTRUCT


class TrainingSpeed(Command, tag="training.speed"):
    permission = Permission.INSTRUCT
    speed: Annotated[float, msgspec.Meta(ge=0.25, le=10)]


class TrainingSeek(Command, tag="training.seek"):
    """Go to a moment of the scenario (seconds after its start)."""

    permission = Permission.INSTRUCT
    at_s: ScenarioSeconds


class TrainingInject(Command, tag="training.inject"):
    """Inject now: a scripted event of the scenario by its id, brought forward, or an
    event written like a scenario's timeline entry (app.training.scenario checks it)."""

    permission = Permission.INSTRUCT
    event_id: Id | None = None
    event: dict | None = None


class TrainingEnd(Command, tag="training.end"):
    """End the run here (it is scored as it stands; the rest of the scenario is not played)."""

    permission = Permission.INSTRUCT


class TrainingAnnotate(Command, tag="training.annotate"):
    """A note on the timeline, at ``at_s`` (default: now)."""

    permission = Permission.INSTRUCT
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
    at_s: ScenarioSeconds | None = None


ANY_COMMAND = (AcknowledgeAlarm | CommentAlarm | SilenceAlarm | ShelveAlarm | UnshelveAlarm
               | CloseAlarm | CreateOrder | CreateOrderFromAlarm | AssignOrder | SetOrderState
               | AddOrderNote | SetAutoAssign | RegisterDevice | DismissDevice | FreezeLearnedBand
               | ParkingRebase | SetPrivacyMasks | SetShieldZones | SetFacade
               | SetConstructionZones | AcceptChange | RejectChange | DispatchChange | ViewCamera
               | ExportEvidence | AddUser | SetUserPassword | LockUser | UnlockUser
               | TakeWallControl | ReleaseWall | SetWallPreset
               | TrainingPlay | TrainingPause | TrainingSpeed | TrainingSeek | TrainingInject
               | TrainingAnnotate | TrainingEnd)

#: every command class, by its tag
COMMANDS: dict[str, type[Command]] = {
    cls.__struct_config__.tag: cls  # type: ignore[misc]
    for cls in ANY_COMMAND.__args__  # type: ignore[attr-defined]
}
_decoder = msgspec.json.Decoder(ANY_COMMAND)


def decode_command(raw: bytes) -> Command:
    """A command from JSON; ``msgspec.ValidationError`` names the bad field."""
    return _decoder.decode(raw)


def secret_fields(command: Command) -> frozenset[str]:
    """Fields never written to the audit trail."""
    return frozenset({"password"}) & set(command.__struct_fields__)
