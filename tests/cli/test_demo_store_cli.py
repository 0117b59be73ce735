"""`ordermgr demo-store` as a new user meets it: start it, paste the command it prints, sync."""

import shlex
import subprocess
import sys

import pytest
import requests
from sqlalchemy import text

from ordermgr.cli import main
from ordermgr.db.engine import make_engine


@pytest.fixture
def demo_store(tmp_path):
    server = subprocess.Popen(
        [sys.executable, "-c", "from ordermgr.cli import main; raise SystemExit(main())",
         "--database", f"sqlite:///{tmp_path / 'server.sqlite3'}", "demo-store",
         "--platform", "woocommerce", "--orders", "8", "--every", "0"],
        stdout=subprocess.PIPE, text=True)
    try:
        lines = [server.stdout.readline() for _ in range(4)]
        yield lines
    finally:
        server.kill()
        server.wait(10)


def test_the_printed_command_connects_and_a_sync_pulls_the_orders(demo_store, tmp_path, monkeypatch,
                                                                     capsys):
    monkeypatch.setenv("ORDERMGR_SECRETS_BACKEND", "file")
    monkeypatch.setenv("ORDERMGR_CONFIG_DIR", str(tmp_path / "config"))
    assert demo_store[0].startswith("Demo woocommerce store with 8 orders at http://127.0.0.1:")
    create = shlex.split(demo_store[2], comments=True)
    add = shlex.split(demo_store[3])
    assert create == ["ordermgr", "db", "upgrade"] and add[:3] == ["ordermgr", "store", "add"]
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    base = ["--database", url, "--user", "clerk"]
    assert not (tmp_path / "server.sqlite3").exists()  # the demo store needs no database
    assert main(base + add[1:]) == 1  # no database yet: says so, creates none
    assert "No database at" in capsys.readouterr().err
    assert main(base + create[1:]) == 0
    assert main(base + add[1:]) == 0
    assert "Connected: WooCommerce" in capsys.readouterr().out
    assert main(base + ["sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert "Demo woocommerce: 8 new" in out and "ERROR" not in out
    site = requests.get(add[add.index("--url") + 1] + "/wp-json/", timeout=10).json()
    assert "wc-shipment-tracking/v3" in site["namespaces"]  # tracking goes where customers see it
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM orders")).scalar() == 8
    finally:
        engine.dispose()
