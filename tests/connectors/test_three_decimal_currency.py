"""A Kuwaiti shop's orders (KWD, three decimals) pulled from Shopify and WooCommerce are held to
the fils: lines, shipping, total, paid, refunded and balance, on SQLite and PostgreSQL."""

from datetime import datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ordermgr.models import Order
from ordermgr.services import payments, refunds
from ordermgr.sync.fake.store import Line

D = Decimal


@pytest.mark.parametrize("platform", ["shopify", "woocommerce"])
def test_a_kwd_order_is_imported_exactly(connect, platform):
    shop = connect(platform, orders=0, currency="KWD")
    demo = shop.demo
    order = demo.new_order(lines=[Line(1, "DEMO-TEA-LJ-250", "شاي أخضر", 2, D("12.345")),
                                  Line(2, "DEMO-MUG-QH-350", "كوب", 1, D("3.007"))],
                           shipping=D("1.250"), paid=True, cancelled=False)
    assert order.total == D("28.947")
    demo.refund(order, D("4.321"), "partial refund")
    run = shop.sync()
    assert run.ok and run.new == 1 and run.quarantined == 0, run
    with Session(shop.engine) as session:
        held = session.scalar(select(Order).options(selectinload(Order.lines),
                                                    selectinload(Order.payments)))
        assert held.currency == "KWD"
        assert [(line.unit_price, line.quantity, line.total) for line in held.lines] == [
            (D("12.345"), 2, D("24.690")), (D("3.007"), 1, D("3.007"))]
        assert str(held.lines[0].unit_price) == "12.345"
        assert (held.shipping, held.total) == (D("1.250"), D("28.947"))
        assert str(held.total) == "28.947"
        assert (held.amount_paid, held.amount_refunded, held.balance) == (
            D("28.947"), D("4.321"), D("0"))
        assert held.payment_status == "partially_refunded"
        order_id = held.id
    with shop.engine.connect() as conn:  # the raw SQL sums read the same thousandths
        totals = refunds.totals(conn, order_id)
        assert (totals.paid, totals.refunded) == (D("28.947"), D("4.321"))
        assert str(totals.refunded) == "4.321"
        [row] = [r for r in payments.reconcile(conn, since=datetime(2000, 1, 1, tzinfo=timezone.utc),
                                               until=datetime(2100, 1, 1, tzinfo=timezone.utc),
                                               flagged_only=False) if r.order_id == order_id]
        assert (row.total, row.paid, row.refunded) == (D("28.947"), D("28.947"), D("4.321"))
    assert shop.sync().updated == 0  # stable: the same figures on the next pull
