"""The refund dialog: how much of an approved case goes back now, split over the original
payments (each part at most what that payment still holds), with the reference for refunds
made by hand. Validated as you type with the same rules the service enforces."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (QFormLayout, QHeaderView, QLabel, QLineEdit, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)
from sqlalchemy.orm import Session

from ordermgr.errors import ValidationError
from ordermgr.models.money import plain_amount, to_decimal
from ordermgr.models.states import REFUND_LIVE_STATES, RefundStatus
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds
from ordermgr.ui.aftersales.dialog import ServiceDialog, readonly_item
from ordermgr.ui.aftersales.model import money_text
from ordermgr.ui.ops import QueryOp

ZERO = Decimal("0.00")


class RefundDialog(ServiceDialog):
    COL_PAYMENT, COL_ROOM, COL_PART = range(3)

    def __init__(self, ctx, case_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.case = None
        self.room: refunds.Refundable | None = None
        self.remaining = ZERO
        self.setWindowTitle(self.tr("Refund"))
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("Loading…"))
        layout.addWidget(self.header)
        form = QFormLayout()
        self.amount = QLineEdit()
        self.amount.setObjectName("refundNow")
        self.amount.textEdited.connect(self._amount_edited)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Bank, cash or gateway reference (refunds made by hand)"))
        self.reference.textChanged.connect(self.validate)
        form.addRow(self.tr("Refund now:"), self.amount)
        form.addRow(self.tr("Reference:"), self.reference)
        layout.addLayout(form)
        self.parts = QTableWidget(0, 3)
        self.parts.setHorizontalHeaderLabels([self.tr("Original payment"), self.tr("Still refundable"),
                                              self.tr("This refund")])
        self.parts.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.parts.verticalHeader().setVisible(False)
        self.parts.itemChanged.connect(lambda _item: self.validate())
        layout.addWidget(self.parts)
        self._build_footer(layout, self.tr("Refund"), "refundMessage")
        self._load()

    def _load(self) -> None:
        engine, case_id = self.ctx.engine, self.case_id

        def work():
            with Session(engine) as session:
                case = cs.case_detail(session, case_id)
                live = sum((Decimal(r["amount"]) for r in case["refunds"]
                            if r["status"] in REFUND_LIVE_STATES), ZERO)
                return case, refunds.refundable(session, case["order_id"]), live

        QueryOp(self, work).success(self._loaded).run()

    def _loaded(self, result) -> None:
        self.case, self.room, live = result
        self.remaining = max(Decimal(self.case["refund_amount"]) - live, ZERO)
        cur = self.case["currency"]
        self.header.setText(self.tr("{0} on order #{1}: approved {2}, already refunded or pending {3}.").format(
            self.case["number"], self.case["order"], money_text(Decimal(self.case["refund_amount"]), cur),
            money_text(live, cur)))
        self.amount.setText(plain_amount(self.remaining, cur))
        self._fill_parts(self.remaining)

    def _fill_parts(self, amount: Decimal) -> None:
        try:
            split = {p.charge_id: a for p, a in refunds.allocate(self.room, amount)} if amount > 0 else {}
        except ValidationError:
            split = {}
        self.parts.blockSignals(True)
        self.parts.setRowCount(len(self.room.payments))
        cur = self.case["currency"]
        for row, p in enumerate(self.room.payments):
            label = f"{p.method} {p.reference}".strip() + (" " + self.tr("(by hand)") if p.offline else "")
            self.parts.setItem(row, self.COL_PAYMENT, readonly_item(label))
            self.parts.setItem(row, self.COL_ROOM, readonly_item(money_text(p.room, cur)))
            self.parts.setItem(row, self.COL_PART, QTableWidgetItem(plain_amount(split.get(p.charge_id, ZERO), cur)))
        self.parts.blockSignals(False)
        self.validate()

    def _amount_edited(self) -> None:
        try:
            self._fill_parts(to_decimal(self.amount.text() or "0", self.case["currency"], what="refund"))
        except ValidationError:
            self.validate()

    def split(self) -> dict[int, Decimal]:
        return {p.charge_id: to_decimal(self.parts.item(row, self.COL_PART).text() or "0",
                                        self.case["currency"], what=f"part for {p.method}")
                for row, p in enumerate(self.room.payments)}

    def validate(self) -> None:
        if self.room is None:
            return
        problems = []
        cur, order = self.case["currency"], self.case["order"]
        try:
            amount = to_decimal(self.amount.text() or "0", self.case["currency"], what="refund")
            split = self.split()
        except ValidationError as exc:
            self.show_problems([str(exc)])
            return
        for refund in self.case["refunds"]:
            if refund["status"] == RefundStatus.FAILED:
                problems.append(self.tr("Refund {0} failed; retry it, record it as paid back another "
                                        "way, or cancel it first.").format(refund["number"]))
        if amount <= 0:
            problems.append(self.tr("Enter the amount to refund."))
        if amount > self.remaining:
            problems.append(self.tr("Order #{0}: {1} is more than the {2} left of the approved refund.").format(
                order, money_text(amount, cur), money_text(self.remaining, cur)))
        if amount > self.room.total:
            problems.append(self.tr("Order #{0}: {1} is more than the {2} still refundable.").format(
                order, money_text(amount, cur), money_text(self.room.total, cur)))
        for p in self.room.payments:
            part = split[p.charge_id]
            if part < 0 or part > p.room:
                problems.append(self.tr("Order #{0}: the {1} payment can take back at most {2}, not {3}.").format(
                    order, p.method, money_text(p.room, cur), money_text(part, cur)))
        total = sum(split.values(), ZERO)
        if total != amount:
            problems.append(self.tr("The parts add up to {0}, not {1}.").format(money_text(total, cur),
                                                                                money_text(amount, cur)))
        by_hand = any(split[p.charge_id] > 0 and p.offline for p in self.room.payments)
        if by_hand and not self.reference.text().strip():
            problems.append(self.tr("Part goes back by hand; enter the bank or cash reference."))
        self.show_problems(problems)

    def submit(self) -> None:
        self.validate()
        if not self.ok_button.isEnabled():
            return
        case_id, version = self.case_id, self.case["version"]
        amount, reference = self.amount.text().strip(), self.reference.text().strip()
        split = {k: v for k, v in self.split().items() if v > 0}
        self.run_write(lambda uow: cs.refund_case(uow, case_id, amount=amount, reference=reference,
                                                  split=split, expected_version=version),
                       self.tr("Refunding…"))
