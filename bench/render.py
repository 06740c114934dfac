"""``control-room bench render``: the 3D compound view's speed, under a real X display.

This machine renders in software (Mesa llvmpipe), so the figures that matter are ratios
taken in one run:
1. 10,000 devices, 1,000 status changes per second through the real path (StateStore →
   CompoundView tick at 8 Hz → colour rows → render): frame time vs the same scene with no
   updates (target ratio ≤ 1.3).
2. O(changed): the CPU cost of one tick writing k changed devices, k = 10, 100, 1000, at
   N = 10,000 and 100,000 (no render; it should scale with k, not N).
3. 100,000 devices: frames per second, static and with 1,000 changes/s.
4. Picking (device by projection, building by ray, a hover with its tooltip text) at
   10k / 100k devices. The synthetic devices take every kind in turn, so all five symbol
   families (one actor each) are drawn.
5. Demo scene: load to first rendered frame. 6. Memory (RSS) per 10,000 devices.
Starts Xvfb itself when DISPLAY is unset (the tests' display fixture, which cleans up).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

import numpy as np

from app import paths
from bench.common import ensure_display

W, H = 1280, 800
HZ = 8.0
CHANGES_PER_S = 1000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--frames", type=int, default=20, help="frames per measurement")


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[1])
    return pages * 4096 / 1e6


def _synthetic_scene(n: int):
    """The demo compound's buildings and site with ``n`` devices spread over it."""
    from app.domain.kinds import DEVICE_KINDS
    from app.domain.model import Device, Location, PointSpec
    from app.scene.loader import load_scene

    demo = load_scene(paths.project_root() / "scenes" / "demo")
    rng = np.random.default_rng(5)
    (x0, y0), (x1, y1) = demo.site.bounds
    xyz = np.column_stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n),
                           rng.uniform(-6.0, 90.0, n)])
    spec = {"v": PointSpec(normal=(0.0, 60.0), limits=(-10.0, 80.0))}
    # every kind in turn, so all symbol families (one actor each) are drawn and written
    devices = tuple(Device(f"d{i:06d}", DEVICE_KINDS[i % len(DEVICE_KINDS)], f"d{i}",
                           Location(tuple(map(float, xyz[i]))), spec) for i in range(n))
    return demo.__class__(site=demo.site, buildings=demo.buildings, roads=demo.roads,
                          lawns=demo.lawns, devices=devices)


def _view(app, scene):
    from app.state.store import StateStore
    from ui.compound_view import CompoundView

    store = StateStore(scene.devices)
    view = CompoundView(scene, store, refresh_hz=0.1)  # ticks driven by the bench
    view._timer.stop()
    view.resize(W, H)
    view.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
    view.reset_view()
    for i, d in enumerate(scene.devices):
        store.apply_values(d.id, {"v": 20.0 + (i % 7)}, ts=1.0)
    view.refresh()
    return view, store


def _frames(view, store, frames: int, per_tick: int, rng) -> float:
    """Median ms of one tick (store changes pulled, rows written, frame rendered)."""
    ids = [d.id for d in view.scene.devices]
    times = []
    ts = 2.0
    rendered = []
    view.scene_view.sig_rendered.connect(lambda: rendered.append(1))
    for _ in range(frames):
        for j in rng.integers(0, len(ids), per_tick):
            ts += 1e-3
            store.apply_values(ids[j], {"v": float(rng.choice([20.0, 70.0, 95.0]))}, ts=ts)
        rendered.clear()
        t = time.perf_counter()
        view.refresh()  # renders when something changed
        if not rendered:
            view.scene_view.render()  # exactly one frame per tick either way
        times.append(time.perf_counter() - t)
    return 1e3 * statistics.median(times)


def _write_cost_us(view, k: int, rng, repeats: int = 30) -> float:
    n = len(view.scene.devices)
    times = []
    for _ in range(repeats):
        idx = rng.choice(n, k, replace=False)
        view.look.level[idx] = rng.integers(0, 3, k)
        t = time.perf_counter()
        view._write(idx)
        times.append(time.perf_counter() - t)
    return 1e6 * statistics.median(times)


def _pick_ms(view, rng, repeats: int = 20) -> tuple[float, float, float]:
    """Median ms of a device pick, a building pick, and a hover pick plus its tooltip
    text (camera, device, technician, else building: what a resting pointer costs)."""
    sv = view.scene_view
    dev, bld, hover = [], [], []
    for _ in range(repeats):
        x, y = float(rng.uniform(0, W)), float(rng.uniform(0, H))
        t = time.perf_counter()
        sv.pick_at(x, y)
        dev.append(time.perf_counter() - t)
        t = time.perf_counter()
        sv.pick_building(x, y)
        bld.append(time.perf_counter() - t)
        t = time.perf_counter()
        hit = sv.hit_at(x, y)
        if hit is not None:
            view.tips.text_for(hit)
        hover.append(time.perf_counter() - t)
    return tuple(1e3 * statistics.median(v) for v in (dev, bld, hover))


def run(args: argparse.Namespace) -> dict[str, object]:
    ensure_display("bench render")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    frames = 10 if args.quick else args.frames
    rng = np.random.default_rng(1)
    out: dict[str, object] = {}

    # 5. demo scene: load → first frame (first, while nothing is cached)
    from app.scene.loader import load_scene
    from app.state.store import StateStore
    from ui.compound_view import CompoundView

    t0 = time.perf_counter()
    demo = load_scene(paths.project_root() / "scenes" / "demo")
    view = CompoundView(demo, StateStore(demo.devices))
    view.resize(W, H)
    rendered = []
    view.scene_view.sig_rendered.connect(lambda: rendered.append(time.perf_counter()))
    view.show()
    while not rendered and time.perf_counter() - t0 < 30:
        app.processEvents()
    out["demo_devices"] = len(demo.devices)
    out["demo_load_to_first_frame_s"] = round(rendered[0] - t0, 3) if rendered else None
    view.close()
    view.deleteLater()
    app.processEvents()

    per_tick = round(CHANGES_PER_S / HZ)
    sizes = (10_000,) if args.quick else (10_000, 100_000)
    for n in sizes:
        gc.collect()
        rss0 = _rss_mb()
        view, store = _view(app, _synthetic_scene(n))
        label = f"{n // 1000}k"
        # interleaved, so load from other processes hits both alike
        static_runs, updating_runs = [], []
        for _ in range(frames):
            static_runs.append(_frames(view, store, 1, 0, rng))
            updating_runs.append(_frames(view, store, 1, per_tick, rng))
        static = statistics.median(static_runs)
        updating = statistics.median(updating_runs)
        out[f"frame_ms_static_{label}"] = round(static, 2)
        out[f"frame_ms_updating_{label}"] = round(updating, 2)
        out[f"update_ratio_{label}"] = round(updating / static, 3)
        out[f"fps_static_{label}"] = round(1e3 / static, 1)
        out[f"fps_updating_{label}"] = round(1e3 / updating, 1)
        for k in (10, 100, 1000):
            out[f"write_us_k{k}_{label}"] = round(_write_cost_us(view, k, rng), 1)
        dev_ms, bld_ms, hover_ms = _pick_ms(view, rng)
        out[f"pick_device_ms_{label}"] = round(dev_ms, 2)
        out[f"pick_building_ms_{label}"] = round(bld_ms, 2)
        out[f"hover_pick_ms_{label}"] = round(hover_ms, 2)
        out[f"rss_mb_per_10k_devices_{label}"] = round((_rss_mb() - rss0) / (n / 10_000), 1)
        view.close()
        view.deleteLater()
        app.processEvents()
    out["changes_per_s"] = CHANGES_PER_S
    out["tick_hz"] = HZ
    out["window_px"] = f"{W}x{H}"
    return out


if __name__ == "__main__":  # pragma: no cover
    ns = argparse.Namespace(quick=True, frames=10)
    print(run(ns))
