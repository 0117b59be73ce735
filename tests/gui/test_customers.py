"""Customer 360: find by a phone fragment, see the whole customer, open a case from an order."""

from sqlalchemy import select

from ordermgr.models import ReturnCase
from ordermgr.services import aftersales as cs
from ordermgr.services.aftersales import CaseLineInput
from ordermgr.ui.aftersales.model import ROW_ROLE
from ordermgr.ui.customers import CustomerDesk
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order


def test_customer_found_by_phone_fragment_shows_orders_cases_and_opens_a_case(qtbot, ctx):
    uow = ctx.uow()
    build_catalog(uow)
    first = shipped_order(uow, {"TEA-01": 2})
    with uow:
        customer_id = uow.get_order(first).customer_id
    shipped_order(uow, {"CUP-02": 1}, customer_id=customer_id)
    cs.open_case(uow, first, kind="return_refund", lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    desk = CustomerDesk(ctx)
    qtbot.addWidget(desk)
    with qtbot.waitSignal(desk.painted, timeout=5000):
        qtbot.keyClicks(desk.search, "138-0013")
    assert desk.hits.count() == 1
    assert "张伟" in desk.title.text()
    assert desk.orders.rowCount() == 2 and desk.cases.rowCount() == 1
    assert "2 orders" in desk.figures.text() and "59.70 CNY" in desk.figures.text()
    desk.orders_view.selectRow(1)  # the older order: the first one
    qtbot.waitUntil(lambda: desk.payments.rowCount() == 1, timeout=5000)
    assert desk.payments.rows[0].method == "alipay" and desk.payments.rows[0].status == "paid"
    form = desk.open_case()
    qtbot.waitUntil(lambda: form.form is not None, timeout=5000)
    assert form.form.order_id == first
    assert [line.returnable for line in form.form.lines] == [1]
    form.kind.setCurrentIndex(form.kind.findData("complaint"))
    assert form.ok_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.ok_button.click()
    with ctx.uow() as u:
        kinds = u.session.scalars(select(ReturnCase.kind).order_by(ReturnCase.id)).all()
    assert kinds == ["return_refund", "complaint"]
    qtbot.waitUntil(lambda: desk.cases.rowCount() == 2, timeout=5000)
    # the case just opened is the one selected (newest first)
    qtbot.waitUntil(lambda: desk.cases_view.currentIndex().isValid(), timeout=5000)
    selected = desk.cases.data(desk.cases_view.currentIndex(), ROW_ROLE)
    assert selected.kind == "complaint" and selected.number == "RMA0000002"
