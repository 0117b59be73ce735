"""One way to show an error: a user's mistake, a lost connection, a full disk or a damaged
database shows one line saying what to do; a bug shows one line and where its details are. The
traceback goes to the log file (`ordermgr/logsetup.py`), never on screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ordermgr.db.failures import problem_for
from ordermgr.logsetup import log_exception, log_path


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    problem = problem_for(exc, _database_url(parent))
    if problem is not None:
        if problem is not exc:  # an environmental failure: keep its traceback for the log
            log_exception(exc, "stopped by")
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Cannot do that"),
                            str(problem))
        return
    log_exception(exc)
    QMessageBox.critical(parent, QCoreApplication.translate("Errors", "Unexpected error"),
                         QCoreApplication.translate(
                             "Errors", "Something went wrong inside ordermgr ({0}). Nothing "
                                       "half-done was saved. The details are in {1}; please send "
                                       "that file to your administrator.")
                         .format(type(exc).__name__, log_path()))


def install_excepthook() -> None:
    """An exception escaping a slot or an event handler: logged and shown as one line, the
    application goes on."""
    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        show_error(QApplication.activeWindow(), exc)
    sys.excepthook = hook


def _database_url(parent: QWidget | None):
    ctx = getattr(parent.window(), "ctx", None) if parent is not None else None
    return ctx.engine.url if ctx is not None and "engine" in ctx.__dict__ else None
