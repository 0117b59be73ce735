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
# Qt's offscreen and desktop platforms need a few system libraries; install them if missing.
if ! .venv/bin/python -c "from PySide6.QtWidgets import QApplication" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq libgl1 libegl1 libxkbcommon0 libfontconfig1 \
      libdbus-1-3 libxcb-cursor0 >/dev/null
  else
    echo "PySide6 cannot load its system libraries; install libgl1 libegl1 libxkbcommon0 libfontconfig1." >&2
    exit 1
  fi
fi
