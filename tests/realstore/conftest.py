"""The real Medusa v2 store, started once per test session and seeded through its own flows.

On a machine without Node.js/npm these tests skip with one line saying so; when the CI
environment variable is set, a missing tool or a store that does not start FAILS the run.
To iterate quickly, start one with `scripts/medusa-store/run.sh` and point the tests at it:
ORDERMGR_TEST_MEDUSA_URL=http://127.0.0.1:PORT ORDERMGR_TEST_MEDUSA_KEY=sk_... (each run of the
push tests uses up a few of its orders).
"""

from __future__ import annotations

import os
from types import SimpleNamespace
from datetime import timedelta

import pytest

from ordermgr.db.uow import UnitOfWork
from ordermgr.services import stores
from ordermgr.sync.runner import sync_store
from tests.connectors.conftest import fast_http
from tests.factories import build_catalog
from tests.realstore import medusa_store, seed
from tests.realstore.medusa_api import AdminApi
from tests.realstore.run import start_seeded

STORE_NAME = "Medusa"
# ordermgr's catalogue: the store's SKUs, stock in both warehouses
STOCK = {sku: (120, 30) for sku in seed.PRODUCTS}


def _cannot_run(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"real Medusa store: {reason} (CI runs these tests, it never skips them)",
                    pytrace=False)
    pytest.skip(f"real Medusa store: {reason}")


@pytest.fixture(scope="session")
def medusa(tmp_path_factory):
    """The running, seeded store (`RunningStore`: url, secret_key, facts)."""
    if os.environ.get("ORDERMGR_TEST_MEDUSA_URL"):
        yield SimpleNamespace(url=os.environ["ORDERMGR_TEST_MEDUSA_URL"],
                              secret_key=os.environ["ORDERMGR_TEST_MEDUSA_KEY"])
        return
    why = medusa_store.missing_tools()
    if why:
        _cannot_run(why)
    if os.environ.get("ORDERMGR_TEST_SKIP_PG") == "1":
        _cannot_run("it needs PostgreSQL, and ORDERMGR_TEST_SKIP_PG=1 is set")
    try:
        store = start_seeded(tmp_path_factory.mktemp("medusa"))
    except Exception as exc:  # noqa: BLE001 - any failure here means the same: no store
        pytest.fail(f"the real Medusa store did not start: {exc}", pytrace=False)
    yield store
    store.stop()


@pytest.fixture(scope="session")
def medusa_admin(medusa) -> AdminApi:
    return AdminApi(medusa.url, medusa_store.ADMIN_EMAIL, medusa_store.ADMIN_PASSWORD)


@pytest.fixture(autouse=True)
def secret_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERMGR_SECRETS_BACKEND", "file")
    monkeypatch.setenv("ORDERMGR_CONFIG_DIR", str(tmp_path / "config"))


class Synced:
    """ordermgr (on `engine`) connected to the real store as `Medusa`, catalogue built."""

    def __init__(self, engine, actor, store_id, catalogue):
        self.engine, self.actor, self.store_id, self.catalogue = engine, actor, store_id, catalogue

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, self.actor)

    def sync(self):
        return sync_store(self.engine, self.actor, self.store_id, http=fast_http(
            STORE_NAME, timeout=(5.0, 30.0)), base_delay=timedelta(0))


@pytest.fixture
def connected(engine, admin, medusa) -> Synced:
    store_id = stores.add_store(UnitOfWork(engine, admin), name=STORE_NAME, platform="medusa",
                                url=medusa.url, credential=medusa.secret_key, currency="USD",
                                code="MD")
    catalogue = build_catalog(UnitOfWork(engine, admin), STOCK)
    return Synced(engine, admin, store_id, catalogue)
