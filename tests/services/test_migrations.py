import pytest
from sqlalchemy import inspect, text

from ordermgr.db.engine import make_engine
from ordermgr.db.migrate import current_revision, head_revision, upgrade
from ordermgr.errors import SchemaTooNew


def test_migrated_database_is_at_head_with_seeded_roles(engine):
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        roles = set(conn.execute(text("SELECT name FROM roles")).scalars())
    assert roles == {"clerk", "agent", "supervisor", "manager", "admin"}
    assert {"orders", "order_lines", "stock_levels", "stock_movements", "outbox",
            "audit_log"} <= set(inspect(engine).get_table_names())


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_upgrading_an_old_sqlite_file_makes_a_backup_first(tmp_path):
    path = tmp_path / "shop.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    from alembic import command
    from ordermgr.db.migrate import alembic_config
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    backup = upgrade(engine)
    assert backup is not None and backup.exists() and backup.name.startswith("shop.backup-")
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_newer_schema_is_refused_and_left_untouched(engine):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    try:
        with pytest.raises(SchemaTooNew, match="newer version of ordermgr"):
            upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"UPDATE alembic_version SET version_num = '{head_revision()}'"))


def test_0009_fails_the_refunds_stuck_behind_a_parked_push_so_they_can_be_resolved(engine):
    from alembic import command
    from sqlalchemy import select, update

    from ordermgr.db.migrate import alembic_config
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.models import OutboxMessage
    from ordermgr.services import aftersales as cs
    from ordermgr.services.users import resolve_actor
    from tests.factories import build_catalog
    from tests.services.aftersales_helpers import shipped_order, storefront
    uow = UnitOfWork(engine, resolve_actor(engine, "alice"))
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, storefront=storefront(uow))
    cs.quick_refund(uow, order_id, amount="5.00", reason="goodwill")
    cs.quick_refund(uow, order_id, amount="3.00", reason="goodwill")
    with engine.begin() as conn:
        first = conn.execute(select(OutboxMessage.id).where(OutboxMessage.topic == "refund")
                             .order_by(OutboxMessage.id)).scalars().first()
        conn.execute(update(OutboxMessage).where(OutboxMessage.id == first)
                     .values(status="parked", last_error="422: refund window closed"))
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT status FROM refunds ORDER BY id")).scalars().all() == \
                ["pending", "pending"]
    finally:
        upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT status, failure_reason FROM refunds ORDER BY id")).all()
        parts = conn.execute(text("SELECT p.status FROM payments p JOIN refund_parts r ON "
                                  "r.payment_id = p.id ORDER BY r.refund_id")).scalars().all()
    assert [tuple(r) for r in rows] == [("failed", "422: refund window closed"), ("requested", "")]
    assert parts == ["failed", "pending"]
