"""The main window: area navigation on the left, the open area on the right, a status bar."""

from __future__ import annotations

import importlib
import json
import logging
import time

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QSplitter, QStackedWidget, QWidget)

from ordermgr import __version__
from ordermgr.db.uow import PROCESS_ORIGIN, Changes
from ordermgr.errors import UserError
from ordermgr.ui import filedialogs
from ordermgr.ui.areas import AREAS, Area
from ordermgr.ui.live import LiveUpdates
from ordermgr.ui.ops import QueryOp

log = logging.getLogger(__name__)
OWN_ECHO_SECONDS = 10.0  # how long our own published change may still echo back from the server
HOUSEKEEPING_MS = 5 * 60 * 1000  # unpaid/complete/delayed jobs; see services/housekeeping.py


class MainWindow(QMainWindow):
    # A dict like Changes.to_payload(): emitted for changes made here or seen from elsewhere.
    changes = Signal(dict)

    def __init__(self, ctx, *, live: bool = True):
        super().__init__()
        self.ctx = ctx
        filedialogs.protect_database(ctx.engine)
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
        splitter.setSizes([170, 1100])
        self.setCentralWidget(splitter)
        self._build_menus()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self._open_row)
        self._published: list[tuple[float, frozenset[int]]] = []
        self.live = LiveUpdates(ctx.engine, self)
        self.live.received.connect(self._received)
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        if live:
            self.live.start()
        self._start_housekeeping()

    # -- changes ------------------------------------------------------------------------------
    def publish(self, changes: Changes) -> None:
        """A write of this window committed: tell every area now (the initiator refreshes once;
        the same change coming back from the server is dropped)."""
        if not changes:
            return
        payload = json.loads(changes.to_payload())
        payload["local"] = True
        now = time.monotonic()
        self._published = [(t, ids) for t, ids in self._published if now - t < OWN_ECHO_SECONDS]
        self._published.append((now, frozenset(payload["orders"])))
        self.live.mark_seen()
        self.changes.emit(payload)

    def _received(self, payload: dict) -> None:
        if payload.get("origin") == PROCESS_ORIGIN and self._already_published(payload):
            return
        self.changes.emit(payload)

    def _already_published(self, payload: dict) -> bool:
        now = time.monotonic()
        ids = frozenset(payload.get("orders") or ())
        for t, published in self._published:
            if now - t < OWN_ECHO_SECONDS and ids == published:
                self._published.remove((t, published))
                return True
        return False

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
            return self._placeholder(self.tr("This area is not part of this version yet."))
        if not hasattr(module, "create"):
            return self._placeholder(self.tr("This area is not part of this version yet."))
        try:
            return module.create(self.ctx, self)
        except UserError as exc:
            return self._placeholder(str(exc))
        except Exception as exc:  # noqa: BLE001 - one broken area must not close the others
            log.exception("cannot open the %s area", area.key)
            return self._placeholder(self.tr("This area could not be opened ({0}). The other "
                                             "areas still work; please tell your administrator.")
                                     .format(exc))

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignCenter)
        return label

    # -- housekeeping: time-based jobs, every 5 minutes, off the UI thread ---------------------
    def _start_housekeeping(self) -> None:
        from ordermgr.services.housekeeping import may_run
        self._housekeeping_busy = False
        self.housekeeping_timer = QTimer(self, interval=HOUSEKEEPING_MS)
        self.housekeeping_timer.timeout.connect(self.run_housekeeping)
        if may_run(self.ctx.actor):
            self.housekeeping_timer.start()

    def run_housekeeping(self) -> None:
        """A read-pool op, not the writer thread: a long run must not hold up the user's own
        saves; each job commits in its own transactions, and the database lock plus the shared
        last-run time keep workstations from doing it twice."""
        if self._housekeeping_busy:
            return
        from ordermgr.services.housekeeping import run_housekeeping
        self._housekeeping_busy = True
        ctx = self.ctx
        (QueryOp(self, lambda: run_housekeeping(ctx.engine, ctx.actor))
         .success(self._housekeeping_done).failure(self._housekeeping_failed).run())

    def _housekeeping_done(self, report) -> None:
        self._housekeeping_busy = False
        texts = {"cancel_unpaid": self.tr("{0} unpaid order(s) cancelled"),
                 "complete_delivered": self.tr("{0} delivered order(s) completed"),
                 "flag_delays": self.tr("{0} delayed parcel(s) flagged")}
        parts = [texts.get(j.name, j.name + " {0}").format(j.done)
                 for j in report.jobs if j.done and not j.error]
        parts += [self.tr("{0} failed: {1}").format(j.name, j.error) for j in report.errors]
        if parts:
            self.statusBar().showMessage(self.tr("Housekeeping: {0}").format("; ".join(parts)),
                                         5 * 60 * 1000)
        self.publish(report.changes)

    def _housekeeping_failed(self, exc: BaseException) -> None:
        self._housekeeping_busy = False  # background work: no dialog every five minutes
        log.warning("housekeeping failed: %s", exc)
        self.statusBar().showMessage(self.tr("Housekeeping failed: {0}").format(exc), 5 * 60 * 1000)

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
        self.live.stop()
        self.housekeeping_timer.stop()
        super().closeEvent(event)
