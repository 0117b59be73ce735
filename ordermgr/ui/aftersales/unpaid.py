"""Unpaid orders: the queue with age, the auto-cancel time (managers), and "cancel overdue now"."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QTableView,
                               QVBoxLayout, QWidget)

from ordermgr.models import utcnow
from ordermgr.services import payments
from ordermgr.ui.aftersales.model import (RIGHT, Column, PagedTableModel, age_text, local_time,
                                          money_text)
from ordermgr.ui.ops import QueryOp, WriteOp


class UnpaidOrdersPage(QWidget):
    def __init__(self, ctx, desk, parent=None):
        super().__init__(parent)
        self.ctx, self.desk = ctx, desk
        self.hours = 72
        columns = [Column(self.tr("Order"), lambda r: r.number), Column(self.tr("Store"), lambda r: r.store),
                   Column(self.tr("Customer"), lambda r: r.customer),
                   Column(self.tr("Placed"), lambda r: local_time(r.placed_at)),
                   Column(self.tr("Total"), lambda r: money_text(r.total, r.currency), RIGHT),
                   Column(self.tr("Age"), lambda r: age_text(r.placed_at), RIGHT)]
        self.model = PagedTableModel(
            ctx.engine, columns, lambda conn, after, limit: payments.unpaid_orders(conn, after=after, limit=limit),
            after_of=lambda r: (r.placed_at, r.id), background=self._shade, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.hours_spin = QSpinBox()
        self.hours_spin.setRange(1, 24 * 90)
        self.hours_spin.setSuffix(self.tr(" h"))
        self.hours_spin.setEnabled(ctx.actor.may("settings.edit"))
        save = QPushButton(self.tr("Save time"))
        save.setEnabled(ctx.actor.may("settings.edit"))
        save.clicked.connect(self.save_hours)
        cancel = QPushButton(self.tr("Cancel overdue unpaid orders now"))
        cancel.setObjectName("cancelUnpaid")
        cancel.setEnabled(ctx.actor.may("orders.cancel"))
        cancel.clicked.connect(self.cancel_overdue)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Cancel unpaid orders after")))
        row.addWidget(self.hours_spin)
        row.addWidget(save)
        row.addStretch(1)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.reload()

    def _shade(self, row) -> str:
        age = utcnow() - row.placed_at
        if age > timedelta(hours=self.hours):
            return "red"
        return "amber" if age > timedelta(hours=self.hours * 0.75) else ""

    def reload(self) -> None:
        engine = self.ctx.engine

        def work():
            with engine.connect() as conn:
                return payments.unpaid_cancel_hours(conn)

        def got(hours):
            self.hours = hours
            self.hours_spin.setValue(hours)
            self.model.reload()

        QueryOp(self, work).success(got).run()

    def save_hours(self) -> None:
        hours = self.hours_spin.value()
        self.desk.write(lambda uow: payments.set_unpaid_cancel_hours(uow, hours), done=lambda _: self.reload())

    def cancel_overdue(self) -> None:
        ctx = self.ctx

        def work():
            return payments.cancel_unpaid_orders(ctx.uow())

        def done(results):
            failed = [r for r in results if not r.ok]
            QMessageBox.information(self, self.tr("Unpaid orders"), self.tr(
                "{0} order(s) cancelled, {1} refused.").format(len(results) - len(failed), len(failed)))
            self.reload()
            self.desk.cases.reload()

        WriteOp(self, work, label=self.tr("Cancelling unpaid orders…")).success(done).run()
