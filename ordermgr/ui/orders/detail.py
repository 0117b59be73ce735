"""The order detail panel: lines, customer and addresses, payments, shipments, timeline, notes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
                               QTableWidget, QTableWidgetItem, QTabWidget, QToolBar,
                               QToolButton, QVBoxLayout, QWidget)
from sqlalchemy.orm import Session

from ordermgr.db.queries import order_detail
from ordermgr.services import refunds
from ordermgr.ui.aftersales.failed_refunds import FailedRefundsPanel
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.orders.model import format_local, format_money, status_text


def load_detail(engine, number: str) -> dict:
    """The order as plain data, with its refunds and its money counted once."""
    with Session(engine) as session:
        detail = order_detail(session, number)
        conn = session.connection()
        detail["refunds"] = [r.as_dict() for r in refunds.refund_rows(conn, order_id=detail["id"])]
        detail["money"] = refunds.totals(conn, detail["id"])
        return detail


def _when(iso: str | None) -> str:
    return format_local(datetime.fromisoformat(iso)) if iso else ""


class OrderDetailPanel(QWidget):
    """Shows one order; the desk's actions appear as buttons on top."""

    closed = Signal()
    loaded = Signal(dict)

    def __init__(self, engine, actions, parent=None, *, ctx=None):
        super().__init__(parent)
        self.setObjectName("orderDetail")
        self.engine = engine
        self.detail: dict | None = None
        self._generation = 0
        self.title = QLabel()
        self.title.setObjectName("orderDetailTitle")
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.amounts = QLabel()  # the breakdown that adds up to the total, and the money's state
        self.amounts.setObjectName("orderAmounts")
        self.amounts.setWordWrap(True)
        self.amounts.setTextInteractionFlags(Qt.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close the detail (Esc)"))
        close.clicked.connect(self.close_panel)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close)
        # a tool bar, not a row of buttons: it folds what doesn't fit into a » menu, so the
        # panel can be narrow
        self.buttons = QToolBar()
        self.buttons.setObjectName("orderDetailActions")
        self.buttons.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for action in actions:
            self.buttons.addAction(action)

        self.tabs = QTabWidget()
        self.lines = self._table([self.tr("SKU"), self.tr("Name"), self.tr("Qty"),
                                  self.tr("Price"), self.tr("Total"), self.tr("Reserved"),
                                  self.tr("Shipped"), self.tr("Returned")])
        self.tabs.addTab(self.lines, self.tr("Lines"))
        customer = QWidget()
        form = QFormLayout(customer)
        self.customer_name, self.customer_contact, self.ship_to = QLabel(), QLabel(), QLabel()
        for label in (self.customer_name, self.customer_contact, self.ship_to):
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow(self.tr("Customer:"), self.customer_name)
        form.addRow(self.tr("Contact:"), self.customer_contact)
        form.addRow(self.tr("Ship to:"), self.ship_to)
        self.tabs.addTab(customer, self.tr("Customer"))
        self.payments = self._table([self.tr("Kind"), self.tr("Method"), self.tr("Amount"),
                                     self.tr("Status"), self.tr("Reference"), self.tr("When")])
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.shipments = self._table([self.tr("Carrier"), self.tr("Tracking number"),
                                      self.tr("Status"), self.tr("Shipped"), self.tr("Delivered"),
                                      self.tr("Last event")])
        self.tabs.addTab(self.shipments, self.tr("Shipments"))
        self.timeline = self._table([self.tr("When"), self.tr("Who"), self.tr("What"),
                                     self.tr("Message")])
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.tabs.addTab(self.notes, self.tr("Notes"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.amounts)
        # failed refunds are acted on here too (needs the context to write); the desk publishes
        self.failed_refunds = FailedRefundsPanel(ctx, self) if ctx is not None else None
        if self.failed_refunds is not None:
            layout.addWidget(self.failed_refunds)
        layout.addWidget(self.buttons)
        layout.addWidget(self.tabs, 1)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @property
    def order_id(self) -> int | None:
        return self.detail["id"] if self.detail else None

    def show_order(self, number: str) -> None:
        """Load and show an order off the UI thread."""
        self._generation += 1
        generation = self._generation
        self.show()

        def done(detail: dict) -> None:
            if generation == self._generation:
                self.set_detail(detail)
        QueryOp(self, lambda: load_detail(self.engine, number)).success(done).run()

    def reload(self) -> None:
        if self.detail is not None and self.isVisible():
            self.show_order(self.detail["number"])

    def close_panel(self) -> None:
        self.hide()
        self.detail = None
        self.closed.emit()

    def set_detail(self, d: dict) -> None:
        self.detail = d
        cur = d["currency"]
        self.title.setText(self.tr("Order #{0}").format(d["number"]))
        parts = [self.tr("Status: {0}").format(status_text(d["status"])),
                 self.tr("Payment: {0}").format(status_text(d["payment_status"])),
                 self.tr("Fulfilment: {0}").format(status_text(d["fulfilment_status"])),
                 self.tr("Total: {0}").format(format_money(float_free(d["total"]), cur)),
                 self.tr("Store: {0}").format(d["store"]),
                 self.tr("Placed: {0}").format(_when(d["placed_at"]))]
        money = d.get("money")
        if money is not None:
            parts.append(self.tr("Paid: {0}").format(format_money(money.paid, cur)))
            if money.refunded:
                parts.append(self.tr("Refunded: {0}").format(format_money(money.refunded, cur)))
            if money.pending:
                parts.append(self.tr("Refund pending: {0}").format(format_money(money.pending, cur)))
            if money.failed:
                parts.append(self.tr("Refund failed: {0}").format(format_money(money.failed, cur)))
        if d.get("hold_reason"):
            parts.append(self.tr("On hold: {0}").format(d["hold_reason"]))
        if d["tags"]:
            parts.append(self.tr("Tags: {0}").format(", ".join(d["tags"])))
        self.summary.setText(" · ".join(parts))
        self.amounts.setText(self._amounts_text(d))
        self._fill(self.lines, [[l["sku"], l["name"], l["quantity"],
                                 format_money(float_free(l["unit_price"]), cur),
                                 format_money(float_free(l["total"]), cur), l["reserved"],
                                 l["shipped"], l["returned"]] for l in d["lines"]])
        c, s = d["customer"], d["ship_to"]
        self.customer_name.setText(c["name"])
        self.customer_contact.setText("\n".join(x for x in (c["phone"], c["email"]) if x))
        self.ship_to.setText("\n".join(x for x in (
            s["name"], s["phone"], s["line1"], s["line2"],
            " ".join(x for x in (s["postcode"], s["city"], s["region"]) if x), s["country"]) if x))
        self._fill(self.payments, [[p["kind"], p["method"],
                                    format_money(float_free(p["amount"]), p["currency"]),
                                    status_text(p["status"]), p["reference"],
                                    _when(p["created_at"])]
                                   for p in d["payments"]])
        self._fill(self.shipments, [[sh["carrier"], sh["waybill"] or "", status_text(sh["status"]),
                                     _when(sh["shipped_at"]), _when(sh["delivered_at"]),
                                     (sh["tracking"][-1]["description"] if sh["tracking"] else "")]
                                    for sh in d["shipments"]])
        self._fill(self.timeline, [[_when(e["at"]), e["user"], e["kind"], e["message"]]
                                   for e in reversed(d["timeline"])])
        notes = [f"{_when(e['at'])}  {e['user']}: {e['message']}"
                 for e in d["timeline"] if e["kind"] == "note"]
        if d.get("note"):
            notes.insert(0, self.tr("Order note: {0}").format(d["note"]))
        self.notes.setPlainText("\n".join(notes) or self.tr("No internal notes yet."))
        if self.failed_refunds is not None:
            self.failed_refunds.set_refunds(d.get("refunds", []))
        self.loaded.emit(d)

    def _amounts_text(self, d: dict) -> str:
        cur = d["currency"]

        def m(key: str) -> str:
            return format_money(float_free(d[key]), cur)
        if d["prices_include_tax"]:
            breakdown = self.tr("Subtotal {0} + shipping {1} − discount {2} = total {3} "
                                "(incl. tax {4})").format(m("subtotal"), m("shipping"),
                                                          m("discount"), m("total"), m("tax"))
        else:
            breakdown = self.tr("Subtotal {0} + shipping {1} + tax {2} − discount {3} = total "
                                "{4}").format(m("subtotal"), m("shipping"), m("tax"),
                                              m("discount"), m("total"))
        money = self.tr("Paid {0} · refunded {1} · balance {2}").format(
            m("paid"), m("refunded"), m("balance"))
        return f"{breakdown}\n{money}"

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                table.setItem(r, c, item)


def float_free(text: str):
    """Amounts arrive as strings from order_detail; keep them Decimal."""
    from decimal import Decimal
    return Decimal(text)


__all__ = ["OrderDetailPanel", "load_detail"]
