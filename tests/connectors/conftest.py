"""Fixtures for connector tests: demo stores on real HTTP on 127.0.0.1 (ephemeral ports), fast
retry settings, credentials in a temporary encrypted file."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ordermgr.db.uow import UnitOfWork
from ordermgr.services import stores
from ordermgr.sync.fake import DemoServer, DemoStore
from ordermgr.sync.http import HttpClient
from ordermgr.sync.runner import sync_store

PLATFORMS = ("shopify", "woocommerce", "medusa")


@pytest.fixture(autouse=True)
def secret_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERMGR_SECRETS_BACKEND", "file")
    monkeypatch.setenv("ORDERMGR_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def fast_http(name: str = "Demo", **kwargs) -> HttpClient:
    options = dict(store_name=name, backoff=0.01, timeout=(1.0, 1.0), max_attempts=4)
    options.update(kwargs)
    return HttpClient(**options)


@pytest.fixture
def serve():
    servers = []

    def start(platform: str, orders: int = 20, **kwargs) -> tuple[DemoStore, DemoServer]:
        demo = DemoStore(platform=platform, orders=orders, **kwargs)
        server = DemoServer(demo).start()
        servers.append(server)
        return demo, server

    yield start
    for server in servers:
        server.stop()


class Shop:
    """A demo storefront connected to the test database as store `name`."""

    def __init__(self, engine, actor, demo, server, store_id, name):
        self.engine, self.actor, self.demo, self.server = engine, actor, demo, server
        self.store_id, self.name = store_id, name

    def sync(self, **kwargs):
        kwargs.setdefault("http", fast_http(self.name))
        kwargs.setdefault("base_delay", timedelta(0))
        return sync_store(self.engine, self.actor, self.store_id, **kwargs)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, self.actor)


@pytest.fixture
def connect(engine, admin, serve):
    def make(platform: str, orders: int = 20, name: str | None = None, **kwargs) -> Shop:
        demo, server = serve(platform, orders, **kwargs)
        name = name or f"Demo {platform}"
        store_id = stores.add_store(UnitOfWork(engine, admin), name=name, platform=platform,
                                    url=server.url, credential=demo.credential,
                                    code=platform[:2].upper())
        return Shop(engine, admin, demo, server, store_id, name)
    return make
