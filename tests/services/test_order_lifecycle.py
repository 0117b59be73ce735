from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ordermgr.errors import ConflictError, InvalidTransition, PermissionDenied, ValidationError
from ordermgr.models import AuditEntry, Order, OrderStatus, StockLevel
from ordermgr.services import orders, shipments
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order


def level(uow, sku_id, wh_id):
    with uow:
        sl = uow.session.scalar(select(StockLevel).where(StockLevel.sku_id == sku_id,
                                                         StockLevel.warehouse_id == wh_id))
        return sl.on_hand, sl.reserved


def test_an_order_goes_from_entry_to_delivery(uow):
    cat = build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 2, "CUP-02": 1})
    orders.record_payment(uow, order_id, amount="59.70", method="alipay", reference="A1")
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 2)
    orders.start_picking(uow, order_id)
    orders.pack_order(uow, order_id)
    shipment_id = shipments.ship_order(uow, order_id, carrier="SF Express", waybill="SF1234567890")
    assert level(uow, cat.skus["TEA-01"], cat.main) == (8, 0)
    shipments.mark_delivered(uow, shipment_id)
    orders.complete_order(uow, order_id)
    with uow:
        order = uow.get_order(order_id)
        assert order.status == OrderStatus.COMPLETED
        assert order.total == Decimal("59.70") and order.payment_status == "paid"
        kinds = [e.kind for e in order.events]
        assert kinds[0] == "created" and kinds.count("status") == 7  # pay, allocate, pick, pack, ship, deliver, complete
        assert all(e.user_id == uow.actor.user_id for e in order.events)
        audited = uow.session.scalar(select(func.count()).select_from(AuditEntry))
        assert audited >= 7


def test_whole_order_prefers_one_warehouse_else_splits(uow):
    cat = build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 1, "POT-03": 2})  # POT-03 only in BACK: whole from BACK
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    assert level(uow, cat.skus["TEA-01"], cat.backup) == (5, 1)
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 0)
    split = place_order(uow, {"TEA-01": 12})  # 10 in MAIN + 2 more from BACK
    orders.confirm_order(uow, split, override_reason="B2B terms")
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 10)
    assert level(uow, cat.skus["TEA-01"], cat.backup) == (5, 3)


def test_shortage_backorders_with_what_is_missing(uow):
    build_catalog(uow)
    order_id = place_order(uow, {"CUP-02": 5})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    with uow:
        order = uow.get_order(order_id)
        assert order.status == OrderStatus.BACKORDERED
        assert "CUP-02 ×2" in order.events[-1].message


def test_cannot_cancel_a_shipped_order(uow):
    build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 1})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.start_picking(uow, order_id)
    orders.pack_order(uow, order_id)
    shipments.ship_order(uow, order_id, carrier="ZTO", waybill="73100000001")
    with pytest.raises(InvalidTransition, match=r"already shipped and can't be cancelled; create a return"):
        orders.cancel_order(uow, order_id, reason="customer changed mind")


def test_cancel_releases_reservations(uow):
    cat = build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 3})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.cancel_order(uow, order_id, reason="duplicate order")
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 0)


def test_hold_and_release_returns_to_the_previous_state(uow):
    build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 1})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.hold_order(uow, order_id, reason="address check")
    orders.release_order(uow, order_id)
    with uow:
        assert uow.get_order(order_id).status == OrderStatus.ALLOCATED
    with pytest.raises(ValidationError, match="reason"):
        orders.hold_order(uow, order_id, reason="  ")


def test_stale_version_is_refused_not_overwritten(uow):
    build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 1})
    with uow:
        seen = uow.get_order(order_id).version
    orders.add_note(uow, order_id, text="called the customer")  # notes bump the version too
    with pytest.raises(ConflictError, match="changed by someone else"):
        orders.hold_order(uow, order_id, reason="check", expected_version=seen)


def test_duplicate_waybill_is_refused(uow):
    build_catalog(uow)
    first, second = place_order(uow, {"TEA-01": 1}), place_order(uow, {"TEA-01": 1})
    for oid in (first, second):
        orders.confirm_order(uow, oid, override_reason="B2B terms")
        orders.start_picking(uow, oid)
        orders.pack_order(uow, oid)
    shipments.ship_order(uow, first, carrier="SF Express", waybill="SF1")
    with pytest.raises(ValidationError, match="already used on order"):
        shipments.ship_order(uow, second, carrier="SF Express", waybill="SF1")
    with uow:
        assert uow.get_order(second).status == OrderStatus.PACKED


def test_permissions_are_checked_in_the_service(engine, uow):
    build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 1})
    clerk = uow_for(engine, "bob", "clerk")
    with pytest.raises(PermissionDenied, match="bob \\(clerk\\) may not cancel"):
        orders.cancel_order(clerk, order_id, reason="x")


def test_bulk_actions_need_the_bulk_permission_in_the_service(engine, uow):
    build_catalog(uow)
    ids = [place_order(uow, {"TEA-01": 1}), place_order(uow, {"TEA-01": 1})]
    with pytest.raises(PermissionDenied, match="may not run actions on several orders"):
        orders.run_bulk(uow_for(engine, "bob", "clerk"), ids, orders.confirm_order,
                        override_reason="B2B terms")


def test_bulk_confirm_reports_each_order(uow):
    build_catalog(uow)
    a, b = place_order(uow, {"TEA-01": 1}), place_order(uow, {"TEA-01": 1})
    orders.cancel_order(uow, b, reason="test")
    results = orders.run_bulk(uow, [a, b], orders.confirm_order,
                              override_reason="B2B terms")
    assert [r.ok for r in results] == [True, False]
    assert "cancelled" in results[1].message


def test_concurrent_edits_never_lose_an_update(engine, uow):
    """Two sessions load the same order and both save: the second is refused, the first stays.

    PostgreSQL refuses through the version column (StaleDataError); SQLite already refuses the
    stale snapshot's write ("database is locked"), before the version check is reached.
    """
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session
    from sqlalchemy.orm.exc import StaleDataError
    build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 1})
    with Session(engine) as s1, Session(engine) as s2:
        o1, o2 = s1.get(Order, order_id), s2.get(Order, order_id)
        o1.note, o2.note = "first", "second"
        s1.commit()
        with pytest.raises((StaleDataError, OperationalError)):
            s2.commit()
    with uow:
        assert uow.get_order(order_id).note == "first"
