"""The one place commands are authorised, run and audited, whatever client sent them.

``CommandHandler.execute(session, command)``:
1. the sender's role must hold the command's permission (and the override permission for
   an assignment that is not the suggestion), a trainee acts only in a training session;
2. the command's object must lie in the sender's scope (buildings, cameras);
3. the command runs on the engine; an engine refusal ("already acknowledged by 张伟 at
   14:02") becomes a ``CommandFailed`` with a code and data;
4. every outcome — done, refused, failed — is written to the audit trail before the answer
   goes back. No audit trail, no action: a command that cannot be audited is refused.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from app.alarms.book import AlarmError
from app.domain.model import Location
from app.facade import commands as c
from app.facade.errors import CommandError, CommandFailed, CommandRefused
from app.facade.session import Session
from app.security.audit import AuditError
from app.security.passwords import PasswordPolicyError
from app.security.roles import Permission, Role, parse_role
from app.security.users import UserError

if TYPE_CHECKING:
    from app.runtime.engine import Engine

log = logging.getLogger(__name__)


class CommandResult(msgspec.Struct, frozen=True):
    command: str
    object: str
    data: dict[str, Any] = {}


def _tag(command: c.Command) -> str:
    return command.__struct_config__.tag  # type: ignore[return-value]


class CommandHandler:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ---- the one way in ------------------------------------------------------------------
    def execute(self, session: Session, command: c.Command) -> CommandResult:
        tag = _tag(command)
        try:  # the role first: a user without the permission learns nothing of the object
            self._authorise_role(session, command)
        except CommandRefused as exc:
            self._audit(session, tag, "", "refused", command, exc.message)
            raise
        try:
            obj, building, camera = self._target(command)
        except CommandError as exc:
            self._audit(session, tag, "", "failed", command, exc.message)
            raise
        try:
            self._authorise_object(session, command, obj, building, camera)
        except CommandRefused as exc:
            self._audit(session, tag, obj, "refused", command, exc.message)
            raise
        try:
            data = self._run(session, command)
        except CommandError as exc:
            self._audit(session, tag, obj, "failed", command, exc.message)
            raise
        except (AlarmError, UserError, PasswordPolicyError, KeyError, ValueError,
                RuntimeError) as exc:  # the engine's one-line refusals
            failed = CommandFailed("failed", str(exc).strip("'\""))
            self._audit(session, tag, obj, "failed", command, failed.message)
            raise failed from None
        self._audit(session, tag, obj, "ok", command)
        self._wait_durable()
        return CommandResult(tag, obj, data or {})

    def audit_view(self, session: Session, action: str, obj: str, **detail: object) -> None:
        """Record a view of sensitive data (unmasked video, evidence, the audit trail)."""
        self._write_audit(session, action, obj, "ok", dict(detail))

    def audit_session(self, user: str, console: str, action: str, outcome: str,
                      **detail: object) -> None:
        """Logins, failed logins, logouts, locks: recorded with the name as typed."""
        trail = self.engine.audit
        if trail is None:
            return
        trail.append(user[:64] or "?", action, f"user:{user[:64]}", outcome=outcome,
                     console=console, detail=dict(detail))

    # ---- authorisation -------------------------------------------------------------------
    def _authorise_role(self, session: Session, command: c.Command) -> None:
        grant = session.grant
        if grant.role is Role.TRAINEE and not getattr(self.engine, "training", False):
            raise CommandRefused("trainee_outside_training",
                                 "a trainee acts only in a training session")
        needed = command.permission
        if needed is not None and not grant.may(needed):
            raise CommandRefused("permission", f"{session.user} ({grant.role.value}) may not "
                                 f"{needed.value}", permission=needed.value)

    def _authorise_object(self, session: Session, command: c.Command, obj: str,
                          building: str | None, camera: str | None) -> None:
        grant = session.grant
        if isinstance(command, c.AssignOrder) and not grant.may(Permission.OVERRIDE) \
                and self._is_override(command):
            raise CommandRefused("permission", f"{session.user} ({grant.role.value}) may not "
                                 "override the suggested technician",
                                 permission=Permission.OVERRIDE.value)
        if camera is not None and not grant.scope.covers_camera(camera):
            raise CommandRefused("scope", f"camera {camera} is outside {session.user}'s scope",
                                 object=obj)
        if camera is None and obj and not grant.scope.covers_building(building) \
                and grant.scope.buildings is not None:
            raise CommandRefused("scope", f"{obj} is outside {session.user}'s scope",
                                 object=obj)

    def _is_override(self, command: c.AssignOrder) -> bool:
        dispatch = self._dispatch()
        order = dispatch.service.order(command.order_id)
        if order.assignee and order.assignee != command.tech_id:
            return True
        suggestion = dispatch.suggestion_for(command.order_id, fresh=True)
        return suggestion is None or suggestion.tech_id != command.tech_id

    # ---- what a command acts on (for scope and the audit trail) --------------------------
    def _target(self, command: c.Command) -> tuple[str, str | None, str | None]:
        """(object, building, camera) of a command; raises CommandFailed for an unknown
        object."""
        engine = self.engine
        if hasattr(command, "alarm_id"):
            alarm = engine.alarms.book.get(command.alarm_id)  # type: ignore[attr-defined]
            if alarm is None:
                raise CommandFailed("unknown_alarm", f"no alarm {command.alarm_id!r}",  # type: ignore[attr-defined]
                                    alarm_id=command.alarm_id)  # type: ignore[attr-defined]
            building, camera = self._device_place(alarm.device_id)
            return f"alarm:{alarm.id}", building, camera
        if hasattr(command, "order_id"):
            try:
                order = self._dispatch().service.order(command.order_id)  # type: ignore[attr-defined]
            except (KeyError, ValueError):
                raise CommandFailed("unknown_order", f"no work order "
                                    f"{command.order_id!r}") from None  # type: ignore[attr-defined]
            return f"order:{order.id}", order.location.building, None
        if isinstance(command, c.CreateOrder):
            return f"place:{command.building or '-'}", command.building, None
        if isinstance(command, c.RegisterDevice):
            return f"device:{command.device_id}", command.building, None
        if isinstance(command, c.DismissDevice):
            return f"device:{command.device_id}", None, None
        if isinstance(command, c.ParkingRebase):
            return f"parking:{command.zone_id}", None, None
        if isinstance(command, c.FreezeLearnedBand):
            building, camera = self._device_place(command.device_id)
            return f"device:{command.device_id}/{command.point}", building, camera
        if hasattr(command, "change_id"):  # a construction change: its camera's scope
            record = self._construction().change_or_none(command.change_id)  # type: ignore[attr-defined]
            if record is None:
                raise CommandFailed("unknown_change", f"no construction change "
                                    f"{command.change_id!r}")  # type: ignore[attr-defined]
            return f"change:{record.id}", None, record.camera_id
        if hasattr(command, "camera_id"):
            return f"camera:{command.camera_id}", None, command.camera_id  # type: ignore[attr-defined]
        if isinstance(command, (c.TakeWallControl, c.ReleaseWall, c.SetWallPreset)):
            return f"wall:{command.wall}", None, None
        if isinstance(command, c.ExportEvidence):
            camera = self._event_camera(command.event_id)
            return f"evidence:{command.event_id}", None, camera
        if hasattr(command, "name"):
            return f"user:{command.name}", None, None  # type: ignore[attr-defined]
        return "", None, None

    def _device_place(self, device_id: str) -> tuple[str | None, str | None]:
        cameras = {cam.id for cam in self.engine.scene.cameras}
        if device_id in cameras:
            return None, device_id
        device = self.engine.store.device(device_id)
        return (device.location.building if device else None), None

    def _event_camera(self, event_id: str) -> str:
        cameras = self.engine.cameras
        for event in cameras.events() if cameras is not None else ():
            if event.id == event_id:
                return event.camera_id
        raise CommandFailed("unknown_event", f"no camera event {event_id!r}")

    def _dispatch(self):  # noqa: ANN202
        if self.engine.dispatch is None:
            raise CommandFailed("no_dispatch", "dispatch is not running")
        return self.engine.dispatch

    # ---- running -------------------------------------------------------------------------
    def _run(self, session: Session, command: c.Command) -> dict[str, Any] | None:
        engine, who = self.engine, session.user
        book = engine.alarms.book
        match command:
            case c.AcknowledgeAlarm(alarm_id=alarm_id, note=note):
                try:
                    book.acknowledge(alarm_id, who, note)
                except AlarmError:
                    alarm = book.get(alarm_id)
                    if alarm is not None and alarm.acknowledged_at is not None:
                        raise CommandFailed(
                            "already_acknowledged",
                            f"already acknowledged by {alarm.acknowledged_by}",
                            by=alarm.acknowledged_by, at=alarm.acknowledged_at) from None
                    raise
            case c.CommentAlarm(alarm_id=alarm_id, text=text):
                book.comment(alarm_id, who, text)
            case c.SilenceAlarm():
                pass  # the sound is the console's; the trail records who silenced it
            case c.ShelveAlarm(alarm_id=alarm_id, duration_s=duration, reason=reason):
                book.shelve(alarm_id, who, duration, reason)
            case c.UnshelveAlarm(alarm_id=alarm_id):
                book.unshelve(alarm_id, who)
            case c.CloseAlarm(alarm_id=alarm_id, note=note):
                book.close(alarm_id, who, note)
            case c.CreateOrder():
                order = self._dispatch().create_order(
                    command.title, command.skill, command.priority,
                    Location(xyz=command.xyz, building=command.building, floor=command.floor),
                    actor=who, device_id=command.device_id)
                return {"order_id": order.id}
            case c.CreateOrderFromAlarm(alarm_id=alarm_id):
                order = self._dispatch().create_from_alarm(alarm_id, actor=who)
                if order is None:
                    raise CommandFailed("no_location", "this alarm has no located device to "
                                        "send a technician to")
                return {"order_id": order.id}
            case c.AssignOrder(order_id=order_id, tech_id=tech_id, reason=reason):
                self._dispatch().assign(order_id, tech_id, actor=who, reason=reason)
            case c.SetOrderState(order_id=order_id, to=to, note=note):
                self._dispatch().set_state(order_id, to, actor=who, note=note)
            case c.AddOrderNote(order_id=order_id, text=text):
                self._dispatch().add_note(order_id, who, text)
            case c.SetAutoAssign(on=on):
                self._dispatch().set_auto_assign(on)
            case c.RegisterDevice():
                registration = engine.ingest.register(
                    command.device_id, who, kind=command.kind, name=command.name or None,
                    xyz=command.xyz, building=command.building, floor=command.floor)
                engine.writer.register_devices([registration.device])
            case c.DismissDevice(device_id=device_id):
                engine.ingest.dismiss(device_id, who)
            case c.FreezeLearnedBand(device_id=device_id, point=point, frozen=frozen):
                learned = engine.alarms.learned
                (learned.freeze if frozen else learned.unfreeze)(device_id, point)
            case c.ParkingRebase(zone_id=zone_id):
                operations = getattr(engine, "operations", None)
                if operations is None:
                    raise CommandFailed("no_operations", "operations are not running")
                return {"rebased": bool(operations.rebase(zone_id, who))}
            case c.SetPrivacyMasks(camera_id=camera_id, polygons=polygons):
                self._cameras().set_privacy_masks(camera_id, polygons)
            case c.SetShieldZones(camera_id=camera_id, polygons=polygons):
                self._cameras().set_shield_zones(camera_id, polygons)
            case c.SetFacade(camera_id=camera_id, facade=facade):
                from app.vision.facade import FacadeError, parse_facade

                try:
                    parsed = None if facade is None else parse_facade(facade)
                except FacadeError as exc:
                    raise CommandFailed("bad_facade", str(exc)) from None
                self._cameras().set_facade(camera_id, parsed)
            case c.SetConstructionZones() | c.AcceptChange() | c.RejectChange() \
                    | c.DispatchChange():
                from app.facade.construction import run_construction

                return run_construction(self._construction(), command, who)
            case c.ViewCamera():
                pass  # the audit record is the point: who looked at which camera, when
            case c.TrainingPlay():
                self._training().play(who)
            case c.TrainingPause():
                self._training().pause(who)
            case c.TrainingSpeed(speed=speed):
                self._training().set_speed(speed, who)
            case c.TrainingSeek(at_s=at_s):
                self._training().seek(at_s, who)
            case c.TrainingInject(event_id=event_id, event=event):
                return {"injected": self._training().inject(who, event_id, event)}
            case c.TrainingAnnotate(text=text, at_s=at_s):
                self._training().annotate(who, text, at_s)
            case c.TrainingEnd():
                self._training().end(who)
            case c.ExportEvidence(event_id=event_id):
                from app import paths

                out = paths.user_data_dir() / "exports" / _safe(session.user)
                out.mkdir(parents=True, exist_ok=True)
                path = self._cameras().export_evidence(event_id, out)
                return {"path": str(path), "name": Path(path).name}
            case c.AddUser():
                self._users().add(command.name, command.password, parse_role(command.role),
                                  display_name=command.display_name,
                                  buildings=command.buildings, cameras=command.cameras)
            case c.SetUserPassword(name=name, password=password):
                self._users().set_password(name, password)
            case c.LockUser(name=name):
                if name == who:
                    raise CommandFailed("self_lock", "an administrator cannot lock themselves")
                self._users().lock(name)
            case c.UnlockUser(name=name):
                self._users().unlock(name)
            case c.TakeWallControl(wall=wall, force=force):
                engine.wall.take(session, wall, force=force)
            case c.ReleaseWall(wall=wall):
                engine.wall.release(session, wall)
            case c.SetWallPreset(wall=wall, preset=preset):
                engine.wall.set_preset(session, wall, preset)
            case _:
                raise CommandFailed("unknown_command", f"unknown command {_tag(command)}")
        return None

    def _training(self):  # noqa: ANN202 (app.training's control, kept out of this module)
        control = getattr(self.engine, "training_control", None)
        if control is None:
            raise CommandFailed("not_training", "this is not a training session")
        return control

    def _cameras(self):  # noqa: ANN202
        if self.engine.cameras is None:
            raise CommandFailed("no_cameras", "cameras are not running")
        return self.engine.cameras

    def _construction(self):  # noqa: ANN202
        service = self._cameras().construction
        if service is None:  # app.vision.no_cameras: OpenCV could not be loaded
            raise CommandFailed("no_cameras", "cameras are not running")
        return service

    def _users(self):  # noqa: ANN202
        if self.engine.users is None:
            raise CommandFailed("no_users", "user management needs the database")
        return self.engine.users

    # ---- audit ---------------------------------------------------------------------------
    def _audit(self, session: Session, action: str, obj: str, outcome: str,
               command: c.Command, why: str = "") -> None:
        detail = {k: v for k, v in msgspec.to_builtins(command).items()
                  if k not in c.secret_fields(command) and k != "command"}
        if why:
            detail["why"] = why
        self._write_audit(session, action, obj, outcome, detail)

    def _write_audit(self, session: Session, action: str, obj: str, outcome: str,
                     detail: dict) -> None:
        trail = self.engine.audit
        if trail is None:
            if session.demo:  # the embedded demo may run without a key
                return
            raise CommandRefused("audit_unavailable",
                                 "the audit trail is not available: nothing was done")
        try:
            trail.append(session.user, action, obj, outcome=outcome, console=session.console,
                         detail=detail)
        except AuditError as exc:
            log.error("audit trail: %s", exc)
            raise CommandRefused("audit_unavailable",
                                 f"the audit trail cannot be written ({exc}): nothing was "
                                 "done") from None

    def _wait_durable(self) -> None:
        """The command's effect is in the database before the answer goes back (a server
        killed right after an acknowledgement must not lose it)."""
        writer = self.engine.writer
        try:
            writer.wait_durable(writer.mark(), timeout=5.0)
        except Exception:  # a storage outage is reported by storage's own health
            log.warning("command done, but storage did not confirm it within 5 s")


def _safe(name: str) -> str:
    out = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)
    return out[:64] or "user"

