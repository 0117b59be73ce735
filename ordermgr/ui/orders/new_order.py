"""A new order typed in by hand (phone and B2B orders): customer, lines, shipping, discount."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)
from sqlalchemy import select

from ordermgr.db import queries
from ordermgr.errors import ValidationError
from ordermgr.models import Order
from ordermgr.models.money import CURRENCY_DECIMALS, to_decimal
from ordermgr.services.order_entry import AddressInput, LineInput, create_order
from ordermgr.ui.countries import CountryBox
from ordermgr.ui.errors import show_error
from ordermgr.ui.ops import QueryOp, WriteOp
from ordermgr.ui.orders.model import format_money
from ordermgr.ui.orders.sku_picker import SkuPicker, available_item
from ordermgr.ui.scan import guard_dialog

ADDRESS_KEYS = ("name", "phone", "line1", "line2", "city", "region", "postcode", "country")


class NewOrderDialog(QDialog):
    created = Signal(int, str, object)  # order id, number, Changes

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("newOrderDialog")
        self.setWindowTitle(self.tr("New order"))
        self.ctx = ctx
        self.customer_id: int | None = None
        self.lines: list[dict] = []  # {sku, name, available, price, currency, quantity spin}

        # customer
        self.lookup = QLineEdit()
        self.lookup.setPlaceholderText(self.tr("Find a customer by name, phone or email"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(90)
        self.customer_label = QLabel(self.tr("New customer"))
        self.name, self.phone, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        customer_box = QGroupBox(self.tr("Customer"))
        cform = QFormLayout(customer_box)
        cform.addRow(self.lookup)
        cform.addRow(self.matches)
        cform.addRow(self.tr("Chosen:"), self.customer_label)
        cform.addRow(self.tr("Name"), self.name)
        cform.addRow(self.tr("Phone"), self.phone)
        cform.addRow(self.tr("Email"), self.email)

        # address
        self.address = {key: QLineEdit() for key in ADDRESS_KEYS if key != "country"}
        self.country = CountryBox("CN")
        titles = {"name": self.tr("Recipient"), "phone": self.tr("Phone"),
                  "line1": self.tr("Street"), "line2": self.tr("Street (2)"),
                  "city": self.tr("City"), "region": self.tr("Region"),
                  "postcode": self.tr("Postcode"), "country": self.tr("Country")}
        address_box = QGroupBox(self.tr("Ship to"))
        aform = QFormLayout(address_box)
        for key in ADDRESS_KEYS:
            aform.addRow(titles[key], self.country if key == "country" else self.address[key])

        # lines
        self.sku_picker = SkuPicker(ctx.engine, self)
        self.sku_input = self.sku_picker.input
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Product"),
                                              self.tr("Available"), self.tr("Qty"),
                                              self.tr("Price"), self.tr("Line total")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        remove = QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self.remove_selected_line)
        self.currency = QComboBox()
        for code in CURRENCY_DECIMALS:
            self.currency.addItem(code)
        self.currency.setCurrentText("CNY")
        self.shipping, self.discount = QLineEdit("0.00"), QLineEdit("0.00")
        self.totals = QLabel()
        self.totals.setObjectName("newOrderTotals")
        money = QHBoxLayout()
        for label, widget in ((self.tr("Currency"), self.currency),
                              (self.tr("Shipping"), self.shipping),
                              (self.tr("Discount"), self.discount)):
            money.addWidget(QLabel(label))
            money.addWidget(widget)
        money.addStretch(1)
        money.addWidget(self.totals)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Order note (optional)"))

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        guard_dialog(self, self.save_button)

        grid = QGridLayout()
        grid.addWidget(customer_box, 0, 0)
        grid.addWidget(address_box, 0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.sku_picker)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(money)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(900, 680)

        self._lookup_timer = QTimer(self, singleShot=True, interval=250)
        self._lookup_timer.timeout.connect(self._find_customers)
        self.lookup.textEdited.connect(lambda _t: self._lookup_timer.start())
        self.matches.itemActivated.connect(self._customer_chosen)
        self.matches.itemClicked.connect(self._customer_chosen)
        self.sku_picker.chosen.connect(self.add_line)
        for edit in (self.shipping, self.discount):
            edit.textChanged.connect(self.update_totals)
        self.currency.currentTextChanged.connect(self.update_totals)
        self.update_totals()

    # -- customer -----------------------------------------------------------------------------
    def _read(self, fn):
        with self.ctx.engine.connect() as conn:
            return fn(conn)

    def _find_customers(self) -> None:
        text = self.lookup.text()
        QueryOp(self, lambda: self._read(lambda c: queries.find_customers(c, text))).success(
            self._show_customers).run()

    def _show_customers(self, customers: list[dict]) -> None:
        self.matches.clear()
        for c in customers:
            item = QListWidgetItem(" · ".join(x for x in (c["name"], c["phone"], c["email"]) if x))
            item.setData(Qt.UserRole, c)
            self.matches.addItem(item)

    def _customer_chosen(self, item: QListWidgetItem) -> None:
        self.choose_customer(item.data(Qt.UserRole))

    def choose_customer(self, customer: dict) -> None:
        self.customer_id = customer["id"]
        self.customer_label.setText(customer["name"])
        self.name.setText(customer["name"])
        self.phone.setText(customer["phone"])
        self.email.setText(customer["email"])
        for key, value in (customer.get("address") or {}).items():
            if key == "country" and value:
                self.country.set_code(value)
            elif key in self.address and value:
                self.address[key].setText(value)
        if not self.address["name"].text():
            self.address["name"].setText(customer["name"])
            self.address["phone"].setText(customer["phone"])

    # -- lines --------------------------------------------------------------------------------
    def _find_skus(self) -> None:
        self.sku_picker.find()

    def add_line(self, sku: dict) -> None:
        for line in self.lines:
            if line["code"] == sku["code"]:
                line["spin"].setValue(line["spin"].value() + 1)
                return
        row = self.table.rowCount()
        self.table.insertRow(row)
        spin = QSpinBox()
        spin.setRange(1, 99999)
        spin.valueChanged.connect(self.update_totals)
        price = QLineEdit(str(sku["price"]))
        price.textChanged.connect(self.update_totals)
        for col, value in ((0, sku["code"]), (1, sku["name"])):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(row, col, item)
        self.table.setItem(row, 2, available_item(sku["available"]))
        self.table.setCellWidget(row, 3, spin)
        self.table.setCellWidget(row, 4, price)
        self.table.setItem(row, 5, QTableWidgetItem(""))
        self.lines.append({**sku, "spin": spin, "price_edit": price})
        self.update_totals()

    def remove_selected_line(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.lines[row]
        self.update_totals()

    def _decimal(self, text: str) -> Decimal | None:
        try:
            return to_decimal(text or "0", self.currency.currentText())
        except ValidationError:
            return None

    def update_totals(self, *_args) -> None:
        currency = self.currency.currentText()
        subtotal = Decimal("0.00")
        valid = True
        for row, line in enumerate(self.lines):
            price = self._decimal(line["price_edit"].text())
            if price is None:
                valid = False
                self.table.item(row, 5).setText("?")
                continue
            total = price * line["spin"].value()
            subtotal += total
            self.table.item(row, 5).setText(format_money(total, currency))
        shipping = self._decimal(self.shipping.text())
        discount = self._decimal(self.discount.text())
        if shipping is None or discount is None:
            valid = False
        total = subtotal + (shipping or 0) - (discount or 0)
        self.totals.setText(self.tr("Subtotal {0} · Total {1}").format(
            format_money(subtotal, currency), format_money(total, currency)))
        self.save_button.setEnabled(valid and bool(self.lines) and total >= 0)

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        currency = self.currency.currentText()
        lines = [LineInput(line["code"], line["spin"].value(),
                           line["price_edit"].text().strip() or None) for line in self.lines]
        a = {key: edit.text() for key, edit in self.address.items()}
        a["country"] = self.country.code()
        address = AddressInput(**a)
        customer_id = self.customer_id
        name, email, phone = self.name.text(), self.email.text(), self.phone.text()
        shipping, discount, note = self.shipping.text(), self.discount.text(), self.note.text()
        uow = self.ctx.uow()

        def work():
            order_id = create_order(uow, lines=lines, address=address, customer_id=customer_id,
                                    customer_name=name, email=email, phone=phone,
                                    currency=currency, shipping=shipping, discount=discount,
                                    note=note)
            changes = uow.changes
            with self.ctx.engine.connect() as conn:
                number = conn.execute(select(Order.number).where(Order.id == order_id)).scalar()
            return order_id, number, changes

        def done(result) -> None:
            self.created.emit(*result)
            self.accept()

        self.save_button.setEnabled(False)
        WriteOp(self, work, label=self.tr("Saving the order…")).success(done).failure(
            self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, exc)
