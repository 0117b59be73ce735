"""Start the real Medusa store, seed it and print its URL and secret API key; stop on Ctrl-C.

    python -m tests.realstore.run [--no-seed] [--keep-database]
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from pathlib import Path

from tests.realstore import medusa_store, seed


def start_seeded(log_dir: Path, *, seeded: bool = True) -> medusa_store.RunningStore:
    store = medusa_store.start(log_dir)
    try:
        if seeded:
            cat, orders = seed.seed(store.url, medusa_store.ADMIN_EMAIL, medusa_store.ADMIN_PASSWORD)
            store.secret_key, store.publishable_key = cat.secret_key, cat.publishable_key
            store.facts = {"catalogue": cat, "orders": orders}
    except BaseException:
        store.stop()
        raise
    return store


def _exit(signum, frame):
    raise SystemExit(128 + signum)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-seed", action="store_true", help="start an empty store")
    parser.add_argument("--keep-database", action="store_true", help="do not drop its database")
    args = parser.parse_args()
    log_dir = Path(tempfile.mkdtemp(prefix="medusa-store-"))
    signal.signal(signal.SIGTERM, _exit)  # so that a kill while starting still stops Medusa
    store = start_seeded(log_dir, seeded=not args.no_seed)
    print(f"Medusa store at {store.url} (database {store.database}, log {store.log_path})")
    print(f"admin login: {medusa_store.ADMIN_EMAIL} / {medusa_store.ADMIN_PASSWORD}")
    if store.secret_key:
        print(f"secret API key: {store.secret_key}")
        print(f"ordermgr store add Medusa --platform medusa --url {store.url} "
              f"--credential {store.secret_key}")
    sys.stdout.flush()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        store.stop(drop_database=not args.keep_database)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
