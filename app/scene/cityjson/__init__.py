"""CityJSON exchange with city platforms (CIM): export a Scene as CityJSON 2.0; import
CityJSON 1.0, 1.1 and 2.0 city models, the control room's own exports exactly and other
platforms' buildings from their best LoD (docs/scene-format.md).

Modules: ``mapping`` (sections <-> City Objects), ``exporter``, ``upgrade`` (1.0/1.1 read
as 2.0), ``geometry`` (vertices, surfaces), ``footprint`` (2D unions), ``buildings``
(foreign buildings), ``own_objects`` (our own objects), ``importer`` (the whole document,
with its report), ``files`` (reading and writing .city.json files).
"""

from app.scene.cityjson.exporter import export_cityjson, write_cityjson
from app.scene.cityjson.files import read_city_model, read_cityjson
from app.scene.cityjson.importer import (
    CityImport,
    ImportReport,
    import_city_model,
    import_cityjson,
)

__all__ = ["CityImport", "ImportReport", "export_cityjson", "import_city_model",
           "import_cityjson", "read_city_model", "read_cityjson", "write_cityjson"]
