"""The ``control-room`` command line (CONTRACTS.md).

Subcommands live one per module in ``app.cli.commands``; each module defines
``register(subparsers)`` which adds its parser and sets ``func(args) -> int``. The GUI (no
subcommand) is started by ``ui.cli``, the installed entry point, so app/ never imports Qt.
A user's mistake exits 2 with one line naming it; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.cli import commands
from app.cli.args import seconds
from app.config import AppConfig, ConfigError, load_config


class UsageError(Exception):
    """A bad argument or input file named by the user: exit 2 with this one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(2, f"{self.prog}: error: {message}\n")


#: options for the engine's configuration; a command takes those it uses (add_config_options)
CONFIG_OPTIONS = {
    "config": ("FILE.toml", "configuration file"),
    "broker": ("URL", "MQTT broker, e.g. mqtt://localhost:1883"),
    "db": ("URL", "database URL (SQLAlchemy form)"),
    "scene": ("DIR", "scene folder (default: the demo)"),
}
#: top-level options only the GUI (no command) reads
GUI_OPTIONS = ("lang", "screenshot", "panel", "workspace", "server", "wall", "wall_config",
               "training", "trainee", "training_progress", "quit_after")


def add_config_options(parser: argparse.ArgumentParser, *names: str) -> None:
    """The config options a command uses (all four when none are named); flags override the
    config file. Each may also be given before the command (``control-room --config F
    serve``): ``run`` merges the two places, and refuses an option the command does not take
    instead of ignoring it. The loaded config reaches commands as ``args.app_config``."""
    for name in names or tuple(CONFIG_OPTIONS):
        metavar, text = CONFIG_OPTIONS[name]
        parser.add_argument(f"--{name}", metavar=metavar, help=text)


def config_from_args(args: argparse.Namespace) -> AppConfig:
    """The config file (if any) with the command-line flags applied on top."""
    import msgspec

    config = load_config(getattr(args, "config", None))
    if getattr(args, "broker", None):
        config = msgspec.structs.replace(
            config, mqtt=msgspec.structs.replace(config.mqtt, url=args.broker))
    if getattr(args, "db", None):
        config = msgspec.structs.replace(
            config, database=msgspec.structs.replace(config.database, url=args.db))
    if getattr(args, "scene", None):
        config = msgspec.structs.replace(
            config, scene=msgspec.structs.replace(config.scene, dir=args.scene))
    return config


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="control-room",
        description="Control room of a residential compound. Without a command it opens the "
        "GUI on the embedded demo (demo compound, simulator, demo cameras).",
    )
    parser.add_argument("--version", action="version", version=f"control-room {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    # top-level options land under "top_*" so a command's option of the same name cannot
    # overwrite them unseen; run() merges them (_settle_top_options)
    for name, (metavar, text) in CONFIG_OPTIONS.items():
        parser.add_argument(f"--{name}", dest=f"top_{name}", metavar=metavar, help=text)
    parser.add_argument("--lang", dest="top_lang", choices=["zh_CN", "en"],
                        help="UI language (default: locale)")
    parser.add_argument("--screenshot", dest="top_screenshot", metavar="FILE.png",
                        help="save the whole window once live data is drawn, then exit")
    parser.add_argument("--panel", dest="top_panel",
                        choices=["alarms", "dispatch", "cameras", "operations"],
                        help="bring this bottom panel to the front at start")
    parser.add_argument("--workspace", dest="top_workspace",
                        choices=["security", "engineering", "dispatch", "supervision",
                                 "operations", "audit"],
                        help="the desk's layout (default: by the user's role)")
    parser.add_argument("--server", dest="top_server", metavar="URL",
                        help="be a console of a running `control-room serve` "
                        "(e.g. http://control-room.local:8780); the user signs in")
    parser.add_argument("--wall", dest="top_wall", action="store_true", default=None,
                        help="large-screen wall-display mode: one frameless window per "
                        "monitor of the wall file, read-only (with --server: a console "
                        "signed in with a wall account)")
    parser.add_argument("--wall-config", dest="top_wall_config", metavar="WALL.toml",
                        help="the wall file: monitors, presets, schedule (default: the demo's "
                        "2x2 sample); without --wall the desk also shows the wall on its "
                        "other screens")
    parser.add_argument("--training", dest="top_training", metavar="SCENARIO",
                        help="a training session on a scenario file (or a recording, played "
                        "as it is): nothing reaches the real compound")
    parser.add_argument("--trainee", dest="top_trainee", metavar="NAME",
                        help="who trains (with --training; default: this computer's user)")
    parser.add_argument("--training-progress", dest="top_training_progress",
                        action="store_true", default=None,
                        help="a supervisor's view of the trainees' kept results")
    parser.add_argument("--quit-after", dest="top_quit_after", metavar="S", type=seconds,
                        help="quit after S seconds (with --screenshot: at the latest)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def run(argv: Sequence[str] | None,
        gui: Callable[[argparse.Namespace], int] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "bench_options", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    _settle_top_options(parser, args)
    args.rest = rest  # a benchmark's own options, parsed by the benchmark
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        # a bad config file is caught here, once, as exit 2, whatever the command
        args.app_config = config_from_args(args)
        if args.command is None:
            if gui is None:
                parser.error("the GUI is not available in this build; give a command")
            return gui(args)
        return args.func(args)
    except (ConfigError, UsageError) as exc:
        print(f"control-room: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _settle_top_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Merge the options given before the command into the command's own: an option works
    in either position, or is refused when the command does not take it (``--db X db
    stats`` used to be ignored, and the default database created)."""
    command = args.command
    for name in (*GUI_OPTIONS, *CONFIG_OPTIONS):
        top = getattr(args, f"top_{name}")
        if command is None:
            setattr(args, name, top)
            continue
        if top is None:
            continue
        flag = f"--{name.replace('_', '-')}"
        if not hasattr(args, name):  # the command has no such option
            if name in GUI_OPTIONS:
                parser.error(f"{flag} is an option of the GUI (control-room without a "
                             f"command), not of {command!r}")
            parser.error(f"{flag} does not apply to {command!r}")
        own = getattr(args, name)
        if own is not None and own != top:
            parser.error(f"{flag} given twice, before and after {command!r}: "
                         f"{top!r} and {own!r}")
        setattr(args, name, top)


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv)
