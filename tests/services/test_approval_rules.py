"""The one approval rule: limits kept in one currency and compared through the stored rates,
fee and shipping edits at approval saved and paid, and the form's verdict equal to the
service's (SQLite and PostgreSQL)."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.errors import PermissionDenied, ValidationError
from ordermgr.models import AuditEntry, ReturnCase
from ordermgr.models.aftersales import Refund
from ordermgr.reports.rates import set_exchange_rate
from ordermgr.services import aftersales as cs
from ordermgr.services.aftersales import CaseLineInput
from tests.factories import build_catalog
from tests.services.aftersales_helpers import agents, shipped_order

D = Decimal


def usd_case(uow, ann, units: int) -> int:
    """A USD order of `units` × TEA-01 at 19.90 USD, shipped and paid; ann asks to return all."""
    order_id = shipped_order(uow, {"TEA-01": units}, currency="USD", prices={"TEA-01": "19.90"})
    return cs.open_case(ann, order_id, kind="return_refund",
                        lines=[CaseLineInput(units, "defective", sku="TEA-01")])


def snapshot(uow, case_id):
    with uow:
        case = uow.session.get(ReturnCase, case_id)
        refunds = uow.session.scalar(select(func.count()).select_from(Refund))
        return case.status, case.version, case.refund_amount, case.restocking_fee, refunds


def test_a_usd_refund_is_compared_with_the_cny_limit_through_the_stored_rate(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, bob, sue = agents(engine)
    small, large = usd_case(uow, ann, 1), usd_case(uow, ann, 2)  # 19.90 and 39.80 USD
    with pytest.raises(PermissionDenied, match="no exchange rate from USD to CNY"):
        cs.approve_case(bob, small)
    assert snapshot(uow, small)[0] == "requested"
    set_exchange_rate(uow, currency="USD", base_currency="CNY", rate="7.20", valid_from=date(2020, 1, 1))
    before = snapshot(uow, large)
    # 39.80 USD is 286.56 CNY: above the agent's 200.00 CNY although 39.80 < 200
    with pytest.raises(PermissionDenied, match=r"asks 39.80 USD ≈ 286.56 CNY, above your 200.00 CNY "
                                               r"limit \(bob, agent\)"):
        cs.approve_case(bob, large)
    assert snapshot(uow, large) == before
    with engine.connect() as conn:
        assert [r.id for r in cs.case_rows(conn, "awaiting_approval")] == [large]
        assert [r.id for r in cs.case_rows(conn, "new")] == [small]
        counts = cs.case_counts(conn)
        assert (counts["new"], counts["awaiting_approval"]) == (1, 1)
    cs.approve_case(bob, small)  # 19.90 USD = 143.28 CNY
    cs.approve_case(sue, large)  # the supervisor's 5,000.00 CNY
    assert snapshot(uow, small)[0] == snapshot(uow, large)[0] == "awaiting_goods"


def test_the_inverse_rate_serves_when_only_the_opposite_direction_is_stored(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, bob, _ = agents(engine)
    case_id = usd_case(uow, ann, 2)
    set_exchange_rate(uow, currency="CNY", base_currency="USD", rate="0.125", valid_from=date(2020, 1, 1))
    with pytest.raises(PermissionDenied, match=r"39.80 USD ≈ 318.40 CNY"):
        cs.approve_case(bob, case_id)


def test_limits_kept_in_usd_convert_a_cny_refund(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, bob, _ = agents(engine)
    cs.set_limit_currency(uow, "USD")
    cs.set_approval_limit(uow, "agent", "20.00")
    set_exchange_rate(uow, currency="USD", base_currency="CNY", rate="7.00", valid_from=date(2020, 1, 1))
    order_id = shipped_order(uow, {"TEA-01": 8})  # 159.20 CNY = 22.74 USD
    case_id = cs.open_case(ann, order_id, kind="return_refund",
                           lines=[CaseLineInput(8, "defective", sku="TEA-01")])
    with pytest.raises(PermissionDenied, match=r"159.20 CNY ≈ 22.74 USD, above your 20.00 USD limit"):
        cs.approve_case(bob, case_id)
    cs.approve_case(bob, case_id, amount="139.30", amount_reason="one tin kept")  # 19.90 USD
    assert snapshot(uow, case_id)[::2] == ("awaiting_goods", D("139.30"), 0)


def test_fee_and_shipping_changed_at_approval_are_saved_audited_and_paid(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, bob, sue = agents(engine)
    order_id = shipped_order(uow, {"TEA-01": 5}, shipping="12.00")  # goods 99.50 + 12.00
    case_id = cs.open_case(ann, order_id, kind="return_refund",
                           lines=[CaseLineInput(5, "changed_mind", sku="TEA-01")])
    assert snapshot(uow, case_id)[2] == D("99.50")
    cs.approve_case(sue, case_id, restocking_fee="10.00", refund_shipping=True)
    assert snapshot(uow, case_id)[2:4] == (D("101.50"), D("10.00"))  # 99.50 + 12.00 - 10.00
    with uow:
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "return.approve"))
        assert entry.details["changed"] == {"amount": ["99.50", "101.50"], "fee": ["0.00", "10.00"],
                                            "shipping": [False, True]}
    cs.receive_case(uow, case_id, scanned=["TEA-01"] * 5)
    with uow:
        line_id = uow.session.get(ReturnCase, case_id).lines[0].id
    cs.inspect_case(uow, case_id, results={line_id: "sellable"})
    cs.refund_case(sue, case_id, reference="ALIPAY-R-9")
    with uow:
        assert uow.get_order(order_id).amount_refunded == D("101.50")


def test_a_fee_above_the_refund_is_refused_and_nothing_changes(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, _, sue = agents(engine)
    order_id = shipped_order(uow, {"TEA-01": 2})
    case_id = cs.open_case(ann, order_id, kind="return_refund",
                           lines=[CaseLineInput(2, "changed_mind", sku="TEA-01")])
    before = snapshot(uow, case_id)
    with pytest.raises(ValidationError, match=r"Return RMA\d+ on order #\S+: the restocking fee "
                                              r"50.00 CNY is more than the goods and shipping refunded "
                                              r"\(39.80 CNY\)"):
        cs.approve_case(sue, case_id, restocking_fee="50.00")
    assert snapshot(uow, case_id) == before
    with pytest.raises(ValidationError, match="restocking fee 45.00 CNY is more than"):
        cs.open_case(ann, order_id, kind="refund_only", reason="goodwill", restocking_fee="45.00",
                     refund_amount="1.00", amount_reason="x")


def test_a_refund_above_what_is_refundable_names_order_amount_and_limit_in_jpy(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, _, sue = agents(engine)
    order_id = shipped_order(uow, {"TEA-01": 3}, currency="JPY", prices={"TEA-01": "1980"})
    with pytest.raises(ValidationError, match="JPY amounts are whole numbers"):
        cs.open_case(ann, order_id, kind="refund_only", reason="goodwill", refund_amount="10.50",
                     amount_reason="x")
    with pytest.raises(ValidationError, match=r"Order #\S+: cannot refund 6,000 JPY; only 5,940 JPY "
                                              r"is refundable \(paid 5,940 JPY, already refunded 0 JPY\)"):
        cs.open_case(ann, order_id, kind="refund_only", reason="goodwill", refund_amount="6000",
                     amount_reason="x")
    # 2 of 3 units at 1,980 JPY less a 100 JPY fee: whole yen all the way
    case_id = cs.open_case(ann, order_id, kind="return_refund", restocking_fee="100",
                           lines=[CaseLineInput(2, "defective", sku="TEA-01")])
    assert snapshot(uow, case_id)[2:4] == (D("3860.00"), D("100.00"))
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(ReturnCase)) == 1


def test_the_forms_verdict_is_the_services_for_an_own_request(engine, uow):
    """The own-request cap: the form used to say OK where the service refused."""
    build_catalog(uow, {"TEA-01": (50, 0)})
    ann, _, sue = agents(engine)
    cs.set_approval_limit(uow, "supervisor", "5000.00")
    order_id = shipped_order(uow, {"TEA-01": 15})  # 298.50 CNY
    case_id = cs.open_case(sue, order_id, kind="return_refund",
                           lines=[CaseLineInput(15, "defective", sku="TEA-01")])
    with Session(engine) as session:
        form = cs.approval_form_data(session, order_id, sue.actor, case_id=case_id)
    problems = form.rule.check(D("298.50"), computed=D("298.50"), goods=D("298.50"),
                               shipping=D("0.00"), fee=D("0.00"))
    assert [p.text for p in problems] == [
        f"Return RMA0000001 on order #{form.order_number} asks 298.50 CNY; you opened it yourself "
        "and may approve your own requests only up to 200.00 CNY. Ask a supervisor to approve it."]
    with pytest.raises(PermissionDenied) as refused:
        cs.approve_case(sue, case_id)
    assert str(refused.value) == problems[0].text
