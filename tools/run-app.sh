#!/usr/bin/env bash
# Command 1 of the README: install control-room and start it on its embedded default
# (demo compound, in-process simulator, demo cameras, SQLite in the user data folder).
# Extra arguments go to `control-room` (e.g. --lang en, --screenshot out.png).
# Without a display (a server, CI) the window opens on a virtual X screen (Xvfb): useful with
# --screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
for lib in libEGL.so.1 libGL.so.1 libxkbcommon-x11.so.0 libxcb-cursor.so.0 libxcb-icccm.so.4 \
           libxcb-keysyms.so.1 libxcb-shape.so.0 libxcb-render-util.so.0 libxcb-image.so.0 \
           libdbus-1.so.3 libGLU.so.1; do
  ldconfig -p | grep -q "$lib" || { need_pkgs+=(libgl1 libegl1 libglu1-mesa libxkbcommon-x11-0 \
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libdbus-1-3); break; }
done
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_pkgs+=(fonts-noto-cjk)
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && ! command -v xvfb-run >/dev/null; then
  need_pkgs+=(xvfb xauth)
fi
if [ ${#need_pkgs[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian packages: ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e .

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "no display: running on a virtual screen (Xvfb)" >&2
  exec xvfb-run -a -s "-screen 0 1920x1080x24" control-room "$@"
fi
exec control-room "$@"
