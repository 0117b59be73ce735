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
