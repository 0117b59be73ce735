"""Property test through the services (SQLite and PostgreSQL): whatever fee and shipping the
approver sets, in CNY, USD or JPY, the money paid back is goods + shipping - fee, never above
what was paid, per payment and in total; a fee above the refund is refused and changes nothing."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordermgr.errors import ValidationError
from ordermgr.models import ReturnCase
from ordermgr.models.money import minor_unit
from ordermgr.models.returns import line_refund_value
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds
from ordermgr.services.aftersales import CaseLineInput
from tests.conftest import uow_for
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order

PRICE = {"CNY": "19.90", "USD": "19.90", "JPY": "1980"}
SHIPPING = {"CNY": "12.00", "USD": "7.50", "JPY": "800"}


def test_the_refund_paid_is_goods_plus_shipping_minus_fee_in_every_currency(engine, uow):
    build_catalog(uow, {"TEA-01": (100_000, 0)})
    ann = uow_for(engine, "ann", "agent")  # opens; the admin approves (no limit to convert)

    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    @given(currency=st.sampled_from(sorted(PRICE)), units=st.integers(1, 4), data=st.data(),
           with_shipping=st.booleans(), split=st.booleans())
    def check(currency, units, data, with_shipping, split):
        returned = data.draw(st.integers(1, units))
        unit = minor_unit(currency)
        total_goods = Decimal(PRICE[currency]) * units
        total = total_goods + Decimal(SHIPPING[currency])
        first = (total / 3).quantize(unit) if split else total
        payments = [(str(first), "alipay")] + ([(str(total - first), "wechat_pay")] if split else [])
        order_id = shipped_order(uow, {"TEA-01": units}, currency=currency, prices={"TEA-01": PRICE[currency]},
                                 shipping=SHIPPING[currency], payments=payments)
        case_id = cs.open_case(ann, order_id, kind="return_refund",
                               lines=[CaseLineInput(returned, "changed_mind", sku="TEA-01")])
        goods = line_refund_value(total_goods, units, returned, currency)
        room = goods + (Decimal(SHIPPING[currency]) if with_shipping else 0)
        fee = data.draw(st.integers(0, int(room / unit) + 3)) * unit
        if fee > room:
            try:
                cs.approve_case(uow, case_id, restocking_fee=str(fee), refund_shipping=with_shipping)
            except ValidationError as exc:
                assert "is more than the goods and shipping refunded" in str(exc)
            else:
                raise AssertionError("a fee above the refund was accepted")
            with uow:
                case = uow.session.get(ReturnCase, case_id)
                assert (case.status, case.restocking_fee) == ("requested", 0)
            return
        cs.approve_case(uow, case_id, restocking_fee=str(fee), refund_shipping=with_shipping)
        expected = room - fee
        with uow:
            case = uow.session.get(ReturnCase, case_id)
            assert case.refund_amount == expected and case.restocking_fee == fee
            line_id = case.lines[0].id
        cs.receive_case(uow, case_id, quantities={line_id: returned})
        cs.inspect_case(uow, case_id, results={line_id: "sellable"})
        if expected > 0:
            cs.refund_case(uow, case_id, reference="BANK-R")
        with uow:
            assert uow.get_order(order_id).amount_refunded == expected
            money = refunds.refundable(uow.session, order_id)
            assert money.refunded == expected <= money.paid
            for p in money.payments:
                assert 0 <= p.refunded <= p.paid and p.refunded % unit == 0

    check()
