"""Pushing the outbox to the storefronts: fulfilments with tracking, cancellations, refunds and
stock levels; a retry after a lost acknowledgement never creates a second fulfilment or refund;
failures back off and park with the storefront's error; parked pushes are retried or dismissed."""

from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ordermgr.models import AuditEntry, Order, OutboxMessage, Store
from ordermgr.services import orders as order_service
from ordermgr.services import shipments, sync_push
from ordermgr.services.outbox import enqueue
from ordermgr.sync.fake.store import Line
from tests.connectors.conftest import PLATFORMS
from tests.factories import build_catalog

SKU = "DEMO-TEA-LJ-250"


def packed_order(shop, uow, *, paid=True):
    demo_order = shop.demo.new_order(lines=[Line(1, SKU, "西湖龙井", 2, Decimal("88.00"))],
                                     paid=paid, cancelled=False)
    shop.sync()
    with Session(shop.engine) as session:
        order_id = session.scalar(select(Order.id).where(Order.external_id.is_not(None)).order_by(Order.id.desc()))
    return demo_order, order_id


def pick_pack_and_ship(uow, order_id, carrier: str, waybill: str) -> None:
    order_service.start_picking(uow, order_id)
    order_service.pack_order(uow, order_id)
    shipments.ship_order(uow, order_id, carrier=carrier, waybill=waybill,
                         tracking_url=f"https://www.sf-express.com/waybill/{waybill}")


def outbox(shop):
    with Session(shop.engine) as session:
        return session.execute(select(OutboxMessage.id, OutboxMessage.topic, OutboxMessage.status,
                                      OutboxMessage.attempts, OutboxMessage.last_error)
                               .order_by(OutboxMessage.id)).all()


def lose_the_acknowledgement(shop):
    """As if the process died after the storefront accepted the push but before we noted it."""
    with shop.engine.begin() as conn:
        conn.execute(update(OutboxMessage).values(status="pending", next_attempt_at=OutboxMessage.created_at))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_shipment_reaches_the_storefront_once_even_when_retried(connect, uow, platform):
    build_catalog(uow, {SKU: (10, 0)})
    shop = connect(platform, orders=0)
    demo_order, order_id = packed_order(shop, uow)
    pick_pack_and_ship(uow, order_id, "SF Express", "SF1234567890456")
    run = shop.sync()
    assert run.pushed >= 1 and run.push_failed == 0, run.messages  # + stock pushes of the SKU
    assert {r.status for r in outbox(shop)} == {"done"}
    assert demo_order.shipped_all
    tracked = [f.number for f in demo_order.fulfilments]
    if platform == "woocommerce":
        assert any("SF1234567890456" in n.text for n in demo_order.notes)
    else:
        assert tracked == ["SF1234567890456"]
    lose_the_acknowledgement(shop)
    assert shop.sync().push_failed == 0
    assert {r.status for r in outbox(shop)} == {"done"}
    assert [f.number for f in demo_order.fulfilments] == tracked
    assert len(demo_order.notes) <= 1
    with Session(shop.engine) as session:
        order = session.get(Order, order_id)
        assert [s.waybill for s in order.shipments] == ["SF1234567890456"]  # the echo is not a 2nd parcel


def test_woocommerce_with_the_shipment_tracking_extension_gets_tracking_entries_once(connect, uow):
    build_catalog(uow, {SKU: (10, 0)})
    shop = connect("woocommerce", orders=0)
    shop.demo.extensions.add("shipment-tracking")
    demo_order, order_id = packed_order(shop, uow)
    pick_pack_and_ship(uow, order_id, "顺丰速运", "SF1234567890999")
    run = shop.sync()
    assert run.push_failed == 0 and {r.status for r in outbox(shop)} == {"done"}, run.messages
    assert [(f.carrier, f.number, f.url) for f in demo_order.fulfilments] == [
        ("顺丰速运", "SF1234567890999", "https://www.sf-express.com/waybill/SF1234567890999")]
    assert demo_order.notes == [] and demo_order.shipped_all  # no note; the order is completed
    lose_the_acknowledgement(shop)
    assert shop.sync().push_failed == 0
    assert len(demo_order.fulfilments) == 1  # the retry found its entry
    with Session(shop.engine) as session:
        shipment = session.get(Order, order_id).shipments[0]
        assert shipment.waybill == "SF1234567890999" and shipment.external_id.startswith("t")


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_refund_is_created_once_even_when_retried(connect, uow, platform):
    shop = connect(platform, orders=0)
    demo_order, order_id = packed_order(shop, uow)
    with uow:
        order = uow.session.get(Order, order_id)
        enqueue(uow, uow.session.get(Store, order.store_id), "refund", {
            "order_external_id": order.external_id, "refund_id": 1, "amount": "20.00",
            "currency": "CNY", "reason": "破损补偿", "lines": []}, key="1")
        uow.commit()
    assert shop.sync().pushed == 1
    lose_the_acknowledgement(shop)
    assert shop.sync().pushed == 1
    assert [r.amount for r in demo_order.refunds] == [Decimal("20.00")]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_cancellation_and_a_stock_level_reach_the_storefront(connect, uow, platform):
    build_catalog(uow, {SKU: (10, 0)})
    shop = connect(platform, orders=0)
    demo_order, order_id = packed_order(shop, uow)
    order_service.cancel_order(uow, order_id, reason="customer changed their mind")
    with uow:
        enqueue(uow, uow.session.get(Store, shop.store_id), "stock",
                {"sku": SKU, "warehouse": "MAIN", "available": 7}, key="stock-1")
        uow.commit()
    run = shop.sync()
    assert run.push_failed == 0 and {r.status for r in outbox(shop)} == {"done"}, run.messages
    assert demo_order.cancelled
    assert shop.demo.stock[(SKU, "1001")] == 7
    lose_the_acknowledgement(shop)
    assert shop.sync().push_failed == 0 and demo_order.cancelled


def test_a_refused_push_is_parked_with_the_storefronts_error_then_retried_or_dismissed(connect, uow):
    shop = connect("woocommerce", orders=0)
    demo_order, order_id = packed_order(shop, uow)
    with uow:
        enqueue(uow, uow.session.get(Store, shop.store_id), "refund", {
            "order_external_id": demo_order.seq, "amount": "99999.00", "currency": "CNY",
            "reason": "too much"}, key="big")
        enqueue(uow, uow.session.get(Store, shop.store_id), "refund", {
            "order_external_id": demo_order.seq, "amount": "1.00", "currency": "CNY",
            "reason": "ok"}, key="small")
        uow.commit()
    for _ in range(sync_push.MAX_REJECTIONS):
        shop.sync()
    rows = {r.topic + str(r.id): r for r in outbox(shop)}
    big, small = sorted(rows.values(), key=lambda r: r.id)
    assert big.status == "parked" and "refund exceeds the amount paid" in big.last_error
    assert small.status == "done"
    sync_push.retry_message(uow, big.id)
    assert outbox(shop)[0].status == "pending"
    for _ in range(sync_push.MAX_REJECTIONS):
        shop.sync()
    sync_push.dismiss_message(uow, big.id, reason="refunded by bank transfer instead")
    assert outbox(shop)[0].status == "dismissed"
    with Session(shop.engine) as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "outbox")).all()
    assert actions == ["outbox.retry", "outbox.dismiss"]


def test_transient_failures_back_off_and_park_after_n_attempts(connect, uow):
    shop = connect("medusa", orders=0)
    demo_order, order_id = packed_order(shop, uow)
    with uow:
        enqueue(uow, uow.session.get(Store, shop.store_id), "cancellation",
                {"order_external_id": "order_01DEMO00000000000000000001", "reason": "x"}, key="c1")
        uow.commit()
    shop.demo.inject("500", times=1000, path="/cancel")
    from datetime import timedelta
    for _ in range(3):
        shop.sync(base_delay=timedelta(0))
    row = outbox(shop)[0]
    assert row.status == "pending" and row.attempts == 3 and "internal error" in row.last_error
    with shop.uow() as u:
        results = sync_push.deliver_due(lambda: shop.uow(), shop.store_id, _Failing(), max_attempts=4)
        u.commit()
    assert results.parked == 1 and outbox(shop)[0].status == "parked"


class _Failing:
    def push(self, topic, payload, *, key):
        from ordermgr.sync.base import StoreUnreachable
        raise StoreUnreachable("Demo medusa: the storefront had an internal error")


def test_only_the_newest_stock_level_of_a_sku_is_sent(connect, uow):
    shop = connect("shopify", orders=0)
    with uow:
        store = uow.session.get(Store, shop.store_id)
        for i, level in enumerate((5, 4, 3)):
            enqueue(uow, store, "stock", {"sku": SKU, "warehouse": "MAIN", "available": level}, key=f"s{i}")
        uow.commit()
    shop.sync()
    assert shop.demo.stock[(SKU, "1001")] == 3
    rows = outbox(shop)
    assert [r.status for r in rows] == ["done"] * 3
    assert [r.last_error for r in rows][:2] == ["superseded by a newer stock level"] * 2
    assert sum(1 for method, path in shop.demo.requests if method == "POST") >= 1


def test_a_woocommerce_gateway_that_cannot_refund_is_a_refusal_not_an_outage(connect, uow):
    shop = connect("woocommerce", orders=0)
    demo_order, _ = packed_order(shop, uow)
    shop.demo.inject("gateway_refund_failed", path="/refunds", method="POST")
    with uow:
        enqueue(uow, uow.session.get(Store, shop.store_id), "refund", {
            "order_external_id": demo_order.seq, "amount": "1.00", "currency": "CNY", "reason": "x"},
            key="g")
        uow.commit()
    run = shop.sync()
    assert run.push_failed == 1 and "does not support automatic refunds" in run.messages[0]
    assert outbox(shop)[0].attempts == 1
