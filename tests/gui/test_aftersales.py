"""The return approval form, the case queues and the returns desk, driven through their widgets."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ordermgr.models import ReturnCase
from ordermgr.services import aftersales as cs
from ordermgr.services import approval_rules, refunds
from ordermgr.services.aftersales import CaseLineInput
from ordermgr.ui import ops
from ordermgr.ui.aftersales.approval import ReturnApprovalForm
from ordermgr.ui.aftersales.desk import AfterSalesDesk
from ordermgr.ui.aftersales.model import ID_ROLE
from tests.conftest import uow_for
from tests.factories import build_catalog
from tests.services.aftersales_helpers import level, shipped_order


@pytest.fixture
def cat(ctx):
    return build_catalog(ctx.uow())


@pytest.fixture
def order(ctx, cat):
    return shipped_order(ctx.uow(), {"TEA-01": 3, "CUP-02": 1},
                         payments=[("50.00", "alipay"), ("29.60", "bank_transfer")])


def wait_loaded(qtbot, form):
    qtbot.waitUntil(lambda: form.form is not None, timeout=5000)


def spin(form, sku):
    row = next(i for i, line in enumerate(form.form.lines) if line.sku == sku)
    return form.lines.cellWidget(row, form.COL_QTY)


def test_approval_form_computes_the_refund_live_and_validates(qtbot, ctx, order):
    form = ReturnApprovalForm(ctx, order_id=order)
    qtbot.addWidget(form)
    wait_loaded(qtbot, form)
    assert [(line.sku, line.returnable) for line in form.form.lines] == [("TEA-01", 3), ("CUP-02", 1)]
    assert not form.ok_button.isEnabled()
    assert "choose the items and quantities for the Return & refund" in form.message.text()
    spin(form, "TEA-01").setValue(2)
    assert form.computed_label.text() == "39.80 CNY" and form.amount.text() == "39.80"
    form.shipping.setChecked(False)
    form.fee.setText("5.00")
    assert form.computed_label.text() == "34.80 CNY"
    assert form.ok_button.isEnabled()
    # goes back newest payment first: the bank transfer (29.60) then alipay
    assert form.payments.item(1, 4).text() == "29.60 CNY" and form.payments.item(0, 4).text() == "5.20 CNY"
    assert "by hand" in form.payments.item(1, 0).text()
    qtbot.keyClicks(form.amount, "5")  # 34.805 is not an amount of money
    assert not form.ok_button.isEnabled() and "more than two decimals" in form.message.text()
    form.amount.clear()
    qtbot.keyClicks(form.amount, "90.00")
    assert "cannot refund 90.00 CNY; only 79.60 CNY is refundable" in form.message.text()
    assert not form.ok_button.isEnabled()
    form.amount.clear()
    qtbot.keyClicks(form.amount, "30.00")
    assert "give a reason" in form.message.text()
    qtbot.keyClicks(form.amount_reason, "box was opened")
    assert form.message.text() == "" and form.ok_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.ok_button.click()
    with ctx.uow() as uow:
        case = uow.session.scalar(select(ReturnCase))
        assert case.refund_amount == Decimal("30.00") and case.restocking_fee == Decimal("5.00")
        assert [(line.quantity, line.reason_code) for line in case.lines] == [(2, "damaged")]


def test_approval_form_refuses_above_the_approvers_limit(qtbot, ctx, order, engine):
    ann = uow_for(engine, "ann", "agent")
    case_id = cs.open_case(ann, order, kind="return_refund",
                           lines=[CaseLineInput(3, "damaged", sku="TEA-01")])
    from ordermgr.services.aftersales import set_approval_limit
    set_approval_limit(ctx.uow(), "admin", "50.00")
    form = ReturnApprovalForm(ctx, case_id=case_id)
    qtbot.addWidget(form)
    wait_loaded(qtbot, form)
    assert form.amount.text() == "59.70"
    assert "asks 59.70 CNY, above your 50.00 CNY limit (alice, admin)" in form.message.text()
    assert form.limit_label.text() == "50.00 CNY"
    assert not form.ok_button.isEnabled()
    form.amount.clear()
    qtbot.keyClicks(form.amount, "45.00")
    qtbot.keyClicks(form.amount_reason, "partial: one tin was fine")
    assert form.ok_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.ok_button.click()
    with ctx.uow() as uow:
        case = uow.session.get(ReturnCase, case_id)
        assert case.status == "awaiting_goods" and case.refund_amount == Decimal("45.00")


def test_a_fee_typed_on_the_approval_form_is_what_is_saved_and_refunded(qtbot, ctx, order):
    case_id = cs.open_case(ctx.uow(), order, kind="return_refund",
                           lines=[CaseLineInput(3, "damaged", sku="TEA-01")])
    form = ReturnApprovalForm(ctx, case_id=case_id)
    qtbot.addWidget(form)
    wait_loaded(qtbot, form)
    assert form.amount.text() == "59.70" and form.computed_label.text() == "59.70 CNY"
    form.fee.selectAll()
    qtbot.keyClicks(form.fee, "10.00")
    assert form.computed_label.text() == "49.70 CNY" and form.amount.text() == "49.70"
    assert form.ok_button.isEnabled(), form.message.text()
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.ok_button, Qt.Key_Space)
    with ctx.uow() as uow:
        case = uow.session.get(ReturnCase, case_id)
        assert (case.status, case.restocking_fee, case.refund_amount) == (
            "awaiting_goods", Decimal("10.00"), Decimal("49.70"))


def test_the_form_converts_a_usd_refund_to_the_limit_currency(qtbot, ctx, engine):
    from datetime import date

    from ordermgr.reports.rates import set_exchange_rate
    uow = ctx.uow()
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, currency="USD", prices={"TEA-01": "19.90"})
    case_id = cs.open_case(uow_for(engine, "ann", "agent"), order_id, kind="return_refund",
                           lines=[CaseLineInput(2, "damaged", sku="TEA-01")])
    cs.set_approval_limit(ctx.uow(), "admin", "200.00")
    set_exchange_rate(ctx.uow(), currency="USD", base_currency="CNY", rate="7.20",
                      valid_from=date(2020, 1, 1))
    form = ReturnApprovalForm(ctx, case_id=case_id)
    qtbot.addWidget(form)
    wait_loaded(qtbot, form)
    assert "asks 39.80 USD ≈ 286.56 CNY, above your 200.00 CNY limit" in form.message.text()
    assert form.limit_label.text() == "200.00 CNY; this refund ≈ 286.56 CNY"
    assert not form.ok_button.isEnabled()
    form.amount.selectAll()
    qtbot.keyClicks(form.amount, "27.70")  # 199.44 CNY
    qtbot.keyClicks(form.amount_reason, "one tin kept")
    assert form.ok_button.isEnabled(), form.message.text()
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.ok_button, Qt.Key_Space)
    with ctx.uow() as uow:
        assert uow.session.get(ReturnCase, case_id).refund_amount == Decimal("27.70")


def test_desk_shows_queue_counts_and_the_returns_desk_books_goods_in(qtbot, qtmodeltester, ctx, order,
                                                                      engine, cat):
    case_id = cs.open_case(ctx.uow(), order, kind="return_refund",
                           lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    qtbot.waitUntil(lambda: desk.cases.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: "New requests (1)" in desk.cases.queues.item(0).text(), timeout=5000)
    qtmodeltester.check(desk.cases.model, force_py=True)
    desk.cases.table.selectRow(0)
    qtbot.waitUntil(lambda: desk.cases.detail_data is not None, timeout=5000)
    assert desk.cases.buttons["approve"].isEnabled() and not desk.cases.buttons["refund"].isEnabled()
    cs.approve_case(ctx.uow(), case_id)
    page = desk.scan
    page.case_code.setText("RMA0000001")
    page.load_case()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    assert page.item_code.isEnabled()
    page.item_code.setText("CUP-02")
    page.scan_item()
    assert "CUP-02 is not on return RMA0000001 for order #M000001" in page.message.text()
    assert not page.receive_button.isEnabled()
    page.item_code.setText("TEA-01")
    page.scan_item()
    assert page.receive_button.isEnabled()
    combo = page.lines.cellWidget(0, page.COL_RESULT)
    assert combo.currentData() is None  # nothing is sellable until somebody says so
    qtbot.keyClick(combo, Qt.Key_Down)
    qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentText() == "Damaged: write off"
    page.receive_button.click()
    qtbot.waitUntil(lambda: page.detail["status"] == "received", timeout=5000)
    combo = page.lines.cellWidget(0, page.COL_RESULT)  # rebuilt by the reload: the choice stays
    assert combo.currentData() == "damaged"
    assert page.inspect_button.isEnabled()
    before = level(ctx.uow(), cat.skus["TEA-01"], cat.main)
    page.inspect_button.click()
    qtbot.waitUntil(lambda: page.detail["status"] == "inspected", timeout=5000)
    with ctx.uow() as uow:
        assert uow.session.get(ReturnCase, case_id).lines[0].inspection_result == "damaged"
    assert level(ctx.uow(), cat.skus["TEA-01"], cat.main) == before  # received and written off


def test_the_returns_desk_saves_no_inspection_until_each_line_is_chosen(qtbot, ctx, order):
    case_id = cs.open_case(ctx.uow(), order, kind="return_refund",
                           lines=[CaseLineInput(1, "damaged", sku="TEA-01"),
                                  CaseLineInput(1, "changed_mind", sku="CUP-02")])
    cs.approve_case(ctx.uow(), case_id)
    cs.receive_case(ctx.uow(), case_id, scanned=["TEA-01", "CUP-02"])
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    page = desk.scan
    qtbot.keyClicks(page.case_code, "RMA0000001")
    qtbot.keyClick(page.case_code, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    qtbot.keyClick(page.lines.cellWidget(1, page.COL_RESULT), Qt.Key_Down)  # CUP-02 sellable
    page.inspect_button.click()
    assert page.message.text() == "Choose sellable, damaged or back to supplier for TEA-01."
    with ctx.uow() as uow:
        assert uow.session.get(ReturnCase, case_id).status == "received"


def test_settings_page_lets_a_manager_set_sla_hours_and_limits(qtbot, ctx):
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    page = desk.settings_page
    qtbot.waitUntil(lambda: page.reasons.rowCount() > 0, timeout=5000)
    assert page.limits["agent"].text() == "200.00" and page.limit_currency.text() == "CNY"
    page.sla["complaint"].setValue(6)
    page.limits["agent"].selectAll()
    qtbot.keyClicks(page.limits["agent"], "30")
    page.limit_currency.selectAll()
    qtbot.keyClicks(page.limit_currency, "usd")
    page.save()
    ops.writer_pool().waitForDone(5000)
    with ctx.engine.connect() as conn:
        assert cs.sla_hours(conn)["complaint"] == 6
        assert cs.approval_limits(conn)["agent"] == Decimal("30.00")
        assert approval_rules.limit_currency(conn) == "USD"


def test_refund_dialog_splits_over_payments_and_validates_each(qtbot, ctx, order):
    case_id = cs.open_case(ctx.uow(), order, kind="refund_only", reason="goodwill", refund_amount="40.00",
                           amount_reason="late")
    cs.approve_case(ctx.uow(), case_id)
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    desk.cases.queues.setCurrentRow(list(desk.cases.titles).index("open"))
    qtbot.waitUntil(lambda: desk.cases.model.rowCount() == 1, timeout=5000)
    desk.cases.table.selectRow(0)
    qtbot.waitUntil(lambda: desk.cases.detail_data is not None, timeout=5000)
    assert desk.cases.buttons["refund"].isEnabled() and not desk.cases.buttons["approve"].isEnabled()
    dialog = desk.open_refund(case_id)
    qtbot.waitUntil(lambda: dialog.room is not None, timeout=5000)
    assert dialog.amount.text() == "40.00"
    # newest payment first: 29.60 by bank transfer (by hand), 10.40 by alipay
    assert [dialog.parts.item(r, 2).text() for r in range(2)] == ["10.40", "29.60"]
    assert "enter the bank or cash reference" in dialog.message.text()
    dialog.parts.item(0, 2).setText("35.00")
    dialog.parts.item(1, 2).setText("5.00")
    assert "the alipay payment can take back at most 50.00 CNY" not in dialog.message.text()
    dialog.parts.item(0, 2).setText("51.00")
    assert "the alipay payment can take back at most 50.00 CNY, not 51.00 CNY" in dialog.message.text()
    assert "The parts add up to 56.00 CNY, not 40.00 CNY" in dialog.message.text()
    dialog.parts.item(0, 2).setText("35.00")
    qtbot.keyClicks(dialog.reference, "BANK-OUT-7")
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.ok_button.click()
    with ctx.uow() as uow:
        assert uow.session.get(ReturnCase, case_id).status == "refunded"
        room = {p.method: p.refunded for p in refunds.refundable(uow.session, order).payments}
    assert room == {"alipay": Decimal("35.00"), "bank_transfer": Decimal("5.00")}


def modal(qtbot, kind):
    from PySide6.QtWidgets import QApplication
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
    return QApplication.activeModalWidget()


def test_the_case_desk_keeps_its_place_after_each_action(qtbot, ctx, order):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog
    case_id = cs.open_case(ctx.uow(), order, kind="return_refund",
                           lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    desk.show()
    cases = desk.cases
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=5000)
    cases.table.selectRow(0)
    qtbot.waitUntil(lambda: cases.detail_data is not None, timeout=5000)
    qtbot.mouseClick(cases.buttons["approve"], Qt.LeftButton)
    form = modal(qtbot, ReturnApprovalForm)
    qtbot.waitUntil(lambda: form.ok_button.isEnabled(), timeout=5000)
    qtbot.keyClick(form.ok_button, Qt.Key_Space)
    # the case left "New requests"; the detail shows its new state and the actions that follow
    qtbot.waitUntil(lambda: cases.detail_data["status"] == "awaiting_goods", timeout=5000)
    assert cases.model.rowCount() == 0 and "awaiting goods" in cases.detail.toPlainText()
    assert cases.buttons["cancel"].isEnabled() and not cases.buttons["approve"].isEnabled()

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        line = dialog.findChild(type(cases.search))
        qtbot.keyClicks(line, "customer withdrew")
        qtbot.keyClick(line, Qt.Key_Return)

    QTimer.singleShot(200, answer)
    qtbot.mouseClick(cases.buttons["cancel"], Qt.LeftButton)
    qtbot.waitUntil(lambda: cases.detail_data["status"] == "cancelled", timeout=5000)
    with ctx.uow() as uow:
        assert uow.session.get(ReturnCase, case_id).status == "cancelled"


def test_one_search_finds_cases_in_every_queue_by_rma_order_waybill_name_or_phone(qtbot, ctx, order):
    from ordermgr.models import Order, Shipment
    first = cs.open_case(ctx.uow(), order, kind="return_refund",
                         lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    cs.approve_case(ctx.uow(), first)  # awaiting goods: not in "New requests"
    other = shipped_order(ctx.uow(), {"CUP-02": 1}, customer_name="Li Na", phone="13911112222")
    second = cs.open_case(ctx.uow(), other, kind="return_refund",
                          lines=[CaseLineInput(1, "damaged", sku="CUP-02")])
    with ctx.uow() as uow:
        number = uow.session.get(Order, order).number
        waybill = uow.session.scalar(select(Shipment.waybill).where(Shipment.order_id == order))
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    cases = desk.cases
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=5000)  # "New requests"
    for term, expected in (("RMA1", [first]), ("rma0000002", [second]), (number, [first]),
                           (waybill, [first]), ("li na", [second]), ("1111 2222", [second]),
                           ("138001", [first, second])):  # both ship to 138 0013 8000
        cases.search.clear()
        qtbot.keyClicks(cases.search, term)
        qtbot.keyClick(cases.search, Qt.Key_Return)
        qtbot.waitUntil(lambda e=expected: [cases.model.data(cases.model.index(r, 0), ID_ROLE)
                                            for r in range(cases.model.rowCount())] == e, timeout=5000)


def test_a_case_opened_from_an_order_is_selected_on_the_desk(qtbot, ctx, order):
    with ctx.uow() as uow:
        from ordermgr.models import Order
        number = uow.session.get(Order, order).number
    desk = AfterSalesDesk(ctx)
    qtbot.addWidget(desk)
    desk.show()
    desk.new_case(number)
    form = modal(qtbot, ReturnApprovalForm)
    qtbot.waitUntil(lambda: form.form is not None, timeout=5000)
    box = spin(form, "CUP-02")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key_Up)
    assert form.ok_button.isEnabled(), form.message.text()
    qtbot.keyClick(form.ok_button, Qt.Key_Space)
    cases = desk.cases
    qtbot.waitUntil(lambda: cases.detail_data is not None and cases.detail_data["number"] == "RMA0000001",
                    timeout=5000)
    qtbot.waitUntil(lambda: cases.table.currentIndex().isValid(), timeout=5000)
    assert cases.model.data(cases.table.currentIndex(), ID_ROLE) == cases.detail_data["id"]
    assert cases.queue == "open" and cases.buttons["approve"].isEnabled()


def test_the_forms_verdict_reads_in_chinese_under_a_chinese_interface(qtbot, ctx, order, engine):
    from PySide6.QtCore import QCoreApplication

    from ordermgr.ui.app import install_translations
    case_id = cs.open_case(uow_for(engine, "ann", "agent"), order, kind="return_refund",
                           lines=[CaseLineInput(3, "damaged", sku="TEA-01")])
    cs.set_approval_limit(ctx.uow(), "admin", "50.00")
    install_translations(QCoreApplication.instance(), "zh_CN")
    try:
        form = ReturnApprovalForm(ctx, case_id=case_id)
        qtbot.addWidget(form)
        wait_loaded(qtbot, form)
        assert form.message.text() == ("订单 #M000001 的售后单 RMA0000001 申请 59.70 CNY，"
                                       "超过您的额度 50.00 CNY（alice, admin）。需由主管审批。")
        form.fee.selectAll()
        qtbot.keyClicks(form.fee, "80")
        assert "退货手续费 80.00 CNY 超过退还的商品和运费（59.70 CNY）" in form.message.text()
    finally:
        install_translations(QCoreApplication.instance(), "en")


def test_a_yen_case_is_approved_with_a_fee_in_whole_yen(qtbot, ctx, engine):
    uow = ctx.uow()
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 3}, currency="JPY", prices={"TEA-01": "1980"})
    case_id = cs.open_case(uow, order_id, kind="return_refund", restocking_fee="100",
                           lines=[CaseLineInput(2, "damaged", sku="TEA-01")])
    from datetime import date

    from ordermgr.reports.rates import set_exchange_rate
    set_exchange_rate(ctx.uow(), currency="JPY", base_currency="CNY", rate="0.048",
                      valid_from=date(2020, 1, 1))  # her own request: capped at 200 CNY
    form = ReturnApprovalForm(ctx, case_id=case_id)
    qtbot.addWidget(form)
    wait_loaded(qtbot, form)
    assert (form.fee.text(), form.amount.text(), form.computed_label.text()) == ("100", "3860", "3,860 JPY")
    form.fee.selectAll()
    qtbot.keyClicks(form.fee, "50.5")
    assert "JPY amounts are whole numbers" in form.message.text() and not form.ok_button.isEnabled()
    form.fee.selectAll()
    qtbot.keyClicks(form.fee, "300")
    assert form.amount.text() == "3660" and form.ok_button.isEnabled(), form.message.text()
    assert form.limit_label.text() == "200.00 CNY; this refund ≈ 175.68 CNY"
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.ok_button, Qt.Key_Space)
    with ctx.uow() as u:
        case = u.session.get(ReturnCase, case_id)
        assert (case.restocking_fee, case.refund_amount) == (Decimal("300.00"), Decimal("3660.00"))
