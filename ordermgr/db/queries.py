"""The read side for orders: flat rows for queues, counts, search and the detail view.

Queues page with keyset pagination (ORDER BY sort column, id; "rows after this key"), so the
millionth row costs what the first does. Search uses the substring index on orders.search_text
(FTS5 trigram on SQLite, pg_trgm on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, and_, bindparam, func, or_, select, text, true, tuple_
from sqlalchemy.orm import Session

from ordermgr.errors import NotFound, ValidationError
from ordermgr.models import Order, OrderStatus, Shipment, Sku, Store, User

S = OrderStatus
QUEUES: dict[str, tuple[str, ...] | None] = {
    "awaiting_payment": (S.PENDING_PAYMENT,),
    "on_hold": (S.ON_HOLD,),
    "awaiting_fulfilment": (S.AWAITING_FULFILMENT,),
    "allocated": (S.ALLOCATED,),
    "picking": (S.PICKING,),
    "packed": (S.PACKED,),
    "shipped": (S.PARTIALLY_SHIPPED, S.SHIPPED),
    "delivered": (S.DELIVERED,),
    "completed": (S.COMPLETED,),
    "cancelled": (S.CANCELLED,),
    "exceptions": (S.BACKORDERED,),  # plus every order tagged "exception"
    "all": None,
}
EXCEPTION_TAG = "exception"

SORTABLE = {
    "number": Order.number, "placed_at": Order.placed_at, "customer": Order.customer_name,
    "total": Order.total, "status": Order.status, "items": Order.item_count,
    "payment": Order.payment_status, "fulfilment": Order.fulfilment_status,
}


@dataclass(frozen=True)
class OrderFilter:
    queue: str = "all"
    search: str = ""
    store_id: int | None = None
    placed_from: datetime | None = None
    placed_to: datetime | None = None
    min_total: Decimal | None = None
    max_total: Decimal | None = None
    country: str = ""
    tag: str = ""
    payment_status: str = ""
    fulfilment_status: str = ""

    def with_queue(self, queue: str) -> "OrderFilter":
        return replace(self, queue=queue)


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    store: str
    placed_at: datetime
    customer: str
    items: int
    total: Decimal
    currency: str
    payment: str
    fulfilment: str
    status: str
    tags: str
    version: int
    sort_key: tuple = field(compare=False, default=())


ROW_COLUMNS = (Order.id, Order.number, Store.name.label("store"), Order.placed_at,
               Order.customer_name, Order.item_count, Order.total, Order.currency,
               Order.payment_status, Order.fulfilment_status, Order.status, Order.tags,
               Order.version)


def normalise_search(raw: str) -> str:
    """Lower-case; a phone-like fragment ('138-0013 8') becomes its digits."""
    term = " ".join((raw or "").lower().split())
    if term and any(c.isdigit() for c in term) and all(c.isdigit() or c in " -+()" for c in term):
        term = "".join(c for c in term if c.isdigit())
    return term


def sku_code_for_barcode(conn: Connection, term: str) -> str | None:
    """The SKU a product barcode (EAN-8/13, UPC, GTIN-14) belongs to: orders hold SKU codes,
    so a scanned barcode searches for its SKU."""
    if not (term.isdigit() and 8 <= len(term) <= 14):
        return None
    return conn.execute(select(Sku.code).where(Sku.barcode == term).limit(1)).scalar()


def _search_condition(conn: Connection, raw: str):
    term = normalise_search(raw)
    if not term:
        return None
    if len(term) > 200:
        raise ValidationError("The search text is too long (at most 200 characters).")
    term = (sku_code_for_barcode(conn, term) or term).lower()
    if conn.dialect.name == "sqlite" and len(term) >= 3:
        phrase = '"' + term.replace('"', '""') + '"'
        return Order.id.in_(text("SELECT rowid FROM orders_fts WHERE orders_fts MATCH :fts")
                            .bindparams(fts=phrase))
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Order.search_text.like(f"%{escaped}%", escape="\\")


def _conditions(conn: Connection, flt: OrderFilter, *, with_queue: bool = True) -> list:
    conds = []
    if with_queue:
        if flt.queue not in QUEUES:
            raise ValidationError(f"Unknown queue {flt.queue!r}; use one of {', '.join(QUEUES)}.")
        states = QUEUES[flt.queue]
        if flt.queue == "exceptions":
            conds.append(or_(Order.status.in_(states), Order.tags.like(f"%,{EXCEPTION_TAG},%")))
        elif states:
            conds.append(Order.status.in_(states))
    search = _search_condition(conn, flt.search)
    if search is not None:
        conds.append(search)
    if flt.store_id:
        conds.append(Order.store_id == flt.store_id)
    if flt.placed_from:
        conds.append(Order.placed_at >= flt.placed_from)
    if flt.placed_to:
        conds.append(Order.placed_at < flt.placed_to)
    if flt.min_total is not None:
        conds.append(Order.total >= flt.min_total)
    if flt.max_total is not None:
        conds.append(Order.total <= flt.max_total)
    if flt.country:
        conds.append(Order.ship_country == flt.country.upper())
    if flt.tag:
        conds.append(Order.tags.like(f"%,{flt.tag.strip().lower()},%"))
    if flt.payment_status:
        conds.append(Order.payment_status == flt.payment_status)
    if flt.fulfilment_status:
        conds.append(Order.fulfilment_status == flt.fulfilment_status)
    return conds


def fetch_order_page(conn: Connection, flt: OrderFilter, *, sort: str = "placed_at",
                     descending: bool = True, after: tuple | None = None,
                     limit: int = 200) -> list[OrderRow]:
    """One page of a queue: rows strictly after the keyset `after` (a row's sort_key)."""
    column, conds, order_by = _keyset(conn, flt, sort, descending, after)
    stmt = (select(*ROW_COLUMNS, column.label("sort_value"))
            .join(Store, Store.id == Order.store_id)
            .where(and_(true(), *conds)).order_by(*order_by).limit(limit))
    return [OrderRow(*r[:13], sort_key=(r.sort_value, r.id)) for r in conn.execute(stmt)]


def queue_counts(conn: Connection, flt: OrderFilter = OrderFilter()) -> dict[str, int]:
    """Orders per queue under the same search and filters (the queue itself ignored)."""
    conds = _conditions(conn, flt, with_queue=False)
    by_status = dict(conn.execute(
        select(Order.status, func.count()).where(and_(true(), *conds))
        .group_by(Order.status)).all())
    tagged = conn.execute(select(func.count()).where(
        and_(*conds, Order.tags.like(f"%,{EXCEPTION_TAG},%"), Order.status != S.BACKORDERED))
    ).scalar()
    counts = {}
    for queue, states in QUEUES.items():
        if states is None:
            counts[queue] = sum(by_status.values())
        else:
            counts[queue] = sum(by_status.get(s, 0) for s in states)
    counts["exceptions"] += tagged
    return counts


def find_order_id(conn: Connection, number_or_code: str) -> int | None:
    """An order by its number, its external id or a waybill on one of its shipments (scanners)."""
    code = (number_or_code or "").strip().lstrip("#")
    if not code:
        return None
    found = conn.execute(select(Order.id).where(Order.number == code)).scalar()
    if found is None:
        found = conn.execute(select(Shipment.order_id).where(Shipment.waybill == code)
                             .limit(1)).scalar()
    return found


def order_detail(session: Session, number: str) -> dict:
    """Everything about one order as plain data (the CLI's JSON, the GUI's detail panel)."""
    order_id = find_order_id(session.connection(), number)
    order = session.get(Order, order_id) if order_id else None
    if order is None:
        raise NotFound(f"No order with number {number!r}.")
    users = dict(session.execute(select(User.id, User.username)).all())
    store = session.get(Store, order.store_id)
    return {
        "id": order.id, "number": order.number, "store": store.name if store else "",
        "external_id": order.external_id, "placed_at": order.placed_at.isoformat(),
        "status": order.status, "payment_status": order.payment_status,
        "fulfilment_status": order.fulfilment_status, "hold_reason": order.hold_reason,
        "currency": order.currency, "subtotal": str(order.subtotal),
        "shipping": str(order.shipping), "tax": str(order.tax), "discount": str(order.discount),
        "total": str(order.total), "prices_include_tax": bool(order.prices_include_tax),
        "paid": str(order.amount_paid), "refunded": str(order.amount_refunded),
        "balance": str(order.balance), "tags": order.tag_list, "note": order.note,
        "version": order.version,
        "customer": {"id": order.customer_id, "name": order.customer_name, "email": order.email,
                     "phone": order.phone},
        "ship_to": {k[5:]: getattr(order, k) for k in (
            "ship_name", "ship_phone", "ship_line1", "ship_line2", "ship_city", "ship_region",
            "ship_postcode", "ship_country")},
        "lines": [{"id": l.id, "sku": l.sku, "name": l.name, "quantity": l.quantity,
                   "unit_price": str(l.unit_price), "discount": str(l.discount),
                   "total": str(l.total), "reserved": l.quantity_reserved,
                   "shipped": l.quantity_shipped, "returned": l.quantity_returned}
                  for l in order.lines],
        "payments": [{"id": p.id, "kind": p.kind, "method": p.method, "amount": str(p.amount),
                      "currency": p.currency, "status": p.status, "reference": p.reference,
                      "created_at": p.created_at.isoformat()} for p in order.payments],
        "shipments": [{"id": s.id, "carrier": s.carrier, "waybill": s.waybill,
                       "status": s.status, "tracking_url": s.tracking_url,
                       "shipped_at": s.shipped_at.isoformat() if s.shipped_at else None,
                       "delivered_at": s.delivered_at.isoformat() if s.delivered_at else None,
                       "tracking": [{"at": e.at.isoformat(), "status": e.status,
                                     "location": e.location, "description": e.description}
                                    for e in s.events]} for s in order.shipments],
        "timeline": [{"at": e.at.isoformat(), "kind": e.kind, "message": e.message,
                      "user": users.get(e.user_id, "system")} for e in order.events],
    }


# -- order desk helpers ---------------------------------------------------------------------------

def page_keys(conn: Connection, flt: OrderFilter, *, sort: str = "placed_at",
              descending: bool = True, after: tuple | None = None, step: int = 200,
              limit: int = 200_000) -> tuple[list[tuple], int]:
    """Keys of every `step`-th row after `after` (the last row of each full page), and how many
    rows there were (at most `limit`): one index scan lets a view jump far down a queue without
    loading the rows in between."""
    column, conds, order_by = _keyset(conn, flt, sort, descending, after)
    numbered = (select(column.label("sort_value"), Order.id.label("id"),
                       func.row_number().over(order_by=order_by).label("rn"))
                .where(and_(true(), *conds)).order_by(*order_by).limit(limit).subquery())
    keys = [(v, i) for v, i in conn.execute(
        select(numbered.c.sort_value, numbered.c.id).where(numbered.c.rn % step == 0)
        .order_by(numbered.c.rn))]
    seen = len(keys) * step
    if seen < limit:  # count the rows of the last, partial page
        _, tail_conds, _ = _keyset(conn, flt, sort, descending, keys[-1] if keys else after)
        tail = (select(Order.id).where(and_(true(), *tail_conds))
                .limit(min(step, limit - seen)).subquery())
        seen += conn.execute(select(func.count()).select_from(tail)).scalar()
    return keys, seen


def _keyset(conn: Connection, flt: OrderFilter, sort: str, descending: bool, after: tuple | None):
    if sort not in SORTABLE:
        raise ValidationError(f"Cannot sort by {sort!r}; use one of {', '.join(SORTABLE)}.")
    column = SORTABLE[sort]
    conds = _conditions(conn, flt)
    if after is not None:
        key = tuple_(column, Order.id)
        bound = tuple_(bindparam(None, after[0], type_=column.type), bindparam(None, after[1]))
        conds.append(key < bound if descending else key > bound)
    order_by = (column.desc(), Order.id.desc()) if descending else (column.asc(), Order.id.asc())
    return column, conds, order_by


def fetch_rows_by_ids(conn: Connection, ids: list[int]) -> list[OrderRow]:
    """The current queue rows of these orders (whatever queue they are in now)."""
    if not ids:
        return []
    stmt = (select(*ROW_COLUMNS).join(Store, Store.id == Order.store_id)
            .where(Order.id.in_(list(ids))))
    return [OrderRow(*r[:13]) for r in conn.execute(stmt)]


def list_stores(conn: Connection) -> list[tuple[int, str]]:
    return [tuple(r) for r in conn.execute(select(Store.id, Store.name).order_by(Store.name))]


def find_customers(conn: Connection, text_: str, *, limit: int = 20) -> list[dict]:
    """Customers whose name, phone or email contains the text (the new-order dialog's lookup)."""
    from ordermgr.models import Customer
    term = (text_ or "").strip().lower()
    if not term:
        return []
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    digits = "".join(c for c in term if c.isdigit())
    conds = [func.lower(Customer.name).like(pattern, escape="\\"),
             func.lower(Customer.email).like(pattern, escape="\\")]
    if len(digits) >= 3:
        conds.append(func.replace(Customer.phone, " ", "").like(f"%{digits}%"))
    rows = conn.execute(select(Customer.id, Customer.name, Customer.email, Customer.phone)
                        .where(or_(*conds)).order_by(Customer.name, Customer.id).limit(limit)).all()
    fields = ("name", "phone", "line1", "line2", "city", "region", "postcode", "country")
    result = []
    for cid, name, email, phone in rows:
        last = conn.execute(select(*(getattr(Order, f"ship_{f}") for f in fields))
                            .where(Order.customer_id == cid).order_by(Order.id.desc())
                            .limit(1)).first()
        result.append({"id": cid, "name": name, "email": email, "phone": phone,
                       "address": dict(zip(fields, last)) if last is not None else {}})
    return result


def find_skus(conn: Connection, text_: str, *, limit: int = 20) -> list[dict]:
    """SKUs by code, barcode or name with their available stock (the new-order dialog)."""
    from ordermgr.models import StockLevel
    term = (text_ or "").strip()
    if not term:
        return []
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    available = (select(func.coalesce(func.sum(StockLevel.on_hand - StockLevel.reserved), 0))
                 .where(StockLevel.sku_id == Sku.id).scalar_subquery())
    exact = conn.execute(select(Sku.id, Sku.code, Sku.name, Sku.price, Sku.currency,
                                available.label("available"))
                         .where(Sku.active, (Sku.code == term) | (Sku.barcode == term))).all()
    rows = exact or conn.execute(
        select(Sku.id, Sku.code, Sku.name, Sku.price, Sku.currency, available.label("available"))
        .where(Sku.active, or_(func.lower(Sku.code).like(f"%{escaped}%", escape="\\"),
                               func.lower(Sku.name).like(f"%{escaped}%", escape="\\")))
        .order_by(Sku.code).limit(limit)).all()
    return [{"id": r.id, "code": r.code, "name": r.name, "price": r.price,
             "currency": r.currency, "available": int(r.available or 0)} for r in rows]
