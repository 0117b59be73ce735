"""A refund pushed to a demo storefront over real HTTP: refused until the pusher gives up (failed,
with the storefront's words), retried by the agent, made once, and counted once after the pull
brings it back."""

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ordermgr.models import ReturnCase
from ordermgr.models.aftersales import Refund
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds, sync_push
from tests.connectors.conftest import PLATFORMS
from tests.connectors.test_push import outbox, packed_order


def refund_state(shop, number):
    with Session(shop.engine) as session:
        refund = session.scalar(select(Refund).where(Refund.number == number))
        case = session.get(ReturnCase, refund.return_id)
        return refund.id, refund.status, refund.failure_reason, refund.external_id, case.status


def test_a_refused_refund_fails_with_the_reason_then_a_retry_lands_once(connect, uow):
    shop = connect("woocommerce", orders=0)
    demo_order, order_id = packed_order(shop, uow)
    case_number, number = cs.quick_refund(uow, order_id, amount="20.00", reason="goodwill")
    shop.demo.inject("gateway_refund_failed", times=sync_push.MAX_REJECTIONS, path="/refunds",
                     method="POST")
    run = shop.sync()
    refund_id, status, reason, _, case_status = refund_state(shop, number)
    assert run.push_failed == 1 and status == "pushed"  # refused once: the pusher tries again
    assert "does not support automatic refunds" in reason
    for _ in range(sync_push.MAX_REJECTIONS - 1):
        shop.sync()
    _, status, reason, _, case_status = refund_state(shop, number)
    assert (status, case_status) == ("failed", "approved")
    assert "does not support automatic refunds" in reason
    assert [r.status for r in outbox(shop) if r.topic == "refund"] == ["parked"]
    assert demo_order.refunds == []
    with Session(shop.engine) as session:
        assert [r.number for r in refunds.refund_rows(session.connection(), status="failed")] == [number]
        assert cs.case_counts(session.connection())["refunds_failed"] == 1

    refunds.retry(uow, refund_id)
    run = shop.sync()
    assert run.push_failed == 0, run.messages
    _, status, reason, external_id, case_status = refund_state(shop, number)
    assert (status, reason, case_status) == ("confirmed", "", "refunded")
    assert [r.amount for r in demo_order.refunds] == [Decimal("20.00")]
    assert external_id == str(demo_order.refunds[0].id)
    shop.sync()  # the pull sees the storefront's refund: the same one, not a second
    with Session(shop.engine) as session:
        totals = refunds.totals(session.connection(), order_id)
        assert session.scalar(select(Refund.id).where(Refund.number != number)) is None
        pulled = session.scalar(select(Refund.pulled_id).where(Refund.number == number))
    assert pulled == f"refund-{demo_order.refunds[0].id}"  # WooCommerce lists it under another id
    assert (totals.refunded, totals.pending, totals.failed) == (Decimal("20.00"), 0, 0)
    with shop.engine.connect() as conn:  # closed at once: an open one blocks the next TRUNCATE
        case_id = cs.find_case_id(conn, case_number)
    cs.close_case(uow, case_id)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_pushed_refund_pulled_back_is_counted_once(connect, uow, platform):
    shop = connect(platform, orders=0)
    demo_order, order_id = packed_order(shop, uow)
    _, number = cs.quick_refund(uow, order_id, amount="20.00", reason="goodwill")
    assert shop.sync().push_failed == 0
    assert refund_state(shop, number)[1] == "confirmed"
    shop.sync()  # the pull lists the storefront's refund (under its own id on some platforms)
    shop.sync()
    with Session(shop.engine) as session:
        totals = refunds.totals(session.connection(), order_id)
        numbers = session.scalars(select(Refund.number)).all()
    assert numbers == [number]
    assert [r.amount for r in demo_order.refunds] == [Decimal("20.00")]
    assert (totals.paid, totals.refunded, totals.pending) == (demo_order.total, Decimal("20.00"), 0)
