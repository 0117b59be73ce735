"""The "settings" area: a tab per topic. Other modules add their own tab with `register_tab`.

    from ordermgr.ui.settings import register_tab
    register_tab("printing", QT_TRANSLATE_NOOP("Settings", "Printing"), lambda ctx, window: ...)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTabWidget, QWidget
from sqlalchemy import select

from ordermgr.models import ROLES, Setting
from ordermgr.services.users import set_new_user_role
from ordermgr.ui.ops import QueryOp, WriteOp

LANGUAGE_KEY = "ui/language"
ROLE_TITLES = {"clerk": QT_TRANSLATE_NOOP("Settings", "Clerk"),
               "agent": QT_TRANSLATE_NOOP("Settings", "Customer service agent"),
               "supervisor": QT_TRANSLATE_NOOP("Settings", "Supervisor"),
               "manager": QT_TRANSLATE_NOOP("Settings", "Manager"),
               "admin": QT_TRANSLATE_NOOP("Settings", "Administrator")}
LANGUAGES = (("", QT_TRANSLATE_NOOP("Settings", "Follow the system")),
             ("en", "English"), ("zh_CN", "简体中文"))


@dataclass(frozen=True)
class SettingsTab:
    key: str
    title: str  # translated in the "Settings" context
    create: Callable[..., QWidget]  # (ctx, window) -> QWidget


_TABS: list[SettingsTab] = []


def register_tab(key: str, title: str, create: Callable[..., QWidget]) -> None:
    """Add a tab to the settings area (modules call this when imported)."""
    if not any(t.key == key for t in _TABS):
        _TABS.append(SettingsTab(key, title, create))


def chosen_language() -> str:
    return str(QSettings().value(LANGUAGE_KEY, "") or "")


class GeneralSettings(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, title in LANGUAGES:
            self.language.addItem(QCoreApplication.translate("Settings", title), code)
        self.language.setCurrentIndex(max(self.language.findData(chosen_language()), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        self.role = QComboBox()
        self.role.setObjectName("newUserRole")
        for role in ROLES:
            self.role.addItem(QCoreApplication.translate("Settings", ROLE_TITLES.get(role, role)),
                              role)
        self.role.setEnabled(ctx.actor.may("users.edit"))
        if not ctx.actor.may("users.edit"):
            self.role.setToolTip(self.tr("Only an admin may change this."))
        form.addRow(self.tr("Role of new users:"), self.role)
        form.addRow("", QLabel(self.tr("Users are created the first time they sign in; the very "
                                       "first user of a database is an admin.")))
        self._role_loaded = False
        self.role.currentIndexChanged.connect(self._role_changed)
        QueryOp(self, self._read_role).success(self._show_role).run()

    def _read_role(self) -> str:
        with self.ctx.engine.connect() as conn:
            return conn.execute(select(Setting.value).where(Setting.key == "new_user_role")
                                ).scalar() or "clerk"

    def _show_role(self, role: str) -> None:
        self._role_loaded = True
        self.role.blockSignals(True)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.role.blockSignals(False)

    def _role_changed(self) -> None:
        role = self.role.currentData()
        uow = self.ctx.uow()
        WriteOp(self, lambda: set_new_user_role(uow, role)).failure(self._role_failed).run()

    def _role_failed(self, exc) -> None:
        from ordermgr.ui.errors import show_error
        show_error(self, exc)
        QueryOp(self, self._read_role).success(self._show_role).run()

    def _language_changed(self) -> None:
        code = self.language.currentData()
        QSettings().setValue(LANGUAGE_KEY, code)
        from ordermgr.ui.app import install_translations
        install_translations(QCoreApplication.instance(), code)
        self.language_note.setText(self.tr(
            "The new language is used for windows opened from now on; restart ordermgr to "
            "see it everywhere."))


register_tab("general", QT_TRANSLATE_NOOP("Settings", "General"),
             lambda ctx, window: GeneralSettings(ctx))


class SettingsArea(QTabWidget):
    def __init__(self, ctx, window=None):
        super().__init__()
        self.setObjectName("settingsArea")
        self.ctx, self.window_ = ctx, window
        self.tabs_by_key: dict[str, QWidget] = {}
        for tab in _TABS:
            self.add_tab(tab)

    def add_tab(self, tab: SettingsTab) -> QWidget:
        widget = tab.create(self.ctx, self.window_)
        self.tabs_by_key[tab.key] = widget
        self.addTab(widget, QCoreApplication.translate("Settings", tab.title))
        return widget

    def showEvent(self, event) -> None:
        for tab in _TABS:  # tabs registered after the area was created
            if tab.key not in self.tabs_by_key:
                self.add_tab(tab)
        super().showEvent(event)


def create(ctx, window) -> QWidget:
    return SettingsArea(ctx, window)


__all__ = ["register_tab", "create", "SettingsArea", "chosen_language"]
