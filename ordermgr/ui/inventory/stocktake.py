"""Stocktake tab: start a count, scan or type counted quantities, see the variance, post.

Scanner friendly: the scan field keeps the focus; every Enter (a scanner ends each code with
one) records the quantity per scan, added to what was counted before, and the variance table
updates. Nothing changes stock until "Post" (one transaction of adjustments).
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSpinBox, QVBoxLayout)

from ordermgr.services import inventory as inv
from ordermgr.ui.inventory.common import InventoryTab, fill_warehouses, make_table
from ordermgr.ui.inventory.model import ListTableModel
from ordermgr.ui.scan import ScanLineEdit


def variance_state(row: inv.VarianceRow) -> str:
    if row.variance is None or row.variance == 0:
        return "ok"
    return "out" if row.variance < 0 else "low"


class StocktakeTab(InventoryTab):
    def __init__(self, ctx, window=None, parent=None):
        super().__init__(ctx, window, parent)
        self.stocktake_id: int | None = None
        self._statuses: dict[int, str] = {}
        # starting a count
        self.warehouse = QComboBox()
        self.bin_from, self.bin_to = QLineEdit(), QLineEdit()
        self.bin_from.setPlaceholderText(self.tr("first bin (optional)"))
        self.bin_to.setPlaceholderText(self.tr("last bin (optional)"))
        self.start_button = QPushButton(self.tr("Start count"))
        self.open_counts = QComboBox()
        self.open_counts.setObjectName("stocktakeChooser")
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Warehouse")), self.warehouse, self.bin_from, self.bin_to,
                       self.start_button, QLabel(self.tr("Count")), self.open_counts):
            top.addWidget(widget)
        top.addStretch(1)
        # counting
        self.scan = ScanLineEdit()
        self.scan.setObjectName("stocktakeScan")
        self.scan.setPlaceholderText(self.tr("Scan a barcode or type a SKU, then Enter"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setValue(1)
        self.adds_up = QCheckBox(self.tr("Scans add up"))
        self.adds_up.setChecked(True)
        self.last = QLabel()
        count = QHBoxLayout()
        count.addWidget(self.scan, 1)
        count.addWidget(QLabel(self.tr("Quantity")))
        count.addWidget(self.quantity)
        count.addWidget(self.adds_up)
        # variance
        self.model = ListTableModel(
            [self.tr("SKU"), self.tr("Name"), self.tr("Expected"), self.tr("Counted"),
             self.tr("Variance"), self.tr("On hand now"), self.tr("Reserved")],
            [lambda r: r.sku, lambda r: r.name, lambda r: r.expected,
             lambda r: "" if r.counted is None else r.counted,
             lambda r: "" if r.variance is None else f"{r.variance:+d}",
             lambda r: r.on_hand_now, lambda r: r.reserved_now], self, state=variance_state)
        self.table = make_table(self.model)
        self.table.setObjectName("varianceTable")
        self.summary = QLabel()
        self.post_button = QPushButton(self.tr("Post count…"))
        self.cancel_button = QPushButton(self.tr("Cancel count"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(count)
        layout.addWidget(self.last)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.start_button.clicked.connect(self.start)
        self.scan.returnPressed.connect(self.record)
        self.open_counts.currentIndexChanged.connect(lambda _i: self.select(self.open_counts.currentData()))
        self.post_button.clicked.connect(self.post)
        self.cancel_button.clicked.connect(self.cancel)
        self.read(inv.warehouses, lambda rows: fill_warehouses(self.warehouse, rows))
        self.reload_list()
        self._update_buttons()

    # -- list of counts -----------------------------------------------------------------------
    def reload_list(self, select: int | None = None) -> None:
        def fill(rows):
            self.open_counts.blockSignals(True)
            self.open_counts.clear()
            self._statuses = {row[0]: row[3] for row in rows}
            for sid, wh, bins, status, lines, counted, _started in rows:
                text = self.tr("#{0} {1} {2} – {3} ({4}/{5} counted)").format(
                    sid, wh, bins, status, counted, lines)
                self.open_counts.addItem(text, sid)
            index = self.open_counts.findData(select if select is not None else self.stocktake_id)
            self.open_counts.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
            self.open_counts.blockSignals(False)
            self.select(self.open_counts.currentData())
        self.read(inv.list_stocktakes, fill)

    def select(self, stocktake_id: int | None) -> None:
        self.stocktake_id = stocktake_id
        self.refresh_variance()

    def refresh_variance(self) -> None:
        if self.stocktake_id is None:
            self.model.set_rows([])
            self._update_buttons()
            return
        sid = self.stocktake_id
        self.read(lambda conn: inv.stocktake_variance(conn, sid), self._show_variance)

    def _show_variance(self, rows) -> None:
        self.model.set_rows(rows)
        counted = [r for r in rows if r.counted is not None]
        net = sum(r.variance for r in counted)
        differing = sum(1 for r in counted if r.variance)
        self.summary.setText(self.tr("{0} of {1} SKUs counted; {2} differ; net {3:+d} units")
                             .format(len(counted), len(rows), differing, net))
        self._update_buttons()

    def _update_buttons(self) -> None:
        is_open = self._statuses.get(self.stocktake_id) == "open"
        for widget in (self.scan, self.post_button, self.cancel_button):
            widget.setEnabled(is_open)

    # -- actions ------------------------------------------------------------------------------
    def start(self) -> None:
        wh, lo, hi = self.warehouse.currentData(), self.bin_from.text(), self.bin_to.text()
        self.write(lambda uow: inv.start_stocktake(uow, wh, bin_from=lo, bin_to=hi),
                   lambda sid: (self.reload_list(sid), self.scan.setFocus()))

    def record(self) -> None:
        code = self.scan.text().strip()
        if not code or self.stocktake_id is None:
            return
        sid, qty, add = self.stocktake_id, self.quantity.value(), self.adds_up.isChecked()

        def done(result: inv.CountResult) -> None:
            self.last.setText(self.tr("{0} {1}: counted {2}").format(
                result.sku, result.name, result.counted))
            self.refresh_variance()

        def failed(exc) -> None:  # a bad scan must not stop the next one: say it, keep going
            self.last.setText(str(exc))
            self.scan.selectAll()

        self.scan.clear()
        self.scan.setFocus()
        self.quantity.setValue(1)  # a typed quantity is for this scan only; the next counts one
        self.write(lambda uow: inv.record_count(uow, sid, code, qty, add=add), done, failed=failed)

    def post(self) -> None:
        if self.stocktake_id is None:
            return
        sid = self.stocktake_id
        answer = QMessageBox.question(
            self, self.tr("Post count"),
            self.tr("Post the variances of count #{0} as stock adjustments? Uncounted SKUs are "
                    "left as they are.").format(sid))
        if answer != QMessageBox.Yes:
            return
        self.write(lambda uow: inv.post_stocktake(uow, sid), lambda result: (
            self.summary.setText(self.tr("Posted: {0} SKUs adjusted, {1} not counted.").format(
                len(result.adjusted), len(result.uncounted))), self.reload_list(sid)))

    def cancel(self) -> None:
        if self.stocktake_id is None:
            return
        sid = self.stocktake_id
        self.write(lambda uow: inv.cancel_stocktake(uow, sid), lambda _r: self.reload_list(sid))
