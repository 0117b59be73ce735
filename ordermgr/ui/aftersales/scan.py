"""The returns desk: scan the case, order or waybill number, then each returned item; book the
goods in, then record the inspection per line (sellable, damaged, to supplier).

A line's inspection choice is the clerk's: no line starts as "sellable" (damaged goods reach
sellable stock only by an explicit choice), and a choice made before "Book in" survives it and
every reload of the same case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ordermgr.models import OrderLine, ReturnLine, Sku
from ordermgr.services import aftersales as cs
from ordermgr.ui.aftersales.model import kind_text, status_text
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.scan import ScanLineEdit


class ReturnsDeskPage(QWidget):
    COL_SKU, COL_NAME, COL_EXPECTED, COL_SCANNED, COL_RESULT = range(5)

    def __init__(self, ctx, desk, parent=None):
        super().__init__(parent)
        self.ctx, self.desk = ctx, desk
        self.detail: dict | None = None
        self.codes: dict[str, int] = {}  # SKU or barcode -> case line id
        self.counts: dict[int, int] = {}
        self.choices: dict[int, str] = {}  # case line id -> inspection chosen (this case only)
        self.case_code = ScanLineEdit()
        self.case_code.setObjectName("scanCase")
        self.case_code.setPlaceholderText(self.tr("Scan or type the RMA, order or waybill number"))
        self.case_code.returnPressed.connect(self.load_case)
        self.item_code = ScanLineEdit()
        self.item_code.setObjectName("scanItem")
        self.item_code.setPlaceholderText(self.tr("Scan each returned item"))
        self.item_code.returnPressed.connect(self.scan_item)
        self.item_code.setEnabled(False)
        self.header = QLabel()
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        self.lines = QTableWidget(0, 5)
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Expected"),
                                              self.tr("Scanned"), self.tr("Inspection")])
        self.lines.horizontalHeader().setSectionResizeMode(self.COL_NAME, QHeaderView.Stretch)
        self.receive_button = QPushButton(self.tr("Book in"))
        self.receive_button.setObjectName("bookIn")
        self.receive_button.clicked.connect(self.receive)
        self.inspect_button = QPushButton(self.tr("Save inspection"))
        self.inspect_button.setObjectName("saveInspection")
        self.inspect_button.clicked.connect(self.inspect)
        self.reset_button = QPushButton(self.tr("Start again"))
        self.reset_button.clicked.connect(self._reset_counts)
        form = QFormLayout()
        form.addRow(self.tr("Case:"), self.case_code)
        form.addRow(self.tr("Item:"), self.item_code)
        buttons = QHBoxLayout()
        for b in (self.receive_button, self.inspect_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.header)
        layout.addWidget(self.lines)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- loading the case ---------------------------------------------------------------------
    def load_case(self) -> None:
        code, engine = self.case_code.text().strip(), self.ctx.engine
        if not code:
            return

        def work():
            with Session(engine) as session:
                case_id = cs.find_case_id(session.connection(), code)
                if case_id is None:
                    return None, {}
                detail = cs.case_detail(session, case_id)
                barcodes = dict(session.execute(
                    select(ReturnLine.id, Sku.barcode).join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
                    .join(Sku, Sku.id == OrderLine.sku_id).where(ReturnLine.return_id == case_id)).all())
                return detail, barcodes

        QueryOp(self, work).success(self._loaded).run()

    def _loaded(self, result) -> None:
        detail, barcodes = result
        if detail is None:
            self._say(self.tr("No open case for {0}.").format(self.case_code.text().strip()), error=True)
            return
        if self.detail is None or self.detail["id"] != detail["id"]:
            self.choices = {}  # another case: nothing chosen yet
        self.detail = detail
        self.codes = {}
        for line in detail["lines"]:
            self.codes[line["sku"]] = line["id"]
            if barcodes.get(line["id"]):
                self.codes[barcodes[line["id"]]] = line["id"]
        self.counts = {line["id"]: line["received"] for line in detail["lines"]}
        self.header.setText(self.tr("{0} — order #{1} — {2} — {3}").format(
            detail["number"], detail["order"], kind_text(detail["kind"]), status_text(detail["status"])))
        self.lines.setRowCount(len(detail["lines"]))
        for row, line in enumerate(detail["lines"]):
            for col, value in ((self.COL_SKU, line["sku"]), (self.COL_NAME, line["name"]),
                               (self.COL_EXPECTED, str(line["quantity"])),
                               (self.COL_SCANNED, str(self.counts[line["id"]]))):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.lines.setItem(row, col, item)
            self.lines.setCellWidget(row, self.COL_RESULT, self._result_combo(line))
        self.item_code.setEnabled(detail["status"] == "awaiting_goods")
        self._say(self.tr("Scan the items now.") if detail["status"] == "awaiting_goods" else
                  self.tr("This case is {0}.").format(status_text(detail["status"])))
        self._update_buttons()
        if self.item_code.isEnabled():
            self.item_code.setFocus()

    def _result_combo(self, line: dict) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Choose…"), None)
        for key, label in (("sellable", self.tr("Sellable: back to stock")),
                           ("damaged", self.tr("Damaged: write off")),
                           ("supplier", self.tr("Back to supplier"))):
            combo.addItem(label, key)
        chosen = line["inspection"] or self.choices.get(line["id"])
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        combo.setEnabled(not line["inspection"])  # a saved inspection is history
        combo.currentIndexChanged.connect(
            lambda _i, c=combo, line_id=line["id"]: self._chosen(line_id, c.currentData()))
        return combo

    def _chosen(self, line_id: int, result: str | None) -> None:
        if result:
            self.choices[line_id] = result
        else:
            self.choices.pop(line_id, None)

    # -- scanning -----------------------------------------------------------------------------
    def scan_item(self) -> None:
        code = self.item_code.text().strip()
        self.item_code.clear()
        if not code or self.detail is None:
            return
        line_id = self.codes.get(code)
        if line_id is None:
            self._say(self.tr("{0} is not on return {1} for order #{2}; put it aside and check the "
                              "parcel.").format(code, self.detail["number"], self.detail["order"]), error=True)
            return
        line = next(x for x in self.detail["lines"] if x["id"] == line_id)
        if self.counts[line_id] >= line["quantity"]:
            self._say(self.tr("All {0} × {1} of return {2} are already scanned.").format(
                line["quantity"], line["sku"], self.detail["number"]), error=True)
            return
        self.counts[line_id] += 1
        row = self.detail["lines"].index(line)
        self.lines.item(row, self.COL_SCANNED).setText(str(self.counts[line_id]))
        self._say(self.tr("{0}: {1} of {2}.").format(line["sku"], self.counts[line_id], line["quantity"]))
        self._update_buttons()

    def _reset_counts(self) -> None:
        if self.detail is not None and self.detail["status"] == "awaiting_goods":
            self.counts = {line["id"]: 0 for line in self.detail["lines"]}
            for row in range(self.lines.rowCount()):
                self.lines.item(row, self.COL_SCANNED).setText("0")
            self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _update_buttons(self) -> None:
        status = self.detail["status"] if self.detail else None
        self.receive_button.setEnabled(status == "awaiting_goods" and any(self.counts.values()))
        self.inspect_button.setEnabled(status == "received")

    # -- writes -------------------------------------------------------------------------------
    def receive(self) -> None:
        case_id, version = self.detail["id"], self.detail["version"]
        counts = {k: v for k, v in self.counts.items() if v}
        self.desk.write(lambda uow: cs.receive_case(uow, case_id, quantities=counts, expected_version=version),
                        done=lambda _: self.load_case())

    def inspect(self) -> None:
        case_id, version = self.detail["id"], self.detail["version"]
        received = [line for line in self.detail["lines"] if line["received"]]
        open_lines = [line["sku"] for line in received if not self.choices.get(line["id"])]
        if open_lines:
            self._say(self.tr("Choose sellable, damaged or back to supplier for {0}.").format(
                ", ".join(open_lines)), error=True)
            return
        results = {line["id"]: self.choices[line["id"]] for line in received}
        self.desk.write(lambda uow: cs.inspect_case(uow, case_id, results=results, expected_version=version),
                        done=lambda _: self.load_case())
