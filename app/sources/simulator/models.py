"""Plausible values per device kind at a report time: ``MODELS[kind](dev, t, world)``.

Simple kinds are rows of the ``LEVELS`` table (base + gain × daily curve + noise); meters,
lifts, pumps and tanks, lighting, transformers, parking and chargers have small models with
state kept in ``dev.state``. Fault overrides are applied afterwards by ``faults.apply``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .curves import LOCAL_OFFSET_S, curve, local_day, local_hour
from .noise import gauss, uniform
from .vehicles import is_visitor_space, resident_day, visitor_space_day
from .world import DeviceSim, World

Values = dict[str, float]
Model = Callable[[DeviceSim, float, World], Values]

# point: (base, curve or None, gain, noise sd, floor, per-device spread ±)
LevelRow = tuple[float, str | None, float, float, float, float]
_BATTERY: LevelRow = (84.0, None, 0.0, 0.1, 0.0, 12.0)
LEVELS: dict[str, dict[str, LevelRow]] = {
    "gas_detector": {"lel_pct": (0.6, None, 0.0, 0.3, 0.0, 0.3)},
    "smoke_detector": {"smoke_pct_m": (0.12, None, 0.0, 0.03, 0.0, 0.05),
                       "battery_pct": _BATTERY},
    # pressures sag a little while the compound draws most water
    "fire_hydrant_pressure": {"pressure_mpa": (0.40, "water", -0.03, 0.004, 0.0, 0.04)},
    "pipe_pressure": {"pressure_mpa": (0.37, "water", -0.04, 0.005, 0.0, 0.03),
                      # gas service lines (kPa) dip while the compound cooks
                      "pressure_kpa": (2.6, "activity", -0.2, 0.02, 0.0, 0.15)},
    "sprinkler_valve": {"pressure_mpa": (0.62, "water", -0.03, 0.005, 0.0, 0.05),
                        "open": (0, None, 0, 0, 0, 0)},
    "manhole_cover": {"open": (0, None, 0, 0, 0, 0), "tilt_deg": (0.8, None, 0.0, 0.2, 0.0, 0.5),
                      "battery_pct": _BATTERY,
                      "water_level_cm": (8.0, None, 0.0, 0.8, 0.0, 5.0),
                      "gas_lel_pct": (0.6, None, 0.0, 0.3, 0.0, 0.3)},
    "camera": {"online": (1, None, 0, 0, 0, 0), "fps": (25.0, None, 0.0, 0.4, 0.0, 0.0)},
    "microphone": {"online": (1, None, 0, 0, 0, 0),
                   "level_db": (38.0, "activity", 20.0, 1.5, 20.0, 3.0)},
    "panic_button": {"battery_pct": _BATTERY},
}

# kind: (rate point, cumulative point, curve, rate at curve=1, per-device spread, to-cumulative)
MeterRow = tuple[str, str, str, float, float, float]
METERS: dict[str, MeterRow] = {
    # a flat: ~10 kWh and ~1 m³ a day, the evening peak well above the night
    "power_meter": ("power_kw", "total_kwh", "power", 0.9, 0.45, 1 / 3600),
    "water_meter": ("flow_m3h", "total_m3", "water", 0.1, 0.5, 1 / 3600),
    "heat_meter": ("power_kw", "total_gj", "power", 9.0, 0.3, 1e-6),  # kW·s = kJ
}

# activity flags: point: (what happened, seconds it stays 1 afterwards)
ACTIVITY: dict[str, dict[str, tuple[str, float]]] = {
    "door_access": {"door_open": ("door", 5.0), "forced": ("door_forced", 60.0)},
    "barrier_gate": {"open": ("pass", 8.0)},
    "panic_button": {"pressed": ("panic", 60.0)},
}


def _level(dev: DeviceSim, t: float, world: World) -> Values:
    hour = local_hour(t)
    out: Values = {}
    for ch, (point, row) in enumerate(LEVELS[dev.kind].items()):
        base, name, gain, sd, floor, spread = row
        value = base + (gain * curve(name, hour) if name else 0.0)
        if spread:
            value += spread * (2 * uniform(dev.key, 0, 20 + ch) - 1)
        if sd:
            value += sd * gauss(dev.key, dev.seq, ch)
        out[point] = max(floor, value)
    return out


LEAK_M3H = 0.03  # a running toilet
LEAK_PER_METER_DAY = 0.004
MAIN_LOSS = 0.03  # water lost between a building's main and its flats, every day
RISER_LEAK_M3H = 1.5
RISER_LEAK_PER_DAY = 0.08


def _scale(dev: DeviceSim) -> float:
    return 1.0 + METERS[dev.kind][4] * (2 * uniform(dev.key, 0, 1) - 1)


def _leak(dev: DeviceSim, t: float) -> float:
    """A flat's leak lasts a local day: its night flow stands above its usual floor."""
    return LEAK_M3H if uniform(dev.key, local_day(t), 31) < LEAK_PER_METER_DAY else 0.0


def _main_rate(dev: DeviceSim, t: float) -> float:
    """A building's main meter: its flats' water (their mean, without their noise) and
    what is lost on the way, more on a day its riser leaks."""
    subs = dev.state["subs"]
    if "scales" not in dev.state:
        dev.state["scales"] = sum(_scale(sub) for sub in subs)
    _, _, name, peak, _, _ = METERS[dev.kind]
    flats = peak * dev.state["scales"] * (0.08 + curve(name, local_hour(t)))
    flats += sum(_leak(sub, t) for sub in subs)
    riser = RISER_LEAK_M3H if uniform(dev.key, local_day(t), 33) < RISER_LEAK_PER_DAY else 0.0
    return flats * (1 + MAIN_LOSS) + riser


def _meter(dev: DeviceSim, t: float, world: World) -> Values:
    rate_pt, cum_pt, name, peak, spread, to_cum = METERS[dev.kind]
    scale = _scale(dev)
    if "subs" in dev.state:
        rate = _main_rate(dev, t)
    else:
        rate = peak * scale * (0.08 + curve(name, local_hour(t))) * (
            1 + 0.15 * gauss(dev.key, dev.seq))
        rate = max(0.0, rate)
        if dev.kind == "water_meter":
            rate += _leak(dev, t)
    st = dev.state
    if "cum" not in st:  # a meter that has been counting for a few years
        st["cum"] = peak * scale * 3.0e7 * to_cum * (0.5 + uniform(dev.key, 0, 2))
    else:
        st["cum"] += 0.5 * (st["rate"] + rate) * (t - st["t"]) * to_cum
    st["rate"], st["t"] = rate, t
    out = {rate_pt: rate, cum_pt: st["cum"]}
    if dev.kind == "heat_meter":
        supply = 57.0 + 1.5 * gauss(dev.key, dev.seq, 3)
        out["supply_c"] = supply
        out["return_c"] = supply - 8.0 - 8.0 * min(1.0, rate / (peak * 1.5))
    elif dev.kind == "power_meter":  # the feeder sags at the evening peak
        out["voltage_v"] = 229.0 - 7.0 * curve(name, local_hour(t)) + gauss(dev.key, dev.seq, 4)
    return out


ELEVATOR_DOOR_S = 8.0
ELEVATOR_S_PER_FLOOR = 1.6


def _elevator(dev: DeviceSim, t: float, world: World) -> Values:
    """Trips between floors: idle → run → doors open → idle, busier at rush hours."""
    st = dev.state
    b = dev.building
    lo = -b.basements if b is not None and b.basements else 1
    hi = b.floors if b is not None and b.floors > 1 else 18
    if not st:  # a lift in service for years: its controller's counters are well on
        runs = int(300_000 * uniform(dev.key, 0, 8))
        st.update(floor=1, target=1, phase="idle", since=t, until=t, n=0, load=0.0,
                  runs=runs, doors=int(runs * 1.1))
    while st["until"] <= t:
        n = st["n"] = st["n"] + 1
        start = st["until"]
        if st["phase"] == "idle":
            target = lo + int(uniform(dev.key, n, 5) * (hi - lo + 1))
            if target == st["floor"]:
                target = 1 if st["floor"] != 1 else hi
            people = int(uniform(dev.key, n, 6) * 8 * curve("activity", local_hour(start)))
            st.update(phase="run", target=target, since=start, load=people * 68.0,
                      runs=st["runs"] + 1,
                      until=start + 3.0 + ELEVATOR_S_PER_FLOOR * abs(target - st["floor"]))
        elif st["phase"] == "run":  # arrived: doors open, the riders get out
            st.update(phase="door", floor=st["target"], since=start, doors=st["doors"] + 1,
                      until=start + ELEVATOR_DOOR_S)
        else:
            mean_wait = 45.0 / (0.05 + curve("activity", local_hour(start)))
            wait = -mean_wait * math.log(1.0 - uniform(dev.key, n, 7))
            st.update(phase="idle", since=start, until=start + wait, load=0.0)
    floor = st["floor"]
    if st["phase"] == "run":  # show the car passing floors on the way
        frac = (t - st["since"]) / max(1e-6, st["until"] - st["since"])
        floor = round(st["floor"] + (st["target"] - st["floor"]) * frac)
    running = st["phase"] == "run"
    return {"floor": float(floor or 1), "running": float(running),
            "door_open": float(st["phase"] == "door"), "load_kg": st["load"], "fault": 0.0,
            # at rest the car is always level with a landing: inside its door zone
            "door_zone": float(not running), "occupied": float(st["load"] > 0),
            "runs": float(st["runs"]), "door_cycles": float(st["doors"])}


def _tank_of(dev: DeviceSim, world: World):
    return world.tanks[dev.state["group"]]


def _tank(dev: DeviceSim, t: float, world: World) -> Values:
    return {"level_pct": _tank_of(dev, world).at(t)}


def _pump(dev: DeviceSim, t: float, world: World) -> Values:
    tank = _tank_of(dev, world)
    tank.at(t)
    running = tank.filling and tank.duty_pump() is dev
    noise = gauss(dev.key, dev.seq)
    # a stopped pump's outlet still sees the header pressure held by the running network
    return {"running": float(running), "fault": 0.0,
            "outlet_mpa": (0.50 if running else 0.38) + 0.01 * noise,
            "power_kw": 11.0 + 0.3 * noise if running else 0.0,
            "current_a": 21.0 + 0.6 * noise if running else 0.0,
            "vibration_mm_s": 2.0 + 0.2 * gauss(dev.key, dev.seq, 1) if running else 0.1}


def _lighting(dev: DeviceSim, t: float, world: World) -> Values:
    hour = local_hour(t)
    shift = (uniform(dev.key, 0, 1) - 0.5) / 3  # each circuit's photocell differs ±10 min
    on = hour >= 18.4 + shift or hour < 6.1 + shift
    amps = (3.0 + 9.0 * uniform(dev.key, 0, 2)) * (1 + 0.02 * gauss(dev.key, dev.seq)) * on
    return {"on": float(on), "current_a": amps, "kw": amps * 0.22}


TRANSFORMER_TAU_S = 1800.0


def _transformer(dev: DeviceSim, t: float, world: World) -> Values:
    """Load follows the compound's power curve; temperature follows load with thermal lag."""
    scale = 0.85 + 0.25 * uniform(dev.key, 0, 1)
    load = (12.0 + 58.0 * curve("power", local_hour(t)) * scale
            + 1.5 * gauss(dev.key, dev.seq))
    target = 28.0 + 42.0 * (max(0.0, load) / 100.0) ** 1.5
    st = dev.state
    if "temp" not in st:
        st["temp"] = target
    else:
        st["temp"] += (target - st["temp"]) * (1 - math.exp(-(t - st["t"]) / TRANSFORMER_TAU_S))
    st["t"] = t
    return {"load_pct": load, "temp_c": st["temp"] + 0.2 * gauss(dev.key, dev.seq, 1),
            "voltage_v": 409.0 - 12.0 * load / 100.0 + 0.8 * gauss(dev.key, dev.seq, 2)}


def _parking(dev: DeviceSim, t: float, world: World) -> Values:
    """Residents' cars leave in the morning and come back in the evening; some stay home.
    The very same trips pass the gates (``vehicles``)."""
    day, hour = local_day(t), local_hour(t)
    if is_visitor_space(dev.key):  # a space let to a visitor by the day
        arrive, leave = visitor_space_day(dev.key, day)
        return {"occupied": float(arrive <= hour < leave)}
    trip = resident_day(dev.key, day)
    if trip is None:  # the car stays home today
        return {"occupied": 1.0}
    return {"occupied": float(not trip[0] <= hour < trip[1])}


EV_POWER_KW = 7.0


def _session(key: int, day: int) -> tuple[float, float] | None:
    if uniform(key, day, 1) > 0.55:
        return None
    start = day * 24 + 18.0 + 4.5 * uniform(key, day, 2)
    return start, start + 2.0 + 5.0 * uniform(key, day, 3)


def charger_session(dev: DeviceSim, t: float) -> tuple[float, float] | None:
    """(start, end) epoch seconds of the charging session running at ``t``, if any."""
    day, hours = local_day(t), local_day(t) * 24 + local_hour(t)
    for s in (_session(dev.key, day), _session(dev.key, day - 1)):
        if s is not None and s[0] <= hours < s[1]:
            return tuple(x * 3600.0 - LOCAL_OFFSET_S for x in s)  # type: ignore[return-value]
    return None


def _ev_charger(dev: DeviceSim, t: float, world: World) -> Values:
    """Evening charging sessions of a few hours, tapering at the end."""
    day, hours = local_day(t), local_day(t) * 24 + local_hour(t)
    kw = 0.0
    for s in (_session(dev.key, day), _session(dev.key, day - 1)):
        if s is not None and s[0] <= hours < s[1]:
            left = (s[1] - hours) / (s[1] - s[0])
            kw = EV_POWER_KW * min(0.97, 0.3 + 4 * left) * (1 + 0.01 * gauss(dev.key, dev.seq))
    st = dev.state
    if "kwh" not in st:
        st["kwh"] = 2000.0 * uniform(dev.key, 0, 4)
    else:
        st["kwh"] += 0.5 * (st["kw"] + kw) * (t - st["t"]) / 3600.0
    st["kw"], st["t"] = kw, t
    return {"state": float(kw > 0), "power_kw": kw, "energy_kwh": st["kwh"]}


def _activity(dev: DeviceSim, t: float, world: World) -> Values:
    """Flags that stay 1 for a while after a door opening, gate pass or panic press."""
    out: Values = {}
    for point, (what, hold_s) in ACTIVITY[dev.kind].items():
        last = world.last_activity.get((dev.index, what))
        out[point] = float(last is not None and 0 <= t - last < hold_s)
    if dev.kind == "barrier_gate":
        out["passes"] = float(world.passes.get(dev.index, 0))
        out["fault"] = 0.0
    elif dev.kind == "panic_button":
        out.update(_level(dev, t, world))
    return out


MODELS: dict[str, Model] = {
    **dict.fromkeys(LEVELS, _level),  # panic_button is overridden by ACTIVITY below
    **dict.fromkeys(METERS, _meter),
    "elevator": _elevator,
    "water_pump": _pump,
    "water_tank_level": _tank,
    "lighting_circuit": _lighting,
    "transformer": _transformer,
    "parking_space": _parking,
    "ev_charger": _ev_charger,
    **dict.fromkeys(ACTIVITY, _activity),
}
