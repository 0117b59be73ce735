"""Storefront connections: add, edit, remove and test a store. Credentials go to
ordermgr.secrets (keyring or encrypted file); the database keeps only the reference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import func, select

from ordermgr import secrets
from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, ValidationError
from ordermgr.models import Order, Store
from ordermgr.models.money import check_currency
from ordermgr.sync import CONNECTORS, connector_class
from ordermgr.sync.base import (StoreAuthError, StoreBadResponse, StoreError, StoreRejected,
                                StoreUnreachable)

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def check_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"{url!r} is not a web address; use e.g. https://shop.example.com")
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise ValidationError("Use https:// for a storefront: over plain http the credentials "
                              "would travel unencrypted.")
    return url


def _check_platform(platform: str) -> str:
    if platform not in CONNECTORS:
        raise ValidationError(f"Unknown platform {platform!r}; choose one of {', '.join(CONNECTORS)}.")
    return platform


def _code_for(uow: UnitOfWork, name: str) -> str:
    base = re.sub(r"[^A-Z0-9]", "", name.upper())[:3] or "S"
    code, n = base, 1
    while uow.session.scalar(select(Store.id).where(Store.code == code)):
        n += 1
        code = f"{base[:6]}{n}"
    return code


def add_store(uow: UnitOfWork, *, name: str, platform: str, url: str, credential: str,
              currency: str = "CNY", code: str | None = None, options: dict | None = None) -> int:
    name = (name or "").strip()
    if not name:
        raise ValidationError("Give the store a name.")
    platform, url = _check_platform(platform), check_url(url)
    currency = check_currency(currency)
    if not (credential or "").strip():
        raise ValidationError(f"Enter the API credential for {name}.")
    with uow:
        uow.require("stores.edit", "add stores")
        if uow.session.scalar(select(Store.id).where(Store.name == name)):
            raise ValidationError(f"A store named {name} already exists.")
        code = (code or "").strip().upper() or _code_for(uow, name)
        if uow.session.scalar(select(Store.id).where(Store.code == code)):
            raise ValidationError(f"The order-number prefix {code} is already used by another store.")
        ref = secrets.save_secret(credential.strip())
        store = Store(name=name, code=code, platform=platform, base_url=url, currency=currency,
                      credential_ref=ref, active=True, options=dict(options or {}))
        uow.session.add(store)
        uow.session.flush()
        uow.audit("store.create", "store", store.id, name=name, platform=platform, url=url)
        uow.changes.stores = True
        try:
            uow.commit()
        except Exception:
            secrets.delete_secret(ref)
            raise
        return store.id


def edit_store(uow: UnitOfWork, store_id: int, *, name: str | None = None, url: str | None = None,
               credential: str | None = None, active: bool | None = None,
               options: dict | None = None) -> None:
    with uow:
        uow.require("stores.edit", "edit stores")
        store = _get(uow, store_id)
        changed = {}
        if name is not None and name.strip() != store.name:
            if uow.session.scalar(select(Store.id).where(Store.name == name.strip(), Store.id != store_id)):
                raise ValidationError(f"A store named {name.strip()} already exists.")
            changed["name"] = store.name = name.strip()
        if url is not None and check_url(url) != store.base_url:
            changed["url"] = store.base_url = check_url(url)
        if active is not None and active != store.active:
            changed["active"] = store.active = active
        if options is not None:
            store.options = {**(store.options or {}), **options}
            changed["options"] = sorted(options)
        if credential:
            store.credential_ref = secrets.save_secret(credential.strip(), ref=store.credential_ref)
            changed["credential"] = "replaced"
        uow.audit("store.edit", "store", store.id, **changed)
        uow.changes.stores = True
        uow.commit()


def remove_store(uow: UnitOfWork, store_id: int) -> str:
    """Delete a store without orders; a store with orders is deactivated (its orders stay)."""
    with uow:
        uow.require("stores.edit", "remove stores")
        store = _get(uow, store_id)
        orders = uow.session.scalar(select(func.count()).select_from(Order).where(Order.store_id == store_id))
        ref = store.credential_ref
        if orders:
            store.active = False
            store.credential_ref = None
            message = (f"{store.name} has {orders} orders, so it was deactivated instead of deleted; "
                       "its credential was removed and it will not be synced any more.")
        else:
            from ordermgr.models import OutboxMessage
            uow.session.query(OutboxMessage).filter(OutboxMessage.store_id == store_id).delete()
            uow.session.delete(store)
            message = f"{store.name} was removed."
        uow.audit("store.remove", "store", store_id, name=store.name, deactivated=bool(orders))
        uow.changes.stores = True
        uow.commit()
    secrets.delete_secret(ref)
    return message


def _get(uow: UnitOfWork, store_id: int) -> Store:
    store = uow.session.get(Store, store_id)
    if store is None or store.platform == "manual":
        raise NotFound(f"Store {store_id} is not a storefront connection.")
    return store


def find_store(uow: UnitOfWork, name: str) -> Store:
    with uow:
        store = uow.session.scalar(select(Store).where(Store.name == name))
        if store is None:
            raise NotFound(f"There is no store named {name!r}; see `ordermgr store list`.")
        return store


@dataclass(frozen=True)
class StoreConnection:
    id: int
    name: str
    code: str
    platform: str
    base_url: str
    active: bool
    options: dict
    credential_ref: str | None


def list_connections(uow: UnitOfWork, *, active_only: bool = False) -> list[StoreConnection]:
    with uow:
        query = select(Store).where(Store.platform != "manual").order_by(Store.name)
        if active_only:
            query = query.where(Store.active)
        return [StoreConnection(s.id, s.name, s.code, s.platform, s.base_url, s.active,
                                dict(s.options or {}), s.credential_ref)
                for s in uow.session.scalars(query)]


def get_connection(uow: UnitOfWork, store_id: int) -> StoreConnection:
    with uow:
        s = _get(uow, store_id)
        return StoreConnection(s.id, s.name, s.code, s.platform, s.base_url, s.active,
                               dict(s.options or {}), s.credential_ref)


def make_connector(conn: StoreConnection, *, http=None, credential: str | None = None):
    cls = connector_class(conn.platform)
    return cls(name=conn.name, base_url=conn.base_url,
               credential=credential if credential is not None else secrets.load_secret(conn.credential_ref),
               options=conn.options, http=http)


@dataclass(frozen=True)
class TestResult:
    ok: bool
    problem: str  # "", "url", "credentials", "response", "other"
    message: str


def test_store(uow: UnitOfWork, store_id: int, *, http=None) -> TestResult:
    """Check the URL and the credentials; says clearly which one is wrong."""
    conn = get_connection(uow, store_id)
    from ordermgr.sync.http import HttpClient
    connector = make_connector(conn, http=http or HttpClient(store_name=conn.name, max_attempts=2,
                                                             backoff=0.5, timeout=(5, 15)))
    try:
        description = connector.test_connection()
    except StoreAuthError as exc:
        return TestResult(False, "credentials", f"The URL is right, but the credentials were refused: {exc}")
    except StoreUnreachable as exc:
        return TestResult(False, "url", f"Cannot reach the store - check the URL: {exc}")
    except StoreRejected as exc:
        return TestResult(False, "url", f"The store answered, but not like {conn.platform}: "
                                        f"check the URL. {exc}")
    except StoreBadResponse as exc:
        return TestResult(False, "response", f"{exc}")
    except StoreError as exc:
        return TestResult(False, "other", str(exc))
    finally:
        connector.close()
    return TestResult(True, "", f"Connected: {description}.")
