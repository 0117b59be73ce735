"""Tracking and logistics exceptions: parcels on the road (days without news), the exceptions
queue with its age, manual tracking events, and the action taken on an exception."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout,
                               QWidget, QCheckBox)
from PySide6.QtCore import QSettings, Qt
from sqlalchemy.orm import Session

from ordermgr.fulfilment.tracking import HttpTrackingAdapter
from ordermgr.services import fulfilment, tracking
from ordermgr.ui.fulfilment.model import Col, PagedModel
from ordermgr.ui.ops import WriteOp
from ordermgr.ui.orders.model import status_text


DEFAULT_TRACKING_URL = "http://127.0.0.1:8765"  # `ordermgr tracking fake-carrier`


def _age_colour(days: int, warn: int = 3, alarm: int = 7) -> str | None:
    return "#f4a6a6" if days >= alarm else "#ffe08a" if days >= warn else None


class EventDialog(QDialog):
    """Manual tracking event: by waybill, with status, place and text."""

    def __init__(self, parent=None, waybill: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tracking event"))
        form = QFormLayout(self)
        self.waybill = QLineEdit(waybill)
        self.status = QComboBox()
        self.status.addItems(list(tracking.STATUSES))
        self.location, self.description = QLineEdit(), QLineEdit()
        form.addRow(self.tr("Waybill"), self.waybill)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ActionDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action on the exception"))
        form = QFormLayout(self)
        self.action = QComboBox()
        self.action.addItems(list(tracking.ACTIONS))
        self.claim = QComboBox()
        self.claim.addItems([""] + list(tracking.CLAIM_STATES))
        self.amount, self.note, self.reference = QLineEdit(), QLineEdit(), QLineEdit()
        self.reference.setPlaceholderText(
            self.tr("bank, cash or gateway reference of a manual refund"))
        self.resolve = QCheckBox(self.tr("Resolved"))
        self.action.setToolTip(self.tr("reship: a re-ship case with a free replacement order; "
                                       "refund: a refund-only case paid back through payments"))
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Claim status"), self.claim)
        form.addRow(self.tr("Amount (claim or refund)"), self.amount)
        form.addRow(self.tr("Refund reference"), self.reference)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.resolve)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return dict(action=self.action.currentText(), claim_status=self.claim.currentText(),
                    amount=self.amount.text().strip(), reference=self.reference.text().strip(),
                    note=self.note.text(), resolve=self.resolve.isChecked())


def ask_action(parent) -> dict | None:
    dialog = ActionDialog(parent)
    return dialog.values() if dialog.exec() == QDialog.Accepted else None


def exception_action(uow, exception_id: int, answer: dict):
    """Run the chosen action: a re-ship or refund really acts (after-sales / payments); a claim
    or 'none' is recorded on the exception."""
    action, note, resolve = answer["action"], answer["note"], answer["resolve"]
    if action == "reship":
        return fulfilment.reship_exception(uow, exception_id, note=note, resolve=resolve)
    if action == "refund":
        return fulfilment.refund_exception(uow, exception_id, amount=answer["amount"] or None,
                                           reference=answer["reference"], note=note,
                                           resolve=resolve)
    return tracking.act_on_exception(uow, exception_id, action=action,
                                     claim_status=answer["claim_status"],
                                     claim_amount=answer["amount"] or None, note=note,
                                     resolve=resolve)


class TrackingQueue(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        engine = ctx.engine
        self.road = PagedModel(engine, [
            Col(self.tr("Order"), lambda r: r.order_number), Col(self.tr("Carrier"), lambda r: r.carrier),
            Col(self.tr("Waybill"), lambda r: r.waybill),
            Col(self.tr("Status"), lambda r: status_text(r.status)),
            Col(self.tr("Days without news"), lambda r: r.silent_days, True)],
            fetch=lambda s, after, n: tracking.tracking_page(s, after=after, limit=n),
            key=lambda r: (r.last_event_at, r.shipment_id),
            colour=lambda r: _age_colour(r.silent_days), parent=self)
        self.exceptions = PagedModel(engine, [
            Col(self.tr("Order"), lambda r: r.order_number), Col(self.tr("Carrier"), lambda r: r.carrier),
            Col(self.tr("Waybill"), lambda r: r.waybill),
            Col(self.tr("Problem"), lambda r: r.kind.replace("_", " ")),
            Col(self.tr("Age (days)"), lambda r: r.age_days, True),
            Col(self.tr("Action"), lambda r: r.action), Col(self.tr("Claim"), lambda r: r.claim_status),
            Col(self.tr("Note"), lambda r: r.note)],
            fetch=lambda s, after, n: tracking.exceptions_page(s, after=after, limit=n),
            key=lambda r: (r.opened_at, r.id), colour=lambda r: _age_colour(r.age_days, 2, 5),
            parent=self)
        self.road_view, self.exc_view = QTableView(), QTableView()
        for view, model in ((self.road_view, self.road), (self.exc_view, self.exceptions)):
            view.setModel(model)
            view.setSelectionBehavior(QTableView.SelectRows)
            view.setSelectionMode(QTableView.SingleSelection)
        delays = QPushButton(self.tr("Check for delays"))
        event = QPushButton(self.tr("Record tracking event…"))
        act = QPushButton(self.tr("Action on exception…"))
        refresh = QPushButton(self.tr("Refresh"))
        poll = QPushButton(self.tr("Ask the carriers"))
        poll.setToolTip(self.tr("Fetch tracking news from the tracking service URL in settings"))
        bar = QHBoxLayout()
        for button in (poll, delays, event, act):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(refresh)
        split = QSplitter(Qt.Vertical)
        for title, view in ((self.tr("On the road"), self.road_view),
                            (self.tr("Logistics exceptions"), self.exc_view)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.addWidget(QLabel(title))
            inner.addWidget(view)
            split.addWidget(box)
        self.message = QLabel()
        self.ask_action = ask_action  # (parent) -> the dialog's values or None; tests swap it
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        poll.clicked.connect(self._poll)
        delays.clicked.connect(self._delays)
        event.clicked.connect(self._event)
        act.clicked.connect(self._act)
        refresh.clicked.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.road.reload()
        self.exceptions.reload()

    def _poll(self) -> None:
        url = QSettings().value("fulfilment/tracking_url", DEFAULT_TRACKING_URL)
        ctx = self.ctx

        def work():
            return tracking.poll_tracking(ctx.uow(), HttpTrackingAdapter(url))

        def done(report) -> None:
            self.message.setText(self.tr("Asked about {0} parcels: {1} new events, {2} errors.")
                                 .format(report["asked"], report["events"], len(report["errors"])))
            self.reload()

        WriteOp(self, work, label=self.tr("Asking the carriers…")).success(done).run()

    def _delays(self) -> None:
        ctx = self.ctx
        WriteOp(self, lambda: tracking.flag_delayed_shipments(ctx.uow()),
                label=self.tr("Checking for delays…")).success(lambda n: self.reload()).run()

    def _event(self) -> None:
        rows = self.road_view.selectionModel().selectedRows()
        current = self.road.row_at(rows[0].row()) if rows else None
        dialog = EventDialog(self, current.waybill if current else "")
        if dialog.exec() != QDialog.Accepted:
            return
        ctx = self.ctx
        waybill, status = dialog.waybill.text(), dialog.status.currentText()
        location, description = dialog.location.text(), dialog.description.text()

        def work():
            with Session(ctx.engine) as session:
                shipment_id = tracking.find_shipment(session, waybill)
            tracking.record_tracking_event(ctx.uow(), shipment_id, status=status,
                                           location=location, description=description)

        WriteOp(self, work).success(lambda _: self.reload()).run()

    def _act(self) -> None:
        rows = self.exc_view.selectionModel().selectedRows()
        current = self.exceptions.row_at(rows[0].row()) if rows else None
        if current is None:
            return
        answer = self.ask_action(self)
        if answer is None:
            return
        ctx = self.ctx
        WriteOp(self, lambda: exception_action(ctx.uow(), current.id, answer),
                label=self.tr("Recording the action…")).success(
            lambda result: self._acted(answer["action"], result)).run()

    def _acted(self, action: str, result) -> None:
        if action == "reship":
            self.message.setText(self.tr("Re-shipped: replacement order created."))
        elif action == "refund":
            self.message.setText(self.tr("Refunded: {0}").format(", ".join(result)))
        else:
            self.message.setText(self.tr("Action recorded."))
        self.reload()
