"""Every platform status named in the reference maps to our vocabulary; unknown ones go to review.
The reference's sample payloads parse into exact amounts, UTC times and kept SKU-less lines."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ordermgr.sync import medusa, shopify, woocommerce

SAMPLES = Path("/work/shared/reference/samples")
NEUTRAL_PAYMENT = {"pending", "paid", "partially_paid", "refunded", "partially_refunded", "cancelled"}
NEUTRAL_FULFILMENT = {"unfulfilled", "partially_fulfilled", "fulfilled", "on_hold"}


@pytest.mark.parametrize("status, expected", [
    ("pending", "pending"), ("authorized", "pending"), ("partially_paid", "partially_paid"),
    ("paid", "paid"), ("partially_refunded", "partially_refunded"), ("refunded", "refunded"),
    ("voided", "cancelled"), ("EXPIRED", "pending"), ("PAID", "paid"), ("AUTHORIZED", "pending"),
])
def test_shopify_financial_statuses(status, expected):
    payment, _, flags = shopify.map_status(status, "UNFULFILLED", False)
    assert payment == expected
    if status.lower() == "authorized":
        assert "authorised" in flags
    if status == "EXPIRED":
        assert "needs_review" in flags


@pytest.mark.parametrize("status, expected", [
    ("UNFULFILLED", "unfulfilled"), ("PARTIALLY_FULFILLED", "partially_fulfilled"),
    ("FULFILLED", "fulfilled"), ("IN_PROGRESS", "partially_fulfilled"), ("ON_HOLD", "on_hold"),
    ("SCHEDULED", "on_hold"), ("REQUEST_DECLINED", "on_hold"), ("OPEN", "unfulfilled"),
    ("PENDING_FULFILLMENT", "unfulfilled"), ("RESTOCKED", "unfulfilled"),
    (None, "unfulfilled"), ("partial", "partially_fulfilled"), ("fulfilled", "fulfilled"),
    ("restocked", "unfulfilled"),
])
def test_shopify_fulfilment_statuses(status, expected):
    assert shopify.map_status("PAID", status, False)[1] == expected


def test_shopify_cancellation_voids_what_was_not_captured_and_unknown_values_need_review():
    assert shopify.map_status("PENDING", "UNFULFILLED", True)[0] == "cancelled"
    assert shopify.map_status("PAID", "UNFULFILLED", True)[0] == "paid"  # cancelled after capture
    assert shopify.map_status("REFUNDED", "UNFULFILLED", True)[0] == "refunded"
    payment, fulfilment, flags = shopify.map_status("SOMETHING_NEW", "BRAND_NEW", False)
    assert "unknown_status" in flags and payment in NEUTRAL_PAYMENT and fulfilment in NEUTRAL_FULFILMENT


@pytest.mark.parametrize("status, paid, expected", [
    ("pending", False, ("pending", "unfulfilled")),
    ("failed", False, ("pending", "unfulfilled")),
    ("on-hold", False, ("pending", "unfulfilled")),
    ("on-hold", True, ("paid", "unfulfilled")),
    ("processing", True, ("paid", "unfulfilled")),
    ("completed", True, ("paid", "fulfilled")),
    ("cancelled", False, ("cancelled", "unfulfilled")),
    ("refunded", True, ("refunded", "unfulfilled")),
    ("trash", False, ("cancelled", "unfulfilled")),
    ("shipped", True, ("paid", "fulfilled")),
    ("partial-shipped", True, ("paid", "partially_fulfilled")),
    ("delivered", True, ("paid", "fulfilled")),
])
def test_woocommerce_statuses(status, paid, expected):
    raw = {"status": status, "total": "100.00", "refunds": [],
           "date_paid_gmt": "2025-03-05T06:23:01" if paid else None}
    payment, fulfilment, _, flags = woocommerce.map_order_status(raw)
    assert (payment, fulfilment) == expected
    if status == "failed":
        assert "payment_failed" in flags


def test_woocommerce_partial_refund_is_seen_from_the_refund_list_and_drafts_are_skipped():
    raw = {"status": "processing", "total": "300.00", "date_paid_gmt": "2025-03-05T06:23:01",
           "refunds": [{"id": 1, "total": "-50.00"}]}
    assert woocommerce.map_order_status(raw)[0] == "partially_refunded"
    assert "checkout-draft" in woocommerce.SKIPPED_STATUSES
    assert "unknown_status" in woocommerce.map_order_status({"status": "wc-custom", "total": "1"})[3]


@pytest.mark.parametrize("payment_status, expected", [
    ("not_paid", "pending"), ("awaiting", "pending"), ("authorized", "pending"),
    ("partially_authorized", "partially_paid"), ("captured", "paid"),
    ("partially_captured", "partially_paid"), ("partially_refunded", "partially_refunded"),
    ("refunded", "refunded"), ("canceled", "cancelled"), ("requires_action", "pending"),
])
def test_medusa_payment_statuses(payment_status, expected):
    assert medusa.map_status("pending", payment_status, "not_fulfilled")[1] == expected


@pytest.mark.parametrize("fulfillment_status, expected", [
    ("not_fulfilled", "unfulfilled"), ("partially_fulfilled", "partially_fulfilled"),
    ("fulfilled", "fulfilled"), ("partially_shipped", "partially_fulfilled"), ("shipped", "fulfilled"),
    ("partially_delivered", "partially_fulfilled"), ("delivered", "fulfilled"),
    ("canceled", "unfulfilled"),
])
def test_medusa_fulfilment_statuses(fulfillment_status, expected):
    assert medusa.map_status("pending", "captured", fulfillment_status)[2] == expected


@pytest.mark.parametrize("status, cancelled, fulfilment", [
    ("pending", False, "unfulfilled"), ("completed", False, "unfulfilled"),
    ("archived", False, "unfulfilled"), ("canceled", True, "unfulfilled"),
    ("requires_action", False, "on_hold"), ("draft", False, "unfulfilled"),
])
def test_medusa_order_statuses(status, cancelled, fulfilment):
    result = medusa.map_status(status, "not_paid", "not_fulfilled")
    assert (result[0], result[2]) == (cancelled, fulfilment)
    assert "draft" in medusa.SKIPPED_STATUSES
    assert "unknown_status" in medusa.map_status("weird", "odd", "strange")[3]


def test_the_shopify_graphql_sample_parses_exactly():
    node = json.loads((SAMPLES / "shopify/graphql_orders_response.json").read_text())["data"]["orders"]["nodes"][0]
    order = shopify.parse_order(node)
    assert (order.external_id, order.number, order.currency) == ("5981234567001", "1041", "CNY")
    assert order.total == Decimal("1077.0") and isinstance(order.total, Decimal)
    assert order.updated_at.isoformat() == "2025-03-03T08:40:22+00:00"
    assert (order.payment, order.fulfilment) == ("paid", "partially_fulfilled")
    assert [line.sku for line in order.lines] == ["SCARF-SILK-GRN-90", ""]
    assert order.lines[0].quantity_shipped == 2 and order.lines[1].quantity_shipped == 0
    assert order.address.country == "CN" and order.address.name == "王小明"
    assert order.tags == ["VIP", "批发"]


def test_the_woocommerce_sample_parses_with_gmt_times_refunds_and_tracking():
    raws = json.loads((SAMPLES / "woocommerce/orders_page.json").read_text())
    orders = {o.external_id: o for o in map(woocommerce.parse_order, raws)}
    first = orders["1291"]
    assert first.updated_at.isoformat() == "2025-03-05T06:23:02+00:00"  # the _gmt twin
    assert first.total == Decimal("300.00") and first.lines[2].sku == ""
    assert sum(line.unit_price * line.quantity - line.discount for line in first.lines) == Decimal("285.00")
    assert orders["1288"].fulfilments[0].waybill == "SF1234567890789"
    assert [(p.kind, p.amount) for p in orders["1285"].payments] == [
        ("charge", Decimal("218.00")), ("refund", Decimal("218.00"))]
    assert orders["1283"].cancelled and orders["1283"].payment == "cancelled"


def test_the_medusa_sample_parses_major_units_exactly():
    raw = json.loads((SAMPLES / "medusa/orders_list_response.json").read_text())["orders"][0]
    order = medusa.parse_order(raw)
    assert (order.number, order.currency, order.total) == ("58", "CNY", Decimal("436"))
    assert order.lines[1].sku == "" and order.lines[0].unit_price == Decimal("168")
    raw["total"], raw["raw_total"] = 19.99, {"value": "19.99", "precision": 20}
    assert medusa.parse_order(raw).total == Decimal("19.99")
