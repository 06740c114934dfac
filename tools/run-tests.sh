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
