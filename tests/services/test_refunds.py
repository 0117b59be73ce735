"""The refund state machine, path by path, on SQLite and PostgreSQL: requested -> pushed ->
confirmed, failed -> retried, failed -> paid back another way, failed -> cancelled and refunded
anew; who may do what; and paid / refunded / pending counted once after every step."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from ordermgr.errors import InvalidTransition, PermissionDenied, ValidationError
from ordermgr.models import AuditEntry, OutboxMessage, ReturnCase
from ordermgr.models.aftersales import Refund
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds
from tests.conftest import uow_for
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order, storefront

PAID = Decimal("39.80")  # 2 × TEA-01 at 19.90, paid by alipay through the storefront


def requested_refund(uow, amount="10.00"):
    """A storefront order, paid and shipped, with an approved refund-only case whose refund is
    requested from the storefront. Returns (order id, case id, refund id, refund number)."""
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, storefront=storefront(uow))
    case_id = cs.open_case(uow, order_id, kind="refund_only", reason="late_delivery",
                           refund_amount=amount, amount_reason="late parcel")
    cs.approve_case(uow, case_id)
    [number] = cs.refund_case(uow, case_id)
    with uow:
        refund_id = uow.session.scalar(select(Refund.id).where(Refund.number == number))
    return order_id, case_id, refund_id, number


def state(uow, refund_id):
    with uow:
        refund = uow.session.get(Refund, refund_id)
        case = uow.session.get(ReturnCase, refund.return_id)
        return refund.status, case.status


def money_of(engine, uow, order_id):
    """(paid, refunded, pending, failed), checked against the other ways of counting them."""
    with engine.connect() as conn:
        t = refunds.totals(conn, order_id)
        room = refunds.refundable(conn, order_id)
    with uow:
        order = uow.get_order(order_id)
        assert order.amount_paid == t.paid and order.amount_refunded == t.refunded
    assert room.paid == t.paid and room.refunded == t.refunded + t.pending  # each refund once
    assert t.net_paid == t.paid - t.refunded
    return t.paid, t.refunded, t.pending, t.failed


def outbox_rows(uow):
    with uow:
        return [(m.status, m.attempts) for m in uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.topic == "refund").order_by(OutboxMessage.id))]


D = Decimal


def test_requested_then_pushed_then_confirmed_with_the_storefronts_id(engine, uow):
    order_id, case_id, refund_id, _ = requested_refund(uow)
    assert state(uow, refund_id) == ("requested", "approved")
    assert money_of(engine, uow, order_id) == (PAID, D("0.00"), D("10.00"), D("0.00"))
    refunds.push_failed(uow, refund_id, reason="Demo: read timed out", final=False)
    assert state(uow, refund_id) == ("pushed", "approved")
    with engine.connect() as conn:
        [row] = refunds.refund_rows(conn, order_id=order_id)
    assert row.failure_reason == "Demo: read timed out" and row.actions == ["push", "confirm", "fail"]
    assert money_of(engine, uow, order_id) == (PAID, D("0.00"), D("10.00"), D("0.00"))
    refunds.push_succeeded(uow, refund_id, external_id="gid://shopify/Refund/77")
    assert state(uow, refund_id) == ("confirmed", "refunded")
    with uow:
        refund = uow.session.get(Refund, refund_id)
        assert refund.external_id == "gid://shopify/Refund/77" and refund.failure_reason == ""
        assert refund.pushed_at is not None and refund.completed_at is not None
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    refunds.push_succeeded(uow, refund_id, external_id="gid://shopify/Refund/77")  # a late echo
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    # the pull brings the same refund back: linked by its id, not counted again
    assert refunds.record_storefront_refund(uow, order_id, external_id="gid://shopify/Refund/77",
                                            amount="10.00") == refund_id
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    cs.close_case(uow, case_id)


def test_failed_then_retried_then_confirmed(engine, uow):
    order_id, case_id, refund_id, number = requested_refund(uow)
    refunds.push_failed(uow, refund_id, reason="422: refund window closed", final=True)
    assert state(uow, refund_id) == ("failed", "approved")
    assert money_of(engine, uow, order_id) == (PAID, D("0.00"), D("0.00"), D("10.00"))
    with engine.connect() as conn:
        assert cs.case_counts(conn)["refunds_failed"] == 1
        assert [r.number for r in refunds.refund_rows(conn, status="failed")] == [number]
    with pytest.raises(ValidationError, match="Retry it, record it as paid back another way, or "
                                              "cancel it before closing"):
        cs.close_case(uow, case_id)
    refunds.retry(uow, refund_id)
    assert state(uow, refund_id) == ("requested", "approved")
    assert outbox_rows(uow) == [("pending", 0)]  # the same message, due again
    assert money_of(engine, uow, order_id) == (PAID, D("0.00"), D("10.00"), D("0.00"))
    with uow:  # the pusher's hook runs inside the transaction that marks the message done
        refunds.settle_push(uow, {"refund_id": refund_id, "refund_number": number},
                            remote_id="wc-refund-5")
        uow.commit()
    assert state(uow, refund_id) == ("confirmed", "refunded")
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    with engine.connect() as conn:
        assert cs.case_counts(conn)["refunds_failed"] == 0


def test_failed_then_paid_back_by_bank_transfer_and_the_case_closes(engine, uow):
    order_id, case_id, refund_id, number = requested_refund(uow)
    refunds.push_failed(uow, refund_id, reason="gateway declined", final=True)
    with pytest.raises(ValidationError, match="Enter the bank transfer, cash slip or other reference"):
        refunds.record_paid(uow, refund_id, method="bank_transfer", reference=" ")
    refunds.record_paid(uow, refund_id, method="bank_transfer", reference="ICBC-2026-001")
    assert state(uow, refund_id) == ("paid_elsewhere", "refunded")
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    assert outbox_rows(uow) == [("dismissed", 0)]  # never sent after it was paid by hand
    with engine.connect() as conn:
        lines = refunds.order_payments(conn, order_id)
    assert [(p.kind, p.method, p.reference, p.status) for p in lines][-1] == \
        ("refund", "bank_transfer", "ICBC-2026-001", "paid")
    with pytest.raises(InvalidTransition, match=f"Refund {number} on Order #.* is paid elsewhere; it "
                                                "can't be retried any more"):
        refunds.retry(uow, refund_id)
    # a push someone re-sent by hand lands anyway: said loudly, not counted again
    refunds.push_succeeded(uow, refund_id, external_id="late-1")
    with uow:
        order = uow.get_order(order_id)
        assert "may have been refunded twice" in order.events[-1].message
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    cs.close_case(uow, case_id, note="paid by bank")
    assert state(uow, refund_id) == ("paid_elsewhere", "closed")


def test_failed_then_cancelled_then_a_new_refund_is_possible(engine, uow):
    order_id, case_id, first_id, first = requested_refund(uow)
    refunds.push_failed(uow, first_id, reason="order archived on the storefront", final=True)
    with pytest.raises(ValidationError, match=f"refund {first} of 10.00 CNY failed"):
        cs.refund_case(uow, case_id)
    with pytest.raises(ValidationError, match="Say why the refund is cancelled"):
        refunds.cancel(uow, first_id, reason="")
    refunds.cancel(uow, first_id, reason="the storefront can't; refund anew")
    assert state(uow, first_id) == ("cancelled", "approved")
    assert money_of(engine, uow, order_id) == (PAID, D("0.00"), D("0.00"), D("0.00"))
    [second] = cs.refund_case(uow, case_id)
    assert second != first
    assert outbox_rows(uow) == [("dismissed", 0), ("pending", 0)]
    assert money_of(engine, uow, order_id) == (PAID, D("0.00"), D("10.00"), D("0.00"))
    with uow:
        second_id = uow.session.scalar(select(Refund.id).where(Refund.number == second))
    refunds.push_succeeded(uow, second_id, external_id="r-2")
    assert state(uow, second_id) == ("confirmed", "refunded")
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    with uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "refund")
                                      .order_by(AuditEntry.id)).all()
    assert actions == ["refund.request", "refund.fail", "refund.cancel", "refund.request",
                       "refund.confirm"]


def test_a_failed_refund_that_landed_after_all_is_confirmed_by_the_pull_not_doubled(engine, uow):
    order_id, case_id, refund_id, _ = requested_refund(uow)
    refunds.push_failed(uow, refund_id, reason="read timed out", final=True)
    assert refunds.record_storefront_refund(uow, order_id, external_id="shop-r-1",
                                            amount="10.00") == refund_id
    assert state(uow, refund_id) == ("confirmed", "refunded")
    assert money_of(engine, uow, order_id) == (PAID, D("10.00"), D("0.00"), D("0.00"))
    with uow:
        assert uow.session.scalar(select(Refund.external_id).where(Refund.id == refund_id)) == "shop-r-1"


def test_retry_is_refused_when_the_money_went_back_meanwhile(engine, uow):
    order_id, case_id, refund_id, number = requested_refund(uow, amount="39.80")
    refunds.push_failed(uow, refund_id, reason="declined", final=True)
    refunds.record_storefront_refund(uow, order_id, external_id="shop-r-9", amount="30.00")
    with pytest.raises(ValidationError, match=f"Refund {number} on Order #.*: 39.80 CNY can't be sent "
                                              "again; only 9.80 CNY is still refundable"):
        refunds.retry(uow, refund_id)
    assert state(uow, refund_id)[0] == "failed"


def test_who_may_do_what(engine, uow):
    order_id, case_id, refund_id, _ = requested_refund(uow)
    clerk = uow_for(engine, "carl", "clerk")
    agent = uow_for(engine, "ann", "agent")
    with pytest.raises(PermissionDenied):
        refunds.push_failed(agent, refund_id, reason="made up", final=True)  # only the sync runner
    refunds.push_failed(uow, refund_id, reason="declined", final=True)
    for attempt in (lambda: refunds.retry(clerk, refund_id),
                    lambda: refunds.record_paid(clerk, refund_id, method="cash", reference="C1"),
                    lambda: refunds.cancel(clerk, refund_id, reason="no")):
        with pytest.raises(PermissionDenied):
            attempt()
    assert state(uow, refund_id)[0] == "failed"
    refunds.record_paid(agent, refund_id, method="cash", reference="CASH-17")
    with uow:
        refund = uow.session.get(Refund, refund_id)
        assert (refund.method, refund.reference, refund.resolved_by) == ("cash", "CASH-17", agent.actor.user_id)


def test_manual_refunds_are_born_paid_elsewhere_and_count_once(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, payments=[("39.80", "bank_transfer")])
    numbers = cs.quick_refund(uow, order_id, amount="5.00", reason="goodwill", reference="BANK-1")
    with uow:
        refund = uow.session.scalar(select(Refund).where(Refund.number == numbers[1]))
        assert (refund.status, refund.method, refund.reference) == ("paid_elsewhere", "bank_transfer", "BANK-1")
    assert money_of(engine, uow, order_id) == (PAID, D("5.00"), D("0.00"), D("0.00"))
    assert outbox_rows(uow) == []


def test_the_pushers_hook_leaves_other_messages_alone(engine, uow):
    order_id, case_id, refund_id, number = requested_refund(uow)
    with uow:
        refunds.settle_push(uow, {"refund_id": refund_id, "refund_number": "RF9999999"},
                            error="not ours", final=True)
        refunds.settle_push(uow, {"refund_id": 999_999}, remote_id="y")
        refunds.settle_push(uow, {"order_external_id": "1"}, remote_id="z")
        uow.commit()
    assert state(uow, refund_id) == ("requested", "approved")
