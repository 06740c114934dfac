"""A tile widget for each kind of tile the wall file declares."""

from __future__ import annotations

from app.wall import model
from ui.wall.tile import WallContext, WallTile


def build_tile(spec: model.AnyTile, ctx: WallContext, offset_s: float = 0.0) -> WallTile:
    if isinstance(spec, model.CamerasTile):
        from ui.wall.camera_tile import CameraTile

        return CameraTile(spec, ctx, offset_s=offset_s)
    if isinstance(spec, model.OverviewTile):
        from ui.wall.overview_tile import OverviewTile

        return OverviewTile(spec, ctx)
    if isinstance(spec, model.AlarmsTile):
        from ui.wall.alarms_tile import AlarmsTile

        return AlarmsTile(spec, ctx)
    if isinstance(spec, model.KpiTile):
        from ui.wall.kpi_tile import WallKpiTile

        return WallKpiTile(spec, ctx)
    if isinstance(spec, model.TrendTile):
        from ui.wall.trend_tile import TrendTile

        return TrendTile(spec, ctx)
    if isinstance(spec, model.MapTile):
        from ui.wall.map_tile import MapTile

        return MapTile(spec, ctx)
    raise TypeError(f"no tile for {type(spec).__name__}")
