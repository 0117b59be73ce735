from decimal import Decimal

import pytest
from sqlalchemy import select

from ordermgr.errors import ConflictError, InvalidTransition, ValidationError
from ordermgr.models import Order, OrderStatus, StockLevel
from ordermgr.services import order_edits, orders
from ordermgr.services.order_edits import NewLine
from ordermgr.services.order_entry import AddressInput
from tests.factories import build_catalog, place_order


def reserved(uow, sku_id):
    with uow:
        return sum(uow.session.scalars(select(StockLevel.reserved)
                                       .where(StockLevel.sku_id == sku_id)))


def load(uow, order_id):
    with uow:
        order = uow.get_order(order_id)
        return {"status": order.status, "total": order.total, "version": order.version,
                "lines": {l.sku: (l.quantity, l.quantity_reserved) for l in order.lines},
                "number": order.number, "payment": order.payment_status,
                "events": [e.message for e in order.events]}


def test_editing_lines_reallocates_stock_and_recomputes_the_total(uow):
    cat = build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 2, "CUP-02": 1})
    orders.confirm_order(uow, oid, override_reason="B2B terms")
    assert load(uow, oid)["status"] == OrderStatus.ALLOCATED
    with uow:
        lines = {l.sku: l.id for l in uow.get_order(oid).lines}
    order_edits.edit_order_lines(uow, oid, quantities={lines["TEA-01"]: 5, lines["CUP-02"]: 0},
                                 add=[NewLine("POT-03", 1)],
                                 expected_version=load(uow, oid)["version"])
    after = load(uow, oid)
    assert after["lines"] == {"TEA-01": (5, 5), "POT-03": (1, 1)}
    assert after["total"] == Decimal("119.40")
    assert after["status"] == OrderStatus.ALLOCATED
    assert reserved(uow, cat.skus["CUP-02"]) == 0 and reserved(uow, cat.skus["TEA-01"]) == 5
    assert any(m.startswith("Lines changed") for m in after["events"])


def test_cannot_edit_the_lines_of_a_packed_order(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    orders.confirm_order(uow, oid, override_reason="B2B terms")
    orders.start_picking(uow, oid)
    orders.pack_order(uow, oid)
    with uow:
        line_id = uow.get_order(oid).lines[0].id
    with pytest.raises(InvalidTransition, match="packed; take it back"):
        order_edits.edit_order_lines(uow, oid, quantities={line_id: 3})
    assert load(uow, oid)["lines"] == {"TEA-01": (1, 1)}


def test_an_edit_with_a_stale_version_is_refused(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    version = load(uow, oid)["version"]
    orders.confirm_order(uow, oid, override_reason="B2B terms")
    with uow:
        line_id = uow.get_order(oid).lines[0].id
    with pytest.raises(ConflictError):
        order_edits.edit_order_lines(uow, oid, quantities={line_id: 2}, expected_version=version)


def test_splitting_moves_units_to_a_new_order_and_allocates_both(uow):
    cat = build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 3, "CUP-02": 1}, shipping="10")
    orders.confirm_order(uow, oid, override_reason="B2B terms")
    with uow:
        lines = {l.sku: l.id for l in uow.get_order(oid).lines}
    new_id = order_edits.split_order(uow, oid, move={lines["TEA-01"]: 1, lines["CUP-02"]: 1})
    old, new = load(uow, oid), load(uow, new_id)
    assert old["lines"] == {"TEA-01": (2, 2)} and new["lines"] == {"TEA-01": (1, 1), "CUP-02": (1, 1)}
    assert new["number"] == old["number"] + "-2"
    assert old["total"] == Decimal("49.80") and new["total"] == Decimal("39.80")
    assert old["status"] == new["status"] == OrderStatus.ALLOCATED
    assert reserved(uow, cat.skus["TEA-01"]) == 3


def test_splitting_everything_off_is_refused(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    with uow:
        line_id = uow.get_order(oid).lines[0].id
    with pytest.raises(ValidationError, match="at least one unit"):
        order_edits.split_order(uow, oid, move={line_id: 1})


def test_merging_orders_of_one_customer_keeps_the_oldest_and_cancels_the_others(uow):
    cat = build_catalog(uow)
    first = place_order(uow, {"TEA-01": 1})
    with uow:
        customer_id = uow.get_order(first).customer_id
    second = place_order(uow, {"CUP-02": 2}, customer_id=customer_id, shipping="5")
    for oid in (first, second):
        orders.confirm_order(uow, oid, override_reason="B2B terms")
    kept = order_edits.merge_orders(uow, [second, first], expected_versions={
        first: load(uow, first)["version"], second: load(uow, second)["version"]})
    assert kept == first
    merged, gone = load(uow, first), load(uow, second)
    assert merged["lines"] == {"TEA-01": (1, 1), "CUP-02": (2, 2)}
    assert merged["total"] == Decimal("64.70")
    assert gone["status"] == OrderStatus.CANCELLED and gone["total"] == 0
    assert reserved(uow, cat.skus["CUP-02"]) == 2


def test_orders_to_different_addresses_are_not_merged(uow):
    build_catalog(uow)
    first = place_order(uow, {"TEA-01": 1})
    with uow:
        customer_id = uow.get_order(first).customer_id
    other = AddressInput(name="张伟", line1="长安街 1 号", city="北京", country="CN")
    second = place_order(uow, {"TEA-01": 1}, customer_id=customer_id, address=other)
    with pytest.raises(ValidationError, match="addresses differ"):
        order_edits.merge_orders(uow, [first, second])
    with uow:
        assert uow.session.scalar(select(Order.status).where(Order.id == second)) \
            == OrderStatus.PENDING_PAYMENT
