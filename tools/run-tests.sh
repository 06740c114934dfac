#!/usr/bin/env bash
# Command 2 of the README: run the whole test suite on a fresh Debian machine.
# Installs what the tests need when it is missing (Debian: xvfb, mosquitto, postgresql,
# CJK fonts, Qt/OpenGL runtime libraries; Python: this project with its dev extra), then runs
# ruff and pytest (the import contracts are a test: tests/test_architecture.py). Any
# failure, or a pytest run that collects no test, fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

. tools/debian-deps.sh
need_cmd xvfb-run xvfb xauth
need_cmd mosquitto mosquitto mosquitto-clients
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
need_cmd ffmpeg ffmpeg
need_cjk_fonts
need_qt_runtime
install_needed

python3 -m pip install -q --disable-pip-version-check -e ".[dev]"

echo "== ruff"
python3 -m ruff check .
# Two pytest processes: the engine and tool tests, then the GUI tests (real windows under
# Xvfb, VTK). Hundreds of OpenGL windows made and destroyed in one process after everything
# else has run have crashed the interpreter inside Qt's event loop; a process of their own
# keeps each run to what it tests.
run_pytest() {
  set +e
  python3 -m pytest -q -p no:cacheprovider "$@"
  local status=$?
  set -e
  return "$status"
}
echo "== pytest: engine, tools, end to end (no GUI)"
status_engine=0; run_pytest -m "not gui" "$@" || status_engine=$?
echo "== pytest: GUI (Xvfb)"
status_gui=0; run_pytest -m gui "$@" || status_gui=$?
if [ "$status_engine" -eq 5 ] && [ "$status_gui" -eq 5 ]; then
  echo "pytest collected no test: failing" >&2
  exit 1
fi
for status in "$status_engine" "$status_gui"; do
  if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
    exit "$status"
  fi
done
exit 0
