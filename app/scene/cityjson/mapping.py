"""How Scene sections map to City Objects, shared by the exporter and the importer
(docs/scene-format.md has the table)."""

from __future__ import annotations

import msgspec

from app.scene.model import Scene

VERSION = "2.0"
SCALE = 0.001  # vertices are whole millimetres
SECTION_KEY = "cr_section"  # attribute naming the Scene section an object came from
SITE_ID = "cr:site"
EPSG_URL = "https://www.opengis.net/def/crs/EPSG/0/"

# section -> (id prefix, City Object type, geometry kind, field path of the coordinates)
#   point: one xyz (MultiPoint) | path: xyz list (MultiLineString) | line: xy list at z=0
#   ring: xy polygon at z=0 (MultiSurface) | edge: walk edge, geometry for display only
TYPES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "roads": ("road:", "Road", "line", ("centerline",)),
    "lawns": ("lawn:", "PlantCover", "ring", ("polygon",)),
    "zones": ("zone:", "LandUse", "ring", ("polygon",)),
    "parking": ("parking:", "GenericCityObject", "point", ("center",)),
    "gates": ("gate:", "CityFurniture", "point", ("xyz",)),
    "pipes": ("pipe:", "GenericCityObject", "path", ("path",)),
    "walk_nodes": ("walk:", "GenericCityObject", "point", ("xyz",)),
    "walk_edges": ("walk-edge:", "GenericCityObject", "edge", ()),
    "cameras": ("camera:", "CityFurniture", "point", ("xyz",)),
    "microphones": ("mic:", "CityFurniture", "point", ("xyz",)),
    "devices": ("device:", "CityFurniture", "point", ("location", "xyz")),
    "technicians": ("tech:", "GenericCityObject", "point", ("home_xyz",)),
}
SECTION_TYPES = {f.name: f.type for f in msgspec.structs.fields(Scene)}
#: standard CityJSON Building attributes the exporter writes beside the item's fields
STANDARD_BUILDING_ATTRIBUTES = ("function", "storeysAboveGround", "storeysBelowGround",
                                "measuredHeight")
#: fields that never leave the property company (personal data: PIPL), per section
PRIVATE_FIELDS = {"technicians": ("phone",)}
