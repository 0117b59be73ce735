"""The order desk: queues with live counts, search and filters, the order table, the detail
panel and every workflow action on the selected orders."""

from __future__ import annotations

import time
from datetime import datetime, time as dtime, timedelta
from decimal import Decimal
from types import SimpleNamespace

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QItemSelection,
                            QItemSelectionModel, QLocale, QObject, QSettings, Qt, QTimer, QUrl,
                            Signal)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMenu, QSplitter, QTableView, QToolBar, QToolButton, QVBoxLayout,
                               QWidget)
from sqlalchemy import select

from ordermgr.db import queries
from ordermgr.db.queries import QUEUES, OrderFilter
from ordermgr.db.uow import Changes
from ordermgr.errors import ConflictError, ValidationError
from ordermgr.models import Order, PaymentStatus
from ordermgr.models.fulfilment import PickBatch
from ordermgr.models.money import to_decimal
from ordermgr.models.states import FulfilmentStatus
from ordermgr.services import order_edits, orders
from ordermgr.ui.errors import show_error
from ordermgr.ui.fulfilment.picklist import ask_pdf_path, write_batch_pdf
from ordermgr.ui.ops import QueryOp, WriteOp
from ordermgr.ui.status import say_in_status_bar
from ordermgr.ui.orders.actions import ACTIONS, ActionSpec
from ordermgr.ui.orders.detail import OrderDetailPanel, load_detail
from ordermgr.ui.orders.dialogs import DeskDialogs
from ordermgr.ui.orders.model import ROW_ROLE, OrderTableModel, status_text

SEARCH_DEBOUNCE_MS = 250
COUNTS_DELAY_MS = 30
COUNTS_MIN_INTERVAL_MS = 1000
REFRESH_DEBOUNCE_MS = 150
FOLLOW_SELECTION_MS = 120  # the open detail follows the selection once the arrow keys rest
SCAN_MAX_INTERVAL = 0.035  # seconds between keystrokes of a keyboard-wedge scanner
SCAN_MIN_LENGTH = 4
UNPAID = (PaymentStatus.PENDING, PaymentStatus.FAILED)  # confirming these takes a reason

QUEUE_TITLES = {
    "awaiting_payment": QT_TRANSLATE_NOOP("Queues", "Awaiting payment"),
    "on_hold": QT_TRANSLATE_NOOP("Queues", "To review / on hold"),
    "awaiting_fulfilment": QT_TRANSLATE_NOOP("Queues", "Awaiting fulfilment"),
    "allocated": QT_TRANSLATE_NOOP("Queues", "Allocated"),
    "picking": QT_TRANSLATE_NOOP("Queues", "Picking"),
    "packed": QT_TRANSLATE_NOOP("Queues", "Packed"),
    "shipped": QT_TRANSLATE_NOOP("Queues", "Shipped"),
    "delivered": QT_TRANSLATE_NOOP("Queues", "Delivered"),
    "completed": QT_TRANSLATE_NOOP("Queues", "Completed"),
    "cancelled": QT_TRANSLATE_NOOP("Queues", "Cancelled"),
    "exceptions": QT_TRANSLATE_NOOP("Queues", "Exceptions"),
    "all": QT_TRANSLATE_NOOP("Queues", "All"),
}


def queue_title(key: str) -> str:
    return QCoreApplication.translate("Queues", QUEUE_TITLES[key])


class ScanDetector(QObject):
    """Tells a barcode scanner (a burst of fast keystrokes ending in Enter) from typing."""

    def __init__(self, edit: QLineEdit):
        super().__init__(edit)
        self._start = self._last = 0.0
        self._count = 0
        self.last_was_scan = False
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.KeyPress:
            now = time.monotonic()
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self.last_was_scan = (self._count >= SCAN_MIN_LENGTH and now - self._last < 0.1
                                      and (self._last - self._start) / max(self._count - 1, 1)
                                      <= SCAN_MAX_INTERVAL)
                self._count = 0
            elif event.text() and event.text().isprintable():
                if now - self._last > 0.1:
                    self._start, self._count = now, 0
                self._count += 1
                self._last = now
        return False


class FilterBar(QWidget):
    """Store, date range, amount range, country, tag, payment and fulfilment state."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("orderFilters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.store = QComboBox()
        self.store.addItem(self.tr("All stores"), None)
        self.date_from, self.date_to = self._date(), self._date()
        self.min_total, self.max_total = QLineEdit(), QLineEdit()
        self.min_total.setPlaceholderText(self.tr("min"))
        self.max_total.setPlaceholderText(self.tr("max"))
        self.country = QLineEdit()
        self.country.setPlaceholderText(self.tr("CN"))
        self.country.setMaxLength(2)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("tag"))
        self.payment = QComboBox()
        self.payment.addItem(self.tr("Any payment"), "")
        for state in PaymentStatus:
            self.payment.addItem(status_text(state), str(state))
        self.fulfilment = QComboBox()
        self.fulfilment.addItem(self.tr("Any fulfilment"), "")
        for state in FulfilmentStatus:
            self.fulfilment.addItem(status_text(state), str(state))
        for w in (self.min_total, self.max_total, self.country):
            w.setMaximumWidth(70)
        self.tag.setMaximumWidth(100)
        clear = QToolButton()
        clear.setText(self.tr("Clear"))
        clear.clicked.connect(self.clear)
        for label, widget in ((self.tr("Store"), self.store), (self.tr("From"), self.date_from),
                              (self.tr("To"), self.date_to), (self.tr("Total"), self.min_total),
                              ("–", self.max_total), (self.tr("Country"), self.country),
                              (self.tr("Tag"), self.tag), (None, self.payment),
                              (None, self.fulfilment)):
            if label:
                layout.addWidget(QLabel(label))
            layout.addWidget(widget)
        layout.addWidget(clear)
        layout.addStretch(1)
        for combo in (self.store, self.payment, self.fulfilment):
            combo.currentIndexChanged.connect(self.changed)
        for date in (self.date_from, self.date_to):
            date.dateChanged.connect(self.changed)
        for edit in (self.min_total, self.max_total, self.country, self.tag):
            edit.textEdited.connect(self.changed)

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(edit.minimumDate())
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def set_stores(self, stores: list[tuple[int, str]]) -> None:
        current = self.store.currentData()
        self.store.blockSignals(True)
        while self.store.count() > 1:
            self.store.removeItem(1)
        for sid, name in stores:
            self.store.addItem(name, sid)
        index = self.store.findData(current)
        self.store.setCurrentIndex(max(index, 0))
        self.store.blockSignals(False)

    def clear(self) -> None:
        for w in self.findChildren(QWidget):
            w.blockSignals(True)
        for combo in (self.store, self.payment, self.fulfilment):
            combo.setCurrentIndex(0)
        for date in (self.date_from, self.date_to):
            date.setDate(date.minimumDate())
        for edit in (self.min_total, self.max_total, self.country, self.tag):
            edit.clear()
        for w in self.findChildren(QWidget):
            w.blockSignals(False)
        self.changed.emit()

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            return None
        try:
            value = to_decimal(text)
        except ValidationError:
            edit.setStyleSheet("border: 1px solid #c0392b;")
            edit.setToolTip(self.tr("Not an amount; this filter is ignored."))
            return None
        edit.setStyleSheet("")
        return value

    @staticmethod
    def _day(edit: QDateEdit, *, end: bool):
        if edit.date() == edit.minimumDate():
            return None
        day = edit.date().toPython()
        if end:
            day += timedelta(days=1)
        return datetime.combine(day, dtime()).astimezone()  # local midnight, aware

    def apply(self, flt: OrderFilter) -> OrderFilter:
        from dataclasses import replace
        return replace(flt, store_id=self.store.currentData(),
                       placed_from=self._day(self.date_from, end=False),
                       placed_to=self._day(self.date_to, end=True),
                       min_total=self._amount(self.min_total),
                       max_total=self._amount(self.max_total),
                       country=self.country.text().strip() if len(self.country.text().strip()) == 2
                       else "", tag=self.tag.text().strip(),
                       payment_status=self.payment.currentData() or "",
                       fulfilment_status=self.fulfilment.currentData() or "")


class OrderDesk(QWidget):
    """The "orders" area."""

    action_finished = Signal(str)  # an action's key once it succeeded, failed or was refused
    said = Signal(str)  # a message for the clerk: what an action did, or found nothing
    counts_updated = Signal(dict)

    def __init__(self, ctx, window=None, *, dialogs: DeskDialogs | None = None):
        super().__init__()
        self.setObjectName("orderDesk")
        self.ctx = ctx
        self.window_ = window
        self.actor = ctx.actor
        self.dialogs = dialogs or DeskDialogs(self)
        self.pick_list_path = ask_pdf_path  # (parent, suggested name) -> path or None
        self.open_file = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.counts: dict[str, int] = {}
        self._counts_generation = 0
        self._keep: tuple[list[int], int | None, int] | None = None
        self._detail_row = None
        self._counts_after_reload = False

        self.model = OrderTableModel(ctx.engine, self)
        self.model.reloaded.connect(self._restore_selection)
        self.model.window_refreshed.connect(self._window_refreshed)
        self.model.load_failed.connect(self._load_failed)
        self.model.rowsInserted.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)

        # queues
        self.queues = QListWidget()
        self.queues.setObjectName("orderQueues")
        self.queues.setMaximumWidth(240)
        self.queues.setMinimumWidth(185)
        for key in QUEUES:
            item = QListWidgetItem(queue_title(key))
            item.setData(Qt.UserRole, key)
            self.queues.addItem(item)

        # search and filters
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Search number, name, email, phone, tracking number or SKU; scan a barcode (Ctrl+F)"))
        self.scanner = ScanDetector(self.search)
        self.filters = FilterBar()
        self.filters.setVisible(False)
        self.filter_button = QToolButton()
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.toggled.connect(self.filters.setVisible)

        # table
        self.table = QTableView()
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, column.width)
        header.setStretchLastSection(False)

        # actions
        self.actions_by_key: dict[str, QAction] = {}
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.new_order_action = self._make_action(self.tr("&New order…"), "Ctrl+N", self.new_order)
        self.toolbar.addAction(self.new_order_action)
        self.toolbar.addSeparator()
        for spec in ACTIONS:
            action = self._make_action(QCoreApplication.translate("OrderActions", spec.label),
                                       spec.shortcut,
                                       lambda _=False, k=spec.key: self.run_action(k))
            self.actions_by_key[spec.key] = action
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.refresh_action = self._make_action(self.tr("Re&fresh"), "F5", self.refresh)
        self.toolbar.addAction(self.refresh_action)
        self.open_action = self._make_action(self.tr("&Open detail"), "Return", self.open_current)
        self.open_action.setShortcutContext(Qt.WidgetShortcut)
        self.table.addAction(self.open_action)
        QShortcut(QKeySequence.Find, self, self.focus_search,
                  context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.close_detail,
                  context=Qt.WidgetWithChildrenShortcut)

        # detail
        self.detail = OrderDetailPanel(ctx.engine, [self.actions_by_key[s.key] for s in ACTIONS],
                                       ctx=ctx)
        self.detail.failed_refunds.saved.connect(self.publish)
        self.detail.hide()
        self.detail.closed.connect(self._detail_closed)
        self.detail.loaded.connect(self._detail_loaded)

        # layout
        self.status_label = QLabel()
        self.status_label.setObjectName("orderStatus")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter_button)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.toolbar)
        center_layout.addLayout(top)
        center_layout.addWidget(self.filters)
        center_layout.addWidget(self.table, 1)
        center_layout.addWidget(self.status_label)
        self.splitter = QSplitter()
        self.splitter.setObjectName("orderSplitter")
        self.splitter.addWidget(self.queues)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([190, 900, 0])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # timers
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DEBOUNCE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._counts_timer = QTimer(self, singleShot=True)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_started = 0.0
        self._pending_changes: list[dict] = []

        # wiring
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self._search_entered)
        self.filters.changed.connect(self._search_timer.start)
        self.queues.currentRowChanged.connect(lambda _row: self.apply_filter())
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self._follow_timer = QTimer(self, singleShot=True, interval=FOLLOW_SELECTION_MS)
        self._follow_timer.timeout.connect(self._follow_selection)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._follow_timer.start())
        self.table.activated.connect(lambda _index: self.open_current())
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionMoved.connect(self.save_layout)
        header.sectionResized.connect(self._layout_changed)
        self._layout_timer = QTimer(self, singleShot=True, interval=500)
        self._layout_timer.timeout.connect(self.save_layout)
        if window is not None and hasattr(window, "changes"):
            window.changes.connect(self.on_changes)
        self.menu = None
        if window is not None and hasattr(window, "menuBar"):
            self._build_window_menu(window)

        self._restore_layout()
        self.update_actions()
        QueryOp(self, lambda: self._read(queries.list_stores)).success(
            self.filters.set_stores).run()
        self.apply_filter()

    # -- building -----------------------------------------------------------------------------
    def _make_action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        plain = text.replace("&", "").rstrip("…").rstrip(".")
        action.setToolTip(f"{plain} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_window_menu(self, window) -> None:
        """An "Orders" menu in the main window (shown while this area is open): every action
        with its shortcut, so the keyboard way is discoverable."""
        self.menu = QMenu(self.tr("&Orders"), window)
        self.menu.addAction(self.new_order_action)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        for spec in ACTIONS:
            self.menu.addAction(self.actions_by_key[spec.key])
        self.menu.addSeparator()
        self.menu.addAction(self.refresh_action)
        before = getattr(window, "view_menu", None)
        if before is not None:
            window.menuBar().insertMenu(before.menuAction(), self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        stack = getattr(window, "stack", None)
        if stack is not None:
            stack.currentChanged.connect(
                lambda _i: self.menu.menuAction().setVisible(stack.currentWidget() is self))

    def _read(self, fn):
        with self.ctx.engine.connect() as conn:
            return fn(conn)

    # -- layout memory ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        state = settings.value("orders/header")
        header = self.table.horizontalHeader()
        if state is not None:
            header.restoreState(state)
        splitter = settings.value("orders/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        column = self.model.columns[section] if 0 <= section < len(self.model.columns) else None
        if state is not None and column is not None and column.sort:
            descending = order == Qt.DescendingOrder
            self.model.sort_key = column.sort
            self.model.descending = (not descending) if column.key == "age" else descending
        else:
            header.setSortIndicator(2, Qt.DescendingOrder)  # placed at, newest first
        queue = settings.value("orders/queue", "all")
        keys = list(QUEUES)
        self.queues.blockSignals(True)
        self.queues.setCurrentRow(keys.index(queue) if queue in keys else keys.index("all"))
        self.queues.blockSignals(False)

    def _layout_changed(self, *_args) -> None:
        self._layout_timer.start()

    def save_layout(self, *_args) -> None:
        settings = QSettings()
        settings.setValue("orders/header", self.table.horizontalHeader().saveState())
        settings.setValue("orders/splitter", self.splitter.saveState())
        settings.setValue("orders/queue", self.current_queue())

    def hideEvent(self, event) -> None:
        self.save_layout()
        super().hideEvent(event)

    def _header_menu(self, pos) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, section: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(section, not visible)
        self.save_layout()

    def _sort_changed(self, section: int, order) -> None:
        if self.model.columns[section].sort is None:
            self.table.horizontalHeader().blockSignals(True)
            key = self.model.sort_key
            current = next((i for i, c in enumerate(self.model.columns) if c.sort == key), 2)
            self.table.horizontalHeader().setSortIndicator(
                current, Qt.DescendingOrder if self.model.descending else Qt.AscendingOrder)
            self.table.horizontalHeader().blockSignals(False)
            return
        self._remember_selection()
        self.model.sort(section, order)
        self.save_layout()

    # -- queues, search, filters --------------------------------------------------------------
    def current_queue(self) -> str:
        item = self.queues.currentItem()
        return item.data(Qt.UserRole) if item else "all"

    def current_filter(self) -> OrderFilter:
        flt = OrderFilter(queue=self.current_queue(), search=self.search.text())
        return self.filters.apply(flt)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.filter or not self.model.rowCount():
            self.model.filter = flt
            self._counts_after_reload = True  # rows first: the counts queries wait their turn
            self.model.reload(keep_rows=False)
        else:
            self.refresh_counts()

    def _search_edited(self, _text: str) -> None:
        self._search_timer.start()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _search_entered(self) -> None:
        """Enter in the search box: an order number, external id or waybill opens the order
        directly (what a scanner sends); anything else searches at once."""
        code = self.search.text().strip()
        scanned = self.scanner.last_was_scan
        self._search_timer.stop()
        if not code:
            self.apply_filter()
            return

        def lookup():
            with self.ctx.engine.connect() as conn:
                oid = queries.find_order_id(conn, code)
                if oid is not None:
                    return conn.execute(select(Order.number).where(Order.id == oid)).scalar(), 1
                # a product barcode or any other text: does the search find anything at all?
                any_row = queries.fetch_order_page(conn, OrderFilter(search=code), limit=1)
                return None, len(any_row)

        def found(answer):
            number, matches = answer
            if number is None:
                if scanned and not matches:
                    self.nothing_matches(code)
                self.apply_filter()
                return
            if scanned:
                self.search.clear()
                self.apply_filter()
            self.open_number(number)
        QueryOp(self, lookup).success(found).failure(lambda exc: show_error(self, exc)).run()

    def nothing_matches(self, code: str) -> None:
        """An unknown scan: no order stays on screen as if it were the one scanned."""
        self.close_detail()
        self.search.setFocus()
        self.search.selectAll()  # the next scan replaces it
        QApplication.beep()
        self.say(self.tr("Nothing matches {0}: no order number, waybill, SKU or product barcode.")
                 .format(code))

    def say(self, message: str) -> None:
        """What an action did, in the main window's status bar (the desk's own line without
        one)."""
        if not say_in_status_bar(self, message):
            self.status_label.setText(message)
        self.said.emit(message)

    def _refresh_counts_soon(self) -> None:
        """Counts scan many rows: under a stream of changes, at most one count per second."""
        since = (time.monotonic() - self._counts_started) * 1000
        if since >= COUNTS_MIN_INTERVAL_MS:
            self.refresh_counts()
        elif not self._counts_timer.isActive():
            self._counts_timer.start(int(COUNTS_MIN_INTERVAL_MS - since))

    def refresh_counts(self) -> None:
        self._counts_timer.stop()
        self._counts_started = time.monotonic()
        self._counts_generation += 1
        generation = self._counts_generation
        flt = self.current_filter()

        def done(counts: dict) -> None:
            if generation != self._counts_generation:
                return
            self.counts = counts
            locale = QLocale()
            for row in range(self.queues.count()):
                item = self.queues.item(row)
                key = item.data(Qt.UserRole)
                item.setText(f"{queue_title(key)}  ({locale.toString(counts.get(key, 0))})")
            self._update_status()
            self.counts_updated.emit(counts)
        QueryOp(self, lambda: self._read(lambda conn: queries.queue_counts(conn, flt))).success(
            done).failure(lambda exc: None).run()

    def _update_status(self, *_args) -> None:
        total = self.counts.get(self.current_queue())
        loaded = self.model.rowCount()
        if total is None:
            self.status_label.setText(self.tr("{0} orders loaded")
                                      .format(QLocale().toString(loaded)))
        else:
            self.status_label.setText(self.tr("{0} of {1} orders").format(
                QLocale().toString(loaded), QLocale().toString(total)))

    # -- live refresh -------------------------------------------------------------------------
    def on_changes(self, payload: dict) -> None:
        """A change made here or on another workstation: refresh rows, counts and the detail."""
        self._pending_changes.append(payload)
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh(self) -> None:
        payloads, self._pending_changes = self._pending_changes, []
        self._remember_selection()
        first, last = self.visible_rows()
        self.model.refresh_window(first, last)
        self._refresh_counts_soon()
        detail_id = self.detail.order_id
        if detail_id is not None and (not payloads or any(
                p.get("many") or not p.get("orders") or detail_id in p.get("orders", ())
                for p in payloads)):
            self.detail.reload()

    def visible_rows(self) -> tuple[int, int]:
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            return 0, 0
        return first, (last if last >= 0 else self.model.rowCount() - 1)

    def _remember_selection(self) -> None:
        ids = [r.id for r in self.selected_rows()]
        current = self.table.currentIndex()
        current_id = self.model.order_id(current.row()) if current.isValid() else None
        self._keep = (ids, current_id, self.table.verticalScrollBar().value())

    def _window_refreshed(self) -> None:
        self._keep = None  # nothing was reset: the selection is still there
        self.update_actions()

    def _load_failed(self, exc: BaseException) -> None:
        self._counts_after_reload = False
        show_error(self, exc)

    def _restore_selection(self) -> None:
        if self._counts_after_reload:
            self._counts_after_reload = False
            QTimer.singleShot(COUNTS_DELAY_MS, self, self.refresh_counts)  # after the rows painted
        keep, self._keep = self._keep, None
        if keep:
            ids, current_id, scroll = keep
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            for oid in ids:
                row = self.model.row_of(oid)
                if row is not None:
                    selection.select(self.model.index(row, 0), self.model.index(row, last))
            sm = self.table.selectionModel()
            if current_id is not None and self.model.row_of(current_id) is not None:
                sm.setCurrentIndex(self.model.index(self.model.row_of(current_id), 0),
                                   QItemSelectionModel.NoUpdate)
            sm.select(selection, QItemSelectionModel.ClearAndSelect)
            self.table.verticalScrollBar().setValue(scroll)
        self.update_actions()

    # -- selection and actions ----------------------------------------------------------------
    def selected_rows(self) -> list:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def target_rows(self) -> list:
        rows = self.selected_rows()
        if not rows and self._detail_row is not None and self.detail.isVisible():
            return [self._detail_row]
        return rows

    def update_actions(self, *_args) -> None:
        rows = self.target_rows()
        for spec in ACTIONS:
            self.actions_by_key[spec.key].setEnabled(self.action_allowed(spec, rows))

    def action_allowed(self, spec: ActionSpec, rows: list) -> bool:
        if not rows or not self.actor.may(spec.permission) or not spec.enabled(rows):
            return False
        if len(rows) > 1 and not spec.together:
            return spec.bulk and self.actor.may("orders.bulk")
        return True

    def select_rows(self, rows: list[int]) -> None:
        sm = self.table.selectionModel()
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        sm.select(selection, QItemSelectionModel.ClearAndSelect)
        if rows:
            sm.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.NoUpdate)

    def go_to_row(self, row: int) -> None:
        """Show row `row` of the queue (loading the pages before it only as keys)."""
        self.model.extend_to(row + 1)
        row = min(row, self.model.rowCount() - 1)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.scrollTo(index, QAbstractItemView.PositionAtTop)
            self.table.setCurrentIndex(index)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for spec in ACTIONS:
            menu.addAction(self.actions_by_key[spec.key])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- detail -------------------------------------------------------------------------------
    def open_current(self) -> None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.open_number(row.number)

    def open_number(self, number: str) -> None:
        self.detail.show_order(number)
        sizes = self.splitter.sizes()
        if sizes[2] < 200:  # collapsed: give the detail a good part of the width
            width = sum(sizes[1:])
            self.splitter.setSizes([sizes[0], int(width * 0.6), width - int(width * 0.6)])

    def close_detail(self) -> None:
        if self.detail.isVisible():
            self.detail.close_panel()
            self.table.setFocus()

    def _detail_loaded(self, d: dict) -> None:
        self._detail_row = SimpleNamespace(id=d["id"], number=d["number"], status=d["status"],
                                           version=d["version"], tags=",".join(d["tags"]),
                                           payment=d["payment_status"])
        row = self.model.row_of(d["id"])
        selected = [r.id for r in self.selected_rows()]
        if row is not None and selected != [d["id"]]:
            self.select_rows([row])
        elif row is None and selected:
            self.table.clearSelection()
        self.update_actions()

    def _follow_selection(self) -> None:
        """One current order: the open detail shows the selected order, the one the toolbar
        acts on (several selected: the toolbar acts on them all, as its prompts say)."""
        if not self.detail.isVisible():
            return
        rows = self.selected_rows()
        if len(rows) == 1 and rows[0].id != self.detail.order_id:
            self.detail.show_order(rows[0].number)

    def _detail_closed(self) -> None:
        self._detail_row = None
        self.update_actions()

    # -- running actions ----------------------------------------------------------------------
    def run_action(self, key: str) -> None:
        spec = next(s for s in ACTIONS if s.key == key)
        rows = self.target_rows()
        if not self.action_allowed(spec, rows):
            return
        if len(rows) > 1 and not spec.together:
            self._run_bulk(spec, rows)
        else:
            getattr(self, f"_do_{key}")(rows)

    def _label(self, key: str) -> str:
        spec = next(s for s in ACTIONS if s.key == key)
        return QCoreApplication.translate("OrderActions", spec.label).replace("&", "").rstrip("…")

    def _do_confirm(self, rows) -> None:
        r = rows[0]
        override = None
        if r.payment in UNPAID:
            override = self.dialogs.unpaid_confirm_reason(
                self.tr("Confirm order #{0}").format(r.number),
                self.tr("The payment of order #{0} is {1}. Confirming reserves its stock and "
                        "sends it out unpaid: why?").format(r.number, status_text(r.payment)))
            if override is None:
                return
        self._write("confirm", r, lambda uow: orders.confirm_order(
            uow, r.id, expected_version=r.version, override_reason=override),
            said=self.tr("#{0} confirmed").format(r.number))

    def _do_hold(self, rows) -> None:
        r = rows[0]
        reason = self.dialogs.hold_reason(self.tr("Put order #{0} on hold").format(r.number),
                                          self.tr("Why is order #{0} put on hold?").format(r.number))
        if reason is not None:
            self._write("hold", r, lambda uow: orders.hold_order(uow, r.id, reason=reason,
                                                                  expected_version=r.version),
                        said=self.tr("#{0} put on hold: {1}").format(r.number, reason))

    def _do_release(self, rows) -> None:
        r = rows[0]
        self._write("release", r, lambda uow: orders.release_order(uow, r.id,
                                                                    expected_version=r.version),
                    said=self.tr("#{0} released from hold").format(r.number))

    def _do_cancel(self, rows) -> None:
        r = rows[0]
        reason = self.dialogs.reason(self._label("cancel"),
                                     self.tr("Why is order #{0} cancelled? Its reserved stock "
                                             "is released.").format(r.number))
        if reason is not None:
            self._write("cancel", r, lambda uow: orders.cancel_order(uow, r.id, reason=reason,
                                                                      expected_version=r.version),
                        said=self.tr("#{0} cancelled").format(r.number))

    def _do_note(self, rows) -> None:
        r = rows[0]
        text = self.dialogs.text(self._label("note"), self.tr("Internal note on order #{0}:")
                                 .format(r.number))
        if text is not None:
            self._write("note", r, lambda uow: orders.add_note(uow, r.id, text=text),
                        said=self.tr("Note added to #{0}").format(r.number))

    def _do_tags(self, rows) -> None:
        r = rows[0]
        answer = self.dialogs.tags([t for t in r.tags.split(",") if t], f"#{r.number}")
        if answer is not None:
            add, remove = answer
            self._write("tags", r, lambda uow: orders.set_tags(uow, r.id, add=add, remove=remove),
                        said=self.tr("Tags of #{0} saved").format(r.number))

    def _do_address(self, rows) -> None:
        r = rows[0]
        self._ask_with_detail("address", r, self.dialogs.address,
                              lambda uow, address: orders.edit_shipping_address(
                                  uow, r.id, expected_version=r.version, **address),
                              said=self.tr("Shipping address of #{0} changed").format(r.number))

    def _do_lines(self, rows) -> None:
        r = rows[0]
        self._ask_with_detail("lines", r, self.dialogs.edit_lines,
                              lambda uow, edits: order_edits.edit_order_lines(
                                  uow, r.id, quantities=edits.quantities, add=edits.add,
                                  expected_version=r.version),
                              said=self.tr("Lines of #{0} saved").format(r.number))

    def _do_split(self, rows) -> None:
        r = rows[0]
        new_number = []

        def split(uow, move):
            new_id = order_edits.split_order(uow, r.id, move=move, expected_version=r.version)
            new_number.append(self._number_of(new_id))

        def after():
            text = self.tr("#{0} split: the moved lines are now order #{1}").format(
                r.number, new_number[0])
            self.say(text)
            if self.dialogs.ask(self._label("split"), text + "\n" + self.tr("Open #{0}?")
                                .format(new_number[0])):
                self.open_number(new_number[0])
        self._ask_with_detail("split", r, self.dialogs.split, split, after=after)

    def _number_of(self, order_id: int) -> str:
        with self.ctx.engine.connect() as conn:
            return conn.execute(select(Order.number).where(Order.id == order_id)).scalar_one()

    def _ask_with_detail(self, key: str, row, ask, call, *, said: str | None = None,
                         after=None) -> None:
        """Load the order, ask the clerk (who sees its lines/address), then write."""
        def then(detail):
            answer = ask(detail)
            if answer is not None:
                self._write(key, row, lambda uow: call(uow, answer), said=said, after=after)
        self._with_detail(row, then)

    def _do_merge(self, rows) -> None:
        numbers = ", ".join(f"#{r.number}" for r in rows)
        if not self.dialogs.ask(self._label("merge"),
                                self.tr("Merge {0} into the oldest of them? The others are "
                                        "cancelled.").format(numbers)):
            return
        versions = {r.id: r.version for r in rows}
        into = []

        def merge(uow):
            into.append(self._number_of(order_edits.merge_orders(
                uow, list(versions), expected_versions=versions)))
        self._write("merge", rows[0], merge, after=lambda: self.say(
            self.tr("{0} merged into #{1}").format(numbers, into[0])))

    def _do_pick(self, rows) -> None:
        """One pick batch of the selected allocated orders; then offer its pick list PDF."""
        from ordermgr.services import fulfilment
        ids, engine, started = [r.id for r in rows], self.ctx.engine, []

        def work(uow):
            batch_id = fulfilment.create_pick_batch(uow, ids)
            with engine.connect() as conn:
                started.append((batch_id, conn.execute(select(PickBatch.number).where(
                    PickBatch.id == batch_id)).scalar_one()))
        self._write("pick", rows[0], work, after=lambda: self._offer_pick_list(*started[0]))

    def _offer_pick_list(self, batch_id: int, number: str) -> None:
        self.say(self.tr("Pick batch {0} started.").format(number))
        path = self.pick_list_path(self, f"{number}-picklist.pdf")
        if path:
            write_batch_pdf(self, self.ctx.engine, batch_id, path).success(
                self._pick_list_saved).run()

    def _pick_list_saved(self, path) -> None:
        self.say(self.tr("Pick list saved to {0}").format(path))
        self.open_file(str(path))

    def _with_detail(self, row, then) -> None:
        QueryOp(self, lambda: load_detail(self.ctx.engine, row.number)).success(then).run()

    def _write(self, key: str, row, work, *, after=None, said: str | None = None) -> None:
        uow = self.ctx.uow()

        def job():
            work(uow)
            return uow.changes

        def ok(changes: Changes) -> None:
            self.publish(changes)
            if said:
                self.say(said)
            if after is not None:
                after()
            self.action_finished.emit(key)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError):
                self._show_conflict(exc, row, key)
                return
            show_error(self, exc)
            self.action_finished.emit(key)
        WriteOp(self, job, label=self._label(key)).success(ok).failure(failed).run()

    def _show_conflict(self, exc: ConflictError, row, key: str) -> None:
        def show(detail):
            self.dialogs.conflict(str(exc), detail)
            self.refresh()
            self.action_finished.emit(key)

        def gone(_exc):
            self.dialogs.conflict(str(exc), None)
            self.refresh()
            self.action_finished.emit(key)
        QueryOp(self, lambda: load_detail(self.ctx.engine, row.number)).success(show).failure(
            gone).run()

    def publish(self, changes: Changes) -> None:
        if self.window_ is not None and hasattr(self.window_, "publish"):
            self.window_.publish(changes)  # reaches on_changes through window.changes
        else:
            self.on_changes({"orders": sorted(changes.orders)})

    def _run_bulk(self, spec: ActionSpec, rows: list) -> None:
        kwargs = {}
        applies = sum(1 for r in rows if spec.enabled([r]))
        title = self.tr("{0}: {1} of the {2} selected orders").format(
            self._label(spec.key), applies, len(rows))
        others = self.tr(" The other {0} can't be, and are left as they are.").format(
            len(rows) - applies) if applies < len(rows) else ""
        if spec.key in ("hold", "cancel"):
            ask = self.dialogs.hold_reason if spec.key == "hold" else self.dialogs.reason
            reason = ask(title, self.tr("{0} {1} of the {2} selected orders: the reason?")
                         .format(self._label(spec.key), applies, len(rows)) + others)
            if reason is None:
                return
            kwargs["reason"] = reason
        if spec.key == "confirm":
            unpaid = sum(1 for r in rows if spec.enabled([r]) and r.payment in UNPAID)
            if unpaid:
                reason = self.dialogs.unpaid_confirm_reason(title, self.tr(
                    "Confirm {0} of the {1} selected orders; the payment of {2} of them is "
                    "pending or failed. Why confirm them unpaid?").format(
                    applies, len(rows), unpaid) + others)
                if reason is None:
                    return
                kwargs["override_reason"] = reason
        if spec.key == "tags":
            common = set.intersection(*({t for t in r.tags.split(",") if t} for r in rows))
            answer = self.dialogs.tags(sorted(common), title)
            if answer is None:
                return
            add, remove = answer
        service = {"confirm": orders.confirm_order, "hold": orders.hold_order,
                   "cancel": orders.cancel_order}.get(spec.key)
        versions = {r.id: r.version for r in rows}
        numbers = {r.id: r.number for r in rows}
        total = Changes()

        def act(uow, order_id):
            try:
                if service is None:
                    orders.set_tags(uow, order_id, add=add, remove=remove)
                else:
                    service(uow, order_id, expected_version=versions[order_id], **kwargs)
            finally:
                total.merge(uow.changes)

        uow = self.ctx.uow()

        def job(progress):
            return orders.run_bulk(uow, list(versions), act, progress=progress)

        def done(results) -> None:
            seen = {r.order_id for r in results}
            report = [(numbers[r.order_id], r.ok, r.message) for r in results]
            report += [(numbers[oid], False, self.tr("Not done: the run was cancelled."))
                       for oid in versions if oid not in seen]
            self.publish(total)
            done_count = sum(1 for r in results if r.ok)
            self.say(self.tr("{0}: {1} of {2} orders done").format(
                self._label(spec.key), done_count, len(rows)))
            self.dialogs.bulk_report(self.tr("{0}: {1} orders").format(
                self._label(spec.key), len(rows)), report)
            self.action_finished.emit(spec.key)

        WriteOp(self, job, label=self.tr("{0} {1} orders…").format(self._label(spec.key),
                                                                   len(rows)),
                wants_progress=True).success(done).run()

    # -- new order ----------------------------------------------------------------------------
    def new_order(self) -> None:
        from ordermgr.ui.orders.new_order import NewOrderDialog
        dialog = NewOrderDialog(self.ctx, self)
        dialog.created.connect(self._order_created)
        dialog.open()
        self._new_order_dialog = dialog

    def _order_created(self, order_id: int, number: str, changes: Changes) -> None:
        self.publish(changes)
        self.say(self.tr("#{0} created").format(number))
        self.open_number(number)
