"""Reading the ``locate`` input files (CONTRACTS): MICS.json and ARRIVALS.json.

Every mistake is one line naming the file and the field; the CLI turns it into exit 2.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import msgspec

from app.dispatch.acoustic import DEFAULT_SPEED_OF_SOUND, MAX_COORD_M


class LocateInputError(ValueError):
    """A bad MICS/ARRIVALS file: one line ``file: field: problem``."""


class MicSpec(msgspec.Struct, frozen=True):
    id: str
    xyz: tuple[float, float, float]


class MicsFile(msgspec.Struct, frozen=True):
    mics: list[MicSpec]
    speed_of_sound_mps: float = DEFAULT_SPEED_OF_SOUND


class ArrivalSpec(msgspec.Struct, frozen=True):
    mic: str
    ts_ns: int


class ArrivalsFile(msgspec.Struct, frozen=True):
    arrivals: list[ArrivalSpec]


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$\.?(?P<path>[^`]*)`)?$", re.S)


def _decode(path: Path, kind: type) -> object:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LocateInputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as exc:
        m = _AT.match(str(exc))
        msg, field = (m["msg"], m["path"]) if m else (str(exc), "")
        where = f"{path}: {field}: " if field else f"{path}: "
        raise LocateInputError(where + msg[:1].lower() + msg[1:]) from None
    except msgspec.DecodeError as exc:
        raise LocateInputError(f"{path}: not valid JSON ({exc})") from None


def read_mics(path: str | Path) -> tuple[dict[str, tuple[float, float, float]], float]:
    """Microphone positions by id and the speed of sound (m/s)."""
    path = Path(path)
    spec = _decode(path, MicsFile)
    assert isinstance(spec, MicsFile)
    if not (math.isfinite(spec.speed_of_sound_mps) and 200.0 <= spec.speed_of_sound_mps <= 400.0):
        raise LocateInputError(f"{path}: speed_of_sound_mps: {spec.speed_of_sound_mps} is not a "
                               "speed of sound in air (200–400 m/s)")
    mics: dict[str, tuple[float, float, float]] = {}
    for i, mic in enumerate(spec.mics):
        if not mic.id:
            raise LocateInputError(f"{path}: mics[{i}].id: empty")
        if mic.id in mics:
            raise LocateInputError(f"{path}: mics[{i}].id: duplicate microphone {mic.id!r}")
        if not all(math.isfinite(v) and abs(v) <= MAX_COORD_M for v in mic.xyz):
            raise LocateInputError(f"{path}: mics[{i}].xyz: {list(mic.xyz)} are not site "
                                   f"coordinates (metres, within ±{MAX_COORD_M:,.0f})")
        mics[mic.id] = mic.xyz
    return mics, spec.speed_of_sound_mps


def read_arrivals(path: str | Path, mics: dict[str, object]) -> dict[str, int]:
    """Arrival times (ns) by microphone id; every id must be one of ``mics``."""
    path = Path(path)
    spec = _decode(path, ArrivalsFile)
    assert isinstance(spec, ArrivalsFile)
    out: dict[str, int] = {}
    for i, arrival in enumerate(spec.arrivals):
        if arrival.mic not in mics:
            raise LocateInputError(f"{path}: arrivals[{i}].mic: unknown microphone "
                                   f"{arrival.mic!r} (not in the mics file)")
        if arrival.mic in out:
            raise LocateInputError(f"{path}: arrivals[{i}].mic: duplicate arrival for "
                                   f"{arrival.mic!r} (one sound, one arrival per microphone)")
        out[arrival.mic] = arrival.ts_ns
    return out
