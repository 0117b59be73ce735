"""The main window: area navigation on the left, the open area on the right, a status bar."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QSplitter, QStackedWidget, QWidget)

from ordermgr import __version__
from ordermgr.ui.areas import AREAS, Area


class MainWindow(QMainWindow):
    # A dict like Changes.to_payload(): emitted for changes made here or seen from elsewhere.
    changes = Signal(dict)

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("ordermgr"))
        self._pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("areaNavigation")
        self.nav.setMaximumWidth(200)
        self.stack = QStackedWidget()
        for area in AREAS:
            item = QListWidgetItem(QCoreApplication.translate("Areas", area.title))
            item.setData(Qt.UserRole, area.key)
            self.nav.addItem(item)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self._build_menus()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self._open_row)
        self._restore_geometry()
        self.nav.setCurrentRow(0)

    # -- areas --------------------------------------------------------------------------------
    def open_area(self, key: str) -> QWidget:
        row = next(i for i, a in enumerate(AREAS) if a.key == key)
        self.nav.setCurrentRow(row)
        return self._pages[key]

    def _open_row(self, row: int) -> None:
        if row < 0:
            return
        area = AREAS[row]
        if area.key not in self._pages:
            page = self._create_page(area)
            self._pages[area.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self._pages[area.key])

    def _create_page(self, area: Area) -> QWidget:
        try:
            module = importlib.import_module(area.module)
        except ModuleNotFoundError as exc:
            if exc.name != area.module:
                raise
            label = QLabel(self.tr("This area is not part of this version yet."))
            label.setAlignment(Qt.AlignCenter)
            return label
        return module.create(self.ctx, self)

    # -- chrome -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, area in enumerate(AREAS):
            action = QAction(QCoreApplication.translate("Areas", area.title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ordermgr"), self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, self.tr("About ordermgr"),
            self.tr("ordermgr {0}: order management for online shops.").format(__version__)))
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        url = self.ctx.engine.url
        where = (url.database if url.get_backend_name() == "sqlite"
                 else url.render_as_string(hide_password=True))
        self.database_label = QLabel(self.tr("Database: {0}").format(where))
        actor = self.ctx.actor
        self.user_label = QLabel(self.tr("User: {0} ({1})").format(actor.username, actor.role))
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.user_label)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
