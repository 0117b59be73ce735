"""Store connections: credentials never in plain text or in the database, add/edit/remove/test,
and the `ordermgr store` / `ordermgr sync` commands."""

import json
import stat

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ordermgr import secrets
from ordermgr.cli import main
from ordermgr.errors import ValidationError
from ordermgr.models import Store
from ordermgr.services import stores


def test_a_secret_is_encrypted_in_a_private_file_outside_the_database(secret_file):
    ref = secrets.save_secret("shpat_very_secret_token")
    assert ref.startswith("file:") and "shpat" not in ref
    assert secrets.load_secret(ref) == "shpat_very_secret_token"
    for name in ("secrets.key", "secrets.json"):
        path = secret_file / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "shpat_very_secret_token" not in (secret_file / "secrets.json").read_text()
    replaced = secrets.save_secret("shpat_new", ref=ref)
    assert replaced == ref and secrets.load_secret(ref) == "shpat_new"
    secrets.delete_secret(ref)
    with pytest.raises(Exception, match="missing"):
        secrets.load_secret(ref)


def test_a_store_keeps_only_a_reference_to_its_credential(engine, uow, serve):
    demo, server = serve("woocommerce", orders=1)
    store_id = stores.add_store(uow, name="茶馆 Woo", platform="woocommerce", url=server.url,
                                credential=demo.credential)
    with engine.connect() as conn:
        dumped = json.dumps([list(map(str, row)) for row in conn.execute(text("SELECT * FROM stores"))])
    assert "cs_demo" not in dumped
    assert stores.test_store(uow, store_id).ok
    stores.edit_store(uow, store_id, credential="ck_wrong:cs_wrong")
    result = stores.test_store(uow, store_id)
    assert not result.ok and result.problem == "credentials" and "credentials were refused" in result.message
    stores.edit_store(uow, store_id, url="http://127.0.0.1:9")
    result = stores.test_store(uow, store_id)
    assert not result.ok and result.problem == "url" and "check the URL" in result.message


def test_a_store_url_must_be_https_unless_it_is_this_computer(uow):
    with pytest.raises(ValidationError, match="https"):
        stores.add_store(uow, name="X", platform="shopify", url="http://shop.example.com",
                         credential="t")
    with pytest.raises(ValidationError, match="no connector|Unknown platform"):
        stores.add_store(uow, name="X", platform="oscommerce", url="https://x.example", credential="t")


def test_removing_a_store_with_orders_deactivates_it(connect):
    shop = connect("shopify", orders=2)
    shop.sync()
    message = stores.remove_store(shop.uow(), shop.store_id)
    assert "deactivated" in message
    with Session(shop.engine) as session:
        store = session.get(Store, shop.store_id)
        assert store.active is False and store.credential_ref is None


def test_the_store_and_sync_commands(engine, admin, serve, capsys):
    demo, server = serve("medusa", orders=4)
    url = engine.url.render_as_string(hide_password=False)
    base = ["--database", url, "--user", "alice"]
    assert main(base + ["store", "add", "Medusa 店", "--platform", "medusa", "--url", server.url,
                        "--credential", demo.credential]) == 0
    assert "Connected: Medusa" in capsys.readouterr().out
    assert main(base + ["sync", "--once"]) == 0
    assert "4 new" in capsys.readouterr().out
    assert main(base + ["store", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Medusa 店" in listing and "medusa" in listing
    assert main(base + ["store", "edit", "Medusa 店", "--credential", "sk_revoked"]) == 0
    assert main(base + ["store", "test", "Medusa 店"]) == 2
    assert "credentials were refused" in capsys.readouterr().out
    assert main(base + ["store", "test", "nope"]) == 1
    assert main(base + ["sync", "--parked"]) == 0
    assert "Parked pushes: 0" in capsys.readouterr().out
    with Session(engine) as session:
        assert session.scalar(select(Store.credential_ref).where(Store.name == "Medusa 店")).startswith("file:")
