"""The inventory area: stock table, adjustments, stocktakes, transfers, low stock and reorder."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QTabWidget,
                               QVBoxLayout)

from ordermgr.models.inventory import ADJUSTMENT_REASONS
from ordermgr.services import inventory as inv
from ordermgr.ui import filedialogs
from ordermgr.ui.errors import show_error
from ordermgr.ui.inventory.common import InventoryTab, alive, fill_warehouses, make_table
from ordermgr.ui.inventory.model import ListTableModel, StockTableModel
from ordermgr.ui.scan import ScanLineEdit

REFRESH_DEBOUNCE_MS = 400

# The reasons' labels live in ordermgr.models.inventory (no Qt there); listed here so that lupdate
# puts them in the AdjustTab context where AdjustTab's self.tr(label) looks them up.
REASON_LABELS = (
    QT_TRANSLATE_NOOP("AdjustTab", "Damaged"),
    QT_TRANSLATE_NOOP("AdjustTab", "Found"),
    QT_TRANSLATE_NOOP("AdjustTab", "Lost or stolen"),
    QT_TRANSLATE_NOOP("AdjustTab", "Correction"),
    QT_TRANSLATE_NOOP("AdjustTab", "Expired"),
    QT_TRANSLATE_NOOP("AdjustTab", "Sample or gift"),
    QT_TRANSLATE_NOOP("AdjustTab", "Returned to supplier"),
    QT_TRANSLATE_NOOP("AdjustTab", "Received from supplier"),
)


class StockTab(InventoryTab):
    """Stock per SKU and warehouse with filters, search and remembered layout."""

    def __init__(self, ctx, window=None, parent=None):
        super().__init__(ctx, window, parent)
        self.model = StockTableModel(ctx.engine, self)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.warehouse = QComboBox()
        self.warehouse.setObjectName("stockWarehouse")
        self.warehouse.addItem(self.tr("All warehouses"), None)
        self.product = QComboBox()
        self.product.setObjectName("stockProduct")
        self.product.addItem(self.tr("All products"), None)
        self.low_only = QCheckBox(self.tr("Low stock only"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search SKU, barcode or name…"))
        self.search.setClearButtonEnabled(True)
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.count_label = QLabel()
        bar = QHBoxLayout()
        for widget in (self.warehouse, self.product, self.low_only):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        self.table = make_table(self.model)
        self.table.setObjectName("stockTable")
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.setColumnWidth(1, 260)  # the name; a saved layout overrides it
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.warehouse.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.product.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.low_only.toggled.connect(lambda _c: self.apply_filter())
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.export)
        self.model.reloaded.connect(self._update_count)
        header = self.table.horizontalHeader()
        header.sectionMoved.connect(lambda *_: self.save_layout())
        header.sectionResized.connect(lambda *_: self._layout_timer.start())
        self._layout_timer = QTimer(self, singleShot=True, interval=500)
        self._layout_timer.timeout.connect(self.save_layout)
        self._restore_layout()
        self.read(inv.warehouses, lambda rows: fill_warehouses(
            self.warehouse, rows, all_label=self.tr("All warehouses")))
        self.read(inv.products, self._fill_products)
        self.apply_filter(force=True)

    def _fill_products(self, rows) -> None:
        self.product.blockSignals(True)
        for product_id, name in rows:
            self.product.addItem(name, product_id)
        self.product.blockSignals(False)

    def current_filter(self) -> inv.StockFilter:
        return inv.StockFilter(warehouse_id=self.warehouse.currentData(),
                               product_id=self.product.currentData(),
                               low_only=self.low_only.isChecked(), search=self.search.text().strip())

    def apply_filter(self, force: bool = False) -> None:
        flt = self.current_filter()
        QSettings().setValue("inventory/low_only", flt.low_only)
        if force:
            self.model.filter = flt
            self.model.reload()
        else:
            self.model.set_filter(flt)

    def refresh(self) -> None:
        self.model.reload()

    def _update_count(self) -> None:
        flt = self.model.filter
        self.read(lambda conn: inv.count_stock(conn, flt),
                  lambda n: self.count_label.setText(self.tr("{0} stock levels").format(n)))

    # -- layout memory ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        state = settings.value("inventory/stock_header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
        self.low_only.blockSignals(True)
        self.low_only.setChecked(settings.value("inventory/low_only", False, type=bool))
        self.low_only.blockSignals(False)

    def save_layout(self) -> None:
        QSettings().setValue("inventory/stock_header", self.table.horizontalHeader().saveState())

    # -- import / export ----------------------------------------------------------------------
    def open_import(self) -> None:
        from ordermgr.ui.inventory.import_dialog import ImportDialog
        ImportDialog(self.ctx, self.window_, self).open()

    def export(self) -> None:
        from ordermgr.services.stock_import import export_stock
        path = filedialogs.save_file(self, self.tr("Export stock"), "stock.xlsx",
                                     self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.read(lambda conn: export_stock(conn, path), lambda n: QMessageBox.information(
                self, self.tr("Export stock"), self.tr("Wrote {0} stock levels.").format(n)))


class AdjustTab(InventoryTab):
    """Add or remove units by hand with a reason code and a note; change a threshold."""

    def __init__(self, ctx, window=None, parent=None):
        super().__init__(ctx, window, parent)
        self.sku = ScanLineEdit()
        self.sku.setPlaceholderText(self.tr("Scan or type a SKU or barcode"))
        self.warehouse = QComboBox()
        self.delta = QSpinBox()
        self.delta.setRange(-1_000_000, 1_000_000)
        self.reason = QComboBox()
        for code, label in ADJUSTMENT_REASONS.items():
            self.reason.addItem(self.tr(label), code)
        self.note = QLineEdit()
        self.apply_button = QPushButton(self.tr("Apply adjustment"))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 1_000_000)
        self.threshold_button = QPushButton(self.tr("Set threshold"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Warehouse"), self.warehouse)
        form.addRow(self.tr("Change (+ add, − remove)"), self.delta)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.apply_button)
        form.addRow(self.tr("Low-stock threshold"), self.threshold)
        form.addRow("", self.threshold_button)
        form.addRow(self.result)
        self.apply_button.clicked.connect(self.apply)
        self.threshold_button.clicked.connect(self.set_threshold)
        self.sku.returnPressed.connect(self.delta.setFocus)
        self.read(inv.warehouses, lambda rows: fill_warehouses(self.warehouse, rows))

    def apply(self) -> None:
        sku, wh, delta = self.sku.text().strip(), self.warehouse.currentData(), self.delta.value()
        reason, note = self.reason.currentData(), self.note.text()
        self.write(lambda uow: inv.adjust_stock(uow, sku, wh, delta, reason=reason, note=note),
                   lambda after: self._done(self.tr("{0}: now {1} on hand, {2} reserved.")
                                            .format(sku, after[0], after[1])))

    def set_threshold(self) -> None:
        sku, wh, value = self.sku.text().strip(), self.warehouse.currentData(), self.threshold.value()
        self.write(lambda uow: inv.set_threshold(uow, sku, wh, value),
                   lambda _r: self._done(self.tr("{0}: threshold set to {1}.").format(sku, value)))

    def _done(self, message: str) -> None:
        self.result.setText(message)
        self.delta.setValue(0)
        self.note.clear()
        self.sku.selectAll()
        self.sku.setFocus()


class AlertsTab(InventoryTab):
    """Low stock now, reorder suggestions, export to Excel."""

    def __init__(self, ctx, window=None, parent=None):
        super().__init__(ctx, window, parent)
        self.low_model = ListTableModel(
            [self.tr("SKU"), self.tr("Name"), self.tr("Warehouse"), self.tr("Available"),
             self.tr("Threshold"), self.tr("Incoming")],
            [lambda r: r.sku, lambda r: r.name, lambda r: r.warehouse, lambda r: r.available,
             lambda r: r.threshold, lambda r: r.incoming or ""], self, state=lambda r: r.state)
        self.reorder_model = ListTableModel(
            [self.tr("SKU"), self.tr("Name"), self.tr("Available"), self.tr("In transit"),
             self.tr("Sold per day"), self.tr("Lead time (days)"), self.tr("Reorder point"),
             self.tr("Order quantity")],
            [lambda s: s.sku, lambda s: s.name, lambda s: s.available, lambda s: s.in_transit,
             lambda s: f"{s.daily_sales:.2f}", lambda s: s.lead_time_days,
             lambda s: s.reorder_point, lambda s: s.quantity], self)
        self.alert_label = QLabel()
        self.alert_label.setObjectName("lowStockAlert")
        self.alert_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export suggestions to Excel…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.alert_label)
        layout.addWidget(QLabel(self.tr("At or below threshold")))
        layout.addWidget(make_table(self.low_model), 1)
        layout.addWidget(QLabel(self.tr("Reorder suggestions (threshold, last 30 days of sales, "
                                        "lead time)")))
        layout.addWidget(make_table(self.reorder_model), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.refresh()

    def refresh(self) -> None:
        self.read(inv.low_stock, self.low_model.set_rows)
        self.read(inv.reorder_suggestions, self.reorder_model.set_rows)

    def show_crossings(self, crossed: list[tuple[str, str, int, int]]) -> None:
        lines = [self.tr("{0} in {1}: {2} available (threshold {3})").format(*c) for c in crossed[:10]]
        more = len(crossed) - len(lines)
        text = self.tr("Below threshold now:") + " " + "; ".join(lines)
        if more > 0:
            text += " " + self.tr("and {0} more").format(more)
        self.alert_label.setText(text)

    def export(self) -> None:
        from ordermgr.services.stock_import import export_reorder
        path = filedialogs.save_file(self, self.tr("Export reorder suggestions"),
                                     "reorder.xlsx", self.tr("Excel (*.xlsx)"))
        if path:
            self.read(lambda conn: export_reorder(conn, path), lambda n: QMessageBox.information(
                self, self.tr("Export"), self.tr("Wrote {0} suggestions.").format(n)))


class InventoryPage(QTabWidget):
    """The "inventory" area. Listens to the window's changes; when stock changed anywhere it
    refreshes (debounced) and checks off the UI thread whether a SKU crossed its threshold."""

    low_stock_crossed = Signal(list)  # [(sku, warehouse, available, threshold)]

    def __init__(self, ctx, window=None):
        super().__init__()
        from ordermgr.ui.inventory.stocktake import StocktakeTab
        from ordermgr.ui.inventory.transfers import TransfersTab
        self.ctx, self.window_ = ctx, window
        self.stock = StockTab(ctx, window)
        self.adjust = AdjustTab(ctx, window)
        self.stocktake = StocktakeTab(ctx, window)
        self.transfers = TransfersTab(ctx, window)
        self.alerts = AlertsTab(ctx, window)
        self.addTab(self.stock, self.tr("Stock"))
        self.addTab(self.adjust, self.tr("Adjustments"))
        self.addTab(self.stocktake, self.tr("Stocktake"))
        self.addTab(self.transfers, self.tr("Transfers"))
        self.addTab(self.alerts, self.tr("Low stock && reorder"))
        self.setCurrentIndex(QSettings().value("inventory/tab", 0, type=int))
        self.currentChanged.connect(lambda i: QSettings().setValue("inventory/tab", i))
        self._low: dict | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DEBOUNCE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.low_stock_crossed.connect(self._notify)
        self.stock.table.activated.connect(self._adjust_row)
        self.check_low_stock()  # the baseline that later changes are compared with
        if window is not None and hasattr(window, "changes"):
            window.changes.connect(self.on_changes)

    def _adjust_row(self, index) -> None:
        """Double-click or Enter on a stock row: adjust that SKU in that warehouse."""
        row = self.stock.model.row_at(index.row())
        if row is None:
            return
        self.adjust.sku.setText(row.sku)
        self.adjust.warehouse.setCurrentIndex(max(self.adjust.warehouse.findData(row.warehouse_id), 0))
        self.adjust.threshold.setValue(row.threshold)
        self.setCurrentWidget(self.adjust)
        self.adjust.delta.setFocus()

    def on_changes(self, payload: dict) -> None:
        if payload.get("stock"):
            self._refresh_timer.start()

    def refresh(self) -> None:
        self.stock.refresh()
        self.alerts.refresh()
        self.transfers.refresh()
        self.check_low_stock()

    def check_low_stock(self) -> None:
        def work():
            with self.ctx.engine.connect() as conn:
                return inv.low_stock_snapshot(conn)
        from ordermgr.ui.ops import QueryOp
        QueryOp(self, work).success(alive(self, self._compare_low)).run()

    def _compare_low(self, snapshot: dict) -> None:
        previous, self._low = self._low, snapshot
        if previous is None:
            return
        crossed = [snapshot[key] for key in sorted(set(snapshot) - set(previous))]
        if crossed:
            self.low_stock_crossed.emit(crossed)

    def _notify(self, crossed: list) -> None:
        self.alerts.show_crossings(crossed)
        sku, wh, available, threshold = crossed[0]
        message = self.tr("Low stock: {0} in {1} is down to {2} (threshold {3})").format(
            sku, wh, available, threshold)
        if len(crossed) > 1:
            message += self.tr(" and {0} more").format(len(crossed) - 1)
        if self.window_ is not None and hasattr(self.window_, "statusBar"):
            self.window_.statusBar().showMessage(message, 15000)
        self.setTabText(self.indexOf(self.alerts), self.tr("Low stock && reorder ({0})").format(
            len(self._low or {})))
