"""Property tests of what a case refunds: refund = goods + shipping - fee - already refunded,
never above what was paid, per payment and in total, in the currency's own minor unit (JPY in
whole yen); and the approval rule refuses exactly what breaks those bounds."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ordermgr.models.money import minor_unit
from ordermgr.models.returns import line_refund_value, quote_refund
from ordermgr.services.approval_rules import Rule
from ordermgr.services.refunds import PaymentRoom, Refundable, allocate

ZERO = Decimal("0.00")
CURRENCIES = ("CNY", "USD", "JPY", "EUR", "KRW")


def amount(currency: str, minor: int) -> Decimal:
    return (minor * minor_unit(currency)).quantize(Decimal("0.01"))


@st.composite
def orders(draw):
    currency = draw(st.sampled_from(CURRENCIES))
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        quantity = draw(st.integers(1, 7))
        total = amount(currency, draw(st.integers(0, 500_000)))
        lines.append((total, quantity, draw(st.integers(0, quantity))))
    shipping = amount(currency, draw(st.integers(0, 5_000)))
    paid_parts = [amount(currency, draw(st.integers(1, 300_000))) for _ in range(draw(st.integers(1, 3)))]
    refunded_parts = [amount(currency, draw(st.integers(0, int(p / minor_unit(currency)))))
                      for p in paid_parts]
    fee = amount(currency, draw(st.integers(0, 20_000)))
    return currency, lines, shipping, draw(st.booleans()), fee, paid_parts, refunded_parts


@settings(max_examples=300, deadline=None)
@given(orders())
def test_the_refund_is_goods_plus_shipping_minus_fee_minus_refunded_within_every_payment(order):
    currency, lines, shipping, with_shipping, fee, paid_parts, refunded_parts = order
    paid, refunded = sum(paid_parts, ZERO), sum(refunded_parts, ZERO)
    quote = quote_refund(lines, shipping=shipping, include_shipping=with_shipping,
                         restocking_fee=fee, paid=paid, already_refunded=refunded, currency=currency)
    unit = minor_unit(currency)
    for total, quantity, returned in lines:
        value = line_refund_value(total, quantity, returned, currency)
        assert value % unit == 0 and ZERO <= value <= total
        if returned == quantity:
            assert value == total
    assert quote.lines % unit == 0
    goods_and_shipping = quote.lines + (shipping if with_shipping else ZERO)
    assert quote.proposed == max(min(goods_and_shipping - fee, paid - refunded), ZERO)
    assert quote.proposed % unit == 0
    assert quote.proposed + refunded <= paid
    if quote.proposed > 0:
        room = Refundable(1, "1001", currency, paid, refunded, tuple(
            PaymentRoom(i + 1, "alipay", f"P{i}", "", p, r)
            for i, (p, r) in enumerate(zip(paid_parts, refunded_parts))))
        parts = allocate(room, quote.proposed)
        assert sum((part for _, part in parts), ZERO) == quote.proposed
        for payment, part in parts:
            assert ZERO < part <= payment.paid - payment.refunded and part % unit == 0


@settings(max_examples=300, deadline=None)
@given(orders(), st.integers(-5, 600_000))
def test_the_rule_refuses_exactly_what_is_beyond_the_refundable_or_below_zero(order, typed):
    currency, lines, shipping, with_shipping, fee, paid_parts, refunded_parts = order
    paid, refunded = sum(paid_parts, ZERO), sum(refunded_parts, ZERO)
    quote = quote_refund(lines, shipping=shipping, include_shipping=with_shipping,
                         restocking_fee=fee, paid=paid, already_refunded=refunded, currency=currency)
    rule = Rule("Order #1001", currency, paid, refunded, None, currency, Decimal(1))
    asked = amount(currency, typed)
    problems = [p.text for p in rule.check(asked, computed=quote.proposed, goods=quote.lines,
                                           shipping=quote.shipping, fee=fee, reason="typed")]
    too_much = asked > paid - refunded
    assert any("cannot refund" in p for p in problems) == too_much
    assert any("can't be negative" in p for p in problems) == (asked < 0)
    assert any("restocking fee" in p for p in problems) == (fee > quote.lines + quote.shipping)
    assert all(p.startswith("Order #1001: ") for p in problems)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CURRENCIES), st.sampled_from(("CNY", "USD", "JPY")), st.integers(1, 10_000_000),
       st.decimals("0.00001", "1000", places=5), st.integers(0, 1_000_000), st.booleans())
def test_the_limit_is_compared_after_conversion_and_never_across_currencies(
        currency, limit_currency, minor, rate, limit_minor, rate_known):
    asked, limit = amount(currency, minor), amount(limit_currency, limit_minor)
    rate = Decimal(1) if currency == limit_currency else (rate if rate_known else None)
    rule = Rule("Order #1001", currency, asked, ZERO, limit, limit_currency, rate, approver="bob, agent")
    problem = rule.limit_problem(asked)
    if rate is None:
        assert problem is not None and problem.code == "missing_rate"
        assert f"no exchange rate from {currency} to {limit_currency}" in problem.text
        return
    converted = (asked * rate).quantize(minor_unit(limit_currency), rounding="ROUND_HALF_UP")
    assert (problem is not None) == (converted > limit)
    if problem is not None:
        assert problem.permission and problem.code == "above_limit"
        if currency != limit_currency:
            assert " ≈ " in problem.text
