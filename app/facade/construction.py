"""The construction commands' part of the handler: zones edited and changes reviewed, run
on the camera manager's ``ConstructionService`` (app/vision/construction/service.py).

The handler has already checked the role, the camera's scope and will audit the outcome;
this only translates a command into the service call and its answer into plain data.
"""

from __future__ import annotations

from typing import Any

from app.facade import commands as c
from app.facade.errors import CommandFailed


def run_construction(service, command: c.Command, who: str) -> dict[str, Any]:  # noqa: ANN001
    from app.vision.construction.zones import ZonesError, parse_zones

    match command:
        case c.SetConstructionZones(camera_id=camera_id, zones=zones):
            try:
                parsed = None if zones is None else parse_zones(zones)
            except ZonesError as exc:
                raise CommandFailed("bad_zones", str(exc)) from None
            if parsed is None:
                service.cameras.set_construction_zones(camera_id, None)
                return {"zones": 0}
            service.set_zones(camera_id, parsed, who)
            return {"zones": len(parsed.zones)}
        case c.AcceptChange(change_id=change_id, reason=reason):
            return {"state": service.accept(change_id, who, reason).state}
        case c.RejectChange(change_id=change_id, reason=reason):
            return {"state": service.reject(change_id, who, reason).state}
        case c.DispatchChange(change_id=change_id, note=note):
            result = service.dispatch(change_id, who, note)
            return {"state": result.change.state, "work_order": result.work_order,
                    "package": result.package}
    raise CommandFailed("unknown_command", "not a construction command")
