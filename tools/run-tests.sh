#!/usr/bin/env bash
# Command 2 of the README: run the whole test suite on a fresh Debian machine.
# Installs what the tests need when it is missing (Debian: xvfb, mosquitto, postgresql,
# CJK fonts, Qt/OpenGL runtime libraries; Python: this project with its dev extra), then runs
# ruff, the import contracts and pytest. Any failure, or a pytest run that collects no test,
# fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
have() { command -v "$1" >/dev/null 2>&1; }
have xvfb-run || need_pkgs+=(xvfb xauth)
have mosquitto || need_pkgs+=(mosquitto mosquitto-clients)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_pkgs+=(fonts-noto-cjk)
have ffmpeg || need_pkgs+=(ffmpeg)
for lib in libEGL.so.1 libGL.so.1 libxkbcommon-x11.so.0 libxcb-cursor.so.0 libxcb-icccm.so.4 \
           libxcb-keysyms.so.1 libxcb-shape.so.0 libxcb-render-util.so.0 libxcb-image.so.0 \
           libdbus-1.so.3 libGLU.so.1; do
  ldconfig -p | grep -q "$lib" || { need_pkgs+=(libgl1 libegl1 libglu1-mesa libxkbcommon-x11-0 \
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libdbus-1-3); break; }
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e ".[dev]"

echo "== ruff"
python3 -m ruff check .
echo "== import contracts"
lint-imports
echo "== pytest"
set +e
python3 -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no test: failing" >&2
  exit 1
fi
exit "$status"
