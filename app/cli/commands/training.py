"""``control-room training …``: scenarios, results and reports of training mode.

- ``training list``: the shipped scenarios (scenes/<scene>/training);
- ``training check FILE…``: check scenarios against the scene (one line per mistake, exit 2);
- ``training results [--trainee NAME] [--scenario ID] [--json]``: the kept results and each
  trainee's progress per scenario (first, best, last score);
- ``training report ID… --out FILE.html|FILE.pdf``: the debriefs of some results, one page
  per run.

A training session itself starts with ``control-room --training SCENARIO`` (a window) or
``control-room serve --training SCENARIO`` (an instructor's and a trainee's consoles).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from app.cli import UsageError, add_config_options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("training", help="training scenarios, results and reports",
                            description=__doc__.split("\n\n")[0])
    add_config_options(parser)
    parser.add_argument("--home", metavar="DIR",
                        help="the training folder (default: <user data>/training)")
    actions = parser.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="the shipped scenarios")
    check = actions.add_parser("check", help="check scenario files against the scene")
    check.add_argument("files", nargs="+", metavar="FILE")
    results = actions.add_parser("results", help="kept results and progress")
    results.add_argument("--trainee", metavar="NAME")
    results.add_argument("--scenario", metavar="ID")
    results.add_argument("--json", action="store_true", help="one JSON object on stdout")
    report = actions.add_parser("report", help="export debriefs as HTML or PDF")
    report.add_argument("ids", nargs="+", metavar="ID", help="result ids (from `results`)")
    report.add_argument("--out", required=True, metavar="FILE.html|FILE.pdf")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.training.session import results_url, training_home

    home = Path(args.home) if args.home else training_home()
    if args.training_command == "list":
        return _list(args)
    if args.training_command == "check":
        return _check(args)
    url = results_url(home)
    if not (home / "training.db").is_file():
        raise UsageError(f"no training result kept yet in {home}")
    if args.training_command == "results":
        return _results(url, args)
    return _report(url, args)


def _scene(args: argparse.Namespace):  # noqa: ANN202
    from app import paths
    from app.scene.errors import SceneError
    from app.scene.loader import load_scene

    config = args.app_config
    folder = Path(config.scene.dir) if config.scene.dir else paths.demo_scene_dir()
    try:
        return folder, load_scene(folder)
    except SceneError as exc:
        raise UsageError(str(exc)) from None


def _list(args: argparse.Namespace) -> int:
    from app.training.scenario import ScenarioError, load_scenario

    folder, scene = _scene(args)
    files = sorted((folder / "training").glob("*.toml"))
    if not files:
        print(f"no scenario in {folder / 'training'}")
        return 0
    for path in files:
        try:
            s = load_scenario(path, scene)
        except ScenarioError as exc:
            print(f"{path.name}: BROKEN: {exc}")
            continue
        print(f"{path}  {s.id}  [{s.spec.staff}]  {s.duration_s / 60:.0f} min  {s.title}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from app.training.scenario import ScenarioError, load_scenario

    _, scene = _scene(args)
    bad = 0
    for name in args.files:
        try:
            s = load_scenario(name, scene)
        except ScenarioError as exc:
            print(f"control-room: error: {exc}", file=sys.stderr)
            bad += 1
            continue
        print(f"{name}: ok ({len(s.spec.timeline)} events, {len(s.spec.expected)} expected "
              f"actions, {s.duration_s / 60:.0f} min)")
    return 2 if bad else 0


def _results(url: str, args: argparse.Namespace) -> int:
    import msgspec

    from app.training.results import list_results, progress

    rows = list_results(url, trainee=args.trainee, scenario=args.scenario)
    if args.json:
        json.dump({"results": msgspec.to_builtins(rows),
                   "progress": msgspec.to_builtins(progress(rows))}, sys.stdout,
                  ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        print(f"{r.id}  {time.strftime('%Y-%m-%d %H:%M', time.localtime(r.started_at))}  "
              f"{r.trainee:<12} {r.scenario_id:<22} {r.score:5.1f}")
    for p in progress(rows):
        print(f"{p.trainee} · {p.scenario_id}: {p.runs} runs, first {p.first:.0f}, "
              f"best {p.best:.0f}, last {p.last:.0f}")
    return 0


def _report(url: str, args: argparse.Namespace) -> int:
    from app.training.report import ReportError, write_report
    from app.training.results import load_debriefs

    try:
        debriefs = load_debriefs(url, args.ids)
        path = write_report(debriefs, args.out)
    except (KeyError, ReportError) as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    print(path)
    return 0
