"""Operations benchmark: a month of the demo compound (4,900 devices, ~2,700 metered points
registering every 5 minutes) aggregated into meter-hours with their costs, then the monthly
report rendered as PDF and HTML.

The month's history is written once (``operations_data.fill``, not timed) and kept in the
user data folder for the next run (``--fresh`` rebuilds it). The timed part runs in a fresh
process so its peak memory is its own: aggregating a month and reporting it, the way the
engine's catch-up and ``control-room report monthly`` do. CPU time of that process is the
figure (the machine is shared); wall time is printed beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from app import paths

CST = dt.timezone(dt.timedelta(hours=8))
FORMAT_VERSION = 1  # bump when operations_data writes something different


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--days", type=int, default=30, help="days of history (default 30)")
    parser.add_argument("--db", metavar="URL", help="database to use (default: a SQLite file "
                        "kept in the user data folder)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the history")
    parser.add_argument("--seed", type=int, default=7)


def _prepare(url: str, days: int, seed: int, fresh: bool) -> dict[str, float]:
    import sqlalchemy as sa

    from app.operations.config import load_operations_config
    from app.scene.loader import load_scene
    from app.storage import open_database
    from bench.operations_data import fill

    scene_dir = paths.demo_scene_dir()
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            have = conn.execute(sa.text("SELECT count(*) FROM charger_sessions")).scalar()
        if have and not fresh:
            return {"history_reused": 1}
        start = dt.datetime(2025, 6, 1, tzinfo=CST).timestamp()
        counts = fill(engine, load_scene(scene_dir), load_operations_config(scene_dir), start,
                      days, site="demo", seed=seed)
    finally:
        engine.dispose()
    return {"history_write_s": round(counts["seconds"], 1),
            "history_readings": int(counts["readings"])}


def _timed(url: str, days: int, out_dir: str, queue) -> None:  # noqa: ANN001
    """In a fresh process: aggregate the month, report it; figures onto ``queue``."""
    import sqlalchemy as sa

    from app.operations.aggregate import aggregate
    from app.operations.config import load_operations_config
    from app.operations.metering import metered_points
    from app.operations.report import gather, write_report
    from app.operations.tariff_store import freeze
    from app.operations.tariffs import load_tariffs
    from app.scene.loader import load_scene
    from app.storage import open_database

    scene_dir = paths.demo_scene_dir()
    scene, config = load_scene(scene_dir), load_operations_config(scene_dir)
    engine = open_database(url)
    with engine.begin() as conn:  # a real aggregation, not a no-op on finished rows
        conn.execute(sa.text("DELETE FROM meter_hours WHERE site = 'demo'"))
    start = dt.datetime(2025, 6, 1, tzinfo=CST).timestamp()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0, wall0 = time.process_time(), time.perf_counter()
    book, _ = freeze(engine, "demo", load_tariffs())
    points = metered_points(scene.devices, config)
    result = aggregate(engine, "demo", points, book, start, start + days * 86400,
                       now=start + (days + 1) * 86400)
    cpu1, wall1 = time.process_time(), time.perf_counter()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data = gather(engine, scene, config, "monthly", dt.date(2025, 6, 1))
    write_report(data, Path(out_dir) / "monthly.pdf")
    write_report(data, Path(out_dir) / "monthly.html")
    cpu2, wall2 = time.process_time(), time.perf_counter()
    engine.dispose()
    queue.put({
        "devices": len(scene.devices), "metered_points": len(points),
        "register_samples": result.samples, "meter_hours_rows": result.rows,
        "aggregate_cpu_s": round(cpu1 - cpu0, 2), "aggregate_wall_s": round(wall1 - wall0, 2),
        "report_cpu_s": round(cpu2 - cpu1, 2), "report_wall_s": round(wall2 - wall1, 2),
        "month_total_cpu_s": round(cpu2 - cpu0, 2),
        "month_total_wall_s": round(wall2 - wall0, 2),
        "samples_per_cpu_s": round(result.samples / max(cpu1 - cpu0, 1e-9)),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "aggregate_rss_growth_mb": round((rss1 - rss0) / 1024, 1),
        "report_pdf_kb": round((Path(out_dir) / "monthly.pdf").stat().st_size / 1024),
    })


def run(args: argparse.Namespace) -> dict[str, object]:
    days = 2 if args.quick else args.days
    url = args.db or f"sqlite:///{paths.user_data_dir()}/bench-operations-{days}d-" \
                     f"{args.seed}-v{FORMAT_VERSION}.db"
    figures: dict[str, object] = {"days": days}
    figures.update(_prepare(url, days, args.seed, args.fresh))
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    with tempfile.TemporaryDirectory() as out_dir:
        child = context.Process(target=_timed, args=(url, days, out_dir, queue))
        child.start()
        result = queue.get(timeout=3600)
        child.join()
    figures.update(result)
    figures["under_a_minute"] = bool(result["month_total_cpu_s"] < 60.0)
    return figures
