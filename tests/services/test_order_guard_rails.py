"""Guard rails in the order services: an unpaid order is confirmed only with a reason, a held
order's address can be corrected, addresses are checked (on SQLite and PostgreSQL)."""

import pytest

from ordermgr.errors import InvalidTransition, ValidationError
from ordermgr.models import OrderStatus
from ordermgr.services import orders
from tests.factories import build_catalog, place_order


def test_an_unpaid_order_is_not_confirmed_without_a_reason(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    for reason in (None, "  "):
        with pytest.raises(ValidationError, match="payment is pending"):
            orders.confirm_order(uow, oid, override_reason=reason)
    with uow:
        order = uow.get_order(oid)
        assert order.status == OrderStatus.PENDING_PAYMENT
        assert all(line.quantity_reserved == 0 for line in order.lines)  # nothing reserved


def test_the_override_reason_is_on_the_timeline(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    orders.confirm_order(uow, oid, override_reason="Cash on delivery")
    with uow:
        order = uow.get_order(oid)
        assert order.status == OrderStatus.ALLOCATED
        confirm = next(e for e in order.events if e.data.get("action") == "confirm")
        assert confirm.message == "Confirmed with payment pending: Cash on delivery"
        assert confirm.data["override_reason"] == "Cash on delivery"


def test_a_failed_payment_also_needs_the_override(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    orders.record_payment(uow, oid, amount="19.90", method="card", status="failed")
    with pytest.raises(ValidationError, match="payment is failed"):
        orders.confirm_order(uow, oid)
    orders.confirm_order(uow, oid, override_reason="B2B payment terms")


def test_a_held_order_s_address_can_be_corrected_but_not_its_lines(uow):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    orders.hold_order(uow, oid, reason="Address to check")
    orders.edit_shipping_address(uow, oid, ship_line1="建国路 89 号", ship_postcode="100022",
                                 ship_country="cn")
    with uow:
        order = uow.get_order(oid)
        assert order.status == OrderStatus.ON_HOLD
        assert (order.ship_line1, order.ship_country) == ("建国路 89 号", "CN")
        with pytest.raises(InvalidTransition, match="release it before editing"):
            order.ensure_editable()


@pytest.mark.parametrize("fields, message", [
    ({"ship_country": "ZZ"}, "is not a country"),
    ({"ship_country": "China"}, "is not a country"),
    ({"ship_postcode": "1000"}, "not a postcode of CN"),
])
def test_a_wrong_country_or_postcode_is_refused_and_nothing_saved(uow, fields, message):
    build_catalog(uow)
    oid = place_order(uow, {"TEA-01": 1})
    with pytest.raises(ValidationError, match=message):
        orders.edit_shipping_address(uow, oid, **fields)
    with uow:
        order = uow.get_order(oid)
        assert (order.ship_country, order.ship_postcode) == ("CN", "100022")


def test_a_product_barcode_in_the_search_finds_the_orders_with_its_sku(uow, engine):
    from ordermgr.db import queries
    build_catalog(uow)
    cup = place_order(uow, {"CUP-02": 1})
    place_order(uow, {"TEA-01": 1})
    with engine.connect() as conn:
        found = queries.fetch_order_page(conn, queries.OrderFilter(search="6900000000001"))
        assert [row.id for row in found] == [cup]
        assert queries.queue_counts(conn, queries.OrderFilter(search="6900000000001"))["all"] == 1
        assert queries.fetch_order_page(conn, queries.OrderFilter(search="4006381333931")) == []
