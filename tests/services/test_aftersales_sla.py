"""The SLA clock: only cases waiting on us age; waiting for the customer's goods pauses it (the
due time moves on by the wait); cases that only need closing are never overdue; the desk, the
dashboard and the report count the same open cases (SQLite and PostgreSQL)."""

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import update

from ordermgr.models import ReturnCase, utcnow
from ordermgr.reports.dashboard import load_dashboard
from ordermgr.reports.params import ReportParams
from ordermgr.reports.registry import run_report
from ordermgr.services import aftersales as cs
from ordermgr.services.aftersales import CaseLineInput
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order

HOUR = timedelta(hours=1)


def backdate(uow, case_id, **values):
    with uow:
        uow.session.execute(update(ReturnCase).where(ReturnCase.id == case_id).values(**values))
        uow.commit()


def row(engine, case_id, now):
    with engine.connect() as conn:
        rows = {r.id: r for r in cs.case_rows(conn, "all", now=now)}
        overdue = {r.id for r in cs.case_rows(conn, "overdue", now=now)}
        return rows[case_id].age(now), case_id in overdue, cs.case_counts(conn, now)["overdue"]


def test_waiting_for_the_goods_pauses_the_clock_and_moves_the_due_time_on(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    case_id = cs.open_case(uow, order_id, kind="return_refund",
                           lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    now = utcnow()
    backdate(uow, case_id, requested_at=now - 11 * 24 * HOUR, due_at=now - 8 * 24 * HOUR)
    assert row(engine, case_id, now) == ("red", True, 1)  # requested 11 days ago: ours, overdue
    cs.approve_case(uow, case_id)
    # awaiting the customer's parcel for ten days: not our delay
    backdate(uow, case_id, status_changed_at=now - 10 * 24 * HOUR)
    assert row(engine, case_id, now) == ("", False, 0)
    cs.receive_case(uow, case_id, scanned=["TEA-01"])
    with uow:
        due = uow.session.get(ReturnCase, case_id).due_at
    # the ten days waited are added: 8 days overdue becomes 2 days to go
    assert timedelta(days=1, hours=23) < due - utcnow() <= timedelta(days=2)
    assert row(engine, case_id, utcnow()) == ("", False, 0)
    assert row(engine, case_id, utcnow() + 47 * HOUR)[0] == "amber"
    assert row(engine, case_id, utcnow() + 49 * HOUR) == ("red", True, 1)


def test_a_refunded_case_only_needs_closing_and_is_never_overdue_but_still_open(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    case_id = cs.open_case(uow, order_id, kind="refund_only", reason="late_delivery",
                           refund_amount="5.00", amount_reason="late parcel")
    cs.approve_case(uow, case_id)
    cs.refund_case(uow, case_id, reference="ALIPAY-R-2")
    later = utcnow() + 30 * 24 * HOUR
    assert row(engine, case_id, later) == ("", False, 0)
    with engine.connect() as conn:
        assert cs.case_counts(conn, later)["open"] == 1
    cs.close_case(uow, case_id)
    with engine.connect() as conn:
        assert cs.case_counts(conn, later)["open"] == 0


def test_changing_the_sla_hours_keeps_the_paused_time(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    case_id = cs.open_case(uow, order_id, kind="return_refund",
                           lines=[CaseLineInput(1, "damaged", sku="TEA-01")])
    with uow:
        case = uow.session.get(ReturnCase, case_id)
        requested = case.requested_at
    backdate(uow, case_id, due_at=requested + 100 * HOUR)  # 72 h + 28 h paused earlier
    cs.set_sla_hours(uow, "return_refund", 24)
    with uow:
        due = uow.session.get(ReturnCase, case_id).due_at
    assert abs(due - (requested + 52 * HOUR)) < timedelta(milliseconds=1)  # SQLite keeps ms


def test_desk_dashboard_and_report_count_the_same_open_cases(engine, uow):
    build_catalog(uow, {"TEA-01": (50, 0)})
    states = []
    for kind, steps in (("return_refund", []), ("return_refund", ["approve"]),
                        ("refund_only", ["approve", "refund"]), ("refund_only", ["approve", "refund", "close"]),
                        ("complaint", ["reject"])):
        order_id = shipped_order(uow, {"TEA-01": 1})
        lines = [CaseLineInput(1, "damaged", sku="TEA-01")] if kind == "return_refund" else []
        case_id = cs.open_case(uow, order_id, kind=kind, lines=lines, reason="goodwill" if lines == [] else "",
                               refund_amount="3.00" if kind == "refund_only" else None,
                               amount_reason="goodwill")
        for step in steps:
            if step == "approve":
                cs.approve_case(uow, case_id)
            elif step == "refund":
                cs.refund_case(uow, case_id, reference="R")
            elif step == "close":
                cs.close_case(uow, case_id)
            else:
                cs.reject_case(uow, case_id, reason="no")
        states.append(case_id)
    today = datetime.now(timezone.utc).date()
    params = ReportParams(date(today.year, 1, 1) if today.month > 1 else today - timedelta(days=40),
                          today + timedelta(days=1))
    with engine.connect() as conn:
        desk = cs.case_counts(conn)["open"]
        listed = len(cs.case_rows(conn, "open"))
    board = load_dashboard(engine, params).open_returns
    report = sum(r[3] for r in run_report(engine, "aftersales", params).table("handling").rows)
    assert desk == listed == board == report == 3  # requested, awaiting goods, refunded


def test_an_intercept_waiting_on_the_carrier_does_not_age_until_the_carrier_answers(engine, uow):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 1})
    case_id = cs.open_case(uow, order_id, kind="intercept", reason="cancelled_after_dispatch")
    cs.record_intercept(uow, case_id, carrier="SF Express", reference="SF-STOP-1")
    now = utcnow()
    with uow:
        case = uow.session.get(ReturnCase, case_id)
        history = [{**h, "at": (now - 20 * HOUR).isoformat()} if h["action"] == "intercept_requested"
                   else h for h in case.history]
    backdate(uow, case_id, requested_at=now - 21 * HOUR, status_changed_at=now - 21 * HOUR,
             due_at=now - 9 * HOUR, history=history)  # 12 h SLA, requested 21 h ago
    assert row(engine, case_id, now) == ("", False, 0)  # the carrier has the next move
    cs.record_intercept(uow, case_id, outcome="failed")  # the carrier could not stop it
    with uow:
        due = uow.session.get(ReturnCase, case_id).due_at
    assert timedelta(hours=10, minutes=59) < due - utcnow() <= timedelta(hours=11)  # 20 h waited
    assert row(engine, case_id, utcnow() + 12 * HOUR) == ("red", True, 1)
