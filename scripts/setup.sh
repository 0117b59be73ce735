#!/usr/bin/env bash
# Create .venv (if needed) and install ordermgr with its test tools. Sourced by the other scripts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.ordermgr-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  touch "$stamp"
fi
# Qt's platform plugin (xcb on a desktop, offscreen for the tests) needs system libraries that pip
# cannot install: check that it really loads; as root on Debian/Ubuntu install what is missing,
# otherwise print the exact apt-get line.
.venv/bin/python scripts/qt_check.py --install
