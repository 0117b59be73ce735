"""State machines and the order aggregate, without a database or Qt."""

from datetime import datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordermgr.errors import InvalidTransition, ValidationError
from ordermgr.models import Order, OrderLine, OrderStatus, Payment, PaymentStatus
from ordermgr.models.states import (ORDER_MACHINE, PAYMENT_MACHINE, RETURN_MACHINE,
                                    SHIPMENT_MACHINE, ReturnStatus)

ACTIONS = sorted({a for (_, a) in ORDER_MACHINE.transitions} | {"release"})


def new_order(**kw) -> Order:
    order = Order(number="1042", currency="CNY", placed_at=datetime.now(timezone.utc),
                  status=OrderStatus.PENDING_PAYMENT, shipping=Decimal("0.00"), tax=Decimal("0.00"),
                  discount=Decimal("0.00"), tags="", **kw)
    order.lines, order.payments, order.events, order.shipments = [], [], [], []
    return order


def test_shipped_order_refuses_cancel_with_a_sentence_a_clerk_understands():
    order = new_order()
    order.status = OrderStatus.SHIPPED
    with pytest.raises(InvalidTransition) as err:
        order.cancel("customer asked", by=1)
    assert str(err.value) == ("Order #1042 is already shipped and can't be cancelled; "
                              "create a return instead.")


def test_every_transition_records_a_timeline_event_with_actor():
    order = new_order()
    order.confirm(by=7)
    order.hold("check address", by=7)
    order.release(by=8)
    assert order.status == OrderStatus.AWAITING_FULFILMENT
    assert [(e.data["old"], e.data["new"], e.user_id) for e in order.events] == [
        ("pending_payment", "awaiting_fulfilment", 7), ("awaiting_fulfilment", "on_hold", 7),
        ("on_hold", "awaiting_fulfilment", 8)]


def test_terminal_states_have_no_way_out():
    for machine in (ORDER_MACHINE, PAYMENT_MACHINE, SHIPMENT_MACHINE, RETURN_MACHINE):
        for state in machine.terminal:
            assert machine.actions(state) == [], (machine.name, state)


def test_return_received_twice_is_refused():
    with pytest.raises(InvalidTransition, match="already been received"):
        RETURN_MACHINE.next(ReturnStatus.RECEIVED, "receive", subject="Return R1")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ACTIONS), max_size=30))
def test_random_command_sequences_keep_the_order_consistent(actions):
    """Whatever clerks click, terminal states stay terminal and every change is on the timeline."""
    order = new_order()
    for action in actions:
        before = order.status
        try:
            if action == "hold":
                order.hold("reason", by=1)
            elif action == "release":
                order.release(by=1)
            elif action == "cancel":
                order.cancel("reason", by=1)
            else:
                order.apply(action, by=1)
        except InvalidTransition:
            assert order.status == before  # a refusal changes nothing
            continue
        assert before not in ORDER_MACHINE.terminal
        if order.status == OrderStatus.ON_HOLD:
            assert order.hold_reason and order.status_before_hold
    changes = [e for e in order.events if e.kind == "status"]
    state = OrderStatus.PENDING_PAYMENT
    for event in changes:  # the timeline replays to the current state
        assert event.data["old"] == state
        state = event.data["new"]
    assert state == order.status


money = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 20), money, money), min_size=1, max_size=8), money, money, money)
def test_totals_add_up(lines, shipping, tax, discount):
    order = new_order()
    order.shipping, order.tax, order.discount = shipping, tax, discount
    for qty, price, line_discount in lines:
        line = OrderLine(sku="X", name="x", quantity=qty, unit_price=price,
                         discount=min(line_discount, price * qty))
        line.price()
        order.lines.append(line)
    expected = sum(l.total for l in order.lines) + shipping + tax - discount
    if expected < 0:
        with pytest.raises(ValidationError):
            order.recompute_totals()
        return
    order.recompute_totals()
    assert order.total == expected and order.total >= 0
    assert order.subtotal == sum(q * p - min(d, p * q) for q, p, d in lines)
    assert order.item_count == sum(q for q, _, _ in lines)


@settings(max_examples=200, deadline=None)
@given(money.filter(lambda m: m > 0), st.lists(money, max_size=5))
def test_refunds_never_report_more_than_paid(total, refunds):
    order = new_order()
    order.total = total
    order.payments.append(Payment(kind="charge", method="card", amount=total, currency="CNY",
                                  status=PaymentStatus.PAID))
    refunded = Decimal("0")
    for amount in refunds:
        if refunded + amount > total or amount == 0:
            continue  # services refuse these; the aggregate only sees valid refunds
        refunded += amount
        order.payments.append(Payment(kind="refund", method="card", amount=amount,
                                      currency="CNY", status=PaymentStatus.PAID))
    order.refresh_payment_status()
    assert order.amount_refunded == refunded <= order.amount_paid
    expected = (PaymentStatus.REFUNDED if refunded == total else
                PaymentStatus.PARTIALLY_REFUNDED if refunded else PaymentStatus.PAID)
    assert order.payment_status == expected
