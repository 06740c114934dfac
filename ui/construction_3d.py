"""The construction zones and changes in the 3D view: every camera's zones on the ground
(through its ground-plane calibration) and each change as a pin where it stands — red
while open, white once decided. Follows the room's ``construction_change`` camera events,
and re-reads the zones every few seconds (saving zones or a camera's first frame, which
fixes its picture size, raises no event)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from app.facade.room import ControlRoom
from ui.bridge import RoomBridge
from widgets.polling import poll_every

REFRESH_MS = 5000


class ConstructionOverlay(QObject):
    def __init__(self, room: ControlRoom, scene_view, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent or scene_view)
        self.reader = getattr(room.cameras, "construction", None)
        self.view = scene_view
        RoomBridge.of(room).sig_camera.connect(self._on_camera_event)
        self._timer = poll_every(self, REFRESH_MS, self.refresh)
        self._shown: tuple = ()
        self.refresh()

    def _on_camera_event(self, event) -> None:  # noqa: ANN001
        if getattr(event, "kind", "") == "construction_change":
            self.refresh()

    def refresh(self) -> None:
        if self.reader is None:
            return
        zones = [(_at_height(z.polygon_xy, z.z), z.kind) for z in self.reader.ground_zones()]
        changes = [(r.site_xy[0], r.site_xy[1], r.state == "open", r.site_z)
                   for r in self.reader.changes() if r.site_xy is not None]
        shown = (tuple((z.tobytes(), k) for z, k in zones), tuple(changes))
        if shown == self._shown:
            return  # nothing new: no geometry rebuilt, no redraw
        self._shown = shown
        if zones or changes or self.view.construction is not None:
            self.view.set_construction(zones, changes)


def _at_height(polygon_xy, z: float) -> np.ndarray:  # noqa: ANN001
    """(k, 3): the zone's outline on its plane (the ground, or the roof it lies on)."""
    xy = np.asarray(polygon_xy, np.float64).reshape(-1, 2)
    return np.column_stack([xy, np.full(len(xy), z)])
