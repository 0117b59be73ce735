"""The exchange-rate table managers maintain (reports convert money with it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)
from sqlalchemy import select

from ordermgr.models.money import CURRENCY_DECIMALS
from ordermgr.models.reports import ExchangeRate
from ordermgr.reports.rates import set_exchange_rate
from ordermgr.ui.ops import QueryOp, WriteOp


class RatesDialog(QDialog):
    saved = Signal()
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Exchange rates"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Rate"), self.tr("Valid from"),
                                              self.tr("Entered")])
        self.currency, self.base = QComboBox(), QComboBox()
        for code in sorted(CURRENCY_DECIMALS):
            self.currency.addItem(code, code)
            self.base.addItem(code, code)
        self.currency.setCurrentIndex(self.currency.findData("USD"))
        self.base.setCurrentIndex(self.base.findData("CNY"))
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("7.10")
        self.valid_from = QDateEdit(QDate.currentDate())
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        add = QPushButton(self.tr("Save rate"))
        add.clicked.connect(self.save)
        form = QHBoxLayout()
        for w in (QLabel("1"), self.currency, QLabel("="), self.rate, self.base,
                  QLabel(self.tr("from")), self.valid_from, add):
            form.addWidget(w)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(close)
        self.resize(560, 380)
        self.reload()

    def reload(self) -> None:
        engine = self.ctx.engine

        def load():
            with engine.connect() as conn:
                return conn.execute(select(ExchangeRate.currency, ExchangeRate.base_currency,
                                           ExchangeRate.rate, ExchangeRate.valid_from,
                                           ExchangeRate.updated_at)
                                    .order_by(ExchangeRate.currency, ExchangeRate.valid_from.desc())
                                    ).all()
        QueryOp(self, load).success(self._show).run()

    def _show(self, rows) -> None:
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate((f"1 {r.currency} = {r.rate} {r.base_currency}",
                                      r.valid_from.isoformat(),
                                      r.updated_at.strftime("%Y-%m-%d %H:%M"))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def save(self) -> None:
        d = self.valid_from.date()
        args = dict(currency=self.currency.currentData(), base_currency=self.base.currentData(),
                    rate=self.rate.text(), valid_from=date(d.year(), d.month(), d.day()))
        ctx = self.ctx
        WriteOp(self, lambda: set_exchange_rate(ctx.uow(), **args)).success(self._saved).run()

    def _saved(self, _id) -> None:
        self.rate.clear()
        self.saved.emit()
        self.reload()
