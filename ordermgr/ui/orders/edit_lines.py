"""The "Edit lines" dialog: change quantities, remove lines, add lines by SKU, name or a scanned
barcode (with the available stock shown), before the order is picked. The answer is saved by
the desk through `order_edits.edit_order_lines(..., expected_version=...)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ordermgr.db import queries
from ordermgr.services.order_edits import NewLine
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.orders.model import format_money
from ordermgr.ui.orders.sku_picker import SkuPicker, available_item
from ordermgr.ui.scan import guard_dialog

_SKU, _NAME, _AVAILABLE, _ORDERED, _QTY, _PRICE = range(6)


@dataclass
class LineEdits:
    """What the clerk asked for: {line id: new quantity} (0 removes it) and new lines."""
    quantities: dict[int, int] = field(default_factory=dict)
    add: list[NewLine] = field(default_factory=list)


@dataclass
class _Row:
    code: str
    spin: QSpinBox
    line_id: int | None = None  # None: a line added in this dialog


class EditLinesDialog(QDialog):

    def __init__(self, detail: dict, engine, parent=None):
        super().__init__(parent)
        self.setObjectName("editLinesDialog")
        self.setWindowTitle(self.tr("Edit lines of order #{0}").format(detail["number"]))
        self.engine = engine
        self.currency = detail["currency"]
        self.rows: list[_Row] = []
        self.removed: set[int] = set()  # ids of the order's lines the clerk removed

        self.picker = SkuPicker(engine, self)
        self.picker.chosen.connect(self.add_sku)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Product"), self.tr("Available"), self.tr("Ordered"),
            self.tr("Quantity"), self.tr("Price")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(_NAME, QHeaderView.Stretch)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.setObjectName("removeLine")
        self.remove_button.setShortcut(Qt.Key_Delete)
        self.remove_button.setToolTip(self.tr("Remove the selected lines (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.Cancel)

        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "Change quantities (0 removes a line), remove lines, or add one by SKU, name or a "
            "scanned barcode. The stock is allocated again when you save."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.picker)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(720, 380)
        guard_dialog(self, self.ok_button)

        for line in detail["lines"]:
            self._add_row(line["sku"], line["name"], None, line["quantity"],
                          format_money(Decimal(line["unit_price"]), self.currency),
                          line_id=line["id"], ordered=line["quantity"])
        self._load_availability([line["sku"] for line in detail["lines"] if line["sku"]])
        self._update_ok()

    # -- rows ---------------------------------------------------------------------------------
    def _add_row(self, code: str, name: str, available: int | None, quantity: int, price: str,
                 *, line_id: int | None = None, ordered: int | None = None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        values = {_SKU: code, _NAME: name, _ORDERED: "" if ordered is None else str(ordered),
                  _PRICE: price}
        for col, value in values.items():
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(r, col, item)
        self._set_available(r, available)
        spin = QSpinBox()
        spin.setRange(0 if line_id is not None else 1, 99999)
        spin.setValue(quantity)
        spin.valueChanged.connect(self._update_ok)
        self.table.setCellWidget(r, _QTY, spin)
        self.rows.append(_Row(code, spin, line_id))

    def _set_available(self, r: int, available: int | None) -> None:
        if available is None:
            item = QTableWidgetItem("")
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
        else:
            item = available_item(available, warning=self.tr(
                "Out of stock: the order will wait for stock (backordered)."))
        self.table.setItem(r, _AVAILABLE, item)

    def _load_availability(self, codes: list[str]) -> None:
        if not codes:
            return

        def work():
            with self.engine.connect() as conn:
                found = {}
                for code in codes:
                    exact = [s for s in queries.find_skus(conn, code) if s["code"] == code]
                    if exact:
                        found[code] = exact[0]["available"]
                return found

        def show(found: dict) -> None:
            for r, row in enumerate(self.rows):
                if row.code in found and self.table.item(r, _AVAILABLE).text() == "":
                    self._set_available(r, found[row.code])
        QueryOp(self, work).success(show).run()

    def add_sku(self, sku: dict) -> None:
        """A SKU from the picker: one more of it if the order has it, else a new line."""
        for r, row in enumerate(self.rows):
            if row.code == sku["code"]:
                row.spin.setValue(row.spin.value() + 1)
                self._set_available(r, sku["available"])
                self.table.selectRow(r)
                return
        self._add_row(sku["code"], sku["name"], sku["available"], 1,
                      format_money(sku["price"], sku["currency"]))
        if sku["currency"] != self.currency:
            price = self.table.item(self.table.rowCount() - 1, _PRICE)
            price.setForeground(Qt.red)
            price.setToolTip(self.tr("{0} is priced in {1}, the order in {2}: it can't be added "
                                     "here.").format(sku["code"], sku["currency"], self.currency))
        self.table.selectRow(self.table.rowCount() - 1)
        self._update_ok()

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            row = self.rows.pop(r)
            if row.line_id is not None:
                self.removed.add(row.line_id)
            self.table.removeRow(r)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.ok_button.setEnabled(any(row.spin.value() for row in self.rows))
        self.ok_button.setToolTip("" if self.ok_button.isEnabled() else self.tr(
            "An order needs at least one line; cancel the order instead."))

    # -- answer -------------------------------------------------------------------------------
    def edits(self) -> LineEdits:
        quantities = {line_id: 0 for line_id in self.removed}
        add = []
        for row in self.rows:
            if row.line_id is None:
                add.append(NewLine(row.code, row.spin.value()))
            else:
                quantities[row.line_id] = row.spin.value()
        return LineEdits(quantities, add)
