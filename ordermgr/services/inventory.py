"""Inventory use cases: adjustments, thresholds, stocktakes, transfers, low stock and reorder
suggestions, plus the read side of the stock table.

Every change of on hand or reserved goes through `stock.move` (a conditional UPDATE and a ledger
row, and a "stock" outbox message when available changed), inside one UnitOfWork per use case.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Connection, and_, bindparam, case, func, or_, select, tuple_, update

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import InsufficientStock, NotFound, ValidationError
from ordermgr.models import (Bin, Order, OrderLine, Product, Sku, StockLevel, StockMovement,
                             Warehouse, utcnow)
from ordermgr.models.inventory import (ADJUSTMENT_REASONS, SkuSupply, Stocktake, StocktakeLine,
                                       StocktakeStatus, Transfer, TransferLine, TransferStatus,
                                       parse_quantity)
from ordermgr.models.limits import MAX_DAYS
from ordermgr.models.states import ORDER_SHIPPED_STATES
from ordermgr.services import stock
from ordermgr.services.stock import Ref

SL = StockLevel
SALES_WINDOW_DAYS = 30
DEFAULT_LEAD_TIME_DAYS = 14


# -- lookups ----------------------------------------------------------------------------------------

def find_sku(session, code: str | int) -> Sku:
    """A SKU by id, code or barcode (what a scanner sends)."""
    if isinstance(code, int):
        sku = session.get(Sku, code)
    else:
        text = (code or "").strip()
        if not text:
            raise ValidationError("Enter or scan a SKU code or barcode.")
        sku = session.scalar(select(Sku).where(Sku.code == text)) or session.scalar(
            select(Sku).where(Sku.barcode == text).limit(1))
    if sku is None:
        raise NotFound(f"No product has the SKU or barcode {code!r}. Check the label, or import "
                       "the product first.")
    return sku


def find_warehouse(session, code: str | int) -> Warehouse:
    if isinstance(code, int):
        wh = session.get(Warehouse, code)
    else:
        wh = session.scalar(select(Warehouse).where(Warehouse.code == (code or "").strip().upper()))
    if wh is None:
        known = ", ".join(session.scalars(select(Warehouse.code).order_by(Warehouse.code)))
        raise NotFound(f"There is no warehouse {code!r}; known warehouses: {known or 'none'}.")
    return wh


def _level(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> StockLevel | None:
    return uow.session.scalar(select(SL).where(SL.sku_id == sku_id, SL.warehouse_id == warehouse_id)
                              .execution_options(populate_existing=True))


# -- adjustments and settings ----------------------------------------------------------------------

def parse_reason(reason: str) -> str:
    code = (reason or "").strip().lower()
    if code not in ADJUSTMENT_REASONS:
        raise ValidationError(f"Choose a reason for the adjustment: {', '.join(ADJUSTMENT_REASONS)}.")
    return code


def adjust_stock(uow: UnitOfWork, sku: str | int, warehouse: str | int, delta: object, *,
                 reason: str, note: str = "") -> tuple[int, int]:
    """Add (positive) or remove (negative) units by hand, with a reason code and a note.

    Returns (on hand, reserved) after the change. Refuses to take out units that are reserved
    for orders or not there."""
    quantity = parse_quantity(delta, what="adjustment", allow_negative=True)
    if quantity == 0:
        raise ValidationError("The adjustment is zero; enter how many units to add or remove.")
    code = parse_reason(reason)
    note = (note or "").strip()
    with uow:
        uow.require("stock.adjust", "adjust stock")
        sku_row, wh = find_sku(uow.session, sku), find_warehouse(uow.session, warehouse)
        if quantity > 0:
            stock.ensure_level(uow, sku_row.id, wh.id)
        text = f"{code}: {note}" if note else code
        after = stock.move(uow, sku_row.id, wh.id, "adjust", on_hand=quantity, reason=text,
                           ref=Ref("adjustment", None))
        uow.audit("stock.adjust", "sku", sku_row.id, sku=sku_row.code, warehouse=wh.code,
                  delta=quantity, reason=code, note=note)
        uow.commit()
        return after


def set_threshold(uow: UnitOfWork, sku: str | int, warehouse: str | int, threshold: object) -> None:
    value = parse_quantity(threshold, what="threshold")
    with uow:
        uow.require("stock.adjust", "change low-stock thresholds")
        sku_row, wh = find_sku(uow.session, sku), find_warehouse(uow.session, warehouse)
        stock.ensure_level(uow, sku_row.id, wh.id)
        uow.session.execute(update(SL).where(SL.sku_id == sku_row.id, SL.warehouse_id == wh.id)
                            .values(threshold=value).execution_options(synchronize_session=False))
        uow.audit("stock.threshold", "sku", sku_row.id, sku=sku_row.code, warehouse=wh.code,
                  threshold=value)
        uow.changes.stock = True
        uow.commit()


def set_supply(uow: UnitOfWork, sku: str | int, *, lead_time_days: object,
               min_order_qty: object = 1) -> None:
    days = parse_quantity(lead_time_days, what="lead time", limit=MAX_DAYS)
    minimum = parse_quantity(min_order_qty, what="minimum order quantity")
    with uow:
        uow.require("stock.adjust", "change lead times")
        sku_row = find_sku(uow.session, sku)
        supply = uow.session.get(SkuSupply, sku_row.id) or SkuSupply(sku_id=sku_row.id)
        supply.lead_time_days, supply.min_order_qty = days, max(minimum, 1)
        uow.session.add(supply)
        uow.audit("stock.supply", "sku", sku_row.id, lead_time_days=days, min_order_qty=minimum)
        uow.changes.stock = True
        uow.commit()


# -- stocktakes ------------------------------------------------------------------------------------

def start_stocktake(uow: UnitOfWork, warehouse: str | int, *, bin_from: str | None = None,
                    bin_to: str | None = None, note: str = "") -> int:
    """Open a count of a warehouse, or of the bins from `bin_from` to `bin_to` (inclusive)."""
    bin_from, bin_to = (bin_from or "").strip() or None, (bin_to or "").strip() or None
    if bin_from and bin_to and bin_from > bin_to:
        raise ValidationError(f"The bin range {bin_from}–{bin_to} is backwards; the first bin "
                              "must come before the last.")
    with uow:
        uow.require("stock.count", "count stock")
        wh = find_warehouse(uow.session, warehouse)
        take = Stocktake(warehouse_id=wh.id, bin_from=bin_from, bin_to=bin_to, note=note.strip(),
                         started_by=uow.actor.user_id, status=StocktakeStatus.OPEN)
        uow.session.add(take)
        scope = select(SL.sku_id, SL.on_hand).where(SL.warehouse_id == wh.id)
        if bin_from or bin_to:
            scope = scope.join(Bin, Bin.id == SL.bin_id)
            if bin_from:
                scope = scope.where(Bin.code >= bin_from)
            if bin_to:
                scope = scope.where(Bin.code <= bin_to)
        for sku_id, on_hand in uow.session.execute(scope.order_by(SL.sku_id)):
            take.lines.append(StocktakeLine(sku_id=sku_id, expected=on_hand))
        uow.session.flush()
        uow.audit("stocktake.start", "stocktake", take.id, warehouse=wh.code, bin_from=bin_from,
                  bin_to=bin_to, lines=len(take.lines))
        uow.commit()
        return take.id


@dataclass(frozen=True)
class CountResult:
    sku: str
    name: str
    counted: int
    expected: int


def record_count(uow: UnitOfWork, stocktake_id: int, code: str | int, quantity: object = 1, *,
                 add: bool = False) -> CountResult:
    """Record the counted quantity of a SKU (by code or barcode). With add=True the quantity is
    added to what was counted before: a scanner sends one beep per unit."""
    qty = parse_quantity(quantity, what="counted quantity")
    with uow:
        uow.require("stock.count", "count stock")
        take = _stocktake(uow, stocktake_id)
        take.ensure_open()
        sku = find_sku(uow.session, code)
        line = next((l for l in take.lines if l.sku_id == sku.id), None)
        if line is None:
            line = StocktakeLine(sku_id=sku.id, expected=0)
            take.lines.append(line)
        level = _level(uow, sku.id, take.warehouse_id)
        # expected is on hand *now*: movements before this moment are already on the shelf (or
        # gone from it), so counted - expected is the real difference.
        line.expected = level.on_hand if level else 0
        line.counted = (line.counted or 0) + qty if add else qty
        line.counted_at = utcnow()
        uow.audit("stocktake.count", "stocktake", take.id, sku=sku.code, counted=line.counted)
        uow.commit()
        return CountResult(sku.code, sku.name, line.counted, line.expected)


def _stocktake(uow: UnitOfWork, stocktake_id: int) -> Stocktake:
    take = uow.session.get(Stocktake, stocktake_id)
    if take is None:
        raise NotFound(f"Stocktake {stocktake_id} does not exist.")
    return take


@dataclass(frozen=True)
class VarianceRow:
    sku_id: int
    sku: str
    name: str
    expected: int | None
    counted: int | None
    on_hand_now: int
    reserved_now: int

    @property
    def variance(self) -> int | None:
        return None if self.counted is None else self.counted - (self.expected or 0)


def stocktake_variance(conn: Connection, stocktake_id: int) -> list[VarianceRow]:
    """What posting would change, line by line (uncounted lines have counted None)."""
    take = conn.execute(select(Stocktake.warehouse_id).where(Stocktake.id == stocktake_id)).first()
    if take is None:
        raise NotFound(f"Stocktake {stocktake_id} does not exist.")
    L = StocktakeLine
    rows = conn.execute(
        select(L.sku_id, Sku.code, Sku.name, L.expected, L.counted,
               func.coalesce(SL.on_hand, 0), func.coalesce(SL.reserved, 0))
        .join(Sku, Sku.id == L.sku_id)
        .outerjoin(SL, and_(SL.sku_id == L.sku_id, SL.warehouse_id == take.warehouse_id))
        .where(L.stocktake_id == stocktake_id).order_by(Sku.code))
    return [VarianceRow(*r) for r in rows]


@dataclass
class PostResult:
    adjusted: list[tuple[str, int]] = field(default_factory=list)  # (sku, delta)
    uncounted: list[str] = field(default_factory=list)


def post_stocktake(uow: UnitOfWork, stocktake_id: int, *, uncounted_as_zero: bool = False) -> PostResult:
    """Post every variance as one transaction of adjustments. A second post is refused.

    A count may not leave fewer units on hand than are reserved for orders; such lines are
    refused as a whole with what to do, and nothing is posted."""
    with uow:
        uow.require("stock.adjust", "post stocktakes")
        # claim the stocktake atomically: of two simultaneous posts only one gets the row
        claimed = uow.session.execute(
            update(Stocktake).where(Stocktake.id == stocktake_id,
                                    Stocktake.status == StocktakeStatus.OPEN)
            .values(status=StocktakeStatus.POSTED, posted_at=utcnow(), posted_by=uow.actor.user_id)
            .execution_options(synchronize_session=False)).rowcount
        take = uow.session.get(Stocktake, stocktake_id, populate_existing=True)
        if take is None:
            raise NotFound(f"Stocktake {stocktake_id} does not exist.")
        if not claimed:
            take.ensure_open()
        result, problems = PostResult(), []
        codes = dict(uow.session.execute(select(Sku.id, Sku.code).where(
            Sku.id.in_([l.sku_id for l in take.lines]))).all())
        for line in take.lines:
            if line.counted is None:
                if not uncounted_as_zero:
                    result.uncounted.append(codes[line.sku_id])
                    continue
                level = _level(uow, line.sku_id, take.warehouse_id)
                line.expected, line.counted = (level.on_hand if level else 0), 0
            delta = line.counted - line.expected
            if delta == 0:
                continue
            if delta > 0:
                stock.ensure_level(uow, line.sku_id, take.warehouse_id)
            try:
                stock.move(uow, line.sku_id, take.warehouse_id, "count", on_hand=delta,
                           reason=f"stocktake {take.id}", ref=Ref("stocktake", take.id))
            except InsufficientStock:
                level = _level(uow, line.sku_id, take.warehouse_id)
                problems.append(f"{codes[line.sku_id]}: counted {line.counted}, but "
                                f"{level.reserved if level else 0} are reserved for orders")
                continue
            result.adjusted.append((codes[line.sku_id], delta))
        if problems:
            raise ValidationError(
                f"{take.subject} can't be posted: " + "; ".join(problems) + ". Recount those "
                "SKUs, or release the orders' reservations first. Nothing was posted.")
        uow.audit("stocktake.post", "stocktake", take.id, adjusted=result.adjusted,
                  uncounted=len(result.uncounted))
        uow.changes.stock = True
        uow.commit()
        return result


def cancel_stocktake(uow: UnitOfWork, stocktake_id: int) -> None:
    with uow:
        uow.require("stock.count", "cancel stocktakes")
        take = _stocktake(uow, stocktake_id)
        take.ensure_open()
        take.status = StocktakeStatus.CANCELLED
        uow.audit("stocktake.cancel", "stocktake", take.id)
        uow.commit()


# -- transfers -------------------------------------------------------------------------------------

def create_transfer(uow: UnitOfWork, source: str | int, destination: str | int,
                    lines: dict[str | int, object], *, note: str = "") -> int:
    """A draft transfer of {sku code or barcode: quantity} from one warehouse to another."""
    if not lines:
        raise ValidationError("Add at least one SKU to the transfer.")
    parsed = {code: parse_quantity(qty, what=f"quantity of {code}") for code, qty in lines.items()}
    for code, qty in parsed.items():
        if qty <= 0:
            raise ValidationError(f"The quantity of {code} must be at least 1.")
    with uow:
        uow.require("stock.transfer", "transfer stock")
        src, dst = find_warehouse(uow.session, source), find_warehouse(uow.session, destination)
        if src.id == dst.id:
            raise ValidationError(f"A transfer needs two different warehouses; {src.code} is both "
                                  "the source and the destination.")
        transfer = Transfer(source_id=src.id, destination_id=dst.id, note=(note or "").strip(),
                            created_by=uow.actor.user_id, status=TransferStatus.DRAFT)
        merged: dict[int, int] = {}
        for code, qty in parsed.items():
            sku = find_sku(uow.session, code)
            merged[sku.id] = merged.get(sku.id, 0) + qty
        for sku_id, qty in merged.items():
            transfer.lines.append(TransferLine(sku_id=sku_id, quantity=qty, quantity_received=0))
        uow.session.add(transfer)
        uow.session.flush()
        uow.audit("transfer.create", "transfer", transfer.id, source=src.code,
                  destination=dst.code, lines={str(k): v for k, v in merged.items()})
        uow.commit()
        return transfer.id


def _transfer(uow: UnitOfWork, transfer_id: int) -> Transfer:
    transfer = uow.session.get(Transfer, transfer_id, with_for_update=True)
    if transfer is None:
        raise NotFound(f"Transfer {transfer_id} does not exist.")
    return transfer


def ship_transfer(uow: UnitOfWork, transfer_id: int) -> None:
    """The goods leave the source (on hand goes down there) and show as incoming at the
    destination. Units reserved for orders can't be transferred."""
    with uow:
        uow.require("stock.transfer", "ship transfers")
        transfer = _transfer(uow, transfer_id)
        transfer.check("ship")
        for line in transfer.lines:
            stock.move(uow, line.sku_id, transfer.source_id, "transfer_out", on_hand=-line.quantity,
                       reason=f"transfer {transfer.id}", ref=Ref("transfer", transfer.id))
        transfer.status, transfer.shipped_at = TransferStatus.SHIPPED, utcnow()
        uow.audit("transfer.ship", "transfer", transfer.id)
        uow.commit()


def receive_transfer(uow: UnitOfWork, transfer_id: int,
                     quantities: dict[str | int, object] | None = None) -> str:
    """Receive {sku: quantity} (default: everything outstanding). Returns the new status."""
    with uow:
        uow.require("stock.transfer", "receive transfers")
        transfer = _transfer(uow, transfer_id)
        transfer.check("receive")
        by_sku = {line.sku_id: line for line in transfer.lines}
        if quantities is None:
            wanted = {line.sku_id: line.outstanding for line in transfer.lines if line.outstanding}
        else:
            wanted = {}
            for code, qty in quantities.items():
                sku = find_sku(uow.session, code)
                value = parse_quantity(qty, what=f"quantity received of {sku.code}")
                if sku.id not in by_sku:
                    raise ValidationError(f"{sku.code} is not on {transfer.subject}.")
                if value > by_sku[sku.id].outstanding:
                    raise ValidationError(f"{transfer.subject}: only {by_sku[sku.id].outstanding} "
                                          f"of {sku.code} are still expected, not {value}.")
                if value:
                    wanted[sku.id] = wanted.get(sku.id, 0) + value
        if not wanted:
            raise ValidationError(f"{transfer.subject}: enter at least one quantity received.")
        for sku_id, qty in wanted.items():
            stock.ensure_level(uow, sku_id, transfer.destination_id)
            stock.move(uow, sku_id, transfer.destination_id, "transfer_in", on_hand=qty,
                       reason=f"transfer {transfer.id}", ref=Ref("transfer", transfer.id))
            by_sku[sku_id].quantity_received += qty
        done = all(line.outstanding == 0 for line in transfer.lines)
        transfer.status = TransferStatus.RECEIVED if done else TransferStatus.PARTIALLY_RECEIVED
        if done:
            transfer.received_at = utcnow()
        uow.audit("transfer.receive", "transfer", transfer.id,
                  received={str(k): v for k, v in wanted.items()})
        uow.commit()
        return transfer.status


def cancel_transfer(uow: UnitOfWork, transfer_id: int) -> None:
    with uow:
        uow.require("stock.transfer", "cancel transfers")
        transfer = _transfer(uow, transfer_id)
        transfer.check("cancel")
        transfer.status = TransferStatus.CANCELLED
        uow.audit("transfer.cancel", "transfer", transfer.id)
        uow.commit()


@dataclass(frozen=True)
class TransferRow:
    id: int
    source: str
    destination: str
    status: str
    lines: int
    units: int
    received: int
    created_at: object


def list_transfers(conn: Connection, *, open_only: bool = False, limit: int = 200) -> list[TransferRow]:
    src, dst = Warehouse.__table__.alias("src"), Warehouse.__table__.alias("dst")
    stmt = (select(Transfer.id, src.c.code, dst.c.code, Transfer.status,
                   func.count(TransferLine.id), func.coalesce(func.sum(TransferLine.quantity), 0),
                   func.coalesce(func.sum(TransferLine.quantity_received), 0), Transfer.created_at)
            .join(src, src.c.id == Transfer.source_id).join(dst, dst.c.id == Transfer.destination_id)
            .outerjoin(TransferLine, TransferLine.transfer_id == Transfer.id)
            .group_by(Transfer.id, src.c.code, dst.c.code, Transfer.status, Transfer.created_at)
            .order_by(Transfer.id.desc()).limit(limit))
    if open_only:
        stmt = stmt.where(Transfer.status.in_(_IN_TRANSIT + (TransferStatus.DRAFT,)))
    return [TransferRow(*r) for r in conn.execute(stmt)]


def transfer_lines(conn: Connection, transfer_id: int) -> list[tuple[str, str, int, int]]:
    """(sku, name, quantity, received) of one transfer."""
    return [tuple(r) for r in conn.execute(
        select(Sku.code, Sku.name, TransferLine.quantity, TransferLine.quantity_received)
        .join(Sku, Sku.id == TransferLine.sku_id).where(TransferLine.transfer_id == transfer_id)
        .order_by(Sku.code))]


def list_stocktakes(conn: Connection, *, limit: int = 100) -> list[tuple]:
    """(id, warehouse, bins, status, lines, counted, started_at) newest first."""
    counted = func.count(StocktakeLine.counted)
    rows = conn.execute(
        select(Stocktake.id, Warehouse.code, Stocktake.bin_from, Stocktake.bin_to, Stocktake.status,
               func.count(StocktakeLine.id), counted, Stocktake.started_at)
        .join(Warehouse, Warehouse.id == Stocktake.warehouse_id)
        .outerjoin(StocktakeLine, StocktakeLine.stocktake_id == Stocktake.id)
        .group_by(Stocktake.id, Warehouse.code, Stocktake.bin_from, Stocktake.bin_to,
                  Stocktake.status, Stocktake.started_at)
        .order_by(Stocktake.id.desc()).limit(limit))
    return [(r[0], r[1], f"{r[2] or ''}–{r[3] or ''}" if (r[2] or r[3]) else "", *r[4:]) for r in rows]


# -- read side: the stock table --------------------------------------------------------------------

_IN_TRANSIT = (TransferStatus.SHIPPED, TransferStatus.PARTIALLY_RECEIVED)


def _incoming_subquery():
    return (select(TransferLine.sku_id, Transfer.destination_id.label("warehouse_id"),
                   func.sum(TransferLine.quantity - TransferLine.quantity_received).label("incoming"))
            .join(Transfer, Transfer.id == TransferLine.transfer_id)
            .where(Transfer.status.in_(_IN_TRANSIT))
            .group_by(TransferLine.sku_id, Transfer.destination_id).subquery())


@dataclass(frozen=True)
class StockFilter:
    warehouse_id: int | None = None
    product_id: int | None = None
    low_only: bool = False
    search: str = ""


@dataclass(frozen=True)
class StockRow:
    level_id: int
    sku_id: int
    warehouse_id: int
    sku: str
    barcode: str
    name: str
    warehouse: str
    on_hand: int
    reserved: int
    incoming: int
    threshold: int
    daily_sales: float = 0.0
    sort_key: tuple = field(compare=False, default=())

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def days_of_cover(self) -> float | None:
        """Days the available units last at the last 30 days' pace (None: no recent sales)."""
        if self.daily_sales <= 0:
            return None
        return max(self.available, 0) / self.daily_sales

    @property
    def state(self) -> str:
        """oversold (should be impossible), out (nothing available), low, or ok."""
        if self.reserved > self.on_hand or self.on_hand < 0:
            return "oversold"
        if self.available <= 0:
            return "out"
        if self.available <= self.threshold:
            return "low"
        return "ok"


STOCK_SORTS = {
    "sku": Sku.code, "name": Sku.name, "warehouse": Warehouse.code, "on_hand": SL.on_hand,
    "reserved": SL.reserved, "available": SL.on_hand - SL.reserved, "threshold": SL.threshold,
}


def _stock_conditions(flt: StockFilter) -> list:
    conds = []
    if flt.warehouse_id:
        conds.append(SL.warehouse_id == flt.warehouse_id)
    if flt.product_id:
        conds.append(Sku.product_id == flt.product_id)
    if flt.low_only:
        conds.append(SL.on_hand - SL.reserved <= SL.threshold)
    term = " ".join((flt.search or "").split())
    if term:
        if len(term) > 100:
            raise ValidationError("The search text is too long (at most 100 characters).")
        escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        conds.append(or_(func.lower(Sku.code).like(like, escape="\\"), Sku.barcode == term,
                         func.lower(Sku.name).like(like, escape="\\")))
    return conds


def fetch_stock_page(conn: Connection, flt: StockFilter = StockFilter(), *, sort: str = "sku",
                     descending: bool = False, after: tuple | None = None,
                     limit: int = 200) -> list[StockRow]:
    """One page of stock levels (keyset paging: rows strictly after `after`, a row's sort_key)."""
    if sort not in STOCK_SORTS:
        raise ValidationError(f"Cannot sort stock by {sort!r}; use one of {', '.join(STOCK_SORTS)}.")
    column = STOCK_SORTS[sort]
    incoming = _incoming_subquery()
    conds = _stock_conditions(flt)
    if after is not None:
        key = tuple_(column, SL.id)
        bound = tuple_(bindparam(None, after[0], type_=column.type), bindparam(None, after[1]))
        conds.append(key < bound if descending else key > bound)
    order = (column.desc(), SL.id.desc()) if descending else (column.asc(), SL.id.asc())
    stmt = (select(SL.id, SL.sku_id, SL.warehouse_id, Sku.code, func.coalesce(Sku.barcode, ""),
                   Sku.name, Warehouse.code, SL.on_hand, SL.reserved,
                   func.coalesce(incoming.c.incoming, 0), SL.threshold, column.label("sort_value"))
            .join(Sku, Sku.id == SL.sku_id).join(Warehouse, Warehouse.id == SL.warehouse_id)
            .outerjoin(incoming, and_(incoming.c.sku_id == SL.sku_id,
                                      incoming.c.warehouse_id == SL.warehouse_id))
            .where(*conds).order_by(*order).limit(limit))
    raw = conn.execute(stmt).all()
    velocity = daily_sales(conn, {r[1] for r in raw})
    return [StockRow(*r[:11], daily_sales=velocity.get(r[1], 0.0), sort_key=(r.sort_value, r[0]))
            for r in raw]


def count_stock(conn: Connection, flt: StockFilter = StockFilter()) -> int:
    return conn.execute(select(func.count()).select_from(SL).join(Sku, Sku.id == SL.sku_id)
                        .where(*_stock_conditions(flt))).scalar_one()


def daily_sales(conn: Connection, sku_ids, *, days: int = SALES_WINDOW_DAYS) -> dict[int, float]:
    """Units per day shipped to customers over the last `days` days, per SKU (all warehouses),
    from the order lines of shipped orders placed in that window."""
    ids = sorted(set(sku_ids))
    if not ids:
        return {}
    since = utcnow() - timedelta(days=days)
    stmt = (select(OrderLine.sku_id, func.sum(OrderLine.quantity_shipped))
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.placed_at >= since, Order.status.in_(tuple(ORDER_SHIPPED_STATES)))
            .group_by(OrderLine.sku_id))
    if len(ids) <= 500:  # a page of the stock table: only its SKUs
        stmt = stmt.where(OrderLine.sku_id.in_(ids))
    wanted = set(ids)
    return {sku_id: float(units or 0) / days for sku_id, units in conn.execute(stmt)
            if sku_id in wanted}


def low_stock(conn: Connection, *, warehouse_id: int | None = None, limit: int = 500) -> list[StockRow]:
    """Levels at or below their threshold, the emptiest first."""
    return fetch_stock_page(conn, StockFilter(warehouse_id=warehouse_id, low_only=True),
                            sort="available", limit=limit)


def low_stock_snapshot(conn: Connection) -> dict[tuple[int, int], tuple[str, str, int, int]]:
    """{(sku_id, warehouse_id): (sku, warehouse, available, threshold)} of every level at or
    below a positive threshold: compared before and after a change to notice crossings."""
    rows = conn.execute(
        select(SL.sku_id, SL.warehouse_id, Sku.code, Warehouse.code, SL.on_hand - SL.reserved,
               SL.threshold)
        .join(Sku, Sku.id == SL.sku_id).join(Warehouse, Warehouse.id == SL.warehouse_id)
        .where(SL.on_hand - SL.reserved <= SL.threshold, SL.threshold > 0))
    return {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in rows}


@dataclass(frozen=True)
class ReorderSuggestion:
    sku_id: int
    sku: str
    name: str
    available: int
    in_transit: int
    threshold: int
    daily_sales: float
    lead_time_days: int
    reorder_point: int
    quantity: int


def reorder_suggestions(conn: Connection, *, cover_days: int = SALES_WINDOW_DAYS,
                        limit: int = 1000) -> list[ReorderSuggestion]:
    """SKUs whose stock (all warehouses, plus transfers in transit) is at or below the reorder
    point: threshold + sales during the supplier's lead time. The quantity covers the lead time
    and `cover_days` more at the last 30 days' pace, rounded up to the minimum order."""
    incoming = _incoming_subquery()
    per_sku = conn.execute(
        select(Sku.id, Sku.code, Sku.name, func.sum(SL.on_hand - SL.reserved),
               func.coalesce(func.sum(incoming.c.incoming), 0), func.sum(SL.threshold),
               func.coalesce(SkuSupply.lead_time_days, DEFAULT_LEAD_TIME_DAYS),
               func.coalesce(SkuSupply.min_order_qty, 1))
        .join(SL, SL.sku_id == Sku.id)
        .outerjoin(incoming, and_(incoming.c.sku_id == SL.sku_id,
                                  incoming.c.warehouse_id == SL.warehouse_id))
        .outerjoin(SkuSupply, SkuSupply.sku_id == Sku.id)
        .where(Sku.active)
        .group_by(Sku.id, Sku.code, Sku.name, SkuSupply.lead_time_days, SkuSupply.min_order_qty)
    ).all()
    velocity = daily_sales(conn, [r[0] for r in per_sku])
    out = []
    for sku_id, code, name, avail, transit, threshold, lead, minimum in per_sku:
        pace = velocity.get(sku_id, 0.0)
        have = int(avail) + int(transit)
        point = int(threshold) + math.ceil(pace * lead)
        if have > point:
            continue
        want = math.ceil(point + pace * cover_days - have)
        if want <= 0:
            continue
        qty = max(want, int(minimum))
        out.append(ReorderSuggestion(sku_id, code, name, int(avail), int(transit), int(threshold),
                                     pace, int(lead), point, qty))
    out.sort(key=lambda s: (s.available + s.in_transit - s.reorder_point, s.sku))
    return out[:limit]


def ledger(conn: Connection, sku_id: int, warehouse_id: int | None = None, *,
           limit: int = 200) -> list[tuple]:
    """The newest movements of a SKU: (at, warehouse, kind, Δ on hand, Δ reserved, on hand after,
    reserved after, reason, ref)."""
    MV = StockMovement
    stmt = (select(MV.at, Warehouse.code, MV.kind, MV.on_hand_delta, MV.reserved_delta,
                   MV.on_hand_after, MV.reserved_after, MV.reason,
                   case((MV.ref_type.is_(None), ""), else_=MV.ref_type))
            .join(Warehouse, Warehouse.id == MV.warehouse_id).where(MV.sku_id == sku_id)
            .order_by(MV.id.desc()).limit(limit))
    if warehouse_id:
        stmt = stmt.where(MV.warehouse_id == warehouse_id)
    return [tuple(r) for r in conn.execute(stmt)]


def warehouses(conn: Connection) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in conn.execute(
        select(Warehouse.id, Warehouse.code, Warehouse.name).order_by(Warehouse.priority, Warehouse.id))]


def products(conn: Connection, *, limit: int = 5000) -> list[tuple[int, str]]:
    return [tuple(r) for r in conn.execute(
        select(Product.id, Product.name).order_by(Product.name).limit(limit))]

