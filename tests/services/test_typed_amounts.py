"""Amounts typed by a person are never rounded: more decimals than the currency has is refused
with a message that says so, and nothing is saved."""

import pytest
from sqlalchemy import func, select

from ordermgr.errors import ValidationError
from ordermgr.models import Order, Payment
from ordermgr.services.order_entry import LineInput, create_order
from ordermgr.services.orders import record_payment
from tests.factories import ADDRESS, build_catalog, place_order


def test_a_yen_amount_with_decimals_is_refused(uow):
    build_catalog(uow)
    with pytest.raises(ValidationError, match="JPY amounts are whole numbers"):
        _jpy_order(uow, "19.5")
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Order)) == 0


def test_a_payment_of_fractions_of_a_cent_is_refused_and_whole_yen_are_kept(uow):
    build_catalog(uow)
    cny = place_order(uow, {"TEA-01": 1})
    with pytest.raises(ValidationError, match="more than two decimals"):
        record_payment(uow, cny, amount="19.999", method="cash")
    jpy = _jpy_order(uow, "200")
    with pytest.raises(ValidationError, match="JPY amounts are whole numbers"):
        record_payment(uow, jpy, amount="19.5", method="cash")
    record_payment(uow, jpy, amount="1,980", method="cash")
    with uow:
        assert [p.amount for p in uow.session.scalars(select(Payment))] == [1980]


def _jpy_order(uow, shipping: str) -> int:
    return create_order(uow, lines=[LineInput("TEA-01", 1, unit_price="1980")], address=ADDRESS,
                        customer_name="山田太郎", currency="JPY", shipping=shipping)
