"""A synthetic compound with a walkway graph, for tests and the benchmark.

Rows of towers along roads; each tower has a lobby on the road, a stair core and an
elevator shaft (one node per floor for each), and two flats per floor off the corridor.
Small (2 towers × 4 floors) for tests, large (dozens of towers × 30 floors) for the bench.
"""

from __future__ import annotations

from app.domain.model import Device, Location, Technician
from app.scene.model import Building, Scene, Site, WalkEdge, WalkNode

FLOOR_H = 3.0


def synthetic_compound(towers_x: int = 2, towers_y: int = 1, floors: int = 4, *,
                       spacing_m: float = 40.0, elevator: bool = True) -> Scene:
    nodes: list[WalkNode] = []
    edges: list[WalkEdge] = []
    buildings: list[Building] = []
    devices: list[Device] = []

    def node(nid: str, xyz: tuple[float, float, float], b: str | None = None,
             f: int | None = None) -> str:
        nodes.append(WalkNode(id=nid, xyz=xyz, building=b, floor=f))
        return nid

    for ix in range(towers_x):
        for iy in range(towers_y):
            bid = f"B{ix * towers_y + iy + 1}"
            cx, cy = ix * spacing_m, iy * spacing_m
            buildings.append(Building(
                id=bid, name=bid, use="residential", floors=floors, floor_height_m=FLOOR_H,
                footprint=((cx - 10, cy + 5), (cx + 10, cy + 5), (cx + 10, cy + 20),
                           (cx - 10, cy + 20))))
            road = node(f"road-{ix}-{iy}", (cx, cy, 0.0))
            # road grid: to the east and north neighbours
            if ix > 0:
                edges.append(WalkEdge(f"road-{ix - 1}-{iy}", road, "road"))
            if iy > 0:
                edges.append(WalkEdge(f"road-{ix}-{iy - 1}", road, "road"))
            for f in range(1, floors + 1):
                z = (f - 1) * FLOOR_H
                stair = node(f"{bid}-stair-{f}", (cx - 8, cy + 12, z), bid, f)
                lift = node(f"{bid}-lift-{f}", (cx + 8, cy + 12, z), bid, f)
                corridor = node(f"{bid}-corr-{f}", (cx, cy + 12, z), bid, f)
                edges += [WalkEdge(stair, corridor), WalkEdge(corridor, lift)]
                for k, dx in enumerate((-5.0, 5.0)):
                    flat = node(f"{bid}-{f}0{k + 1}", (cx + dx, cy + 18, z), bid, f)
                    edges.append(WalkEdge(corridor, flat))
                if f == 1:
                    edges.append(WalkEdge(road, corridor))
                else:
                    edges.append(WalkEdge(f"{bid}-stair-{f - 1}", stair, "stairs"))
                    if elevator:
                        edges.append(WalkEdge(f"{bid}-lift-{f - 1}", lift, "elevator"))
            devices.append(Device(id=f"{bid}-elevator", kind="elevator", name=f"{bid} lift",
                                  location=Location((cx + 8, cy + 12, 0.0), bid, 1)))
            devices.append(Device(id=f"{bid}-pump", kind="water_pump", name=f"{bid} pump",
                                  location=Location((cx, cy + 15, 0.0), bid, 1)))
    return Scene(site=Site(name="synthetic"), buildings=tuple(buildings),
                 walk_nodes=tuple(nodes), walk_edges=tuple(edges), devices=tuple(devices))


def technician(tid: str, skills: tuple[str, ...], certified: tuple[str, ...] = (),
               home: tuple[float, float, float] = (0.0, 0.0, 0.0),
               shift: str = "day") -> Technician:
    return Technician(id=tid, name=f"Tech {tid}", skills=skills, certified=certified,
                      shift=shift, home_xyz=home)
