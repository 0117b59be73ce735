"""Every file dialog of the GUI: Qt's own (non-native) dialog, which never reads a file's contents.

Why: to pick icons and type names, file dialogs sniff each file's MIME type, i.e. they open and
close the files of the folder they show. Closing *any* descriptor of a file drops all of this
process's POSIX locks on it, so showing the SQLite database's folder silently released the GUI's
lock on the `-shm` file; the next `ordermgr` command took the database for unused, checkpointed
it and deleted the WAL the GUI was still writing to. Here icons and types come from "is it a
folder" alone, the database's own files are hidden, and they cannot be chosen (importing or
attaching one would read it; exporting over it would destroy it).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSortFilterProxyModel, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QMessageBox, QWidget

FOLDER_KEY = "file_dialogs/folder"  # the folder used last, remembered across sessions
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
_protected: set[str] = set()  # absolute paths of the open database's files


def protect_database(engine) -> None:
    """Hide and refuse the files of `engine`'s SQLite database in every file dialog."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if database and database != ":memory:":
        base = os.path.abspath(database)
        _protected.update(base + suffix for suffix in SQLITE_COMPANIONS)


def is_protected(path: str) -> bool:
    """Whether `path` is (a link to) one of the open database's files. Uses stat, never open."""
    absolute = os.path.abspath(path)
    if absolute in _protected or os.path.realpath(absolute) in _protected:
        return True
    try:
        target = os.stat(absolute)
    except OSError:
        return False
    for guarded in _protected:
        try:
            if os.path.samestat(target, os.stat(guarded)):
                return True
        except OSError:
            continue
    return False


def open_file(parent: QWidget | None, caption: str, name_filter: str) -> str | None:
    """Ask for an existing file to read; None if cancelled."""
    dialog = SafeFileDialog(parent, caption, _start_folder(), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptOpen)
    dialog.setFileMode(QFileDialog.ExistingFile)
    return _run(dialog)


def save_file(parent: QWidget | None, caption: str, suggested: str, name_filter: str) -> str | None:
    """Ask where to write a file, suggesting `suggested` (a name, or a full path); None if
    cancelled. Asks before overwriting."""
    suggested_path = Path(suggested)
    folder = str(suggested_path.parent) if suggested_path.is_absolute() else _start_folder()
    dialog = SafeFileDialog(parent, caption, folder, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    dialog.setFileMode(QFileDialog.AnyFile)
    dialog.selectFile(suggested_path.name)
    dialog.setDefaultSuffix(suggested_path.suffix.lstrip("."))
    return _run(dialog)


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from "folder or file" alone: never MIME sniffing (which opens files)."""

    def icon(self, what):
        if isinstance(what, QFileIconProvider.IconType):
            return super().icon(what)
        return super().icon(QFileIconProvider.Folder if what.isDir() else QFileIconProvider.File)

    def type(self, info) -> str:
        return (QCoreApplication.translate("SafeFileDialog", "Folder") if info.isDir()
                else QCoreApplication.translate("SafeFileDialog", "File"))


class HideDatabaseFiles(QSortFilterProxyModel):
    def filterAcceptsRow(self, row, parent) -> bool:
        model = self.sourceModel()
        if isinstance(model, QFileSystemModel):
            path = model.filePath(model.index(row, 0, parent))
            if os.path.abspath(path) in _protected:
                return False
        return True


class SafeFileDialog(QFileDialog):
    def __init__(self, parent, caption: str, folder: str, name_filter: str):
        super().__init__(parent, caption, folder, name_filter)
        # before anything lists a folder: Qt's dialog (a native one sniffs files in its own way)
        self.setOption(QFileDialog.DontUseNativeDialog, True)
        self._icons = NameOnlyIconProvider()
        self.setIconProvider(self._icons)
        self._hide = HideDatabaseFiles(self)
        self.setProxyModel(self._hide)

    def accept(self) -> None:
        chosen = self.selectedFiles()
        if chosen and is_protected(chosen[0]):
            QMessageBox.warning(self, self.windowTitle(), QCoreApplication.translate(
                "SafeFileDialog", "That is ordermgr's own database file. Choose another file."))
            return
        super().accept()


def _run(dialog: SafeFileDialog) -> str | None:
    try:
        if dialog.exec() != QFileDialog.Accepted or not dialog.selectedFiles():
            return None
        path = dialog.selectedFiles()[0]
    finally:
        dialog.deleteLater()
    QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
    return path


def _start_folder() -> str:
    remembered = QSettings().value(FOLDER_KEY, "")
    if remembered and os.path.isdir(remembered):
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else str(Path.home())
