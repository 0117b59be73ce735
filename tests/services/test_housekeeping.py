"""Housekeeping: unpaid orders cancelled, delivered orders completed, silent parcels flagged, in one
scheduled run that one workstation at a time does, at most every five minutes; on SQLite and
PostgreSQL."""

import threading
from datetime import timedelta

import pytest

from ordermgr.errors import DatabaseUnavailable, PermissionDenied
from ordermgr.models import OrderStatus, utcnow
from ordermgr.services import fulfilment, housekeeping, orders, tracking
from ordermgr.services.fulfilment import WaybillInput
from ordermgr.services.housekeeping import ALREADY_RUNNING, Job, run_housekeeping
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order
from tests.services.aftersales_helpers import level

UPS = "1Z999AA10123456784"
SF = "SF1311520937431"
LATER = timedelta(days=8)  # past 72 h unpaid, 7 days after delivery, 3 days of SF silence


def unpaid(uow, lines, *, age=timedelta(0)):
    """An order reserved and waiting for payment, placed `age` ago (shared by the CLI and GUI
    tests of housekeeping)."""
    order_id = place_order(uow, lines)
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    with uow:
        order = uow.get_order(order_id)
        order.status = OrderStatus.PENDING_PAYMENT
        order.placed_at -= age
        uow.commit()
    return order_id


def shipped(uow, lines, carrier, waybill):
    order_id = place_order(uow, lines)
    orders.confirm_order(uow, order_id, override_reason="B2B terms")
    orders.start_picking(uow, order_id)
    orders.pack_order(uow, order_id)
    return order_id, fulfilment.ship_with_waybill(uow, order_id, WaybillInput(carrier, waybill))


def status_of(uow, order_id):
    with uow:
        return uow.get_order(order_id).status


def the_three(uow):
    """An unpaid order, a delivered one and one on the road with SF (no news since today)."""
    cat = build_catalog(uow)
    unpaid_id = unpaid(uow, {"TEA-01": 2})
    delivered_id, ups = shipped(uow, {"TEA-01": 1}, "UPS", UPS)
    tracking.record_tracking_event(uow, ups, status="delivered", description="front desk")
    road_id, _ = shipped(uow, {"CUP-02": 1}, "SF Express", SF)
    return cat, unpaid_id, delivered_id, road_id


def test_one_run_cancels_unpaid_completes_delivered_and_flags_silent_parcels(engine, uow, admin):
    cat, unpaid_id, delivered_id, road_id = the_three(uow)
    assert level(uow, cat.skus["TEA-01"], cat.main) == (9, 2)

    report = run_housekeeping(engine, admin, now=utcnow() + LATER)

    assert report.ran and report.ok
    assert report.counts == {"cancel_unpaid": 1, "complete_delivered": 1, "flag_delays": 1}
    assert status_of(uow, unpaid_id) == OrderStatus.CANCELLED
    assert status_of(uow, delivered_id) == OrderStatus.COMPLETED
    assert level(uow, cat.skus["TEA-01"], cat.main) == (9, 0)  # the unpaid order's 2 released
    with uow:
        rows = tracking.exceptions_page(uow.session)
    assert [(r.order_id, r.kind) for r in rows] == [(road_id, "delayed")]
    assert {unpaid_id, delivered_id, road_id} <= report.changes.orders
    assert "1 unpaid orders cancelled" in report.short()


def test_nothing_is_due_yet_so_nothing_changes(engine, uow, admin):
    _, unpaid_id, delivered_id, _ = the_three(uow)
    report = run_housekeeping(engine, admin)
    assert report.counts == {"cancel_unpaid": 0, "complete_delivered": 0, "flag_delays": 0}
    assert not report.did_something and report.short() == ""
    assert status_of(uow, unpaid_id) == OrderStatus.PENDING_PAYMENT
    assert status_of(uow, delivered_id) == OrderStatus.DELIVERED


def test_a_failing_job_is_reported_and_the_others_still_run(engine, uow, admin, monkeypatch):
    _, unpaid_id, delivered_id, _ = the_three(uow)

    def broken(*_args, **_kwargs):
        raise RuntimeError("carrier table unreadable")

    monkeypatch.setattr(tracking, "complete_delivered_orders", broken)
    report = run_housekeeping(engine, admin, now=utcnow() + LATER)

    assert not report.ok
    assert [j.name for j in report.errors] == ["complete_delivered"]
    assert "RuntimeError: carrier table unreadable" in report.errors[0].error
    assert report.counts == {"cancel_unpaid": 1, "flag_delays": 1}
    assert status_of(uow, unpaid_id) == OrderStatus.CANCELLED
    assert status_of(uow, delivered_id) == OrderStatus.DELIVERED
    assert any("FAILED" in line for line in report.lines())


def test_a_database_error_in_one_job_is_reported_as_its_message(engine, admin, monkeypatch):
    def down(*_args, **_kwargs):
        raise DatabaseUnavailable("Cannot reach the database. Nothing was saved; try again.")

    monkeypatch.setattr(tracking, "flag_delayed_shipments", down)
    report = run_housekeeping(engine, admin)
    assert [(j.name, j.error) for j in report.errors] == [
        ("flag_delays", "Cannot reach the database. Nothing was saved; try again.")]
    assert len(report.jobs) == 3


def test_it_runs_at_most_every_five_minutes_across_workstations(engine, admin):
    now = utcnow()
    assert run_housekeeping(engine, admin, now=now).ran
    bob = uow_for(engine, "bob", "supervisor").actor  # another workstation, another user
    again = run_housekeeping(engine, bob, now=now + timedelta(minutes=2))
    assert not again.ran and "ran 2 min ago (by alice)" in again.skipped
    assert run_housekeeping(engine, bob, now=now + timedelta(minutes=2), force=True).ran
    assert run_housekeeping(engine, admin, now=now + timedelta(minutes=7)).ran
    at, by = housekeeping.last_run_of(engine)
    assert (at, by) == (now + timedelta(minutes=7), "alice")


def test_a_second_concurrent_run_skips_because_the_lock_is_held(engine, admin):
    """The PostgreSQL advisory lock (a lock file on SQLite): while one run is busy, another
    workstation's run says it is already running elsewhere instead of doing the jobs twice."""
    inside, release = threading.Event(), threading.Event()

    def slow(_uow, _now):
        inside.set()
        assert release.wait(10)
        return 0, 0, []

    first: list = []
    worker = threading.Thread(target=lambda: first.append(run_housekeeping(
        engine, admin, jobs=(Job("slow", "slow job", (), slow),))))
    worker.start()
    try:
        assert inside.wait(10)
        second = run_housekeeping(engine, admin, force=True)
        assert not second.ran and second.skipped == ALREADY_RUNNING
        assert second.jobs == []
    finally:
        release.set()
        worker.join(10)
    assert first[0].ran and [j.name for j in first[0].jobs] == ["slow"]
    # once released, the next run may go (after the five minutes)
    assert run_housekeeping(engine, admin, now=utcnow() + timedelta(minutes=6)).ran


def test_dry_run_counts_exactly_what_would_happen_and_saves_nothing(engine, uow, admin):
    cat, unpaid_id, delivered_id, _ = the_three(uow)
    report = run_housekeeping(engine, admin, now=utcnow() + LATER, dry_run=True)
    assert report.counts == {"cancel_unpaid": 1, "complete_delivered": 1, "flag_delays": 1}
    assert report.lines()[0].startswith("Housekeeping dry run (nothing saved)")
    assert status_of(uow, unpaid_id) == OrderStatus.PENDING_PAYMENT
    assert status_of(uow, delivered_id) == OrderStatus.DELIVERED
    assert level(uow, cat.skus["TEA-01"], cat.main) == (9, 2)
    with uow:
        assert tracking.exceptions_page(uow.session) == []
    assert housekeeping.last_run_of(engine) == (None, "") and not report.changes


def test_a_clerk_is_refused_before_any_job_runs(engine, uow):
    """A clerk may complete orders and flag parcels but not cancel: nothing at all is done
    (it used to complete the order and flag the parcel, then refuse the rest)."""
    from tests.cli.test_permissions_first import database_snapshot
    _, unpaid_id, delivered_id, _ = the_three(uow)
    clerk = uow_for(engine, "carol", "clerk").actor
    before = database_snapshot(engine)
    for dry_run in (False, True):
        with pytest.raises(PermissionDenied, match=r"carol \(clerk\) may not run housekeeping: "
                                                   "the role lacks orders.bulk, orders.cancel"):
            run_housekeeping(engine, clerk, now=utcnow() + LATER, dry_run=dry_run)
    assert database_snapshot(engine) == before
    assert not housekeeping.may_run(clerk) and housekeeping.may_run(uow.actor)
