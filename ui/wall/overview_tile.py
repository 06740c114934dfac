"""OverviewTile: the compound in 3D on the existing CompoundView, turning slowly or held at
a saved viewpoint, in the wall's grey palette (normal devices grey; colour only for what is
abnormal), with labels large enough for the room.

Taken over by an alarm (role "place"): the turn stops, the view flies to the alarm's device
and rings it; the revert flies back to where the view was and the turn goes on. ``shutdown``
releases the OpenGL surface before the tile is deleted (a preset switch must not leak a
render window).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from app.domain.kinds import Level
from app.wall.model import OverviewTile as OverviewSpec
from ui.bridge import RoomBridge
from ui.compound_view import LEVEL_RGBA, CompoundView
from ui.wall import theme
from ui.wall.tile import Revert, WallContext, WallTile, wt

#: the wall's device colours by Level: normal is grey, colour only for what is abnormal
WALL_LEVEL_RGBA = LEVEL_RGBA.copy()
for _level, _rgb in ((Level.NORMAL, (138, 143, 149)), (Level.WARNING, (236, 170, 40)),
                     (Level.ALARM, (226, 45, 36)), (Level.OFFLINE, (96, 100, 105)),
                     (Level.UNKNOWN, (72, 76, 80))):
    WALL_LEVEL_RGBA[_level] = (*_rgb, 255)

FLY_DISTANCE_M = 90.0
#: layers the wall leaves out: green lawns, camera cones and parking occupancy are colour
#: that means nothing abnormal (the high-performance rule), and clutter from metres away
QUIET_LAYERS = ("lawns", "cameras", "parking")


class OrbitingView(CompoundView):
    """A CompoundView whose own tick also turns the camera about its focal point, and
    draws at most once per tick: every render request (an alarm's recolouring, a fly-to
    step) waits for the tick, so a burst of alarms costs one frame, not one each."""

    def __init__(self, *args, clock, deg_per_min: float = 0.0, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.clock = clock
        self.deg_per_min = deg_per_min
        self.orbiting = deg_per_min > 0
        self.frames = 0
        self._last = clock()
        self._dirty = False
        sv = self.scene_view
        self._render_now = sv.render
        sv.render = self._request  # the instance's renders are coalesced into the tick
        sv.sig_rendered.connect(self._count)

    def _count(self) -> None:
        self.frames += 1

    def _request(self) -> None:
        self._dirty = True

    def render_now(self) -> None:
        self._dirty = False
        self._render_now()

    def set_orbiting(self, on: bool) -> None:
        self.orbiting = on and self.deg_per_min > 0
        self._last = self.clock()  # no jump for the time it stood still

    def _on_tick(self) -> None:
        now = self.clock()
        step, self._last = (now - self._last) * self.deg_per_min / 60.0, now
        if self.orbiting and self.isVisible() and 0 < step < 90:
            camera = self.scene_view.renderer.GetActiveCamera()
            camera.Azimuth(step)
            self.scene_view.renderer.ResetCameraClippingRange()
            self._dirty = True
        super()._on_tick()
        if self._dirty and self.isVisible():
            self.render_now()

    def grab_image(self):  # noqa: ANN201
        self.render_now()  # the picture as it is now, not as of the last tick
        return super().grab_image()


class OverviewTile(WallTile):
    def __init__(self, spec: OverviewSpec, ctx: WallContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        room = ctx.room
        orbit = spec.orbit_deg_per_min
        self.view = OrbitingView(room.scene, room.store, None, spec.refresh_hz,
                                 level_rgba=WALL_LEVEL_RGBA, clock=ctx.clock,
                                 deg_per_min=orbit)
        self.view.attach_alarms(room.alarms, RoomBridge.of(room))
        sv = self.view.scene_view
        sv.legend.set_visible(False)  # too small for the room; the colours carry words here
        for layer in QUIET_LAYERS:  # colour that is not about anything abnormal
            self.view.set_layer_visible(layer, False)
        sv.labels.set_font_px(ctx.type.base.pixelSize())
        sv.renderer.SetBackground(*(c / 255 for c in theme.VIDEO_BG.getRgb()[:3]))
        self.set_body(self.view)
        self._viewpoint = spec.viewpoint
        self._posed = False
        self.view.scene_view.sig_rendered.connect(self._first_pose)

    def _first_pose(self) -> None:
        # a saved viewpoint, once the view has framed the compound at its real size
        if self._posed or self._viewpoint is None:
            return
        self._posed = True
        vp = self._viewpoint
        self.view.set_camera_pose({"focal": list(vp.focal), "position": list(vp.position)},
                                  duration_ms=0)

    def title(self) -> str:
        return self.spec.title or wt("The compound")

    def push_takeover(self, role: str, takeover) -> Revert:  # noqa: ANN001
        if role != "place":
            return super().push_takeover(role, takeover)
        view = self.view
        pose = view.camera_pose()
        orbiting = view.orbiting
        view.set_orbiting(False)
        self.held_by = takeover
        device_id = takeover.alarm.device_id
        if view.select_device(device_id):
            view.fly_to_device(device_id, FLY_DISTANCE_M)
        self.update()

        def revert() -> None:
            self.held_by = None
            view.select_device(None)
            view.set_camera_pose(pose, duration_ms=800)
            view.set_orbiting(orbiting)
            self.update()
        return revert

    def grab_image(self) -> np.ndarray:
        return self.view.grab_image()

    def shutdown(self) -> None:
        self.view.shutdown()
