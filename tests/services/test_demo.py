"""Demo data: reproducible, every status present, and consistent with the domain's own rules."""

import shutil
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, selectinload

from ordermgr import demo
from ordermgr.db.engine import make_engine
from ordermgr.db.migrate import upgrade
from ordermgr.db.queries import OrderFilter, fetch_order_page
from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models import (Order, OrderStatus, Payment, ReturnCase, Shipment, StockLevel,
                             StockMovement)
from ordermgr.services.order_entry import LineInput, create_order
from ordermgr.services.users import resolve_actor
from tests.conftest import _truncate
from tests.factories import ADDRESS

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
N = 300


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(request, tmp_path_factory):
    """One demo database per backend for the read-only tests of this module (generating it for
    each test would cost seconds); the only test that writes runs last."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        eng = make_engine(f"sqlite:///{path}")
    else:
        eng = make_engine(request.getfixturevalue("pg_url"))
        _truncate(eng)
    summary = demo.generate(eng, orders=N, seed=7, now=NOW)
    yield eng, summary
    eng.dispose()


def _snapshot(engine) -> dict:
    """What must be identical for the same seed, read through the column types so SQLite and
    PostgreSQL compare equal."""
    from ordermgr.models import Customer, OrderEvent, TrackingEvent
    queries = {
        "orders": select(Order.number, Order.placed_at, Order.updated_at, Order.status,
                         Order.payment_status, Order.total, Order.tags, Order.search_text)
        .order_by(Order.id),
        "payments": select(Payment.method, Payment.amount, Payment.status, Payment.reference)
        .order_by(Payment.id),
        "shipments": select(Shipment.carrier, Shipment.waybill, Shipment.shipped_at)
        .order_by(Shipment.id),
        "customers": select(Customer.name, Customer.phone, Customer.email).order_by(Customer.id),
        "events": select(OrderEvent.order_id, OrderEvent.at, OrderEvent.message, OrderEvent.data)
        .order_by(OrderEvent.id),
        "tracking": select(TrackingEvent.at, TrackingEvent.description).order_by(TrackingEvent.id),
        "stock": select(StockLevel.sku_id, StockLevel.on_hand, StockLevel.reserved)
        .order_by(StockLevel.id),
        "ledger": select(StockMovement.kind, StockMovement.on_hand_after, StockMovement.at)
        .order_by(StockMovement.id),
    }
    with engine.connect() as conn:
        return {name: [tuple(r) for r in conn.execute(q)] for name, q in queries.items()}


def test_the_same_seed_gives_the_same_data(filled, tmp_path):
    """A second database (SQLite) with the same seed holds exactly the same data."""
    engine, _ = filled
    other = make_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    upgrade(other)
    demo.generate(other, orders=N, seed=7, now=NOW)
    first, second = _snapshot(engine), _snapshot(other)
    other.dispose()
    for name in first:
        assert first[name], name
        assert first[name] == second[name], name


def test_a_different_seed_gives_different_data(tmp_path):
    names = []
    for seed in (1, 2):
        eng = make_engine(f"sqlite:///{tmp_path / f's{seed}.sqlite3'}")
        upgrade(eng)
        demo.generate(eng, orders=50, seed=seed, now=NOW)
        with eng.connect() as conn:
            names.append(conn.execute(text("SELECT customer_name FROM orders ORDER BY id")).scalars().all())
        eng.dispose()
    assert names[0] != names[1]


def test_every_order_status_is_present(filled):
    engine, summary = filled
    with engine.connect() as conn:
        present = set(conn.execute(select(Order.status).distinct()).scalars())
    assert present == {s.value for s in OrderStatus}
    assert summary.orders == N and sum(summary.statuses.values()) == N
    assert summary.statuses["completed"] > N / 3  # most orders are done


def test_orders_agree_with_the_domain_rules(filled):
    """Totals, payment/fulfilment status and search text are what the entities compute."""
    engine, _ = filled
    with Session(engine) as session:
        orders = session.scalars(select(Order).options(
            selectinload(Order.lines), selectinload(Order.payments),
            selectinload(Order.shipments))).all()
        assert len(orders) == N
        for order in orders:
            stored = (order.subtotal, order.total, order.item_count, order.payment_status,
                      order.fulfilment_status, order.search_text)
            assert order.total == order.subtotal + order.shipping + order.tax - order.discount
            assert order.subtotal == sum((l.total for l in order.lines), Decimal("0.00"))
            for line in order.lines:
                assert line.total == line.unit_price * line.quantity - line.discount
                assert line.quantity_reserved + line.quantity_shipped <= line.quantity
                assert line.quantity_reserved == sum(a.quantity for a in line.allocations)
            order.recompute_totals()
            order.refresh_payment_status()
            order.refresh_fulfilment_status()
            order.refresh_search_text()
            assert (order.subtotal, order.total, order.item_count, order.payment_status,
                    order.fulfilment_status, order.search_text) == stored, order.number
            assert order.events and order.events[0].kind == "created"
            assert order.updated_at >= order.placed_at
            if order.status in ("shipped", "delivered", "completed", "partially_shipped"):
                assert order.shipments and all(s.waybill for s in order.shipments)
            if order.status in ("allocated", "picking", "packed", "partially_shipped"):
                assert any(l.quantity_reserved for l in order.lines)
            if order.status in ("pending_payment", "awaiting_fulfilment", "cancelled", "completed"):
                assert not any(l.quantity_reserved for l in order.lines)
            session.expunge(order)


def test_stock_ledger_sums_to_the_levels(filled):
    engine, _ = filled
    with engine.connect() as conn:
        levels = {(r.sku_id, r.warehouse_id): (r.on_hand, r.reserved, r.threshold)
                  for r in conn.execute(select(StockLevel))}
        sums = {(r.sku_id, r.warehouse_id): (r.on_hand, r.reserved) for r in conn.execute(
            select(StockMovement.sku_id, StockMovement.warehouse_id,
                   func.sum(StockMovement.on_hand_delta).label("on_hand"),
                   func.sum(StockMovement.reserved_delta).label("reserved"))
            .group_by(StockMovement.sku_id, StockMovement.warehouse_id))}
        last = {(r.sku_id, r.warehouse_id): (r.on_hand_after, r.reserved_after) for r in conn.execute(
            select(StockMovement).order_by(StockMovement.id))}
        allocated = dict(conn.execute(text(
            "SELECT l.sku_id * 1000 + a.warehouse_id, sum(a.quantity) FROM line_allocations a "
            "JOIN order_lines l ON l.id = a.order_line_id GROUP BY l.sku_id, a.warehouse_id")).all())
    assert levels
    for key, (on_hand, reserved, threshold) in levels.items():
        assert 0 <= reserved <= on_hand
        assert sums.get(key, (0, 0)) == (on_hand, reserved), key
        assert last.get(key, (0, 0)) == (on_hand, reserved), key
        assert allocated.get(key[0] * 1000 + key[1], 0) == reserved
    low = [k for k, (h, r, t) in levels.items() if h - r <= t]
    out = [k for k, (h, r, t) in levels.items() if h - r == 0]
    assert low and out and len(low) < len(levels) / 2


def test_search_finds_an_order_by_a_phone_fragment(filled):
    engine, _ = filled
    with engine.connect() as conn:
        number, phone = conn.execute(
            select(Order.number, Order.phone).where(Order.phone.like("1%")).limit(1)).one()
        digits = "".join(c for c in phone if c.isdigit())
        fragment = f"{digits[3:7]} {digits[7:]}"
        rows = fetch_order_page(conn, OrderFilter(search=fragment), limit=500)
    assert number in {r.number for r in rows}


def test_shipments_returns_and_payments_look_real(filled):
    engine, _ = filled
    with engine.connect() as conn:
        shipments = conn.execute(select(Shipment.carrier, Shipment.waybill)).all()
        methods = set(conn.execute(select(Payment.method).distinct()).scalars())
        returns = conn.execute(select(func.count()).select_from(ReturnCase)).scalar()
    for carrier, waybill in shipments:
        if carrier == "SF Express":
            assert waybill.startswith("SF") and len(waybill) == 14 and waybill[2:].isdigit()
        elif carrier == "ZTO Express":
            assert waybill.startswith("73") and len(waybill) == 14
        elif carrier == "UPS":
            assert waybill.startswith("1Z") and len(waybill) == 18
    assert len({(c, w) for c, w in shipments}) == len(shipments)
    assert {"alipay", "wechat_pay", "card"} <= methods
    assert returns > 0


def test_fills_what_the_other_areas_added_to_the_schema(filled):
    """Shipment timings and last tracking news (fulfilment), case due times (after-sales) and
    USD rates (reports) are filled when those areas' columns and tables exist."""
    import sqlalchemy as sa
    engine, _ = filled
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        shipment_columns = {c["name"] for c in inspector.get_columns("shipments")}
        return_columns = {c["name"] for c in inspector.get_columns("returns")}
        checked = 0
        if "order_to_packed_s" in shipment_columns:
            bad = conn.execute(text(
                "SELECT count(*) FROM shipments WHERE last_event_at IS NULL OR order_to_packed_s < 0 "
                "OR packed_to_shipped_s < 0 OR (status = 'delivered') != "
                "(shipped_to_delivered_s IS NOT NULL)")).scalar()
            assert bad == 0
            checked += 1
        if "due_at" in return_columns:
            assert conn.execute(text("SELECT count(*) FROM returns WHERE due_at IS NULL OR "
                                     "due_at <= requested_at")).scalar() == 0
            checked += 1
        if "exchange_rates" in inspector.get_table_names():
            rates = conn.execute(text("SELECT rate FROM exchange_rates WHERE currency = 'USD'")).all()
            assert len(rates) >= 12 and all(6 < float(r.rate) < 8 for r in rates)
            checked += 1
    if not checked:
        pytest.skip("none of the other areas' additions is in this schema yet")


def test_barcodes_are_valid_ean13(filled):
    engine, _ = filled
    with engine.connect() as conn:
        barcodes = conn.execute(text("SELECT barcode FROM skus")).scalars().all()
    assert 400 <= len(barcodes) <= 600 and len(set(barcodes)) == len(barcodes)
    for code in barcodes:
        assert len(code) == 13 and demo.ean13(code[:12]) == code


def test_a_database_with_orders_is_refused(filled):
    engine, _ = filled
    with pytest.raises(ValidationError, match="already has 300 orders"):
        demo.generate(engine, orders=10)


def _fresh_sqlite(tmp_path, name="x.sqlite3"):
    eng = make_engine(f"sqlite:///{tmp_path / name}")
    upgrade(eng)
    return eng


def _search_trigger(eng) -> bool:
    with eng.connect() as conn:
        return bool(conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'orders_fts_ai'")).first())


def test_cancelling_from_progress_stops_early_with_consistent_data(tmp_path):
    eng = _fresh_sqlite(tmp_path)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 100

    summary = demo.generate(eng, orders=400, seed=5, now=NOW, chunk=100, progress=progress)
    assert summary.cancelled and summary.orders == 100
    assert calls[0] == (0, 400) and calls[-1] == (100, 400)
    with eng.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM orders")).scalar() == 100
        bad = conn.execute(text(
            "SELECT count(*) FROM stock_levels l WHERE l.reserved != (SELECT coalesce(sum("
            "m.reserved_delta), 0) FROM stock_movements m WHERE m.sku_id = l.sku_id AND "
            "m.warehouse_id = l.warehouse_id)")).scalar()
    assert bad == 0
    assert _search_trigger(eng)
    eng.dispose()


def test_a_failure_during_the_load_keeps_search_working(tmp_path):
    eng = _fresh_sqlite(tmp_path)

    def progress(done, total):
        if done:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        demo.generate(eng, orders=200, seed=5, now=NOW, chunk=100, progress=progress)
    assert _search_trigger(eng)
    with eng.connect() as conn:
        number = conn.execute(text("SELECT number FROM orders ORDER BY id LIMIT 1")).scalar()
        assert [r.number for r in fetch_order_page(conn, OrderFilter(search=number))] == [number]
    eng.dispose()


def test_after_a_failed_load_the_application_can_still_insert(engine):
    """On PostgreSQL the id sequences are moved past the demo's ids even when the load fails."""
    def progress(done, total):
        if done:
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        demo.generate(engine, orders=150, seed=2, now=NOW, chunk=100, progress=progress)
    with engine.connect() as conn:
        sku = conn.execute(text("SELECT code FROM skus ORDER BY id LIMIT 1")).scalar()
        customers = conn.execute(text("SELECT max(id) FROM customers")).scalar()
    admin = resolve_actor(engine, "alice")
    order_id = create_order(UnitOfWork(engine, admin), lines=[LineInput(sku, 1)], address=ADDRESS,
                            customer_name="张伟")
    with engine.connect() as conn:
        new_customer = conn.execute(select(Order.customer_id).where(Order.id == order_id)).scalar()
    assert order_id > 100 and new_customer > customers


def test_bad_counts_are_refused(tmp_path):
    eng = _fresh_sqlite(tmp_path)
    for bad in (0, -5, 2.5):
        with pytest.raises(ValidationError, match="at least 1"):
            demo.generate(eng, orders=bad)
    eng.dispose()


def test_check_digits():
    assert demo.ean13("400638133393") == "4006381333931"
    assert demo.s10("AA", 47312482, "GB") == "AA473124829GB"  # the UPU S10 example
    assert demo.ups("12345E", "66", 5676785)[-1].isdigit()


def test_new_orders_continue_the_numbers_and_are_found_by_search(filled):
    """Runs last: it adds an order to the shared demo database."""
    engine, _ = filled
    admin = resolve_actor(engine, "alice")
    with engine.connect() as conn:
        sku = conn.execute(text("SELECT code FROM skus ORDER BY id LIMIT 1")).scalar()
        before = conn.execute(select(func.max(Order.number)).where(Order.number.like("M%"))).scalar()
    order_id = create_order(UnitOfWork(engine, admin), lines=[LineInput(sku, 1)], address=ADDRESS,
                            customer_name="张伟")
    with engine.connect() as conn:
        number = conn.execute(select(Order.number).where(Order.id == order_id)).scalar()
        found = fetch_order_page(conn, OrderFilter(search=number))
    assert number > before
    assert [r.number for r in found] == [number]  # the search index is live again after the load
    # one RMA numbering: a case opened now continues the demo's numbers, in the same width
    from ordermgr.models import ReturnCase
    from ordermgr.services import aftersales as cs
    with engine.connect() as conn:
        demo_numbers = conn.execute(select(ReturnCase.number).order_by(ReturnCase.id)).scalars().all()
    case_id = cs.open_case(UnitOfWork(engine, admin), order_id, kind="complaint", reason="courier")
    with engine.connect() as conn:
        new = conn.execute(select(ReturnCase.number).where(ReturnCase.id == case_id)).scalar()
        assert cs.find_case_id(conn, demo_numbers[-1].replace("RMA0", "RMA")) is not None
    assert demo_numbers and {len(n) for n in demo_numbers} == {len(new)}
    assert new == cs.rma_number(int(demo_numbers[-1][3:]) + 1)
