"""Bulk waybill import: paste two columns (order number, waybill) or open a CSV/Excel file,
preview every row with its problem, then import all of them or nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from sqlalchemy.orm import Session

from ordermgr.services import fulfilment
from ordermgr.ui import filedialogs
from ordermgr.ui.fulfilment.waybill import load_registry
from ordermgr.ui.ops import QueryOp, WriteOp


class BulkWaybillImport(QWidget):
    imported = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[fulfilment.ImportRow] = []
        self.checks: list[fulfilment.ImportCheck] = []
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(self.tr("Paste from Excel: order number <Tab> waybill number"))
        self.carrier = QComboBox()
        self.carrier.addItem(self.tr("Detect from the number"), None)
        open_button = QPushButton(self.tr("Open CSV/Excel…"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.import_button = QPushButton(self.tr("Import all"))
        self.import_button.setEnabled(False)
        self.summary = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Order"), self.tr("Waybill"),
                                              self.tr("Carrier"), self.tr("Problem")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Carrier")))
        bar.addWidget(self.carrier)
        bar.addWidget(open_button)
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paste)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        open_button.clicked.connect(self._open)
        self.preview_button.clicked.connect(lambda: self.preview())
        self.import_button.clicked.connect(self._import)
        load_registry(ctx, self, lambda reg: [self.carrier.addItem(n, n) for n in reg.names()])

    def _open(self) -> None:
        path = filedialogs.open_file(self, self.tr("Waybill list"),
                                     self.tr("Lists (*.csv *.txt *.xlsx)"))
        if path:
            self.preview(path)

    def preview(self, path: str | None = None) -> None:
        text = None if path else self.paste.toPlainText()
        carrier = self.carrier.currentData()
        engine = self.ctx.engine

        def work():
            rows = fulfilment.parse_waybill_rows(path or "paste", text=text)
            with Session(engine) as session:
                return rows, fulfilment.check_waybill_import(session, rows, carrier=carrier)

        QueryOp(self, work, label=self.tr("Checking the list…")).success(self._show).run()

    def _show(self, result) -> None:
        self.rows, self.checks = result
        bad = [c for c in self.checks if not c.ok]
        self.table.setRowCount(len(self.checks))
        for row, check in enumerate(self.checks):
            values = (str(check.row), check.order_number, check.waybill, check.carrier,
                      self._outcome(check))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if check.error:
                    item.setBackground(QColor("#f4a6a6"))
                self.table.setItem(row, col, item)
        if bad:
            self.summary.setText(self.tr("{0} of {1} rows have problems; fix them to import.")
                                 .format(len(bad), len(self.checks)))
        else:
            shipments = sum(1 for c in self.checks if c.parcel_of is None)
            self.summary.setText(self.tr("{0} rows ready: {1} shipments with {2} parcels.")
                                 .format(len(self.checks), shipments, len(self.checks)))
        self.import_button.setEnabled(bool(self.checks) and not bad)

    def _outcome(self, check: fulfilment.ImportCheck) -> str:
        if check.error:
            return check.error
        if check.parcel_of is not None:
            return self.tr("ok: another parcel of the shipment on row {0}").format(check.parcel_of)
        return self.tr("ok")

    def _import(self) -> None:
        rows, carrier, ctx = self.rows, self.carrier.currentData(), self.ctx

        def work():
            ids = fulfilment.import_waybills(ctx.uow(), rows, carrier=carrier)
            with Session(ctx.engine) as session:
                return ids, fulfilment.count_parcels(session, ids)

        WriteOp(self, work, label=self.tr("Importing waybills…")).success(self._done).run()

    def _done(self, result: tuple[list[int], int]) -> None:
        ids, parcels = result
        self.summary.setText(self.tr("{0} shipments with {1} parcels created.")
                             .format(len(ids), parcels))
        self.import_button.setEnabled(False)
        self.imported.emit(len(ids))
