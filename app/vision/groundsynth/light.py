"""Sun, sky and weather over days, for the synthetic time-lapses.

The sun follows the usual declination / hour-angle formulas at the compound's latitude, so
shadows swing and shorten through the day and the season. Each day draws its weather —
clear, broken cloud (moving cloud shadows), overcast, rain, snow (in winter) — and snow
lies for a day or two after it fell, melting in patches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DAY_S = 86400.0
LATITUDE_DEG = 31.0  # Shanghai; the compound's cities lie within a few degrees of it
WEATHERS = ("clear", "cloudy", "overcast", "rain", "snow")


def sun(day_of_year: float, hour: float) -> tuple[float, float]:
    """(elevation, azimuth from north clockwise) in degrees."""
    decl = math.radians(23.44) * math.sin(2 * math.pi * (284 + day_of_year) / 365)
    lat = math.radians(LATITUDE_DEG)
    h = math.radians(15.0 * (hour - 12.0))
    elev = math.asin(math.sin(lat) * math.sin(decl) + math.cos(lat) * math.cos(decl)
                     * math.cos(h))
    az = math.atan2(math.sin(h), math.cos(h) * math.sin(lat) - math.tan(decl) * math.cos(lat))
    return math.degrees(elev), (math.degrees(az) + 180.0) % 360.0


def season(day_of_year: float) -> float:
    """0 in high summer (lush lawns), 1 in midwinter (dormant, yellow-brown)."""
    return 0.5 + 0.5 * math.cos(2 * math.pi * (day_of_year - 200) / 365)


@dataclass(frozen=True)
class Light:
    """Everything the renderer needs about the light at one instant."""

    elevation: float  # degrees
    azimuth: float
    direct: float  # direct sun on a surface facing it (0..1, before cloud shadow)
    ambient: float  # sky light
    warmth: float  # 0 noon-white .. 1 low-sun orange
    infrared: bool  # the camera has switched to its night (grey) mode
    weather: str
    clouds: float  # share of the sky with cloud shadows passing (0..1)
    wet: float  # 0..1 ground darkened by rain
    snow: float  # 0..1 snow cover on horizontal surfaces
    season: float
    rain: float  # streak density in the picture

    @property
    def sun_dir(self) -> np.ndarray:
        """Unit vector towards the sun, site (x east, y north, z up)."""
        e, a = math.radians(max(self.elevation, 2.0)), math.radians(self.azimuth)
        return np.array([math.cos(e) * math.sin(a), math.cos(e) * math.cos(a), math.sin(e)])


class Sky:
    """Weather per day for one scenario, drawn from ``rng``; ``allow`` limits the kinds."""

    def __init__(self, rng: np.random.Generator, start_doy: int, days: int,
                 allow: tuple[str, ...] = WEATHERS) -> None:
        self.start_doy = start_doy
        winter = season(start_doy) > 0.75
        kinds = [w for w in allow if w != "snow" or winter] or ["clear"]
        p = np.array([{"clear": 3, "cloudy": 3, "overcast": 2, "rain": 1.5, "snow": 1.2}[w]
                      for w in kinds])
        self.days = [str(rng.choice(kinds, p=p / p.sum())) for _ in range(days + 2)]
        self.cloud_share = [float(rng.uniform(0.25, 0.6)) for _ in self.days]
        # snow lying on each day: fresh on a snow day, melting over the next two
        self.snow = []
        cover = 0.0
        for w in self.days:
            cover = min(1.0, cover + 0.9) if w == "snow" else cover * float(rng.uniform(0.3, 0.6))
            self.snow.append(cover if cover > 0.08 else 0.0)

    def at(self, t_s: float) -> Light:
        """``t_s``: seconds since the scenario's first midnight (local time)."""
        day = int(t_s // DAY_S)
        hour = (t_s % DAY_S) / 3600.0
        doy = self.start_doy + day
        elev, az = sun(doy, hour)
        w = self.days[min(day, len(self.days) - 1)]
        up = max(0.0, math.sin(math.radians(elev)))
        cover = {"clear": 0.0, "cloudy": 0.3, "overcast": 0.85, "rain": 0.92, "snow": 0.9}[w]
        direct = (1.0 - cover) * min(1.0, up * 2.5) if elev > 0 else 0.0
        ambient = 0.05 + 0.45 * min(1.0, max(0.0, (elev + 6.0) / 25.0))
        if w in ("overcast", "rain", "snow"):
            ambient *= 0.75
        warmth = max(0.0, 1.0 - up / 0.35) if elev > -2 else 0.0
        rain_now = 1.0 if w == "rain" else 0.0
        return Light(elev, az, direct, ambient, warmth, elev < -3.0, w,
                     self.cloud_share[min(day, len(self.days) - 1)] if w == "cloudy" else 0.0,
                     0.8 if w == "rain" else 0.0,
                     self.snow[min(day, len(self.snow) - 1)], season(doy), rain_now)
