"""Refunds the storefront refused, with its reason and what the agent can do about each: send it
again, record it as paid back another way (method + reference), or cancel it. Shown on the
after-sales case and on the order's detail panel; the buttons follow REFUND_MACHINE."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ordermgr.models.states import REFUND_MACHINE, RefundStatus
from ordermgr.services import refunds
from ordermgr.ui.aftersales.dialog import ServiceDialog
from ordermgr.ui.errors import show_error
from ordermgr.ui.ops import WriteOp


def method_labels() -> dict[str, str]:
    """refunds.PAID_BACK_METHODS as the agent reads them."""
    return {"bank_transfer": QCoreApplication.translate("PaidElsewhereDialog", "Bank transfer"),
            "cash": QCoreApplication.translate("PaidElsewhereDialog", "Cash"),
            "alipay": QCoreApplication.translate("PaidElsewhereDialog", "Alipay"),
            "wechat_pay": QCoreApplication.translate("PaidElsewhereDialog", "WeChat Pay"),
            "card": QCoreApplication.translate("PaidElsewhereDialog", "Card terminal"),
            "other": QCoreApplication.translate("PaidElsewhereDialog", "Other")}


class PaidElsewhereDialog(ServiceDialog):
    """How a failed refund was paid back: method and the bank or cash reference."""

    def __init__(self, ctx, refund: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.refund = ctx, refund
        self.setWindowTitle(self.tr("Paid back another way"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Refund {0} of {1} {2} was refused by the storefront. How "
                                        "did the money go back?").format(
            refund["number"], refund["amount"], refund["currency"])))
        form = QFormLayout()
        self.method = QComboBox()
        self.method.setObjectName("paidMethod")
        for key, label in method_labels().items():
            self.method.addItem(label, key)
        self.reference = QLineEdit()
        self.reference.setObjectName("paidReference")
        self.reference.setPlaceholderText(self.tr("Bank transfer or cash slip reference"))
        self.reference.textChanged.connect(self.validate)
        self.note = QLineEdit()
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Reference:"), self.reference)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        self._build_footer(layout, self.tr("Record"), "paidMessage")
        self.validate()

    def validate(self) -> None:
        problems = [] if self.reference.text().strip() else [
            self.tr("Enter the reference of the bank transfer or cash slip.")]
        self.show_problems(problems)

    def submit(self) -> None:
        self.validate()
        if not self.ok_button.isEnabled():
            return
        refund_id, method = self.refund["id"], self.method.currentData()
        reference, note = self.reference.text().strip(), self.note.text().strip()
        self.run_write(lambda uow: refunds.record_paid(uow, refund_id, method=method,
                                                       reference=reference, note=note),
                       self.tr("Saving…"))


class FailedRefundsPanel(QWidget):
    """One line per failed refund: what the storefront said, and Retry / Paid another way /
    Cancel refund. Hidden when nothing failed."""

    saved = Signal(object)  # the Changes of the write

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.may_refund = ctx.actor.may("payments.refund")
        self.setObjectName("failedRefunds")
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.failed: list[dict] = []
        self.hide()

    def set_refunds(self, refund_dicts: list[dict]) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    child = item.layout().takeAt(0).widget()
                    if child is not None:
                        child.deleteLater()
            elif item.widget() is not None:
                item.widget().deleteLater()
        self.failed = [r for r in refund_dicts if r["status"] == RefundStatus.FAILED]
        for refund in self.failed:
            self.rows.addLayout(self._row(refund))
        self.setVisible(bool(self.failed))

    def _row(self, refund: dict) -> QHBoxLayout:
        row = QHBoxLayout()
        text = QLabel(self.tr("Refund {0} of {1} {2} failed: {3}").format(
            refund["number"], refund["amount"], refund["currency"],
            refund["error"] or self.tr("the storefront gave no reason")))
        text.setObjectName(f"failedRefund_{refund['number']}")
        text.setWordWrap(True)
        text.setStyleSheet("color: #b00020;")
        row.addWidget(text, 1)
        allowed = set(REFUND_MACHINE.actions(refund["status"]))
        if not self.may_refund:
            allowed = set()
            text.setToolTip(self.tr("Only users who may refund customers can act on it."))
        for action, label, handler in (
                ("retry", self.tr("Retry"), self.retry),
                ("record_paid", self.tr("Paid another way…"), self.record_paid),
                ("cancel", self.tr("Cancel refund…"), self.cancel)):
            button = QPushButton(label)
            button.setObjectName(f"{action}Refund_{refund['number']}")
            button.setEnabled(action in allowed)
            button.clicked.connect(lambda _=False, r=refund, h=handler: h(r))
            row.addWidget(button)
        return row

    # -- actions ------------------------------------------------------------------------------
    def retry(self, refund: dict) -> None:
        refund_id = refund["id"]
        self._write(lambda uow: refunds.retry(uow, refund_id))

    def record_paid(self, refund: dict) -> PaidElsewhereDialog:
        dialog = PaidElsewhereDialog(self.ctx, refund, self)
        dialog.saved.connect(self.saved)
        dialog.open()
        return dialog

    def cancel(self, refund: dict) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel refund"),
            self.tr("Why is refund {0} given up? Nothing was paid back.").format(refund["number"]))
        if not ok:
            return
        refund_id = refund["id"]
        self._write(lambda uow: refunds.cancel(uow, refund_id, reason=reason))

    def _write(self, fn) -> None:
        ctx = self.ctx

        def work():
            uow = ctx.uow()
            fn(uow)
            return uow.changes

        WriteOp(self, work, label=self.tr("Saving…")).success(self.saved.emit).failure(
            lambda exc: show_error(self, exc)).run()
