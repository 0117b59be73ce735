"""A file dialog showing the SQLite database's folder must leave SQLite's locks alone.

Closing any descriptor of a file drops all of the process's POSIX locks on it; Qt's MIME sniffing
of the folder's files used to do exactly that to the database's `-shm` (and a `*.db` file itself),
after which another process deleted the WAL the GUI was writing to and the GUI's checkpoint at exit
overwrote that process's rows. These tests show a real (non-native) dialog on the folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QListView
from sqlalchemy import text

from ordermgr.config import Settings
from ordermgr.context import Context
from ordermgr.db.engine import make_engine
from ordermgr.services.users import resolve_actor
from ordermgr.ui import filedialogs
from ordermgr.ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads /proc/locks")

SHM_DMS_BYTE = 128  # SQLite's "someone has this database open" lock in the -shm file
SHELL_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA busy_timeout=10000")
conn.execute("INSERT INTO probe (who) VALUES (?)", (sys.argv[2],))
print("\\n".join(who for who, in conn.execute("SELECT who FROM probe ORDER BY id")))
conn.close()
"""


def shell_writes(database: Path, who: str) -> list[str]:
    """Another process (like an `ordermgr` command in a shell) adds a row; returns what it sees."""
    done = subprocess.run([sys.executable, "-c", SHELL_WRITE, str(database), who], check=True,
                          capture_output=True, text=True, timeout=30)
    return done.stdout.splitlines()


def locked_ranges(path: Path) -> set[tuple[int, int]]:
    """The (start, end) byte ranges this process holds POSIX locks on in `path`, from /proc/locks."""
    inode = os.stat(path).st_ino
    ranges = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] != "POSIX" or fields[4] != str(os.getpid()):
            continue
        if int(fields[5].rsplit(":", 1)[1]) == inode:
            ranges.add((int(fields[6]), int(fields[7])))
    return ranges


@pytest.fixture(params=["ordermgr.sqlite3", "shop.db"])
def window(request, qtbot, sqlite_template, tmp_path, monkeypatch):
    """The main window on a SQLite database in its own folder (a name Qt recognises by its
    extension and one it can only tell by reading the file)."""
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "qsettings"))
    folder = tmp_path / "shop"
    folder.mkdir()
    database = folder / request.param
    shutil.copy(sqlite_template, database)
    engine = make_engine(f"sqlite:///{database}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE probe (id INTEGER PRIMARY KEY, who TEXT NOT NULL)"))
    resolve_actor(engine, "alice")
    ctx = Context(Settings(database_url=f"sqlite:///{database}", username="alice"))
    ctx.__dict__["engine"] = engine
    win = MainWindow(ctx, live=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    engine.dispose()
    filedialogs._protected.clear()


def show_and_close_a_dialog(qtbot, window, folder: Path) -> list[str]:
    """Open a file dialog showing all files of `folder`, wait until it listed the folder and
    worked out every icon, then cancel with Escape. Returns the names the dialog showed."""
    QSettings().setValue(filedialogs.FOLDER_KEY, str(folder))  # the dialog remembers its folder
    shown: list[str] = []

    def drive():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, drive)
            return
        try:
            source = dialog.findChild(QFileSystemModel)
            listed = lambda: source.rowCount(source.index(str(folder))) >= 4  # noqa: E731
            qtbot.waitUntil(listed, timeout=5000)
            qtbot.wait(500)  # icons and type names are worked out after the listing
            view = dialog.findChild(QListView, "listView")
            root = view.rootIndex()
            shown.extend(view.model().index(row, 0, root).data()
                         for row in range(view.model().rowCount(root)))
        finally:
            qtbot.keyClick(dialog, Qt.Key_Escape)

    QTimer.singleShot(0, drive)
    assert filedialogs.open_file(window, "Attach", "All files (*)") is None
    return shown


def test_a_file_dialog_on_the_database_folder_keeps_the_locks_and_every_write(qtbot, window):
    engine = window.ctx.engine
    database = Path(engine.url.database)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO probe (who) VALUES ('gui before')"))
    shm = Path(f"{database}-shm")
    assert Path(f"{database}-wal").exists() and shm.exists()
    db_locks, shm_locks = locked_ranges(database), locked_ranges(shm)
    assert (SHM_DMS_BYTE, SHM_DMS_BYTE) in shm_locks and db_locks

    (database.parent / "notes.txt").write_text("a file the dialog shows")
    shown = show_and_close_a_dialog(qtbot, window, database.parent)

    assert "notes.txt" in shown
    assert not {database.name, shm.name, f"{database.name}-wal"} & set(shown)
    assert locked_ranges(shm) == shm_locks and locked_ranges(database) == db_locks

    # another process writes and closes: it must still find the GUI's connection open (with
    # the locks gone it would checkpoint, delete the WAL the GUI keeps writing to, and the GUI's
    # own checkpoint at exit would later overwrite what other processes wrote)
    assert shell_writes(database, "shell 1") == ["gui before", "shell 1"]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO probe (who) VALUES ('gui after')"))
    assert shell_writes(database, "shell 2") == ["gui before", "shell 1", "gui after", "shell 2"]
    engine.dispose()  # the GUI exits: its last connection checkpoints the WAL into the file

    with make_engine(f"sqlite:///{database}").connect() as conn:
        rows = conn.execute(text("SELECT who FROM probe ORDER BY id")).scalars().all()
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert rows == ["gui before", "shell 1", "gui after", "shell 2"]


def test_the_database_files_cannot_be_chosen(qtbot, window):
    database = Path(window.ctx.engine.url.database)
    for name in (database.name, f"{database.name}-wal", f"{database.name}-shm"):
        assert filedialogs.is_protected(str(database.parent / name))
    assert not filedialogs.is_protected(str(database.parent / "stock.xlsx"))
    link = database.parent / "link-to-db"
    link.symlink_to(database)
    assert filedialogs.is_protected(str(link))


def test_no_file_dialog_bypasses_the_safe_one():
    """Every file dialog goes through ordermgr/ui/filedialogs.py (a direct QFileDialog would sniff
    the database's files again)."""
    root = Path(filedialogs.__file__).resolve().parents[1]
    offenders = [str(path.relative_to(root)) for path in root.rglob("*.py")
                 if path.name != "filedialogs.py"
                 and re.search(r"\bQFileDialog\b", path.read_text(encoding="utf-8"))]
    assert offenders == []
