#!/usr/bin/env bash
# Set everything up, fill a local demo database (first run only) and open ordermgr on it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
url=$(.venv/bin/python -c 'from ordermgr.config import demo_database_url; print(demo_database_url())')
.venv/bin/ordermgr --database "$url" demo --orders "${DEMO_ORDERS:-20000}" --if-empty
exec .venv/bin/ordermgr --database "$url" "$@"
