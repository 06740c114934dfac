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
warm-up (the demo feeds starting, every preset built once) each series is fitted with a line: the
slope per hour of wall time is the figure (flat means no leak). CPU is the process's own
(``time.process_time``), as the machine is shared. Starts Xvfb when DISPLAY is unset.
``events_waiting`` is the engine's changes the GUI thread has not handled yet: when it
grows, the wall is behind its stream (a starved CPU) and memory grows with the queue. The
process caps glibc's arenas as the wall does (app/wall/memory.py).
"""

from __future__ import annotations

import argparse
import gc
import logging
import math
import os
import pickle
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable

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
                        "threads, VTK objects, 3D widgets, Qt widgets, events waiting, 1-minute load, "
                        "held anonymous MB, held file-mapped MB)")
    parser.add_argument("--no-wall", action="store_true",
                        help="the same engine and console without the wall: the baseline "
                        "that tells the wall's own growth from the engine's")
    parser.add_argument("--tiles", default=None, metavar="KIND,...",
                        help="keep only these tile kinds (overview, cameras, alarms, kpi, "
                        "trend, map): run the wall with kinds left out to find what grows")
    parser.add_argument("--census", action="store_true",
                        help="Python objects by type and Qt objects by class, counted after "
                        "the warm-up and at the end (in a forked copy: costs the run nothing)")
    parser.add_argument("--no-fork", action="store_true",
                        help="do not count VTK objects (each count forks a copy of the "
                        "process): for a run under an allocation tracer such as heaptrack, "
                        "which a forked copy would confuse")
    parser.add_argument("--diagnose", action="store_true",
                        help="also trace Python allocations and count Python and Qt objects "
                        "after the warm-up and at the end, and print what grew most")


def _status(field: str) -> int:
    """One number from /proc/self/status (``Threads``, or ``RssAnon`` etc. in kB)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _threads() -> int:
    return _status("Threads") or threading.active_count()


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def count_objects(key: Callable[[object], object]) -> Counter:
    """Every object the garbage collector tracks, counted by ``key`` (its results must
    pickle), in a forked copy of this process.

    Counting here would hold a reference to every object, among them a tuple another
    thread is still filling (``tuple(generator)`` runs Python code mid-build and can lose
    the GIL there); that thread then finds its tuple shared and fails with ``SystemError:
    bad argument to internal function`` (seen: a failed alarm tick and a failed camera
    frame in the engine under measurement). Keeping the GIL meanwhile is no cure: a
    switch interval set huge for it is global, and a thread that takes the GIL first
    keeps it for that long (a test hung so). The fork's copy has this thread alone."""
    gc.collect()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: count, write, leave without any cleanup of the parent's
        try:
            os.close(read)
            payload = pickle.dumps(Counter(map(key, gc.get_objects())))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        payload = answer.read()
    os.waitpid(pid, 0)
    return pickle.loads(payload) if payload else Counter()


def _vtk_objects() -> int:
    from vtkmodules.vtkCommonCore import vtkObjectBase

    return count_objects(lambda o: isinstance(o, vtkObjectBase))[True]


def _widgets() -> tuple[int, int]:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = QApplication.allWidgets()
    return len(widgets), sum(isinstance(w, QVTKRenderWindowInteractor) for w in widgets)


def _keep_kinds(wall, kinds: str | None):  # noqa: ANN001, ANN202 (a WallFile)
    """The wall file with only the tiles of ``kinds`` (comma-separated tile kinds)."""
    if not kinds:
        return wall
    import msgspec

    keep = {k.strip() for k in kinds.split(",") if k.strip()}
    known = {"overview", "cameras", "alarms", "kpi", "trend", "map"}
    if keep - known:
        from app.cli import UsageError

        raise UsageError(f"--tiles: no tile kind {sorted(keep - known)[0]!r} "
                         f"(one of {', '.join(sorted(known))})")

    def layout(preset):  # noqa: ANN001, ANN202
        return msgspec.structs.replace(preset, tiles=[
            t for t in preset.tiles if t.__struct_config__.tag in keep])
    return msgspec.structs.replace(wall, monitors=[
        msgspec.structs.replace(m, presets={n: layout(p) for n, p in m.presets.items()})
        for m in wall.monitors])


class _Backlog:
    """Changes the engine streamed to the wall's room that the GUI thread has not handled
    yet (the bridge queues each one as a Qt event): a wall slower than its stream holds
    them all, and its memory grows with them."""

    def __init__(self, room) -> None:  # noqa: ANN001 (a ControlRoom)
        from ui.bridge import RoomBridge

        self.sent = self.handled = 0
        self._sub = room.subscribe(self._sent)  # after the bridge's: counted as it queues
        bridge = RoomBridge.of(room)
        for sig in (bridge.sig_alarm, bridge.sig_dispatch, bridge.sig_camera, bridge.sig_link,
                    bridge.sig_other):
            sig.connect(self._handled)

    def _sent(self, _event: object) -> None:  # the engine's threads
        self.sent += 1

    def _handled(self, _event: object) -> None:
        self.handled += 1

    def waiting(self) -> int:
        return max(0, self.sent - self.handled)


class _Census:
    """``--diagnose``: Python allocations by line (tracemalloc), Python objects by type and
    Qt objects by class, taken after the warm-up and at the end; what grew between."""

    def __init__(self, *, trace: bool = True) -> None:
        import tracemalloc

        self.trace = trace  # tracemalloc's by-line census slows the whole process down
        if trace:
            tracemalloc.start(4)
        self.first: tuple | None = None

    @staticmethod
    def _take() -> tuple:
        import tracemalloc

        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication

        types = count_objects(lambda o: type(o).__qualname__)
        qt: Counter[str] = Counter()
        app = QApplication.instance()
        roots = [app, *QApplication.topLevelWidgets()]
        for root in roots:
            for obj in [root, *root.findChildren(QObject)]:
                qt[type(obj).__name__] += 1
        return (tracemalloc.take_snapshot() if tracemalloc.is_tracing() else None), types, qt

    def mark(self) -> None:
        if self.first is None:
            self.first = self._take()

    def report(self, top: int = 12) -> dict[str, object]:
        if self.first is None:
            return {}
        snap0, types0, qt0 = self.first
        snap1, types1, qt1 = self._take()
        out: dict[str, object] = {}
        if snap0 is not None and snap1 is not None:
            lines = snap1.compare_to(snap0, "traceback")[:top]
            out["py_heap_growth_kb"] = round(sum(d.size_diff for d in snap1.compare_to(
                snap0, "filename")) / 1024, 1)
            out["py_growth_by_site"] = [
                f"{d.size_diff / 1024:+.1f} KB {d.count_diff:+d} at "
                + " → ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}"  # caller → callee
                             for f in d.traceback) for d in lines]
        grew = sorted(((types1[k] - types0.get(k, 0), k) for k in types1), reverse=True)
        out["py_objects_grown"] = [f"{k} {n:+d}" for n, k in grew[:top] if n > 0]
        qgrew = sorted(((qt1[k] - qt0.get(k, 0), k) for k in qt1), reverse=True)
        out["qt_objects_grown"] = [f"{k} {n:+d}" for n, k in qgrew[:top] if n > 0]
        return out


def _slope_per_hour(hours: np.ndarray, values: np.ndarray) -> float:
    if len(hours) < 3 or np.ptp(hours) <= 0:
        return float("nan")
    return float(np.polyfit(hours, values, 1)[0])


def run(args: argparse.Namespace) -> dict[str, object]:
    # the arguments first: a refusal after the engine has started would leave it running
    no_fork = getattr(args, "no_fork", False)
    if no_fork and (getattr(args, "census", False) or getattr(args, "diagnose", False)):
        raise SystemExit("bench wall: --census and --diagnose count in a forked copy; "
                         "leave them out with --no-fork")
    from app.wall.memory import heap_in_use_mb, limit_malloc_arenas
    from bench.common import ensure_display

    arenas = limit_malloc_arenas()  # as the wall process does (CONTROL_ROOM_MALLOC_ARENAS=0: not)
    ensure_display("bench wall")
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
    # a data folder of its own (database, evidence clips, pending alarms): a benchmark
    # never writes into the user's control room
    folder = tempfile.TemporaryDirectory(prefix="cr-bench-wall-")
    os.environ["CONTROL_ROOM_DATA"] = folder.name
    config = msgspec.structs.replace(
        config, simulator=msgspec.structs.replace(config.simulator, speed=speed),
        database=msgspec.structs.replace(config.database,
                                         url=f"sqlite:///{folder.name}/control-room.db"))
    clock = VirtualClock(time.time(), speed=speed, playing=True)
    engine = Engine(config, clock=clock)
    engine.start()
    wall_room = LocalControlRoom(engine, WALL_SESSION)
    desk_room = LocalControlRoom(engine, DEMO_SESSION)  # the console that switches presets
    wall = _keep_kinds(wall_file_for(args.wall_config), getattr(args, "tiles", None))
    check_fits(wall, wall_room)
    display = None if args.no_wall else WallDisplay(wall_room, wall)
    backlog = _Backlog(wall_room)
    presets = wall.preset_names
    desk_room.execute(c.TakeWallControl(wall=wall.wall.id))
    state = {"switches": 0, "samples": []}
    census = (_Census() if getattr(args, "diagnose", False)
              else _Census(trace=False) if getattr(args, "census", False) else None)
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
            _threads(), math.nan if no_fork else _vtk_objects(), vtk_widgets, total,
            backlog.waiting(),
            os.getloadavg()[0],
            # held memory split: the heap and anonymous maps (what a leak grows) and pages
            # of mapped files (libraries' code touched for the first time: bounded by them)
            _status("RssAnon") / 1e3, (_status("RssFile") + _status("RssShmem")) / 1e3,
            # what the allocator says is in use (a leak grows this; fragmentation does not)
            # and Python's own allocated blocks (thousands)
            heap_in_use_mb(), sys.getallocatedblocks() / 1e3))
        if display is not None and "all_shown" not in state:
            # warm until every preset has been built once: each window keeps its preset's
            # 3D overview (ui/wall/window.py), so the first showing of each is a step, not
            # a slope; a loaded machine delays the switches past the warm-up share
            shown = state.setdefault("shown", set())
            shown.add(display.preset)
            if len(shown) == len(presets):
                state["all_shown"] = len(state["samples"])  # fit from the next sample
        warm = (state["samples"][-1][0] >= hours * WARMUP_SHARE
                and (display is None or "all_shown" in state))
        if warm and "fit_from" not in state:
            state["fit_from"] = len(state["samples"])
            if census is not None:
                census.mark()  # its snapshot holds tens of MB from here on

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
        _write_samples(getattr(args, "samples_out", None), state["samples"])
        if census is not None:
            state["census"] = census.report()
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
    stats["malloc_trim_max_ms"] = round(state.get("trim_ms", 0.0), 1)
    out = _figures(samples, hours, speed, real, cpu, state["switches"], stats,
                   state.get("fit_from"))
    out["tiles"] = getattr(args, "tiles", None) or "all"
    out["malloc_arenas"] = arenas or "glibc default"
    return {**out, **state.get("census", {})}


def _write_samples(path: str | None, samples: list[tuple]) -> None:
    # written when the run ends, before the teardown: a slow stop loses no figures
    if path:
        np.savetxt(path, np.array(samples, dtype=float), delimiter=",", fmt="%.4f",
                   header="wall_h,rss_mb,rss_held_mb,fds,threads,vtk_objects,vtk_widgets,"
                   "qt_widgets,events_waiting,load1,rss_anon_mb,rss_file_mb,"
                   "heap_in_use_mb,py_blocks_k")


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
             switches: int, activity: dict[str, int],
             fit_from: int | None = None) -> dict[str, object]:
    """``fit_from``: the first sample index to fit: the one after the warm-up (its share of
    the run, and every preset built once; ``--diagnose``'s snapshot is taken then)."""
    warmed = fit_from is not None and fit_from < len(samples)
    # a run that ended before its warm-up (``--quick``) reports its last sample, no slope
    fitted = samples[fit_from:] if warmed else samples[-1:]
    t = fitted[:, 0]
    out: dict[str, object] = {
        "wall_shown": "takeovers" in activity,
        "wall_hours": round(float(samples[-1, 0]), 3), "speed": speed,
        "real_s": round(real_s, 1), "samples": len(samples),
        "cpu_s_per_wall_hour": round(cpu_s / max(samples[-1, 0], 1e-9), 1),
        "fit_from_wall_h": round(float(t[0]), 3) if warmed else None,
        "preset_switches": switches, **activity,
        # the machine is shared: the 1-minute load average while the run sampled
        "load1_mean": round(float(samples[:, 9].mean()), 1),
        "load1_max": round(float(samples[:, 9].max()), 1),
    }
    for column, name in ((1, "rss_mb"), (2, "rss_held_mb"), (3, "fds"), (4, "threads"),
                         (5, "vtk_objects"), (6, "vtk_widgets"), (7, "qt_widgets"),
                         (8, "events_waiting"), (10, "rss_anon_mb"), (11, "rss_file_mb"),
                         (12, "heap_in_use_mb"), (13, "py_blocks_k")):
        series = fitted[:, column]
        if np.isnan(series).any():  # not counted in this run (``--no-fork``)
            out.update({f"{name}_{what}": None
                        for what in ("start", "end", "max", "slope_per_wall_hour")})
            continue
        out[f"{name}_start"] = round(float(series[0]), 1) if len(series) else None
        out[f"{name}_end"] = round(float(series[-1]), 1) if len(series) else None
        out[f"{name}_max"] = round(float(series.max()), 1) if len(series) else None
        out[f"{name}_slope_per_wall_hour"] = round(_slope_per_hour(t, series), 3)
    return out


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig(level=logging.INFO)
    print(run(argparse.Namespace(quick=True, hours=0.1, speed=10.0, sample_s=5.0,
                                 switch_min=2.0, wall_config=None, no_wall=False,
                                 tiles=None, diagnose=False, census=False,
                                 no_fork=False)))
