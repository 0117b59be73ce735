"""The PostgreSQL server dropping ordermgr's connections in the middle of a sync: one clear line,
a non-zero exit, the store's last error recorded, and the next sync completes the pull."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.cli import main
from ordermgr.models import Order
from ordermgr.models.sync import SyncState
from tests.conftest import _pg_admin_connection


def terminate_ordermgr_backends(database: str) -> int:
    with _pg_admin_connection() as admin:
        return len(admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
            "AND application_name = 'ordermgr' AND pid <> pg_backend_pid()", (database,)).fetchall())


@pytest.mark.parametrize("kill_at", [1, 2, 6, 11])  # before the first page, early, midway, at the end
def test_connections_killed_mid_sync_give_one_line_and_the_next_sync_finishes(connect, capsys,
                                                                             kill_at):
    shop = connect("shopify", orders=120)
    if shop.engine.dialect.name != "postgresql":
        pytest.skip("kills PostgreSQL server processes")
    served, killed = [], []

    def kill_after_some_pages(method, path):
        served.append(path)
        if len(served) == kill_at:
            killed.append(terminate_ordermgr_backends(shop.engine.url.database))
    shop.demo.after_request = kill_after_some_pages
    url = shop.engine.url.render_as_string(hide_password=False)
    command = ["--database", url, "--user", "alice", "sync", "--once", "--page-size", "10"]

    code = main(command)

    out, err = capsys.readouterr()
    assert killed and killed[0] >= 1
    assert "Traceback" not in out + err and err == ""
    with Session(shop.engine) as session:
        last_error = session.get(SyncState, shop.store_id).last_error
        pulled = session.scalar(select(func.count()).select_from(Order))
    if code == 0:  # the kill found only idle connections: the pool replaced them unnoticed
        assert pulled == 120 and "ERROR" not in out
    else:
        assert code == 1
        [error_line] = [line for line in out.splitlines() if "ERROR" in line]
        assert "Lost the connection to the database" in error_line
        assert "Lost the connection to the database" in last_error and pulled < 120
    shop.demo.after_request = None
    assert main(command) == 0
    with Session(shop.engine) as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 120
        assert session.get(SyncState, shop.store_id).last_error == ""
