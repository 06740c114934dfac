#!/usr/bin/env bash
# Command 2 of the README: run the whole test suite on a fresh Debian machine.
# Installs what the tests need when it is missing (Debian: xvfb, mosquitto, postgresql,
# ffmpeg, poppler-utils, GStreamer's RTSP server, CJK fonts, Qt/OpenGL runtime libraries; Python: this
# project with its dev extra), then runs ruff and pytest (the import contracts are a test:
# tests/test_architecture.py). Any failure, or a pytest run that collects no test, fails the
# script.
set -euo pipefail
cd "$(dirname "$0")/.."

. tools/debian-deps.sh
need_cmd xvfb-run xvfb xauth
need_cmd mosquitto mosquitto mosquitto-clients
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
need_cmd ffmpeg ffmpeg
# the video wall's two-monitor test: X.Org's dummy driver gives Qt real RandR monitors
[ -e /usr/lib/xorg/modules/drivers/dummy_drv.so ] || need_pkgs+=(xserver-xorg-core
                                                               xserver-xorg-video-dummy)
need_cmd xrandr x11-xserver-utils
need_cmd xwininfo x11-utils
need_cmd pdftoppm poppler-utils  # the operations report test renders PDF pages to PNG
need_rtsp_server
need_cjk_fonts
need_app_runtime
install_needed

python3 -m pip install -q --disable-pip-version-check -e ".[dev]"

echo "== ruff"
python3 -m ruff check --no-cache .  # a stale cache once hid what a clean clone reports
# The suite runs as separate pytest processes: the engine's tests (no GUI), the end-to-end and
# packaging tests (no GUI), then one process per GUI test file (real windows under Xvfb, VTK).
# In one process, after everything else had run, the interpreter crashed inside Qt's event
# loop between two VTK tests, or aborted while finalizing once all tests had passed; and
# after dozens of VTK windows made and torn down in one process, a render now and then
# segfaulted inside a later test's event processing (different files each time; every file
# passes on its own). Separate processes keep each to what it tests; tools/run_suite.py runs
# them side by side, one per core. Arguments (e.g. a test path) run one pytest process with
# them instead.
if [ $# -gt 0 ]; then
  set +e
  python3 -m pytest -q -p no:cacheprovider "$@"
  status=$?
  set -e
  if [ "$status" -eq 5 ]; then echo "pytest collected no test: failing" >&2; exit 1; fi
  exit "$status"
fi
exec python3 tools/run_suite.py
