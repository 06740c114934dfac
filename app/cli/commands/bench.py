"""``control-room bench NAME [--json]``: run one benchmark from the top-level bench/ package."""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from app.cli import UsageError

BENCHES = ("ingest", "render", "detect", "dispatch", "alarms", "seats", "operations",
           "hostile", "construction", "wall", "training", "startup")


def register(sub: argparse._SubParsersAction) -> None:
    # -h is the benchmark's own once it is named: ``bench detect --help`` lists detect's
    # options (the top-level parser's help did not know them)
    parser = sub.add_parser("bench", help="run a benchmark and print its figures",
                            add_help=False)
    parser.add_argument("name", choices=BENCHES, nargs="?")
    parser.add_argument("-h", "--help", action="store_true", dest="bench_help",
                        help="show this help (with NAME: the benchmark's own options)")
    parser.add_argument("--json", action="store_true", help="one flat JSON object on stdout")
    parser.add_argument("--quick", action="store_true", help="a short run, for smoke tests")
    parser.set_defaults(func=_run, bench_options=True, bench_parser=parser)


def _run(args: argparse.Namespace) -> int:
    if args.name is None:
        if args.bench_help:
            args.bench_parser.print_help()
            return 0
        raise UsageError(f"name a benchmark: {', '.join(BENCHES)}")
    try:
        module = importlib.import_module(f"bench.{args.name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("bench"):
            raise UsageError(f"benchmark {args.name!r} is not built yet") from None
        raise
    from bench.common import stamp, table

    inner = argparse.ArgumentParser(prog=f"control-room bench {args.name} [--json] [--quick]",
                                    description=(module.__doc__ or "").strip() or None,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
    if hasattr(module, "add_arguments"):
        module.add_arguments(inner)
    if args.bench_help:
        inner.print_help()
        return 0
    extra = inner.parse_args(args.rest)  # the options the top-level parser did not know
    extra.quick = args.quick
    figures = stamp(module.run(extra))
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(table(figures))
    return 0
