"""Transfers tab: draft a transfer, ship it (leaves the source), receive it (in parts)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout)

from ordermgr.services import inventory as inv
from ordermgr.ui.inventory.common import InventoryTab, fill_warehouses, make_table
from ordermgr.ui.inventory.model import ROW_ROLE, ListTableModel
from ordermgr.ui.scan import ScanLineEdit


class TransfersTab(InventoryTab):
    def __init__(self, ctx, window=None, parent=None):
        super().__init__(ctx, window, parent)
        self.source, self.destination = QComboBox(), QComboBox()
        self.sku = ScanLineEdit()
        self.sku.setPlaceholderText(self.tr("SKU or barcode"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 1_000_000)
        self.add_button = QPushButton(self.tr("Add line"))
        self.create_button = QPushButton(self.tr("Create draft"))
        self.draft: dict[str, int] = {}
        self.draft_label = QLabel()
        form = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.source, QLabel(self.tr("To")),
                       self.destination, self.sku, self.quantity, self.add_button,
                       self.create_button):
            form.addWidget(widget)
        self.model = ListTableModel(
            [self.tr("No."), self.tr("From"), self.tr("To"), self.tr("Status"), self.tr("Lines"),
             self.tr("Units"), self.tr("Received")],
            [lambda t: t.id, lambda t: t.source, lambda t: t.destination,
             lambda t: t.status.replace("_", " "), lambda t: t.lines, lambda t: t.units,
             lambda t: t.received], self)
        self.table = make_table(self.model)
        self.lines_model = ListTableModel(
            [self.tr("SKU"), self.tr("Name"), self.tr("Quantity"), self.tr("Received")],
            [lambda l: l[0], lambda l: l[1], lambda l: l[2], lambda l: l[3]], self)
        self.ship_button = QPushButton(self.tr("Ship"))
        self.receive_button = QPushButton(self.tr("Receive…"))
        self.cancel_button = QPushButton(self.tr("Cancel draft"))
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.cancel_button, self.ship_button, self.receive_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.draft_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(make_table(self.lines_model), 1)
        layout.addLayout(actions)

        self.add_button.clicked.connect(self.add_line)
        self.sku.returnPressed.connect(self.add_line)
        self.create_button.clicked.connect(self.create)
        self.ship_button.clicked.connect(lambda: self._step(inv.ship_transfer))
        self.receive_button.clicked.connect(self.receive)
        self.cancel_button.clicked.connect(lambda: self._step(inv.cancel_transfer))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.read(inv.warehouses, self._fill_warehouses)
        self.refresh()
        self._update_buttons()

    def _fill_warehouses(self, rows) -> None:
        fill_warehouses(self.source, rows)
        fill_warehouses(self.destination, rows)
        if len(rows) > 1:
            self.destination.setCurrentIndex(1)

    def refresh(self) -> None:
        self.read(inv.list_transfers, self.model.set_rows)

    def current(self):
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _selected(self) -> None:
        row = self.current()
        self._update_buttons()
        if row is not None:
            self.read(lambda conn: inv.transfer_lines(conn, row.id), self.lines_model.set_rows)

    def _update_buttons(self) -> None:
        row = self.current()
        status = row.status if row else None
        self.ship_button.setEnabled(status == "draft")
        self.cancel_button.setEnabled(status == "draft")
        self.receive_button.setEnabled(status in ("shipped", "partially_received"))

    def add_line(self) -> None:
        code = self.sku.text().strip()
        if not code:
            return
        self.draft[code] = self.draft.get(code, 0) + self.quantity.value()
        self.draft_label.setText(self.tr("Draft: {0}").format(
            ", ".join(f"{k} ×{v}" for k, v in self.draft.items())))
        self.sku.clear()
        self.sku.setFocus()
        self.quantity.setValue(1)  # a typed quantity is for this line only

    def create(self) -> None:
        lines = dict(self.draft)
        src, dst = self.source.currentData(), self.destination.currentData()

        def done(_tid):
            self.draft.clear()
            self.draft_label.clear()
            self.refresh()
        self.write(lambda uow: inv.create_transfer(uow, src, dst, lines), done)

    def _step(self, service) -> None:
        row = self.current()
        if row is not None:
            self.write(lambda uow: service(uow, row.id), lambda _r: self._after_step())

    def _after_step(self) -> None:
        self.refresh()
        self.lines_model.set_rows([])

    def receive(self) -> None:
        row = self.current()
        if row is None:
            return
        quantities = {}
        for sku, _name, qty, received in self.lines_model.rows:
            if qty - received <= 0:
                continue
            value, ok = QInputDialog.getInt(
                self, self.tr("Receive transfer {0}").format(row.id),
                self.tr("{0}: how many arrived? ({1} expected)").format(sku, qty - received),
                qty - received, 0, qty - received)
            if not ok:
                return
            if value:
                quantities[sku] = value
        self.write(lambda uow: inv.receive_transfer(uow, row.id, quantities),
                   lambda _status: self._after_step())
