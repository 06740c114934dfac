"""An X server of our own, for windows nobody looks at (benchmarks, GUI tests).

The server picks its display number itself (``-displayfd``: it takes the first number whose
lock it can create and writes that number back), so two processes starting one at the same
moment never end up on the same display. Looking for a free number ourselves and then
starting the server on it raced: both processes saw the same number free, one server failed
on the lock, and its process went on to draw on the other's display until that one stopped.

The server runs under a small shell watchdog that stops it as soon as the owning process has
gone, even after a crash or a ``kill -9``: killing an X server under a live Qt connection
makes Xlib abort the process, so the owner never stops it while Qt may still be connected.
"""

from __future__ import annotations

import contextlib
import os
import select
import shlex
import signal
import subprocess
import time


class XServerError(RuntimeError):
    """The X server did not come up (its command and what it said are in the message)."""


def start_x_server(argv: list[str], *, timeout_s: float = 20.0
                   ) -> tuple[str, subprocess.Popen]:
    """Start ``argv`` (``Xvfb …`` or ``Xorg …``, without a display number) and return its
    DISPLAY (``":N"``) and the watchdog process (stop it with ``os.killpg(proc.pid, …)``:
    the watchdog and the server share a session of their own)."""
    read, write = os.pipe()
    command = " ".join(shlex.quote(part) for part in argv)
    watchdog = (f"{command} -displayfd {write} >/dev/null 2>&1 & x=$!; "
                'trap "kill $x 2>/dev/null; wait $x; exit 0" TERM; '
                f"while kill -0 {os.getpid()} 2>/dev/null && kill -0 $x 2>/dev/null; "
                "do sleep 0.3; done; kill $x 2>/dev/null; wait $x")
    try:
        proc = subprocess.Popen(["sh", "-c", watchdog], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True,
                                pass_fds=(write,))
    finally:
        os.close(write)
    try:
        number = _read_display_number(read, proc, timeout_s)
    finally:
        os.close(read)
    if number is None:
        stop_x_server(proc)
        raise XServerError(f"no X display from `{command}` within {timeout_s:.0f} s")
    return f":{number}", proc


def _read_display_number(read: int, proc: subprocess.Popen, timeout_s: float) -> int | None:
    text = b""
    deadline = time.monotonic() + timeout_s
    while not text.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([read], [], [], min(left, 0.5))
        if not ready:
            if proc.poll() is not None:  # the watchdog ended: the server is gone
                return None
            continue
        chunk = os.read(read, 64)
        if not chunk:  # every writer closed: the server ended without a display
            return None
        text += chunk
    return int(text.strip())


def stop_x_server(proc: subprocess.Popen) -> None:
    """Stop the watchdog from :func:`start_x_server` and its server."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
