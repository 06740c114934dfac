"""CameraWall: the control room's video wall — 1/4/9/16 tiles or one large main tile with
five small ones, cameras dragged in from a list, live overlays, and camera events that pop
their camera onto the main tile with the clip ready to replay.

Frames are pulled, never pushed: one QTimer at ~15 fps asks the ControlRoom's cameras for
each visible tile's latest snapshot and repaints only when its sequence number moved;
overlays and status are refreshed at 5 Hz. Camera events arrive through the process's
RoomBridge. Layout and tile assignment persist in QSettings.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.facade.errors import CommandError
from app.facade.room import ControlRoom
from app.security.roles import Permission
from ui.bridge import RoomBridge
from ui.camera_clip import ClipPlayer
from ui.camera_events import EventBar, EventList, event_title
from ui.camera_list import CameraList
from ui.camera_overlays import tile_overlays
from ui.camera_toolbar import LAYOUTS, WallToolBar
from ui.command_feedback import error_text
from widgets.video_tile import VideoTile

log = logging.getLogger(__name__)

FRAME_MS = 66  # ~15 fps: the architecture's video pull rate
OVERLAY_S = 0.2  # overlays and status at 5 Hz; the engine refreshes them no faster
MAX_TILES = 16
SETTINGS_LAYOUT = "camera_wall/layout"
SETTINGS_TILES = "camera_wall/tiles"


def tile_state(status) -> str:
    if status is None or not status.online:
        return "offline"
    return "tamper" if status.tamper else "online"


class CameraWall(QWidget):
    sig_camera_selected = Signal(str)
    sig_evidence_exported = Signal(str)
    sig_event_shown = Signal(object)  # a CameraEvent is on the main tile: raise the wall

    def __init__(self, room: ControlRoom, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraWall")
        self.room = room
        self.manager = room.cameras
        self._settings = settings if settings is not None else QSettings()
        self.names = {c.id: c.name for c in room.scene.cameras}
        self.layout_name = "1+5"
        self._assign: list[str | None] = [None] * MAX_TILES
        self._seq: list[int | None] = [None] * MAX_TILES
        self._overlay_t = 0.0
        self._restore: tuple[str, list[str | None]] | None = None  # before a maximise
        self.active_event = None
        self.replaying = False
        self._build()
        self._restore_settings()

        self.player = ClipPlayer(self)
        self.player.sig_frame.connect(self._on_clip_frame)
        self.player.sig_finished.connect(self._on_clip_finished)
        for event in self.manager.events()[-50:]:
            self.events_list.add_event(event)
        RoomBridge.of(room).sig_camera.connect(self._on_camera_event)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = WallToolBar(self)
        self.toolbar.sig_layout.connect(self.set_layout)
        self.toolbar.sig_masks.connect(self._on_edit_masks)
        self.toolbar.sig_facade.connect(self._on_calibrate_facade)
        self.toolbar.sig_zones.connect(self._on_edit_zones)
        self.toolbar.set_editing_allowed(self.room.session.may(Permission.EDIT_MASKS))
        self.camera_list = CameraList()
        ids = self.manager.camera_ids()
        self.camera_list.set_cameras([(cid, self.names.get(cid, cid)) for cid in ids])
        self.camera_list.sig_camera_activated.connect(self.show_camera)
        self.events_list = EventList(self.names)
        self.events_list.sig_event_chosen.connect(self.show_event)
        side = QSplitter(Qt.Orientation.Vertical)
        for title, widget in ((self.tr("Cameras"), self.camera_list),
                              (self.tr("Camera events"), self.events_list)):
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(title)
            caption.setObjectName("SectionTitle")
            col.addWidget(caption)
            col.addWidget(widget, 1)
            side.addWidget(box)
        side.setMinimumWidth(200)

        self.event_bar = EventBar()
        self.event_bar.replay_button.clicked.connect(self.replay_clip)
        self.event_bar.live_button.clicked.connect(self._on_live)
        self.event_bar.export_button.clicked.connect(self._on_export_clicked)
        self.event_bar.dismiss_button.clicked.connect(self.dismiss_event)
        self.tiles: list[VideoTile] = []
        grid_host = QWidget()
        grid_host.setObjectName("CameraGrid")
        grid_host.setStyleSheet("QWidget#CameraGrid { background: #07090b; }")
        self.grid = QGridLayout(grid_host)
        self.grid.setContentsMargins(2, 2, 2, 2)
        self.grid.setSpacing(2)
        for index in range(MAX_TILES):
            tile = VideoTile()
            tile.sig_camera_dropped.connect(lambda cid, i=index: self.assign(i, cid))
            tile.sig_clicked.connect(lambda i=index: self.select_tile(i))
            tile.sig_maximise.connect(lambda i=index: self.toggle_maximise(i))
            tile.hide()
            self.tiles.append(tile)
        self.message = QLabel()
        self.message.setObjectName("Hint")
        wall = QWidget()
        wall_col = QVBoxLayout(wall)
        wall_col.setContentsMargins(0, 0, 0, 0)
        wall_col.setSpacing(0)
        wall_col.addWidget(self.event_bar)
        wall_col.addWidget(grid_host, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side)
        split.addWidget(wall)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 1200])
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(split, 1)
        layout.addLayout(row)

    # ---- layout and assignment -----------------------------------------------------------
    def set_layout(self, name: str) -> None:
        if name not in LAYOUTS:
            raise ValueError(f"unknown layout {name!r}; one of {sorted(LAYOUTS)}")
        self.layout_name = name
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()
        for r in range(4):
            self.grid.setRowStretch(r, 0)
            self.grid.setColumnStretch(r, 0)
        cells = LAYOUTS[name]
        for index, (row, col, rows, cols) in enumerate(cells):
            self.grid.addWidget(self.tiles[index], row, col, rows, cols)
            self.tiles[index].show()
        side = max(r + rs for r, _, rs, _ in cells)
        for r in range(side):
            self.grid.setRowStretch(r, 1)
            self.grid.setColumnStretch(r, 1)
        self.toolbar.set_layout(name)
        self._save_settings()
        self._refresh(force=True)

    def visible_count(self) -> int:
        return len(LAYOUTS[self.layout_name])

    def assign(self, index: int, camera_id: str | None) -> None:
        """Put a camera on a tile; a camera already on another visible tile swaps places
        with this tile's camera, so no camera shows twice."""
        if index == 0:
            self._stop_replay()
        if camera_id is not None:
            for other in range(self.visible_count()):
                if other != index and self._assign[other] == camera_id:
                    self._set_tile(other, self._assign[index])
        self._set_tile(index, camera_id)
        self._save_settings()
        self._refresh(force=True)

    def _set_tile(self, index: int, camera_id: str | None) -> None:
        self._assign[index] = camera_id
        self._seq[index] = None
        tile = self.tiles[index]
        tile.set_camera(camera_id, self.names.get(camera_id, camera_id or ""))
        if index == 0 and self.active_event is not None:
            same = self.active_event.camera_id == camera_id
            tile.set_banner(event_title(self.active_event) if same else None)

    def assignment(self) -> list[str | None]:
        return self._assign[: self.visible_count()]

    def show_camera(self, camera_id: str) -> None:
        """The camera on the main tile (3D camera clicks and alarm selection come here)."""
        self.assign(0, camera_id)
        self.select_tile(0)

    def select_tile(self, index: int) -> None:
        for i, tile in enumerate(self.tiles):
            tile.set_selected(i == index)
        if self._assign[index]:
            self.sig_camera_selected.emit(self._assign[index])

    def selected_camera(self) -> str | None:
        for i, tile in enumerate(self.tiles[: self.visible_count()]):
            if tile.is_selected():
                return self._assign[i]
        return self._assign[0]

    def toggle_maximise(self, index: int) -> None:
        """Double-click: this tile alone on the wall; again: back to the previous layout."""
        if self.layout_name == "1" and self._restore is not None:
            name, assign = self._restore
            self._restore = None
            for i, cid in enumerate(assign):
                self._set_tile(i, cid)
            self.set_layout(name)
            return
        camera_id = self._assign[index]
        if camera_id is None:
            return
        self._restore = (self.layout_name, list(self._assign))
        self.assign(0, camera_id)
        self.set_layout("1")

    # ---- pulling frames ------------------------------------------------------------------
    def _on_tick(self) -> None:
        self._refresh()

    def _refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        slow = force or now - self._overlay_t >= OVERLAY_S
        if slow:
            self._overlay_t = now
            self._refresh_list()
        for index in range(self.visible_count()):
            tile, camera_id = self.tiles[index], self._assign[index]
            if camera_id is None or not tile.isVisible() or (index == 0 and self.replaying):
                continue
            snap = self.manager.latest(camera_id)
            if snap is None:
                if self._seq[index] is not None or force:
                    tile.set_frame(None)
                    self._seq[index] = None
            elif snap.seq != self._seq[index]:  # unchanged frames are not repainted
                self._seq[index] = snap.seq
                tile.set_frame(snap.frame)
            if slow:
                status = self.manager.status(camera_id)
                tile.set_status(tile_state(status), status.fps if status else 0.0)
                tile.set_overlays(tile_overlays(snap.overlays) if snap is not None else [])

    def _refresh_list(self) -> None:
        if self.camera_list.isVisible():
            self.camera_list.set_states({cid: tile_state(self.manager.status(cid))
                                         for cid in self.camera_list.camera_ids()})

    # ---- events and replay ---------------------------------------------------------------
    def _on_camera_event(self, event) -> None:
        self.events_list.add_event(event)
        if event.kind == "falling_object":
            self.show_event(event)

    def show_event(self, event) -> None:
        """The event's camera on a large main tile, its banner, and its clip replaying."""
        if self.layout_name not in ("1", "1+5"):
            self.set_layout("1+5")
        self.active_event = event
        self.show_camera(event.camera_id)
        self.tiles[0].set_banner(event_title(event))
        has_clip = bool(event.clip_path) and Path(event.clip_path).is_file()
        self.event_bar.show_event(f"{self.names.get(event.camera_id, event.camera_id)} — "
                                  f"{event_title(event)}", has_clip)
        self.event_bar.export_button.setEnabled(
            event.kind == "falling_object"
            and self.room.session.may(Permission.EXPORT_EVIDENCE))
        self.sig_event_shown.emit(event)
        if has_clip:
            self.replay_clip()

    def replay_clip(self) -> None:
        event = self.active_event
        if event is None or not event.clip_path:
            return
        if self._assign[0] != event.camera_id:
            self.show_camera(event.camera_id)
        self.replaying = self.player.play(event.clip_path)
        self.tiles[0].set_caption(self.tr("REPLAY") if self.replaying else None)
        if self.replaying:  # live tracks would mislead over the clip: show the event's own
            track = [(x, y) for _t, x, y in (event.data or {}).get("track", ())]
            kept = [o for o in self.tiles[0].overlays() if o[0] != "track"]
            self.tiles[0].set_overlays(kept + ([("track", track, "")] if track else []))

    def _on_clip_frame(self, frame) -> None:
        self.tiles[0].set_frame(frame)

    def _on_clip_finished(self) -> None:
        # back to live after one pass; the banner stays and Replay plays it again
        self._stop_replay()
        self._refresh(force=True)

    def _stop_replay(self) -> None:
        if self.replaying:
            self.player.stop()
            self.replaying = False
            self._seq[0] = None
            self.tiles[0].set_caption(None)

    def _on_live(self) -> None:
        self._stop_replay()
        self._refresh(force=True)

    def dismiss_event(self) -> None:
        self._stop_replay()
        self.active_event = None
        self.tiles[0].set_banner(None)
        self.event_bar.hide()
        self._refresh(force=True)

    def export_evidence(self, event_id: str | None = None,
                        out_dir: str | Path | None = None) -> Path | None:
        """Export an event's evidence package; asks for a folder when none is given."""
        event_id = event_id or (self.active_event.id if self.active_event else None)
        if event_id is None:
            return None
        if out_dir is None:
            out_dir = QFileDialog.getExistingDirectory(self, self.tr("Export evidence to"))
            if not out_dir:
                return None
        try:
            path = self.room.export_evidence(event_id, Path(out_dir))
        except CommandError as exc:  # refused or failed: reported, never a crash of the wall
            log.warning("evidence export of %s failed: %s", event_id, exc)
            self.message.setText(self.tr("Export failed: %1").replace("%1", error_text(exc)))
            return None
        self.message.setText(self.tr("Evidence exported to %1").replace("%1", str(path)))
        self.sig_evidence_exported.emit(str(path))
        return path

    def _on_export_clicked(self) -> None:
        self.export_evidence()

    # ---- tools ---------------------------------------------------------------------------
    def _on_edit_masks(self) -> None:
        from ui.mask_editor import MaskEditor

        camera_id = self.selected_camera()
        if camera_id:
            MaskEditor(self.room, camera_id, self.names.get(camera_id, camera_id),
                       self).exec()

    def _on_edit_zones(self) -> None:
        from ui.zone_editor import ZoneEditor

        camera_id = self.selected_camera()
        if camera_id:
            ZoneEditor(self.room, camera_id, self.names.get(camera_id, camera_id), self).exec()

    def _on_calibrate_facade(self) -> None:
        from ui.facade_calibrator import FacadeCalibrator

        camera_id = self.selected_camera()
        if camera_id:
            FacadeCalibrator(self.room, camera_id, self.names.get(camera_id, camera_id),
                             self).exec()

    # ---- persistence ---------------------------------------------------------------------
    def _restore_settings(self) -> None:
        ids = self.manager.camera_ids()
        name = self._settings.value(SETTINGS_LAYOUT, "1+5")
        try:
            saved = json.loads(self._settings.value(SETTINGS_TILES, "") or "null")
        except (TypeError, ValueError):
            saved = None
        if not isinstance(saved, list) or not set(saved) & set(ids):
            # first start, or a wall saved by a run that had none of these cameras (one
            # without cameras saved sixteen empty tiles, and every later start showed an
            # empty wall): the cameras in order
            saved = ids[:MAX_TILES]
        for index in range(MAX_TILES):
            cid = saved[index] if index < len(saved) else None
            self._set_tile(index, cid if cid in ids else None)
        self.set_layout(name if name in LAYOUTS else "1+5")

    def _save_settings(self) -> None:
        if not self.manager.camera_ids():  # nothing to show: keep the operator's own wall
            return
        self._settings.setValue(SETTINGS_LAYOUT, self.layout_name)
        self._settings.setValue(SETTINGS_TILES, json.dumps(self._assign))

    def stop(self) -> None:
        """Stop pulling frames (the main window calls it on close)."""
        self._timer.stop()
        self.player.stop()
