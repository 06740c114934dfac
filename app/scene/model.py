"""The in-memory compound model (CIM-style). Loading and validation live in ``loader``.

All geometry is in site metres (x east, y north, z up). Footprints are counter-clockwise
simple polygons without a repeated closing vertex.
"""

from __future__ import annotations

import msgspec

from app.domain.model import Camera, Device, Microphone, Technician, Vec3, Zone

XY = tuple[float, float]


class Building(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    use: str  # residential | garage | substation | pump_room | gatehouse | clubhouse | office
    footprint: tuple[XY, ...]
    floors: int  # floors above ground (0 for a fully underground garage)
    floor_height_m: float = 3.0
    basements: int = 0  # floors below ground
    base_z: float = 0.0  # ground level at the building

    def floor_z(self, floor: int) -> float:
        """Height of the slab of ``floor`` (1 = ground floor, -1 = first basement)."""
        index = floor - 1 if floor > 0 else floor
        return self.base_z + index * self.floor_height_m

    @property
    def height_m(self) -> float:
        return self.floors * self.floor_height_m


class Road(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    centerline: tuple[XY, ...]
    width_m: float = 6.0
    name: str = ""


class Lawn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    polygon: tuple[XY, ...]
    name: str = ""


class ParkingSpace(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    center: Vec3
    yaw_deg: float = 0.0
    size_m: XY = (2.5, 5.3)
    charger_id: str | None = None  # the ev_charger device serving it
    sensor_id: str | None = None  # the parking_space device reporting occupancy


class Gate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: str
    xyz: Vec3
    kind: str = "vehicle"  # vehicle | pedestrian
    device_id: str | None = None  # its barrier_gate / door_access device
    building: str | None = None  # the building it belongs to (gatehouse), if any


class Pipe(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    network: str  # water | gas | heating | drainage | power
    path: tuple[Vec3, ...]
    diameter_m: float = 0.2


class WalkNode(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    xyz: Vec3
    building: str | None = None
    floor: int | None = None


class WalkEdge(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    a: str
    b: str
    kind: str = "walk"  # walk | stairs | elevator | road
    # traversal time override (s); otherwise length / the kind's speed
    seconds: float | None = None


class Site(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The compound and where it lies. Without ``crs_epsg`` the site is not georeferenced:
    nothing is assumed (a city model without a CRS keeps its own frame, never the demo's)."""

    name: str
    # geographic anchor of the site origin (EPSG:4326 lon/lat); must agree with origin_crs
    # (app.scene.georef checks it with pyproj)
    origin_lon: float | None = None
    origin_lat: float | None = None
    crs_epsg: int | None = None  # projected CRS of origin_crs, e.g. 4547 (CGCS2000 CM 114E)
    origin_crs: XY = (0.0, 0.0)  # site origin in that CRS's easting/northing
    origin_z: float = 0.0  # height of site z = 0 in the model's height system (e.g. NAP)
    bounds: tuple[XY, XY] = ((-200.0, -200.0), (200.0, 200.0))
    site_id: str = "demo"


class Scene(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    site: Site
    buildings: tuple[Building, ...] = ()
    roads: tuple[Road, ...] = ()
    lawns: tuple[Lawn, ...] = ()
    parking: tuple[ParkingSpace, ...] = ()
    gates: tuple[Gate, ...] = ()
    pipes: tuple[Pipe, ...] = ()
    walk_nodes: tuple[WalkNode, ...] = ()
    walk_edges: tuple[WalkEdge, ...] = ()
    cameras: tuple[Camera, ...] = ()
    microphones: tuple[Microphone, ...] = ()
    devices: tuple[Device, ...] = ()
    technicians: tuple[Technician, ...] = ()
    zones: tuple[Zone, ...] = ()

    def device_index(self) -> dict[str, Device]:
        return {d.id: d for d in self.devices}

    def building_index(self) -> dict[str, Building]:
        return {b.id: b for b in self.buildings}
