"""One runner at a time across workstations: a PostgreSQL session advisory lock
(pg_try_advisory_lock) on a shared database, a lock file next to a SQLite database.

Used by the sync runner (one lock per store) and by housekeeping (one fixed key).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError


@contextlib.contextmanager
def try_exclusive(engine: Engine, namespace: int, key: int, name: str):
    """Yield True if this process got the lock (namespace, key), False if another holds it.
    `name` names the lock file on SQLite (`<database>.<name>.lock`). Never waits."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:ns, :id)"),
                               {"ns": namespace, "id": key}).scalar()
            conn.commit()
            try:
                yield bool(got)
            finally:
                if got:
                    try:
                        conn.execute(text("SELECT pg_advisory_unlock(:ns, :id)"),
                                     {"ns": namespace, "id": key})
                        conn.commit()
                    except OperationalError:
                        pass  # the session is gone, and its advisory lock went with it
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield True
        return
    try:
        import fcntl
    except ImportError:  # Windows: SQLite is single-workstation there; no file lock needed
        yield True
        return
    path = Path(f"{database}.{name}.lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
