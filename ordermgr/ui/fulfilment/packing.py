"""The packing station: scan the order (or batch slot), then every item.

What is still missing is always on screen; a wrong, unknown or surplus item turns the status
bar red and beeps. A quantity can be typed before scanning a bulk item. The order is marked
packed by itself once every line is complete; a supervisor can pack an incomplete order with a
reason (recorded on the timeline and in the audit log).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy.orm import Session

from ordermgr.fulfilment.packing import PackingCheck, ScanOutcome
from ordermgr.services import fulfilment
from ordermgr.ui.errors import show_error
from ordermgr.ui.ops import QueryOp, WriteOp
from ordermgr.ui.scan import ScanLineEdit
from ordermgr.ui.status import say_in_status_bar

OK_STYLE = "background:#d7f5d7; color:#0a5c0a; font-size:16pt; padding:8px;"
ERROR_STYLE = "background:#d00000; color:white; font-size:18pt; font-weight:bold; padding:8px;"
IDLE_STYLE = "background:#eeeeee; color:#333333; font-size:14pt; padding:8px;"


class SupervisorOverrideDialog(QDialog):
    def __init__(self, missing: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor override"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Still missing: {0}").format(missing)))
        self.supervisor = QLineEdit(placeholderText=self.tr("supervisor's user name"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why is the order packed incomplete?"))
        form.addRow(self.tr("Supervisor"), self.supervisor)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.reason.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, str]:
        return self.supervisor.text().strip(), self.reason.toPlainText().strip()


class PackingStation(QWidget):
    packed = Signal(int)  # order id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.check: PackingCheck | None = None
        self.order_input = ScanLineEdit(placeholderText=self.tr("Scan the order barcode or batch slot"))
        self.order_input.setObjectName("packing_order")
        self.item_input = ScanLineEdit(placeholderText=self.tr("Scan each item"))
        self.item_input.setObjectName("packing_item")
        self.quantity = QSpinBox(minimum=1, maximum=9999, value=1)
        self.quantity.setToolTip(self.tr("For bulk items: type the quantity, then scan once"))
        self.status = QLabel(self.tr("Scan an order to start."))
        self.status.setWordWrap(True)
        self.status.setStyleSheet(IDLE_STYLE)
        self.lines = QTableWidget(0, 4)
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Scanned"),
                                              self.tr("Missing")])
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.lines.setEditTriggers(QTableWidget.NoEditTriggers)
        self.override_button = QPushButton(self.tr("Supervisor override…"))
        self.override_button.setEnabled(False)
        self.reset_button = QPushButton(self.tr("Start over"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Order")))
        top.addWidget(self.order_input, 2)
        top.addWidget(QLabel(self.tr("Item")))
        top.addWidget(self.item_input, 2)
        top.addWidget(QLabel(self.tr("Qty")))
        top.addWidget(self.quantity)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.override_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.lines, 1)
        layout.addLayout(buttons)

        self.order_input.returnPressed.connect(self._scan_order)
        self.item_input.returnPressed.connect(self._scan_item)
        self.override_button.clicked.connect(self._override)
        self.reset_button.clicked.connect(self.reset)
        self.item_input.setEnabled(False)

    # -- flow -----------------------------------------------------------------------------------
    def reset(self) -> None:
        self.check = None
        self.lines.setRowCount(0)
        self.item_input.setEnabled(False)
        self.override_button.setEnabled(False)
        self.order_input.clear()
        self.order_input.setFocus()
        self._say(self.tr("Scan an order to start."), IDLE_STYLE)

    def _scan_order(self) -> None:
        code = self.order_input.text().strip()
        if not code:
            return
        engine = self.ctx.engine

        def work():
            with Session(engine) as session:
                return fulfilment.load_packing(session, code)

        QueryOp(self, work).success(self._loaded).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        from ordermgr.errors import UserError
        if isinstance(exc, UserError):
            self._alarm(str(exc))
            self.order_input.selectAll()
        else:
            show_error(self, exc)

    def _loaded(self, check: PackingCheck) -> None:
        engine = self.ctx.engine

        def is_known(code: str) -> bool:  # one indexed lookup, only for a scan not in the order
            with Session(engine) as session:
                return fulfilment.barcode_known(session, code)

        check.is_known = is_known
        self.check = check
        self.item_input.setEnabled(True)
        self.override_button.setEnabled(True)
        self._refresh()
        self._say(self.tr("Order #{0}: scan the items.").format(check.order_number), OK_STYLE)
        self.item_input.setFocus()

    def _scan_item(self) -> None:
        code = self.item_input.text().strip()
        self.item_input.clear()
        if not code or self.check is None:
            return
        result = self.check.scan(code, self.quantity.value())
        self.quantity.setValue(1)
        self._refresh()
        if result.outcome.is_error:
            self._alarm(result.message)
        else:
            self._say(result.message, OK_STYLE)
        if result.outcome == ScanOutcome.COMPLETE:
            self._finish()

    def _finish(self, *, reason: str = "", supervisor: str = "") -> None:
        check = self.check
        if check is None:
            return
        ctx = self.ctx
        self.item_input.setEnabled(False)

        def work():
            fulfilment.finish_packing(ctx.uow(), check.order_id, scanned=check.scanned(),
                                      override_reason=reason, supervisor=supervisor,
                                      scan_log=[list(entry) for entry in check.log])
            return check.order_id

        WriteOp(self, work, label=self.tr("Marking packed…")).success(self._finished).failure(
            self._finish_failed).run()

    def _finished(self, order_id: int) -> None:
        number = self.check.order_number if self.check else ""
        self.check = None
        self.order_input.clear()
        self.override_button.setEnabled(False)
        self._say(self.tr("Order #{0} is packed. Scan the next order.").format(number), OK_STYLE)
        say_in_status_bar(self, self.tr("#{0} packed").format(number))
        self.order_input.setFocus()
        self.packed.emit(order_id)

    def _finish_failed(self, exc: BaseException) -> None:
        self.item_input.setEnabled(self.check is not None)
        from ordermgr.errors import UserError
        if isinstance(exc, UserError):
            self._alarm(str(exc))
        else:
            show_error(self, exc)

    def _override(self) -> None:
        if self.check is None:
            return
        missing = ", ".join(f"{l.sku} ×{l.missing}" for l in self.check.missing()) or self.tr("nothing")
        dialog = SupervisorOverrideDialog(missing, self)
        if dialog.exec() == QDialog.Accepted:
            supervisor, reason = dialog.values()
            self._finish(reason=reason, supervisor=supervisor)

    # -- display --------------------------------------------------------------------------------
    def _refresh(self) -> None:
        check = self.check
        self.lines.setRowCount(len(check.lines) if check else 0)
        for row, line in enumerate(check.lines if check else []):
            values = (line.sku, line.name, f"{line.scanned} / {line.quantity}", str(line.missing))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if line.missing == 0:
                    item.setBackground(QColor("#d7f5d7"))
                self.lines.setItem(row, col, item)

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    def _alarm(self, text: str) -> None:
        """Loud: red bar and the system beep, so the clerk notices without looking."""
        self._say(text, ERROR_STYLE)
        self.status.setProperty("alarm", True)
        QApplication.beep()

    @property
    def alarmed(self) -> bool:
        return self.status.styleSheet() == ERROR_STYLE
