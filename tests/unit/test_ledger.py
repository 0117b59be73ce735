"""Ledger invariants as property tests: any sequence of receive / reserve / release / ship /
adjust keeps on hand >= 0 and reserved <= on hand, refuses (writing nothing) what would break
that, and leaves every stock level equal to the sum of its movements."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select

from ordermgr.db.engine import make_engine
from ordermgr.db.migrate import upgrade
from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import InsufficientStock
from ordermgr.models import StockLevel, StockMovement
from ordermgr.services import catalog, stock
from ordermgr.services.users import resolve_actor

# (kind, on hand delta per unit, reserved delta per unit)
OPERATIONS = {
    "receive": (1, 0), "reserve": (0, 1), "release": (0, -1), "ship": (-1, -1),
    "adjust_in": (1, 0), "adjust_out": (-1, 0),
}
steps = st.lists(st.tuples(st.sampled_from(sorted(OPERATIONS)), st.integers(1, 7)),
                 min_size=1, max_size=25)
_codes = itertools.count()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ledger_db(request, tmp_path_factory):
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'ledger.sqlite3'}")
        upgrade(engine)
    else:
        engine = make_engine(request.getfixturevalue("pg_url"))
    uow = UnitOfWork(engine, resolve_actor(engine, "alice"))
    code = f"L{request.param[:2]}{next(_codes)}"
    warehouse = catalog.create_warehouse(uow, code=code, name="Ledger test")
    yield engine, uow, warehouse
    engine.dispose()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=steps)
def test_any_sequence_of_movements_keeps_the_ledger_true(ledger_db, sequence):
    engine, uow, warehouse = ledger_db
    sku = catalog.create_sku(uow, product="Ledger", code=f"LEDGER-{next(_codes)}", price="1",
                             currency="CNY")
    on_hand = reserved = 0
    for kind, qty in sequence:
        d_on_hand, d_reserved = (qty * d for d in OPERATIONS[kind])
        allowed = 0 <= reserved + d_reserved <= on_hand + d_on_hand
        try:
            with uow:
                after = stock.move(uow, sku, warehouse, kind.split("_")[0], on_hand=d_on_hand,
                                   reserved=d_reserved, reason="property test")
                uow.commit()
        except InsufficientStock:
            assert not allowed, f"{kind} {qty} refused at {on_hand}/{reserved}"
            continue
        assert allowed, f"{kind} {qty} accepted at {on_hand}/{reserved}"
        on_hand, reserved = on_hand + d_on_hand, reserved + d_reserved
        assert after == (on_hand, reserved)
    with engine.connect() as conn:
        level = conn.execute(select(StockLevel.on_hand, StockLevel.reserved).where(
            StockLevel.sku_id == sku, StockLevel.warehouse_id == warehouse)).one()
        sums = conn.execute(select(func.sum(StockMovement.on_hand_delta),
                                   func.sum(StockMovement.reserved_delta))
                            .where(StockMovement.sku_id == sku)).one()
        drift = [d for d in stock.verify_ledger(conn) if d.sku_id == sku]
    assert tuple(level) == (on_hand, reserved)
    assert level.on_hand >= 0 and level.reserved <= level.on_hand
    assert (sums[0] or 0, sums[1] or 0) == (on_hand, reserved)
    assert drift == []
