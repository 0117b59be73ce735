"""The exceptions queue's action really acts: re-ship makes the replacement order, refund pays
back through payments."""

from sqlalchemy import select

from ordermgr.models import Order, Shipment
from ordermgr.services import tracking
from ordermgr.ui.fulfilment import create
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order


def answer(action, **values):
    return dict({"action": action, "claim_status": "", "amount": "", "reference": "",
                 "note": "", "resolve": False}, **values)


def test_reship_then_refund_from_the_exceptions_queue(qtbot, ctx, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 1})
    with uow:
        shipment_id = uow.session.scalar(select(Shipment.id).where(Shipment.order_id == order_id))
    tracking.open_exception(uow, shipment_id, kind="lost")
    page = create(ctx, None)
    qtbot.addWidget(page)
    queue = page.tracking
    qtbot.waitUntil(lambda: queue.exceptions.rowCount() == 1, timeout=5000)
    queue.exc_view.selectRow(0)
    queue.ask_action = lambda parent: answer("reship", note="sent again")
    queue._act()
    qtbot.waitUntil(lambda: "Re-shipped" in queue.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: queue.exceptions.rowCount() == 1
                    and queue.exceptions.row_at(0).action == "reship", timeout=5000)
    with uow:
        assert uow.session.scalar(select(Order.number).where(Order.number.like("%-R1")))
    queue.exc_view.selectRow(0)
    queue.ask_action = lambda parent: answer("refund", amount="5.00", reference="ALI-1",
                                             resolve=True)
    queue._act()
    qtbot.waitUntil(lambda: "Refunded: RMA" in queue.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: queue.exceptions.rowCount() == 0, timeout=5000)  # resolved
