"""The waybill form: find a packed order, choose the carrier, enter the number (checked as it is
typed), weight, dimensions, cost, more parcels, and - for a split shipment - how many of each
line go now."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy.orm import Session

from ordermgr.fulfilment.carriers import Carriers, normalise
from ordermgr.services import fulfilment
from ordermgr.services.fulfilment import ShippableOrder, WaybillInput
from ordermgr.ui.ops import QueryOp, WriteOp
from ordermgr.ui.scan import ScanLineEdit
from ordermgr.ui.status import say_in_status_bar

VALID = "color:#0a5c0a;"
INVALID = "color:#b00020; font-weight:bold;"


def load_registry(ctx, widget, done) -> None:
    """Carrier list (maintained + custom) off the UI thread."""
    engine = ctx.engine

    def work():
        with Session(engine) as session:
            return fulfilment.carrier_registry(session)

    QueryOp(widget, work).success(done).run()


class CarrierDialog(QDialog):
    """Add a custom carrier: name, waybill pattern (regular expression), tracking URL."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a carrier"))
        form = QFormLayout(self)
        self.name, self.pattern, self.url, self.hint = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.pattern.setPlaceholderText(r"BE\d{10}")
        self.url.setPlaceholderText("https://example.com/track?no={waybill}")
        self.hint.setPlaceholderText(self.tr("BE followed by 10 digits"))
        self.days = QSpinBox(minimum=1, maximum=60, value=4)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Waybill pattern"), self.pattern)
        form.addRow(self.tr("Format in words"), self.hint)
        form.addRow(self.tr("Tracking URL"), self.url)
        form.addRow(self.tr("Delayed after (days)"), self.days)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class WaybillForm(QWidget):
    shipped = Signal(int)  # shipment id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.registry = Carriers()
        self.order: ShippableOrder | None = None
        self.order_input = ScanLineEdit(placeholderText=self.tr("Order number"))
        self.order_input.setObjectName("waybill_order")
        self.order_label = QLabel()
        self.carrier = QComboBox()
        self.waybill = ScanLineEdit(placeholderText=self.tr("Waybill number"))
        self.waybill.setObjectName("waybill_number")
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.extra = QPlainTextEdit()
        self.extra.setPlaceholderText(self.tr("More parcels: one waybill number per line"))
        self.extra.setMaximumHeight(60)
        self.weight = QSpinBox(maximum=1_000_000, suffix=" g")
        self.length, self.width, self.height = (QSpinBox(maximum=10_000, suffix=" mm") for _ in range(3))
        self.cost = QLineEdit(placeholderText="0.00")
        self.lines = QTableWidget(0, 4)
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Left"),
                                              self.tr("Ship now")])
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.ship_button = QPushButton(self.tr("Ship"))
        self.ship_button.setEnabled(False)
        add_carrier = QPushButton(self.tr("Add carrier…"))
        add_carrier.clicked.connect(self._add_carrier)

        form = QFormLayout()
        form.addRow(self.tr("Order"), self.order_input)
        form.addRow("", self.order_label)
        carrier_row = QHBoxLayout()
        carrier_row.addWidget(self.carrier, 1)
        carrier_row.addWidget(add_carrier)
        form.addRow(self.tr("Carrier"), carrier_row)
        form.addRow(self.tr("Waybill"), self.waybill)
        form.addRow("", self.verdict)
        form.addRow(self.tr("Parcels"), self.extra)
        form.addRow(self.tr("Weight"), self.weight)
        dims = QHBoxLayout()
        for box in (self.length, self.width, self.height):
            dims.addWidget(box)
        form.addRow(self.tr("L × W × H"), dims)
        form.addRow(self.tr("Shipping cost"), self.cost)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Lines (lower 'Ship now' for a split shipment)")))
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.ship_button)

        self.order_input.returnPressed.connect(self._find_order)
        self.waybill.textChanged.connect(self._validate)
        self.carrier.currentTextChanged.connect(self._validate)
        self.ship_button.clicked.connect(self._ship)
        self._fill_carriers(self.registry)
        load_registry(ctx, self, self._fill_carriers)

    def _add_carrier(self) -> None:
        dialog = CarrierDialog(self)
        if dialog.exec() != QDialog.Accepted:
            return
        ctx = self.ctx
        values = dict(name=dialog.name.text(), pattern=dialog.pattern.text(),
                      tracking_url=dialog.url.text().strip(), hint=dialog.hint.text().strip(),
                      delayed_after_days=dialog.days.value())
        WriteOp(self, lambda: fulfilment.add_custom_carrier(ctx.uow(), **values)).success(
            lambda _: load_registry(ctx, self, self._fill_carriers)).run()

    def _fill_carriers(self, registry: Carriers) -> None:
        current = self.carrier.currentText()
        self.registry = registry
        self.carrier.blockSignals(True)
        self.carrier.clear()
        self.carrier.addItems(registry.names())
        if current in registry.names():
            self.carrier.setCurrentText(current)
        self.carrier.blockSignals(False)
        self._validate()

    def _validate(self) -> bool:
        """Live check of the number against the chosen carrier's format and check digit."""
        text = self.waybill.text()
        carrier = self.registry.find(self.carrier.currentText())
        if not text.strip() or carrier is None:
            self.verdict.setText("")
            ok = False
        else:
            problem = carrier.check(normalise(text))
            self.verdict.setText(problem or self.tr("✓ valid {0} number").format(carrier.name))
            self.verdict.setStyleSheet(INVALID if problem else VALID)
            ok = problem is None
        self.ship_button.setEnabled(ok and self.order is not None)
        return ok

    def _find_order(self) -> None:
        number = self.order_input.text()
        engine = self.ctx.engine

        def work():
            with Session(engine) as session:
                return fulfilment.order_for_shipping(session, number)

        QueryOp(self, work).success(self._show_order).run()

    def _show_order(self, order: ShippableOrder) -> None:
        self.order = order
        self.order_label.setText(self.tr("#{0}: {1}").format(order.number,
                                                             order.status.replace("_", " ")))
        self.lines.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            for col, value in enumerate((line.sku, line.name, str(line.remaining))):
                self.lines.setItem(row, col, QTableWidgetItem(value))
            spin = QSpinBox(minimum=0, maximum=line.remaining, value=line.remaining)
            self.lines.setCellWidget(row, 3, spin)
        self._validate()
        self.waybill.setFocus()

    def quantities(self) -> dict[int, int] | None:
        if self.order is None:
            return None
        wanted = {line.line_id: self.lines.cellWidget(row, 3).value()
                  for row, line in enumerate(self.order.lines)}
        if all(wanted[line.line_id] == line.remaining for line in self.order.lines):
            return None  # everything: not a split
        return {k: v for k, v in wanted.items() if v > 0}

    def _ship(self) -> None:
        if self.order is None or not self._validate():
            return
        entry = WaybillInput(
            carrier=self.carrier.currentText(), waybill=self.waybill.text(),
            extra_waybills=tuple(x for x in self.extra.toPlainText().split() if x),
            weight_grams=self.weight.value(), length_mm=self.length.value(),
            width_mm=self.width.value(), height_mm=self.height.value(),
            cost=self.cost.text().strip() or None, quantities=self.quantities())
        order, ctx = self.order, self.ctx
        WriteOp(self, lambda: fulfilment.ship_with_waybill(ctx.uow(), order.order_id, entry,
                                                           expected_version=order.version),
                label=self.tr("Shipping…")).success(self._shipped).run()

    def _shipped(self, shipment_id: int) -> None:
        number = self.order.number if self.order else ""
        waybill = self.waybill.text().strip()
        self.verdict.setText(self.tr("Shipped #{0}.").format(number))
        say_in_status_bar(self, self.tr("#{0} shipped with {1} {2}").format(
            number, self.carrier.currentText(), waybill))
        self.verdict.setStyleSheet(VALID)
        self.order = None
        self.lines.setRowCount(0)
        for widget in (self.order_input, self.waybill, self.cost):
            widget.clear()
        self.extra.clear()
        self.order_label.clear()
        self.order_input.setFocus()
        self.shipped.emit(shipment_id)
