"""Reading .city.json files: every problem, from a missing file to JSON nested past what
the decoder takes, is one SceneError line naming the file."""

from __future__ import annotations

from pathlib import Path

import msgspec

from app.scene.cityjson.importer import CityImport, import_city_model
from app.scene.errors import SceneError, describe_decode
from app.scene.model import Scene


def read_city_model(path: str | Path, crs_epsg: int | None = None) -> CityImport:
    """Import a CityJSON file with its report (see ``importer.import_city_model``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SceneError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SceneError(f"{path}: is a folder, expected a CityJSON file") from None
    except OSError as exc:
        raise SceneError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        doc = msgspec.json.decode(data)
    except msgspec.DecodeError as exc:
        raise SceneError(f"{path}: not valid JSON: {describe_decode(str(exc), data)}") \
            from None
    except RecursionError:
        raise SceneError(f"{path}: JSON nested too deep to read (no CityJSON structure "
                         "is deeper than a few levels)") from None
    return import_city_model(doc, str(path), crs_epsg)


def read_cityjson(path: str | Path) -> Scene:
    return read_city_model(path).scene
