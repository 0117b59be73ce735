"""Errors in the GUI: one line saying what to do, the traceback only in the log file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from ordermgr.db.engine import make_engine
from ordermgr.logsetup import setup_logging
from ordermgr.ui.errors import install_excepthook, show_error


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERMGR_LOG_DIR", str(tmp_path / "logs"))
    path = setup_logging()
    yield path


@pytest.fixture
def excepthook():
    before = sys.excepthook
    install_excepthook()
    yield
    sys.excepthook = before


def close_next_message_box(qtbot, seen: list) -> None:
    """Read the next modal message box (title, text, detailed text) and close it with Return."""
    def drive():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, drive)
            return
        seen.append((box.icon(), box.text(), box.detailedText()))
        box.accept()
    QTimer.singleShot(0, drive)


def disk_full_error(tmp_path) -> OperationalError:
    """A real SQLITE_FULL: the file may not grow past its current size (as on a full disk)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'full.sqlite3'}")

    @event.listens_for(engine, "connect")
    def no_room(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA max_page_count = 3")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x BLOB)"))
            conn.execute(text("INSERT INTO t VALUES (zeroblob(100000))"))
    except OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("SQLite wrote past max_page_count")


def test_a_full_disk_is_one_line_and_the_traceback_is_logged(qtbot, tmp_path, log_file):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []
    close_next_message_box(qtbot, seen)
    show_error(parent, disk_full_error(tmp_path))
    assert seen == [(QMessageBox.Warning, "The disk is full; nothing was saved. Free some space "
                                          "and try again.", "")]
    assert "database or disk is full" in log_file.read_text()


def test_a_bug_in_a_slot_shows_one_line_and_the_log_file(qtbot, log_file, excepthook):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    seen = []

    def buggy_slot():
        close_next_message_box(qtbot, seen)
        raise ZeroDivisionError("the totals divided by zero")
    QTimer.singleShot(0, buggy_slot)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)

    [(icon, message, details)] = seen
    assert icon == QMessageBox.Critical and details == ""
    assert message == ("Something went wrong inside ordermgr (ZeroDivisionError). Nothing half-done "
                       f"was saved. The details are in {log_file}; please send that file to your "
                       "administrator.")
    logged = log_file.read_text()
    assert "Traceback (most recent call last)" in logged and "in buggy_slot" in logged


def test_starting_on_a_file_that_is_not_a_database_says_so_in_one_line(qtbot, tmp_path,
                                                                       excepthook):
    from PySide6.QtCore import QSettings

    from ordermgr.config import Settings
    from ordermgr.context import Context
    from ordermgr.ui.app import run_gui
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "qsettings"))
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4000))
    ctx = Context(Settings(database_url=f"sqlite:///{path}", username="alice"))
    seen = []
    close_next_message_box(qtbot, seen)
    try:
        assert run_gui(ctx) == 1
    finally:
        ctx.close()
    [(icon, message, details)] = seen
    assert icon == QMessageBox.Critical and details == ""
    assert message == (f"{path} is not an ordermgr database (it is not a SQLite file). Check the "
                       "database path; nothing was changed.")
