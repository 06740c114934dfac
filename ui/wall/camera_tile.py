"""CameraTile: one camera, or a group shown in turn, on the existing VideoTile.

Frames are pulled from ``room.cameras`` on the wall's frame timer, repainted only when the
sequence number moved. A group rotates on its ``Rotation`` (dwell from the wall file, never
below 3 s; a pinned tile never rotates). The feed has a ``FeedWatch``: no new frame for
``stale_s``, or the camera reporting itself offline, and the header says STALE; twice that and the watchdog restarts the feed (a
fresh ``CameraFeed``: the cached frame dropped, the camera asked again). Rotating to the
next camera drops the previous frame: the tile holds one frame at most, whatever it showed.

Taken over by an alarm (role "camera"): the alarm's nearest camera with a red banner, the
rotation held; the revert puts back the camera that was up and lets the rotation go on.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from app.wall.model import CamerasTile
from app.wall.rotation import Rotation
from ui.camera_wall import tile_state
from ui.wall import theme
from ui.wall.paint import alarm_title
from ui.wall.tile import Revert, WallContext, WallTile
from widgets.video_tile import VideoTile

log = logging.getLogger(__name__)


class CameraFeed:
    """The pull of one camera's frames; replaced, never repaired, when it stalls."""

    def __init__(self, camera_id: str) -> None:
        self.camera_id = camera_id
        self.seq: int | None = None


class CameraTile(WallTile):
    def __init__(self, spec: CamerasTile, ctx: WallContext, parent: QWidget | None = None,
                 *, offset_s: float = 0.0) -> None:
        super().__init__(spec, ctx, parent)
        self.video = VideoTile()
        self.video.set_title_visible(False)
        self.video.set_text_pixel_size(ctx.type.base.pixelSize())
        self.video.setAcceptDrops(False)
        self.set_body(self.video)
        now = ctx.clock()
        dwell = spec.dwell_s or ctx.dwell_s
        cameras = spec.cameras[:1] if spec.pinned else spec.cameras
        self.rotation: Rotation[str] = Rotation(cameras, dwell, now=now, offset_s=offset_s)
        self.feed = CameraFeed(self.rotation.current)
        self.restarts = 0
        self._forced: str | None = None  # a camera an alarm put up
        #: the camera's own status, asked once a second (slow); none without a camera service
        self.online = ctx.room.cameras is not None
        self._show(self.rotation.current)

    # ---- what is up ----------------------------------------------------------------------
    @property
    def camera_id(self) -> str:
        return self._forced or self.rotation.current

    def title(self) -> str:
        name = self.ctx.camera_names.get(self.camera_id, self.camera_id)
        return f"{self.spec.title} · {name}" if self.spec.title else name

    def _show(self, camera_id: str) -> None:
        self.feed = CameraFeed(camera_id)
        self.video.set_camera(camera_id, self.ctx.camera_names.get(camera_id, camera_id))
        self.watch.progress(self.ctx.clock())  # a fresh camera gets its full stale period
        self.pull()
        self.update()

    # ---- the wall's hooks ----------------------------------------------------------------
    def tick(self, now: float) -> None:
        if self._forced is None and self.rotation.tick(now):
            self._show(self.rotation.current)
        if self.watch.stalled(now):
            self.restart_feed(now)

    def pull(self) -> None:
        """The newest frame of the camera up, if it moved on (the wall's frame timer)."""
        cameras = self.ctx.room.cameras
        if cameras is None:
            return
        snap = cameras.latest(self.feed.camera_id)
        if snap is None:
            if self.feed.seq is not None:
                self.video.set_frame(None)
                self.feed.seq = None
            return
        if snap.seq != self.feed.seq:
            self.feed.seq = snap.seq
            self.video.set_frame(snap.frame)
            self.watch.progress(self.ctx.clock())

    def slow(self, now: float) -> None:
        cameras = self.ctx.room.cameras
        self.online = False  # no camera service at all: nothing here is live
        if cameras is not None:
            status = cameras.status(self.camera_id)
            self.online = tile_state(status) != "offline"
            self.video.set_status(tile_state(status), status.fps if status is not None else 0.0)
        super().slow(now)

    def feed_live(self, now: float) -> bool:
        # a camera that says it is offline is not live, even in the grace period a freshly
        # shown camera gets before its first frame
        return self.online and not self.watch.stale(now) and super().feed_live(now)

    def restart_feed(self, now: float) -> None:
        """The watchdog: nothing new for the stall period, so start the feed afresh."""
        log.info("wall: camera feed %s stalled for %.0f s; restarting it",
                 self.feed.camera_id, self.watch.age(now))
        self.restarts += 1
        self.ctx.restarted()
        self.watch.restarted(now)
        self.feed = CameraFeed(self.feed.camera_id)
        self.video.set_frame(None)
        self.pull()

    def push_takeover(self, role: str, takeover) -> Revert:  # noqa: ANN001
        if role != "camera":
            return super().push_takeover(role, takeover)
        cameras = self.ctx.room.cameras
        device = self.ctx.room.scene.device_index().get(takeover.alarm.device_id)
        camera_id = (cameras.nearest_camera(device.location.xyz)
                     if cameras is not None and device is not None else None)
        now = self.ctx.clock()
        before = self._forced
        self.rotation.hold(now)
        self.held_by = takeover
        if camera_id is not None:
            self._forced = camera_id
            self._show(camera_id)
        self.video.set_banner(f"{theme.severity_look(int(takeover.alarm.severity)).shape} "
                              f"{alarm_title(takeover.alarm)}")

        def revert() -> None:
            self.held_by = None
            self._forced = before
            self.video.set_banner(None)
            self.rotation.resume(self.ctx.clock())
            self._show(self.camera_id)
        return revert

    def update_takeover(self, takeover) -> None:  # noqa: ANN001
        if self._forced is not None:
            self.held_by = takeover
        else:
            super().update_takeover(takeover)

    def shutdown(self) -> None:
        self.video.set_camera(None)  # drops the frame (and the image viewing it)
        self.feed = CameraFeed("")
