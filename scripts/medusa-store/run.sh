#!/usr/bin/env bash
# Start the real Medusa v2 test store on 127.0.0.1 (installs it on first use), seed it, print its
# URL and secret API key, and keep it running until Ctrl-C. Options: --no-seed, --keep-database.
# Needs Node.js 20+, npm and the local PostgreSQL (ORDERMGR_TEST_PG_URL to use another server).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PYTHON=${PYTHON:-.venv/bin/python}
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" exec "$PYTHON" -m tests.realstore.run "$@"
