"""Customer 360 (the "customers" area): find a customer by name, phone, email or order number;
see their orders, cases, total spent, return rate, notes and tags; open a case from any order."""

from __future__ import annotations

import html

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from ordermgr.services import aftersales as cs
from ordermgr.ui.aftersales.model import (RIGHT, Column, ListTableModel, ROW_ROLE, case_columns,
                                          local_time, money_text)
from ordermgr.ui.ops import QueryOp, WriteOp

SEARCH_DELAY_MS = 250


class CustomerDesk(QWidget):
    painted = Signal(int)  # customer id, once the 360 view shows its data (tests, benchmark)

    def __init__(self, ctx, window=None):
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.setObjectName("customerDesk")
        self.view_data: cs.Customer360 | None = None
        self._case_to_select: int | None = None  # a case opened here, selected when listed
        self._search_generation = 0
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Name, phone, email or order number"))
        self.search.textChanged.connect(self._schedule_search)
        self.search.returnPressed.connect(self.run_search)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.hits = QListWidget()
        self.hits.setObjectName("customerHits")
        self.hits.currentItemChanged.connect(self._hit_changed)

        self.title = QLabel()
        self.title.setObjectName("customerTitle")
        self.title.setTextFormat(Qt.RichText)
        self.figures = QLabel()
        self.figures.setObjectName("customerFigures")
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self.save_button = QPushButton(self.tr("Save notes and tags"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(ctx.actor.may("customers.edit"))

        self.orders = ListTableModel([
            Column(self.tr("Order"), lambda r: r.number),
            Column(self.tr("Placed"), lambda r: local_time(r.placed_at)),
            Column(self.tr("Status"), lambda r: r.status.replace("_", " ")),
            Column(self.tr("Payment"), lambda r: r.payment_status.replace("_", " ")),
            Column(self.tr("Items"), lambda r: str(r.item_count), RIGHT),
            Column(self.tr("Total"), lambda r: money_text(r.total, r.currency), RIGHT)], parent=self)
        self.orders_view = QTableView()
        self.orders_view.setObjectName("customerOrders")
        self.orders_view.setModel(self.orders)
        self.orders_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.payments = ListTableModel([
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("Method"), lambda r: r.method),
            Column(self.tr("Amount"), lambda r: money_text(r.amount, r.currency), RIGHT),
            Column(self.tr("Status"), lambda r: r.status.replace("_", " ")),
            Column(self.tr("Reference"), lambda r: r.reference),
            Column(self.tr("Gateway"), lambda r: r.gateway),
            Column(self.tr("Refund"), lambda r: r.refund),
            Column(self.tr("Storefront push"), lambda r: r.outbox),
            Column(self.tr("When"), lambda r: local_time(r.created_at))], parent=self)
        self.payments_view = QTableView()
        self.payments_view.setObjectName("orderPayments")
        self.payments_view.setModel(self.payments)
        self.payments_view.setMaximumHeight(130)
        self.orders_view.selectionModel().currentRowChanged.connect(self._order_changed)
        self.cases = ListTableModel(case_columns(), parent=self)
        self.cases_view = QTableView()
        self.cases_view.setObjectName("customerCases")
        self.cases_view.setModel(self.cases)
        self.open_case_button = QPushButton(self.tr("Open a case for this order…"))
        self.open_case_button.setObjectName("openCaseFromOrder")
        self.open_case_button.clicked.connect(self.open_case)
        self.open_case_button.setEnabled(ctx.actor.may("returns.request"))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.hits)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.title)
        rv.addWidget(self.figures)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tags:")))
        row.addWidget(self.tags)
        rv.addLayout(row)
        rv.addWidget(self.notes)
        rv.addWidget(self.save_button, 0, Qt.AlignRight)
        rv.addWidget(QLabel(self.tr("Orders")))
        rv.addWidget(self.orders_view, 2)
        rv.addWidget(self.open_case_button, 0, Qt.AlignLeft)
        rv.addWidget(QLabel(self.tr("Payments and refunds of the selected order")))
        rv.addWidget(self.payments_view)
        rv.addWidget(QLabel(self.tr("Cases")))
        rv.addWidget(self.cases_view, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        state = QSettings().value("customers/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        if window is not None and hasattr(window, "changes"):
            window.changes.connect(self._changed)

    # -- search -------------------------------------------------------------------------------
    def _schedule_search(self) -> None:
        self.timer.start()

    def run_search(self) -> None:
        self.timer.stop()
        text, engine = self.search.text(), self.ctx.engine
        self._search_generation += 1
        generation = self._search_generation

        def work():
            with engine.connect() as conn:
                return cs.search_customers(conn, text)

        def done(hits):
            if generation == self._search_generation:
                self.show_hits(hits)

        QueryOp(self, work).success(done).run()

    def show_hits(self, hits) -> None:
        self.hits.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.name}  {hit.phone}  {hit.email}".strip())
            item.setData(Qt.UserRole, hit.id)
            self.hits.addItem(item)
        if len(hits) == 1:
            self.hits.setCurrentRow(0)

    def _hit_changed(self, current, _previous) -> None:
        if current is not None:
            self.open_customer(current.data(Qt.UserRole))

    # -- the 360 view -------------------------------------------------------------------------
    def open_customer(self, customer_id: int) -> None:
        engine = self.ctx.engine

        def work():
            with engine.connect() as conn:
                return cs.customer_360(conn, customer_id)

        QueryOp(self, work).success(self.show_customer).run()

    def show_customer(self, view: cs.Customer360) -> None:
        self.view_data = view
        self.title.setText(f"<h2>{html.escape(view.name)}</h2>{html.escape(view.phone)} · "
                           f"{html.escape(view.email)}")
        currency = view.orders[0].currency if view.orders else ""
        self.figures.setText(self.tr("{0} orders · spent {1} · refunded {2} · return rate {3:.0%}").format(
            view.order_count, money_text(view.total_spent, currency).strip(),
            money_text(view.refunded, currency).strip(), view.return_rate))
        self.tags.setText(", ".join(t for t in view.tags.split(",") if t))
        self.notes.setPlainText(view.notes)
        self.orders.set_rows(view.orders)
        self.payments.set_rows([])
        self.cases.set_rows(view.cases)
        for row, case in enumerate(view.cases):
            if case.id == self._case_to_select:
                self.cases_view.selectRow(row)
                self._case_to_select = None
        self.painted.emit(view.id)

    def _select_case_when_shown(self, case_id: int) -> None:
        """A case just opened from an order is selected in the cases once the view reloads."""
        self._case_to_select = case_id

    def _order_changed(self, current, _previous) -> None:
        order = self.orders.data(current, ROW_ROLE) if current.isValid() else None
        if order is None:
            self.payments.set_rows([])
            return
        engine, order_id = self.ctx.engine, order.id

        def work():
            from ordermgr.services.refunds import order_payments
            with engine.connect() as conn:
                return order_payments(conn, order_id)

        QueryOp(self, work).success(self.payments.set_rows).run()

    def selected_order(self):
        index = self.orders_view.currentIndex()
        return self.orders.data(index, ROW_ROLE) if index.isValid() else None

    def open_case(self):
        order = self.selected_order()
        if order is None:
            return None
        from ordermgr.ui.aftersales.approval import ReturnApprovalForm
        form = ReturnApprovalForm(self.ctx, self, order_id=order.id)
        form.result_ready.connect(self._select_case_when_shown)
        form.saved.connect(self._saved)
        form.setAttribute(Qt.WA_DeleteOnClose)
        form.open()
        return form

    def save(self) -> None:
        if self.view_data is None:
            return
        ctx, customer_id = self.ctx, self.view_data.id
        notes, tags = self.notes.toPlainText(), [t for t in self.tags.text().split(",")]

        def work():
            uow = ctx.uow()
            cs.update_customer(uow, customer_id, notes=notes, tags=tags)
            return uow.changes

        WriteOp(self, work, label=self.tr("Saving…")).success(self._saved).run()

    def _saved(self, changes) -> None:
        if self.window_ is not None and hasattr(self.window_, "publish"):
            self.window_.publish(changes)
        if self.view_data is not None:
            self.open_customer(self.view_data.id)

    def _changed(self, payload: dict) -> None:
        if self.view_data is not None and not payload.get("local") and (
                payload.get("customers") or payload.get("returns")):
            self.open_customer(self.view_data.id)

    def hideEvent(self, event) -> None:
        QSettings().setValue("customers/splitter", self.splitter.saveState())
        super().hideEvent(event)


def create(ctx, window):
    return CustomerDesk(ctx, window)
