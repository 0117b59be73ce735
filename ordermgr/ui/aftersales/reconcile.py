"""Reconciliation per store and period: orders whose paid, refunded, shipped and order totals
disagree, computed with SQL aggregates and paged by order id."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)
from sqlalchemy import select

from ordermgr.models import Store
from ordermgr.services import payments
from ordermgr.ui.aftersales.model import RIGHT, Column, PagedTableModel, local_time, money_text
from ordermgr.ui.ops import QueryOp


class ReconciliationPage(QWidget):
    def __init__(self, ctx, desk, parent=None):
        super().__init__(parent)
        self.ctx, self.desk = ctx, desk
        flags = {"underpaid": self.tr("paid less than the order total"),
                 "overpaid": self.tr("paid more than the order total"),
                 "over_refunded": self.tr("refunded more than was paid"),
                 "refund_owed": self.tr("cancelled but money was kept"),
                 "shipped_unpaid": self.tr("goods shipped but nothing paid")}
        columns = [Column(self.tr("Order"), lambda r: r.number), Column(self.tr("Store"), lambda r: r.store),
                   Column(self.tr("Placed"), lambda r: local_time(r.placed_at)),
                   Column(self.tr("Status"), lambda r: r.status.replace("_", " ")),
                   Column(self.tr("Total"), lambda r: money_text(r.total, r.currency), RIGHT),
                   Column(self.tr("Paid"), lambda r: money_text(r.paid, r.currency), RIGHT),
                   Column(self.tr("Refunded"), lambda r: money_text(r.refunded, r.currency), RIGHT),
                   Column(self.tr("Shipped value"), lambda r: money_text(r.shipped_value, r.currency), RIGHT),
                   Column(self.tr("Problem"), lambda r: "; ".join(flags.get(f, f) for f in r.flags))]
        self.model = PagedTableModel(ctx.engine, columns, lambda conn, after, limit: [], after_of=lambda r: r.order_id,
                                     key=lambda r: r.order_id, parent=self)
        self.store = QComboBox()
        self.store.addItem(self.tr("All stores"), None)
        self.since = QDateEdit(QDate.currentDate().addDays(-30), calendarPopup=True)
        self.until = QDateEdit(QDate.currentDate(), calendarPopup=True)
        run = QPushButton(self.tr("Check"))
        run.setObjectName("runReconciliation")
        run.clicked.connect(self.run)
        row = QHBoxLayout()
        for w in (QLabel(self.tr("Store:")), self.store, QLabel(self.tr("From:")), self.since,
                  QLabel(self.tr("To:")), self.until, run):
            row.addWidget(w)
        row.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._load_stores()

    def _load_stores(self) -> None:
        engine = self.ctx.engine

        def work():
            with engine.connect() as conn:
                return conn.execute(select(Store.id, Store.name).order_by(Store.name)).all()

        def got(rows):
            for store_id, name in rows:
                self.store.addItem(name, store_id)

        QueryOp(self, work).success(got).run()

    def period(self) -> tuple[datetime, datetime]:
        start = datetime.combine(self.since.date().toPython(), time(), tzinfo=timezone.utc)
        end = datetime.combine(self.until.date().toPython(), time(), tzinfo=timezone.utc) + timedelta(days=1)
        return start, end

    def _fetcher(self):
        """Read the widgets here, on the GUI thread; the returned function runs on a worker."""
        (since, until), store_id = self.period(), self.store.currentData()
        return lambda conn, after, limit: payments.reconcile(conn, since=since, until=until,
                                                             store_id=store_id, after=after, limit=limit)

    def run(self) -> None:
        self.model.set_fetch(self._fetcher())
