"""Domain rules of after-sales cases: the return machine, returnable quantities, refund quotes."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordermgr.errors import InvalidTransition, ValidationError
from ordermgr.models.states import REFUND_LIVE_STATES
from ordermgr.models.returns import (ReturnCase, check_returnable, line_refund_value, quote_refund)
from ordermgr.models.states import RETURN_MACHINE, ReturnStatus
from ordermgr.services.refunds import PaymentRoom, Refundable, allocate

ACTIONS = sorted({a for (_, a) in RETURN_MACHINE.transitions})


def test_a_closed_case_refuses_every_action_with_a_clear_sentence():
    case = ReturnCase(number="RMA1", status=ReturnStatus.CLOSED, history=[])
    for action in ACTIONS:
        with pytest.raises(InvalidTransition, match="Return RMA1"):
            case.apply(action, by=None)
    assert case.status == "closed" and case.history == []


@given(st.lists(st.sampled_from(ACTIONS), max_size=30))
def test_terminal_states_stay_terminal_whatever_is_tried(actions):
    case = ReturnCase(number="RMA2", status=ReturnStatus.REQUESTED, history=[])
    reached_terminal = None
    for action in actions:
        if case.can(action):
            case.apply(action, by=1)
        if reached_terminal is None and case.status in RETURN_MACHINE.terminal:
            reached_terminal = case.status
    if reached_terminal is not None:
        assert case.status == reached_terminal
    assert all(h["to"] == RETURN_MACHINE.transitions[(h["from"], h["action"])] for h in case.history)


def test_refusals_name_the_case_and_say_what_to_do():
    case = ReturnCase(number="RMA3", status=ReturnStatus.AWAITING_GOODS, history=[])
    with pytest.raises(InvalidTransition, match="RMA3 is waiting for the goods; receive and inspect"):
        case.apply("refund", by=None)


def test_returnable_is_shipped_minus_already_returned():
    check_returnable(3, 1, 2, what="TEA-01")
    with pytest.raises(ValidationError, match="TEA-01: only 2 can be returned"):
        check_returnable(3, 1, 3, what="TEA-01")
    with pytest.raises(ValidationError, match="at least 1"):
        check_returnable(3, 0, 0, what="TEA-01")


def test_line_values_never_add_up_to_more_than_the_line():
    total = Decimal("10.00")  # 3 units, 3.33 each, the last unit takes the odd cent
    assert line_refund_value(total, 3, 1) == Decimal("3.33")
    assert line_refund_value(total, 3, 3) == total


def test_quote_adds_shipping_takes_the_fee_and_is_capped_by_what_is_refundable():
    quote = quote_refund([(Decimal("39.80"), 2, 2)], shipping=Decimal("8.00"), include_shipping=True,
                         restocking_fee=Decimal("5.00"), paid=Decimal("47.80"),
                         already_refunded=Decimal("10.00"))
    assert quote.gross == Decimal("42.80") and quote.refundable == Decimal("37.80")
    assert quote.proposed == Decimal("37.80")


@given(st.lists(st.integers(0, 5000), min_size=1, max_size=4), st.integers(1, 20000))
def test_allocation_never_exceeds_a_payment_or_the_total(paid_cents, wanted_cents):
    rooms = tuple(PaymentRoom(i + 1, "card", "", "", Decimal(c) / 100, Decimal("0.00"))
                  for i, c in enumerate(paid_cents))
    room = Refundable(1, "M1", "CNY", sum((r.paid for r in rooms), Decimal("0")), Decimal("0.00"), rooms)
    wanted = Decimal(wanted_cents) / 100
    try:
        parts = allocate(room, wanted)
    except ValidationError as exc:
        assert wanted > room.total and "Order #M1: cannot refund" in str(exc)
        return
    assert sum(a for _, a in parts) == wanted
    assert all(0 < a <= p.room for p, a in parts)


def test_live_refund_states_are_the_ones_that_count():
    assert REFUND_LIVE_STATES == {"requested", "pushed", "confirmed", "paid_elsewhere"}
