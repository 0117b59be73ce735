from ordermgr.ui.areas import AREAS
from ordermgr.ui.main_window import MainWindow


def test_main_window_shows_every_area_and_who_is_working(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.nav.count() == len(AREAS)
    assert "alice (admin)" in window.user_label.text()
    for area in AREAS:
        page = window.open_area(area.key)
        assert window.stack.currentWidget() is page


def test_settings_switch_the_language_and_the_new_user_role(qtbot, ctx):
    from PySide6.QtCore import QCoreApplication, QSettings
    from sqlalchemy import select

    from ordermgr.models import Setting
    from ordermgr.ui.app import install_translations
    window = MainWindow(ctx, live=False)
    qtbot.addWidget(window)
    area = window.open_area("settings")
    general = area.tabs_by_key["general"]
    qtbot.waitUntil(lambda: general._role_loaded)
    assert general.role.currentData() == "clerk"
    try:
        general.language.setCurrentIndex(general.language.findData("zh_CN"))
        assert QSettings().value("ui/language") == "zh_CN"
        assert QCoreApplication.translate("Areas", "Orders") == "订单"
    finally:
        install_translations(QCoreApplication.instance(), "en")
    assert QCoreApplication.translate("Areas", "Orders") == "Orders"
    general.role.setCurrentIndex(general.role.findData("agent"))

    def saved():
        with ctx.engine.connect() as conn:
            return conn.execute(select(Setting.value).where(Setting.key == "new_user_role")).scalar()
    qtbot.waitUntil(lambda: saved() == "agent")


def test_live_updates_stop_when_the_window_is_deleted_without_closing(qtbot, ctx):
    import shiboken6
    window = MainWindow(ctx)
    qtbot.waitUntil(window.live.listening.is_set)
    thread = window.live._thread
    shiboken6.delete(window)
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=3000)
