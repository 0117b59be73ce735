"""Start the desktop application on a Context (settings, database, user)."""

from __future__ import annotations

import sys

from ordermgr.errors import UserError


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("ordermgr")
    app.setApplicationName("ordermgr")
    return app


def run_gui(ctx) -> int:
    app = create_application()
    from PySide6.QtWidgets import QMessageBox

    from ordermgr.ui.main_window import MainWindow
    try:
        ctx.engine  # connect and upgrade before any window opens
        ctx.actor
    except UserError as exc:
        QMessageBox.critical(None, "ordermgr", str(exc))
        return 1
    window = MainWindow(ctx)
    window.show()
    return app.exec()
