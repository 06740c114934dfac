# Sourced by run-app.sh and run-tests.sh: what a fresh Debian machine needs, installed only
# when missing. Call `need_app_runtime`, `need_cjk_fonts`, `need_rtsp_server`,
# `need_cmd CMD PKG...`, `need_pkg PKG...`, then `install_needed`.
#
# DEBIAN_DEPS_LIST=1 makes `install_needed` print every package asked for (installed or not),
# one a line, and exit 0 instead of installing: tests/test_debian_deps.py reads command 1's
# list that way and proves it covers every library the app links.
need_pkgs=()    # asked for and missing: installed by install_needed
wanted_pkgs=()  # everything asked for

need_cmd() {  # need_cmd xvfb-run xvfb xauth
  local cmd=$1; shift
  wanted_pkgs+=("$@")
  command -v "$cmd" >/dev/null 2>&1 || need_pkgs+=("$@")
}

need_pkg() {  # need_pkg PKG...: each one that dpkg does not have installed
  local pkg
  for pkg in "$@"; do
    wanted_pkgs+=("$pkg")
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ] \
      || need_pkgs+=("$pkg")
  done
}

# The Debian libraries the app's compiled parts link and the PySide6, VTK and OpenCV wheels do
# not ship: Qt's xcb platform and its GL integrations, QtMultimedia and its FFmpeg plugin
# (alarm sounds: PulseAudio, libdrm, X11 extensions), Qt's image and icon plugins, VTK's
# OpenGL (libGL/libEGL through libglvnd, Mesa as the driver) and what they pull in (fonts,
# glib, dbus, Kerberos for QtNetwork). apt installs their own dependencies.
# tests/test_debian_deps.py maps every linked library to its package (ldd, dpkg -S) and
# fails when one is not covered by this list; fix the list there, not by guessing.
APP_RUNTIME_PKGS=(
  libgl1 libegl1 libglx-mesa0 libgl1-mesa-dri libglu1-mesa
  libx11-6 libx11-xcb1 libxext6 libxrandr2 libxrender1 libxkbcommon0 libxkbcommon-x11-0
  libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
  libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libpulse0 libdrm2 libbz2-1.0
  libgssapi-krb5-2 libzstd1 libbrotli1 libpng16-16 libstdc++6 libgcc-s1 zlib1g
)

need_app_runtime() {
  need_pkg "${APP_RUNTIME_PKGS[@]}"
}

need_cjk_fonts() {
  wanted_pkgs+=(fonts-noto-cjk)
  # (grep without -q: it would stop at the first match and fc-list, cut off, fail the pipe
  # under pipefail — every other run then "installed" the fonts again)
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_pkgs+=(fonts-noto-cjk)
  # DejaVu Sans (Mono): the status-bar clock, and the few symbols Noto CJK lacks (✕);
  # usually there through fontconfig, but only as the first of several alternatives
  need_pkg fonts-dejavu-core
}

need_rtsp_server() {  # the RTSP test's server: GStreamer's, run by Debian's own python3
  local pkgs=(python3 python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base
              gstreamer1.0-plugins-good gstreamer1.0-plugins-bad)
  wanted_pkgs+=("${pkgs[@]}")
  /usr/bin/python3 - >/dev/null 2>&1 <<'EOF' && return 0
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer
Gst.init(None)
assert all(Gst.ElementFactory.find(e) for e in ("multifilesrc", "h264parse", "rtph264pay",
                                                "appsink", "rtpbin"))
EOF
  need_pkgs+=("${pkgs[@]}")
}

install_needed() {
  if [ "${DEBIAN_DEPS_LIST:-}" = 1 ]; then
    printf '%s\n' "${wanted_pkgs[@]}" | sort -u
    exit 0
  fi
  [ ${#need_pkgs[@]} -gt 0 ] || return 0
  command -v apt-get >/dev/null || { echo "missing (install them): ${need_pkgs[*]}" >&2; return 0; }
  echo "installing Debian packages: ${need_pkgs[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${need_pkgs[@]}" >/dev/null
}
