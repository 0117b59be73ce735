"""Import storefront orders: idempotent upsert keyed by (store, external id).

One page of orders = one transaction, together with the store's watermark, so a crash between
pages loses nothing (the next run asks again from the watermark minus the overlap window) and
duplicates nothing (the upsert compares the payload digest and the remote `updated_at`).

Fast path: the page is validated in Python first, then written with one flush. If the database
still refuses something (a duplicate waybill, say), the page is redone order by order inside
savepoints, and only the offending order is quarantined.

Rules for what staff already did:
- a storefront cancellation of an order that is being picked or is packed puts it on hold in the
  exceptions queue with a note instead of cancelling it; after shipping it only adds the note;
- an address change after a waybill was printed is not applied: the order is tagged "exception"
  (and held if it has not left) with the new address in the note;
- goods fulfilled on the storefront, outside ordermgr, are booked out of the warehouses that had
  them reserved (the order is flagged; what had no reservation is named for a stock check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ConflictError, DomainError, NotFound, UserError
from ordermgr.models import (Address, Customer, FulfilmentStatus, Order, OrderEvent, OrderLine,
                             OrderStatus, Payment, PaymentStatus, Shipment, ShipmentStatus, Sku,
                             Store, utcnow)
from ordermgr.models.orders import build_search_text
from ordermgr.models.money import check_currency
from ordermgr.models.states import ORDER_OPEN_STATES, ORDER_SHIPPED_STATES, SHIPMENT_MACHINE
from ordermgr.models.sync import QuarantinedOrder, RawPayload, SyncState
from ordermgr.services import shipments
from ordermgr.services.orders import _allocate, release_reservations
from ordermgr.sync.base import RemoteOrder

OVERLAP = timedelta(minutes=5)
REFUNDS_PENDING = "refunds-pending"  # digest of a payload whose refunds are not recorded yet
EXCEPTION_TAG = "exception"
STOREFRONT_HOLD = "On hold on the storefront"
S = OrderStatus
TWO_PLACES = Decimal("0.01")

# neutral payment status (from the connectors' tables) -> ours
PAYMENT = {
    "pending": PaymentStatus.PENDING,
    "partially_paid": PaymentStatus.PENDING,
    "paid": PaymentStatus.PAID,
    "partially_refunded": PaymentStatus.PARTIALLY_REFUNDED,
    "refunded": PaymentStatus.REFUNDED,
    "cancelled": PaymentStatus.VOIDED,
}
PAID_LIKE = {"paid", "partially_refunded"}


@dataclass
class ImportResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    quarantined: int = 0
    order_ids: set[int] = field(default_factory=set)
    messages: list[str] = field(default_factory=list)

    def merge(self, other: "ImportResult") -> "ImportResult":
        for name in ("new", "updated", "unchanged", "older", "quarantined"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.order_ids |= other.order_ids
        self.messages += other.messages
        return self

    @property
    def pulled(self) -> int:
        return self.new + self.updated


# -- watermark ------------------------------------------------------------------------------------

def pull_since(uow: UnitOfWork, store_id: int) -> datetime | None:
    """Where the next pull starts: the watermark minus the overlap window (None: everything)."""
    with uow:
        state = uow.session.get(SyncState, store_id)
        if state is None or state.watermark is None:
            return None
        return state.watermark - OVERLAP


def current_external_ids(engine: Engine, store_id: int,
                         stamps: list[tuple[str, datetime]]) -> set[str]:
    """Which of these (external id, remote updated_at) we hold exactly as listed (for platforms
    that bump updated_at on every change): those need not be fetched again."""
    if not stamps:
        return set()
    wanted = dict(stamps)
    # a plain read (no write lock): it runs beside the page being written
    with engine.connect() as conn:
        rows = conn.execute(
            select(RawPayload.external_id, RawPayload.digest, RawPayload.remote_updated_at)
            .where(RawPayload.store_id == store_id, RawPayload.external_id.in_(list(wanted))))
        return {row.external_id for row in rows if _holds(row, wanted[row.external_id])}


def _holds(raw, remote_updated_at: datetime) -> bool:
    """The stored payload is this version, fully applied (refunds included)."""
    return raw.digest != REFUNDS_PENDING and raw.remote_updated_at == remote_updated_at


def open_external_ids(uow: UnitOfWork, store_id: int, *, limit: int = 500) -> list[str]:
    """Orders whose payment may still change without the storefront bumping updated_at."""
    with uow:
        rows = uow.session.scalars(
            select(Order.external_id).where(
                Order.store_id == store_id, Order.external_id.is_not(None),
                Order.status.in_([S.PENDING_PAYMENT, S.ON_HOLD]),
                Order.payment_status.in_([PaymentStatus.PENDING, PaymentStatus.AUTHORIZED]))
            .order_by(Order.id.desc()).limit(limit))
        return list(rows)


def quarantined_external_ids(uow: UnitOfWork, store_id: int, *, limit: int = 100) -> list[str]:
    """Quarantined orders to read again (the cause may have been fixed on either side)."""
    with uow:
        return list(uow.session.scalars(
            select(QuarantinedOrder.external_id).where(
                QuarantinedOrder.store_id == store_id, QuarantinedOrder.resolved_at.is_(None),
                QuarantinedOrder.external_id != "?")
            .order_by(QuarantinedOrder.last_seen_at).limit(limit)))


def record_run(uow: UnitOfWork, store_id: int, *, ok: bool, error: str = "", pulled: int = 0) -> None:
    with uow:
        state = _state(uow, store_id)
        now = utcnow()
        state.last_run_at = now
        state.last_pulled = pulled
        if ok:
            state.last_success_at = now
            state.last_error = ""
        else:
            state.last_error = error[:2000]
        uow.changes.stores = True
        uow.commit()


def _state(uow: UnitOfWork, store_id: int) -> SyncState:
    state = uow.session.get(SyncState, store_id)
    if state is None:
        state = SyncState(store_id=store_id, orders_pulled=0, last_pulled=0, last_error="")
        uow.session.add(state)
        uow.session.flush()
    return state


def refresh_statistics(engine: Engine) -> None:
    """Fresh planner statistics for the tables a page import looks rows up in (PostgreSQL).

    A first pull into an empty database outruns autovacuum: without statistics the planner reads
    every row of the store to find a page's 250 orders, and each page gets slower than the last
    (100,000 orders: from 170 to 600 ms a page). ANALYZE samples, so it stays cheap."""
    if engine.dialect.name != "postgresql":
        return  # SQLite's planner picks the unique indexes without statistics
    tables = [model.__tablename__ for model in (Order, RawPayload, QuarantinedOrder, Customer, Address)]
    with engine.connect() as conn:
        conn.exec_driver_sql(f"ANALYZE {', '.join(tables)}")
        conn.commit()


# -- the page import ------------------------------------------------------------------------------

def import_orders(uow: UnitOfWork, store_id: int, orders: list[RemoteOrder], *,
                  broken: Iterable[tuple[str, str, str, dict]] = (),
                  watermark: datetime | None = None, trust_updated_at: bool = False) -> ImportResult:
    """Upsert one page of storefront orders and advance the watermark, in one transaction.

    `trust_updated_at`: the platform bumps `updated_at` on every change (Shopify), so an order
    whose `updated_at` equals the stored one is unchanged without hashing its payload."""
    broken = list(broken)
    refunds: list = []
    options = dict(refunds=refunds, trust=trust_updated_at)
    try:
        result = _import(uow, store_id, orders, broken, watermark, careful=False, **options)
    except (IntegrityError, DBAPIError, ValueError, DomainError, ConflictError):
        # redo the page order by order: only the offending order is quarantined
        refunds.clear()
        result = _import(uow, store_id, orders, broken, watermark, careful=True, **options)
    if refunds:
        _record_refunds(uow, store_id, refunds, result)
    return result


def _record_refunds(uow: UnitOfWork, store_id: int, refunds: list, result: ImportResult) -> None:
    """Hand storefront refunds to after-sales (each its own transaction, idempotent), then mark
    the orders' payloads as fully applied. A crash in between leaves the digest "pending", so
    the next pull applies the order again and nothing is lost or doubled."""
    from ordermgr.services import payments
    done = set()
    for order_id, ext, rp in refunds:
        try:
            payments.record_storefront_refund(
                UnitOfWork(uow.engine, uow.actor), order_id, external_id=rp.external_id,
                amount=rp.amount, lines=[], at=utcnow())
            done.add(ext)
        except UserError as exc:
            result.messages.append(f"order {ext}: storefront refund {rp.external_id} not recorded: {exc}")
    with uow:
        for order_id, ext, rp in refunds:
            if ext in done:
                digest = uow.session.scalar(select(RawPayload.payload).where(
                    RawPayload.store_id == store_id, RawPayload.external_id == ext))
                from ordermgr.sync.base import payload_digest
                uow.session.execute(update(RawPayload).where(
                    RawPayload.store_id == store_id, RawPayload.external_id == ext)
                    .values(digest=payload_digest(digest)))
        uow.commit()


def _import(uow, store_id, orders, broken, watermark, *, careful: bool, refunds: list,
            trust: bool) -> ImportResult:
    result = ImportResult()
    with uow:
        uow.require("sync.run", "pull orders from storefronts")
        session = uow.session
        store = session.get(Store, store_id)
        if store is None:
            raise NotFound(f"Store {store_id} does not exist.")
        latest: dict[str, RemoteOrder] = {}
        for remote in orders:  # the same order may come twice when it changed during the walk
            have = latest.get(remote.external_id)
            if have is None or remote.updated_at >= have.updated_at:
                latest[remote.external_id] = remote
        ids = list(latest)
        known = {row.external_id: row for row in session.execute(
            select(RawPayload.id, RawPayload.external_id, RawPayload.digest,
                   RawPayload.remote_updated_at)
            .where(RawPayload.store_id == store_id, RawPayload.external_id.in_(ids)))} if ids else {}
        todo: list[RemoteOrder] = []
        for ext, remote in latest.items():
            raw = known.get(ext)
            if raw is not None and ((trust and _holds(raw, remote.updated_at)) or (
                    raw.digest != REFUNDS_PENDING and raw.digest == remote.digest)):
                result.unchanged += 1
            elif raw is not None and raw.remote_updated_at and remote.updated_at < raw.remote_updated_at:
                result.older += 1  # a stale copy (webhook/overlap); the newer one is already in
            else:
                try:
                    remote = remote.parse()
                except (KeyError, TypeError, ValueError) as exc:
                    _quarantine(uow, store, remote.external_id, remote.number,
                                f"unreadable order: {exc}", remote.raw, result)
                    continue
                problems = validate(remote)
                if problems:
                    _quarantine(uow, store, remote.external_id, remote.number, "; ".join(problems),
                                remote.raw, result)
                else:
                    todo.append(remote)
        for ext, number, reason, raw in broken:
            _quarantine(uow, store, ext or "?", number, reason, raw, result)
        if todo:
            importer = _PageImporter(uow, store, todo, known)
            if careful:
                for remote in todo:
                    try:
                        with session.begin_nested():
                            importer.apply([remote], result)
                    except (IntegrityError, DBAPIError, ValueError, UserError, StaleDataError) as exc:
                        importer.refunds = [r for r in importer.refunds if r[2] is not remote]
                        _quarantine(uow, store, remote.external_id, remote.number,
                                    _db_reason(exc), remote.raw, result)
            else:
                importer.apply(todo, result)
        state = _state(uow, store_id)
        if watermark is not None and (state.watermark is None or watermark > state.watermark):
            state.watermark = watermark
        state.orders_pulled = (state.orders_pulled or 0) + result.pulled
        if result.pulled or result.quarantined:
            uow.audit("sync.pull", "store", store_id, new=result.new, updated=result.updated,
                      quarantined=result.quarantined)
        uow.changes.orders |= result.order_ids
        uow.changes.stores = True
        uow.commit()
        if todo:
            refunds += [(order_id, remote.external_id, rp) for order_id, rp, remote in importer.refunds]
    return result


def _db_reason(exc: Exception) -> str:
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, StaleDataError):
        return "somebody changed the order in ordermgr while it was being synced; it is tried again"
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    if "orders.number" in text or "uq_orders_number" in text:
        return ("its order number is already used by another order; give this store a different "
                "order-number prefix (code)")
    if "waybill" in text or "shipments" in text:
        return f"a tracking number on this order is already used by another order ({text})"
    return f"the database refused the order ({text})"


def validate(remote: RemoteOrder) -> list[str]:
    """Why an order cannot be imported as it is; [] if it can."""
    problems = list(remote.problems)
    try:
        check_currency(remote.currency)
    except UserError as exc:
        problems.append(str(exc).rstrip(".") + " (not set up in ordermgr)")
    if not remote.external_id:
        problems.append("the order has no id")
    if remote.placed_at is None or remote.updated_at is None:
        problems.append("the order has no creation or update time")
    if not remote.lines:
        problems.append("the order has no lines")
    for line in remote.lines:
        if line.quantity <= 0:
            problems.append(f"line {line.sku or line.name!r} has quantity {line.quantity}")
    amounts = [("total", remote.total), ("shipping", remote.shipping), ("tax", remote.tax),
               ("discount", remote.discount)]
    amounts += [(f"price of {line.sku or line.name}", line.unit_price) for line in remote.lines]
    amounts += [(f"payment {p.external_id}", p.amount) for p in remote.payments]
    for what, value in amounts:
        if value is None or value != value.quantize(TWO_PLACES):
            problems.append(f"the {what} {value} has more than two decimals")
        elif value < 0:
            problems.append(f"the {what} {value} is negative")
    if remote.address and remote.address.country and len(remote.address.country) != 2:
        problems.append(f"the country code {remote.address.country!r} is not two letters")
    return problems


def _quarantine(uow, store: Store, ext: str, number: str, reason: str, raw: dict,
                result: ImportResult) -> None:
    message = f"{store.name} order {number or ext}: {reason}"
    row = uow.session.scalar(select(QuarantinedOrder).where(
        QuarantinedOrder.store_id == store.id, QuarantinedOrder.external_id == ext))
    now = utcnow()
    if row is None:
        uow.session.add(QuarantinedOrder(store_id=store.id, external_id=ext, number=_fit(number, 64),
                                         reason=message, payload=raw, first_seen_at=now,
                                         last_seen_at=now, attempts=1))
    else:
        row.reason, row.payload, row.last_seen_at = message, raw, now
        row.attempts += 1
        row.resolved_at = None
    result.quarantined += 1
    result.messages.append(message)


def _fit(value, size: int) -> str:
    return (value or "").strip()[:size]


@dataclass
class _NewOrder:
    remote: RemoteOrder
    row: dict
    lines: list[dict]
    payments: list[dict]
    events: list[dict]
    shipments: list[dict]
    refunds: list
    allocate: bool  # paid, with stock to reserve


class _PageImporter:
    def __init__(self, uow: UnitOfWork, store: Store, todo: list[RemoteOrder], known: dict):
        self.uow, self.store, self.known = uow, store, known
        session = uow.session
        ids = [r.external_id for r in todo]
        self.existing = {o.external_id: o for o in session.scalars(
            select(Order).where(Order.store_id == store.id, Order.external_id.in_(ids))
            .options(selectinload(Order.lines).selectinload(OrderLine.allocations),
                     selectinload(Order.payments), selectinload(Order.shipments)))}
        codes = {line.sku for r in todo for line in r.lines if line.sku}
        self.skus = dict(session.execute(select(Sku.code, Sku.id).where(Sku.code.in_(codes)))
                         .all()) if codes else {}
        self.refunds: list[tuple[int, object, RemoteOrder]] = []
        self.quarantined = set(session.scalars(select(QuarantinedOrder.external_id).where(
            QuarantinedOrder.store_id == store.id, QuarantinedOrder.external_id.in_(ids),
            QuarantinedOrder.resolved_at.is_(None))))

    def apply(self, remotes: list[RemoteOrder], result: ImportResult) -> None:
        session = self.uow.session
        new = [r for r in remotes if r.external_id not in self.existing]
        if new:
            result.order_ids |= self._insert_new(new)
            result.new += len(new)
        to_allocate = []
        for remote in remotes:
            order = self.existing.get(remote.external_id)
            if order is not None:
                if self._update(order, remote):
                    to_allocate.append(order)
                result.updated += 1
                result.order_ids.add(order.id)
        self._keep_raw(remotes)
        resolved = [r.external_id for r in remotes if r.external_id in self.quarantined]
        if resolved:
            session.execute(update(QuarantinedOrder).where(
                QuarantinedOrder.store_id == self.store.id,
                QuarantinedOrder.external_id.in_(resolved)).values(resolved_at=utcnow()))
        pending = {remote.external_id for _, _, remote in self.refunds}
        if pending:
            session.execute(update(RawPayload).where(
                RawPayload.store_id == self.store.id, RawPayload.external_id.in_(pending))
                .values(digest=REFUNDS_PENDING))
        session.flush()
        for order in to_allocate:
            if order.status == S.AWAITING_FULFILMENT:  # a rule above may have held it meanwhile
                _allocate(self.uow, order)

    # -- raw payload ---------------------------------------------------------------------------
    def _keep_raw(self, remotes: list[RemoteOrder]) -> None:
        now = utcnow()
        fresh, changed = [], []
        for remote in remotes:
            values = dict(remote_updated_at=remote.updated_at, digest=remote.digest,
                          payload=remote.raw, received_at=now)
            known = self.known.get(remote.external_id)
            if known is None:
                fresh.append(dict(store_id=self.store.id, external_id=remote.external_id, **values))
            else:
                changed.append(dict(id=known.id, **values))
        if fresh:
            self.uow.session.execute(insert(RawPayload), fresh)
        if changed:
            self.uow.session.execute(update(RawPayload), changed)  # bulk UPDATE by primary key

    # -- new orders: plain rows, written in one batch per table ---------------------------------
    def _insert_new(self, remotes: list[RemoteOrder]) -> set[int]:
        conn = self.uow.session.connection()
        customers = self._customer_ids(conn, remotes)
        built = [self._new_order(r, customers.get(r.external_id)) for r in remotes]
        table = Order.__table__
        # unordered RETURNING keeps the insert batched on SQLite; rows are matched by external id
        by_ext = dict(conn.execute(insert(table).returning(table.c.external_id, table.c.id),
                                   [b.row for b in built]).all())
        order_ids = [by_ext[b.row["external_id"]] for b in built]
        children = {OrderLine: [], Payment: [], OrderEvent: [], Shipment: []}
        for order_id, b in zip(order_ids, built):
            for model, rows in ((OrderLine, b.lines), (Payment, b.payments), (OrderEvent, b.events),
                                (Shipment, b.shipments)):
                children[model] += [dict(row, order_id=order_id) for row in rows]
            self.refunds += [(order_id, rp, b.remote) for rp in b.refunds]
        for model, rows in children.items():
            if rows:
                conn.execute(insert(model.__table__), rows)
        for order_id, b in zip(order_ids, built):
            if b.allocate:
                _allocate(self.uow, self.uow.session.get(Order, order_id))
        return set(order_ids)

    def _customer_ids(self, conn, remotes: list[RemoteOrder]) -> dict[str, int]:
        """Find customers by e-mail, create the others (one batch); add new addresses."""
        given = {r.email.strip() for r in remotes if r.email and r.email.strip()}
        known = {}
        if given:  # exact spellings and lower case: both can use the e-mail index
            for cid, email in conn.execute(select(Customer.id, Customer.email)
                                           .where(Customer.email.in_(given | {e.lower() for e in given}))
                                           .order_by(Customer.id)):
                known.setdefault(email.lower(), cid)
        wanted, new_rows, new_keys = {}, [], []
        for r in remotes:
            email = (r.email or "").strip().lower()
            name = _fit(r.customer_name or (r.address.name if r.address else "") or email, 120)
            if not email and not name:
                continue
            key = email or f"#{r.external_id}"
            wanted[r.external_id] = key
            if key not in known and key not in new_keys:
                new_keys.append(key)
                new_rows.append(dict(name=name or email, email=_fit(r.email, 200),
                                     phone=_fit(r.phone, 40), tags="", notes="", created_at=utcnow()))
        if new_rows:
            table = Customer.__table__
            with_email = [(k, row) for k, row in zip(new_keys, new_rows) if not k.startswith("#")]
            if with_email:  # batched; e-mails are unique within the batch, so they match the ids
                got = conn.execute(insert(table).returning(table.c.email, table.c.id),
                                   [row for _, row in with_email]).all()
                known.update({email.strip().lower(): cid for email, cid in got})
            for key, row in zip(new_keys, new_rows):
                if key.startswith("#"):  # guests without e-mail: one by one (rare)
                    known[key] = conn.execute(insert(table).returning(table.c.id), row).scalar()
            self.uow.changes.customers = True
        have = set()
        ids_used = {known[k] for k in wanted.values()}
        if ids_used:
            have = {tuple(row) for row in conn.execute(
                select(Address.customer_id, Address.line1, Address.city)
                .where(Address.customer_id.in_(ids_used)))}
        addresses = []
        for r in remotes:
            addr, key = r.address, wanted.get(r.external_id)
            if key is None or not addr or not addr.line1 or not addr.city or len(addr.country) != 2:
                continue
            fields = self._address_fields(addr)
            mark = (known[key], fields["line1"], fields["city"])
            if mark not in have:
                have.add(mark)
                addresses.append(dict(fields, customer_id=known[key]))
        if addresses:
            conn.execute(insert(Address.__table__), addresses)
        return {ext: known[key] for ext, key in wanted.items()}

    def _new_order(self, remote: RemoteOrder, customer_id: int | None) -> "_NewOrder":
        now = utcnow()
        events = []

        def event(kind: str, message: str, **data) -> None:
            events.append(dict(at=now, user_id=None, kind=kind, message=message, data=data))

        lines = []
        for rl in remote.lines:
            total = rl.unit_price * rl.quantity - rl.discount
            discount = rl.discount
            if total < 0:
                discount, total = rl.unit_price * rl.quantity, Decimal("0.00")
            lines.append(dict(sku_id=self.skus.get(rl.sku), sku=_fit(rl.sku, 64),
                              name=_fit(rl.name or rl.sku or "?", 200), quantity=rl.quantity,
                              unit_price=rl.unit_price, discount=discount, total=total,
                              quantity_reserved=0,
                              quantity_shipped=min(rl.quantity, max(0, rl.quantity_shipped)),
                              quantity_returned=0, external_id=_fit(rl.external_id, 64)))
        tags = {t.strip().lower()[:40].replace(",", " ") for t in remote.tags if t.strip()}
        no_sku = any(not line["sku"] for line in lines)
        review = bool({"unknown_status", "needs_review"} & set(remote.flags))
        if no_sku:
            tags.add("no-sku")
        if review:
            tags.add(EXCEPTION_TAG)
        if "payment_failed" in remote.flags:
            tags.add("payment-failed")
        payments = [dict(kind="charge", method=_fit(rp.method or "storefront", 40), amount=rp.amount,
                         currency=remote.currency.upper(), status=rp.status,
                         reference=_fit(rp.reference, 120), gateway=_fit(rp.method, 40),
                         external_id=_fit(rp.external_id, 64), parent_id=None, created_at=now)
                    for rp in remote.payments if rp.kind == "charge"]
        if remote.payment in PAID_LIKE | {"refunded"} and not any(
                p["status"] == PaymentStatus.PAID for p in payments):
            payments.append(dict(kind="charge", method="storefront", amount=remote.total,
                                 currency=remote.currency.upper(), status=PaymentStatus.PAID,
                                 reference="", gateway="", external_id="storefront-charge",
                                 parent_id=None, created_at=now))
        refunds = [rp for rp in remote.payments
                   if rp.kind == "refund" and rp.status == PaymentStatus.PAID and rp.amount > 0]
        event("sync", f"Imported from {self.store.name} ({remote.platform_status})",
              external_id=remote.external_id)
        if no_sku:
            event("sync", "A line has no SKU: match it to a product by hand")
        delivered = "delivered" in remote.flags  # every parcel arrived (said the storefront)
        shipments = [dict(warehouse_id=None, carrier=_fit(rf.carrier or "storefront", 40),
                          waybill=_fit(rf.waybill, 64) or None, tracking_url=_fit(rf.tracking_url, 300),
                          status=ShipmentStatus.DELIVERED if delivered else ShipmentStatus.IN_TRANSIT,
                          weight_grams=0, cost=None, created_at=now, packed_at=None,
                          shipped_at=remote.updated_at,
                          delivered_at=remote.updated_at if delivered else None,
                          external_id=_fit(rf.external_id, 64)) for rf in remote.fulfilments]
        shipped = sum(line["quantity_shipped"] for line in lines)
        wanted = sum(line["quantity"] for line in lines)
        fulfilment = (FulfilmentStatus.UNFULFILLED if shipped == 0 else
                      FulfilmentStatus.PARTIALLY_FULFILLED if shipped < wanted else FulfilmentStatus.FULFILLED)
        status, before, hold_reason, allocate = S.PENDING_PAYMENT, None, None, False
        if remote.cancelled or (remote.payment == "refunded" and remote.fulfilment == "unfulfilled"):
            status = S.CANCELLED
            event("status", "Cancelled on the storefront" if remote.cancelled
                  else "Refunded in full on the storefront before shipping", new=S.CANCELLED)
        elif remote.fulfilment in ("fulfilled", "partially_fulfilled") or shipped:
            status = S.SHIPPED if fulfilment == FulfilmentStatus.FULFILLED else S.PARTIALLY_SHIPPED
            if status == S.SHIPPED and delivered:
                status = S.COMPLETED if "completed" in remote.flags else S.DELIVERED
            event("status", f"Already {status.replace('_', ' ')} on the storefront", new=status)
        elif remote.payment in PAID_LIKE:
            status = S.AWAITING_FULFILMENT
            allocate = remote.fulfilment != "on_hold" and not review
        if status in ORDER_OPEN_STATES:
            reason = self._hold_reason(remote)
            if reason:
                before, status, hold_reason, allocate = status, S.ON_HOLD, reason, False
                event("status", f"Put on hold: {reason}", new=S.ON_HOLD)
        has_skus = any(line["sku_id"] for line in lines)
        if allocate and not has_skus:  # nothing to reserve: what _allocate would do, at insert time
            status, allocate = S.ALLOCATED, False
            event("status", "Allocated", old=S.AWAITING_FULFILMENT, new=S.ALLOCATED, action="allocate")
        address = self._ship_fields(remote)
        customer_name = _fit(remote.customer_name or address.get("ship_name", ""), 120)
        number = _fit(f"{self.store.code}{remote.number}", 32)
        clean = sorted(tags)
        row = dict(number=number, store_id=self.store.id, external_id=remote.external_id,
                   customer_id=customer_id, customer_name=customer_name, email=_fit(remote.email, 200),
                   phone=_fit(remote.phone, 40), placed_at=remote.placed_at, updated_at=now,
                   currency=remote.currency.upper(),
                   subtotal=sum((line["total"] for line in lines), Decimal("0.00")),
                   shipping=remote.shipping, tax=remote.tax, discount=remote.discount,
                   total=remote.total, status=status, status_before_hold=before,
                   payment_status=self._payment_status(remote), fulfilment_status=fulfilment,
                   hold_reason=hold_reason, tags=f",{','.join(clean)}," if clean else "",
                   note=remote.note or "", item_count=wanted,
                   ship_name="", ship_phone="", ship_line1="", ship_line2="", ship_city="",
                   ship_region="", ship_postcode="", ship_country="", version=1)
        row.update(address)
        row["search_text"] = build_search_text(
            number, customer_name, row["email"], row["phone"], row["ship_name"], row["ship_phone"],
            *(line["sku"] for line in lines), *(s["waybill"] for s in shipments if s["waybill"]))
        return _NewOrder(remote, row, lines, payments, events, shipments, refunds, allocate)

    @staticmethod
    def _payment_status(remote: RemoteOrder) -> str:
        status = PAYMENT.get(remote.payment, PaymentStatus.PENDING)
        if status == PaymentStatus.PENDING and "authorised" in remote.flags:
            status = PaymentStatus.AUTHORIZED
        if status == PaymentStatus.PENDING and "payment_failed" in remote.flags:
            status = PaymentStatus.FAILED
        return status

    @staticmethod
    def _hold_reason(remote: RemoteOrder) -> str:
        if "unknown_status" in remote.flags or "needs_review" in remote.flags:
            return f"Storefront status {remote.platform_status} needs review"
        if remote.fulfilment == "on_hold":
            return STOREFRONT_HOLD
        return ""

    @staticmethod
    def _address_fields(addr) -> dict:
        return dict(name=_fit(addr.name, 120) or "-", phone=_fit(addr.phone, 40),
                    line1=_fit(addr.line1, 200), line2=_fit(addr.line2, 200),
                    city=_fit(addr.city, 100), region=_fit(addr.region, 100),
                    postcode=_fit(addr.postcode, 20), country=_fit(addr.country, 2))

    @staticmethod
    def _ship_fields(remote: RemoteOrder) -> dict:
        if remote.address is None:
            return {}
        sizes = {"ship_name": 120, "ship_phone": 40, "ship_line1": 200, "ship_line2": 200,
                 "ship_city": 100, "ship_region": 100, "ship_postcode": 20, "ship_country": 2}
        return {k: _fit(v, sizes[k]) for k, v in remote.address.as_order_fields().items()}

    # -- payments, refunds, storefront fulfilments ------------------------------------------------
    def _sync_payments(self, order: Order, remote: RemoteOrder) -> list[str]:
        """Upsert transactions by external id; returns what is new, for the timeline."""
        news = []
        mine = {p.external_id: p for p in order.payments if p.external_id}
        for rp in remote.payments:
            have = mine.get(rp.external_id)
            if rp.kind == "refund":
                # refunds belong to after-sales (a Refund with its case, split over the charges);
                # recorded right after this page commits, idempotent on the external id
                if have is None and rp.status == PaymentStatus.PAID and rp.amount > 0:
                    self.refunds.append((order.id, rp, remote))
                continue
            if have is None:
                order.payments.append(Payment(
                    kind=rp.kind, method=_fit(rp.method or "storefront", 40), amount=rp.amount,
                    currency=order.currency, status=rp.status, reference=_fit(rp.reference, 120),
                    gateway=_fit(rp.method, 40), external_id=_fit(rp.external_id, 64)))
                news.append(f"{'Refund' if rp.kind == 'refund' else 'Payment'} of {rp.amount} "
                            f"{order.currency} ({rp.status}) on the storefront")
            elif have.status != rp.status or have.amount != rp.amount:
                have.status, have.amount = rp.status, rp.amount
                news.append(f"Storefront {rp.kind} {rp.external_id} is now {rp.status}")
        synthetic = [p for p in order.payments if p.external_id == "storefront-charge"]
        real_paid = [p for p in order.payments if p.kind == "charge" and p.status == PaymentStatus.PAID
                     and p.external_id != "storefront-charge"]
        if real_paid:
            for p in synthetic:  # the platform now lists the transaction the placeholder stood for
                p.status = PaymentStatus.VOIDED
        elif remote.payment in PAID_LIKE | {"refunded"} and not any(
                p.kind == "charge" and p.status == PaymentStatus.PAID for p in order.payments):
            # the platform says paid but listed no transaction: record the charge it implies
            order.payments.append(Payment(kind="charge", method="storefront", amount=remote.total,
                                          currency=order.currency, status=PaymentStatus.PAID,
                                          external_id="storefront-charge", reference=""))
        order.payment_status = self._payment_status(remote)
        return news

    def _add_remote_shipment(self, order: Order, rf, remote: RemoteOrder) -> bool:
        for shipment in order.shipments:
            if shipment.external_id == rf.external_id:
                return False
            if rf.waybill and shipment.waybill == rf.waybill and not shipment.external_id:
                shipment.external_id = _fit(rf.external_id, 64)  # the echo of our own push
                return False
        shipment = Shipment(carrier=_fit(rf.carrier or "storefront", 40),
                            waybill=_fit(rf.waybill, 64) or None, tracking_url=_fit(rf.tracking_url, 300),
                            status=ShipmentStatus.IN_TRANSIT, shipped_at=remote.updated_at,
                            external_id=_fit(rf.external_id, 64), lines=[], events=[])
        order.shipments.append(shipment)
        return True

    # -- changed orders ------------------------------------------------------------------------
    def _update(self, order: Order, remote: RemoteOrder) -> bool:
        notes = self._sync_payments(order, remote)
        for text in notes:
            order.record("payment", text, by=None)
        allocate = False
        if remote.cancelled and order.status != S.CANCELLED:
            self._storefront_cancel(order)
        elif remote.payment in PAID_LIKE and order.status == S.PENDING_PAYMENT:
            order.apply("pay", by=None, message="Paid on the storefront")
            allocate = remote.fulfilment != "on_hold"
        elif remote.payment in PAID_LIKE and order.status == S.ON_HOLD \
                and order.status_before_hold == S.PENDING_PAYMENT:
            order.status_before_hold = S.AWAITING_FULFILMENT
            order.record("payment", "Paid on the storefront while on hold", by=None)
        self._storefront_hold(order, remote)
        self._address_change(order, remote)
        added = [rf for rf in remote.fulfilments if self._add_remote_shipment(order, rf, remote)]
        if added:
            self._storefront_shipped(order, remote, added)
        self._storefront_delivered(order, remote)
        self._line_changes(order, remote)
        if remote.customer_name and not order.customer_name:
            order.customer_name = _fit(remote.customer_name, 120)
        order.refresh_search_text()
        order.record("sync", f"Updated from {self.store.name} ({remote.platform_status})", by=None)
        return allocate

    def _storefront_cancel(self, order: Order) -> None:
        if order.status in (S.PICKING, S.PACKED) or (
                order.status == S.ON_HOLD and order.status_before_hold in (S.PICKING, S.PACKED)):
            if order.status != S.ON_HOLD:
                order.hold("Cancelled on the storefront after picking started: unpack and cancel, "
                           "or contact the customer", by=None)
            self._flag(order, "Cancelled on the storefront, but the order is already being packed. "
                              "It was put on hold instead of being cancelled.")
        elif order.status in ORDER_SHIPPED_STATES:
            self._flag(order, "Cancelled on the storefront, but it has already shipped: "
                              "start a return or intercept the parcel.")
        else:
            order.cancel("Cancelled on the storefront", by=None)
            release_reservations(self.uow, order, reason="cancelled on the storefront")

    def _storefront_hold(self, order: Order, remote: RemoteOrder) -> None:
        if remote.fulfilment == "on_hold" and order.status in ORDER_OPEN_STATES:
            order.hold(STOREFRONT_HOLD, by=None)
        elif remote.fulfilment != "on_hold" and order.status == S.ON_HOLD \
                and order.hold_reason == STOREFRONT_HOLD and not remote.cancelled:
            order.release(by=None)

    def _address_change(self, order: Order, remote: RemoteOrder) -> None:
        new = self._ship_fields(remote)
        if not new:
            return
        old = {k: getattr(order, k) for k in new}
        if old == new:
            return
        printed = any(s.waybill for s in order.shipments)
        if printed or order.status in ORDER_SHIPPED_STATES or order.status == S.PACKED:
            pretty = ", ".join(v for v in new.values() if v)
            if order.status in (S.ALLOCATED, S.PICKING, S.PACKED, S.AWAITING_FULFILMENT):
                order.hold("Address changed on the storefront after the waybill was printed", by=None)
            self._flag(order, f"The address was changed on the storefront after the waybill was "
                              f"printed. New address (not applied): {pretty}", old=old, new=new)
        elif order.status in ORDER_OPEN_STATES or order.status == S.ON_HOLD:
            for k, v in new.items():
                setattr(order, k, v)
            order.record("edit", "Shipping address updated from the storefront", by=None, old=old, new=new)

    def _storefront_shipped(self, order: Order, remote: RemoteOrder, added) -> None:
        shipped = {rl.external_id: rl.quantity_shipped for rl in remote.lines}
        before = {line.id: line.quantity_shipped for line in order.lines}
        for line in order.lines:
            qty = min(line.quantity, max(line.quantity_shipped, shipped.get(line.external_id, 0)))
            line.quantity_shipped = qty
        if remote.fulfilment == "fulfilled":
            for line in order.lines:
                line.quantity_shipped = line.quantity
        order.refresh_fulfilment_status()
        waybills = ", ".join(f.waybill for f in added if f.waybill) or "no tracking number"
        if order.status in ORDER_OPEN_STATES or order.status == S.ON_HOLD:
            # the goods left from where they were reserved: book them out there (releasing
            # them instead would leave stock on the shelf that is gone, and oversell it)
            unreserved = []
            for line in order.lines:
                left = line.quantity_shipped - before.get(line.id, 0)
                if line.sku_id and left > 0:
                    left = shipments.book_out_reserved(self.uow, order, line, left)[1]
                    if left:
                        unreserved.append(f"{line.sku} ×{left}")
            complete = order.fulfilment_status == FulfilmentStatus.FULFILLED
            if complete:  # anything still reserved was over-reserved
                release_reservations(self.uow, order, reason="shipped on the storefront")
            old = order.status
            order.status = S.SHIPPED if complete else S.PARTIALLY_SHIPPED
            order.status_before_hold = order.hold_reason = None
            message = f"Shipped on the storefront ({waybills}); the reserved stock was booked out"
            if all(line.quantity_shipped == before.get(line.id) for line in order.lines):
                message = (f"Shipped on the storefront ({waybills}); it did not say which goods, so "
                           "nothing was booked out - check the order and the stock count")
            elif unreserved:
                message += (f". Not reserved here, so not booked out of any warehouse: "
                            f"{', '.join(unreserved)} - check the stock count")
            order.record("status", message, by=None, old=old, new=order.status)
            self._flag(order, "Fulfilled on the storefront, outside ordermgr.")
        else:
            order.record("shipment", f"Storefront fulfilment recorded ({waybills})", by=None)

    def _storefront_delivered(self, order: Order, remote: RemoteOrder) -> None:
        """The storefront says every parcel arrived ("delivered" flag) or the order is done
        ("completed"): the shipments and the order follow."""
        if "delivered" in remote.flags and order.status == S.SHIPPED:
            for shipment in order.shipments:
                if SHIPMENT_MACHINE.can(shipment.status, "deliver"):
                    shipments.deliver_in(self.uow, shipment, at=remote.updated_at)
        if "completed" in remote.flags and order.status == S.DELIVERED:
            order.apply("complete", by=None, message="Completed on the storefront")

    def _line_changes(self, order: Order, remote: RemoteOrder) -> None:
        ours = {(line.external_id, line.quantity) for line in order.lines}
        theirs = {(rl.external_id, rl.quantity) for rl in remote.lines}
        if ours != theirs:
            tag = "lines-changed"
            if tag not in order.tag_list:
                self._flag(order, "The order's lines were edited on the storefront; review them "
                                  "(lines in ordermgr were not changed).", extra_tag=tag)

    def _flag(self, order: Order, message: str, *, extra_tag: str | None = None, **data) -> None:
        tags = order.tag_list + [EXCEPTION_TAG] + ([extra_tag] if extra_tag else [])
        order.set_tags(tags)
        order.record("sync", message, by=None, **data)
