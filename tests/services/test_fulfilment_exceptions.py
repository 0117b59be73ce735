"""Logistics exception actions that really act: a re-ship goes through the after-sales re-ship
flow (case + linked replacement order), a refund through payments (refund-only case within the
approval limit); each step on the timeline and audited, all or nothing. SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ordermgr.errors import PermissionDenied, ValidationError
from ordermgr.models import AuditEntry, Order, OrderStatus, ReturnCase, Shipment
from ordermgr.models.aftersales import Refund
from ordermgr.models.fulfilment import LogisticsException
from ordermgr.services import fulfilment, tracking
from tests.conftest import uow_for
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order


def troubled(uow, kind, lines=None):
    build_catalog(uow)
    order_id = shipped_order(uow, lines or {"TEA-01": 2, "CUP-02": 1})
    with uow:
        shipment_id = uow.session.scalar(select(Shipment.id).where(Shipment.order_id == order_id))
    return order_id, tracking.open_exception(uow, shipment_id, kind=kind, note="carrier says so")


def counts(uow):
    with uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(Order)),
                s.scalar(select(func.count()).select_from(ReturnCase)),
                s.scalar(select(func.count()).select_from(Refund)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def audited(uow, *actions):
    with uow:
        return set(uow.session.scalars(select(AuditEntry.action)
                                       .where(AuditEntry.action.in_(actions))))


def test_reship_a_lost_parcel_makes_a_linked_replacement_through_after_sales(uow):
    order_id, eid = troubled(uow, "lost")
    new_id = fulfilment.reship_exception(uow, eid, note="customer called")
    with uow:
        original, new = uow.get_order(order_id), uow.get_order(new_id)
        assert new.status == OrderStatus.ALLOCATED and new.total == Decimal("0.00")
        assert new.number.startswith(f"{original.number}-R")
        assert [(line.sku, line.quantity) for line in new.lines] == [("TEA-01", 2), ("CUP-02", 1)]
        case = uow.session.scalar(select(ReturnCase).where(ReturnCase.order_id == order_id))
        assert case.kind == "reship" and case.status == "reshipped"
        assert case.replacement_order_id == new_id
        exc = uow.session.get(LogisticsException, eid)
        assert exc.action == "reship" and exc.status == "open"  # a claim may still follow
        assert f"#{new.number}" in exc.note and case.number in exc.note
        timeline = [e.message for e in original.events]
        assert any(f"Re-shipped as order #{new.number}" in m for m in timeline)
        assert any(m.startswith("Exception lost: reship") and new.number in m for m in timeline)
    assert audited(uow, "return.open", "return.approve", "return.reship", "logistics.action") == {
        "return.open", "return.approve", "return.reship", "logistics.action"}
    before = counts(uow)
    with pytest.raises(ValidationError, match="already re-shipped"):
        fulfilment.reship_exception(uow, eid)
    assert counts(uow) == before
    tracking.act_on_exception(uow, eid, action="claim", claim_amount="45.00")  # claims still work


def test_reship_needs_after_sales_permission_and_writes_nothing_without_it(engine, uow):
    _, eid = troubled(uow, "damaged")
    before = counts(uow)
    with pytest.raises(PermissionDenied, match="re-ship"):
        fulfilment.reship_exception(uow_for(engine, "carl", "clerk"), eid)
    assert counts(uow) == before
    with uow:
        assert uow.session.get(LogisticsException, eid).action == ""
    supervisor = uow_for(engine, "sue", "supervisor")
    fulfilment.reship_exception(supervisor, eid, resolve=True)
    with uow:
        exc = uow.session.get(LogisticsException, eid)
        assert (exc.action, exc.status) == ("reship", "resolved")


def test_refund_a_damaged_parcel_through_payments_and_resolve_the_exception(uow):
    order_id, eid = troubled(uow, "damaged")
    numbers = fulfilment.refund_exception(uow, eid, amount="10.00", reference="ALI-778",
                                          note="box crushed", resolve=True)
    case_number, refund_number = numbers
    with uow:
        order = uow.get_order(order_id)
        refund = uow.session.scalar(select(Refund).where(Refund.order_id == order_id))
        assert (refund.number, refund.amount, refund.reference) == (refund_number,
                                                                    Decimal("10.00"), "ALI-778")
        assert order.payment_status == "partially_refunded"
        case = uow.session.scalar(select(ReturnCase).where(ReturnCase.number == case_number))
        assert case.kind == "refund_only" and case.status == "refunded"
        exc = uow.session.get(LogisticsException, eid)
        assert (exc.action, exc.status) == ("refund", "resolved") and refund_number in exc.note
        timeline = [e.message for e in order.events]
        assert any(refund_number in m and "box crushed" in m for m in timeline)
        assert any(m.startswith("Exception damaged: refund 10.00 CNY (resolved)") for m in timeline)
    assert audited(uow, "refund.request", "logistics.action") == {"refund.request", "logistics.action"}
    with pytest.raises(ValidationError, match="already resolved"):
        fulfilment.refund_exception(uow, eid, amount="1.00", reference="x")


def test_a_refused_refund_leaves_nothing_half_written(uow):
    _, eid = troubled(uow, "refused", {"TEA-01": 1})
    before = counts(uow)
    with pytest.raises(ValidationError, match="cannot refund|refundable"):
        fulfilment.refund_exception(uow, eid, amount="9999.00", reference="x")
    with pytest.raises(ValidationError, match="more than 0"):
        fulfilment.refund_exception(uow, eid, amount="0", reference="x")
    with pytest.raises(ValidationError, match="reference"):
        fulfilment.refund_exception(uow, eid, amount="5.00")
    assert counts(uow) == before
    with uow:
        exc = uow.session.get(LogisticsException, eid)
        assert (exc.action, exc.status) == ("", "open")
