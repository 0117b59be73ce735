import pytest
from sqlalchemy import func, select

from ordermgr.errors import InvalidTransition, PermissionDenied, ValidationError
from ordermgr.models import AuditEntry, Order, OutboxMessage, ReturnCase, StockMovement
from ordermgr.models.aftersales import CaseAttachment
from ordermgr.services import aftersales as cs
from ordermgr.services import payments, refunds
from ordermgr.services.aftersales import CaseLineInput
from tests.factories import build_catalog
from tests.services.aftersales_helpers import agents, d, level, shipped_order, storefront


def case_state(uow, case_id):
    with uow:
        case = uow.session.get(ReturnCase, case_id)
        return case.status, case.version


def line_ids(uow, order_id):
    with uow:
        return {ol.sku: ol.id for ol in uow.get_order(order_id).lines}


def test_a_return_goes_from_request_to_refund_with_stock_and_timeline(engine, uow):
    cat = build_catalog(uow)
    ann, bob, sue = agents(engine)
    order_id = shipped_order(uow, {"TEA-01": 3, "CUP-02": 1})  # 3 × 19.90 + 19.90 = 79.60
    case_id = cs.open_case(ann, order_id, kind="return_refund", lines=[
        CaseLineInput(2, "damaged", sku="TEA-01", note="box crushed"),
        CaseLineInput(1, "changed_mind", sku="CUP-02")])
    with ann:
        case = ann.session.get(ReturnCase, case_id)
        assert case.status == "requested" and case.refund_amount == d("59.70")
        assert case.due_at > case.requested_at
    cs.approve_case(bob, case_id, note="ok")  # 59.70 is within the agent limit of 200.00
    assert case_state(uow, case_id)[0] == "awaiting_goods"
    with engine.connect() as conn:
        assert cs.find_case_id(conn, "NO-SUCH-CODE") is None
        number = conn.execute(select(Order.number).where(Order.id == order_id)).scalar()
        assert cs.find_case_id(conn, number) == case_id
    cs.receive_case(uow, case_id, scanned=["TEA-01", "6900000000000", "CUP-02"])  # SKU or barcode
    with uow:
        lines = {line.order_line_id: line.id for line in uow.session.get(ReturnCase, case_id).lines}
    ids = line_ids(uow, order_id)
    before_tea = level(uow, cat.skus["TEA-01"], cat.main)
    cs.inspect_case(uow, case_id, results={lines[ids["TEA-01"]]: "sellable",
                                           lines[ids["CUP-02"]]: "damaged"})
    assert level(uow, cat.skus["TEA-01"], cat.main)[0] == before_tea[0] + 2
    with uow:
        kinds = uow.session.scalars(select(StockMovement.kind).where(
            StockMovement.ref_type == "return", StockMovement.ref_id == case_id)).all()
        assert sorted(kinds) == ["receive", "receive", "write_off"]
    numbers = cs.refund_case(bob, case_id, reference="ALIPAY-R-1")
    assert len(numbers) == 1
    cs.close_case(uow, case_id, note="done")
    with uow:
        order = uow.get_order(order_id)
        case = uow.session.get(ReturnCase, case_id)
        assert case.status == "closed"
        assert [h["action"] for h in case.history][:2] == ["open", "approve"]
        assert order.amount_refunded == d("59.70") and order.payment_status == "partially_refunded"
        assert {ol.sku: ol.quantity_returned for ol in order.lines} == {"TEA-01": 2, "CUP-02": 1}
        messages = [e.message for e in order.events if e.kind == "return"]
        assert any("opened" in m for m in messages) and any("Inspected" in m for m in messages)
        audited = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "return")).all()
        assert {"return.open", "return.approve", "return.receive", "return.inspect",
                "return.refund", "return.close"} <= set(audited)
    with pytest.raises(InvalidTransition, match="closed"):
        cs.cancel_case(uow, case_id, reason="oops")


def test_return_of_more_than_shipped_is_refused_and_nothing_is_written(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    cs.open_case(uow, order_id, kind="return_refund", lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    with pytest.raises(ValidationError, match=r"Order #\S+, TEA-01: only 1 can be returned"):
        cs.open_case(uow, order_id, kind="return_refund", lines=[CaseLineInput(2, "damaged", sku="TEA-01")])
    with pytest.raises(ValidationError, match="is not a reason code"):
        cs.open_case(uow, order_id, kind="return_refund", lines=[CaseLineInput(1, "bogus", sku="TEA-01")])
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(ReturnCase)) == 1


def test_approval_above_ones_limit_is_refused_and_the_case_keeps_its_state(engine, uow):
    build_catalog(uow, {"TEA-01": (30, 0)})
    ann, bob, sue = agents(engine)
    order_id = shipped_order(uow, {"TEA-01": 15})  # 298.50, above the agent limit of 200.00
    case_id = cs.open_case(ann, order_id, kind="return_refund",
                           lines=[CaseLineInput(15, "defective", sku="TEA-01")])
    state = case_state(uow, case_id)
    with pytest.raises(PermissionDenied, match=r"Return RMA\d+ on order #\S+ asks 298.50 CNY, above your 200.00 CNY limit \(bob, agent\)"):
        cs.approve_case(bob, case_id, expected_version=state[1])
    with pytest.raises(PermissionDenied, match="opened it yourself"):
        cs.approve_case(ann, case_id)
    assert case_state(uow, case_id) == state
    with pytest.raises(ValidationError, match="give a reason"):
        cs.approve_case(sue, case_id, amount="150.00")
    cs.approve_case(sue, case_id, expected_version=state[1])
    assert case_state(uow, case_id)[0] == "awaiting_goods"
    with uow:
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "return.approve"))
        assert entry.user_id == sue.actor.user_id and entry.details["amount"] == "298.50"


def test_receiving_twice_and_scanning_an_item_not_on_the_case_are_refused(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2, "CUP-02": 1})
    case_id = cs.open_case(uow, order_id, kind="return_refund",
                           lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    cs.approve_case(uow, case_id)
    state = case_state(uow, case_id)
    with pytest.raises(ValidationError, match=r"CUP-02 is not on return RMA\d+ for order #\S+"):
        cs.receive_case(uow, case_id, scanned=["TEA-01", "CUP-02"])
    with pytest.raises(ValidationError, match="expects 1 × TEA-01; 2 were scanned"):
        cs.receive_case(uow, case_id, scanned=["TEA-01", "TEA-01"])
    assert case_state(uow, case_id) == state
    cs.receive_case(uow, case_id, scanned=["TEA-01"])
    with pytest.raises(InvalidTransition, match=r"Return RMA\d+ \(order #\S+\) has already been received"):
        cs.receive_case(uow, case_id, scanned=["TEA-01"])
    with uow:
        assert {ol.sku: ol.quantity_returned for ol in uow.get_order(order_id).lines}["TEA-01"] == 1


def test_refund_above_refundable_is_refused_with_order_and_amount(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 1})  # 19.90 paid
    with pytest.raises(ValidationError, match=r"Order #\S+: cannot refund 25.00 CNY; only 19.90 CNY"):
        cs.open_case(uow, order_id, kind="refund_only", reason="goodwill", refund_amount="25.00",
                     amount_reason="sorry")
    cs.quick_refund(uow, order_id, amount="10.00", reason="late_delivery", reference="R1")
    with pytest.raises(ValidationError, match=r"cannot refund 10.00 CNY; only 9.90 CNY is refundable"):
        cs.quick_refund(uow, order_id, amount="10.00", reason="goodwill", reference="R2")
    with uow:
        assert uow.get_order(order_id).amount_refunded == d("10.00")
        assert uow.session.scalar(select(func.count()).select_from(ReturnCase)) == 1


def test_refund_splits_over_several_payments_and_checks_each(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, payments=[("30.00", "alipay"), ("9.80", "bank_transfer")])
    with uow:
        room = refunds.refundable(uow.session, order_id)
    by_method = {p.method: p.charge_id for p in room.payments}
    assert room.total == d("39.80")
    with pytest.raises(ValidationError, match="can take back at most 9.80 CNY, not 12.00 CNY"):
        cs.quick_refund(uow, order_id, amount="20.00", reason="goodwill", reference="X",
                        split={by_method["alipay"]: "8.00", by_method["bank_transfer"]: "12.00"})
    with pytest.raises(ValidationError, match="enter the bank, cash or gateway reference"):
        cs.quick_refund(uow, order_id, amount="20.00", reason="goodwill",
                        split={by_method["alipay"]: "10.20", by_method["bank_transfer"]: "9.80"})
    cs.quick_refund(uow, order_id, amount="20.00", reason="goodwill", reference="BANK-77",
                    split={by_method["alipay"]: "10.20", by_method["bank_transfer"]: "9.80"})
    with uow:
        room = refunds.refundable(uow.session, order_id)
    rooms = {p.method: p.room for p in room.payments}
    assert rooms == {"alipay": d("19.80"), "bank_transfer": d("0.00")}
    with engine.connect() as conn:
        lines = refunds.order_payments(conn, order_id)
    assert [(p.kind, p.method, p.status) for p in lines][-2:] == [("refund", "alipay", "paid"),
                                                                 ("refund", "bank_transfer", "paid")]


def test_storefront_refund_goes_through_the_outbox_and_a_rejection_keeps_the_case(engine, uow):
    build_catalog(uow)
    store = storefront(uow)
    order_id = shipped_order(uow, {"TEA-01": 1}, storefront=store)
    case_id = cs.open_case(uow, order_id, kind="refund_only", reason="late_delivery",
                           refund_amount="5.00", amount_reason="late")
    cs.approve_case(uow, case_id)
    [number] = cs.refund_case(uow, case_id)
    with uow:
        message = uow.session.scalar(select(OutboxMessage).where(OutboxMessage.topic == "refund"))
        refund_id = message.payload["refund_id"]
        assert message.idempotency_key == f"{store}:refund:{refund_id}"
        assert message.payload["amount"] == "5.00" and message.payload["refund_number"] == number
        assert uow.get_order(order_id).amount_refunded == 0  # pending until the storefront says so
    assert case_state(uow, case_id)[0] == "approved"
    with engine.connect() as conn:
        assert cs.case_counts(conn)["refunds_pending"] == 1
        assert [r.outbox for r in refunds.refund_rows(conn, status="requested")] == ["pending"]
    with pytest.raises(InvalidTransition, match="already refunded: 5.00 CNY of the approved 5.00 CNY"):
        cs.refund_case(uow, case_id)
    refunds.push_failed(uow, refund_id, reason="gateway declined", final=True)
    assert case_state(uow, case_id)[0] == "approved"
    with engine.connect() as conn:
        assert cs.case_counts(conn)["refunds_failed"] == 1
    with pytest.raises(ValidationError, match=f"refund {number} of 5.00 CNY failed \\(gateway declined\\)"):
        cs.refund_case(uow, case_id)  # not a second refund beside the failed one
    refunds.retry(uow, refund_id)  # the same refund, the same idempotency key
    with uow:
        messages = uow.session.scalars(select(OutboxMessage).where(OutboxMessage.topic == "refund")).all()
        assert [(m.status, m.attempts) for m in messages] == [("pending", 0)]
    refunds.push_succeeded(uow, refund_id, external_id="shop-r-9")
    assert case_state(uow, case_id)[0] == "refunded"
    with uow:
        assert uow.get_order(order_id).amount_refunded == d("5.00")


def test_storefront_refund_pulled_after_a_local_refund_does_not_double_it(engine, uow):
    build_catalog(uow)
    store = storefront(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, storefront=store)
    case_id = cs.open_case(uow, order_id, kind="refund_only", reason="goodwill",
                           refund_amount="7.00", amount_reason="sorry")
    cs.approve_case(uow, case_id)
    cs.refund_case(uow, case_id)
    first = refunds.record_storefront_refund(uow, order_id, external_id="gid://Refund/1",
                                              amount="7.00", lines=[], at=None)
    again = refunds.record_storefront_refund(uow, order_id, external_id="gid://Refund/1",
                                              amount="7.00", lines=[], at=None)
    assert first == again
    assert case_state(uow, case_id)[0] == "refunded"
    # a refund made only in the storefront becomes its own (approved, refunded) case
    other = refunds.record_storefront_refund(uow, order_id, external_id="gid://Refund/2",
                                              amount="3.00", lines=[{"sku": "TEA-01", "quantity": 1}])
    with uow:
        order = uow.get_order(order_id)
        assert order.amount_refunded == d("10.00")
        cases = uow.session.scalars(select(ReturnCase).where(ReturnCase.order_id == order_id)
                                    .order_by(ReturnCase.id)).all()
        assert [c.status for c in cases] == ["refunded", "awaiting_goods"]
        assert cases[1].external_id == "gid://Refund/2"
    assert other != first


def test_exchange_reserves_the_new_goods_and_refunds_a_cheaper_difference(engine, uow):
    cat = build_catalog(uow)
    from ordermgr.services import catalog
    cheap = catalog.create_sku(uow, product="Small cup", code="CUP-S", price="9.90", currency="CNY")
    from ordermgr.services import stock
    with uow:
        stock.move(uow, cheap, cat.main, "receive", on_hand=5, reason="opening")
        uow.commit()
    order_id = shipped_order(uow, {"CUP-02": 1})  # 19.90
    case_id = cs.open_case(uow, order_id, kind="exchange", lines=[CaseLineInput(1, "size_fit", sku="CUP-02")])
    cs.approve_case(uow, case_id)
    with uow:
        line_id = uow.session.get(ReturnCase, case_id).lines[0].id
    cs.receive_case(uow, case_id, quantities={line_id: 1})
    cs.inspect_case(uow, case_id, results={line_id: "sellable"})
    new_id = cs.exchange_case(uow, case_id, lines=[("CUP-S", 1)], reference="ALI-DIFF")
    assert level(uow, cheap, cat.main) == (5, 1)
    with uow:
        new = uow.get_order(new_id)
        assert new.status == "allocated" and new.total == 0 and new.number.endswith("-X1")
        assert uow.session.get(ReturnCase, case_id).replacement_order_id == new_id
        assert uow.get_order(order_id).amount_refunded == d("10.00")
    assert case_state(uow, case_id)[0] == "exchanged"


def test_exchange_for_dearer_goods_leaves_the_difference_to_pay(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"CUP-02": 1})
    case_id = cs.open_case(uow, order_id, kind="exchange", lines=[CaseLineInput(1, "size_fit", sku="CUP-02")])
    cs.approve_case(uow, case_id)
    with uow:
        line_id = uow.session.get(ReturnCase, case_id).lines[0].id
    cs.receive_case(uow, case_id, quantities={line_id: 1})
    cs.inspect_case(uow, case_id, results={line_id: "sellable"})
    new_id = cs.exchange_case(uow, case_id, lines=[("TEA-01", 2)])
    with uow:
        new = uow.get_order(new_id)
        assert new.total == d("19.90") and new.payments[0].status == "pending"


def test_reship_creates_a_zero_price_order_that_reserves_stock(engine, uow):
    cat = build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    assert level(uow, cat.skus["TEA-01"], cat.main) == (8, 0)
    case_id = cs.open_case(uow, order_id, kind="reship", lines=[CaseLineInput(1, "missing_item", sku="TEA-01")])
    cs.approve_case(uow, case_id)
    new_id = cs.reship_case(uow, case_id)
    assert level(uow, cat.skus["TEA-01"], cat.main) == (8, 1)
    with uow:
        new = uow.get_order(new_id)
        assert new.total == 0 and new.lines[0].unit_price == 0 and new.payment_status == "paid"
        assert any("Replacement" in e.message for e in new.events)
    assert case_state(uow, case_id)[0] == "reshipped"


def test_intercept_turns_into_a_return_when_the_parcel_comes_back(engine, uow):
    cat = build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 1})
    case_id = cs.open_case(uow, order_id, kind="intercept", reason="cancelled_after_dispatch")
    cs.approve_case(uow, case_id)
    cs.record_intercept(uow, case_id, carrier="SF Express", reference="INT-1")
    cs.record_intercept(uow, case_id, outcome="returned")
    with uow:
        case = uow.session.get(ReturnCase, case_id)
        assert case.kind == "return_refund" and case.status == "awaiting_goods"
        assert case.refund_amount == d("19.90")
    cs.receive_case(uow, case_id, scanned=["TEA-01"])
    assert case_state(uow, case_id)[0] == "received"
    assert level(uow, cat.skus["TEA-01"], cat.main) == (9, 0)


def test_attachments_are_stored_with_the_case(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 1})
    case_id = cs.open_case(uow, order_id, kind="complaint", reason="courier", note="rude courier")
    att = cs.add_attachment(uow, case_id, filename="C:\\photos\\box.jpg", data=b"\xff\xd8jpeg")
    with engine.connect() as conn:
        assert cs.read_attachment(conn, att) == ("box.jpg", "image/jpeg", b"\xff\xd8jpeg")
    with pytest.raises(ValidationError, match="not empty"):
        cs.add_attachment(uow, case_id, filename="x.png", data=b"")
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(CaseAttachment)) == 1


def test_queues_count_and_age_by_sla(engine, uow):
    from datetime import timedelta
    from ordermgr.models import utcnow
    build_catalog(uow, {"TEA-01": (30, 0)})
    order_id = shipped_order(uow, {"TEA-01": 15})
    small = cs.open_case(uow, order_id, kind="return_refund", lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    big = cs.open_case(uow, order_id, kind="return_refund", lines=[CaseLineInput(14, "damaged", sku="TEA-01")])
    cs.set_sla_hours(uow, "return_refund", 10)
    now = utcnow()
    with engine.connect() as conn:
        counts = cs.case_counts(conn, now=now + timedelta(hours=11))
        assert (counts["new"], counts["awaiting_approval"], counts["overdue"]) == (1, 1, 2)
        rows = cs.case_rows(conn, "awaiting_approval")
        assert [r.id for r in rows] == [big]
        assert abs((rows[0].due_at - rows[0].requested_at) - timedelta(hours=10)) < timedelta(seconds=1)
        assert rows[0].age(now) == "" and rows[0].age(now + timedelta(hours=8)) == "amber"
        assert rows[0].age(now + timedelta(hours=11)) == "red"
        page1 = cs.case_rows(conn, "open", limit=1)
        page2 = cs.case_rows(conn, "open", after=page1[0].sort_key, limit=1)
        assert [page1[0].id, page2[0].id] == [small, big]


def test_unpaid_orders_are_cancelled_after_the_configured_time_releasing_stock(engine, uow):
    from datetime import timedelta
    from ordermgr.models import utcnow
    from ordermgr.services import orders
    from tests.factories import place_order
    cat = build_catalog(uow)
    order_id = place_order(uow, {"TEA-01": 2})
    orders.confirm_order(uow, order_id, override_reason="B2B terms")  # reserved, but let us pretend it waits for payment
    with uow:
        order = uow.get_order(order_id)
        order.status = "pending_payment"
        uow.commit()
    payments.set_unpaid_cancel_hours(uow, 24)
    assert payments.cancel_unpaid_orders(uow, now=utcnow()) == []
    results = payments.cancel_unpaid_orders(uow, now=utcnow() + timedelta(hours=25))
    assert [r.ok for r in results] == [True]
    assert level(uow, cat.skus["TEA-01"], cat.main) == (10, 0)
    with uow:
        assert "unpaid for more than 24 hours" in uow.get_order(order_id).events[-1].message


def test_reconciliation_flags_orders_whose_totals_disagree(engine, uow):
    from datetime import timedelta
    from ordermgr.models import utcnow
    build_catalog(uow)
    good = shipped_order(uow, {"TEA-01": 1})
    under = shipped_order(uow, {"TEA-01": 2}, payments=[("10.00", "bank_transfer")], pay=True)
    with uow:
        uow.get_order(under)  # shipped although only 10.00 of 39.80 was paid
    now = utcnow()
    with engine.connect() as conn:
        rows = payments.reconcile(conn, since=now - timedelta(days=1), until=now + timedelta(days=1))
    assert {r.order_id: r.flags for r in rows} == {under: ("underpaid",)}
    assert rows[0].paid == d("10.00") and rows[0].shipped_value == d("39.80")
    assert good not in {r.order_id for r in rows}


def test_customers_are_found_by_phone_fragment_and_shown_whole(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    case_id = cs.open_case(uow, order_id, kind="return_refund", lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    cs.approve_case(uow, case_id)
    cs.receive_case(uow, case_id, scanned=["TEA-01"])
    with engine.connect() as conn:
        hits = cs.search_customers(conn, "0013 8")
        assert [h.name for h in hits] == ["张伟"]
        view = cs.customer_360(conn, hits[0].id)
    assert view.order_count == 1 and view.total_spent == d("39.80")
    assert view.return_rate == 0.5 and [c.id for c in view.cases] == [case_id]
    cs.update_customer(uow, hits[0].id, notes="prefers phone calls", tags=["VIP", "tea"])
    with engine.connect() as conn:
        assert cs.customer_360(conn, hits[0].id).tags == "tea,vip"


def test_a_return_requested_in_the_storefront_becomes_one_case(engine, uow):
    build_catalog(uow)
    store = storefront(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, storefront=store)
    first = cs.record_storefront_return(uow, order_id, external_id="ret-1",
                                        lines=[{"sku": "TEA-01", "quantity": 1, "reason": "damaged"}])
    again = cs.record_storefront_return(uow, order_id, external_id="ret-1",
                                        lines=[{"sku": "TEA-01", "quantity": 1}])
    assert first == again
    with pytest.raises(ValidationError, match="only 1 can be returned"):
        cs.record_storefront_return(uow, order_id, external_id="ret-2", lines=[{"sku": "TEA-01", "quantity": 2}])
    with uow:
        case = uow.session.get(ReturnCase, first)
        assert (case.status, case.refund_amount, case.lines[0].reason_code) == ("requested", d("19.90"), "damaged")


def test_no_returned_line_goes_back_to_stock_without_an_explicit_inspection(engine, uow):
    cat = build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2, "CUP-02": 1})
    case_id = cs.open_case(uow, order_id, kind="return_refund", lines=[
        CaseLineInput(1, "damaged", sku="TEA-01"), CaseLineInput(1, "damaged", sku="CUP-02")])
    cs.approve_case(uow, case_id)
    cs.receive_case(uow, case_id, scanned=["TEA-01", "CUP-02"])
    with uow:
        tea, cup = [line.id for line in uow.session.get(ReturnCase, case_id).lines]
    before = level(uow, cat.skus["CUP-02"], cat.main)
    with pytest.raises(ValidationError, match=r"Return RMA\d+ \(order #\S+\): choose sellable, "
                                              r"damaged or supplier for CUP-02"):
        cs.inspect_case(uow, case_id, results={tea: "damaged"})
    assert case_state(uow, case_id)[0] == "received"
    assert level(uow, cat.skus["CUP-02"], cat.main) == before
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(StockMovement).where(
            StockMovement.ref_type == "return", StockMovement.ref_id == case_id)) == 0
