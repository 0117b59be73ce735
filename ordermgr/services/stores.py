"""Storefront connections: add, edit, remove and test a store. Credentials go to
ordermgr.secrets (keyring or encrypted file); the database keeps only the reference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import case, func, select

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
        _check_new_name(uow, name)
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


def _check_new_name(uow: UnitOfWork, name: str) -> None:
    if uow.session.scalar(select(Store.id).where(Store.name == name)):
        raise ValidationError(f"A store named {name} already exists.")


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


def find_store(uow: UnitOfWork, name: str) -> int:
    with uow:
        store_id = uow.session.scalar(select(Store.id).where(Store.name == name,
                                                             Store.platform != "manual"))
        if store_id is None:
            raise NotFound(f"There is no storefront named {name!r}; see `ordermgr store list`.")
        return store_id


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
    return _test(make_connector(conn, http=http or _test_http(conn.name)), conn.platform)


def add_tested_store(uow: UnitOfWork, *, name: str, platform: str, url: str, credential: str,
                     http=None, **fields) -> tuple[int | None, TestResult]:
    """Test the connection first and save the store only if it works: a store that cannot
    connect is not kept (so the same command, corrected, can simply be run again).
    Returns (store id or None, what the test said)."""
    platform, url = _check_platform(platform), check_url(url)  # before a credential is sent
    if not (credential or "").strip():
        raise ValidationError(f"Enter the API credential for {(name or '').strip() or 'the store'}.")
    with uow:
        uow.require("stores.edit", "add stores")
        _check_new_name(uow, (name or "").strip())
    probe = StoreConnection(0, (name or "").strip(), "", platform, url, True,
                            dict(fields.get("options") or {}), None)
    result = _test(make_connector(probe, http=http or _test_http(probe.name),
                                  credential=credential.strip()), platform)
    if not result.ok:
        return None, result
    return add_store(uow, name=name, platform=platform, url=url, credential=credential,
                     **fields), result


def _test_http(name: str):
    from ordermgr.sync.http import HttpClient
    return HttpClient(store_name=name, max_attempts=2, backoff=0.5, timeout=(5, 15))


def _test(connector, platform: str) -> TestResult:
    try:
        description = connector.test_connection()
    except StoreAuthError as exc:
        return TestResult(False, "credentials", f"The URL is right, but the credentials were refused: {exc}")
    except StoreUnreachable as exc:
        return TestResult(False, "url", f"Cannot reach the store - check the URL: {exc}")
    except StoreRejected as exc:
        return TestResult(False, "url", f"The store answered, but not like {platform}: "
                                        f"check the URL. {exc}")
    except StoreBadResponse as exc:
        return TestResult(False, "response", f"{exc}")
    except StoreError as exc:
        return TestResult(False, "other", str(exc))
    finally:
        connector.close()
    return TestResult(True, "", f"Connected: {description}.")


# -- read side: status panel, parked pushes, quarantine -------------------------------------------

@dataclass(frozen=True)
class StoreStatus:
    id: int
    name: str
    platform: str
    url: str
    active: bool
    last_run_at: object
    last_success_at: object
    last_error: str
    orders_pulled: int
    last_pulled: int
    pending: int
    failing: int
    parked: int
    quarantined: int


def store_statuses(engine) -> list[StoreStatus]:
    from ordermgr.models import OutboxMessage
    from ordermgr.models.sync import QuarantinedOrder, SyncState
    outbox = (select(OutboxMessage.store_id,
                     func.sum(case((OutboxMessage.status == "pending", 1), else_=0)).label("pending"),
                     func.sum(case(((OutboxMessage.status == "pending") & (OutboxMessage.attempts > 0), 1),
                                   else_=0)).label("failing"),
                     func.sum(case((OutboxMessage.status == "parked", 1), else_=0)).label("parked"))
              .where(OutboxMessage.status.in_(("pending", "parked")))
              .group_by(OutboxMessage.store_id).subquery())
    quarantine = (select(QuarantinedOrder.store_id, func.count().label("n"))
                  .where(QuarantinedOrder.resolved_at.is_(None))
                  .group_by(QuarantinedOrder.store_id).subquery())
    query = (select(Store.id, Store.name, Store.platform, Store.base_url, Store.active,
                    SyncState.last_run_at, SyncState.last_success_at, SyncState.last_error,
                    SyncState.orders_pulled, SyncState.last_pulled, outbox.c.pending,
                    outbox.c.failing, outbox.c.parked, quarantine.c.n)
             .outerjoin(SyncState, SyncState.store_id == Store.id)
             .outerjoin(outbox, outbox.c.store_id == Store.id)
             .outerjoin(quarantine, quarantine.c.store_id == Store.id)
             .where(Store.platform != "manual").order_by(Store.name))
    with engine.connect() as conn:
        return [StoreStatus(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], r[7] or "", r[8] or 0,
                            r[9] or 0, int(r[10] or 0), int(r[11] or 0), int(r[12] or 0), int(r[13] or 0))
                for r in conn.execute(query)]


def waiting(engine, store_id: int) -> tuple[int, int]:
    """What waits for a person at one store: (open quarantined orders, parked pushes)."""
    from ordermgr.models import OutboxMessage
    from ordermgr.models.sync import QuarantinedOrder
    with engine.connect() as conn:
        quarantined = conn.scalar(select(func.count()).select_from(QuarantinedOrder).where(
            QuarantinedOrder.store_id == store_id, QuarantinedOrder.resolved_at.is_(None)))
        parked = conn.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.store_id == store_id, OutboxMessage.status == "parked"))
    return int(quarantined or 0), int(parked or 0)


@dataclass(frozen=True)
class ParkedPush:
    id: int
    store: str
    topic: str
    summary: str
    attempts: int
    error: str
    created_at: object


def parked_pushes(engine, *, limit: int = 200) -> list[ParkedPush]:
    from ordermgr.models import OutboxMessage
    query = (select(OutboxMessage.id, Store.name, OutboxMessage.topic, OutboxMessage.payload,
                    OutboxMessage.attempts, OutboxMessage.last_error, OutboxMessage.created_at)
             .join(Store, Store.id == OutboxMessage.store_id)
             .where(OutboxMessage.status == "parked").order_by(OutboxMessage.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [ParkedPush(r[0], r[1], r[2], _push_summary(r[2], r[3] or {}), r[4], r[5] or "", r[6])
                for r in conn.execute(query)]


def _push_summary(topic: str, payload: dict) -> str:
    order = payload.get("order_external_id")
    if topic == "fulfilment":
        return f"order {order}: {payload.get('carrier', '')} {payload.get('waybill', '')}"
    if topic == "refund":
        return f"order {order}: {payload.get('amount', '')} {payload.get('currency', '')}"
    if topic == "stock":
        return f"{payload.get('sku')} @ {payload.get('warehouse') or payload.get('location')}: " \
               f"{payload.get('available')}"
    return f"order {order}"


@dataclass(frozen=True)
class QuarantineRow:
    id: int
    store: str
    external_id: str
    number: str
    reason: str
    attempts: int
    last_seen_at: object


def quarantined_orders(engine, *, limit: int = 200) -> list[QuarantineRow]:
    from ordermgr.models.sync import QuarantinedOrder as Q
    query = (select(Q.id, Store.name, Q.external_id, Q.number, Q.reason, Q.attempts, Q.last_seen_at)
             .join(Store, Store.id == Q.store_id).where(Q.resolved_at.is_(None))
             .order_by(Q.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [QuarantineRow(*r) for r in conn.execute(query)]
