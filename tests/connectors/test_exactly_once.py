"""Pushes land exactly once whatever the network does, on every platform: the storefront applies
the push and then the reply is lost (dropped connection), comes after our read timeout, or is a
500; a 500 strikes between the two calls of one push; the request is still running when we give
up. Each time the storefront ends with exactly one fulfilment / refund / cancellation of ours,
the outbox row is done and the run's summary says what really happened."""

import time
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from ordermgr.models import Order, OutboxMessage, Store
from ordermgr.services import orders as order_service
from ordermgr.services.outbox import enqueue
from tests.connectors.conftest import PLATFORMS, fast_http
from tests.connectors.test_push import SKU, outbox, packed_order, pick_pack_and_ship
from tests.factories import build_catalog

WAYBILL = "SF1234567890777"
READ_TIMEOUT = 0.3
LATE = 0.6  # the reply (or, for "slow", the effect) comes this long after the request

# the call that creates each push on each platform: (path contains, method, body contains)
CREATE = {
    ("shopify", "fulfilment"): ("graphql.json", "POST", "fulfillmentCreate("),
    ("shopify", "refund"): ("graphql.json", "POST", "refundCreate("),
    ("shopify", "cancellation"): ("graphql.json", "POST", "orderCancel("),
    ("woocommerce", "fulfilment"): ("/notes", "POST", ""),
    ("woocommerce", "refund"): ("/refunds", "POST", ""),
    ("woocommerce", "cancellation"): ("/orders/", "PUT", "cancelled"),
    ("medusa", "fulfilment"): ("/fulfillments", "POST", "ordermgr_key"),
    ("medusa", "refund"): ("/refund", "POST", ""),
    ("medusa", "cancellation"): ("/cancel", "POST", ""),
}
TOPICS = ("fulfilment", "refund", "cancellation")


def quick_http(shop):
    return fast_http(shop.name, timeout=(1.0, READ_TIMEOUT))


def queue_push(shop, uow, topic):
    """A paid storefront order and one push of `topic` for it in the outbox."""
    build_catalog(uow, {SKU: (10, 0)})
    demo_order, order_id = packed_order(shop, uow)
    if topic == "fulfilment":
        pick_pack_and_ship(uow, order_id, "SF Express", WAYBILL)
    elif topic == "cancellation":
        order_service.cancel_order(uow, order_id, reason="customer changed their mind")
    else:
        with uow:
            order = uow.session.get(Order, order_id)
            enqueue(uow, uow.session.get(Store, order.store_id), "refund", {
                "order_external_id": order.external_id, "refund_id": 1, "amount": "20.00",
                "currency": "CNY", "reason": "破损补偿", "lines": []}, key="1")
            uow.commit()
    with shop.engine.begin() as conn:  # only the push under test (not the SKU's stock levels)
        conn.execute(OutboxMessage.__table__.delete().where(OutboxMessage.topic != topic))
    return demo_order, order_id


def assert_landed_once(shop, demo_order, order_id, topic):
    if topic == "fulfilment":
        if shop.demo.platform == "woocommerce":
            assert [n.text for n in demo_order.notes if WAYBILL in n.text] == [demo_order.notes[0].text]
            assert len(demo_order.notes) == 1
        else:
            assert [f.number for f in demo_order.fulfilments] == [WAYBILL]
            assert all(f.shipped for f in demo_order.fulfilments)
        assert demo_order.shipped_all
        with Session(shop.engine) as session:
            assert [s.waybill for s in session.get(Order, order_id).shipments] == [WAYBILL]
    elif topic == "refund":
        assert [r.amount for r in demo_order.refunds] == [Decimal("20.00")]
    else:
        assert demo_order.cancelled
    assert [r.status for r in outbox(shop)] == ["done"]


def inject_on_create(shop, topic, kind, seconds=LATE):
    path, method, body = CREATE[(shop.demo.platform, topic)]
    shop.demo.inject(kind, path=path, method=method, body=body, seconds=seconds)


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("fault", ["drop_after", "late", "500_after"])
def test_a_push_whose_reply_is_lost_after_it_landed_is_not_sent_again(connect, uow, platform, topic,
                                                                       fault):
    shop = connect(platform, orders=0)
    demo_order, order_id = queue_push(shop, uow, topic)
    inject_on_create(shop, topic, fault)
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (1, 0), run.messages
    assert_landed_once(shop, demo_order, order_id, topic)
    time.sleep(LATE if fault == "late" else 0)  # let the late reply go before the server stops
    assert shop.sync(http=quick_http(shop)).push_failed == 0
    assert_landed_once(shop, demo_order, order_id, topic)


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_500_before_the_push_took_effect_is_checked_then_sent_again(connect, uow, platform, topic):
    shop = connect(platform, orders=0)
    demo_order, order_id = queue_push(shop, uow, topic)
    inject_on_create(shop, topic, "500")
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (1, 0), run.messages
    assert_landed_once(shop, demo_order, order_id, topic)


@pytest.mark.parametrize("topic", ["fulfilment", "refund"])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_push_still_running_when_we_gave_up_is_found_by_the_next_try(connect, uow, platform, topic):
    """No answer and nothing there yet: it is not sent again now (it may still land); the run
    says it failed; the next round finds it landed and sends nothing."""
    shop = connect(platform, orders=0)
    demo_order, order_id = queue_push(shop, uow, topic)
    inject_on_create(shop, topic, "slow")
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (0, 1)
    assert "no clear answer" in run.messages[-1] and "checked before it is sent again" in run.messages[-1]
    assert outbox(shop)[0].status == "pending"
    time.sleep(LATE)  # the storefront finishes the request
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (1, 0), run.messages
    assert_landed_once(shop, demo_order, order_id, topic)


@pytest.mark.parametrize("fault", ["500", "drop"])
def test_medusa_a_fulfilment_half_made_is_completed_and_never_becomes_a_second_shipment(connect, uow,
                                                                                         fault):
    """The fulfilment is created, then marking it shipped with the tracking label fails. A 500
    (the server is done with it) is checked and sent again at once; a dropped connection waits
    for the next round, whose pull sees our half-made fulfilment without a waybill."""
    shop = connect("medusa", orders=0)
    demo_order, order_id = queue_push(shop, uow, "fulfilment")
    shop.demo.inject(fault, path="/shipments", method="POST")
    first = shop.sync(http=quick_http(shop))
    if fault == "500":
        assert (first.pushed, first.push_failed) == (1, 0), first.messages
    else:
        assert (first.pushed, first.push_failed) == (0, 1)
        assert [f.shipped for f in demo_order.fulfilments] == [False]  # half made
        assert shop.sync(http=quick_http(shop)).pushed == 1
    assert len(demo_order.fulfilments) == 1
    assert_landed_once(shop, demo_order, order_id, "fulfilment")
    shop.sync(http=quick_http(shop))  # the pull after the push: still one shipment
    with Session(shop.engine) as session:
        shipments = session.get(Order, order_id).shipments
        assert [(s.waybill, s.external_id) for s in shipments] == [
            (WAYBILL, f"ful_{demo_order.fulfilments[0].id:020d}")]


def test_medusa_the_pull_recognises_our_half_made_fulfilment_by_its_marker(connect, uow):
    shop = connect("medusa", orders=0)
    demo_order, order_id = queue_push(shop, uow, "fulfilment")
    shop.demo.inject("drop", path="/shipments", method="POST", times=10)
    shop.sync(http=quick_http(shop))
    shop.sync(http=quick_http(shop), push=False)
    with Session(shop.engine) as session:
        order = session.get(Order, order_id)
        assert [(s.waybill, s.external_id) for s in order.shipments] == [
            (WAYBILL, f"ful_{demo_order.fulfilments[0].id:020d}")]
        assert "exception" not in order.tag_list


def test_woocommerce_a_500_on_marking_the_order_completed_is_retried_without_a_second_note(connect, uow):
    shop = connect("woocommerce", orders=0)
    demo_order, order_id = queue_push(shop, uow, "fulfilment")
    shop.demo.inject("500", path=f"/orders/{demo_order.seq}", method="PUT")
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (1, 0), run.messages
    assert_landed_once(shop, demo_order, order_id, "fulfilment")


def test_woocommerce_a_note_added_but_the_order_not_completed_is_completed_next_round(connect, uow):
    shop = connect("woocommerce", orders=0)
    demo_order, order_id = queue_push(shop, uow, "fulfilment")
    shop.demo.inject("500", path=f"/orders/{demo_order.seq}", method="PUT", times=4)  # every try
    first = shop.sync(http=quick_http(shop))
    assert (first.pushed, first.push_failed) == (0, 1)
    assert len(demo_order.notes) == 1 and not demo_order.shipped_all  # half done
    second = shop.sync(http=quick_http(shop))
    assert (second.pushed, second.push_failed) == (1, 0), second.messages
    assert_landed_once(shop, demo_order, order_id, "fulfilment")


@pytest.mark.parametrize("fault", ["drop_after", "late"])
def test_woocommerce_tracking_entries_are_added_once(connect, uow, fault):
    shop = connect("woocommerce", orders=0)
    shop.demo.extensions.add("shipment-tracking")
    demo_order, order_id = queue_push(shop, uow, "fulfilment")
    shop.demo.inject(fault, path="shipment-trackings", method="POST", seconds=LATE)
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (1, 0), run.messages
    assert [f.number for f in demo_order.fulfilments] == [WAYBILL]
    time.sleep(LATE if fault == "late" else 0)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_stock_level_is_absolute_so_it_is_simply_sent_again(connect, uow, platform):
    shop = connect(platform, orders=0)
    with uow:
        enqueue(uow, uow.session.get(Store, shop.store_id), "stock",
                {"sku": SKU, "warehouse": "MAIN", "available": 7}, key="stock-1")
        uow.commit()
    path, method, body = {"shopify": ("graphql.json", "POST", "inventorySetQuantities("),
                          "woocommerce": ("/products/", "PUT", ""),
                          "medusa": ("/location-levels/", "POST", "")}[platform]
    shop.demo.inject("drop_after", path=path, method=method, body=body)
    run = shop.sync(http=quick_http(shop))
    assert (run.pushed, run.push_failed) == (1, 0), run.messages
    assert shop.demo.stock[(SKU, "1001")] == 7
    assert [r.status for r in outbox(shop)] == ["done"]


def test_a_post_is_resent_when_it_never_left(serve):
    """A refused connection means nothing was sent: retrying cannot double anything."""
    from ordermgr.sync.base import StoreUnreachable
    http = fast_http("Tea House", max_attempts=2)
    with pytest.raises(StoreUnreachable, match="cannot connect"):
        http.request("POST", "http://127.0.0.1:9/refunds", json={"amount": "1.00"})
    assert http.requests_made == 2

