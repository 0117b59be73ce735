"""Starting the desktop app with a database login that lacks privileges shows one message in a
dialog (it used to exit with no window and no message)."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ordermgr.cli import main
from ordermgr.config import Settings
from ordermgr.context import Context
from ordermgr.ui.app import run_gui
from tests.cli.test_shared_postgres import cluster  # noqa: F401 - the logins and database


def test_a_login_without_privileges_sees_a_dialog_saying_what_to_do(cluster, qtbot):  # noqa: F811
    names, urls = cluster
    assert main(["--database", urls["owner"], "db", "init-shared"]) == 0
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        shown.append(box.text())
        box.accept()
    QTimer.singleShot(50, read_and_close)
    ctx = Context(Settings(database_url=urls["nobody"], username="bob"))
    try:
        assert run_gui(ctx) == 1
    finally:
        ctx.close()
    assert len(shown) == 1
    assert f"The database login {names['nobody']!r} lacks a privilege" in shown[0]
    assert f"db init-shared --grant {names['nobody']}" in shown[0]
