#!/usr/bin/env bash
# Command 1 of the README: install control-room and start it on its embedded default
# (demo compound, in-process simulator, demo cameras, SQLite in the user data folder).
# Extra arguments go to `control-room` (e.g. --lang en, --screenshot out.png).
# Without a display (a server, CI) the window opens on a virtual X screen (Xvfb): useful with
# --screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."

. tools/debian-deps.sh
need_app_runtime
need_cjk_fonts
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  need_cmd xvfb-run xvfb xauth
fi
install_needed

python3 -m pip install -q --disable-pip-version-check -e .

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "no display: running on a virtual screen (Xvfb)" >&2
  exec xvfb-run -a -s "-screen 0 1920x1080x24" control-room "$@"
fi
exec control-room "$@"
