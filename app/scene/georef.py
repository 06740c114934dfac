"""Where a site lies on Earth: its CRS, and a reference point that agrees with itself.

A Site states its origin twice, as longitude/latitude and as easting/northing in its CRS;
the two must name the same point (the demo's once lay 167 m apart). pyproj (PROJ) does the
conversions; it is imported only here, and only when a conversion is asked for, so loading
a scene stays fast.
"""

from __future__ import annotations

import functools
import math
import re

from app.scene.errors import SceneError
from app.scene.model import Site

#: how far apart the two statements of the origin may be (rounding to centimetres is fine)
AGREEMENT_M = 1.0
_OGC_URL = re.compile(r"^https?://www\.opengis\.net/def/crs/EPSG/[^/]+/(\d+)$")
_URN = re.compile(r"^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$", re.IGNORECASE)
_SHORT = re.compile(r"^EPSG:(\d+)$", re.IGNORECASE)


def parse_epsg(text: object, where: str) -> int:
    """The EPSG code of a CityJSON ``referenceSystem`` (2.0/1.1 OGC URL, 1.0 URN) or of a
    user's ``EPSG:N``; SceneError naming ``where`` otherwise."""
    if isinstance(text, str):
        for pattern in (_OGC_URL, _URN, _SHORT):
            found = pattern.match(text.strip())
            if found:
                return int(found[1])
    raise SceneError(f"{where}: {text!r} is not an EPSG reference system (expected "
                     "https://www.opengis.net/def/crs/EPSG/0/N or EPSG:N)")


@functools.lru_cache(maxsize=32)
def _crs(epsg: int):  # -> pyproj.CRS
    import pyproj

    return pyproj.CRS.from_epsg(epsg)


def check_projected(epsg: int, where: str) -> str:
    """The CRS's name when it is a projected CRS in metres (alone or under a height system,
    like EPSG:7415 = RD New + NAP); SceneError when PROJ does not know it or it is
    geographic (degrees cannot be site metres)."""
    import pyproj

    try:
        crs = _crs(epsg)
    except pyproj.exceptions.CRSError:
        raise SceneError(f"{where}: EPSG:{epsg} is not a CRS known to PROJ") from None
    horizontal = crs.sub_crs_list[0] if crs.is_compound else crs
    if not horizontal.is_projected:
        raise SceneError(f"{where}: EPSG:{epsg} ({crs.name}) is not projected: site "
                         "coordinates are metres; reproject the model first (cjio reproject)")
    unit = horizontal.axis_info[0].unit_name if horizontal.axis_info else "metre"
    if unit != "metre":
        raise SceneError(f"{where}: EPSG:{epsg} ({crs.name}) measures in {unit}, not metres")
    return crs.name


@functools.lru_cache(maxsize=32)
def _to_lonlat(epsg: int):  # -> pyproj.Transformer
    import pyproj

    return pyproj.Transformer.from_crs(_crs(epsg), 4326, always_xy=True)


def lonlat_of(epsg: int, easting: float, northing: float) -> tuple[float, float]:
    """Longitude/latitude (EPSG:4326) of a point given in ``epsg``."""
    lon, lat = _to_lonlat(epsg).transform(easting, northing)
    return float(lon), float(lat)


def crs_point_of(epsg: int, lon: float, lat: float) -> tuple[float, float]:
    """Easting/northing in ``epsg`` of a longitude/latitude."""
    x, y = _to_lonlat(epsg).transform(lon, lat, direction="INVERSE")
    return float(x), float(y)


def reference_mismatch_m(site: Site) -> float | None:
    """Metres between the origin stated as lon/lat and as easting/northing in the site's
    CRS; None when the site does not state both (nothing to compare)."""
    if site.crs_epsg is None or site.origin_lon is None or site.origin_lat is None:
        return None
    import pyproj

    lon, lat = lonlat_of(site.crs_epsg, *site.origin_crs)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return math.inf
    _, _, distance = pyproj.Geod(ellps="WGS84").inv(lon, lat, site.origin_lon,
                                                     site.origin_lat)
    return float(distance)


def reference_problem(site: Site) -> str | None:
    """One line when the site's reference point disagrees with itself (or its CRS is not
    usable), for ``scene validate`` and before an export leaves for a city platform."""
    if site.crs_epsg is None:
        return None
    try:
        check_projected(site.crs_epsg, "site.crs_epsg")
    except SceneError as exc:
        return str(exc)
    mismatch = reference_mismatch_m(site)
    if mismatch is not None and mismatch > AGREEMENT_M:
        x, y = site.origin_crs
        return (f"site.origin_crs: ({x:.2f}, {y:.2f}) in EPSG:{site.crs_epsg} lies "
                f"{mismatch:.0f} m from origin_lon/origin_lat ({site.origin_lon}, "
                f"{site.origin_lat}); they must name the same point")
    return None
