"""The log file: warnings, and the traceback of every unexpected error, go to a rotating file in
the per-user log folder, never on screen. The screen gets one line (see `crash_message`).

`ORDERMGR_LOG_DIR` moves the folder (tests, portable installs).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

LOG_DIR_ENV = "ORDERMGR_LOG_DIR"
MAX_BYTES = 2_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
# tracebacks are logged here: it does not propagate, so no console handler prints them
crash_log = logging.getLogger("ordermgr.crash")
crash_log.propagate = False
_handler: logging.handlers.RotatingFileHandler | None = None


def log_path() -> Path:
    folder = os.environ.get(LOG_DIR_ENV) or platformdirs.user_log_dir("ordermgr", appauthor=False)
    return Path(folder) / "ordermgr.log"


def setup_logging() -> Path | None:
    """Log ordermgr's warnings and crashes to the file (again after the folder changed). Returns
    the file, or None if it cannot be written (then there is no file log; never an error)."""
    global _handler
    path = log_path()
    if _handler is not None and Path(_handler.baseFilename) == path.absolute():
        return path
    _remove_handler()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    for logger in (logging.getLogger("ordermgr"), crash_log):
        logger.addHandler(handler)
    _handler = handler
    return path


def _remove_handler() -> None:
    global _handler
    if _handler is None:
        return
    for logger in (logging.getLogger("ordermgr"), crash_log):
        logger.removeHandler(_handler)
    _handler.close()
    _handler = None


def log_exception(exc: BaseException, what: str = "unexpected error") -> None:
    """Write `exc` with its traceback to the log file (only there)."""
    crash_log.error("%s: %s", what, exc, exc_info=(type(exc), exc, exc.__traceback__))


def crash_message(exc: BaseException) -> str:
    """One line for a bug: what it was and where the details are. Logs the traceback."""
    log_exception(exc)
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    where = f"; the details are in {_handler.baseFilename}" if _handler is not None else ""
    return (f"Something went wrong inside ordermgr ({type(exc).__name__}: {first}){where}. "
            "Please send them to your administrator.")
