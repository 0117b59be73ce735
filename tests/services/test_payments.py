"""Refunds against payments, storefront refunds, reconciliation flags (SQLite and PostgreSQL)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from ordermgr.errors import InvalidTransition, ValidationError
from ordermgr.models import ReturnCase, utcnow
from ordermgr.models.aftersales import Refund
from ordermgr.services import aftersales as cs
from ordermgr.services import orders, payments, refunds
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order, storefront


def test_a_storefront_rejection_names_the_order_and_amount_and_pays_nothing(engine, uow):
    build_catalog(uow)
    store = storefront(uow)
    order_id = shipped_order(uow, {"TEA-01": 1}, storefront=store)
    cs.quick_refund(uow, order_id, amount="4.00", reason="late_delivery")
    with uow:
        refund = uow.session.scalar(select(Refund))
        refund_id, number = refund.id, refund.number
        case_status = uow.session.scalar(select(ReturnCase.status))
    assert case_status == "approved"  # waits for the storefront
    refunds.push_failed(uow, refund_id, reason="refund window closed", final=True)
    with uow:
        order = uow.get_order(order_id)
        message = order.events[-1].message
        assert f"refused refund {number} of 4.00 CNY on Order #{order.number}: refund window closed" in message
        assert order.amount_refunded == 0 and refunds.refundable(uow.session, order_id).total == Decimal("19.90")
        assert uow.session.scalar(select(ReturnCase.status)) == "approved"
    refunds.cancel(uow, refund_id, reason="a voucher instead")
    with pytest.raises(InvalidTransition, match=f"Refund {number} on Order #.* is cancelled; it can't be "
                                                "retried any more"):
        refunds.retry(uow, refund_id)


def test_a_storefront_refund_larger_than_what_is_left_is_kept_and_flagged(engine, uow):
    build_catalog(uow)
    store = storefront(uow)
    order_id = shipped_order(uow, {"TEA-01": 1}, storefront=store)
    refunds.record_storefront_refund(uow, order_id, external_id="r-1", amount="25.00", lines=[])
    with uow:
        order = uow.get_order(order_id)
        assert order.amount_refunded == Decimal("25.00")
        assert any("more than the order still held" in e.message for e in order.events)
    now = utcnow()
    with engine.connect() as conn:
        rows = payments.reconcile(conn, since=now - timedelta(days=1), until=now + timedelta(days=1))
    assert [r.flags for r in rows] == [("over_refunded",)]


def test_a_cancelled_order_that_kept_money_is_flagged_until_refunded(engine, uow):
    build_catalog(uow)
    from tests.factories import place_order
    order_id = place_order(uow, {"TEA-01": 1})
    orders.record_payment(uow, order_id, amount="19.90", method="bank_transfer", reference="B1")
    orders.cancel_order(uow, order_id, reason="customer cancelled")
    now = utcnow()
    period = dict(since=now - timedelta(days=1), until=now + timedelta(days=1))
    with engine.connect() as conn:
        assert [r.flags for r in payments.reconcile(conn, **period)] == [("refund_owed",)]
    cs.quick_refund(uow, order_id, amount="19.90", reason="goodwill", reference="BANK-OUT-1")
    with engine.connect() as conn:
        assert payments.reconcile(conn, **period) == []
        listed = refunds.order_payments(conn, order_id)
    assert [(p.kind, p.reference, p.status) for p in listed] == [("charge", "B1", "paid"),
                                                                ("refund", "BANK-OUT-1", "paid")]
