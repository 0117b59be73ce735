"""The one rounding rule (half up to the currency's minor unit) and the refusals of typed input."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordermgr.errors import ValidationError
from ordermgr.models.money import (CURRENCY_DECIMALS, MINOR_UNITS, check_currency, format_money,
                                   from_storage, plain_amount, round_minor, to_decimal, to_storage)
from ordermgr.sync.base import RemoteLine, RemoteOrder, RemotePayment, money

D = Decimal


@pytest.mark.parametrize("raw, currency, expected", [
    ("22.31858", "EUR", "22.32"), ("195.132", "CAD", "195.13"), ("76.239", "USD", "76.24"),
    ("0.125", "USD", "0.13"), ("0.135", "USD", "0.14"),  # half up, not half even
    ("-0.125", "USD", "-0.13"),  # away from zero, symmetric for refunds
    ("-6E-21", "JPY", "0.00"), ("1980.5", "JPY", "1981.00"), ("1979.4999", "JPY", "1979.00"),
    ("19.90", "CNY", "19.90"), ("3", "KRW", "3.00"),
    ("12.3455", "KWD", "12.346"), ("-12.3455", "KWD", "-12.346"), ("12.3", "KWD", "12.300"),
    ("-6E-21", "BHD", "0.000"), ("0.0004", "OMR", "0.000"), ("7", "JOD", "7.000"),
])
def test_round_minor_is_half_up_to_the_currency(raw, currency, expected):
    rounded = round_minor(D(raw), currency)
    assert rounded == D(expected) and str(rounded) == expected  # two places, never "-0.00"


@given(st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False,
                   places=6), st.sampled_from(sorted(CURRENCY_DECIMALS)))
def test_round_minor_is_idempotent_and_within_half_a_minor_unit(amount, currency):
    once = round_minor(amount, currency)
    assert round_minor(once, currency) == once
    unit = D(1).scaleb(-CURRENCY_DECIMALS[currency])
    assert abs(once - amount) <= unit / 2
    assert once == once.quantize(unit)  # exact to the currency


def test_payload_amounts_take_the_order_currency():
    assert money("22.31858", "EUR") == D("22.32")
    assert money(1980.4, "JPY") == D("1980.00")  # a JSON number, via its text
    assert money(None, "USD") == D("0.00") and money("", "USD") == D("0.00")
    with pytest.raises(ValueError, match="total 'NaN' is not a number"):
        money("NaN", "USD", what="total")


def test_round_amounts_makes_any_remote_order_importable():
    order = RemoteOrder(external_id="1", number="1", updated_at=None, placed_at=None,
                        currency="JPY", raw={}, payment="paid", fulfilment="unfulfilled",
                        lines=[RemoteLine("l", "SKU", "x", 1, D("1980.4"), D("0.6"))],
                        payments=[RemotePayment("p", "charge", D("1979.8"), "paid")],
                        tax=D("179.9997"), total=D("-6E-21"))
    order.round_amounts()
    assert (order.tax, order.total) == (D("180.00"), D("0.00"))
    assert (order.lines[0].unit_price, order.lines[0].discount) == (D("1980.00"), D("1.00"))
    assert order.payments[0].amount == D("1980.00")


@pytest.mark.parametrize("typed, currency, message", [
    ("19.5", "JPY", "has decimals, but JPY amounts are whole numbers"),
    ("19.999", "USD", "more than two decimals"),
    ("1.234", None, "more than two decimals"),
])
def test_typed_amounts_are_never_rounded(typed, currency, message):
    with pytest.raises(ValidationError, match=message):
        to_decimal(typed, currency)


def test_typed_amounts_within_the_currency_are_kept():
    assert to_decimal("1,980", "JPY") == D("1980.00")
    assert to_decimal("1980.00", "JPY") == D("1980.00")  # what an input field shows
    assert to_decimal("19.99", "USD") == D("19.99")


def test_three_decimal_currencies_are_accepted_to_the_thousandth():
    assert check_currency("kwd") == "KWD"
    assert {c for c, places in CURRENCY_DECIMALS.items() if places == 3} == {
        "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}
    assert str(to_decimal("12.345", "KWD")) == "12.345"
    assert str(to_decimal("1,234.5", "KWD")) == "1234.500"
    with pytest.raises(ValidationError, match="more than three decimals \\(the most KWD"):
        to_decimal("12.3456", "KWD")


@pytest.mark.parametrize("amount, currency, text", [
    ("12.345", "KWD", "12.345 KWD"), ("1234.5", "BHD", "1,234.500 BHD"), ("0", "OMR", "0.000 OMR"),
    ("1980", "JPY", "1,980 JPY"), ("19.9", "USD", "19.90 USD"), ("-3.25", "USD", "-3.25 USD"),
])
def test_format_money_shows_each_currency_s_decimals(amount, currency, text):
    assert format_money(D(amount), currency) == text


@pytest.mark.parametrize("stored, text", [
    (19900, "19.90"), (0, "0.00"), (-50, "-0.05"), (12345, "12.345"), (-1, "-0.001"),
    (1980000, "1980.00"),
])
def test_stored_thousandths_read_back_with_two_places_unless_they_need_three(stored, text):
    assert MINOR_UNITS == 1000
    assert str(from_storage(stored)) == text


@given(st.sampled_from(sorted(CURRENCY_DECIMALS)), st.integers(min_value=-10**15, max_value=10**15))
def test_storage_round_trips_every_amount_of_the_currency(currency, units):
    places = CURRENCY_DECIMALS[currency]
    amount = D(units).scaleb(-places)  # any amount with the currency's decimals (or fewer)
    stored = to_storage(amount)
    assert isinstance(stored, int) and from_storage(stored) == amount
    assert from_storage(to_storage(from_storage(stored))) == from_storage(stored)
    if places < 3:  # two-decimal output stays exactly as it always was
        assert str(from_storage(stored)) == str(amount.quantize(D("0.01")))


def test_storage_refuses_a_fourth_decimal():
    with pytest.raises(ValueError, match="more than three decimals"):
        to_storage(D("1.2345"))


def test_one_formatter_per_currency():
    assert format_money(D("1980.00"), "JPY") == "1,980 JPY"
    assert format_money(D("1234.5"), "USD") == "1,234.50 USD"
    assert format_money(None, "USD") == ""
    assert plain_amount(D("1980.00"), "JPY") == "1980" and plain_amount(D("5"), "EUR") == "5.00"


def test_dinar_limits_are_lower_and_every_limit_fits_a_bigint_in_thousandths():
    from ordermgr.models.limits import ABSOLUTE_MAX_AMOUNT, check_amount, max_amount
    assert max_amount("KWD") < max_amount("USD") < max_amount("IQD")
    with pytest.raises(ValidationError, match="more than the limit of 10,000,000 KWD"):
        check_amount(D("10000000.001"), "KWD")
    assert check_amount(D("9999999.999"), "KWD") == D("9999999.999")
    # even a thousand of the largest amounts summed stays inside BIGINT
    assert to_storage(ABSOLUTE_MAX_AMOUNT) * 1000 < 2**63
