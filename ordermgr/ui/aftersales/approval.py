"""The return approval form: the order's shipped lines with what can still be returned, the
refund computed live (lines, optional shipping, restocking fee, already refunded), an editable
amount with a reason, the payments the money goes back to, and validation as you type.

Used to open a case on an order (`order_id`) and to approve an existing case (`case_id`, lines
fixed; fee, shipping and amount editable, and saved). The figures come from the same domain
functions the services use (quote_refund, allocate) and the verdict from the one approval rule
(services/approval_rules.py), so what the form says is what the service will accept.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)
from sqlalchemy.orm import Session

from ordermgr.errors import ValidationError
from ordermgr.models.money import plain_amount, to_decimal
from ordermgr.models.returns import KIND_LABELS, line_refund_value, quote_refund
from ordermgr.services import aftersales as cs
from ordermgr.services import approval_rules, refunds
from ordermgr.ui.aftersales.dialog import ServiceDialog, readonly_item
from ordermgr.ui.aftersales.model import kind_text, money_text
from ordermgr.ui.ops import QueryOp

ZERO = Decimal("0.00")


class ReturnApprovalForm(ServiceDialog):
    """Open a case (order_id) or approve one (case_id)."""

    COL_SKU, COL_NAME, COL_SHIPPED, COL_RETURNABLE, COL_QTY, COL_REASON, COL_VALUE = range(7)

    def __init__(self, ctx, parent=None, *, order_id: int | None = None, case_id: int | None = None,
                 kind: str = "return_refund"):
        super().__init__(parent)
        if (order_id is None) == (case_id is None):
            raise ValueError("give order_id or case_id")
        self.ctx, self.order_id, self.case_id = ctx, order_id, case_id
        self.approving = case_id is not None
        self.form = None  # aftersales.FormData
        self.case = None  # case_detail dict when approving
        self.reasons: list = []
        self._amount_touched = False
        self.setWindowTitle(self.tr("Approve return") if self.approving else self.tr("New after-sales case"))
        geometry = QSettings().value("aftersales/approval_form")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(860, 640)
        self._build(kind)
        self._load()

    # -- layout -------------------------------------------------------------------------------
    def _build(self, kind: str) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("Loading…"))
        self.header.setObjectName("approvalHeader")
        layout.addWidget(self.header)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for key in cs.KINDS:
            self.kind.addItem(kind_text(key), key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.setEnabled(not self.approving)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        top.addWidget(QLabel(self.tr("Type:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        layout.addLayout(top)

        self.lines = QTableWidget(0, 7)
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Shipped"),
                                              self.tr("Returnable"), self.tr("Return"),
                                              self.tr("Reason"), self.tr("Value")])
        self.lines.horizontalHeader().setSectionResizeMode(self.COL_NAME, QHeaderView.Stretch)
        self.lines.verticalHeader().setVisible(False)
        layout.addWidget(self.lines, 2)

        money = QGroupBox(self.tr("Refund"))
        grid = QFormLayout(money)
        self.goods_label = QLabel()
        self.shipping = QCheckBox(self.tr("Refund the shipping"))
        self.shipping.toggled.connect(self.recompute)
        self.fee = QLineEdit("0.00")
        self.fee.setObjectName("restockingFee")
        self.fee.textChanged.connect(self.recompute)
        self.already_label = QLabel()
        self.computed_label = QLabel()
        self.computed_label.setObjectName("computedRefund")
        self.amount = QLineEdit()
        self.amount.setObjectName("refundAmount")
        self.amount.textEdited.connect(self._amount_edited)
        self.amount_reason = QLineEdit()
        self.amount_reason.textChanged.connect(self.recompute)
        self.amount_reason.setPlaceholderText(self.tr("Why the amount differs from the computed one"))
        grid.addRow(self.tr("Goods:"), self.goods_label)
        grid.addRow("", self.shipping)
        grid.addRow(self.tr("Restocking fee:"), self.fee)
        grid.addRow(self.tr("Already refunded:"), self.already_label)
        grid.addRow(self.tr("Computed refund:"), self.computed_label)
        grid.addRow(self.tr("Refund amount:"), self.amount)
        grid.addRow(self.tr("Reason for the amount:"), self.amount_reason)
        self.limit_label = QLabel()
        self.limit_label.setObjectName("approvalLimit")
        if self.approving:
            grid.addRow(self.tr("Your approval limit:"), self.limit_label)
        layout.addWidget(money)

        self.payments = QTableWidget(0, 5)
        self.payments.setHorizontalHeaderLabels([self.tr("Payment"), self.tr("Paid"),
                                                 self.tr("Already refunded"), self.tr("Refundable"),
                                                 self.tr("This refund")])
        self.payments.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.payments.verticalHeader().setVisible(False)
        self.payments.setMaximumHeight(130)
        layout.addWidget(QLabel(self.tr("Goes back to:")))
        layout.addWidget(self.payments)

        self.case_reason = QComboBox()  # for cases without lines (complaints, goodwill)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Note for the case history"))
        self.note.setMaximumHeight(60)
        extra = QFormLayout()
        extra.addRow(self.tr("Case reason:"), self.case_reason)
        extra.addRow(self.tr("Note:"), self.note)
        layout.addLayout(extra)

        self._build_footer(layout, self.tr("Approve") if self.approving else self.tr("Open case"),
                           "validationMessage")

    # -- loading ------------------------------------------------------------------------------
    def _load(self) -> None:
        ctx, case_id, order_id, actor = self.ctx, self.case_id, self.order_id, self.ctx.actor

        def work():
            with Session(ctx.engine) as session:
                case = cs.case_detail(session, case_id) if case_id else None
                form = cs.approval_form_data(session, case["order_id"] if case else order_id, actor,
                                             case_id=case_id)
                reasons = cs.reason_codes(session)
                return case, form, reasons

        QueryOp(self, work).success(self._loaded).run()

    def _loaded(self, result) -> None:
        self.case, self.form, self.reasons = result
        form = self.form
        text = self.tr("Order #{0}").format(form.order_number)
        if self.case:
            text = self.tr("{0} on order #{1}, {2}").format(self.case["number"], form.order_number,
                                                            kind_text(self.case["kind"]))
            self.kind.setCurrentIndex(max(self.kind.findData(self.case["kind"]), 0))
            self.shipping.setChecked(self.case["refund_shipping"])
            self.fee.setText(plain_amount(Decimal(self.case["restocking_fee"]), form.currency))
        else:
            self.fee.setText(plain_amount(ZERO, form.currency))  # "0" for yen, "0.00" for yuan
        self.header.setText(text)
        self._fill_lines()
        self._fill_case_reasons()
        if self.case:
            self.amount.setText(plain_amount(Decimal(self.case["refund_amount"]), form.currency))
            self.amount_reason.setText(self.case["amount_reason"])
        self.recompute()

    def _fill_lines(self) -> None:
        case_qty = {line["order_line_id"]: line for line in (self.case or {}).get("lines", [])}
        self.lines.setRowCount(len(self.form.lines))
        kind = self.kind.currentData()
        for row, line in enumerate(self.form.lines):
            for col, value in ((self.COL_SKU, line.sku), (self.COL_NAME, line.name),
                               (self.COL_SHIPPED, str(line.shipped)),
                               (self.COL_RETURNABLE, str(line.returnable))):
                self.lines.setItem(row, col, readonly_item(value))
            spin = QSpinBox()
            if self.approving:
                spin.setRange(0, case_qty.get(line.order_line_id, {}).get("quantity", 0))
                spin.setValue(spin.maximum())
                spin.setEnabled(False)
            else:
                spin.setRange(0, line.returnable if kind in ("return_refund", "exchange", "intercept")
                              else line.shipped if kind == "reship" else line.quantity)
            spin.valueChanged.connect(self.recompute)
            self.lines.setCellWidget(row, self.COL_QTY, spin)
            combo = QComboBox()
            for reason in self.reasons:
                kinds = [k for k in reason.kinds.split(",") if k]
                if not kinds or kind in kinds:
                    combo.addItem(reason.label, reason.code)
            if line.order_line_id in case_qty:
                combo.setCurrentIndex(max(combo.findData(case_qty[line.order_line_id]["reason"]), 0))
                combo.setEnabled(False)
            self.lines.setCellWidget(row, self.COL_REASON, combo)
            self.lines.setItem(row, self.COL_VALUE, QTableWidgetItem(""))

    def _fill_case_reasons(self) -> None:
        kind = self.kind.currentData()
        self.case_reason.clear()
        for reason in self.reasons:
            kinds = [k for k in reason.kinds.split(",") if k]
            if not kinds or kind in kinds:
                self.case_reason.addItem(reason.label, reason.code)
        if self.case:
            self.case_reason.setCurrentIndex(max(self.case_reason.findData(self.case["reason"]), 0))
            self.case_reason.setEnabled(False)

    def _kind_changed(self) -> None:
        if self.form is not None:
            self._fill_lines()
            self._fill_case_reasons()
            self.recompute()

    def _amount_edited(self) -> None:
        self._amount_touched = True
        self.recompute()

    # -- live computation ---------------------------------------------------------------------
    def quantities(self) -> dict[int, int]:
        out = {}
        for row, line in enumerate(self.form.lines if self.form else ()):
            spin = self.lines.cellWidget(row, self.COL_QTY)
            if spin is not None and spin.value():
                out[line.order_line_id] = spin.value()
        return out

    def quote(self):
        form, qty = self.form, self.quantities()
        fee = to_decimal(self.fee.text() or "0", form.currency, what="restocking fee")
        room = form.rule
        return quote_refund([(line.total, line.quantity, qty.get(line.order_line_id, 0))
                             for line in form.lines], shipping=form.shipping,
                            include_shipping=self.shipping.isChecked(), restocking_fee=fee,
                            paid=room.paid, already_refunded=room.already_refunded,
                            currency=form.currency)

    def _terms_changed(self, quote) -> bool:
        """Approving: the fee or the shipping differ from the case's (the money follows them)."""
        return bool(self.case) and (quote.restocking_fee != Decimal(self.case["restocking_fee"])
                                    or self.shipping.isChecked() != self.case["refund_shipping"])

    def recompute(self) -> None:
        """Recompute every figure and ask the approval rule (the service's) for its verdict; the
        OK button is enabled only if all is well."""
        if self.form is None or self.lines.rowCount() != len(self.form.lines):
            return  # still loading
        form, currency = self.form, self.form.currency
        problems: list[str] = []
        qty = self.quantities()
        for row, line in enumerate(form.lines):
            value = line_refund_value(line.total, line.quantity, qty.get(line.order_line_id, 0), currency)
            self.lines.item(row, self.COL_VALUE).setText(money_text(value, currency) if value else "")
        try:
            quote = self.quote()
        except ValidationError as exc:
            self._show(None, [str(exc)])
            return
        kind = self.kind.currentData()
        requested = Decimal(self.case["refund_amount"]) if self.case else None
        terms_changed = self._terms_changed(quote)
        computed, unchanged = approval_rules.expected_amounts(
            kind, quote.proposed, requested=requested,
            has_lines=bool(qty) if not self.case else bool(self.case["lines"]),
            terms_changed=terms_changed)
        self.goods_label.setText(money_text(quote.lines, currency))
        self.already_label.setText(self.tr("{0} of {1} paid").format(
            money_text(quote.already_refunded, currency), money_text(quote.paid, currency)))
        self.computed_label.setText(money_text(computed, currency))
        if not self._amount_touched:  # the amount follows the figures until typed over
            self.amount.setText(plain_amount(computed if unchanged is None else unchanged, currency))
        amount = None
        try:
            amount = to_decimal(self.amount.text() or "0", currency, what="refund amount")
        except ValidationError as exc:
            problems.append(str(exc))
        if amount is not None and self.approving:
            self.limit_label.setText(self._limit_text(amount))
        if amount is not None:
            problems += [self._words(p) for p in form.rule.check(
                amount, computed=computed, goods=quote.lines, shipping=quote.shipping,
                fee=quote.restocking_fee, reason=self.amount_reason.text(), unchanged=unchanged,
                approving=self.approving)]
        if not self.approving:
            missing = approval_rules.missing_lines(form.rule.subject, kind, KIND_LABELS.get(kind, kind),
                                                   bool(qty))
            if missing:
                problems.append(self._words(missing))
        self._show(amount if amount is not None and amount > 0 else None, problems)

    def _words(self, problem) -> str:
        """The rule's verdict in the reader's language (its code and arguments)."""
        templates = {
            "fee_negative": self.tr("{0}: the restocking fee can't be negative."),
            "fee_above": self.tr("{0}: the restocking fee {1} is more than the goods and shipping "
                                 "refunded ({2}); lower the fee."),
            "negative": self.tr("{0}: the refund can't be negative."),
            "above_refundable": self.tr("{0}: cannot refund {1}; only {2} is refundable (paid {3}, "
                                        "already refunded {4})."),
            "needs_reason": self.tr("{0}: the refund {1} differs from the computed {2}; give a reason."),
            "may_not_approve": self.tr("{1} may not approve refunds; {0} asks {2}. A supervisor must "
                                       "approve it."),
            "missing_rate": self.tr("{0} asks {1}, but there is no exchange rate from {2} to {3} to "
                                    "compare it with the approval limit of {4}. Add the rate {2} → {3} "
                                    "(Reports → Exchange rates)."),
            "own_request": self.tr("{0} asks {1}; you opened it yourself and may approve your own "
                                   "requests only up to {2}. Ask a supervisor to approve it."),
            "above_limit": self.tr("{0} asks {1}, above your {2} limit ({3}). A supervisor must "
                                   "approve it."),
            "missing_lines": self.tr("{0}: choose the items and quantities for the {1}."),
        }
        template = templates.get(problem.code)
        if template is None:
            return problem.text
        args = problem.args or ((kind_text(self.kind.currentData()),) if problem.code == "missing_lines"
                                else ())
        return template.format(self._subject(), *args)

    def _subject(self) -> str:
        if self.case:
            return self.tr("Return {0} on order #{1}").format(self.case["number"], self.form.order_number)
        return self.tr("Order #{0}").format(self.form.order_number)

    def _limit_text(self, amount: Decimal) -> str:
        rule = self.form.rule
        if rule.limit is None:
            return self.tr("no limit")
        limit = money_text(max(rule.limit, ZERO), rule.limit_currency)
        converted = rule.converted(amount)
        if rule.currency == rule.limit_currency:
            return limit
        if converted is None:
            return self.tr("{0}; no exchange rate {1} → {2} is stored").format(
                limit, rule.currency, rule.limit_currency)
        return self.tr("{0}; this refund ≈ {1}").format(limit, money_text(converted, rule.limit_currency))

    def _show(self, amount: Decimal | None, problems: list[str]) -> None:
        room = self.form.refundable
        parts: dict[int, Decimal] = {}
        if amount is not None and not problems:
            try:
                parts = {p.charge_id: a for p, a in refunds.allocate(room, amount)}
            except ValidationError as exc:
                problems.append(str(exc))
        self.payments.setRowCount(len(room.payments))
        currency = self.form.currency
        for row, p in enumerate(room.payments):
            label = f"{p.method} {p.reference}".strip()
            if p.offline:
                label += " " + self.tr("(refund by hand)")
            for col, value in enumerate((label, money_text(p.paid, currency),
                                         money_text(p.refunded, currency),
                                         money_text(p.room, currency),
                                         money_text(parts.get(p.charge_id, ZERO), currency))):
                self.payments.setItem(row, col, readonly_item(value))
        self.show_problems(problems)

    # -- submit -------------------------------------------------------------------------------
    def submit(self) -> None:
        self.recompute()
        if not self.ok_button.isEnabled():
            return
        amount, amount_reason = self.amount.text().strip(), self.amount_reason.text().strip()
        note = self.note.toPlainText().strip()
        if self.approving:
            case_id, version = self.case_id, self.case["version"]
            fee, ship = self.fee.text().strip() or "0", self.shipping.isChecked()
            self.run_write(lambda uow: cs.approve_case(uow, case_id, amount=amount, amount_reason=amount_reason,
                                                       note=note, restocking_fee=fee, refund_shipping=ship,
                                                       expected_version=version), self.tr("Saving…"))
            return
        kind, order_id = self.kind.currentData(), self.form.order_id
        lines = []
        for row, line in enumerate(self.form.lines):
            qty = self.lines.cellWidget(row, self.COL_QTY).value()
            if qty:
                lines.append(cs.CaseLineInput(qty, self.lines.cellWidget(row, self.COL_REASON).currentData(),
                                              order_line_id=line.order_line_id))
        custom = amount if self._amount_touched else None
        reason, fee, ship = self.case_reason.currentData() or "", self.fee.text(), self.shipping.isChecked()
        self.run_write(lambda uow: cs.open_case(uow, order_id, kind=kind, lines=lines, reason=reason, note=note,
                                                refund_amount=custom, amount_reason=amount_reason,
                                                refund_shipping=ship, restocking_fee=fee or "0"),
                       self.tr("Saving…"))

    def done(self, result: int) -> None:
        QSettings().setValue("aftersales/approval_form", self.saveGeometry())
        super().done(result)
