"""Migration 0013: every Amount column from hundredths to thousandths, and back only while no
amount has a third decimal."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

import ordermgr.db
from ordermgr.db.migrate import alembic_config, current_revision, head_revision, upgrade
from ordermgr.models import Amount, Base
from ordermgr.services import aftersales as cs
from ordermgr.services import catalog
from ordermgr.services.users import resolve_actor
from ordermgr.db.uow import UnitOfWork
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order

MIGRATION = (Path(ordermgr.db.__file__).parent / "migrations" / "versions"
             / "0013_amounts_in_thousandths.py")


def _migration():
    spec = importlib.util.spec_from_file_location("migration_0013", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _amount_tables():
    return {t.name: t for t in Base.metadata.tables.values()
            if any(isinstance(c.type, Amount) for c in t.columns)}


def _amounts(engine) -> dict[str, list[tuple]]:
    """Every Amount column of every row, read through the column type (Decimals)."""
    out = {}
    with engine.connect() as conn:
        for name, table in _amount_tables().items():
            columns = [c for c in table.columns if isinstance(c.type, Amount)]
            key = list(table.primary_key.columns)
            out[name] = [tuple(r) for r in conn.execute(select(*key, *columns).order_by(*key))]
    return out


def _to(engine, revision: str, *, down: bool) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_the_migration_scales_every_amount_column_of_the_models():
    expected = {name: {c.name for c in table.columns if isinstance(c.type, Amount)}
                for name, table in _amount_tables().items()}
    assert {t: set(cols) for t, cols in _migration().AMOUNT_COLUMNS.items()} == expected


def _some_orders(engine) -> None:
    uow = UnitOfWork(engine, resolve_actor(engine, "alice"))
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2, "CUP-02": 1}, shipping="12.50", discount="3.05")
    cs.quick_refund(uow, order_id, amount="5.05", reason="goodwill", reference="BANK-1")


def test_amounts_stored_at_0012_read_the_same_after_the_upgrade(engine):
    _some_orders(engine)
    before = _amounts(engine)
    assert before["orders"] and before["payments"] and before["refunds"]
    _to(engine, "0012", down=True)
    with engine.connect() as conn:  # at 0012: hundredths
        assert conn.execute(text("SELECT price FROM skus ORDER BY id")).scalars().first() == 1990
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:  # at 0013: thousandths
        assert conn.execute(text("SELECT price FROM skus ORDER BY id")).scalars().first() == 19900
    after = _amounts(engine)
    assert after == before
    assert str(after["skus"][0][1]) == "19.90"  # still printed with two decimals


def test_the_downgrade_refuses_while_an_amount_has_a_third_decimal(engine):
    uow = UnitOfWork(engine, resolve_actor(engine, "alice"))
    catalog.create_sku(uow, product="Dates", code="DATES-1", price="12.345", currency="KWD")
    before = _amounts(engine)
    with pytest.raises(RuntimeError, match="skus has amounts with three decimals"):
        _to(engine, "0012", down=True)
    assert current_revision(engine) == head_revision()
    assert _amounts(engine) == before
    assert before["skus"][-1][1] == Decimal("12.345")
