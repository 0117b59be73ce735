import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ordermgr.config import Settings  # noqa: E402
from ordermgr.context import Context  # noqa: E402


@pytest.fixture(autouse=True)
def drain_workers():
    """Each test's background reads and writes finish before the next test starts (a result
    delivered into the next test's database or widgets would be a flaky failure)."""
    yield
    from PySide6.QtCore import QThreadPool

    from ordermgr.ui import ops
    QThreadPool.globalInstance().waitForDone(10000)
    ops.writer_pool().waitForDone(10000)


@pytest.fixture
def file_secrets(tmp_path, monkeypatch):
    """Storefront credentials in a Fernet file under the test's folder, never the OS keyring."""
    monkeypatch.setenv("ORDERMGR_SECRETS_BACKEND", "file")
    monkeypatch.setenv("ORDERMGR_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def ctx(engine, admin, tmp_path, monkeypatch):
    """A Context on the test database, acting as the admin; QSettings kept in tmp_path."""
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "qsettings"))
    context = Context(Settings(database_url=engine.url.render_as_string(hide_password=False),
                               username="alice"))
    context.__dict__["engine"] = engine  # share the fixture's engine
    yield context
