"""Telling the clerk what an action did: one line in the main window's status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

STATUS_MESSAGE_MS = 30_000  # long enough to read after looking up from the parcel


def say_in_status_bar(widget: QWidget, message: str) -> bool:
    """Show `message` in the status bar of the main window holding `widget`; False when the
    widget is not (yet) in one."""
    window = widget.window()
    if not isinstance(window, QMainWindow):
        return False
    window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
    return True
