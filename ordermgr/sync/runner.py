"""The sync engine shared by `ordermgr sync`, the GUI and the benchmark: for each store, pull
changed orders page by page (each page one transaction with the watermark), re-poll open orders
where the platform needs it, then deliver the outbox.

Only one runner works a store at a time: a PostgreSQL advisory lock (pg_try_advisory_lock) on a
shared database, a lock file next to a SQLite database. A second runner says so and skips it.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from ordermgr.db.engine import describe_connection_error
from ordermgr.db.locks import try_exclusive
from ordermgr.db.uow import Actor, UnitOfWork
from ordermgr.errors import UserError
from ordermgr.gcpolicy import bulk_work
from ordermgr.services import stores as store_service
from ordermgr.services import sync_import, sync_push
from ordermgr.services.permissions import require_all
from ordermgr.sync.base import StoreError

log = logging.getLogger(__name__)
LOCK_NAMESPACE = 0x53594E43  # "SYNC"
ANALYZE_EVERY = 40  # pages with new orders between planner-statistics refreshes


class StoreBusy(UserError):
    """Another runner is syncing this store right now."""


@dataclass
class StoreRun:
    store: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    quarantined: int = 0
    pushed: int = 0
    push_failed: int = 0
    parked: int = 0
    pages: int = 0
    # what waits for a person after the run (from any round, not only this one)
    waiting_quarantined: int = 0
    waiting_parked: int = 0
    error: str = ""
    skipped: str = ""
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and not self.skipped

    @property
    def needs_attention(self) -> bool:
        """Something was quarantined, parked or failed, in this round or before."""
        return bool(self.quarantined or self.push_failed or self.parked
                    or self.waiting_quarantined or self.waiting_parked)

    def summary(self) -> str:
        if self.skipped:
            return f"{self.store}: skipped - {self.skipped}"
        text_ = (f"{self.store}: {self.new} new, {self.updated} changed, {self.unchanged} unchanged, "
                 f"{self.quarantined} quarantined; pushed {self.pushed}, failed {self.push_failed}, "
                 f"parked {self.parked} ({self.seconds:.1f} s)")
        if self.waiting_quarantined or self.waiting_parked:
            text_ += (f"; waiting: {self.waiting_quarantined} quarantined orders, "
                      f"{self.waiting_parked} parked pushes")
        error = self.error.removeprefix(f"{self.store}: ")  # the line already names the store
        return text_ + (f"; ERROR: {error}" if error else "")


def store_lock(engine: Engine, store_id: int):
    """Yield True if this process got the store, False if another runner holds it."""
    return try_exclusive(engine, LOCK_NAMESPACE, store_id, f"sync-{store_id}")


def sync_store(engine: Engine, actor: Actor, store_id: int, *, page_size: int = 100,
               http=None, push: bool = True, progress: Callable[[str, int], bool | None] | None = None,
               base_delay: timedelta = sync_push.BASE_DELAY) -> StoreRun:
    """Pull then push one store. Storefront problems end up in the result and the sync state,
    not as exceptions, so the other stores go on."""
    def uow() -> UnitOfWork:
        return UnitOfWork(engine, actor)

    conn = store_service.get_connection(uow(), store_id)
    run = StoreRun(conn.name)
    if not conn.credential_ref:
        run.skipped = (f"no credential is stored for {conn.name}; enter it in Storefronts or with "
                       f"`ordermgr store edit '{conn.name}' --credential -`")
        return run
    started = time.monotonic()
    with store_lock(engine, store_id) as got, bulk_work():
        if not got:
            run.skipped = (f"another ordermgr runner is syncing {conn.name} right now; "
                           "it will be picked up on the next round")
            return run
        connector = None
        try:
            connector = store_service.make_connector(conn, http=http)
            since = sync_import.pull_since(uow(), store_id)
            pages_with_new = 0
            # orders held as listed need not be fetched (where updated_at moves on every change)
            current = (partial(sync_import.current_external_ids, engine, store_id)
                       if connector.trusts_updated_at else None)
            for page in prefetch(connector.iter_order_pages(since, page_size=page_size,
                                                            current=current)):
                result = sync_import.import_orders(uow(), store_id, page.orders, broken=page.broken,
                                                   watermark=page.safe_watermark,
                                                   trust_updated_at=connector.trusts_updated_at,
                                                   storefront_now=connector.server_time())
                _add(run, result)
                run.unchanged += page.skipped
                run.pages += 1
                if result.new:
                    pages_with_new += 1
                    if pages_with_new % ANALYZE_EVERY == 1:  # a big pull: keep the planner informed
                        sync_import.refresh_statistics(engine)
                if progress and progress(conn.name, run.new + run.updated + run.unchanged) is False:
                    break
            if connector.repoll_open_orders:
                ids = sync_import.open_external_ids(uow(), store_id)
                if ids:
                    _add(run, sync_import.import_orders(uow(), store_id, connector.fetch_orders(ids),
                                                        storefront_now=connector.server_time()))
            retry = sync_import.quarantined_external_ids(uow(), store_id)
            if retry:  # a currency added meanwhile, a conflict that has passed, ...
                again = sync_import.import_orders(uow(), store_id, connector.fetch_orders(retry),
                                                  storefront_now=connector.server_time())
                run.new += again.new
                run.updated += again.updated
            if push:
                pushed = sync_push.deliver_due(uow, store_id, connector, base_delay=base_delay)
                run.pushed, run.push_failed, run.parked = pushed.sent, pushed.failed, pushed.parked
                run.messages += pushed.errors
                if pushed.errors and pushed.sent == 0 and pushed.failed:
                    run.error = pushed.errors[-1] if "credentials" in pushed.errors[-1] else ""
        except (StoreError, UserError) as exc:
            run.error = str(exc)
        except OperationalError as exc:  # the database went away outside a unit of work
            run.error = describe_connection_error(engine, exc)
        finally:
            if connector is not None:
                connector.close()
        run.seconds = time.monotonic() - started
        try:
            sync_import.record_run(uow(), store_id, ok=not run.error, error=run.error,
                                   pulled=run.new + run.updated)
        except (UserError, OperationalError) as exc:
            log.warning("could not record the sync run of %s: %s", conn.name, exc)
    run.waiting_quarantined, run.waiting_parked = store_service.waiting(engine, store_id)
    return run


def retry_quarantined(engine: Engine, actor: Actor, quarantine_id: int, *,
                      http=None) -> tuple[bool, str]:
    """Read one quarantined order from its storefront again and import it (the cause may have
    been fixed on either side). Returns (imported, what happened)."""
    store_id, external_id, number = sync_import.quarantine_entry(UnitOfWork(engine, actor),
                                                                 quarantine_id)
    conn = store_service.get_connection(UnitOfWork(engine, actor), store_id)
    label = number or external_id
    with store_lock(engine, store_id) as got:
        if not got:
            raise StoreBusy(f"Another ordermgr runner is syncing {conn.name} right now; "
                            "retry in a moment.")
        connector = store_service.make_connector(conn, http=http)
        try:
            remotes = connector.fetch_orders([external_id])
            if not remotes:
                return False, (f"{conn.name} did not return order {label} (deleted on the "
                               "storefront?); it stays quarantined.")
            result = sync_import.import_orders(UnitOfWork(engine, actor), store_id, remotes,
                                               storefront_now=connector.server_time())
        finally:
            connector.close()
    if result.quarantined:
        return False, f"Order {label} is still quarantined: {result.messages[-1]}"
    return True, f"Order {label} of {conn.name} was imported."


def prefetch(pages: Iterator, depth: int = 2) -> Iterator:
    """Fetch the next pages in a background thread while this one is written to the database,
    so the storefront's and our own time overlap. Exceptions arrive in order."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce() -> None:
        try:
            for page in pages:
                while not stop.is_set():
                    try:
                        box.put(("page", page), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put(("end", done))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            box.put(("error", exc))

    worker = threading.Thread(target=produce, name="sync-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            kind, item = box.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()
        worker.join(timeout=30)


def _add(run: StoreRun, result) -> None:
    run.new += result.new
    run.updated += result.updated
    run.unchanged += result.unchanged
    run.quarantined += result.quarantined
    run.messages += result.messages


# What a sync round writes: orders (sync.run) and the refunds made in the storefront.
SYNC_PERMISSIONS = ("sync.run", "payments.refund")


def sync_all(engine: Engine, actor: Actor, *, store_name: str | None = None, **kwargs) -> list[StoreRun]:
    require_all(actor, SYNC_PERMISSIONS, "sync storefronts")  # before any store is touched
    conns = store_service.list_connections(UnitOfWork(engine, actor), active_only=store_name is None)
    if store_name is not None:
        conns = [c for c in conns if c.name == store_name]
        if not conns:
            raise UserError(f"There is no storefront named {store_name!r}; see `ordermgr store list`.")
    return [sync_store(engine, actor, c.id, **kwargs) for c in conns]
