"""Shared pieces of the benchmarks (and their servers in tests): machine description,
table printing, a free loopback port, an X display."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import socket


def free_port() -> int:
    """A loopback TCP port nobody listens on right now (for a server we start)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine() -> dict[str, object]:
    model = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu_model": model, "python": platform.python_version()}


def stamp(figures: dict[str, object]) -> dict[str, object]:
    """Add the 'machine' and 'when' fields every bench result carries (CONTRACTS)."""
    return {**figures, "machine": machine(), "when": dt.datetime.now(dt.UTC).isoformat()}


def table(figures: dict[str, object]) -> str:
    rows = [(k, v) for k, v in figures.items() if k not in ("machine", "when")]
    width = max((len(k) for k, _ in rows), default=10)
    lines = [f"{k:<{width}}  {_fmt(v)}" for k, v in rows]
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def ensure_display(who: str) -> None:
    """A DISPLAY for a benchmark with windows: the one set, else an Xvfb of its own that
    stops when this process exits."""
    from bench.xserver import XServerError, start_x_server

    if os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit(f"{who} needs a DISPLAY or Xvfb (apt-get install xvfb)")
    try:
        display, _watchdog = start_x_server(["Xvfb", "-screen", "0", "1920x1080x24",
                                             "-nolisten", "tcp"])
    except XServerError as exc:
        raise SystemExit(f"{who}: {exc}") from exc
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
