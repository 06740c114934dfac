"""ConstructionService: the operator's loop over detected changes, engine side.

A change that stayed in a zone raises ``event.illegal_construction`` (MEDIUM) on its camera
and becomes a record (records.py) with before/after pictures and its place in the
compound. The operator then **accepts** it (it is allowed: the detector absorbs it into
its reference), **rejects** it (a false alarm: muted while it stays, kept for tuning) or
**dispatches** it (a work order for the property's enforcement team and an evidence
package — pictures, times, zone, camera, place, SM3 digests — for urban management; the
detector keeps watching it until it goes, but no longer takes what is built next to it
as part of it). A
camera that no longer registers to its reference raises ``event.camera_moved`` (HIGH)
until it does again or the operator has it learn the new view.

People reach these through the room's commands (SetConstructionZones, AcceptChange,
RejectChange, DispatchChange in app/facade/commands.py: role, scope and audit there); each
takes the acting user's name and returns msgspec Structs. Listeners are called
on the camera's analysis thread (new records) or the caller's (decisions).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import numpy as np

from app.alarms.messages import detail
from app.alarms.model import Severity
from app.domain.model import Location
from app.vision.construction.events import (
    CameraMoved,
    CameraSettled,
    ChangeGone,
    ChangeGrew,
    Detection,
    ReferenceRelearnt,
)
from app.vision.construction.ground import GroundCalibration, Pinhole
from app.vision.construction.records import ChangeRecord, Decision, RecordStore
from app.vision.construction.roofs import Roof, on_roof, roof_under, roofs_of
from app.vision.construction.zones import ZoneSet, parse_zones
from app.vision.evidence import export_package

log = logging.getLogger(__name__)

ALARM = "event.illegal_construction"
MOVED = "event.camera_moved"


class ConstructionError(ValueError):
    """A command that cannot be carried out; the message says why."""


class GroundZone(msgspec.Struct, frozen=True):
    """A zone as drawn on the ground in 3D (site metres)."""

    camera_id: str
    zone_id: str
    kind: str
    name: str
    polygon_xy: tuple[tuple[float, float], ...]
    z: float = 0.0  # height of the plane it lies on: 0 on the ground, a roof's height


class DispatchResult(msgspec.Struct, frozen=True):
    change: ChangeRecord
    work_order: str | None  # None when no dispatch service runs (offline, tests)
    package: str


class ConstructionService:
    def __init__(self, cameras, book, evidence_dir: Path, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.cameras = cameras  # CameraManager (camera(), settings(), latest(), set_...)
        self.book = book
        self.store = RecordStore(evidence_dir)
        self.clock = clock
        self.work_orders = None  # DispatchRuntime, set by the composition root
        self._roofs: list[Roof] = []  # the scene's roofs, for rooftop zones (set_buildings)
        self._lock = threading.Lock()
        self._records: dict[str, ChangeRecord] = {r.id: r for r in self.store.load_all()}
        self._analyzers: dict[str, object] = {}
        self._listeners: list[Callable[[ChangeRecord], None]] = []

    # ---- from the camera analysis threads -----------------------------------------------
    def attach(self, camera_id: str, analyzer) -> None:
        self._analyzers[camera_id] = analyzer

    def on_event(self, camera_id: str, ev) -> None:
        if isinstance(ev, Detection):
            self._detected(camera_id, ev)
        elif isinstance(ev, ChangeGone):
            self._update(ev.id, still_seen=False)
        elif isinstance(ev, ChangeGrew):  # a late part of a dispatched case: noted on it
            rec = self.change_or_none(ev.id)
            if rec is not None:
                log.info("camera %s: change %s (dispatched) grew by %d blocks at %s",
                         camera_id, ev.id, ev.blocks, ev.bbox_px)
                self._update(ev.id, late_parts=(*rec.late_parts, (ev.t, ev.bbox_px)))
        elif isinstance(ev, CameraMoved):
            log.warning("camera %s: no longer registers to its reference (%s)", camera_id,
                        ev.reason)
            if self.book is not None:
                self.book.raise_alarm(camera_id, MOVED, Severity.HIGH,
                                      f"camera moved or tampered: {ev.reason}",
                                      detail=detail("event",
                                                    data={"reason": ev.failure or ev.reason}))
        elif isinstance(ev, CameraSettled) and self.book is not None:
            self.book.clear_alarm(camera_id, MOVED)
        elif isinstance(ev, ReferenceRelearnt):
            log.warning("camera %s: its %s reference has not recognised the view for hours "
                        "while the camera stayed in place (snow melted?); learnt afresh: "
                        "what stands in the view now is part of it", camera_id, ev.reference)

    def _detected(self, camera_id: str, d: Detection) -> None:
        ev = d.event
        cam = self.cameras.camera(camera_id)
        site, site_z = self._place(camera_id, d.frame.shape, ev.bbox_px, ev.zone_kind)
        rec = ChangeRecord(
            ev.id, camera_id, cam.name if cam else camera_id, ev.zone, ev.zone_kind,
            ev.zone_name, ev.t_detected, ev.t_onset, ev.bbox_px, ev.polygon_px,
            ev.confidence, site,
            folder=str(self.store.folder_for(camera_id, ev.id, self.clock())),
            site_z=site_z)
        try:
            self.store.create(rec, d.before, d.after, d.frame)
        except OSError as exc:
            log.warning("camera %s: cannot write change %s (%s)", camera_id, ev.id, exc)
        with self._lock:
            self._records[rec.id] = rec
        where = ev.zone_name or ev.zone
        log.warning("camera %s: change in zone %s (%s) stayed; confidence %.2f", camera_id,
                    where, ev.zone_kind, ev.confidence)
        if self.book is not None:
            self.book.raise_alarm(camera_id, ALARM, Severity.MEDIUM,
                                  f"illegal construction: {where} ({ev.zone_kind})",
                                  detail=detail("event", data={"zone": where,
                                                               "zone_kind": ev.zone_kind,
                                                               "change": ev.id}))
        self._emit(rec)

    def _place(self, camera_id: str, shape, bbox, kind: str = ""
               ) -> tuple[tuple[float, float] | None, float]:
        """Site (x, y) of the bottom centre of the change — where it stands — and the
        height it stands at (a roof's for a rooftop zone, else 0)."""
        size = (shape[1], shape[0])
        cal = self.calibration(camera_id, size)
        x, y, w, h = bbox
        pinhole = self.pinhole(camera_id, size) if kind == "rooftop" and self._roofs else None
        roof = roof_under(pinhole, [[x + w / 2, y + h]], self._roofs) if pinhole else None
        if roof is not None:
            cal = GroundCalibration.from_pose(pinhole, roof.z)
        if cal is None:
            return None, 0.0
        xy = cal.to_site([[x + w / 2, y + h]])[0]
        if not np.isfinite(xy).all():
            return None, 0.0
        return (round(float(xy[0]), 2), round(float(xy[1]), 2)), \
            (round(roof.z, 2) if roof is not None else 0.0)

    def set_buildings(self, buildings) -> None:  # noqa: ANN001 (scene Buildings)
        """The scene's buildings: a rooftop zone is drawn on the roof it lies on."""
        self._roofs = roofs_of(buildings)

    # ---- queries ------------------------------------------------------------------------
    def changes(self, state: str | None = None) -> list[ChangeRecord]:
        with self._lock:
            recs = list(self._records.values())
        return sorted((r for r in recs if state is None or r.state == state),
                      key=lambda r: r.t_detected, reverse=True)

    def change(self, change_id: str) -> ChangeRecord:
        with self._lock:
            rec = self._records.get(change_id)
        if rec is None:
            raise ConstructionError(f"no change {change_id!r}")
        return rec

    def change_or_none(self, change_id: str) -> ChangeRecord | None:
        with self._lock:
            return self._records.get(change_id)

    def picture(self, change_id: str, which: str) -> bytes:
        """JPEG bytes of "before", "after" or "frame"."""
        return self.store.picture(self.change(change_id), which)

    def zones(self, camera_id: str) -> ZoneSet | None:
        return self.cameras.settings(camera_id).construction

    def calibration(self, camera_id: str, size: tuple[int, int] | None = None
                    ) -> GroundCalibration | None:
        """The camera's ground calibration: its own points, else from its pose."""
        settings = self.cameras.settings(camera_id)
        if settings.ground is not None:
            return settings.ground
        pinhole = self.pinhole(camera_id, size)
        return GroundCalibration.from_pose(pinhole) if pinhole is not None else None

    def pinhole(self, camera_id: str, size: tuple[int, int] | None = None, *,
                width: int | None = None) -> Pinhole | None:
        """The camera's pose as a pinhole of its picture size: ``size``, else its newest
        frame's, else ``width`` wide and as high as its fields of view make it (None
        when none of these is known)."""
        cam = self.cameras.camera(camera_id)
        if cam is None:
            return None
        if size is None:
            snap = self.cameras.latest(camera_id)
            if snap is not None:
                size = (snap.frame.shape[1], snap.frame.shape[0])
            elif width is not None:
                aspect = math.tan(math.radians(cam.vfov_deg) / 2) / math.tan(
                    math.radians(cam.hfov_deg) / 2)
                size = (width, max(1, round(width * aspect)))
            else:
                return None
        return Pinhole(tuple(cam.xyz), cam.yaw_deg, cam.pitch_deg, cam.vfov_deg, *size)

    def ground_zones(self) -> list[GroundZone]:
        """Every camera's zones on the ground, for the 3D view."""
        out = []
        for cid in self.cameras.camera_ids():
            zones = self.zones(cid)
            cal = self.calibration(cid) if zones and zones.zones else None
            if cal is None:
                continue
            snap = self.cameras.latest(cid)
            # the horizon is clipped at the frame's width; before the first frame, the
            # zones' own extent (a points calibration needs no picture)
            width = (snap.frame.shape[1] if snap is not None
                     else int(max(x for z in zones.zones for x, _ in z.polygon_px)) + 1)
            roofs = self._roofs if any(z.kind == "rooftop" for z in zones.zones) else []
            pinhole = self.pinhole(cid, width=width) if roofs else None
            for z in zones.zones:
                poly, height = cal.ground_polygon(z.polygon_px, width), 0.0
                if z.kind == "rooftop" and pinhole is not None:
                    # on the roof it lies on, through the camera's pose (a points
                    # calibration knows the ground only)
                    poly, height = on_roof(pinhole, z.polygon_px, width, roofs) or (poly, 0.0)
                if len(poly) >= 3:
                    out.append(GroundZone(cid, z.id, z.kind, z.name,
                                          tuple((round(float(x), 2), round(float(y), 2))
                                                for x, y in poly), round(height, 2)))
        return out

    # ---- commands (each carries the acting user) ----------------------------------------
    def set_zones(self, camera_id: str, zones: ZoneSet | dict, user: str) -> ZoneSet:
        if isinstance(zones, dict):
            zones = parse_zones(zones)
        self.cameras.set_construction_zones(camera_id, zones)
        log.info("camera %s: %d construction zones set by %s", camera_id, len(zones.zones),
                 user)
        return zones

    def accept(self, change_id: str, user: str, reason: str) -> ChangeRecord:
        rec = self._decide(change_id, "accepted", user, reason)
        analyzer = self._analyzers.get(rec.camera_id)
        if analyzer is not None and not analyzer.detector.absorb(change_id):
            log.info("change %s no longer held by the detector; nothing to absorb", change_id)
        return self._settle(rec)

    def reject(self, change_id: str, user: str, reason: str) -> ChangeRecord:
        rec = self._decide(change_id, "rejected", user, reason)
        analyzer = self._analyzers.get(rec.camera_id)
        if analyzer is not None:
            analyzer.detector.mute(change_id)
        return self._settle(rec)

    def dispatch(self, change_id: str, user: str, note: str = "") -> DispatchResult:
        rec = self.change(change_id)
        if rec.state not in ("open", "dispatched"):
            raise ConstructionError(f"change {change_id} is already {rec.state}")
        order_id = None
        if self.work_orders is not None:
            xy = rec.site_xy or (0.0, 0.0)
            order = self.work_orders.create_from_detection(
                "illegal_construction", Location((xy[0], xy[1], rec.site_z)), ref=rec.id,
                confidence=rec.confidence, detail=f"{rec.zone_name or rec.zone} "
                f"({rec.camera_name})")
            order_id = order.id
            self.work_orders.add_note(order.id, user, note or "dispatched from review")
        package = self._package(rec, user, note)
        rec = self._decide(change_id, "dispatched", user, note, work_order=order_id,
                           package=str(package))
        analyzer = self._analyzers.get(rec.camera_id)
        if analyzer is not None:  # watched until it goes; what is built beside it is new
            analyzer.detector.close(change_id)
        alarm = self.book.find_open(rec.camera_id, ALARM) if self.book is not None else None
        if alarm is not None and order_id is not None:
            self.book.dispatch(alarm.id, order_id, by=user)
        self._emit(rec)
        return DispatchResult(rec, order_id, str(package))

    def reset_view(self, camera_id: str, user: str, reason: str) -> None:
        """The camera was re-aimed on purpose: learn its new view from scratch."""
        analyzer = self._analyzers.get(camera_id)
        if analyzer is None:
            raise ConstructionError(f"camera {camera_id!r} has no construction analysis")
        analyzer.detector.reset()
        log.info("camera %s: references reset by %s (%s)", camera_id, user, reason)
        if self.book is not None:
            self.book.clear_alarm(camera_id, MOVED)

    def subscribe(self, listener: Callable[[ChangeRecord], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners \
            else None

    # ---- internals ----------------------------------------------------------------------
    def _decide(self, change_id: str, action: str, user: str, reason: str,
                **extra) -> ChangeRecord:
        if not user.strip():
            raise ConstructionError("a decision needs the user who takes it")
        if action in ("accepted", "rejected") and not reason.strip():
            raise ConstructionError(f"say why the change is {action}")
        with self._lock:
            rec = self._records.get(change_id)
            if rec is None:
                raise ConstructionError(f"no change {change_id!r}")
            if rec.state != "open" and not (action == "dispatched"
                                             and rec.state == "dispatched"):
                raise ConstructionError(f"change {change_id} is already {rec.state}")
            rec = msgspec.structs.replace(
                rec, state=action, **extra,
                decisions=(*rec.decisions, Decision(action, user, reason, self.clock())))
            self._records[change_id] = rec
        self._save(rec)
        return rec

    def _settle(self, rec: ChangeRecord) -> ChangeRecord:
        """Clear the camera's alarm once none of its changes is open any more."""
        if self.book is not None and not any(
                r.camera_id == rec.camera_id and r.state == "open" for r in self.changes()):
            self.book.clear_alarm(rec.camera_id, ALARM)
        self._emit(rec)
        return rec

    def _update(self, change_id: str, **fields) -> None:
        with self._lock:
            rec = self._records.get(change_id)
            if rec is None:
                return
            rec = self._records[change_id] = msgspec.structs.replace(rec, **fields)
        self._save(rec)
        self._emit(rec)

    def _save(self, rec: ChangeRecord) -> None:
        try:
            self.store.save(rec)
        except OSError as exc:
            log.warning("change %s: cannot save its record (%s)", rec.id, exc)

    def _package(self, rec: ChangeRecord, user: str, note: str) -> Path:
        folder = Path(rec.folder)
        files = {f"{n}.jpg": folder / f"{n}.jpg" for n in ("before", "after", "frame")
                 if (folder / f"{n}.jpg").is_file()}
        meta = self.store.metadata(rec) | {"dispatched_by": user, "note": note,
                                           "exported_at": self.clock()}
        return export_package(files, meta, folder / f"evidence-{rec.id}.zip")

    def _emit(self, rec: ChangeRecord) -> None:
        for listener in list(self._listeners):
            try:
                listener(rec)
            except Exception:
                log.exception("construction listener failed")
