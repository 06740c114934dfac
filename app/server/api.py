"""The HTTP/WebSocket API of ``control-room serve`` (FastAPI): sign-in, the scene, a
snapshot, the change stream, commands, camera frames, evidence and clips, trend history,
the audit trail. OpenAPI at ``/api/v1/openapi.json``.

Every route but ``/health`` needs ``Authorization: Bearer TOKEN``; every command goes through
the engine's CommandHandler (permission, scope, audit) exactly as at the desk. Bodies are
msgspec structs decoded strictly: a bad field is a 422 that names it.

(No ``from __future__ import annotations`` here: FastAPI reads the routes' annotations, and
their dependencies are local functions that string annotations could not resolve.)
"""


import asyncio
import contextlib
import logging
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import cv2
import msgspec
from fastapi import Depends, FastAPI, Header, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import FileResponse, Response

from app import __version__
from app.api import wire
from app.facade import commands as cmd
from app.facade.errors import CommandError, CommandFailed, CommandRefused
from app.facade.handler import CommandResult
from app.facade.local import learned_of
from app.facade.room import LearnedInfo
from app.facade.session import Session
from app.operations.views import ChargerView, EnergyView, ParkingView
from app.security.audit import AuditRecord
from app.security.roles import Permission
from app.server.gatekeeper import Gatekeeper
from app.server.openapi import Schemas, merged_openapi
from app.server.stream import Console, StreamHub, hello_for, snapshot_of
from app.storage import queries as stored
from app.storage.queries import HistoryPoint
from app.vision.camera_types import Overlay
from app.vision.construction.records import PICTURES, ChangeRecord, public_record
from app.vision.construction.service import GroundZone

if TYPE_CHECKING:
    from app.runtime.engine import Engine

log = logging.getLogger(__name__)

P = wire.API_PREFIX
JPEG_QUALITY = 80
SESSION_RECHECK_S = 30.0
MAX_BODY = 256 * 1024


def _json(value: Any, status: int = 200) -> Response:
    return Response(msgspec.json.encode(value), status_code=status,
                    media_type="application/json")


def _error(exc: CommandError) -> Response:
    return _json(exc.to_json(), exc.status)


class _FrameCache:
    """The newest JPEG of each camera, encoded once whatever the number of consoles."""

    def __init__(self) -> None:
        self._jpeg: dict[str, tuple[int, bytes]] = {}

    def jpeg(self, camera_id: str, seq: int, frame) -> bytes:  # noqa: ANN001
        cached = self._jpeg.get(camera_id)
        if cached is not None and cached[0] == seq:
            return cached[1]
        ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        data = buf.tobytes() if ok else b""
        self._jpeg[camera_id] = (seq, data)
        return data


def create_app(engine: "Engine", gatekeeper: Gatekeeper) -> FastAPI:
    hub = StreamHub(engine)
    schemas = Schemas()
    frames = _FrameCache()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):  # noqa: ANN202
        hub.start()
        yield
        await hub.stop()

    app = FastAPI(title="control-room", version=__version__, lifespan=lifespan,
                  openapi_url=f"{P}/openapi.json", docs_url=f"{P}/docs", redoc_url=None,
                  description="The control room of a residential compound: state, alarms, "
                  "work orders, cameras and commands for consoles, video walls and city "
                  "platforms. Commands are checked against the user's role and scope and "
                  "written to an HMAC-SM3 chained audit trail.")
    app.state.hub = hub

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            base = get_openapi(title=app.title, version=app.version,
                               description=app.description, routes=app.routes)
            app.openapi_schema = merged_openapi(base, schemas)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(CommandError)
    async def _on_command_error(_request: Request, exc: CommandError) -> Response:
        return _error(exc)

    # ---- who is asking -------------------------------------------------------------------
    def bearer(authorization: Annotated[str | None, Header()] = None) -> str:
        if not authorization or not authorization.startswith("Bearer "):
            raise _Unauthorized()
        return authorization[7:].strip()

    def session(token: Annotated[str, Depends(bearer)]) -> Session:
        found = gatekeeper.session_for(token)
        if found is None:
            raise _Unauthorized()
        return found

    async def body_of(request: Request, type_: Any) -> Any:
        raw = await request.body()
        if len(raw) > MAX_BODY:
            raise CommandFailed("too_large", f"the body is larger than {MAX_BODY} bytes")
        try:
            return msgspec.json.decode(raw, type=type_)
        except msgspec.ValidationError as exc:
            raise _BadRequest(str(exc)) from None
        except msgspec.DecodeError as exc:
            raise _BadRequest(f"not JSON: {exc}") from None

    @app.exception_handler(_Unauthorized)
    async def _on_unauthorized(_request: Request, _exc: _Unauthorized) -> Response:
        return _json({"error": "not_signed_in", "message": "the session has ended: sign in "
                      "again", "data": {}}, 401)

    @app.exception_handler(_BadRequest)
    async def _on_bad_request(_request: Request, exc: _BadRequest) -> Response:
        return _json({"error": "bad_request", "message": str(exc), "data": {}}, 422)

    # ---- signing in ----------------------------------------------------------------------
    @app.get(f"{P}/health", tags=["server"], summary="Liveness, no sign-in needed")
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__, "site": engine.scheme.site,
                "setup_needed": gatekeeper.setup_token is not None}

    @app.post(f"{P}/session", tags=["session"], summary="Sign in",
              openapi_extra=schemas.body(wire.LoginRequest),
              responses={200: schemas.answer(wire.LoginAnswer)})
    async def login(request: Request) -> Response:
        body = await body_of(request, wire.LoginRequest)
        answer = await asyncio.to_thread(gatekeeper.login, body, _peer(request))
        return _json(answer)

    @app.post(f"{P}/session/setup", tags=["session"],
              summary="Create the first administrator with the one-time setup token",
              openapi_extra=schemas.body(wire.SetupRequest),
              responses={200: schemas.answer(wire.LoginAnswer)})
    async def setup(request: Request) -> Response:
        body = await body_of(request, wire.SetupRequest)
        return _json(await asyncio.to_thread(gatekeeper.setup, body, _peer(request)))

    @app.delete(f"{P}/session", tags=["session"], summary="Sign out")
    def logout(token: Annotated[str, Depends(bearer)],
               who: Annotated[Session, Depends(session)]) -> Response:
        gatekeeper.logout(token, who)
        return Response(status_code=204)

    @app.post(f"{P}/session/unlock", tags=["session"],
              summary="Unlock a console locked after idling (the same user's password)",
              openapi_extra=schemas.body(wire.UnlockRequest))
    async def unlock(request: Request, who: Annotated[Session, Depends(session)]) -> Response:
        body = await body_of(request, wire.UnlockRequest)
        await asyncio.to_thread(gatekeeper.unlock, who, body.password)
        return Response(status_code=204)

    # ---- reading -------------------------------------------------------------------------
    @app.get(f"{P}/scene", tags=["state"], summary="The compound model")
    def scene(_who: Annotated[Session, Depends(session)]) -> Response:
        return _json(engine.scene)

    @app.get(f"{P}/snapshot", tags=["state"], summary="Everything a console shows, now",
             responses={200: schemas.answer(wire.Snapshot)})
    def snapshot(who: Annotated[Session, Depends(session)]) -> Response:
        return _json(snapshot_of(engine, who.grant.scope))

    @app.get(f"{P}/devices/{{device_id}}/history", tags=["state"],
             summary="A point's stored trend (raw readings and minute aggregates)",
             responses={200: schemas.answer(list[HistoryPoint])})
    def history(device_id: str, point: str, since: float, until: float,
                _who: Annotated[Session, Depends(session)],
                max_points: Annotated[int, Query(ge=1, le=5000)] = 1000) -> Response:
        if not (math.isfinite(since) and math.isfinite(until)):
            raise _BadRequest("since and until must be finite epoch seconds")
        if engine.writer.engine is None:
            return _json([])
        return _json(stored.history(engine.writer.engine, engine.scheme.site, device_id, point,
                                    since, until,
                                    max_points))

    @app.get(f"{P}/devices/{{device_id}}/learned", tags=["state"],
             summary="Where a point's learned alarm band lies",
             responses={200: schemas.answer(LearnedInfo)})
    def learned(device_id: str, point: str,
                _who: Annotated[Session, Depends(session)]) -> Response:
        return _json(learned_of(engine, device_id, point))

    @app.get(f"{P}/dispatch/route", tags=["dispatch"],
             summary="The walkway route from a technician to an order")
    def route(tech_id: str, order_id: str,
              _who: Annotated[Session, Depends(session)]) -> Response:
        if engine.dispatch is None:
            raise CommandFailed("no_dispatch", "dispatch is not running")
        try:
            return _json(engine.dispatch.route(tech_id, order_id))
        except (KeyError, ValueError) as exc:
            raise CommandFailed("no_route", str(exc)) from None

    # ---- commands ------------------------------------------------------------------------
    @app.post(f"{P}/commands", tags=["commands"],
              summary="Run a command as the signed-in user (checked and audited)",
              openapi_extra=schemas.body(cmd.ANY_COMMAND, "one command, tagged by 'command'"),
              responses={200: schemas.answer(CommandResult)})
    async def command(request: Request, who: Annotated[Session, Depends(session)]) -> Response:
        body = await body_of(request, cmd.ANY_COMMAND)
        result = await asyncio.to_thread(engine.commands.execute, who, body)
        if isinstance(body, (cmd.LockUser, cmd.SetUserPassword, cmd.UnlockUser)):
            gatekeeper.forget(body.name)
            if isinstance(body, cmd.LockUser):
                gatekeeper.sessions.close_user(body.name)
        data = dict(result.data)
        data.pop("path", None)  # a server path means nothing to a console
        return _json(msgspec.structs.replace(result, data=data))

    # ---- cameras and evidence ------------------------------------------------------------
    def _camera(camera_id: str, who: Session):  # noqa: ANN202
        cameras = engine.cameras if engine.config.cameras.enabled else None
        if cameras is None or camera_id not in cameras.camera_ids():
            raise CommandFailed("unknown_camera", f"no camera {camera_id!r}")
        if not who.grant.scope.covers_camera(camera_id):
            raise CommandRefused("scope", f"camera {camera_id} is outside your scope")
        return cameras

    @app.get(f"{P}/cameras/{{camera_id}}/frame.jpg", tags=["cameras"],
             summary="The camera's newest frame (privacy masks burnt in at capture); "
             "204 when it has not changed since `after`")
    def frame(camera_id: str, who: Annotated[Session, Depends(session)],
              after: int = -1) -> Response:
        cameras = _camera(camera_id, who)
        snap = cameras.latest(camera_id)
        if snap is None or snap.seq == after:
            return Response(status_code=204)
        return Response(frames.jpeg(camera_id, snap.seq, snap.frame), media_type="image/jpeg",
                        headers={"X-Frame-Seq": str(snap.seq), "X-Frame-Time": repr(snap.t),
                                 "Cache-Control": "no-store"})

    @app.get(f"{P}/cameras/{{camera_id}}/overlays", tags=["cameras"],
             summary="What is drawn over the camera's picture: tracks, masks, shield zones, "
             "the facade grid", responses={200: schemas.answer(list[Overlay])})
    def overlays(camera_id: str, who: Annotated[Session, Depends(session)]) -> Response:
        snap = _camera(camera_id, who).latest(camera_id)
        return _json(list(snap.overlays) if snap is not None else [])

    def _event(event_id: str, who: Session):  # noqa: ANN202
        cameras = engine.cameras if engine.config.cameras.enabled else None
        event = next((e for e in (cameras.events() if cameras else ()) if e.id == event_id),
                     None)
        if event is None:
            raise CommandFailed("unknown_event", f"no camera event {event_id!r}")
        _camera(event.camera_id, who)
        return event

    @app.get(f"{P}/events/{{event_id}}/clip", tags=["cameras"],
             summary="The event's clip (MP4)")
    def clip(event_id: str, who: Annotated[Session, Depends(session)]) -> Response:
        event = _event(event_id, who)
        if not event.clip_path or not Path(event.clip_path).is_file():
            return Response(status_code=404)
        engine.commands.audit_view(who, "evidence.view_clip", f"evidence:{event_id}")
        return FileResponse(event.clip_path, media_type="video/mp4")

    @app.get(f"{P}/events/{{event_id}}/evidence.zip", tags=["cameras"],
             summary="Export the event's evidence package (SM3 digests); audited")
    def evidence(event_id: str, who: Annotated[Session, Depends(session)]) -> Response:
        result = engine.commands.execute(who, cmd.ExportEvidence(event_id=event_id))
        path = Path(result.data["path"])
        return FileResponse(path, media_type="application/zip", filename=path.name)

    # ---- construction review -------------------------------------------------------------
    def _construction():  # noqa: ANN202
        service = getattr(engine.cameras, "construction", None)
        if service is None:
            raise CommandFailed("no_construction", "construction review is not running "
                                "(no OpenCV on the server)")
        return service

    @app.get(f"{P}/construction/changes", tags=["construction"],
             summary="Construction/encroachment changes of the cameras in your scope, newest "
             "first", responses={200: schemas.answer(list[ChangeRecord])})
    def construction_changes(who: Annotated[Session, Depends(session)],
                             state: Annotated[str | None,
                                              Query(pattern="^(open|accepted|rejected|"
                                                    "dispatched)$")] = None) -> Response:
        return _json([public_record(r) for r in _construction().changes(state)
                      if who.grant.scope.covers_camera(r.camera_id)])

    @app.get(f"{P}/construction/changes/{{change_id}}/{{which}}.jpg", tags=["construction"],
             summary="A change's picture: before (the reference), after (registered), frame "
             "(as captured)")
    def construction_picture(change_id: str, which: str,
                             who: Annotated[Session, Depends(session)]) -> Response:
        if which not in PICTURES:
            raise _BadRequest(f"no picture {which!r}: before, after or frame")
        service = _construction()
        rec = service.change_or_none(change_id)
        if rec is None:
            raise CommandFailed("unknown_change", f"no change {change_id!r}")
        if not who.grant.scope.covers_camera(rec.camera_id):
            raise CommandRefused("scope", f"camera {rec.camera_id} is outside your scope")
        try:
            data = service.picture(change_id, which)
        except OSError:  # removed by hand: the record stays, its picture is gone
            return Response(status_code=404)
        return Response(data, media_type="image/jpeg",
                        headers={"Cache-Control": "private, max-age=86400"})

    @app.get(f"{P}/construction/zones", tags=["construction"],
             summary="The construction zones of the cameras in your scope, on the ground "
             "(site metres; rooftop zones at roof height)",
             responses={200: schemas.answer(list[GroundZone])})
    def construction_zones(who: Annotated[Session, Depends(session)]) -> Response:
        return _json([z for z in _construction().ground_zones()
                      if who.grant.scope.covers_camera(z.camera_id)])

    # ---- operations ----------------------------------------------------------------------
    def _operations():  # noqa: ANN202
        operations = getattr(engine, "operations", None)
        if operations is None:
            raise CommandFailed("no_operations", "operations are not running")
        return operations

    @app.get(f"{P}/operations/energy", tags=["operations"],
             summary="Today's energy and water: load profiles, costs, recommendations",
             responses={200: schemas.answer(EnergyView | None)})
    def energy(_who: Annotated[Session, Depends(session)]) -> Response:
        return _json(_operations().energy_view())

    @app.get(f"{P}/operations/parking", tags=["operations"],
             summary="Vehicles inside, zones, gates, flagged plates, overstays",
             responses={200: schemas.answer(ParkingView)})
    def parking(_who: Annotated[Session, Depends(session)]) -> Response:
        return _json(_operations().parking_view())

    @app.get(f"{P}/operations/chargers", tags=["operations"],
             summary="EV chargers: connector states, sessions, valley share",
             responses={200: schemas.answer(ChargerView)})
    def chargers(_who: Annotated[Session, Depends(session)]) -> Response:
        return _json(_operations().charger_view())

    @app.get(f"{P}/operations/report", tags=["operations"],
             summary="The daily or monthly operations report as PDF or HTML")
    def report(who: Annotated[Session, Depends(session)],
               kind: Annotated[str, Query(pattern="^(daily|monthly)$")],
               day: Annotated[str, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")],
               format: Annotated[str, Query(pattern="^(pdf|html)$")] = "pdf",  # noqa: A002
               lang: Annotated[str, Query(pattern="^(zh_CN|en)$")] = "zh_CN") -> Response:
        import datetime as dt
        import tempfile

        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            raise _BadRequest(f"not a day: {day!r}") from None
        folder = Path(tempfile.mkdtemp(prefix="cr-report-"))
        path = _operations().write_report(kind, when, folder / f"{kind}-{day}.{format}", lang)
        engine.commands.audit_view(who, "report.view", f"report:{kind}:{day}")
        return FileResponse(path, filename=path.name,
                            media_type="application/pdf" if format == "pdf" else "text/html")

    # ---- audit ---------------------------------------------------------------------------
    @app.get(f"{P}/audit", tags=["audit"], summary="The audit trail, newest first (auditors)",
             responses={200: schemas.answer(list[AuditRecord])})
    def audit(who: Annotated[Session, Depends(session)], actor: str | None = None,
              object: str | None = None, since: float | None = None,  # noqa: A002
              until: float | None = None,
              limit: Annotated[int, Query(ge=1, le=100_000)] = 1000) -> Response:
        if not who.may(Permission.VIEW_AUDIT):
            engine.commands.audit_view(who, "audit.view", "audit", refused=True)
            raise CommandRefused("permission", "viewing the audit trail needs audit.view",
                                 permission=Permission.VIEW_AUDIT.value)
        if engine.audit is None:
            raise CommandFailed("no_audit", "the audit trail is not available")
        engine.commands.audit_view(who, "audit.view", "audit",
                                   **{k: v for k, v in (("actor", actor), ("object", object))
                                      if v})
        return _json(engine.audit.read(actor=actor, obj=object, since=since, until=until,
                                       limit=limit))

    # ---- the stream ----------------------------------------------------------------------
    @app.websocket(f"{P}/stream")
    async def stream(socket: WebSocket) -> None:
        await socket.accept()
        try:
            first = await asyncio.wait_for(socket.receive(), timeout=10)
            raw = first.get("text") or first.get("bytes") or b""
            token = str(msgspec.json.decode(raw).get("token", ""))
        except (TimeoutError, WebSocketDisconnect, msgspec.DecodeError, AttributeError,
                RuntimeError):
            await _close(socket, 4400)
            return
        who = await asyncio.to_thread(gatekeeper.session_for, token)
        if who is None:
            await _close(socket, 4401)
            return
        console = Console(who)
        hub.join(console)  # first: no change between the snapshot and the first delta is lost
        try:
            await socket.send_bytes(wire.encode(hello_for(engine, who)))
            await socket.send_bytes(wire.encode(snapshot_of(engine, who.grant.scope)))
            await _pump(socket, console, token)
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            hub.leave(console)

    async def _pump(socket: WebSocket, console: Console, token: str) -> None:
        """Send the console its frames; end when it goes, lags, or its session ends."""
        receiver = asyncio.create_task(_drain(socket))
        recheck = asyncio.get_running_loop().time() + SESSION_RECHECK_S
        try:
            while not receiver.done():
                try:
                    frame_bytes = await asyncio.wait_for(console.queue.get(), timeout=1.0)
                except TimeoutError:
                    frame_bytes = b""
                if frame_bytes is None or console.dropped:
                    await _close(socket, 1013)  # too slow: reconnect and resynchronise
                    return
                if frame_bytes:
                    await socket.send_bytes(frame_bytes)
                    console.sent_bytes += len(frame_bytes)
                if asyncio.get_running_loop().time() >= recheck:
                    recheck += SESSION_RECHECK_S
                    if await asyncio.to_thread(gatekeeper.session_for, token) is None:
                        await _close(socket, 4401)  # signed out, locked or expired
                        return
        finally:
            receiver.cancel()

    return app


async def _drain(socket: WebSocket) -> None:
    """Read (and ignore) what the console sends, to notice when it goes."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            message = await socket.receive()
            if message.get("type") == "websocket.disconnect":
                return


async def _close(socket: WebSocket, code: int) -> None:
    with contextlib.suppress(RuntimeError, WebSocketDisconnect):
        await socket.close(code)


def _peer(request: Request) -> str:
    client = request.client
    return f"{client.host}:{client.port}" if client else "?"


class _Unauthorized(Exception):
    pass


class _BadRequest(Exception):
    pass
