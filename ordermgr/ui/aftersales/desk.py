"""The after-sales desk (the "returns" area): CS queues with live counts and SLA ageing, the case
table and its detail panel with the actions the state machine allows, plus tabs for the returns
desk (scanning), unpaid orders and reconciliation.

The desk keeps its place: the case shown stays shown after every write (re-read with its new
state and actions, even when it left the queue), and the buttons act on the case shown. A search
looks across all queues."""

from __future__ import annotations

import html
from datetime import datetime, timezone
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter,
                               QTableView, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)
from sqlalchemy.orm import Session

from ordermgr.models.states import REFUND_PENDING_STATES, RETURN_MACHINE, RefundStatus
from ordermgr.services import aftersales as cs
from ordermgr.ui import filedialogs
from ordermgr.ui.aftersales.failed_refunds import FailedRefundsPanel
from ordermgr.ui.aftersales.model import (ID_ROLE, PagedTableModel, case_columns, kind_text,
                                          money_text, status_text)
from ordermgr.ui.ops import QueryOp, WriteOp

COUNTS_EVERY_MS = 30_000
UNSETTLED = REFUND_PENDING_STATES | {RefundStatus.FAILED}


def queue_titles() -> dict[str, str]:
    return {"new": QCoreApplication.translate("CaseQueues", "New requests"),
            "awaiting_approval": QCoreApplication.translate("CaseQueues", "Awaiting approval"),
            "awaiting_goods": QCoreApplication.translate("CaseQueues", "Awaiting goods"),
            "to_inspect": QCoreApplication.translate("CaseQueues", "To inspect"),
            "refunds_pending": QCoreApplication.translate("CaseQueues", "Refunds pending"),
            "refunds_failed": QCoreApplication.translate("CaseQueues", "Refunds failed"),
            "overdue": QCoreApplication.translate("CaseQueues", "Overdue"),
            "open": QCoreApplication.translate("CaseQueues", "All open"),
            "all": QCoreApplication.translate("CaseQueues", "All cases")}


class CaseQueues(QWidget):
    """Queue list + case table + detail with actions."""

    def __init__(self, ctx, desk, parent=None):
        super().__init__(parent)
        self.ctx, self.desk = ctx, desk
        self.queue = "new"
        self.detail_data: dict | None = None
        self.shown_id: int | None = None  # the case in the detail panel, kept across reloads
        self.titles = queue_titles()
        self.queues = QListWidget()
        self.queues.setObjectName("caseQueues")
        self.queues.setMaximumWidth(220)
        for key, title in self.titles.items():
            item = QListWidgetItem(title)
            item.setData(Qt.UserRole, key)
            self.queues.addItem(item)
        self.queues.currentRowChanged.connect(self._queue_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all queues: RMA, order, waybill, customer or phone"))
        self.search.returnPressed.connect(self.reload)
        self.model = PagedTableModel(ctx.engine, case_columns(), self._fetcher(),
                                     background=lambda r: r.age(datetime.now(timezone.utc)), parent=self)
        self.model.load_failed.connect(lambda exc: self.desk.status(str(exc)))
        self.model.reloaded.connect(self._reselect)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _: self.act("approve"))
        header = QSettings().value("aftersales/case_header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        self.detail = QTextBrowser()
        self.detail.setObjectName("caseDetail")
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, label in (("new", self.tr("New case…")), ("approve", self.tr("Approve…")),
                           ("reject", self.tr("Reject…")), ("refund", self.tr("Refund")),
                           ("reship", self.tr("Re-ship")), ("exchange", self.tr("Exchange…")),
                           ("close", self.tr("Close")), ("cancel", self.tr("Cancel case…")),
                           ("intercept", self.tr("Intercept…")), ("attach", self.tr("Attach file…")),
                           ("open_attachment", self.tr("Open attachment"))):
            button = QPushButton(label)
            button.setObjectName(f"case_{key}")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.failed_refunds = FailedRefundsPanel(ctx, self)
        self.failed_refunds.saved.connect(self.desk.publish)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(self.search)
        mid.addWidget(self.table, 3)
        mid.addLayout(actions)
        mid.addWidget(self.failed_refunds)
        mid.addWidget(self.detail, 2)
        splitter = QSplitter()
        splitter.addWidget(self.queues)
        splitter.addWidget(middle)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._enable_actions(None)
        self.queues.setCurrentRow(0)

    # -- data ---------------------------------------------------------------------------------
    def _fetcher(self):
        """Read the widgets here, on the GUI thread; the returned function runs on a worker."""
        queue, search = self.queue, self.search.text().strip()
        if search:
            queue = "all"  # one search across every queue
        return lambda conn, after, limit: cs.case_rows(conn, queue, search=search, after=after, limit=limit)

    def reload(self) -> None:
        self.model.set_fetch(self._fetcher())
        self.refresh_counts()
        if self.shown_id is not None:
            self.show_case(self.shown_id)  # its new state and actions, wherever it is now

    def show_case(self, case_id: int) -> None:
        """Show `case_id` in the detail panel (and select its row when it is in the table)."""
        self.shown_id = case_id
        engine = self.ctx.engine

        def work():
            with Session(engine) as session:
                return cs.case_detail(session, case_id)

        QueryOp(self, work).success(self._show_detail).run()

    def open_case_in_queue(self, case_id: int) -> None:
        """A case just opened (from an order): show it, selected in the open cases."""
        self.shown_id = case_id
        self.search.clear()
        row = next(i for i in range(self.queues.count())
                   if self.queues.item(i).data(Qt.UserRole) == "open")
        if self.queues.currentRow() == row:
            self.reload()
        else:
            self.queues.setCurrentRow(row)

    def refresh_counts(self) -> None:
        engine = self.ctx.engine

        def work():
            with engine.connect() as conn:
                return cs.case_counts(conn)

        QueryOp(self, work).success(self._show_counts).failure(lambda exc: None).run()

    def _show_counts(self, counts: dict) -> None:
        for row in range(self.queues.count()):
            item = self.queues.item(row)
            key = item.data(Qt.UserRole)
            item.setText(f"{self.titles[key]} ({counts.get(key, 0)})")

    def _queue_changed(self, row: int) -> None:
        if row >= 0:
            self.queue = self.queues.item(row).data(Qt.UserRole)
            self.reload()

    def _row_changed(self, current, _previous) -> None:
        case_id = self.model.data(current, ID_ROLE) if current.isValid() else None
        if case_id is not None and case_id != self.shown_id:
            self.show_case(case_id)

    def _clear_detail(self) -> None:
        self.detail_data = None
        self.shown_id = None
        self._enable_actions(None)
        self.detail.clear()
        self.failed_refunds.set_refunds([])

    def _reselect(self) -> None:
        """After a reload the shown case's row is selected again when it is still listed; when
        it left the queue the detail stays, with its new state."""
        for row in range(self.model.rowCount()):
            if self.model.data(self.model.index(row, 0), ID_ROLE) == self.shown_id:
                self.table.selectRow(row)
                return
        self.table.clearSelection()

    def _show_detail(self, detail: dict) -> None:
        if detail["id"] != self.shown_id:
            return  # another case was chosen meanwhile
        self.detail_data = detail
        self._enable_actions(detail["status"])
        self.failed_refunds.set_refunds(detail["refunds"])
        cur, e = detail["currency"], html.escape
        out = [f"<h3>{e(detail['number'])} — {kind_text(detail['kind'])} — {status_text(detail['status'])}</h3>",
               "<p>" + self.tr("Order #{0}, {1}. Refund {2}.").format(
                   e(detail["order"]), e(detail["customer"]),
                   money_text(Decimal(detail["refund_amount"]), cur)) + "</p>",
               "<table cellpadding=3><tr><th>" + "</th><th>".join(
                   [self.tr("SKU"), self.tr("Qty"), self.tr("Received"), self.tr("Reason"),
                    self.tr("Inspection")]) + "</th></tr>"]
        for line in detail["lines"]:
            out.append(f"<tr><td>{e(line['sku'])}</td><td>{line['quantity']}</td><td>{line['received']}</td>"
                       f"<td>{e(line['reason'])}</td><td>{e(line['inspection'] or '')}</td></tr>")
        out.append("</table>")
        for refund in detail["refunds"]:
            how = {"failed": e(refund["error"]),
                   "paid_elsewhere": e(f"{refund['method']} {refund['reference']}".strip())}
            out.append("<p>" + self.tr("Refund {0}: {1} {2} ({3}) {4}").format(
                refund["number"], refund["amount"], status_text(refund["status"]), refund["channel"],
                how.get(refund["status"], "")) + "</p>")
        if detail["attachments"]:
            out.append("<p>" + self.tr("Attachments: {0}").format(
                e(", ".join(a["filename"] for a in detail["attachments"]))) + "</p>")
        if detail["intercept"]["carrier"]:
            out.append("<p>" + self.tr("Intercept: {0} {1}, {2}").format(
                e(detail["intercept"]["carrier"]), e(detail["intercept"]["reference"]),
                e(detail["intercept"]["outcome"])) + "</p>")
        out.append("<ul>")
        for entry in reversed(detail["history"]):
            out.append(f"<li>{e(entry['at'][:16])} {e(entry['by'] or '')}: {e(entry['action'])} "
                       f"{e(str(entry.get('note', '')))}</li>")
        out.append("</ul>")
        self.detail.setHtml("".join(out))

    def _enable_actions(self, status: str | None) -> None:
        allowed = set(RETURN_MACHINE.actions(status)) if status else set()
        detail = self.detail_data if status else None
        if detail is not None and status not in RETURN_MACHINE.terminal:
            allowed.add("attach")
            if detail["kind"] == "intercept":
                allowed.add("intercept")
        if detail is not None and detail["attachments"]:
            allowed.add("open_attachment")
        if detail is not None and any(r["status"] in UNSETTLED for r in detail["refunds"]):
            allowed -= {"close", "cancel"}  # the money's fate first (the service says so too)
        for key, button in self.buttons.items():
            button.setEnabled(key == "new" or key in allowed)

    # -- actions ------------------------------------------------------------------------------
    def act(self, key: str) -> None:
        if key == "new":
            self.desk.new_case()
            return
        detail = self.detail_data  # the case shown, whether or not its row is in the queue
        if detail is None:
            return
        case_id, version = detail["id"], detail["version"]
        if key == "approve":
            self.desk.open_form(case_id=case_id)
            return
        if key in ("reject", "cancel"):
            reason, ok = QInputDialog.getText(self, self.tr("Reason"), self.tr("Why?"))
            if not ok:
                return
            fn = cs.reject_case if key == "reject" else cs.cancel_case
            self.desk.write(lambda uow: fn(uow, case_id, reason=reason, expected_version=version))
        elif key == "refund":
            self.desk.open_refund(case_id)
        elif key == "reship":
            self.desk.write(lambda uow: cs.reship_case(uow, case_id, expected_version=version))
        elif key == "exchange":
            text, ok = QInputDialog.getText(self, self.tr("Exchange"),
                                            self.tr("Replacement items as SKU:QTY, separated by commas:"))
            if not ok:
                return
            try:
                lines = [(p.split(":")[0].strip(), int(p.split(":")[1])) for p in text.split(",") if p.strip()]
            except (IndexError, ValueError):
                QMessageBox.warning(self, self.tr("Exchange"), self.tr("Write the items as SKU:QTY, e.g. TEA-01:2."))
                return
            self.desk.write(lambda uow: cs.exchange_case(uow, case_id, lines=lines, expected_version=version))
        elif key == "close":
            self.desk.write(lambda uow: cs.close_case(uow, case_id, expected_version=version))
        elif key == "intercept":
            self._intercept(case_id, version)
        elif key == "attach":
            self._attach(case_id)
        elif key == "open_attachment":
            self._open_attachment(detail["attachments"][-1]["id"])

    def _intercept(self, case_id: int, version: int) -> None:
        outcomes = {self.tr("Ask the carrier to stop the parcel"): "requested",
                    self.tr("The carrier stopped it; it is coming back"): "stopped",
                    self.tr("The parcel came back"): "returned",
                    self.tr("It was delivered anyway"): "delivered",
                    self.tr("The carrier could not stop it"): "failed"}
        choice, ok = QInputDialog.getItem(self, self.tr("Parcel intercept"), self.tr("What happened?"),
                                          list(outcomes), 0, False)
        if not ok:
            return
        outcome, carrier, reference = outcomes[choice], "", ""
        if outcome == "requested":
            carrier, ok = QInputDialog.getText(self, self.tr("Parcel intercept"), self.tr("Carrier:"))
            if not ok:
                return
            reference, ok = QInputDialog.getText(self, self.tr("Parcel intercept"),
                                                 self.tr("Carrier's request number:"))
            if not ok:
                return
        self.desk.write(lambda uow: cs.record_intercept(uow, case_id, carrier=carrier, reference=reference,
                                                        outcome=outcome, expected_version=version))

    def _attach(self, case_id: int) -> None:
        path = filedialogs.open_file(self, self.tr("Attach a file to the case"),
                                     self.tr("Images and documents (*.jpg *.jpeg *.png *.pdf *.heic);;"
                                             "All files (*)"))
        if not path:
            return

        def attach(uow):
            from pathlib import Path
            data = Path(path).read_bytes()
            return cs.add_attachment(uow, case_id, filename=Path(path).name, data=data)

        self.desk.write(attach)

    def _open_attachment(self, attachment_id: int) -> None:
        engine = self.ctx.engine

        def work():
            import tempfile
            from pathlib import Path
            with engine.connect() as conn:
                name, _type, data = cs.read_attachment(conn, attachment_id)
            folder = Path(tempfile.mkdtemp(prefix="ordermgr-"))
            target = folder / name
            target.write_bytes(data)
            return str(target)

        QueryOp(self, work).success(lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(p))).run()

    def save_state(self) -> None:
        QSettings().setValue("aftersales/case_header", self.table.horizontalHeader().saveState())

    def hideEvent(self, event) -> None:
        self.save_state()
        super().hideEvent(event)


class AfterSalesDesk(QWidget):
    def __init__(self, ctx, window=None):
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.setObjectName("afterSalesDesk")
        self.tabs = QTabWidget()
        self.cases = CaseQueues(ctx, self)
        self.tabs.addTab(self.cases, self.tr("Cases"))
        from ordermgr.ui.aftersales.reconcile import ReconciliationPage
        from ordermgr.ui.aftersales.scan import ReturnsDeskPage
        from ordermgr.ui.aftersales.unpaid import UnpaidOrdersPage
        self.scan = ReturnsDeskPage(ctx, self)
        self.unpaid = UnpaidOrdersPage(ctx, self)
        self.reconcile = ReconciliationPage(ctx, self)
        self.tabs.addTab(self.scan, self.tr("Returns desk"))
        self.tabs.addTab(self.unpaid, self.tr("Unpaid orders"))
        self.tabs.addTab(self.reconcile, self.tr("Reconciliation"))
        from ordermgr.ui.aftersales.settings import AfterSalesSettingsPage
        self.settings_page = AfterSalesSettingsPage(ctx, self)
        self.tabs.addTab(self.settings_page, self.tr("Settings"))
        self.status_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status_label)
        if window is not None and hasattr(window, "changes"):
            window.changes.connect(self.on_changes)
        self.timer = QTimer(self, interval=COUNTS_EVERY_MS)
        self.timer.timeout.connect(self.cases.refresh_counts)  # ageing moves rows between queues
        self.timer.start()

    def status(self, text: str) -> None:
        self.status_label.setText(text)

    def on_changes(self, payload: dict) -> None:
        if payload.get("returns") or payload.get("many"):
            self.cases.reload()

    def write(self, fn, *, done=None) -> None:
        """Run a service call on the writer thread; publish what changed; refresh."""
        ctx = self.ctx

        def work():
            uow = ctx.uow()
            result = fn(uow)
            return uow.changes, result

        def ok(outcome):
            changes, result = outcome
            self.publish(changes)
            if done is not None:
                done(result)

        WriteOp(self, work, label=self.tr("Saving…")).success(ok).run()

    def publish(self, changes) -> None:
        if self.window_ is not None and hasattr(self.window_, "publish"):
            self.window_.publish(changes)  # comes back through on_changes
        else:
            self.cases.reload()

    def new_case(self, order_number: str | None = None) -> None:
        if order_number is None:
            order_number, ok = QInputDialog.getText(self, self.tr("New case"),
                                                    self.tr("Order number (or waybill):"))
            if not ok or not order_number.strip():
                return
        engine = self.ctx.engine

        def work():
            from ordermgr.db.queries import find_order_id
            with engine.connect() as conn:
                return find_order_id(conn, order_number)

        def found(order_id):
            if order_id is None:
                QMessageBox.warning(self, self.tr("New case"),
                                    self.tr("No order with number {0}.").format(order_number))
                return
            self.open_form(order_id=order_id)

        QueryOp(self, work).success(found).run()

    def open_refund(self, case_id: int):
        from ordermgr.ui.aftersales.refund import RefundDialog
        dialog = RefundDialog(self.ctx, case_id, self)
        dialog.saved.connect(self.publish)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_form(self, *, order_id: int | None = None, case_id: int | None = None):
        from ordermgr.ui.aftersales.approval import ReturnApprovalForm
        form = ReturnApprovalForm(self.ctx, self, order_id=order_id, case_id=case_id)
        if order_id is not None:  # the new case is the one to show
            form.result_ready.connect(self.cases.open_case_in_queue)
        form.saved.connect(self.publish)
        form.setAttribute(Qt.WA_DeleteOnClose)
        form.open()
        return form

