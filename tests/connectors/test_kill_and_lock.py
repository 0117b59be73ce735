"""Killing the runner at any point loses and duplicates nothing; only one runner works a store
at a time (pg_try_advisory_lock on PostgreSQL, a lock file next to a SQLite database)."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ordermgr.models import Order, OrderLine, Payment
from ordermgr.models.sync import RawPayload
from ordermgr.sync.runner import store_lock

CHILD = """
import sys
from ordermgr.db.engine import make_engine
from ordermgr.services.users import resolve_actor
from ordermgr.sync.http import HttpClient
from ordermgr.sync.runner import sync_store
engine = make_engine(sys.argv[1])
print(sync_store(engine, resolve_actor(engine, "alice"), int(sys.argv[2]), page_size=10,
                 http=HttpClient(store_name="kill", backoff=0.01)).summary(), flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["shopify", "woocommerce"])
def test_killing_the_runner_mid_pull_and_starting_again_loses_and_duplicates_nothing(connect, platform):
    shop = connect(platform, orders=120)
    served = []

    def slow(method, path):
        served.append(path)
        time.sleep(0.05)
    shop.demo.after_request = slow
    url = shop.engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen([sys.executable, "-c", CHILD, url, str(shop.store_id)],
                             env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(served) < 5 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, child.stderr.read().decode()
    with Session(shop.engine) as session:
        partial = session.scalar(select(func.count()).select_from(Order))
    assert 0 < partial < 120  # it really died in the middle
    shop.demo.after_request = None
    run = shop.sync(page_size=10)
    assert run.ok, run.error
    with Session(shop.engine) as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 120
        assert session.scalar(select(func.count()).select_from(RawPayload)) == 120
        lines = Counter(session.scalars(select(OrderLine.order_id)))
        orders = {o.external_id: o.id for o in session.scalars(select(Order))}
        charges = Counter(session.scalars(select(Payment.order_id).where(Payment.kind == "charge")))
    demo_lines = {o.seq: len(o.lines) for o in shop.demo.orders.values()}
    for order_id in orders.values():
        assert charges[order_id] <= 1
    assert sorted(lines.values()) == sorted(demo_lines.values())


def test_a_second_runner_is_told_the_store_is_busy(connect):
    shop = connect("medusa", orders=3)
    with store_lock(shop.engine, shop.store_id) as got:
        assert got
        run = shop.sync()
        assert run.skipped and "another ordermgr runner is syncing Demo medusa" in run.skipped
        assert run.new == 0
    assert shop.sync().new == 3


def test_the_advisory_lock_is_held_by_one_postgresql_session(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("advisory locks are a PostgreSQL feature")
    from ordermgr.sync.runner import LOCK_NAMESPACE
    with store_lock(engine, 42) as got:
        assert got
        with engine.connect() as other:
            taken = other.execute(text("SELECT pg_try_advisory_lock(:ns, 42)"),
                                  {"ns": LOCK_NAMESPACE}).scalar()
            assert taken is False
    with engine.connect() as other:
        assert other.execute(text("SELECT pg_try_advisory_lock(:ns, 42)"), {"ns": LOCK_NAMESPACE}).scalar()
        other.execute(text("SELECT pg_advisory_unlock(:ns, 42)"), {"ns": LOCK_NAMESPACE})


def test_a_store_without_a_stored_credential_is_skipped_with_a_hint(engine, uow):
    from ordermgr.services import catalog
    from ordermgr.sync.runner import sync_all
    catalog.create_store(uow, name="Imported demo shop", code="ID", platform="shopify",
                         currency="CNY", base_url="https://demo.myshopify.com")
    runs = sync_all(engine, uow.actor)
    assert len(runs) == 1 and "no credential is stored for Imported demo shop" in runs[0].skipped
