"""ordermgr's pushes land on the real Medusa store exactly once: a shipment with our waybill, a
refund of our amount, stock levels; and `store add` connects to it.

Each test takes a Medusa order in the state it needs at the time it runs (the store is shared
by the session, and the SQLite and PostgreSQL runs each use up one order per test).
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.cli import main
from ordermgr.models import Order, OutboxMessage, StockLevel
from ordermgr.models.states import OrderStatus as S
from ordermgr.reports.rates import set_exchange_rate
from ordermgr.services import orders as order_service
from ordermgr.services import aftersales, shipments
from tests.realstore.compare import differences, held_orders

FIELDS = ("id,display_id,status,payment_status,fulfillment_status,total,summary,*items,"
          "*fulfillments,*fulfillments.labels,*payment_collections,"
          "*payment_collections.payments,*payment_collections.payments.refunds")


def medusa_order(admin, order_id: str) -> dict:
    return admin.get(f"/admin/orders/{order_id}", fields=FIELDS)["order"]


def an_order(admin, *, payment: str, fulfilment: str) -> dict:
    """The oldest open Medusa order in this state (a test moves it on, so the next run takes
    another); a "captured" one has never been refunded."""
    for mo in admin.get("/admin/orders", fields=FIELDS, limit=500, order="created_at")["orders"]:
        payments_ = [p for pc in mo["payment_collections"] for p in pc["payments"]]
        if mo["status"] == "pending" and mo["payment_status"] == payment \
                and mo["fulfillment_status"] == fulfilment \
                and not (payment == "captured" and any(p.get("refunds") for p in payments_)):
            return mo
    pytest.fail(f"the seeded store has no {payment}/{fulfilment} order left for this test")


def held(shop, external_id: str) -> Order:
    return held_orders(shop.engine, shop.store_id)[external_id]


def _ship_in_ordermgr(shop, order_id: int) -> str:
    waybill = f"SF{uuid.uuid4().int % 10**12:012d}"
    order_service.start_picking(shop.uow(), order_id)
    order_service.pack_order(shop.uow(), order_id)
    shipments.ship_order(shop.uow(), order_id, carrier="SF Express", waybill=waybill,
                         tracking_url=f"https://www.sf-express.com/waybill/{waybill}")
    return waybill


def test_a_shipment_lands_as_one_fulfilment_with_our_waybill(connected, medusa_admin):
    assert connected.sync().ok
    mo = an_order(medusa_admin, payment="captured", fulfilment="not_fulfilled")
    order = held(connected, mo["id"])
    assert order.status == S.ALLOCATED
    waybill = _ship_in_ordermgr(connected, order.id)
    run = connected.sync()
    assert run.ok and run.push_failed == 0 and run.parked == 0, run.summary()
    after = medusa_order(medusa_admin, mo["id"])
    assert after["fulfillment_status"] == "shipped"
    assert [[label["tracking_number"] for label in f["labels"]] for f in after["fulfillments"]] \
        == [[waybill]]
    assert {i["id"]: i["detail"]["shipped_quantity"] for i in after["items"]} \
        == {i["id"]: i["quantity"] for i in mo["items"]}
    again = connected.sync()  # the echo of our fulfilment is not a second parcel
    assert again.ok and again.push_failed == 0, again.summary()
    order = held(connected, mo["id"])
    assert [s.waybill for s in order.shipments] == [waybill]
    assert order.status == S.SHIPPED
    assert not differences(medusa_order_full(medusa_admin, mo["id"]), order,
                           ("status", "fulfilment_status", "lines", "waybills"))


def medusa_order_full(admin, order_id: str) -> dict:
    from tests.realstore.compare import FIELDS as COMPARE_FIELDS
    return admin.get(f"/admin/orders/{order_id}", fields=COMPARE_FIELDS)["order"]


CNY_PER = {"USD": "7.20", "EUR": "7.80", "JPY": "0.048"}


def test_a_refund_lands_once_with_our_amount(connected, medusa_admin):
    assert connected.sync().ok
    mo = an_order(medusa_admin, payment="captured", fulfilment="shipped")
    order = held(connected, mo["id"])
    amount = Decimal("4.00") if order.currency != "JPY" else Decimal("400")
    if order.currency != "CNY":  # approval limits are in CNY: the goodwill refund is converted
        set_exchange_rate(connected.uow(), currency=order.currency, base_currency="CNY",
                          rate=CNY_PER[order.currency], valid_from=date(2020, 1, 1))
    aftersales.quick_refund(connected.uow(), order.id, amount=amount, reason="Late delivery")
    run = connected.sync()
    assert run.ok and run.push_failed == 0 and run.parked == 0, run.summary()
    after = medusa_order(medusa_admin, mo["id"])
    refunds = [r for pc in after["payment_collections"] for p in pc["payments"]
               for r in p.get("refunds") or []]
    assert [Decimal(str(r["amount"])) for r in refunds] == [amount]
    assert after["payment_status"] == "partially_refunded"
    again = connected.sync()  # the echo of our refund is not a second refund
    assert again.ok and again.push_failed == 0, again.summary()
    order = held(connected, mo["id"])
    assert order.amount_refunded == amount
    assert not differences(medusa_order_full(medusa_admin, mo["id"]), order,
                           ("total", "net total", "paid", "refunded", "payment_status"))


def test_stock_levels_land_on_the_store(connected, medusa_admin):
    assert connected.sync().ok
    assert connected.sync().ok  # pushes queued by the first round's allocations go out
    with Session(connected.engine) as session:
        ours = dict(session.execute(
            select(StockLevel.sku_id, func.sum(StockLevel.on_hand - StockLevel.reserved))
            .group_by(StockLevel.sku_id)).all())
    by_code = {code: int(ours.get(sku_id, 0)) for code, sku_id in connected.catalogue.skus.items()}
    items = medusa_admin.get("/admin/inventory-items", fields="id,sku,*location_levels",
                             limit=100)["inventory_items"]
    theirs = {i["sku"]: sum(lv["available_quantity"] for lv in i["location_levels"]) for i in items}
    assert theirs == by_code


def test_store_add_connects_and_sync_once_imports_everything(medusa, medusa_admin, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    base = ["--database", url, "--user", "clerk"]
    assert main(base + ["db", "upgrade"]) == 0  # the first user of a new database is its admin
    assert main(base + ["store", "add", "Medusa CLI", "--platform", "medusa", "--url", medusa.url,
                        "--credential", medusa.secret_key, "--currency", "USD"]) == 0
    out = capsys.readouterr().out
    assert f"Medusa at {medusa.url}" in out, out
    assert main(base + ["store", "test", "Medusa CLI"]) == 0
    capsys.readouterr()
    assert main(base + ["sync", "--once"]) == 0
    out = capsys.readouterr().out
    count = medusa_admin.get("/admin/orders", fields="id", limit=1)["count"]
    assert f"Medusa CLI: {count} new" in out and " 0 quarantined" in out and "ERROR" not in out, out


def test_a_half_made_fulfilment_is_completed_not_doubled(connected, medusa_admin):
    """The first attempt created the fulfilment on Medusa and died before marking it shipped."""
    assert connected.sync().ok
    mo = an_order(medusa_admin, payment="captured", fulfilment="not_fulfilled")
    order = held(connected, mo["id"])
    waybill = _ship_in_ordermgr(connected, order.id)
    with Session(connected.engine) as session:
        key = session.scalar(select(OutboxMessage.idempotency_key).where(
            OutboxMessage.topic == "fulfilment", OutboxMessage.status == "pending"))
    items = [{"id": i["id"], "quantity": i["quantity"]} for i in mo["items"]]
    medusa_admin.post(f"/admin/orders/{mo['id']}/fulfillments",  # as the connector sends it
                      {"items": items, "no_notification": False, "metadata": {"ordermgr_key": key}})
    assert connected.sync().ok
    assert connected.sync().ok
    after = medusa_order(medusa_admin, mo["id"])
    assert [[label["tracking_number"] for label in f["labels"]] for f in after["fulfillments"]
            if not f.get("canceled_at")] == [[waybill]]
    assert [s.waybill for s in held(connected, mo["id"]).shipments] == [waybill]


def test_a_cancellation_lands_and_medusas_own_refund_comes_back(connected, medusa_admin):
    """Cancelling a paid order on Medusa refunds what was captured; ordermgr takes that refund
    over from the store instead of paying back a second time."""
    assert connected.sync().ok
    mo = an_order(medusa_admin, payment="partially_refunded", fulfilment="not_fulfilled")
    order = held(connected, mo["id"])
    order_service.cancel_order(connected.uow(), order.id, reason="Customer changed their mind")
    run = connected.sync()
    assert run.ok and run.push_failed == 0 and run.parked == 0, run.summary()
    after = medusa_order(medusa_admin, mo["id"])
    assert (after["status"], after["payment_status"]) == ("canceled", "refunded")
    assert connected.sync().ok  # the refund Medusa made on cancelling arrives
    order = held(connected, mo["id"])
    assert order.status == S.CANCELLED
    assert order.amount_refunded == order.amount_paid > 0
    assert not differences(medusa_order_full(medusa_admin, mo["id"]), order,
                           ("status", "payment_status", "total", "net total", "paid", "refunded"))
