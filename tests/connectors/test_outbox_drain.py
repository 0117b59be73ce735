"""The outbox drains fully each round, at the pace the storefront allows, within a time budget;
a runner restarted after a crash takes its own leases back at once, while another
workstation's leases run out first."""

import os
import socket
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ordermgr.models import OutboxMessage, Store, utcnow
from ordermgr.services import refunds, sync_push
from ordermgr.services.outbox import enqueue
from tests.connectors.conftest import fast_http
from tests.connectors.test_push import outbox, packed_order


class Recorder:
    """A connector that accepts every push and remembers the keys, in order."""

    def __init__(self):
        self.keys = []

    def push(self, topic, payload, *, key):
        self.keys.append(key)
        return f"remote-{len(self.keys)}"


class TickingClock:
    """Monotonic seconds that move on by `step` each time they are read."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def queue(shop, uow, n: int, topic: str = "fulfilment") -> None:
    with uow:
        store = uow.session.get(Store, shop.store_id)
        for i in range(n):
            enqueue(uow, store, topic, {"order_external_id": str(i), "waybill": f"W{i}"}, key=f"m{i}")
        uow.commit()


def lease(shop, owner: str, *, for_: timedelta = timedelta(minutes=4)) -> None:
    """As a runner `owner` leaves them when it dies in the middle of sending."""
    with shop.engine.begin() as conn:
        conn.execute(update(OutboxMessage).values(lease_owner=owner, next_attempt_at=utcnow() + for_))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_round_sends_everything_due_not_a_fixed_count(connect, uow):
    shop = connect("woocommerce", orders=0)
    demo_order, _ = packed_order(shop, uow)  # 2 x 88.00 paid
    with uow:
        store = uow.session.get(Store, shop.store_id)
        for i in range(sync_push.BATCH + 25):
            enqueue(uow, store, "refund", {"order_external_id": demo_order.seq, "amount": "1.00",
                                           "currency": "CNY", "reason": f"part {i}"}, key=f"r{i}")
        uow.commit()
    shop.demo.inject("429", times=2, path="/refunds", method="POST", seconds=0.05)
    http = fast_http(shop.name)
    run = shop.sync(http=http)
    assert (run.pushed, run.push_failed) == (sync_push.BATCH + 25, 0), run.messages
    assert len(demo_order.refunds) == sync_push.BATCH + 25
    assert http.retries >= 2  # the storefront's rate limit slowed the round down, it did not end it
    assert {r.status for r in outbox(shop)} == {"done"}


def test_a_round_stops_at_its_time_budget_and_leaves_the_rest_due(connect, uow):
    shop = connect("shopify", orders=0)
    queue(shop, uow, 30)
    connector = Recorder()
    result = sync_push.deliver_due(shop.uow, shop.store_id, connector, batch=7,
                                   budget=timedelta(seconds=10), clock=TickingClock(1.0))
    # the budget is read at second 1 (deadline 11); sends start at seconds 2, 3, ... 10
    assert result.sent == len(connector.keys) == 9 and result.left == 30 - 9
    assert result.errors == ["21 pushes still due: this round's time for pushing (10 s) ran out; "
                             "they go out next round."]
    with Session(shop.engine) as session:
        waiting = session.execute(select(OutboxMessage.next_attempt_at, OutboxMessage.lease_owner)
                                  .where(OutboxMessage.status == "pending")).all()
    assert len(waiting) == 21 and all(owner is None and at <= utcnow() for at, owner in waiting)
    rest = sync_push.deliver_due(shop.uow, shop.store_id, connector, batch=7)
    assert rest.sent == 21 and len(set(connector.keys)) == len(connector.keys) == 30


def test_a_failing_message_is_tried_once_a_round_even_when_due_again_at_once(connect, uow):
    shop = connect("shopify", orders=0)
    queue(shop, uow, 3)

    class FailsFirst(Recorder):
        def push(self, topic, payload, *, key):
            if key.endswith(":m0"):
                from ordermgr.sync.base import StoreUnreachable
                raise StoreUnreachable("Demo: down")
            return super().push(topic, payload, key=key)
    result = sync_push.deliver_due(shop.uow, shop.store_id, FailsFirst(), batch=1,
                                   base_delay=timedelta(0))
    assert (result.sent, result.failed) == (2, 1)


def test_a_restarted_runner_takes_back_its_own_leases_at_once(connect, uow):
    shop = connect("shopify", orders=0)
    queue(shop, uow, 5)
    lease(shop, f"{socket.gethostname()}:{dead_pid()}")  # this machine, the process is gone
    connector = Recorder()
    assert sync_push.deliver_due(shop.uow, shop.store_id, connector).sent == 5


def test_a_runner_with_a_configured_id_takes_back_its_leases(connect, uow, monkeypatch):
    shop = connect("shopify", orders=0)
    queue(shop, uow, 4)
    lease(shop, "warehouse-pc-runner")
    monkeypatch.setenv(sync_push.RUNNER_ID_ENV, "warehouse-pc-runner")
    assert sync_push.deliver_due(shop.uow, shop.store_id, Recorder()).sent == 4


@pytest.mark.parametrize("owner", ["office-pc:4242", "this-host-live-process"])
def test_leases_of_a_runner_that_may_still_be_working_wait_until_they_expire(connect, uow, owner):
    shop = connect("shopify", orders=0)
    queue(shop, uow, 3)
    if owner == "this-host-live-process":
        owner = f"{socket.gethostname()}:{os.getppid()}"  # alive: our parent
    lease(shop, owner)
    connector = Recorder()
    assert sync_push.deliver_due(shop.uow, shop.store_id, connector).sent == 0
    lease(shop, owner, for_=timedelta(seconds=-1))  # the lease ran out
    assert sync_push.deliver_due(shop.uow, shop.store_id, connector).sent == 3


def test_a_lease_names_its_owner_until_the_message_is_settled(connect, uow):
    shop = connect("shopify", orders=0)
    queue(shop, uow, 2)
    claimed = sync_push.claim_due(shop.uow(), shop.store_id, owner="runner-1")
    assert len(claimed) == 2
    with Session(shop.engine) as session:
        assert set(session.scalars(select(OutboxMessage.lease_owner))) == {"runner-1"}
    assert sync_push.claim_due(shop.uow(), shop.store_id, owner="runner-2") == []
    sync_push.deliver_due(shop.uow, shop.store_id, Recorder(), owner="runner-1")
    with Session(shop.engine) as session:
        rows = session.execute(select(OutboxMessage.status, OutboxMessage.lease_owner)).all()
    assert rows == [("done", None), ("done", None)]


def test_a_refund_push_outcome_goes_to_the_refunds_service(connect, uow, monkeypatch):
    """The refund state machine hears of every refund push's outcome, in the outbox's transaction."""
    shop = connect("woocommerce", orders=0)
    demo_order, _ = packed_order(shop, uow)
    with uow:
        store = uow.session.get(Store, shop.store_id)
        enqueue(uow, store, "refund", {"order_external_id": demo_order.seq, "refund_id": 11,
                                       "amount": "5.00", "currency": "CNY", "reason": "ok"}, key="11")
        enqueue(uow, store, "refund", {"order_external_id": demo_order.seq, "refund_id": 12,
                                       "amount": "99999.00", "currency": "CNY", "reason": "no"}, key="12")
        uow.commit()
    seen = []
    real = refunds.settle_push

    def spy(u, payload, *, remote_id=None, error=None, final=False):
        seen.append((payload["refund_id"], error is None, final, "exceeds" in (error or "")))
        real(u, payload, remote_id=remote_id, error=error, final=final)
    monkeypatch.setattr(refunds, "settle_push", spy)
    for _ in range(sync_push.MAX_REJECTIONS):
        shop.sync()
    refused = [(12, False, False, True)] * (sync_push.MAX_REJECTIONS - 1) + [(12, False, True, True)]
    assert seen == [(11, True, False, False)] + refused  # the last refusal parks: final
    assert [r.amount for r in demo_order.refunds] == [Decimal("5.00")]


def test_an_older_stock_level_backing_off_is_never_sent_after_a_newer_one(connect, uow):
    shop = connect("shopify", orders=0)
    with uow:
        store = uow.session.get(Store, shop.store_id)
        enqueue(uow, store, "stock", {"sku": "S1", "warehouse": "MAIN", "available": 5}, key="old")
        uow.commit()

    class Down(Recorder):
        def push(self, topic, payload, *, key):
            from ordermgr.sync.base import StoreUnreachable
            raise StoreUnreachable("Demo: down")
    sync_push.deliver_due(shop.uow, shop.store_id, Down())  # the old level now backs off
    with uow:
        store = uow.session.get(Store, shop.store_id)
        enqueue(uow, store, "stock", {"sku": "S1", "warehouse": "MAIN", "available": 3}, key="new")
        enqueue(uow, store, "stock", {"sku": "S2", "warehouse": "MAIN", "available": 9}, key="other")
        uow.commit()
    connector = Recorder()
    sync_push.deliver_due(shop.uow, shop.store_id, connector)
    with shop.engine.begin() as conn:  # the old level's back-off is over
        conn.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
    sync_push.deliver_due(shop.uow, shop.store_id, connector)
    assert connector.keys == [f"{shop.store_id}:stock:new", f"{shop.store_id}:stock:other"]
    assert [(r.status, r.last_error) for r in outbox(shop)][0] == ("done", "superseded by a newer stock level")
