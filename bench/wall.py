"""``control-room bench wall``: the video wall soak — the demo wall on the simulator, sped up,
for at least an hour of the wall's time, watched for anything that grows.

The engine runs on a VirtualClock at ``--speed`` (10× by default) with the simulator at the
same speed, so an hour of the wall's time passes in six minutes: camera groups rotate at
their dwell, the schedule and takeover holds run on that clock, the simulator's faults raise
alarms that take the wall over and give it back. A supervisor's console (a second room on
the same engine, through the real commands) takes control and switches the preset every
``--switch-min`` wall minutes, so every tile of a preset — the 3D overview, the videos — is
built and torn down again and again.

Sampled every ``--sample-s`` real seconds: resident memory, then resident memory once freed
heap is given back (``malloc_trim``: what the process still holds), open file descriptors, threads
(the kernel's count), VTK objects held from Python, live 3D widgets and Qt widgets. After a
warm-up (the demo feeds starting, the first preset) each series is fitted with a line: the
slope per hour of wall time is the figure (flat means no leak). CPU is the process's own
(``time.process_time``), as the machine is shared. Starts Xvfb when DISPLAY is unset.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import tempfile
import threading
import time

import numpy as np

log = logging.getLogger(__name__)

WARMUP_SHARE = 0.15  # the first part of the run is not fitted: feeds start, caches fill


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hours", type=float, default=1.0, help="hours of the wall's time")
    parser.add_argument("--speed", type=float, default=10.0,
                        help="wall time per real second (0.25–10; the simulator follows)")
    parser.add_argument("--sample-s", type=float, default=10.0,
                        help="real seconds between samples")
    parser.add_argument("--switch-min", type=float, default=5.0,
                        help="wall minutes between preset switches by the console")
    parser.add_argument("--wall-config", default=None,
                        help="the wall file (default: the demo's 2x2 sample)")
    parser.add_argument("--samples-out", metavar="FILE.csv", default=None,
                        help="also write every sample (wall hours, RSS MB, RSS held MB, fds, "
                        "threads, VTK objects, 3D widgets, Qt widgets)")
    parser.add_argument("--no-wall", action="store_true",
                        help="the same engine and console without the wall: the baseline "
                        "that tells the wall's own growth from the engine's")


def _threads() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return threading.active_count()


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _vtk_objects() -> int:
    from vtkmodules.vtkCommonCore import vtkObjectBase

    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, vtkObjectBase))


def _widgets() -> tuple[int, int]:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = QApplication.allWidgets()
    return len(widgets), sum(isinstance(w, QVTKRenderWindowInteractor) for w in widgets)


def _slope_per_hour(hours: np.ndarray, values: np.ndarray) -> float:
    if len(hours) < 3 or np.ptp(hours) <= 0:
        return float("nan")
    return float(np.polyfit(hours, values, 1)[0])


def run(args: argparse.Namespace) -> dict[str, object]:
    from bench.render import _ensure_display

    _ensure_display()
    import msgspec
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.clock import VirtualClock
    from app.config import AppConfig
    from app.facade import commands as c
    from app.facade.local import LocalControlRoom
    from app.facade.session import DEMO_SESSION
    from app.runtime.engine import Engine
    from app.wall.memory import release_free_memory
    from ui.theme import apply_theme
    from ui.wall.display import WallDisplay
    from ui.wall.launch import WALL_SESSION, check_fits, wall_file_for

    hours = 0.1 if args.quick else args.hours
    speed = args.speed
    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    config = AppConfig()
    # a database of its own: a benchmark never writes into the user's control room
    folder = tempfile.TemporaryDirectory(prefix="cr-bench-wall-")
    config = msgspec.structs.replace(
        config, simulator=msgspec.structs.replace(config.simulator, speed=speed),
        database=msgspec.structs.replace(config.database,
                                         url=f"sqlite:///{folder.name}/control-room.db"))
    clock = VirtualClock(time.time(), speed=speed, playing=True)
    engine = Engine(config, clock=clock)
    engine.start()
    wall_room = LocalControlRoom(engine, WALL_SESSION)
    desk_room = LocalControlRoom(engine, DEMO_SESSION)  # the console that switches presets
    wall = wall_file_for(args.wall_config)
    check_fits(wall, wall_room)
    display = None if args.no_wall else WallDisplay(wall_room, wall)
    presets = wall.preset_names
    desk_room.execute(c.TakeWallControl(wall=wall.wall.id))
    state = {"switches": 0, "samples": []}
    cpu0, real0, wall0 = time.process_time(), time.monotonic(), clock()

    def switch() -> None:
        # renew before the lease runs out; each switch rebuilds every tile of the wall
        desk_room.execute(c.TakeWallControl(wall=wall.wall.id))
        name = presets[(state["switches"] + 1) % len(presets)]
        desk_room.execute(c.SetWallPreset(wall=wall.wall.id, preset=name))
        state["switches"] += 1

    def sample() -> None:
        total, vtk_widgets = _widgets()
        rss = _rss_mb()
        # then what the process still holds once freed heap is given back: a leak grows
        # this; glibc arenas keeping freed pages grow only the first
        t0 = time.perf_counter()
        release_free_memory()
        state["trim_ms"] = max(state.get("trim_ms", 0.0), (time.perf_counter() - t0) * 1000)
        state["samples"].append((
            (clock() - wall0) / 3600.0, rss, _rss_mb(), len(os.listdir("/proc/self/fd")),
            _threads(), _vtk_objects(), vtk_widgets, total))

    switch_timer = QTimer()
    switch_timer.setInterval(max(100, round(args.switch_min * 60 / speed * 1000)))
    switch_timer.timeout.connect(switch)
    switch_timer.start()
    sample_timer = QTimer()
    sample_timer.setInterval(round(args.sample_s * 1000))
    sample_timer.timeout.connect(sample)
    sample_timer.start()
    def finish() -> None:
        # the last sample while the wall still stands: quitting closes its windows first,
        # and a sample taken then would count a wall that is being taken down
        sample_timer.stop()
        switch_timer.stop()
        sample()
        app.quit()

    QTimer.singleShot(round(hours * 3600 / speed * 1000), finish)
    sample()
    try:
        app.exec()
    finally:
        switch_timer.stop()
        sample_timer.stop()
        stats = _activity(display) if display is not None else {}
        if display is not None:
            display.close()
        desk_room.close()
        wall_room.close()
        engine.stop()
        folder.cleanup()
    cpu = time.process_time() - cpu0
    real = time.monotonic() - real0
    samples = np.array(state["samples"], dtype=float)
    if getattr(args, "samples_out", None):
        np.savetxt(args.samples_out, samples, delimiter=",", fmt="%.4f",
                   header="wall_h,rss_mb,rss_held_mb,fds,threads,vtk_objects,vtk_widgets,"
                   "qt_widgets")
    stats["malloc_trim_max_ms"] = round(state.get("trim_ms", 0.0), 1)
    return _figures(samples, hours, speed, real, cpu, state["switches"], stats)


def _activity(display) -> dict[str, int]:  # noqa: ANN001

    counts = display.stage.counts
    return {
        "takeovers": counts["started"],
        "reverts_acknowledged": counts["ended:acknowledged"],
        "reverts_cleared": counts["ended:cleared"] + counts["ended:closed"],
        "reverts_timeout": counts["ended:timeout"],
        "reverts_flood_or_preset": counts["ended:flood"] + counts["ended:preset"],
        "floods": counts["flood"],
        "feed_restarts": display.feed_restarts,
    }


def _figures(samples: np.ndarray, hours: float, speed: float, real_s: float, cpu_s: float,
             switches: int, activity: dict[str, int]) -> dict[str, object]:
    fitted = samples[samples[:, 0] >= hours * WARMUP_SHARE]
    t = fitted[:, 0]
    out: dict[str, object] = {
        "wall_shown": "takeovers" in activity,
        "wall_hours": round(float(samples[-1, 0]), 3), "speed": speed,
        "real_s": round(real_s, 1), "samples": len(samples),
        "cpu_s_per_wall_hour": round(cpu_s / max(samples[-1, 0], 1e-9), 1),
        "preset_switches": switches, **activity,
    }
    for column, name in ((1, "rss_mb"), (2, "rss_held_mb"), (3, "fds"), (4, "threads"),
                         (5, "vtk_objects"), (6, "vtk_widgets"), (7, "qt_widgets")):
        series = fitted[:, column]
        out[f"{name}_start"] = round(float(series[0]), 1) if len(series) else None
        out[f"{name}_end"] = round(float(series[-1]), 1) if len(series) else None
        out[f"{name}_max"] = round(float(series.max()), 1) if len(series) else None
        out[f"{name}_slope_per_wall_hour"] = round(_slope_per_hour(t, series), 3)
    return out


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig(level=logging.INFO)
    print(run(argparse.Namespace(quick=True, hours=0.1, speed=10.0, sample_s=5.0,
                                 switch_min=2.0, wall_config=None, no_wall=False)))
