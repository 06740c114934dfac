"""The installed ``control-room`` entry point: the engine CLI plus the GUI as default."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli import run


def _gui(args: argparse.Namespace) -> int:
    from ui.launch import launch  # Qt is imported only when the GUI is asked for

    return launch(args)


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
