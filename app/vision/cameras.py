"""CameraManager: every camera of the scene, live — capture, privacy masks, video loss,
tampering, falling-object detection on facade cameras, construction/encroachment detection
where zones are drawn (its review loop: ``manager.construction``), evidence clips and
packages.

Per camera two threads (camera_worker.py): ``CameraWorker`` reads and masks frames,
``CameraAnalysisWorker`` runs the checks; one shared ``ClipWriterWorker`` encodes clips. The
UI pulls ``latest()`` (cheap, no copy: the frame is read-only) and subscribes to events.
Alarms go to the camera device of the same id: event.video_loss (MEDIUM), event.tampering
(HIGH), event.falling_object (CRITICAL), event.illegal_construction (MEDIUM),
event.camera_moved (HIGH).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import cv2

from app.alarms.book import AlarmBook
from app.alarms.messages import detail
from app.alarms.model import Severity
from app.domain.model import Camera
from app.listeners import Listeners, Subscription
from app.vision import demo_feeds
from app.vision.camera_analysis import CameraAnalysis, PendingClip
from app.vision.camera_settings import SettingsError, SettingsStore, parse_polygons
from app.vision.camera_types import CameraEvent, CameraStatus, FrameSnapshot, Overlay
from app.vision.camera_worker import Backoff, CameraAnalysisWorker, CameraRuntime, CameraWorker
from app.vision.construction.service import ConstructionService
from app.vision.construction.zones import ZoneSet
from app.vision.evidence import ClipWriterWorker, RingBuffer, annotate, export_package
from app.vision.facade import Facade
from app.vision.falling import FallingObjectEvent
from app.vision.tamper import TamperConfig

log = logging.getLogger(__name__)

_DEFAULT = object()
_DEFAULT_TAMPER = TamperConfig()


def _fixed(uri: str) -> Callable[[], str]:
    return lambda: uri


class CameraManager:
    def __init__(self, cameras: Sequence[Camera], *, book: AlarmBook | None,
                 evidence_dir: Path, demo_feeds_dir: Path | None,
                 clock: Callable[[], float] = time.time,
                 settings_file: Path | None | object = _DEFAULT,
                 scene_cameras_dir: Path | None = None, max_demo_analysed: int = 4,
                 pre_s: float = 5.0, post_s: float = 5.0, loss_s: float = 5.0,
                 backoff_first_s: float = 0.5, backoff_max_s: float = 30.0,
                 queue_len: int = 8, open_timeout_s: float = 5.0, read_timeout_s: float = 3.0,
                 tamper: TamperConfig | None = _DEFAULT_TAMPER) -> None:
        if settings_file is _DEFAULT:
            from app import paths
            settings_file = paths.user_data_dir() / "camera-settings.json"
        self.book = book
        self.evidence_dir = Path(evidence_dir)
        self.demo_feeds_dir = Path(demo_feeds_dir) if demo_feeds_dir is not None else None
        self.clock = clock
        self.store = SettingsStore(settings_file, scene_cameras_dir)
        self.pre_s, self.post_s, self.loss_s = pre_s, post_s, loss_s
        self._backoff = (backoff_first_s, backoff_max_s)
        self._timeouts = (open_timeout_s, read_timeout_s)
        self.tamper_cfg = tamper
        self._cameras = {c.id: c for c in cameras}
        self._rt: dict[str, CameraRuntime] = {}
        self._analysis: dict[str, CameraAnalysis] = {}
        self._listeners: Listeners[CameraEvent] = Listeners("cameras")
        self._events: list[CameraEvent] = []
        self._evidence: dict[str, dict] = {}  # event id → metadata and file paths
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._clips: ClipWriterWorker | None = None
        self.construction = ConstructionService(self, book, self.evidence_dir, clock=clock)
        self.construction_config = None  # ConstructionConfig override (tests, benches)
        self.construction.subscribe(self._construction_changed)
        demo_analysed = 0
        for index, cam in enumerate(cameras):
            analysed = cam.watches is not None
            settings = self.store.get(cam.id)
            if cam.stream is None:
                if analysed:  # the demo's CPU budget: at most a few analysed feeds
                    analysed = demo_analysed < max_demo_analysed
                    demo_analysed += analysed
                next_uri = demo_feeds.playlist(cam, index, self.demo_feeds_dir, clock,
                                              self._stop,
                                              builds=settings.construction is not None)
            else:
                next_uri = _fixed(cam.stream)
            rt = CameraRuntime(cam, settings, next_uri, analysed=analysed,
                               queue_len=queue_len, clock=clock)
            self._rt[cam.id] = rt

    # ---- lifecycle ----------------------------------------------------------------------
    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        self._clips = ClipWriterWorker()
        self._clips.start()
        for rt in self._rt.values():
            rt.started_at = self.clock()
            analysis = CameraAnalysis(rt, self, pre_s=self.pre_s, post_s=self.post_s,
                                      tamper=self.tamper_cfg, overlay_cls=Overlay)
            self._analysis[rt.id] = analysis
            cap = CameraWorker(rt, self._stop, backoff=Backoff(*self._backoff),
                               open_timeout_s=self._timeouts[0],
                               read_timeout_s=self._timeouts[1])
            ana = CameraAnalysisWorker(rt, self._stop, analysis, loss_s=self.loss_s)
            self._threads += [cap, ana]
            cap.start()
            ana.start()
        log.info("cameras started: %d (%d analysed for falling objects, %d for construction)",
                 len(self._rt), sum(rt.analysed for rt in self._rt.values()),
                 sum(bool(rt.settings.construction and rt.settings.construction.zones)
                     for rt in self._rt.values()))

    def stop(self) -> None:
        """Stop and join every worker; pending clips are cut short and written first."""
        self._stop.set()
        for th in self._threads:
            th.join()
        self._threads = []
        if self._clips is not None:
            self._clips.stop()
            self._clips = None

    # ---- queries ------------------------------------------------------------------------
    def camera_ids(self) -> list[str]:
        return list(self._rt)

    def camera(self, camera_id: str) -> Camera | None:
        return self._cameras.get(camera_id)

    def status(self, camera_id: str) -> CameraStatus:
        rt = self._rt[camera_id]
        now = self.clock()
        online = (rt.last_frame_at is not None and not rt.lost
                  and now - rt.last_frame_at <= self.loss_s)
        return CameraStatus(online, round(rt.fps, 2) if online else 0.0, rt.frames,
                            rt.queue.dropped, rt.reconnects, rt.last_error, rt.tamper)

    def latest(self, camera_id: str) -> FrameSnapshot | None:
        rt = self._rt.get(camera_id)
        if rt is None or rt.latest is None:
            return None
        frame, t, seq = rt.latest
        return FrameSnapshot(camera_id, frame, t, seq, rt.overlays, self.status(camera_id))

    def ring(self, camera_id: str) -> RingBuffer | None:
        """The evidence ring of an analysed camera (tests, diagnostics)."""
        a = self._analysis.get(camera_id)
        return a.ring if a is not None else None

    def subscribe(self, listener: Callable[[CameraEvent], None], *,
                  weak: bool = False) -> Subscription:
        return self._listeners.subscribe(listener, weak=weak)

    def events(self) -> list[CameraEvent]:
        with self._lock:
            return list(self._events)

    # ---- settings -----------------------------------------------------------------------
    def settings(self, camera_id: str):
        """Current masks, shields and facade of a camera (CameraSettings)."""
        return self._rt[camera_id].settings

    def set_privacy_masks(self, camera_id: str, polygons) -> None:
        self._set(camera_id, "privacy_masks", polygons)

    def set_shield_zones(self, camera_id: str, polygons) -> None:
        self._set(camera_id, "shield_zones", polygons)

    def set_facade(self, camera_id: str, facade: Facade | None) -> None:
        if camera_id not in self._rt:
            raise KeyError(f"no camera {camera_id!r}")
        value = None if facade is None else facade.to_json() | {
            "floor_height_m": facade.floor_height_m}
        self.store.put(camera_id, "facade", value)
        self._rt[camera_id].set_settings(self.store.get(camera_id))

    def set_construction_zones(self, camera_id: str, zones: ZoneSet | None) -> None:
        """Zones of construction/encroachment analysis (None or no zones: none)."""
        if camera_id not in self._rt:
            raise KeyError(f"no camera {camera_id!r}")
        self.store.put(camera_id, "construction", zones.to_json() if zones else None)
        self._rt[camera_id].set_settings(self.store.get(camera_id))

    def set_ground(self, camera_id: str, image_px, site_xy) -> None:
        """Ground-plane calibration from ≥ 4 image points of known site position."""
        from app.vision.construction.ground import GroundCalibration
        if camera_id not in self._rt:
            raise KeyError(f"no camera {camera_id!r}")
        GroundCalibration.from_points(image_px, site_xy)  # raises GroundError if unusable
        self.store.put(camera_id, "ground", {"image_px": [list(map(float, p)) for p in image_px],
                                             "site_xy": [list(map(float, p)) for p in site_xy]})
        self._rt[camera_id].set_settings(self.store.get(camera_id))

    def _set(self, camera_id: str, key: str, polygons) -> None:
        if camera_id not in self._rt:
            raise KeyError(f"no camera {camera_id!r}")
        polys = parse_polygons([[list(p) for p in poly] for poly in polygons], key)
        self.store.put(camera_id, key, [[list(p) for p in poly] for poly in polys])
        self._rt[camera_id].set_settings(self.store.get(camera_id))

    def nearest_camera(self, xyz: tuple[float, float, float]) -> str | None:
        return nearest_camera(self._cameras.values(), xyz)

    def record_event(self, event: CameraEvent) -> None:
        """An event that did not come from a camera's own analysis (a training session's
        injected throw, with its clip): listed and announced like the others."""
        self._emit(event)

    # ---- hooks called by the analysis threads ------------------------------------------
    def _emit(self, ev: CameraEvent) -> None:
        with self._lock:
            self._events.append(ev)
            del self._events[:-1000]  # a flapping stream must not grow memory forever
        self._listeners.emit(ev)

    def _event(self, rt: CameraRuntime, kind: str, data: dict, t: float | None = None,
               clip: str | None = None, snap: str | None = None,
               event_id: str | None = None) -> None:
        self._emit(CameraEvent(event_id or uuid.uuid4().hex[:12], rt.id, kind,
                               self.clock() if t is None else t, data, clip, snap))

    def _alarm(self, rt: CameraRuntime, type_: str, sev: Severity, message: str,
               data: dict) -> None:
        if self.book is not None:
            self.book.raise_alarm(rt.id, type_, sev, message, detail=detail("event", data=data))

    def video_lost(self, rt: CameraRuntime, reason: str) -> None:
        log.warning("camera %s: video loss (%s)", rt.id, reason)
        self._alarm(rt, "event.video_loss", Severity.MEDIUM, f"video loss: {reason}",
                    {"reason": reason})
        self._event(rt, "video_loss", {"reason": reason})

    def video_restored(self, rt: CameraRuntime) -> None:
        log.info("camera %s: video restored", rt.id)
        if self.book is not None:
            self.book.clear_alarm(rt.id, "event.video_loss")
        self._event(rt, "video_restored", {"reconnects": rt.reconnects})

    def tamper_changed(self, rt: CameraRuntime, old: str | None, new: str | None,
                       figures: dict) -> None:
        if new is None:
            if self.book is not None:
                self.book.clear_alarm(rt.id, "event.tampering")
            self._event(rt, "tampering", {"state": None, "was": old, **figures})
            return
        log.warning("camera %s: tampering (%s)", rt.id, new)
        self._alarm(rt, "event.tampering", Severity.HIGH, f"camera {new}", {"state": new})
        self._event(rt, "tampering", {"state": new, "was": old, **figures})

    def construction_started(self, rt: CameraRuntime, analyzer) -> None:
        self.construction.attach(rt.id, analyzer)

    def construction_event(self, camera_id: str, ev) -> None:
        self.construction.on_event(camera_id, ev)

    def _construction_changed(self, rec) -> None:  # noqa: ANN001
        """A change raised or decided becomes a camera event too: the views that follow
        camera events (the review list, the event log) hear of it on every console."""
        rt = self._rt.get(rec.camera_id)
        if rt is None:
            return
        after = Path(rec.folder) / "after.jpg"
        self._event(rt, "construction_change",
                    {"change_id": rec.id, "state": rec.state, "zone": rec.zone,
                     "zone_kind": rec.zone_kind, "confidence": rec.confidence},
                    snap=str(after) if after.is_file() else None)

    def falling_detected(self, rt: CameraRuntime, ev: FallingObjectEvent,
                         ring: RingBuffer) -> dict | None:
        """Alarm at once; snapshot now; the clip follows after the post-roll."""
        event_id = uuid.uuid4().hex[:12]
        stamp = datetime.fromtimestamp(ev.t_start, UTC).strftime("%Y%m%dT%H%M%SZ")
        folder = self.evidence_dir / rt.id / f"{stamp}-{event_id}"
        where = self._where(rt, ev)
        snap = self._snapshot(rt, ev, ring, folder, stamp, where)
        data = ev.to_json() | {"camera": rt.id, "camera_name": rt.camera.name,
                               "building": rt.camera.watches,
                               "track": [[round(t, 3), round(x, 1), round(y, 1)]
                                         for t, x, y in ev.track]}
        log.warning("camera %s: falling object, %s (confidence %.2f)", rt.id, where,
                    ev.confidence)
        self._alarm(rt, "event.falling_object", Severity.CRITICAL, f"falling object: {where}",
                    {"floor": ev.floor, "column": ev.column, "building": rt.camera.watches})
        return {"event_id": event_id, "folder": folder, "snapshot": snap, "data": data,
                "stamp": stamp, "floor": ev.floor, "column": ev.column}

    @staticmethod
    def _where(rt: CameraRuntime, ev: FallingObjectEvent) -> str:
        if ev.floor is not None:
            return f"floor {ev.floor} column {ev.column}"
        return ("origin outside the calibrated facade" if rt.settings.facade is not None
                else "no facade calibration")

    def _snapshot(self, rt: CameraRuntime, ev: FallingObjectEvent, ring: RingBuffer,
                  folder: Path, stamp: str, where: str) -> Path | None:
        frame = ring.nearest(ev.t_start)
        if frame is None:
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            snap = folder / "snapshot.png"
            label = f"{rt.id} {stamp} falling object - {where}"
            cv2.imwrite(str(snap), annotate(frame, list(ev.track), rt.settings.facade,
                                            ev.floor, ev.column, ev.origin_px, label))
            return snap
        except (OSError, cv2.error) as exc:
            log.warning("camera %s: cannot write snapshot (%s)", rt.id, exc)
            return None

    def falling_refined(self, rt: CameraRuntime, p: PendingClip) -> None:
        """The detector's final version of an alarm already raised (whole track)."""
        ev, info = p.event, p.extra
        info["data"] = info["data"] | ev.to_json() | {
            "track": [[round(t, 3), round(x, 1), round(y, 1)] for t, x, y in ev.track]}
        if (ev.floor, ev.column) != (info.get("floor"), info.get("column")):
            info["floor"], info["column"] = ev.floor, ev.column
            self._alarm(rt, "event.falling_object", Severity.CRITICAL,
                        f"falling object: {self._where(rt, ev)}",
                        {"floor": ev.floor, "column": ev.column,
                         "building": rt.camera.watches})

    def clip_due(self, rt: CameraRuntime, p: PendingClip, frames: list) -> None:
        info = p.extra
        ring = self.ring(rt.id)
        if ring is not None:  # redraw with the whole trajectory
            info["snapshot"] = self._snapshot(rt, p.event, ring, info["folder"],
                                              info["stamp"], self._where(rt, p.event)) \
                or info["snapshot"]
        clip_path = info["folder"] / "clip.mp4"

        def done(path: Path | None) -> None:
            data = dict(info["data"]) | {"clip_t0": p.t0, "clip_t1": p.t1,
                                         "clip_frames": len(frames)}
            snap = str(info["snapshot"]) if info["snapshot"] else None
            clip = str(path) if path is not None else None
            with self._lock:
                self._evidence[p.event_id] = {"data": data, "clip": clip, "snapshot": snap,
                                              "t": p.event.t_start}
            try:
                (info["folder"] / "event.json").write_text(
                    json.dumps({"id": p.event_id, **data, "clip_path": clip,
                                "snapshot_path": snap}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
            except OSError as exc:
                log.warning("camera %s: cannot write event.json (%s)", rt.id, exc)
            self._event(rt, "falling_object", data, t=p.event.t_start, clip=clip, snap=snap,
                        event_id=p.event_id)

        if self._clips is not None and self._clips.is_alive():
            self._clips.submit(frames, clip_path, done)
        else:
            done(None)

    # ---- evidence package ---------------------------------------------------------------
    def export_evidence(self, event_id: str, out_dir: Path) -> Path:
        with self._lock:
            ev = self._evidence.get(event_id)
        if ev is None:
            raise KeyError(f"no evidence for event {event_id!r}")
        data = ev["data"]
        files = {}
        if ev["clip"]:
            files["clip.mp4"] = Path(ev["clip"])
        if ev["snapshot"]:
            files["snapshot.png"] = Path(ev["snapshot"])
        meta = {"event_id": event_id, "kind": "falling_object",
                "time_utc": datetime.fromtimestamp(ev["t"], UTC).isoformat(),
                "camera": {"id": data["camera"], "name": data["camera_name"],
                           "building": data["building"]},
                "floor": data["floor"], "column": data["column"],
                "detector": {k: data[k] for k in ("t_start", "t_end", "origin_px",
                                                  "impact_px", "confidence")},
                "track": data["track"], "clip_window_s": [data["clip_t0"], data["clip_t1"]]}
        return export_package(files, meta, Path(out_dir) / f"evidence-{event_id}.zip")


def nearest_camera(cameras: Iterable[Camera], xyz: tuple[float, float, float]) -> str | None:
    """The camera whose view holds ``xyz`` (the closest such), else the closest camera."""
    best_in, best_any = None, None
    for cam in cameras:
        dx, dy, dz = (xyz[i] - cam.xyz[i] for i in range(3))
        dist = math.sqrt(dx * dx + dy * dy + dz * dz)
        if best_any is None or dist < best_any[0]:
            best_any = (dist, cam.id)
        az = math.degrees(math.atan2(dy, dx))
        el = math.degrees(math.atan2(dz, math.hypot(dx, dy)))
        d_az = abs((az - cam.yaw_deg + 180.0) % 360.0 - 180.0)
        inside = (dist <= cam.range_m and d_az <= cam.hfov_deg / 2
                  and abs(el - cam.pitch_deg) <= cam.vfov_deg / 2)
        if inside and (best_in is None or dist < best_in[0]):
            best_in = (dist, cam.id)
    return (best_in or best_any or (None, None))[1]


__all__ = ["CameraEvent", "CameraManager", "CameraStatus", "FrameSnapshot", "Overlay",
           "SettingsError", "nearest_camera"]
