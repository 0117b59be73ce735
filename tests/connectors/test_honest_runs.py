"""Item 10 of issue 13: health checks accept what real servers answer, a store that cannot
connect is not saved, and `sync --once` says (and exits non-zero) when orders or pushes wait."""

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.cli import main
from ordermgr.models import OutboxMessage, Store
from ordermgr.models.sync import QuarantinedOrder
from ordermgr.services.outbox import enqueue
from tests.connectors.test_pull import order_by_number


@pytest.fixture
def cli(engine, admin):
    url = engine.url.render_as_string(hide_password=False)
    return lambda *args: main(["--database", url, "--user", "alice", *args])


def store_names(engine) -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(Store.name).where(Store.platform != "manual")))


def test_medusa_health_answers_plain_text_and_store_add_accepts_it(cli, serve, capsys):
    demo, server = serve("medusa", orders=1)
    health = requests.get(f"{server.url}/health", timeout=5)
    assert health.text == "OK" and health.headers["Content-Type"].startswith("text/plain")
    assert cli("store", "add", "Medusa", "--platform", "medusa", "--url", server.url,
               "--credential", demo.credential) == 0
    out = capsys.readouterr().out
    assert "Connected: Medusa" in out and "Added Medusa (medusa)." in out


@pytest.mark.parametrize("platform", ["shopify", "woocommerce", "medusa"])
def test_a_store_that_cannot_connect_is_not_saved_and_the_corrected_command_works(
        cli, engine, serve, capsys, platform):
    demo, server = serve(platform, orders=1)
    args = ("store", "add", "Shop", "--platform", platform, "--url", server.url, "--credential")
    wrong = "ck_bad:cs_bad" if platform == "woocommerce" else "bad_token"
    assert cli(*args, wrong) == 2
    out = capsys.readouterr().out
    assert "credentials were refused" in out and "Shop was not saved" in out
    assert store_names(engine) == []
    assert cli(*args, demo.credential) == 0  # the same command, corrected: no "already exists"
    assert "Added Shop" in capsys.readouterr().out
    assert store_names(engine) == ["Shop"]


def test_a_wrong_url_is_not_saved_either(cli, engine, capsys):
    assert cli("store", "add", "Nowhere", "--platform", "medusa", "--url", "http://127.0.0.1:9",
               "--credential", "sk_x") == 2
    assert "check the URL" in capsys.readouterr().out and store_names(engine) == []


def test_sync_once_exits_2_and_counts_what_waits_until_it_is_resolved(cli, connect, engine, capsys):
    shop = connect("woocommerce", orders=4)
    shop.demo.change(shop.demo.orders[2], currency="XYZ")
    assert cli("sync", "--once") == 2
    out = capsys.readouterr().out
    assert "3 new" in out and "1 quarantined;" in out
    assert "waiting: 1 quarantined orders, 0 parked pushes" in out
    assert "see `ordermgr sync --parked`" in out
    assert cli("sync", "--once") == 2  # nothing new, but one still waits (counted once)
    out = capsys.readouterr().out
    assert "0 new" in out and "waiting: 1 quarantined orders" in out
    with Session(engine) as session:
        entry = session.scalar(select(QuarantinedOrder.id))
    assert cli("sync", "--retry-order", str(entry)) == 2  # not fixed yet
    assert "still quarantined" in capsys.readouterr().out
    shop.demo.orders[2].currency = "CNY"  # fixed on the storefront (the listing not re-walked)
    assert cli("sync", "--retry-order", str(entry)) == 0
    assert "was imported" in capsys.readouterr().out
    assert order_by_number(shop, f"WO{shop.demo.orders[2].number}").currency == "CNY"
    assert cli("sync", "--once") == 0
    assert "waiting" not in capsys.readouterr().out


def test_a_parked_push_makes_sync_once_exit_2(cli, connect, engine, capsys):
    shop = connect("shopify", orders=1)
    assert cli("sync", "--once") == 0
    with shop.uow() as uow:
        enqueue(uow, uow.session.get(Store, shop.store_id), "refund",
                {"order_external_id": "1", "amount": "1.00", "currency": "CNY", "reason": "x"},
                key="parked-1")
        uow.session.execute(OutboxMessage.__table__.update().values(status="parked", attempts=8))
        uow.commit()
    capsys.readouterr()
    assert cli("sync", "--once") == 2
    assert "waiting: 0 quarantined orders, 1 parked pushes" in capsys.readouterr().out
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
