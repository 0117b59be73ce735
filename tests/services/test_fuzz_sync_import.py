"""Fuzzed storefront payloads (tests/unit/test_fuzz_payloads.py) through the sync import into
the database, SQLite and PostgreSQL: no example crashes the page, every order ends imported or
quarantined with a reason, an order saved before is unchanged, and the stock ledger stays whole."""

from __future__ import annotations

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from ordermgr.db.uow import UnitOfWork
from ordermgr.models import Order, OrderLine, Payment
from ordermgr.models.sync import QuarantinedOrder
from ordermgr.services import stock, stores
from ordermgr.services.sync_import import UNREADABLE, import_orders, validate
from tests.unit.test_fuzz_payloads import BASES, PLATFORMS, map_page, nasty, payloads

DB_FUZZ = settings(max_examples=int(os.environ.get("FUZZ_DB_EXAMPLES", 25)), deadline=None,
                   suppress_health_check=[HealthCheck.too_slow,
                                          HealthCheck.function_scoped_fixture])


def saved_order(uow, store_id: int, external_id: str) -> tuple:
    with uow:
        s = uow.session
        order = s.scalar(select(Order).where(Order.store_id == store_id,
                                             Order.external_id == external_id))
        lines = s.execute(select(OrderLine.sku, OrderLine.quantity, OrderLine.unit_price,
                                 OrderLine.total).where(OrderLine.order_id == order.id)
                          .order_by(OrderLine.id)).all()
        paid = s.execute(select(Payment.kind, Payment.amount, Payment.status)
                         .where(Payment.order_id == order.id).order_by(Payment.id)).all()
        return (order.status, order.version, order.total, order.customer_name, order.placed_at,
                tuple(lines), tuple(paid))


@pytest.fixture(params=PLATFORMS)
def store(request, engine, uow, monkeypatch, tmp_path):
    """A store of the platform with one order already imported from a valid payload."""
    monkeypatch.setenv("ORDERMGR_SECRETS_BACKEND", "file")
    monkeypatch.setenv("ORDERMGR_CONFIG_DIR", str(tmp_path / "config"))
    platform = request.param
    store_id = stores.add_store(UnitOfWork(engine, uow.actor), name=f"Fuzz {platform}",
                                platform=platform, url="https://shop.example", credential="x",
                                code="FZ")
    page, orders = map_page(platform, [copy.deepcopy(BASES[platform][0])])
    result = import_orders(uow, store_id, orders)
    assert result.new == 1, result.messages
    return platform, store_id, orders[0].external_id


@DB_FUZZ
@given(data=st.data())
def test_fuzzed_pages_end_imported_or_quarantined_and_change_nothing_saved(engine, uow, store,
                                                                           data):
    platform, store_id, saved_id = store
    before = saved_order(uow, store_id, saved_id)
    with uow:
        held_before = set(uow.session.scalars(select(Order.external_id)
                                              .where(Order.store_id == store_id)))
    fuzzed = payloads(platform, first=1)  # the saved order is BASES[platform][0]
    raws = data.draw(st.lists(st.one_of(fuzzed, fuzzed, nasty),
                              min_size=1, max_size=3))
    page, orders = map_page(platform, raws)
    result = import_orders(uow, store_id, orders, broken=page.broken)  # never raises
    assert saved_order(uow, store_id, saved_id) == before
    with uow:
        held = set(uow.session.scalars(select(Order.external_id).where(Order.store_id == store_id)))
        quarantined = dict(uow.session.execute(
            select(QuarantinedOrder.external_id, QuarantinedOrder.reason)
            .where(QuarantinedOrder.store_id == store_id, QuarantinedOrder.resolved_at.is_(None))
        ).all())
    latest = {}
    for lazy in orders:
        assert lazy.external_id in held or quarantined.get(lazy.external_id), \
            (lazy.external_id, result.messages)
        new = lazy.external_id in held and lazy.external_id not in held_before
        if new and (lazy.external_id not in latest
                                         or lazy.updated_at >= latest[lazy.external_id].updated_at):
            latest[lazy.external_id] = lazy
    with uow:  # a new order is imported whole: every line of the payload the sync took
        for ext, lazy in latest.items():
            try:
                remote = lazy.parse()
            except UNREADABLE:
                continue  # an older copy of it is held
            lines = uow.session.scalar(select(func.count()).select_from(OrderLine).join(Order)
                                       .where(Order.store_id == store_id, Order.external_id == ext))
            assert not validate(remote) and lines == len(remote.lines) or \
                quarantined.get(ext), (ext, result.messages)
    assert all(reason.strip() for reason in quarantined.values())
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == [] and stock.bad_values(conn) == []
