"""The "sync" area (Storefronts): connected stores with their status (last success, orders
pulled, pushes pending/failed/parked, last error), add/edit/remove/test, "Sync all now" and
"Sync selected" off the UI thread with progress, an optional background sync every minute,
parked pushes (retry/dismiss), quarantined orders with their reason (fetch again) and the
storefront SKUs missing from the catalogue (mapped with the SKU matcher)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from ordermgr.services import sku_mapping, stores, sync_push
from ordermgr.sync import CONNECTORS
from ordermgr.ui.ops import QueryOp, WriteOp

AUTO_SYNC_MS = 60_000
SETTINGS_KEY = "storefronts"


def _when(value) -> str:
    if value is None:
        return "—"
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[object], str]
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignVCenter


class RowsModel(QAbstractTableModel):
    """A short list of read-side rows (stores, parked pushes, open quarantine: each bounded)."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return column.text(self.rows[index.row()])
        if role == Qt.TextAlignmentRole:
            return int(column.align)
        if role == Qt.UserRole:
            return self.rows[index.row()]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None


class StoreDialog(QDialog):
    """Add or edit a storefront connection. On edit an empty credential keeps the stored one."""

    def __init__(self, parent=None, *, existing: stores.StoreConnection | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit storefront") if existing else self.tr("Add storefront"))
        self.name = QLineEdit(existing.name if existing else "")
        self.platform = QComboBox()
        self.platform.addItems(sorted(CONNECTORS))
        if existing:
            self.platform.setCurrentText(existing.platform)
            self.platform.setEnabled(False)
        self.url = QLineEdit(existing.base_url if existing else "")
        self.url.setPlaceholderText("https://shop.example.com")
        self.credential = QLineEdit()
        self.credential.setEchoMode(QLineEdit.Password)
        self.credential.setPlaceholderText(
            self.tr("Leave empty to keep the stored credential") if existing
            else self.tr("Access token, ck_…:cs_… or sk_…"))
        self.currency = QLineEdit("CNY")
        self.currency.setEnabled(existing is None)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Store URL"), self.url)
        form.addRow(self.tr("API credential"), self.credential)
        form.addRow(self.tr("Currency"), self.currency)
        note = QLabel(self.tr("The credential is kept in the system keyring or encrypted on this "
                              "computer, never in the database."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


MAX_COLUMN_WIDTH = 320


class StorefrontsPanel(QWidget):
    refreshed = Signal()  # after the lists were reloaded (tests)
    synced = Signal(list)  # StoreRun results of a sync round
    tested = Signal(object)  # a TestResult
    mapped = Signal(object)  # a sku_mapping.MapResult
    retried = Signal(object)  # (imported, message) of a quarantined order fetched again

    def __init__(self, ctx, window=None):
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.setObjectName("storefrontsPanel")
        self._syncing = False
        self._autosize: set[QTableView] = set()
        self._fitting = False
        may_edit = ctx.actor.may("stores.edit")
        may_sync = ctx.actor.may("sync.run")

        self.stores = RowsModel([
            Column(self.tr("Store"), lambda r: r.name),
            Column(self.tr("Platform"), lambda r: r.platform),
            Column(self.tr("Active"), lambda r: self.tr("yes") if r.active else self.tr("no")),
            Column(self.tr("Last success"), lambda r: _when(r.last_success_at)),
            Column(self.tr("Pulled (last run)"), lambda r: str(r.last_pulled), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Pulled (total)"), lambda r: str(r.orders_pulled), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Pushes pending"), lambda r: str(r.pending), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Failing"), lambda r: str(r.failing), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Parked"), lambda r: str(r.parked), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Quarantined"), lambda r: str(r.quarantined), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Last error"), lambda r: r.last_error),
        ], self)
        self.store_view = self._table(self.stores, "storeTable")
        self.store_view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.sync_button = QPushButton(self.tr("Sync all now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_one_button = QPushButton(self.tr("Sync selected"))
        self.auto = QCheckBox(self.tr("Sync in the background every minute"))
        self.auto.setChecked(QSettings().value(f"{SETTINGS_KEY}/auto", False, type=bool))
        self.auto.toggled.connect(self._auto_toggled)
        for button, slot in ((self.add_button, self.add_store), (self.edit_button, self.edit_store),
                             (self.remove_button, self.remove_store), (self.test_button, self.test_store),
                             (self.sync_button, self.sync_now),
                             (self.sync_one_button, self.sync_selected)):
            button.clicked.connect(slot)
        self.add_button.setEnabled(may_edit)
        self.sync_button.setEnabled(may_sync)
        self._may_edit, self._may_sync = may_edit, may_sync
        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)

        self.parked = RowsModel([
            Column(self.tr("Store"), lambda r: r.store),
            Column(self.tr("Push"), lambda r: r.topic),
            Column(self.tr("What"), lambda r: r.summary),
            Column(self.tr("Attempts"), lambda r: str(r.attempts), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Storefront's error"), lambda r: r.error),
            Column(self.tr("Queued"), lambda r: _when(r.created_at)),
        ], self)
        self.parked_view = self._table(self.parked, "parkedTable")
        self.retry_button = QPushButton(self.tr("Retry"))
        self.dismiss_button = QPushButton(self.tr("Dismiss…"))
        self.retry_button.clicked.connect(self.retry_parked)
        self.dismiss_button.clicked.connect(self.dismiss_parked)
        self.parked_view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.quarantine = RowsModel([
            Column(self.tr("Store"), lambda r: r.store),
            Column(self.tr("Order"), lambda r: r.number or r.external_id),
            Column(self.tr("Why it was not imported"), lambda r: r.reason),
            Column(self.tr("Seen"), lambda r: str(r.attempts), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Last seen"), lambda r: _when(r.last_seen_at)),
        ], self)
        self.quarantine_view = self._table(self.quarantine, "quarantineTable")
        self.reason = QPlainTextEdit()
        self.reason.setReadOnly(True)
        self.reason.setMaximumHeight(70)
        self.quarantine_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.reason.setPlainText(
                self.quarantine.rows[cur.row()].reason if cur.isValid() else ""))
        self.quarantine_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retry_order_button = QPushButton(self.tr("Fetch again and import"))
        self.retry_order_button.setObjectName("retryQuarantined")
        self.retry_order_button.setToolTip(self.tr(
            "Read the order from the storefront again and import it, once its problem is fixed "
            "on either side"))
        self.retry_order_button.clicked.connect(self.retry_quarantined)

        self.unmatched = RowsModel([
            Column(self.tr("Store"), lambda r: r.store),
            Column(self.tr("Storefront SKU"), lambda r: r.remote_sku),
            Column(self.tr("Orders waiting"), lambda r: str(r.orders), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Quantity"), lambda r: str(r.quantity), Qt.AlignRight | Qt.AlignVCenter),
            Column(self.tr("Product on the storefront"), lambda r: r.name),
        ], self)
        self.unmatched_view = self._table(self.unmatched, "unmatchedTable")
        self.unmatched_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.unmatched_view.doubleClicked.connect(lambda _index: self.map_sku())
        self.map_button = QPushButton(self.tr("Map to a catalogue SKU…"))
        self.map_button.setObjectName("mapSku")
        self.map_button.clicked.connect(self.map_sku)
        self._may_map = ctx.actor.may("orders.edit")

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button,
                       self.sync_one_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.auto)
        buttons.addWidget(self.sync_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.store_view)
        top_layout.addWidget(self.status)

        parked_page = QWidget()
        parked_layout = QVBoxLayout(parked_page)
        parked_layout.addWidget(self.parked_view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.dismiss_button)
        parked_layout.addLayout(row)
        quarantine_page = QWidget()
        quarantine_layout = QVBoxLayout(quarantine_page)
        quarantine_layout.addWidget(self.quarantine_view)
        quarantine_layout.addWidget(self.reason)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_order_button)
        quarantine_layout.addLayout(row)
        unmatched_page = QWidget()
        unmatched_layout = QVBoxLayout(unmatched_page)
        unmatched_hint = QLabel(self.tr(
            "Orders with these SKUs are not allocated until each SKU is mapped to one in the "
            "catalogue; a mapping is remembered for the store's later orders."))
        unmatched_hint.setWordWrap(True)
        unmatched_layout.addWidget(unmatched_hint)
        unmatched_layout.addWidget(self.unmatched_view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.map_button)
        unmatched_layout.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(parked_page, self.tr("Parked pushes"))
        self.tabs.addTab(quarantine_page, self.tr("Quarantined orders"))
        self.tabs.addTab(unmatched_page, self.tr("Unmatched SKUs"))

        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        state = QSettings().value(f"{SETTINGS_KEY}/splitter")
        if state is not None:
            self.splitter.restoreState(state)

        self.timer = QTimer(self, interval=AUTO_SYNC_MS)
        self.timer.timeout.connect(lambda: self.sync_now(quiet=True))
        if self.auto.isChecked():
            self.timer.start()
        if window is not None and hasattr(window, "changes"):
            window.changes.connect(self._on_changes)
        self._update_buttons()
        self.refresh()

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setSelectionMode(QAbstractItemView.SingleSelection)
        view.horizontalHeader().setStretchLastSection(True)
        state = QSettings().value(f"{SETTINGS_KEY}/{name}")
        if state is not None:
            view.horizontalHeader().restoreState(state)
        else:  # no layout saved: fit the columns to each load until the user sizes one
            self._autosize.add(view)
            view.horizontalHeader().sectionResized.connect(
                lambda section, _old, _new, v=view: self._user_resized(v, section))
        return view

    def _user_resized(self, view: QTableView, section: int) -> None:
        if not self._fitting and section < view.horizontalHeader().count() - 1:
            self._autosize.discard(view)  # (the stretching last section resizes with the window)

    def _fit_columns(self) -> None:
        self._fitting = True
        try:
            for view in self._autosize:
                view.resizeColumnsToContents()  # headers count too, so none is cut off
                header = view.horizontalHeader()
                for section in range(header.count() - 1):  # long texts capped
                    header.resizeSection(section, min(MAX_COLUMN_WIDTH, header.sectionSize(section)))
        finally:
            self._fitting = False

    def hideEvent(self, event) -> None:  # noqa: N802
        settings = QSettings()
        settings.setValue(f"{SETTINGS_KEY}/splitter", self.splitter.saveState())
        for view in (self.store_view, self.parked_view, self.quarantine_view, self.unmatched_view):
            settings.setValue(f"{SETTINGS_KEY}/{view.objectName()}", view.horizontalHeader().saveState())
        super().hideEvent(event)

    # -- reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        engine = self.ctx.engine

        def load():
            return (stores.store_statuses(engine), stores.parked_pushes(engine),
                    stores.quarantined_orders(engine), sku_mapping.unmatched(engine))
        QueryOp(self, load).success(self._loaded).run()

    def _loaded(self, result) -> None:
        selected = self.selected_store()
        statuses, parked, quarantined, unmatched = result
        self.stores.set_rows(statuses)
        self.parked.set_rows(parked)
        self.quarantine.set_rows(quarantined)
        self.unmatched.set_rows(unmatched)
        self._fit_columns()
        self.tabs.setTabText(0, self.tr("Parked pushes ({0})").format(len(parked)))
        self.tabs.setTabText(1, self.tr("Quarantined orders ({0})").format(len(quarantined)))
        self.tabs.setTabText(2, self.tr("Unmatched SKUs ({0})").format(len(unmatched)))
        if selected is not None:
            for i, row in enumerate(statuses):
                if row.id == selected.id:
                    self.store_view.selectRow(i)
        self._update_buttons()
        self.refreshed.emit()

    def _on_changes(self, payload: dict) -> None:
        if payload.get("stores") or payload.get("orders"):
            self.refresh()

    def selected_store(self):
        rows = self.store_view.selectionModel().selectedRows() if self.store_view.selectionModel() else []
        return self.stores.rows[rows[0].row()] if rows else None

    def _selected_parked(self):
        rows = self.parked_view.selectionModel().selectedRows()
        return self.parked.rows[rows[0].row()] if rows else None

    def _selected_quarantined(self):
        rows = self.quarantine_view.selectionModel().selectedRows()
        return self.quarantine.rows[rows[0].row()] if rows else None

    def _selected_unmatched(self):
        rows = self.unmatched_view.selectionModel().selectedRows()
        return self.unmatched.rows[rows[0].row()] if rows else None

    def _update_buttons(self, *_args) -> None:
        has_store = self.selected_store() is not None
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(has_store and self._may_edit)
        self.test_button.setEnabled(has_store)
        has_parked = self._selected_parked() is not None
        self.retry_button.setEnabled(has_parked and self._may_sync)
        self.dismiss_button.setEnabled(has_parked and self._may_sync)
        self.map_button.setEnabled(self._selected_unmatched() is not None and self._may_map)
        self.retry_order_button.setEnabled(self._selected_quarantined() is not None and self._may_sync
                                           and not self._syncing)
        self.sync_button.setEnabled(self._may_sync and not self._syncing)
        self.sync_one_button.setEnabled(has_store and self._may_sync and not self._syncing)

    # -- stores ---------------------------------------------------------------------------------
    def add_store(self) -> None:
        dialog = StoreDialog(self)
        if dialog.exec() != QDialog.Accepted:
            return
        self.save_new_store(dialog.name.text(), dialog.platform.currentText(), dialog.url.text(),
                            dialog.credential.text(), dialog.currency.text())

    def save_new_store(self, name, platform, url, credential, currency="CNY") -> None:
        """Test the connection; the store is saved only if it works."""
        def work():
            return stores.add_tested_store(self.ctx.uow(), name=name, platform=platform, url=url,
                                           credential=credential, currency=currency)
        WriteOp(self, work, label=self.tr("Testing and adding the store…")).success(
            self._after_add).run()

    def _after_add(self, outcome) -> None:
        store_id, result = outcome
        if store_id is None:
            result = stores.TestResult(False, result.problem, self.tr(
                "{0}\nThe store was not saved: correct it and add it again.").format(result.message))
        self._after_test(result)

    def edit_store(self) -> None:
        row = self.selected_store()
        if row is None:
            return
        existing = stores.get_connection(self.ctx.uow(), row.id)
        dialog = StoreDialog(self, existing=existing)
        if dialog.exec() != QDialog.Accepted:
            return
        values = dict(name=dialog.name.text(), url=dialog.url.text(),
                      credential=dialog.credential.text() or None)
        WriteOp(self, lambda: stores.edit_store(self.ctx.uow(), row.id, **values),
                label=self.tr("Saving…")).success(lambda _r: self.refresh()).run()

    def remove_store(self) -> None:
        row = self.selected_store()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove storefront"), self.tr(
            "Remove {0}? A store with orders is only deactivated; its orders stay.").format(row.name))
        if answer != QMessageBox.Yes:
            return
        WriteOp(self, lambda: stores.remove_store(self.ctx.uow(), row.id)).success(
            lambda message: (self.status.setText(message), self.refresh())).run()

    def test_store(self) -> None:
        row = self.selected_store()
        if row is None:
            return
        self.status.setText(self.tr("Testing {0}…").format(row.name))
        QueryOp(self, lambda: stores.test_store(self.ctx.uow(), row.id),
                label=self.tr("Testing the connection…")).success(self._after_test).run()

    def _after_test(self, result) -> None:
        self.status.setText(result.message)
        self.tested.emit(result)
        self.refresh()

    # -- sync -----------------------------------------------------------------------------------
    def sync_selected(self) -> None:
        row = self.selected_store()
        if row is not None:
            self.sync_now(store_name=row.name)

    def sync_now(self, quiet: bool = False, store_name: str | None = None) -> None:
        """Sync one store, or every active store."""
        if self._syncing or not self._may_sync:
            return
        self._syncing = True
        self._update_buttons()
        self.status.setText(self.tr("Syncing {0}…").format(store_name or self.tr("all stores")))
        engine, actor = self.ctx.engine, self.ctx.actor

        def work(report):
            from ordermgr.sync.runner import sync_all
            return sync_all(engine, actor, store_name=store_name,
                            progress=lambda store, done: report(done, 0))
        op = QueryOp(self, work, label="" if quiet else self.tr("Syncing storefronts…"),
                     wants_progress=True)
        op.success(self._synced).failure(self._sync_failed).run()

    def _synced(self, runs) -> None:
        self._syncing = False
        lines = [run.summary() for run in runs] or [self.tr("No active storefronts to sync.")]
        self.status.setText("\n".join(lines))
        self._update_buttons()
        self.synced.emit(runs)
        self.refresh()
        if self.window_ is not None and hasattr(self.window_, "changes"):
            self.window_.changes.emit({"origin": None, "orders": [], "many": True, "stock": True,
                                       "returns": [], "customers": True, "stores": True})

    def _sync_failed(self, exc) -> None:
        self._syncing = False
        self._update_buttons()
        self.status.setText(str(exc))
        self.synced.emit([])

    def _auto_toggled(self, on: bool) -> None:
        QSettings().setValue(f"{SETTINGS_KEY}/auto", on)
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    # -- unmatched SKUs ---------------------------------------------------------------------------
    def map_sku(self) -> None:
        row = self._selected_unmatched()
        if row is None or not self._may_map:
            return
        from ordermgr.ui.sku_matcher import SkuMatcherDialog
        dialog = SkuMatcherDialog(self.ctx.engine, row, self)
        if dialog.exec() != QDialog.Accepted or not dialog.code:
            return
        code = dialog.code

        def work():
            return sku_mapping.map_sku(self.ctx.uow(), store_id=row.store_id,
                                       remote_sku=row.remote_sku, sku=code)
        WriteOp(self, work, label=self.tr("Mapping the SKU…")).success(self._mapped).run()

    def _mapped(self, result) -> None:
        self.status.setText(self.tr("{0} is now {1}: {2} waiting line(s) updated, {3} order(s) "
                                    "allocated.").format(result.remote_sku, result.sku,
                                                         result.lines, len(result.allocated))
                            + "".join(f"\n{p}" for p in result.problems))
        self.mapped.emit(result)
        self.refresh()
        if self.window_ is not None and hasattr(self.window_, "changes"):
            self.window_.changes.emit({"origin": None, "orders": [], "many": True, "stock": True,
                                       "returns": [], "customers": False, "stores": True})

    # -- quarantined orders -----------------------------------------------------------------------
    def retry_quarantined(self) -> None:
        row = self._selected_quarantined()
        if row is None or self._syncing:
            return
        engine, actor = self.ctx.engine, self.ctx.actor
        self.status.setText(self.tr("Fetching order {0} again…").format(row.number or row.external_id))

        def work():
            from ordermgr.sync.runner import retry_quarantined
            return retry_quarantined(engine, actor, row.id)
        QueryOp(self, work, label=self.tr("Fetching the order again…")).success(self._retried).run()

    def _retried(self, outcome) -> None:
        _imported, message = outcome
        self.status.setText(message)
        self.retried.emit(outcome)
        self.refresh()
        if self.window_ is not None and hasattr(self.window_, "changes"):
            self.window_.changes.emit({"origin": None, "orders": [], "many": True, "stock": True,
                                       "returns": [], "customers": True, "stores": True})

    # -- parked pushes ----------------------------------------------------------------------------
    def retry_parked(self) -> None:
        row = self._selected_parked()
        if row is None:
            return
        WriteOp(self, lambda: sync_push.retry_message(self.ctx.uow(), row.id)).success(
            lambda _r: (self.status.setText(self.tr("Push {0} queued again.").format(row.id)),
                        self.refresh())).run()

    def dismiss_parked(self, reason: str | None = None) -> None:
        row = self._selected_parked()
        if row is None:
            return
        if not reason:
            reason, ok = QInputDialog.getText(self, self.tr("Dismiss push"), self.tr(
                "Why is this push not needed any more (e.g. done by hand on the storefront)?"))
            if not ok:
                return
        WriteOp(self, lambda: sync_push.dismiss_message(self.ctx.uow(), row.id, reason=reason)).success(
            lambda _r: self.refresh()).run()


def create(ctx, window) -> QWidget:
    return StorefrontsPanel(ctx, window)

