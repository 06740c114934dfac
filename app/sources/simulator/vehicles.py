"""The compound's vehicles and the gate passes they make.

Every parking space with a sensor has a car: a resident's that leaves in the morning and
comes back in the evening on the very days and hours its space's sensor shows it gone (both
read ``resident_day``), or, on some spaces, a visitor's of the day. More residents park on
the surface, and visitors come and go all day, a few staying overnight. A car through the
garage passes the garage gate and a compound gate a minute or two apart.

Each pass says what a real gate controller says (docs/mqtt-operations.md): plate and plate
colour, resident or visitor, the fee and how it was paid; now and then a guard releases the
barrier by hand, the camera misreads a plate, or the controller counts a pass it never
reports. Everything is drawn from (seed, car, day) or (seed, hour), so it does not depend on
how simulated time is chopped into ticks.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from .curves import LOCAL_OFFSET_S, curve, local_hour
from .noise import key_of, mix, poisson, uniform

SURFACE_RESIDENTS = 120
VISITORS_PER_HOUR_PEAK = 14.0
VISITOR_SPACE_SHARE = 0.15  # spaces let to visitors by the day (their sensor shows it)
OVERNIGHT_VISITORS = 0.03
MANUAL_RELEASE = 0.015
UNPAID = 0.03  # visitors who leave without paying: a guard lets them out by hand
MISREAD = 0.008
UNREPORTED = 0.004
GARAGE_TO_GATE_S = (50.0, 150.0)
PAY_METHODS = (("wechat", 0.55), ("alipay", 0.30), ("etc", 0.10), ("cash", 0.05))

_PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"  # no I or O on Chinese plates
_VISITOR_PREFIXES = ("粤B", "粤B", "粤A", "粤S", "湘A", "赣B", "桂A", "鄂A")


@dataclass(frozen=True, slots=True)
class GatePass:
    device: int  # the barrier gate's DeviceSim index
    plate: str
    dir: str
    paid: bool | None
    vehicle: str = "resident"
    colour: str = "blue"
    release: str = "auto"
    fee: float | None = None
    pay: str | None = None
    reported: bool = True  # False: the controller counts it but never says so


def plate(rng: random.Random, prefix: str = "粤B") -> str:
    """A plausible plate: 5 characters, or D/F + 5 digits for new-energy cars."""
    if rng.random() < 0.2:
        return prefix + rng.choice("DF") + "".join(rng.choices("0123456789", k=5))
    body = rng.choices(_PLATE_CHARS, k=2) + rng.choices("0123456789", k=3)
    rng.shuffle(body)
    return prefix + "".join(body)


def colour_of(text: str) -> str:
    return "green" if len(text) == 8 else "blue"


def resident_day(key: int, day: int) -> tuple[float, float] | None:
    """(leave, back) in local hours of a resident's car on local ``day``; None: stays in."""
    if uniform(key, day, 3) > 0.7:
        return None
    return 6.5 + 2.5 * uniform(key, day, 4), 17.0 + 3.5 * uniform(key, day, 5)


def is_visitor_space(key: int) -> bool:
    return uniform(key, 0, 1) > 1.0 - VISITOR_SPACE_SHARE


def visitor_space_day(key: int, day: int) -> tuple[float, float]:
    """(arrive, leave) in local hours of the visitor on a let space on ``day``."""
    return 9.0, 9.0 + 10.0 * uniform(key, day, 2)


@dataclass(frozen=True, slots=True)
class Gates:
    """The barrier gates by role (DeviceSim indices): the garage's, and the compound's
    entrances and exits (a gate whose name says neither does both)."""

    garage: tuple[int, ...]
    entrances: tuple[int, ...]
    exits: tuple[int, ...]

    @classmethod
    def of(cls, devices: list, gate_names: dict[str, str]) -> Gates:  # noqa: ANN001
        garage, ins, outs = [], [], []
        for dev in devices:
            if dev.building is not None and dev.building.use == "garage":
                garage.append(dev.index)
                continue
            name = gate_names.get(dev.device.id, dev.device.name) + " " + dev.device.id
            is_in = "入" in name or "IN" in name.upper().split("-")
            is_out = "出" in name or "OUT" in name.upper().split("-")
            if is_in or not is_out:
                ins.append(dev.index)
            if is_out or not is_in:
                outs.append(dev.index)
        return cls(tuple(garage), tuple(ins), tuple(outs))


@dataclass(frozen=True, slots=True)
class Car:
    key: int
    plate: str
    garage: bool  # parks in the garage (through its gate)
    visitor_space: bool


def cars(seed: int, parking_keys: list[int]) -> list[Car]:
    """One car per parking sensor (same key as the sensor), plus surface residents."""
    out = []
    for key in parking_keys:
        out.append(Car(key, plate(random.Random(mix(key ^ 0xCA5))), True, is_visitor_space(key)))
    for i in range(SURFACE_RESIDENTS):
        key = key_of(seed, f"surface-car-{i}")
        out.append(Car(key, plate(random.Random(mix(key ^ 0xCA5))), False, False))
    return out


def _pick(rng: random.Random, pool: tuple[int, ...]) -> int | None:
    return rng.choice(pool) if pool else None


def _trip(rng: random.Random, gates: Gates, car: Car, t: float, dir_: str,
          make) -> list[tuple[float, GatePass]]:  # noqa: ANN001
    """The passes of one car leaving (``out``) or arriving (``in``) at ``t``."""
    out = []
    compound = _pick(rng, gates.exits if dir_ == "out" else gates.entrances)
    garage = _pick(rng, gates.garage) if car.garage else None
    lag = rng.uniform(*GARAGE_TO_GATE_S)
    if dir_ == "out":
        steps = [(t, garage), (t + lag, compound)]
    else:
        steps = [(t, compound), (t + lag, garage)]
    for when, gate in steps:
        if gate is not None:
            out.append((when, make(gate, when)))
    return out


def vehicle_passes(seed: int, hour: int, fleet: list[Car], gates: Gates
                   ) -> list[tuple[float, GatePass]]:
    """Passes of trips starting in epoch hour ``hour`` (a trip's second pass, or a
    visitor's departure, may fall later)."""
    t0 = hour * 3600.0
    day = int((t0 + LOCAL_OFFSET_S) // 86400)
    midnight = day * 86400.0 - LOCAL_OFFSET_S
    rng = random.Random(mix(seed * 9_000_011 + hour))
    out: list[tuple[float, GatePass]] = []

    def resident(car: Car, dir_: str):  # noqa: ANN202
        def make(gate: int, when: float) -> GatePass:
            return _flavour(rng, GatePass(gate, car.plate, dir_, None, "resident",
                                          colour_of(car.plate)))
        return make

    for car in fleet:
        if car.visitor_space:
            arrive, leave = visitor_space_day(car.key, day)
            guest = plate(random.Random(mix(car.key ^ day)), "粤B")
            for h, dir_ in ((arrive, "in"), (leave, "out")):
                t = midnight + h * 3600.0
                if t0 <= t < t0 + 3600.0:
                    out += _trip(rng, gates, car, t, dir_, _visitor(rng, guest, dir_,
                                                                    (leave - arrive) * 3600))
            continue
        trip = resident_day(car.key, day)
        if trip is None:
            continue
        for h, dir_ in ((trip[0], "out"), (trip[1], "in")):
            t = midnight + h * 3600.0
            if t0 <= t < t0 + 3600.0:
                out += _trip(rng, gates, car, t, dir_, resident(car, dir_))
    for slot in range(12):  # surface visitors, a non-homogeneous Poisson process
        start = t0 + slot * 300.0
        rate = VISITORS_PER_HOUR_PEAK * curve("cars_in", local_hour(start + 150.0))
        for _ in range(poisson(rng.random(), rate * 300.0 / 3600.0)):
            arrive = start + rng.random() * 300.0
            dwell = (rng.uniform(20, 40) * 3600.0 if rng.random() < OVERNIGHT_VISITORS
                     else 3600.0 * math.exp(rng.gauss(math.log(1.5), 0.7)))
            guest = plate(rng, rng.choice(_VISITOR_PREFIXES))
            car = Car(0, guest, False, False)
            out += _trip(rng, gates, car, arrive, "in", _visitor(rng, guest, "in", dwell))
            out += _trip(rng, gates, car, arrive + dwell, "out",
                         _visitor(rng, guest, "out", dwell))
    return out


def _visitor(rng: random.Random, guest: str, dir_: str, dwell_s: float):  # noqa: ANN202
    def make(gate: int, when: float) -> GatePass:
        if dir_ == "in":
            return _flavour(rng, GatePass(gate, guest, "in", None, "visitor", colour_of(guest)))
        fee = 0.0 if dwell_s < 1800 else min(50.0, 5.0 * math.ceil(dwell_s / 3600.0))
        if fee > 0 and rng.random() < UNPAID:
            return _flavour(rng, GatePass(gate, guest, "out", False, "visitor",
                                          colour_of(guest), "manual", fee, None))
        pay = rng.choices([p for p, _ in PAY_METHODS], [w for _, w in PAY_METHODS])[0] \
            if fee > 0 else None
        return _flavour(rng, GatePass(gate, guest, "out", True, "visitor", colour_of(guest),
                                      "auto", fee, pay))
    return make


def _flavour(rng: random.Random, p: GatePass) -> GatePass:
    """What goes wrong at real gates: manual releases, misread plates, unreported passes."""
    release = "manual" if rng.random() < MANUAL_RELEASE else p.release
    text = p.plate
    if rng.random() < MISREAD:
        how = rng.randrange(3)
        text = "无牌车" if how == 0 else text[:-1] if how == 1 else text[:3] + "?" + text[4:]
    return GatePass(p.device, text, p.dir, p.paid, p.vehicle, p.colour, release, p.fee, p.pay,
                    rng.random() >= UNREPORTED)
