"""An agent resolves a refund the storefront refused: on the after-sales case (paid back by bank
transfer, then the case is closed; or cancelled and refunded anew) and on the order's detail
panel (sent again). Real dialogs, real keys."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton
from sqlalchemy import select

from ordermgr.models import Order, ReturnCase
from ordermgr.models.aftersales import Refund
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds
from ordermgr.ui.aftersales.desk import AfterSalesDesk
from ordermgr.ui.aftersales.failed_refunds import PaidElsewhereDialog
from ordermgr.ui.orders.desk import OrderDesk
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order, storefront

REASON = "422 Unprocessable: the refund window for this order has closed"


def failed_refund(ctx):
    """A storefront order with an approved refund-only case whose refund the storefront refused."""
    uow = ctx.uow()
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 1}, storefront=storefront(uow))
    case_id = cs.open_case(ctx.uow(), order_id, kind="refund_only", reason="late_delivery",
                           refund_amount="8.00", amount_reason="late parcel")
    cs.approve_case(ctx.uow(), case_id)
    [number] = cs.refund_case(ctx.uow(), case_id)
    with ctx.uow() as u:
        refund_id = u.session.scalar(select(Refund.id).where(Refund.number == number))
        order_number = u.session.get(Order, order_id).number
    refunds.push_failed(ctx.uow(), refund_id, reason=REASON, final=True)
    return order_id, order_number, case_id, refund_id, number


def refund_and_case(ctx, refund_id):
    with ctx.uow() as u:
        refund = u.session.get(Refund, refund_id)
        return refund.status, refund.method, refund.reference, u.session.get(ReturnCase, refund.return_id).status


def open_queue(qtbot, desk, queue):
    desk.cases.queues.setCurrentRow(list(desk.cases.titles).index(queue))
    qtbot.waitUntil(lambda: desk.cases.model.rowCount() == 1, timeout=5000)
    desk.cases.table.selectRow(0)
    qtbot.waitUntil(lambda: desk.cases.detail_data is not None, timeout=5000)


def test_an_agent_records_a_failed_refund_as_paid_by_bank_and_closes_the_case(qtbot, ctx):
    _, _, case_id, refund_id, number = failed_refund(ctx)
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitUntil(lambda: "Refunds failed (1)" in desk.cases.queues.item(5).text(), timeout=5000)
    open_queue(qtbot, desk, "refunds_failed")
    panel = desk.cases.failed_refunds
    assert panel.isVisible()
    assert REASON in panel.findChild(type(desk.status_label), f"failedRefund_{number}").text()
    assert not desk.cases.buttons["close"].isEnabled() and not desk.cases.buttons["cancel"].isEnabled()
    qtbot.mouseClick(panel.findChild(QPushButton, f"record_paidRefund_{number}"), Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PaidElsewhereDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert not dialog.ok_button.isEnabled() and "Enter the reference" in dialog.message.text()
    assert dialog.method.currentData() == "bank_transfer"
    qtbot.keyClicks(dialog.reference, "ICBC-20261205-88")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.reference, Qt.Key_Return)
    assert refund_and_case(ctx, refund_id) == ("paid_elsewhere", "bank_transfer", "ICBC-20261205-88",
                                               "refunded")
    # the case left the failed queue; it goes on from the open ones
    qtbot.waitUntil(lambda: "Refunds failed (0)" in desk.cases.queues.item(5).text(), timeout=5000)
    open_queue(qtbot, desk, "open")
    qtbot.waitUntil(lambda: "ICBC-20261205-88" in desk.cases.detail.toPlainText(), timeout=5000)
    assert not panel.isVisible()
    assert desk.cases.buttons["close"].isEnabled()
    qtbot.mouseClick(desk.cases.buttons["close"], Qt.LeftButton)
    qtbot.waitUntil(lambda: refund_and_case(ctx, refund_id)[3] == "closed", timeout=5000)


def test_an_agent_cancels_a_failed_refund_and_refunds_the_case_anew(qtbot, ctx):
    order_id, _, case_id, refund_id, number = failed_refund(ctx)
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    desk.show()
    open_queue(qtbot, desk, "refunds_failed")
    assert desk.cases.buttons["refund"].isEnabled()
    dialog = desk.open_refund(case_id)  # the refund dialog says why not now
    qtbot.waitUntil(lambda: dialog.room is not None, timeout=5000)
    assert f"Refund {number} failed" in dialog.message.text() and not dialog.ok_button.isEnabled()
    dialog.reject()

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        line = box.findChild(type(dialog.reference))
        qtbot.keyClicks(line, "customer takes a voucher")
        qtbot.keyClick(line, Qt.Key_Return)
    QTimer.singleShot(100, answer)
    qtbot.mouseClick(desk.cases.failed_refunds.findChild(QPushButton, f"cancelRefund_{number}"),
                     Qt.LeftButton)
    qtbot.waitUntil(lambda: refund_and_case(ctx, refund_id)[0] == "cancelled", timeout=5000)
    assert refund_and_case(ctx, refund_id)[3] == "approved"
    open_queue(qtbot, desk, "open")
    qtbot.waitUntil(lambda: not desk.cases.failed_refunds.isVisible(), timeout=5000)
    again = desk.open_refund(case_id)
    qtbot.waitUntil(lambda: again.room is not None, timeout=5000)
    assert again.amount.text() == "8.00" and again.ok_button.isEnabled(), again.message.text()
    with qtbot.waitSignal(again.saved, timeout=5000):
        qtbot.mouseClick(again.ok_button, Qt.LeftButton)
    with ctx.engine.connect() as conn:
        states = sorted(r.status for r in refunds.refund_rows(conn, order_id=order_id))
    assert states == ["cancelled", "requested"]


def test_the_order_panel_shows_the_failure_and_sends_the_refund_again(qtbot, ctx):
    _, order_number, _, refund_id, number = failed_refund(ctx)
    desk = OrderDesk(ctx, None)
    qtbot.addWidget(desk)
    desk.resize(1000, 400)
    desk.show()
    qtbot.waitUntil(lambda: desk.model.rowCount() >= 1, timeout=5000)
    desk.search.setFocus()
    qtbot.keyClicks(desk.search, order_number)
    qtbot.keyClick(desk.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: desk.detail.detail is not None, timeout=5000)
    panel = desk.detail.failed_refunds
    assert panel.isVisible()
    assert "Refund failed: 8.00 CNY" in desk.detail.summary.text()
    assert REASON in panel.findChild(type(desk.detail.title), f"failedRefund_{number}").text()
    qtbot.mouseClick(panel.findChild(QPushButton, f"retryRefund_{number}"), Qt.LeftButton)
    qtbot.waitUntil(lambda: refund_and_case(ctx, refund_id)[0] == "requested", timeout=5000)
    qtbot.waitUntil(lambda: "Refund pending: 8.00 CNY" in desk.detail.summary.text(), timeout=5000)
    assert not panel.isVisible()


def test_a_clerk_sees_the_failure_but_may_not_act_on_it(qtbot, ctx, engine, tmp_path):
    from ordermgr.config import Settings
    from ordermgr.context import Context
    from tests.conftest import uow_for
    _, _, _, _, number = failed_refund(ctx)
    uow_for(engine, "carl", "clerk")
    clerk = Context(Settings(database_url=engine.url.render_as_string(hide_password=False),
                             username="carl"))
    clerk.__dict__["engine"] = engine
    desk = AfterSalesDesk(clerk)
    qtbot.addWidget(desk)
    desk.show()
    open_queue(qtbot, desk, "refunds_failed")
    panel = desk.cases.failed_refunds
    assert panel.isVisible()
    buttons = [panel.findChild(QPushButton, f"{a}Refund_{number}") for a in ("retry", "record_paid", "cancel")]
    assert [b.isEnabled() for b in buttons] == [False, False, False]
