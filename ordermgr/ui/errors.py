"""One way to show an error: a user's mistake shows its message; anything else is a bug with details."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ordermgr.errors import UserError


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Cannot do that"),
                            str(exc))
        return
    box = QMessageBox(QMessageBox.Critical,
                      QCoreApplication.translate("Errors", "Unexpected error"),
                      QCoreApplication.translate(
                          "Errors", "Something went wrong inside ordermgr. Nothing half-done was "
                                    "saved. Please send the details below to your administrator."),
                      QMessageBox.Ok, parent)
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()
