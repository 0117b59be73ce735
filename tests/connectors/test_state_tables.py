"""The state tables of the Shopify and WooCommerce connectors, row by row: a real-shaped payload
(the vendors' samples, with the row's states) is imported, and ordermgr's order, payment,
fulfilment and parcel states are what the row says. Every value a table names has a row here."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork
from ordermgr.models import Order
from ordermgr.services.catalog import create_sku, create_store
from ordermgr.services.sync_import import import_orders
from ordermgr.sync import shopify, woocommerce

SAMPLES = Path(__file__).parent / "samples"
WAITING = "waiting to ship"  # paid, open: awaiting fulfilment, allocated or backordered
WAITING_STATES = {"awaiting_fulfilment", "allocated", "backordered"}


def imported(engine, admin, platform: str, remote):
    store_id = create_store(UnitOfWork(engine, admin), name="Shop", code="S", platform=platform,
                            currency="CNY")
    for sku in sorted({line.sku for line in remote.lines if line.sku}):  # the catalogue knows them
        create_sku(UnitOfWork(engine, admin), product=sku, code=sku, price="1", currency="CNY")
    result = import_orders(UnitOfWork(engine, admin), store_id, [remote])
    assert result.quarantined == 0, result.messages
    with UnitOfWork(engine, admin) as uow:
        order = uow.session.scalars(select(Order)).one()
        return (order.status, order.payment_status, order.fulfilment_status,
                [s.status for s in order.shipments])


def check(got, order_status, payment, fulfilment, parcels):
    status, got_payment, got_fulfilment, got_parcels = got
    assert status in WAITING_STATES if order_status == WAITING else status == order_status
    assert (got_payment, got_fulfilment, got_parcels) == (payment, fulfilment, parcels)


# -- Shopify --------------------------------------------------------------------------------------

def shopify_node(financial="PAID", fulfilment="UNFULFILLED", *, cancelled=False, parcel=None,
                 shipped="none"):
    node = json.loads((SAMPLES / "shopify_order.json").read_text())
    node["displayFinancialStatus"], node["displayFulfillmentStatus"] = financial, fulfilment
    node["cancelledAt"] = "2025-03-03T08:40:22Z" if cancelled else None
    node["customer"] = {"id": "gid://shopify/Customer/7001", "firstName": "小明", "lastName": "王",
                        "email": node["email"], "phone": node["phone"]}
    total = node["totalPriceSet"]
    node["transactions"] = [] if financial in ("PENDING", "EXPIRED", "VOIDED") else [
        {"id": "gid://shopify/OrderTransaction/1", "kind": "AUTHORIZATION" if financial == "AUTHORIZED"
         else "SALE", "status": "SUCCESS", "gateway": "alipay", "amountSet": total}]
    items = node["lineItems"]["nodes"]
    for item in items:  # "none", "some" (the sample: first line shipped), "all"
        item["unfulfilledQuantity"] = {"none": item["quantity"], "all": 0}.get(
            shipped, item["unfulfilledQuantity"])
    node["fulfillments"] = [] if parcel is None else [{
        "id": "gid://shopify/Fulfillment/5200000000001", "status": "SUCCESS", "displayStatus": parcel,
        "deliveredAt": "2025-03-05T09:00:00Z" if parcel in ("DELIVERED", "PICKED_UP") else None,
        "trackingInfo": [{"company": "SF Express", "number": "SF1234567890123", "url": ""}],
        "fulfillmentLineItems": {"nodes": [{"quantity": item["quantity"] - item["unfulfilledQuantity"],
                                            "lineItem": {"id": item["id"]}} for item in items]}}]
    return node


SHOPIFY_ROWS = [
    # (financial, fulfilment, cancelled, parcel, lines shipped) -> (order, payment, fulfilment, parcels)
    (("PENDING", "UNFULFILLED", False, None, "none"), ("pending_payment", "pending", "unfulfilled", [])),
    (("AUTHORIZED", "UNFULFILLED", False, None, "none"), ("pending_payment", "authorized", "unfulfilled", [])),
    (("PARTIALLY_PAID", "UNFULFILLED", False, None, "none"), ("pending_payment", "pending", "unfulfilled", [])),
    (("PAID", "UNFULFILLED", False, None, "none"), (WAITING, "paid", "unfulfilled", [])),
    (("PARTIALLY_REFUNDED", "UNFULFILLED", False, None, "none"), (WAITING, "partially_refunded", "unfulfilled", [])),
    (("REFUNDED", "UNFULFILLED", False, None, "none"), ("cancelled", "refunded", "unfulfilled", [])),
    (("VOIDED", "UNFULFILLED", True, None, "none"), ("cancelled", "voided", "unfulfilled", [])),
    (("EXPIRED", "UNFULFILLED", False, None, "none"), ("on_hold", "pending", "unfulfilled", [])),
    # cancelled after capture: the money is still held (reconciliation: refund owed)
    (("PAID", "UNFULFILLED", True, None, "none"), ("cancelled", "paid", "unfulfilled", [])),
    (("PARTIALLY_REFUNDED", "RESTOCKED", True, None, "none"), ("cancelled", "partially_refunded", "unfulfilled", [])),
    (("REFUNDED", "UNFULFILLED", True, None, "none"), ("cancelled", "refunded", "unfulfilled", [])),
    (("PAID", "OPEN", False, None, "none"), (WAITING, "paid", "unfulfilled", [])),
    (("PAID", "PENDING_FULFILLMENT", False, None, "none"), (WAITING, "paid", "unfulfilled", [])),
    (("PAID", "ON_HOLD", False, None, "none"), ("on_hold", "paid", "unfulfilled", [])),
    (("PAID", "SCHEDULED", False, None, "none"), ("on_hold", "paid", "unfulfilled", [])),
    (("PAID", "REQUEST_DECLINED", False, None, "none"), ("on_hold", "paid", "unfulfilled", [])),
    (("PAID", "PARTIALLY_FULFILLED", False, "IN_TRANSIT", "some"),
     ("partially_shipped", "paid", "partially_fulfilled", ["in_transit"])),
    (("PAID", "IN_PROGRESS", False, "CONFIRMED", "some"),
     ("partially_shipped", "paid", "partially_fulfilled", ["in_transit"])),
    (("PAID", "PARTIAL", False, "LABEL_PRINTED", "some"),  # REST spelling
     ("partially_shipped", "paid", "partially_fulfilled", ["in_transit"])),
    (("PAID", None, False, None, "none"), (WAITING, "paid", "unfulfilled", [])),  # REST null
    (("PAID", "FULFILLED", False, "IN_TRANSIT", "all"), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("PAID", "FULFILLED", False, "FULFILLED", "all"), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("PAID", "FULFILLED", False, "MARKED_AS_FULFILLED", "all"), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("PAID", "FULFILLED", False, "SUBMITTED", "all"), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("PAID", "FULFILLED", False, "LABEL_PURCHASED", "all"), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("PAID", "FULFILLED", False, "ATTEMPTED_DELIVERY", "all"), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("PAID", "FULFILLED", False, "OUT_FOR_DELIVERY", "all"),
     ("shipped", "paid", "fulfilled", ["out_for_delivery"])),
    (("PAID", "FULFILLED", False, "READY_FOR_PICKUP", "all"),
     ("shipped", "paid", "fulfilled", ["out_for_delivery"])),
    (("PAID", "FULFILLED", False, "DELIVERED", "all"), ("delivered", "paid", "fulfilled", ["delivered"])),
    (("PAID", "FULFILLED", False, "PICKED_UP", "all"), ("delivered", "paid", "fulfilled", ["delivered"])),
    (("PARTIALLY_REFUNDED", "FULFILLED", False, "DELIVERED", "all"),
     ("delivered", "partially_refunded", "fulfilled", ["delivered"])),
    (("PAID", "FULFILLED", False, "FAILURE", "all"), ("shipped", "paid", "fulfilled", ["exception"])),
    (("PAID", "FULFILLED", False, "NOT_DELIVERED", "all"), ("shipped", "paid", "fulfilled", ["exception"])),
    # a cancelled label is no parcel
    (("PAID", "UNFULFILLED", False, "CANCELED", "none"), (WAITING, "paid", "unfulfilled", [])),
    (("PAID", "UNFULFILLED", False, "LABEL_VOIDED", "none"), (WAITING, "paid", "unfulfilled", [])),
]


@pytest.mark.parametrize("given, expected", SHOPIFY_ROWS, ids=lambda v: "-".join(map(str, v))
                         if isinstance(v[0], str) or v[0] is None else None)
def test_shopify_state_table_row(engine, admin, given, expected):
    financial, fulfilment, cancelled, parcel, shipped = given
    node = shopify_node(financial, fulfilment, cancelled=cancelled, parcel=parcel, shipped=shipped)
    check(imported(engine, admin, "shopify", shopify.parse_order(node)), *expected)


def test_every_shopify_state_has_a_row():
    financial = {g[0] for g, _ in SHOPIFY_ROWS}
    fulfilment = {g[1] for g, _ in SHOPIFY_ROWS}
    parcels = {g[3] for g, _ in SHOPIFY_ROWS}
    assert set(shopify.FINANCIAL_STATUS) <= financial
    assert set(shopify.FULFILLMENT_STATUS) - {"RESTOCKED", "PARTIAL", None} <= fulfilment
    assert {"RESTOCKED", "PARTIAL", None} <= fulfilment
    assert set(shopify.SHIPMENT_STATUS) <= parcels


def test_shopify_delivery_on_the_storefront_reaches_an_imported_order(engine, admin):
    store_id = create_store(UnitOfWork(engine, admin), name="Shop", code="S", platform="shopify",
                            currency="CNY")
    shipped = shopify_node("PAID", "FULFILLED", parcel="IN_TRANSIT", shipped="all")
    import_orders(UnitOfWork(engine, admin), store_id, [shopify.parse_order(shipped)])
    arrived = copy.deepcopy(shipped)
    arrived["updatedAt"] = "2025-03-05T09:00:01Z"
    arrived["fulfillments"][0].update(displayStatus="DELIVERED", deliveredAt="2025-03-05T09:00:00Z")
    import_orders(UnitOfWork(engine, admin), store_id, [shopify.parse_order(arrived)])
    with UnitOfWork(engine, admin) as uow:
        order = uow.session.scalars(select(Order)).one()
        assert order.status == "delivered"
        assert [(s.status, s.delivered_at.isoformat()) for s in order.shipments] == [
            ("delivered", "2025-03-05T09:00:00+00:00")]


# -- WooCommerce ----------------------------------------------------------------------------------

def woo_order(status: str, *, paid: bool = True, refunds=(), tracking: bool = False) -> dict:
    orders = json.loads((SAMPLES / "woocommerce_orders.json").read_text())
    raw = orders[1] if tracking else orders[0]  # 1288 carries a Shipment Tracking item
    raw["status"] = status
    raw["date_paid"] = raw["date_paid_gmt"] = "2025-03-05T06:23:01" if paid else None
    raw["refunds"] = [{"id": 1299 + i, "reason": "", "total": f"-{amount}"} for i, amount in enumerate(refunds)]
    if not tracking:
        raw["meta_data"] = [m for m in raw["meta_data"] if m["key"] != "_wc_shipment_tracking_items"]
    return raw


WOO_ROWS = [
    # (status, paid, refunds, tracking) -> (order, payment, fulfilment, parcels)
    (("pending", False, (), False), ("pending_payment", "pending", "unfulfilled", [])),
    (("failed", False, (), False), ("pending_payment", "failed", "unfulfilled", [])),
    (("on-hold", False, (), False), ("pending_payment", "pending", "unfulfilled", [])),
    (("on-hold", True, (), False), (WAITING, "paid", "unfulfilled", [])),
    (("processing", True, (), False), (WAITING, "paid", "unfulfilled", [])),
    (("processing", True, ("50.00",), False), (WAITING, "partially_refunded", "unfulfilled", [])),
    (("completed", True, (), True), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("completed", True, ("64.00",), True), ("shipped", "partially_refunded", "fulfilled", ["in_transit"])),
    (("completed", True, (), False), ("shipped", "paid", "fulfilled", [])),
    (("cancelled", False, (), False), ("cancelled", "voided", "unfulfilled", [])),
    # cancelled after payment: the money is still held (reconciliation: refund owed)
    (("cancelled", True, (), False), ("cancelled", "paid", "unfulfilled", [])),
    (("cancelled", True, ("300.00",), False), ("cancelled", "refunded", "unfulfilled", [])),
    (("refunded", True, ("300.00",), False), ("cancelled", "refunded", "unfulfilled", [])),
    (("refunded", True, ("100.00",), False), (WAITING, "partially_refunded", "unfulfilled", [])),
    (("trash", False, (), False), ("cancelled", "voided", "unfulfilled", [])),
    (("shipped", True, (), True), ("shipped", "paid", "fulfilled", ["in_transit"])),
    (("partial-shipped", True, (), True), ("partially_shipped", "paid", "partially_fulfilled", ["in_transit"])),
    (("delivered", True, (), True), ("delivered", "paid", "fulfilled", ["delivered"])),
    (("delivered", True, (), False), ("delivered", "paid", "fulfilled", [])),
    (("wc-custom-status", True, (), False), ("on_hold", "paid", "unfulfilled", [])),
]


@pytest.mark.parametrize("given, expected", WOO_ROWS, ids=lambda v: "-".join(map(str, v))
                         if isinstance(v[0], str) else None)
def test_woocommerce_state_table_row(engine, admin, given, expected):
    status, paid, refunds, tracking = given
    raw = woo_order(status, paid=paid, refunds=refunds, tracking=tracking)
    check(imported(engine, admin, "woocommerce", woocommerce.parse_order(raw)), *expected)


def test_every_woocommerce_status_has_a_row():
    assert set(woocommerce.ORDER_STATUS) <= {g[0] for g, _ in WOO_ROWS}
