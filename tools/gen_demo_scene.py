"""Generate the demo compound 绿景花园 into scenes/demo (deterministic: same files every run).

    python tools/gen_demo_scene.py [OUT_DIR]

A Shenzhen compound of 12 residential towers around a loop road, an underground garage,
substation, pump room, clubhouse and gatehouses. Layout (site metres, x east, y north):
towers in three rows (y = 70, 20, -30) and four columns; paths between the rows at
y = 45, -5, -46 joined to the loop road at x = +-125; the garage under the south lawn.
The output is committed data; rerun this script after changing it and commit both.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from app.domain.model import Camera, Device, Location, Microphone, PointSpec, Technician, Zone
from app.scene.georef import crs_point_of
from app.scene.model import (
    Building,
    Gate,
    Lawn,
    ParkingSpace,
    Pipe,
    Road,
    Scene,
    Site,
    WalkEdge,
    WalkNode,
)
from app.scene.writer import save_scene

OUT = Path(__file__).resolve().parent.parent / "scenes" / "demo"
FLOOR_H = 3.0
DEPTH = 16.0  # tower footprint depth (y); width is 8 m per flat
TOWER_FLOORS = (33, 30, 26, 32, 18, 24, 28, 22, 31, 27, 20, 33)
TOWER_UNITS = (4, 3, 2, 4, 3, 4, 2, 3, 4, 3, 2, 4)
COLUMNS = (-95.0, -55.0, 55.0, 95.0)
ROWS = (70.0, 20.0, -30.0)
PATH_Y = (45.0, -5.0, -46.0)  # the footpath south of each tower row
HEATED = ("B01", "B02", "B03", "B04")  # towers on the central hot-water network
LOOP = ((-125.0, -100.0), (125.0, -100.0), (125.0, 100.0), (-125.0, 100.0))


def P(unit: str = "", normal: tuple | None = None, limits: tuple | None = None) -> PointSpec:
    return PointSpec(unit, normal, limits)


BIT, ALARM_BIT = P(""), P("", (0, 0), (0, 0))  # 0/1 state; a 1 that is an alarm
# the measured points and report interval (s) of each kind (CONTRACTS device kinds)
KINDS: dict[str, tuple[dict[str, PointSpec], float]] = {
    "water_meter": ({"total_m3": P("m³"), "flow_m3h": P("m³/h", (0, 1.5), (0, 3))}, 300),
    "power_meter": ({"total_kwh": P("kWh"), "power_kw": P("kW", (0, 6), (0, 10)),
                     "voltage_v": P("V", (210, 235), (198, 242))}, 300),
    "heat_meter": ({"total_gj": P("GJ"), "supply_c": P("°C", (45, 65), (35, 80)),
                    "return_c": P("°C", (30, 50), (20, 65))}, 300),
    "gas_detector": ({"lel_pct": P("%LEL", (0, 10), (0, 25))}, 60),
    "smoke_detector": ({"smoke_pct_m": P("%/m", (0, 1), (0, 4)),
                        "battery_pct": P("%", (30, 100), (10, 100))}, 60),
    "fire_hydrant_pressure": ({"pressure_mpa": P("MPa", (0.25, 0.6), (0.15, 0.8))}, 60),
    "sprinkler_valve": ({"pressure_mpa": P("MPa", (0.3, 1.0), (0.2, 1.2)), "open": ALARM_BIT},
                        60),
    "elevator": ({"floor": P(), "running": BIT, "door_open": BIT, "fault": ALARM_BIT,
                  "load_kg": P("kg", (0, 800), (0, 1000)), "door_zone": BIT, "occupied": BIT,
                  "runs": P("次"), "door_cycles": P("次")}, 10),
    "water_pump": ({"running": BIT, "power_kw": P("kW", (0, 15), (0, 22)),
                    "outlet_mpa": P("MPa", (0.3, 0.6), (0.15, 0.8)),
                    "vibration_mm_s": P("mm/s", (0, 4.5), (0, 7.1))}, 10),
    "water_tank_level": ({"level_pct": P("%", (40, 95), (20, 100))}, 30),
    "lighting_circuit": ({"on": BIT, "current_a": P("A", (0, 16), (0, 20))}, 60),
    "pipe_pressure": ({"pressure_mpa": P("MPa", (0.25, 0.45), (0.15, 0.6))}, 60),
    "transformer": ({"temp_c": P("°C", (20, 85), (0, 105)), "load_pct": P("%", (0, 80), (0, 100)),
                     "voltage_v": P("V", (380, 420), (360, 440))}, 10),
    "manhole_cover": ({"open": ALARM_BIT, "tilt_deg": P("°", (0, 10), (0, 90)),
                       "battery_pct": P("%", (30, 100), (10, 100)),
                       "water_level_cm": P("cm", (0, 30), (0, 60)),
                       "gas_lel_pct": P("%LEL", (0, 10), (0, 25))}, 300),
    "door_access": ({"door_open": BIT, "forced": ALARM_BIT}, 60),
    "barrier_gate": ({"open": BIT, "fault": ALARM_BIT, "passes": P("次")}, 30),
    "parking_space": ({"occupied": BIT}, 60),
    "ev_charger": ({"power_kw": P("kW", (0, 7), (0, 8)), "state": P("", (0, 1), (0, 1)),
                    "energy_kwh": P("kWh")}, 30),
    "camera": ({"online": P("", (1, 1), (1, 1)), "fps": P("fps", (12, 30), (5, 60))}, 60),
    "microphone": ({"online": P("", (1, 1), (1, 1)), "level_db": P("dB", (30, 80), (0, 110))},
                   60),
    "panic_button": ({"pressed": ALARM_BIT, "battery_pct": P("%", (30, 100), (10, 100))}, 300),
}
GAS_POINTS = {"pressure_kpa": P("kPa", (2.0, 3.0), (1.5, 3.5))}
NAMES = {"water_meter": "水表", "power_meter": "电表", "heat_meter": "热量表",
         "gas_detector": "燃气探测器", "smoke_detector": "烟感", "panic_button": "紧急呼叫按钮"}


def r(v: float) -> float:
    return round(float(v), 2)


def rect(x0: float, y0: float, x1: float, y1: float) -> tuple:
    return ((r(x0), r(y0)), (r(x1), r(y0)), (r(x1), r(y1)), (r(x0), r(y1)))


class Builder:
    def __init__(self) -> None:
        self.buildings: list[Building] = []
        self.devices: list[Device] = []
        self.nodes: list[WalkNode] = []
        self.edges: list[WalkEdge] = []
        self.gates: list[Gate] = []
        self.entrances: list[tuple[str, float, float]] = []  # building, x, path y it joins

    def device(self, id: str, kind: str, name: str, xyz: tuple, building: str | None = None,
               floor: int | None = None, room: str | None = None,
               points: dict | None = None) -> str:
        spec, interval = KINDS[kind]
        loc = Location((r(xyz[0]), r(xyz[1]), r(xyz[2])), building, floor, room)
        self.devices.append(Device(id, kind, name, loc, points or spec, interval))
        return id

    def node(self, id: str, xyz: tuple, building: str | None = None,
             floor: int | None = None) -> str:
        self.nodes.append(WalkNode(id, (r(xyz[0]), r(xyz[1]), r(xyz[2])), building, floor))
        return id

    def edge(self, a: str, b: str, kind: str = "walk", seconds: float | None = None) -> None:
        self.edges.append(WalkEdge(a, b, kind, seconds))

    def core(self, b: Building, core: str, x: float, y: float, label: str,
             elevators: int) -> None:
        """A stair/lift core: a lobby node per floor, stairs between neighbours, lifts from
        the ground lobby to every floor (a trip = average wait + travel at 2.5 m/s)."""
        low, high = (-b.basements or 1), b.floors
        floors = [f for f in range(low, high + 1) if f != 0]
        for f in floors:
            self.node(f"{b.id}-{core}-F{f:02d}", (x, y, b.floor_z(f)), b.id, f)
        for f0, f1 in zip(floors, floors[1:], strict=False):
            self.edge(f"{b.id}-{core}-F{f0:02d}", f"{b.id}-{core}-F{f1:02d}", "stairs")
        for k in range(1, elevators + 1):
            self.device(f"{b.id}-{core}-EL{k}", "elevator", f"{label} {core[1:]}号梯{k}",
                        (x + 1.5 * k - 2.25, y, b.floor_z(1) + 1), b.id, 1)
        if elevators:
            for f in floors:
                if f != 1:
                    self.edge(f"{b.id}-{core}-F01", f"{b.id}-{core}-F{f:02d}", "elevator",
                              round(25 + abs(f - 1) * b.floor_height_m / 2.5, 1))

    def entrance(self, b: Building, x: float, y: float, inner: str, path_y: float,
                 label: str, n: int = 1) -> None:
        node = self.node(f"{b.id}-E{n}", (x, y, 0), b.id, 1)
        self.edge(node, inner)
        self.device(f"{b.id}-E{n}-DA", "door_access", f"{label} {n}号门禁", (x, y + 0.3, 1.2),
                    b.id, 1)
        self.entrances.append((node, x, path_y))


def towers(s: Builder) -> None:
    for i, (floors, units) in enumerate(zip(TOWER_FLOORS, TOWER_UNITS, strict=True)):
        bid, label = f"B{i + 1:02d}", f"{i + 1}栋"
        cx, cy = COLUMNS[i % 4], ROWS[i // 4]
        w = 8.0 * units
        b = Building(bid, label, "residential", rect(cx - w / 2, cy - DEPTH / 2, cx + w / 2,
                                                    cy + DEPTH / 2), floors, FLOOR_H)
        s.buildings.append(b)
        cores = (cx - w / 4, cx + w / 4) if units == 4 else (cx,)
        for c, x in enumerate(cores, 1):
            s.core(b, f"C{c}", x, cy - 4, label, 2)
            s.entrance(b, x, cy - DEPTH / 2, f"{bid}-C{c}-F01", PATH_Y[i // 4], label, c)
        if len(cores) == 2:
            for f in range(1, floors + 1):
                s.edge(f"{bid}-C1-F{f:02d}", f"{bid}-C2-F{f:02d}")
        s.device(f"{bid}-HP1", "fire_hydrant_pressure", f"{label} 首层消火栓压力",
                 (cx, cy - 7, 1), bid, 1)
        s.device(f"{bid}-HP2", "fire_hydrant_pressure", f"{label} 顶层消火栓压力",
                 (cx, cy - 7, b.floor_z(floors) + 1), bid, floors)
        s.device(f"{bid}-LC1", "lighting_circuit", f"{label} 公共照明低区", (cx, cy - 6, 2),
                 bid, 1)
        s.device(f"{bid}-LC2", "lighting_circuit", f"{label} 公共照明高区", (cx, cy - 6, 2.5),
                 bid, 1)
        for f in range(1, floors + 1):
            z = b.floor_z(f)
            for c, x in enumerate(cores, 1):
                s.device(f"{bid}-F{f:02d}-C{c}-SD", "smoke_detector",
                         f"{label} {f}层 {c}号前室烟感", (x, cy - 4, z + 2.8), bid, f)
            for u in range(1, units + 1):
                ux, room = cx - w / 2 + 8 * (u - 0.5), f"{f}{u:02d}"
                head = f"{bid}-F{f:02d}-U{u:02d}"
                flat = (f"{label} {f}层 {room} ", bid, f, room)

                def put(code: str, kind: str, xyz: tuple, flat=flat, head=head) -> None:
                    prefix, b_id, fl, rm = flat
                    s.device(f"{head}-{code}", kind, prefix + NAMES[kind], xyz, b_id, fl, rm)
                put("WM", "water_meter", (ux - 2, cy + 1, z + 1))
                put("PM", "power_meter", (ux - 3, cy - 2, z + 1.5))
                put("GD", "gas_detector", (ux + 2, cy + 5, z + 2.2))
                if bid in HEATED:
                    put("HM", "heat_meter", (ux - 2, cy + 2, z + 1))
                if (i * 31 + f * 7 + u) % 23 == 0:  # flats of elderly residents
                    put("PB", "panic_button", (ux, cy + 4, z + 0.9))
        # the tower's main water meter: its flats' meters are its sub-meters (operations)
        s.device(f"{bid}-WM-MAIN", "water_meter", f"{label} 总水表",
                 (cx - w / 2 + 2, cy + 1, -0.5), bid, 1,
                 points={"total_m3": P("m³"), "flow_m3h": P("m³/h")})


def garage(s: Builder) -> list[ParkingSpace]:
    b = Building("G01", "地下车库", "garage", rect(-75, -92, 75, -48), 0, 3.6, basements=2)
    s.buildings.append(b)
    spaces = []
    aisles = (-83.35, -66.75)
    for f in (-1, -2):
        z, tag, label = b.floor_z(f), f"B{-f}", f"地下车库 负{-f}层"
        for row, y in enumerate((-89.0, -77.7, -72.4, -61.1)):
            for k in range(56):
                n = row * 56 + k + 1
                sid = f"G01-{tag}-P{n:03d}"
                x = -68.75 + 2.5 * k
                sensor = s.device(f"{sid}-PS", "parking_space", f"{label} {n:03d}号车位",
                                  (x, y, z + 0.1), "G01", f)
                charger = None
                if k % 3 == 0 and (row in (0, 3) if f == -1 else row == 3):
                    charger = s.device(f"{sid}-EV", "ev_charger", f"{label} {n:03d}号充电桩",
                                       (x, y + (2.4 if row % 2 else -2.4), z + 1.2), "G01", f)
                spaces.append(ParkingSpace(sid, (r(x), r(y), r(z)), 90.0, (2.5, 5.3),
                                           charger, sensor))
        for k in range(6):
            x = -62.5 + 25 * k
            s.device(f"G01-{tag}-SV{k + 1}", "sprinkler_valve", f"{label} {k + 1}号喷淋阀",
                     (x, -52, z + 3.2), "G01", f)
            s.device(f"G01-{tag}-SD{k + 1}", "smoke_detector", f"{label} {k + 1}号烟感",
                     (x, -75, z + 3.3), "G01", f)
        for k in range(4):
            s.device(f"G01-{tag}-LC{k + 1}", "lighting_circuit", f"{label} {k + 1}号照明回路",
                     (-60 + 40 * k, -50, z + 1.5), "G01", f)
        s.device(f"G01-{tag}-HP", "fire_hydrant_pressure", f"{label} 消火栓压力",
                 (0, -50, z + 1), "G01", f)
        xs = (-70.0, -40.0, 0.0, 40.0, 70.0)
        for a, y in enumerate(aisles):
            for x in xs:
                s.node(f"G01-{tag}-A{a + 1}-{xs.index(x) + 1}", (x, y, z), "G01", f)
            for j in range(len(xs) - 1):
                s.edge(f"G01-{tag}-A{a + 1}-{j + 1}", f"G01-{tag}-A{a + 1}-{j + 2}")
        for j in (1, 5):
            s.edge(f"G01-{tag}-A1-{j}", f"G01-{tag}-A2-{j}")
        for c, x in enumerate((-40.0, 40.0), 1):
            lobby = s.node(f"G01-{tag}-L{c}", (x, -50.5, z), "G01", f)
            s.edge(lobby, f"G01-{tag}-A2-{2 if c == 1 else 4}")
            s.device(f"G01-{tag}-L{c}-DA", "door_access", f"{label} {c}号电梯厅门禁",
                     (x, -49.5, z + 1.2), "G01", f)
    for c, x in enumerate((-40.0, 40.0), 1):
        s.edge(f"G01-B1-L{c}", f"G01-B2-L{c}", "stairs")
        top = s.node(f"G01-X{c}", (x, -47, 0))
        s.edge(top, f"G01-B1-L{c}", "stairs")
        s.entrances.append((top, x, -46.0))
    s.node("G01-RAMP", (-72, -55, b.floor_z(-1)), "G01", -1)
    s.edge("G01-RAMP", "G01-B1-A2-1")
    s.edge("G01-B1-A2-5", "G01-B2-A2-5", "road")  # the ramp between the basements
    s.node("R-RAMP", (-90, -100, 0))
    s.edge("R-RAMP", "G01-RAMP", "road")
    s.device("G01-BG1", "barrier_gate", "地下车库 入口道闸", (-72, -54, b.floor_z(-1) + 1),
             "G01", -1)
    s.gates.append(Gate("GATE-G", "地下车库入口", (-72.0, -54.0, b.floor_z(-1)), "vehicle",
                        "G01-BG1", "G01"))
    return spaces


def plant(s: Builder) -> None:
    """Substation, pump room, clubhouse and the two gatehouses."""
    sub = Building("S01", "配电房", "substation", rect(10, -44, 28, -32), 1, 5.0)
    pump = Building("P01", "水泵房", "pump_room", rect(-28, -44, -12, -32), 1, 4.5, basements=1)
    club = Building("C01", "会所及物业服务中心", "clubhouse", rect(-15, 62, 15, 78), 3, 4.0)
    s.buildings += [sub, pump, club]
    for k in range(1, 4):
        s.device(f"S01-TR{k}", "transformer", f"配电房 {k}号变压器{'（备用）' if k == 3 else ''}",
                 (10 + 4.5 * k, -36, 1.5), "S01", 1)
    for k in (1, 2):
        s.device(f"S01-PM{k}", "power_meter", f"配电房 {k}号进线总表", (12 + 4 * k, -42, 1.5),
                 "S01", 1)
    pumps = (("生活水泵", 3), ("消防泵", 2), ("喷淋泵", 1))
    n = 0
    for label, count in pumps:
        for k in range(1, count + 1):
            n += 1
            s.device(f"P01-WP{n}", "water_pump", f"水泵房 {label}{k}号", (-26 + 2.3 * n, -40,
                     pump.floor_z(-1) + 0.8), "P01", -1)
    for k, label in enumerate(("生活水箱1", "生活水箱2", "消防水池"), 1):
        s.device(f"P01-TL{k}", "water_tank_level", f"水泵房 {label}液位", (-25 + 4 * k, -35,
                 pump.floor_z(-1) + 2), "P01", -1)
    s.device("P01-PP1", "pipe_pressure", "水泵房 生活供水出口压力", (-14, -43, 1), "P01", 1)
    for b, label in ((sub, "配电房"), (pump, "水泵房"), (club, "会所")):
        (x0, y0), (x1, y1) = b.footprint[0], b.footprint[2]
        cx = (x0 + x1) / 2
        for f in range(1, b.floors + 1):
            s.device(f"{b.id}-F{f:02d}-SD", "smoke_detector", f"{label} {f}层烟感",
                     (cx, (y0 + y1) / 2, b.floor_z(f) + b.floor_height_m - 0.3), b.id, f)
        s.device(f"{b.id}-LC1", "lighting_circuit", f"{label} 照明回路", (cx - 2, y0 + 1, 1.5),
                 b.id, 1)
        s.device(f"{b.id}-HP", "fire_hydrant_pressure", f"{label} 消火栓压力",
                 (cx + 2, y0 + 1, 1), b.id, 1)
        s.core(b, "C1", cx, (y0 + y1) / 2, label, 1 if b is club else 0)
        s.entrance(b, cx, y0, f"{b.id}-C1-F01", 45.0 if b is club else -46.0, label)
    s.device("C01-F01-PM", "power_meter", "会所 总电表", (-12, 64, 1.5), "C01", 1)
    s.device("C01-F01-WM", "water_meter", "会所 总水表", (-12, 65, 1), "C01", 1)
    s.device("C01-F01-GD", "gas_detector", "会所 餐厅厨房燃气探测器", (12, 76, 2.2), "C01", 1)
    s.device("C01-F01-PB", "panic_button", "物业服务中心 前台紧急按钮", (5, 64, 0.9), "C01", 1)
    for side, y in (("S", -119.0), ("N", 119.0)):
        hid = "H01" if side == "S" else "H02"
        label = "南门岗亭" if side == "S" else "北门岗亭"
        s.buildings.append(Building(hid, label, "gatehouse", rect(-16, y - 3, -8, y + 3), 1))
        s.device(f"{hid}-PB", "panic_button", f"{label} 紧急按钮", (-12, y, 0.9), hid, 1)
        s.device(f"{hid}-LC1", "lighting_circuit", f"{label} 大门照明", (-9, y, 2.5), hid, 1)
        s.device(f"{hid}-PM", "power_meter", f"{label} 电表", (-15, y, 1.5), hid, 1)
        gate_node = s.node(f"GATE-{side}", (0, y, 0))
        s.edge(gate_node, s.node(f"{hid}-E1", (-8, y, 0), hid, 1))
        s.edge(gate_node, f"R-{side}", "road")
        name = "南门" if side == "S" else "北门"
        for k, (lane, x) in enumerate((("入口", 3.0), ("出口", -3.0)), 1):
            dev = s.device(f"{hid}-BG{k}", "barrier_gate", f"{name}车行{lane}道闸", (x, y, 1))
            s.gates.append(Gate(f"GATE-{side}-{'IN' if k == 1 else 'OUT'}", f"{name}车行{lane}",
                                (x, y, 0.0), "vehicle", dev, hid))
        dev = s.device(f"{hid}-DA1", "door_access", f"{name}人行门禁", (-20, y, 1.2))
        s.gates.append(Gate(f"GATE-{side}-PED", f"{name}人行", (-20.0, y, 0.0), "pedestrian",
                            dev, hid))
        s.edge(gate_node, s.node(f"GATE-{side}-PED", (-20, y, 0)))
    dev = s.device("GATE-E-DA", "door_access", "东门人行门禁", (140, -5, 1.2))
    s.gates.append(Gate("GATE-E-PED", "东门人行", (140.0, -5.0, 0.0), "pedestrian", dev))
    s.edge(s.node("GATE-E", (140, -5, 0)), "R-E-5")


def paths(s: Builder) -> None:
    """Loop road nodes, the three footpaths and their links to every entrance."""
    for py in PATH_Y:
        xs = sorted({-125.0, 125.0, *(x for _, x, y in s.entrances if y == py)})
        ids = []
        for x in xs:
            nid = (f"R-{'W' if x < 0 else 'E'}{py:+.0f}".replace("+", "") if abs(x) == 125
                   else f"W{py:+.0f}-{x:+.0f}")
            if nid not in {n.id for n in s.nodes}:
                s.node(nid, (x, py, 0))
            ids.append(nid)
        for a, b in zip(ids, ids[1:], strict=False):
            s.edge(a, b)
        for node, x, y in s.entrances:
            if y == py:
                s.edge(node, ids[xs.index(x)])
    # loop road: corners, path junctions, the gate roads and the garage ramp, in loop order
    loop = [("R-SW", -125, -100), ("R-RAMP", -90, -100), ("R-S", 0, -100), ("R-SE", 125, -100),
            ("R-E-46", 125, -46), ("R-E-5", 125, -5), ("R-E45", 125, 45), ("R-NE", 125, 100),
            ("R-N", 0, 100), ("R-NW", -125, 100), ("R-W45", -125, 45), ("R-W-5", -125, -5),
            ("R-W-46", -125, -46)]
    known = {n.id for n in s.nodes}
    for nid, x, y in loop:
        if nid not in known:
            s.node(nid, (x, y, 0))
    for (a, *_), (b, *_) in zip(loop, loop[1:] + loop[:1], strict=True):
        s.edge(a, b, "road")


def ground() -> dict[str, Any]:
    roads = [Road("R01", (*LOOP, LOOP[0]), 7.0, "环形主干道"),
             Road("R02", ((0.0, -100.0), (0.0, -125.0)), 8.0, "南门车行道"),
             Road("R03", ((0.0, 100.0), (0.0, 125.0)), 8.0, "北门车行道"),
             Road("R04", ((-90.0, -100.0), (-90.0, -55.0), (-75.0, -55.0)), 6.0, "车库坡道")]
    roads += [Road(f"R{5 + k}", ((-125.0, y), (125.0, y)), 3.0, f"{k + 1}号步行道")
              for k, y in enumerate(PATH_Y)]
    lawns = [Lawn("L1", rect(-30, 0, 30, 40), "中心花园"),
             Lawn("L2", rect(-112, 48, -38, 58), "西庭院"),
             Lawn("L3", rect(38, 48, 112, 58), "东庭院"),
             Lawn("L4", rect(-70, -90, 70, -52), "南草坪（车库顶板）"),
             Lawn("L5", rect(-110, 84, -20, 95), "北侧绿化带")]
    zones = [Zone(f"Z-{lawn.id}", "green_space", lawn.polygon, lawn.name) for lawn in lawns]
    zones += [Zone("Z-FL1", "fire_lane", rect(121.5, -100, 128.5, 100), "东侧消防车道"),
              Zone("Z-NB1", "no_build", rect(29, -44, 36, -32), "高压电缆保护带"),
              Zone("Z-NB2", "no_build", rect(20, 104, 35, 118), "燃气调压箱安全距离")]
    return {"roads": roads, "lawns": lawns, "zones": zones}


def pipes(s: Builder) -> list[Pipe]:
    """Five buried networks: a ring under the loop road, a lateral under each footpath and a
    service pipe from the lateral into every building entrance."""
    out: list[Pipe] = []
    entrances = [n for n in s.nodes if n.building and n.id[-2:-1] == "E" and n.building[0] != "H"]
    join = {n.id: y for n, (_, _, y) in
            ((n, e) for n in entrances for e in s.entrances if e[0] == n.id)}
    networks = (("water", "W", -1.5, 0.8, 0.15), ("drainage", "D", -2.0, -0.8, 0.3),
                ("power", "E", -1.0, 1.6, 0.1), ("gas", "G", -0.8, -1.6, 0.1),
                ("heating", "H", -1.2, 2.4, 0.12))
    for network, code, z, dy, dia in networks:
        def pipe(pid: str, pts: list, network=network, z=z, dia=dia) -> Pipe:
            out.append(Pipe(pid, network, tuple((r(x), r(y), z) for x, y in pts), dia))
            return out[-1]
        if network != "heating":
            ring = [(-123 - dy, -98 - dy), (123 + dy, -98 - dy), (123 + dy, 98 + dy),
                    (-123 - dy, 98 + dy)]
            pipe(f"{code}-RING", [*ring, ring[0]])
        for k, py in enumerate(PATH_Y):
            if network != "heating" or k == 0:
                pipe(f"{code}-L{k + 1}", [(-123 - dy, py + dy), (123 + dy, py + dy)])
        for n in entrances:
            if (network == "gas" and n.building[0] not in "BC") or (
                    network == "heating" and n.building not in HEATED):
                continue
            x, y, _ = n.xyz
            py = join[n.id] + dy
            pipe(f"{code}-S-{n.id}", [(x + dy, py), (x + dy, y)])
            if network in ("water", "gas"):
                points = GAS_POINTS if network == "gas" else None
                name = "燃气" if network == "gas" else "给水"
                s.device(f"{n.id}-PP{code}", "pipe_pressure",
                         f"{s.label(n.building)} {n.id[-2:]}入户{name}压力", (x + dy, py, z),
                         points=points)
    for p in out:
        if p.id == "W-RING":  # pressure along the water ring, one every fourth vertex/side
            for k, (x, y, z) in enumerate(p.path[:-1]):
                s.device(f"W-RING-PP{k + 1}", "pipe_pressure", f"环网给水压力 {k + 1}号",
                         (x, y, z))
    out += [Pipe("W-FEED", "water", ((-20.0, -44.0, -1.5), (-20.0, -45.2, -1.5)), 0.2),
            Pipe("D-OUT", "drainage", ((0.0, -97.2, -2.0), (0.0, -125.0, -2.5)), 0.4),
            Pipe("E-FEED", "power", ((19.0, -44.0, -1.0), (19.0, -44.4, -1.0)), 0.15),
            Pipe("G-FEED", "gas", ((28.0, 111.0, -0.8), (28.0, 96.4, -0.8)), 0.15),
            Pipe("H-FEED", "heating", ((0.0, 62.0, -1.2), (0.0, 47.4, -1.2)), 0.15)]
    return out


def street_furniture(s: Builder) -> None:
    """Manhole covers every 25 m along the loop road, 40 m along paths; outdoor lighting."""
    n = 0
    for (x0, y0), (x1, y1) in zip(LOOP, LOOP[1:] + LOOP[:1], strict=True):
        length = abs(x1 - x0) + abs(y1 - y0)
        for k in range(int(length // 25)):
            t = (k * 25 + 12.5) / length
            n += 1
            s.device(f"MH-R01-{n:02d}", "manhole_cover", f"环形主干道 {n}号井盖",
                     (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, 0))
    for j, py in enumerate(PATH_Y, 1):
        for k in range(6):
            x = -100 + 40 * k
            s.device(f"MH-P{j}-{k + 1}", "manhole_cover", f"{j}号步行道 {k + 1}号井盖",
                     (x, py + 1, 0))
    for k, (x, y) in enumerate(LOOP, 1):
        s.device(f"LC-R01-{k}", "lighting_circuit", f"道路照明 {k}号回路", (x, y, 1))
    s.device("LC-L1", "lighting_circuit", "中心花园景观照明", (-28, 2, 1))
    s.device("LC-L4", "lighting_circuit", "南草坪景观照明", (-68, -88, 1))


def cameras(s: Builder) -> list[Camera]:
    """8 facade cameras looking up at the broad faces of the outer tower rows from 34 m
    (thrown objects), and 10 on gates, garage, lawns and roads."""
    cams = []
    for i in range(4):  # north faces of B01-B04 from beyond the loop road
        cams.append(Camera(f"CAM-{i + 1:02d}", f"{i + 1}栋北立面高空抛物", (COLUMNS[i], 112.0, 4.0),
                           -90.0, 35.0, 50.0, 70.0, 150.0, f"B{i + 1:02d}"))
    for i in range(4):  # south faces of B09-B12 from the garage-roof lawn
        cams.append(Camera(f"CAM-{i + 5:02d}", f"{i + 9}栋南立面高空抛物",
                           (COLUMNS[i], -72.0, 4.0), 90.0, 35.0, 50.0, 70.0, 150.0,
                           f"B{i + 9:02d}"))
    others = (("南门车行", (5, -112, 5), -90, -20), ("北门车行", (5, 112, 5), 90, -20),
              ("东门人行", (135, -2, 4), 0, -15), ("车库负一层", (-70, -60, -0.8), 0, -10),
              ("车库负二层", (70, -60, -4.4), 180, -10), ("中心花园", (30, 0, 6), 135, -25),
              ("西庭院", (-120, 53, 6), 0, -15), ("东南路口", (122, -97, 6), 180, -15),
              ("车库坡道", (-93, -95, 5), 90, -20), ("东庭院", (120, 53, 6), 180, -15))
    for k, (name, xyz, yaw, pitch) in enumerate(others, 9):
        cams.append(Camera(f"CAM-{k:02d}", name, tuple(float(v) for v in xyz), float(yaw),
                           float(pitch)))
    for c in cams:
        garage_floor = (-1 if c.xyz[2] > -3.6 else -2) if c.xyz[2] < 0 else None
        s.device(c.id, "camera", f"摄像机 {c.name}", c.xyz, "G01" if garage_floor else None,
                 garage_floor)
    return cams


def microphones(s: Builder) -> list[Microphone]:
    spots = ((-60, 45, 4.0), (60, 45, 5.5), (-15, 20, 3.2), (25, 35, 6.0), (-75, -5, 4.8),
             (75, -5, 3.6), (-40, -46, 5.2), (45, -60, 4.4))
    mics = [Microphone(f"MIC-{k:02d}", tuple(float(v) for v in xyz)) for k, xyz in
            enumerate(spots, 1)]
    for m in mics:
        s.device(m.id, "microphone", f"声学传感器 {m.id[-2:]}号", m.xyz)
    return mics


def technicians() -> list[Technician]:
    names = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵军", "黄勇", "周杰", "吴强", "徐明",
             "孙丽", "马超", "朱涛", "胡斌", "郭峰", "何平", "林海", "罗刚", "高翔", "梁志强",
             "宋建国", "郑小红", "谢文华")
    roles = ((("electrical", "general"), ("electrical",)), (("plumbing", "general"), ()),
             (("elevator",), ("elevator",)), (("gas", "plumbing"), ("gas",)),
             (("fire", "security"), ()), (("security",), ()),
             (("electrical", "fire"), ("electrical",)), (("general",), ()))
    shifts = ("day", "day", "night", "on_call")
    homes = ((0.0, 60.0, 0.0), (-12.0, -116.0, 0.0), (-12.0, 116.0, 0.0))
    return [Technician(f"T{k + 1:02d}", name, *roles[k % len(roles)], shifts[k % 4],
                       homes[k % 3], f"138{k + 1:08d}") for k, name in enumerate(names)]


def build() -> Scene:
    s = Builder()
    s.label = lambda bid: next(b.name for b in s.buildings if b.id == bid)  # type: ignore
    towers(s)
    parking = garage(s)
    plant(s)
    paths(s)
    pipe_list = pipes(s)
    street_furniture(s)
    cams, mics = cameras(s), microphones(s)  # before devices are collected: they add some
    return Scene(SITE, buildings=tuple(s.buildings), parking=tuple(parking),
                 gates=tuple(s.gates), pipes=tuple(pipe_list), walk_nodes=tuple(s.nodes),
                 walk_edges=tuple(s.edges), cameras=tuple(cams), microphones=tuple(mics),
                 devices=tuple(s.devices), technicians=tuple(technicians()), **ground())


# The site origin is stated once, as longitude/latitude; its easting/northing in the CRS
# (CGCS2000 / 3-degree Gauss-Kruger CM 114E) is derived from it by PROJ, so the two cannot
# disagree (hand-typed, they once lay 167 m apart).
LON, LAT, EPSG = 113.9436, 22.5405, 4547
SITE = Site("绿景花园", origin_lon=LON, origin_lat=LAT, crs_epsg=EPSG,
            origin_crs=tuple(r(v) for v in crs_point_of(EPSG, LON, LAT)),  # type: ignore
            bounds=((-150.0, -125.0), (150.0, 125.0)), site_id="demo")


def operations(scene: Scene) -> dict[str, Any]:
    """operations.json: parking zones, the pump room's tanks, the chargers' transformer, the
    towers' water mains and each lift's 96333 rescue code (docs/operations.md)."""
    lifts = [d.id for d in scene.devices if d.kind == "elevator"]
    return {
        "parking": {
            "zones": [
                {"id": "compound", "name": "小区",
                 "gates": ["GATE-S-IN", "GATE-S-OUT", "GATE-N-IN", "GATE-N-OUT"],
                 "spaces": ["*"], "extra_capacity": 160},
                {"id": "garage", "name": "地下车库", "gates": ["GATE-G"], "spaces": ["*"]}],
            "visitor_overstay_h": 24},
        "tanks": [{"id": "P01", "name": "生活水箱（水泵房）",
                   "level_devices": ["P01-TL1", "P01-TL2"],
                   "pumps": ["P01-WP1", "P01-WP2", "P01-WP3"], "capacity_m3": 60,
                   "min_pct": 30, "max_pct": 95, "pump_flow_m3h": 64.8, "pump_kw": 11,
                   "switch_on_pct": 45, "switch_off_pct": 90}],
        "chargers": {"transformer": "S01-TR1", "capacity_kva": 1250, "max_loading_pct": 80,
                     "ready_by": "07:30", "max_kw": 7},
        "water_mains": [{"main": f"{b.id}-WM-MAIN", "building": b.id} for b in scene.buildings
                        if b.use == "residential"],
        # stand-ins for the codes the 96333 platform issues: five digits, unique per lift
        "rescue_codes": {d: f"{zlib.crc32(d.encode()) % 90000 + 10000:05d}" for d in lifts},
    }


def write(out: Path) -> None:
    scene = build()
    save_scene(scene, out)
    (out / "operations.json").write_text(
        json.dumps(operations(scene), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write the demo compound's scene files.")
    parser.add_argument("out", nargs="?", type=Path, default=OUT,
                        help=f"the scene folder (default: {OUT})")
    write(parser.parse_args().out)
