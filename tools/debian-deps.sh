# Sourced by run-app.sh and run-tests.sh: what a fresh Debian machine needs, installed only
# when missing. Call `need_qt_runtime`, `need_cjk_fonts`, `need_rtsp_server`,
# `need_cmd CMD PKG...`, then `install_needed`.
need_pkgs=()

need_cmd() {  # need_cmd xvfb-run xvfb xauth
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 || need_pkgs+=("$@")
}

need_qt_runtime() {  # the libraries PySide6's xcb platform and VTK's OpenGL load
  local lib
  for lib in libEGL.so.1 libGL.so.1 libxkbcommon-x11.so.0 libxcb-cursor.so.0 \
             libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-shape.so.0 \
             libxcb-render-util.so.0 libxcb-image.so.0 libdbus-1.so.3 libGLU.so.1; do
    if ! ldconfig -p | grep -q "$lib"; then
      need_pkgs+=(libgl1 libegl1 libglu1-mesa libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
                  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
                  libxcb-xinerama0 libxcb-xkb1 libdbus-1-3)
      return
    fi
  done
}

need_cjk_fonts() {
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_pkgs+=(fonts-noto-cjk)
}

need_rtsp_server() {  # the RTSP test's server: GStreamer's, run by Debian's own python3
  /usr/bin/python3 - >/dev/null 2>&1 <<'EOF' && return 0
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer
Gst.init(None)
assert all(Gst.ElementFactory.find(e) for e in ("multifilesrc", "h264parse", "rtph264pay",
                                                "appsink", "rtpbin"))
EOF
  need_pkgs+=(python3 python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base
              gstreamer1.0-plugins-good gstreamer1.0-plugins-bad)
}

install_needed() {
  [ ${#need_pkgs[@]} -gt 0 ] || return 0
  command -v apt-get >/dev/null || { echo "missing (install them): ${need_pkgs[*]}" >&2; return 0; }
  echo "installing Debian packages: ${need_pkgs[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${need_pkgs[@]}" >/dev/null
}
