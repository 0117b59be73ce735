"""The shipped CJK font is registered with Qt, so Chinese text renders on a machine without one."""

from PySide6.QtGui import QFontDatabase

from ordermgr.ui.app import create_application


def test_the_bundled_cjk_font_is_available_to_qt(qapp):
    create_application()
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    systems = QFontDatabase.writingSystems("WenQuanYi Micro Hei")
    assert QFontDatabase.WritingSystem.SimplifiedChinese in systems
