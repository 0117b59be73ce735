"""Driving a real modal dialog (shown by `exec()` or `open()`) from a test, with real events."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(kind, clerk, *, timeout: float = 10.0) -> list:
    """Once a modal dialog of class `kind` is on screen, run `clerk(dialog)`: the clerk types and
    presses the dialog's buttons. A dialog still open after the clerk (a failed assertion) is
    rejected, so a failing test fails instead of hanging. Returns the list the dialog lands in."""
    seen: list = []
    deadline = time.monotonic() + timeout

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(10, poll)
            return
        seen.append(dialog)
        try:
            clerk(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, poll)
    return seen
