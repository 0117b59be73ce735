"""Start the desktop application on a Context (settings, database, user)."""

from __future__ import annotations

import sys

from ordermgr.resources import resource_path

TRANSLATIONS_DIR = resource_path("translations")
_translators: list = []  # installed QTranslators (kept alive; replaced on a language switch)
_fonts_added: list[int] = []  # application font ids: the shipped fonts are registered once


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("ordermgr")
    app.setApplicationName("ordermgr")
    add_bundled_fonts()
    return app


def add_bundled_fonts() -> None:
    """Register the shipped CJK font: Qt falls back to it for Chinese text on a machine without
    one (a fresh Debian desktop shows boxes otherwise)."""
    from PySide6.QtGui import QFontDatabase
    if _fonts_added:
        return
    for font_file in sorted(resource_path("fonts").glob("*.tt[fc]")):
        _fonts_added.append(QFontDatabase.addApplicationFont(str(font_file)))


def resolve_language(choice: str = "") -> str:
    """The language to show: the settings' choice, else the system locale ("en" if we have no
    translation for it)."""
    from PySide6.QtCore import QLocale
    name = choice or QLocale.system().name()
    if name.startswith("zh"):
        return "zh_CN"
    return "en"


def install_translations(app, choice: str = "") -> str:
    """Load ordermgr's and Qt's own translations for the chosen (or the system) language."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    language = resolve_language(choice)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"ordermgr_{language}",
                                                          str(TRANSLATIONS_DIR))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
    return language


def run_gui(ctx) -> int:
    app = create_application()
    from PySide6.QtWidgets import QMessageBox

    from ordermgr.db.failures import problem_for
    from ordermgr.ui.errors import install_excepthook
    from ordermgr.ui.main_window import MainWindow
    from ordermgr.ui.settings import chosen_language
    install_translations(app, chosen_language())
    install_excepthook()
    try:
        ctx.engine  # connect and upgrade (or, on the first run, create) before any window opens
        ctx.actor
    except Exception as exc:  # noqa: BLE001 - shown as one line; a bug goes to the log file
        problem = problem_for(exc, ctx.settings.database_url)
        if problem is None:
            raise  # the command line reports it in one line, with the log file
        QMessageBox.critical(None, "ordermgr", str(problem))
        return 1
    window = MainWindow(ctx)
    window.show()
    return app.exec()
