import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ordermgr.config import Settings  # noqa: E402
from ordermgr.context import Context  # noqa: E402


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
