"""What the database, the disk or the OS said, as one line for the person at the keyboard.

The CLI, the GUI, units of work and the sync runner all ask `problem_for(exc, url)`: a
`UserError` saying what happened and what to do, or None when the exception is a bug (which is
then logged with its traceback, never shown).
"""

from __future__ import annotations

import errno

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from ordermgr.errors import DatabasePrivilegeError, DatabaseUnavailable, UserError


class DiskFull(DatabaseUnavailable):
    """No space left for the database (or an export)."""


class DatabaseDamaged(DatabaseUnavailable):
    """Not a database, or a damaged one, or one whose schema version is unreadable."""


class DatabaseReadOnly(DatabaseUnavailable):
    """The database may be read but not written by this user."""


DISK_FULL = "The disk is full; nothing was saved. Free some space and try again."
# PostgreSQL error codes (SQLSTATE) that are about the environment, not about ordermgr's code
PG_LOST = ("08", "57P01", "57P02", "57P03")  # connection exceptions, server shutting down
PG_DISK_FULL = ("53100",)
PG_PRIVILEGE = ("42501",)
PG_NO_TABLE = ("42P01",)
PG_BUSY = ("53300", "55P03")  # too many connections, lock not available
PG_RETRY = ("40001", "40P01")  # serialization failure, deadlock
# what psycopg and libpq say when the server ends a session or the network drops it
LOST_CONNECTION = ("terminating connection", "server closed the connection", "connection already "
                   "closed", "consuming input failed", "connection is closed", "connection reset",
                   "the connection is lost", "ssl syscall error", "could not receive data")


def problem_for(exc: BaseException, url: str | URL | None = None) -> UserError | None:
    """The user-facing error for `exc`, or None if it is a bug."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, DBAPIError):
        return _database_problem(exc, _url(url))
    if isinstance(exc, OSError):
        return _os_problem(exc)
    return None


def _url(url) -> URL | None:
    if url is None or isinstance(url, URL):
        return url
    try:
        return make_url(url)
    except Exception:  # noqa: BLE001 - only used to name the database in a message
        return None


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _database_problem(exc: DBAPIError, url: URL | None) -> UserError | None:
    reason = _reason(exc)
    low = reason.lower()
    if url is not None:
        sqlite = url.get_backend_name() == "sqlite"
        name = url.database if sqlite else url.render_as_string(hide_password=True)
    else:
        sqlite = not type(exc.orig).__module__.startswith("psycopg")
        name = "the database"
    if not sqlite:
        return _postgres_problem(exc, url, reason, name)
    if "database or disk is full" in low:
        return DiskFull(DISK_FULL)
    if "disk i/o error" in low:
        return DatabaseUnavailable(
            f"Could not read or write the database {name} (disk I/O error); nothing was saved. "
            "Check that the drive has free space and is still connected, then try again.")
    if "not a database" in low:
        return DatabaseDamaged(f"{name} is not an ordermgr database (it is not a SQLite file). "
                               "Check the database path; nothing was changed.")
    if "malformed" in low or "database corrupt" in low:
        return DatabaseDamaged(
            f"The database {name} is damaged (cut short or corrupted). Restore it from a backup "
            "(ordermgr keeps one next to it before each upgrade); nothing was changed.")
    if "readonly database" in low or "read-only" in low:
        return DatabaseReadOnly(
            f"Cannot write the database {name}: it is read-only for you. Check the permissions "
            "of the file and its folder; nothing was saved.")
    if "unable to open database file" in low:
        return DatabaseUnavailable(
            f"Cannot open the database {name}: its folder is missing or you may not read and "
            "write there. Check the path and the permissions.")
    if "database is locked" in low or "database is busy" in low:
        return DatabaseUnavailable(
            f"The database {name} is busy: another program has held it for more than 30 "
            "seconds. Nothing was saved; try again.")
    if "no such table" in low:
        return DatabaseDamaged(
            f"The database {name} lacks ordermgr's tables ({reason}). Run `ordermgr db upgrade` "
            "or check the database path.")
    if isinstance(exc, OperationalError):
        return DatabaseUnavailable(f"Cannot use the SQLite database {name}: {reason}. Check the "
                                   "path and that you may write there; nothing was saved.")
    return None


def _postgres_problem(exc: DBAPIError, url: URL | None, reason: str, name: str) -> UserError | None:
    state = getattr(exc.orig, "sqlstate", None) or ""
    if exc.connection_invalidated or state.startswith(PG_LOST) \
            or any(words in reason.lower() for words in LOST_CONNECTION):
        return DatabaseUnavailable(
            f"Lost the connection to the database {name} ({reason}). Check that the server is "
            "running and the network is up, then try again.")
    if state in PG_DISK_FULL:
        return DiskFull("The database server's disk is full; nothing was saved. Ask its "
                        "administrator to free some space, then try again.")
    if state in PG_PRIVILEGE:  # what the owner runs to grant it (db init-shared)
        from ordermgr.db.shared import privilege_message
        return DatabasePrivilegeError(privilege_message(url, exc.orig or exc) + " Nothing was saved.")
    if state in PG_NO_TABLE:
        return DatabaseDamaged(f"The database {name} lacks ordermgr's tables ({reason}). Run "
                               "`ordermgr db upgrade` or check the database URL.")
    if state in PG_BUSY:
        return DatabaseUnavailable(f"The database {name} is busy ({reason}). Nothing was saved; "
                                   "try again in a moment.")
    if state in PG_RETRY:
        return DatabaseUnavailable("Another workstation changed the same data at the same moment; "
                                   "nothing was saved. Try again.")
    if isinstance(exc, OperationalError):
        return DatabaseUnavailable(
            f"Cannot reach the database {name}: {reason}. Check that the server is running and "
            "the URL (host, port, user, database name) is right.")
    return None


def _os_problem(exc: OSError) -> UserError | None:
    where = f" {exc.filename}" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull(DISK_FULL)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UserError(f"Permission denied:{where}. Check that you may read and write it, or "
                         "choose another file or folder.")
    if exc.errno == errno.EROFS:
        return UserError(f"The disk is read-only:{where}. Choose another place.")
    return None
