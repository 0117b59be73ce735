"""Adding a line by SKU code, name or scanned barcode, with the available stock shown: shared by
the new-order dialog and the edit-lines dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QTableWidgetItem, QVBoxLayout, QWidget

from ordermgr.db import queries
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.scan import SCAN_FIELD, ScanLineEdit

# The texts keep the context "NewOrderDialog" where they were first translated; literal
# contexts so that lupdate finds them.


class SkuPicker(QWidget):
    """A search box (a barcode scanner types into it and presses Enter) and, when several SKUs
    match, a list to pick one. Emits `chosen` with the SKU as `queries.find_skus` returns it
    (id, code, name, price, currency, available)."""

    chosen = Signal(dict)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.input = ScanLineEdit()
        self.input.setObjectName("skuInput")
        self.input.setPlaceholderText(QCoreApplication.translate(
            "NewOrderDialog", "Add a line: SKU, name or scan a barcode, then Enter"))
        self.choices = QListWidget()
        self.choices.setMaximumHeight(80)
        self.choices.setProperty(SCAN_FIELD, True)  # Enter picks a SKU, never saves the dialog
        self.choices.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input)
        layout.addWidget(self.choices)
        self.input.scanned.connect(self.find)
        self.choices.itemActivated.connect(lambda item: self._choose(item.data(Qt.UserRole)))

    def find(self, text: str | None = None) -> None:
        """Enter: look the text up. The box is emptied at once, so a scanner can send the next
        code while this one is looked up; the text comes back if it needs the clerk."""
        text = (self.input.text() if text is None else text).strip()
        if not text:
            return
        self.input.clear()

        def work():
            with self.engine.connect() as conn:
                return queries.find_skus(conn, text)
        QueryOp(self, work).success(lambda skus: self.show_skus(skus, text)).run()

    def show_skus(self, skus: list[dict], searched: str = "") -> None:
        if len(skus) == 1:
            self.choices.hide()
            self.input.setToolTip("")
            self.chosen.emit(skus[0])
            return
        if not self.input.text():
            self.input.setText(searched)  # to correct it, or to see what the list is for
        self.choices.clear()
        if not skus:
            QApplication.beep()  # the clerk looks at the goods, not the screen
            self.choices.hide()
            self.input.setToolTip(QCoreApplication.translate(
                "NewOrderDialog", "No product matches {0}.").format(searched))
            self.input.selectAll()
            return
        for sku in skus:
            item = QListWidgetItem(QCoreApplication.translate(
                "NewOrderDialog", "{0} · {1} · {2} available").format(
                sku["code"], sku["name"], sku["available"]))
            item.setData(Qt.UserRole, sku)
            self.choices.addItem(item)
        self.choices.show()

    def _choose(self, sku: dict) -> None:
        self.choices.hide()
        self.input.clear()
        self.input.setToolTip("")
        self.chosen.emit(sku)


def available_item(available: int, *, warning: str | None = None) -> QTableWidgetItem:
    """A read-only table cell with the available stock, red with a warning when there is none."""
    item = QTableWidgetItem(str(available))
    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    if available <= 0:
        item.setForeground(Qt.red)
        item.setToolTip(warning or QCoreApplication.translate(
            "NewOrderDialog", "Out of stock: the order will be backordered."))
    return item
