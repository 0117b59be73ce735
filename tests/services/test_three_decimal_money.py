"""An order in Kuwaiti dinars (three decimals) entered, paid and partly refunded by staff: every
figure exact to the fils, through the ORM and through the raw SQL sums of reports and
after-sales; the typed amounts refuse a fourth decimal."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from ordermgr.errors import ValidationError
from ordermgr.reports.rates import set_exchange_rate
from ordermgr.services import aftersales as cs
from ordermgr.services import catalog, orders, refunds
from ordermgr.services.order_entry import LineInput, create_order
from tests.factories import ADDRESS

D = Decimal


def test_a_kwd_order_is_exact_to_the_fils(uow, engine):
    catalog.create_sku(uow, product="Saffron", code="SAF-1", price="12.345", currency="KWD")
    set_exchange_rate(uow, currency="KWD", base_currency="CNY", rate="23.4567",
                      valid_from=date(2020, 1, 1))  # the approval limit is in yuan
    order_id = create_order(uow, lines=[LineInput("SAF-1", 3)], address=ADDRESS,
                            customer_name="Fatima", currency="KWD", shipping="1.005",
                            discount="0.001")
    with uow:
        order = uow.get_order(order_id)
        assert (order.subtotal, order.shipping, order.discount, order.total) == (
            D("37.035"), D("1.005"), D("0.001"), D("38.039"))
        customer_id = order.customer_id
    with pytest.raises(ValidationError, match="more than three decimals"):
        orders.record_payment(uow, order_id, amount="38.0391", method="bank")
    orders.record_payment(uow, order_id, amount="38.039", method="bank", reference="KNET-1")
    cs.quick_refund(uow, order_id, amount="2.117", reason="goodwill", reference="KNET-R1")
    with uow:
        order = uow.get_order(order_id)
        assert (order.amount_paid, order.amount_refunded, order.balance) == (
            D("38.039"), D("2.117"), D("0"))
        assert order.payment_status == "partially_refunded"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT total FROM orders WHERE id = :i"), {"i": order_id}).scalar() \
            == 38039  # integer thousandths
        totals = refunds.totals(conn, order_id)
        assert (str(totals.paid), str(totals.refunded)) == ("38.039", "2.117")
        seen = cs.customer_360(conn, customer_id)
        assert (str(seen.total_spent), str(seen.refunded)) == ("38.039", "2.117")


def test_two_decimal_amounts_read_back_exactly_as_before(uow, engine):
    catalog.create_sku(uow, product="Tea", code="TEA-X", price="19.90", currency="CNY")
    order_id = create_order(uow, lines=[LineInput("TEA-X", 2)], address=ADDRESS,
                            customer_name="张伟", shipping="10")
    with uow:
        order = uow.get_order(order_id)
        assert (str(order.total), str(order.shipping), str(order.discount)) == (
            "49.80", "10.00", "0.00")
    with engine.connect() as conn:
        assert str(refunds.totals(conn, order_id).paid) == "0.00"
