"""Run the whole test suite as separate pytest processes, side by side: one per core.

The parts (see tools/run-tests.sh for why they are separate processes): the engine's tests
(no GUI) in two halves, the end-to-end, packaging and architecture tests (no GUI), and one
process per GUI test file (real windows under Xvfb, VTK). The three long parts start first; the GUI files fill
the other core meanwhile. Every process starts its own Xvfb, PostgreSQL and brokers on
display numbers and ports nobody else holds, so the parts do not meet.

Each part's output is printed whole when it ends (parts never interleave), with its time
and exit status. The exit status is the first failing part's; a run in which no part
collected a test fails too. ``CONTROL_ROOM_TEST_JOBS`` sets how many run at once.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
NOTHING_COLLECTED = 5


# The camera detectors' tests are half the engine's time: they run as a part of their own,
# so the engine's two halves and the end-to-end part share the cores evenly.
DETECTOR_TESTS = ("test_construction_*.py", "test_falling_*.py")


def parts() -> list[tuple[str, list[str]]]:
    long_runs = [
        ("engine: camera detectors (no GUI)",
         ["-m", "not gui", "--durations=15", *_detector_tests()]),
        ("engine: the rest (no GUI)",
         ["-m", "not gui", "--durations=15",
          *(f"--ignore-glob=*/{pattern}" for pattern in DETECTOR_TESTS), "tests/app"]),
        ("end to end, packaging, architecture (no GUI)",
         ["-m", "not gui", "--durations=15", "tests/e2e", "tests/ui", "tests/widgets",
          *sorted(str(p) for p in _top_level_tests())]),
    ]
    return long_runs + [(f"GUI: {path}", ["-m", "gui", path]) for path in gui_files()]


def _detector_tests() -> list[str]:
    return sorted(str(path) for pattern in DETECTOR_TESTS
                  for path in pathlib.Path("tests", "app").glob(pattern))


def _top_level_tests() -> list[str]:
    return [os.path.join("tests", name) for name in os.listdir("tests")
            if name.startswith("test_") and name.endswith(".py")]


def gui_files() -> list[str]:
    listed = subprocess.run([*PYTEST, "-m", "gui", "--collect-only"], capture_output=True,
                            text=True).stdout
    return sorted({line.split("::", 1)[0] for line in listed.splitlines() if "::" in line})


def main() -> int:
    jobs = int(os.environ.get("CONTROL_ROOM_TEST_JOBS") or os.cpu_count() or 1)
    todo = parts()
    if not any(name.startswith("GUI:") for name, _ in todo):
        print("no GUI test collected: failing", file=sys.stderr)
        return 1
    print(f"== pytest: {len(todo)} processes, {jobs} at a time", flush=True)
    printing = threading.Lock()
    started = time.monotonic()

    def run(part: tuple[str, list[str]]) -> int:
        name, args = part
        t0 = time.monotonic()
        done = subprocess.run([*PYTEST, *args], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, errors="replace")
        with printing:
            print(f"== pytest: {name} — exit {done.returncode}, "
                  f"{time.monotonic() - t0:.0f} s (at {time.monotonic() - started:.0f} s)")
            print(done.stdout, end="" if done.stdout.endswith("\n") else "\n", flush=True)
            if done.returncode not in (0, NOTHING_COLLECTED):
                print(f"!! {name}: exit {done.returncode}", file=sys.stderr, flush=True)
        return done.returncode

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        statuses = list(pool.map(run, todo))
    print(f"== pytest: all {len(todo)} processes in {time.monotonic() - started:.0f} s")
    failed = [status for status in statuses if status not in (0, NOTHING_COLLECTED)]
    if failed:
        return failed[0]
    if NOTHING_COLLECTED in statuses and 0 not in statuses:
        print("pytest collected no test: failing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
