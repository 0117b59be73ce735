"""Stock movements: the one place that changes on hand and reserved.

Every change is an atomic conditional UPDATE (the condition is the business rule, e.g.
"available >= qty" for a reservation) followed by a ledger row with the values after the change.
The database evaluates the condition under its row lock, so two workstations reserving the last
unit at the same moment can never both succeed, on PostgreSQL or SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, bindparam, func, insert, or_, select, update

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import InsufficientStock, ValidationError
from ordermgr.models import Sku, StockLevel, StockMovement, Store, Warehouse, utcnow
from ordermgr.models.limits import MAX_QUANTITY, check_quantity
from ordermgr.services.outbox import enqueue

SL = StockLevel


@dataclass(frozen=True)
class Ref:
    type: str  # order, return, stocktake, transfer, adjustment, import
    id: int | None


_LEVELS = SL.__table__
_MOVES = StockMovement.__table__
# Built once (compiled once per dialect): the conditional UPDATE. The new values must keep
# 0 <= reserved <= on_hand; the database checks that under the row lock.
_MOVE = (update(_LEVELS)
         .where(_LEVELS.c.sku_id == bindparam("sku"), _LEVELS.c.warehouse_id == bindparam("wh"),
                _LEVELS.c.on_hand + bindparam("d_on_hand") >= _LEVELS.c.reserved + bindparam("d_reserved"),
                _LEVELS.c.reserved + bindparam("d_reserved") >= 0,
                _LEVELS.c.on_hand + bindparam("d_on_hand") <= MAX_QUANTITY)
         .values(on_hand=_LEVELS.c.on_hand + bindparam("d_on_hand"),
                 reserved=_LEVELS.c.reserved + bindparam("d_reserved"),
                 version=_LEVELS.c.version + 1)
         .returning(_LEVELS.c.on_hand, _LEVELS.c.reserved))
_RECORD = insert(_MOVES).returning(_MOVES.c.id)
_AVAILABLE = select(_LEVELS.c.on_hand - _LEVELS.c.reserved).where(
    _LEVELS.c.sku_id == bindparam("sku"), _LEVELS.c.warehouse_id == bindparam("wh"))


def move(uow: UnitOfWork, sku_id: int, warehouse_id: int, kind: str, *, on_hand: int = 0,
         reserved: int = 0, reason: str = "", ref: Ref | None = None) -> tuple[int, int]:
    """Apply deltas to one stock level if the result stays valid; record the movement.

    Returns (on_hand, reserved) after the change. Raises InsufficientStock if the conditional
    update matched no row.
    """
    if on_hand == 0 and reserved == 0:
        raise ValidationError("A stock movement must change something.")
    for what, delta in (("on hand", on_hand), ("reserved", reserved)):
        if type(delta) is not int:  # noqa: E721 - a float would be stored as one on SQLite
            raise TypeError(f"stock delta {what} must be an int, not {delta!r}")
        check_quantity(delta, what=f"change of {what}")
    if uow.session.new:
        uow.session.flush()  # a SKU or level created in this transaction must exist first
    conn = uow.session.connection()
    row = conn.execute(_MOVE, {"sku": sku_id, "wh": warehouse_id, "d_on_hand": on_hand,
                               "d_reserved": reserved}).first()
    if row is None:
        raise _refusal(uow, sku_id, warehouse_id, on_hand, reserved)
    movement_id = conn.execute(_RECORD, {
        "at": utcnow(), "sku_id": sku_id, "warehouse_id": warehouse_id, "kind": kind,
        "on_hand_delta": on_hand, "reserved_delta": reserved, "on_hand_after": row.on_hand,
        "reserved_after": row.reserved, "reason": reason[:200],
        "ref_type": ref.type if ref else None, "ref_id": ref.id if ref else None,
        "user_id": uow.actor.user_id}).scalar_one()
    uow.changes.stock = True
    if on_hand != reserved:  # available changed: tell the storefronts
        _queue_stock_push(uow, sku_id, warehouse_id, row.on_hand - row.reserved, movement_id)
    return row.on_hand, row.reserved


def _queue_stock_push(uow: UnitOfWork, sku_id: int, warehouse_id: int, available_now: int,
                      movement_id: int) -> None:
    """One "stock" outbox message per storefront, in the same transaction as the movement.

    The idempotency key carries the movement id, so each change is pushed once; the sync runner
    may coalesce messages for the same SKU and keep the newest.
    """
    info = uow.session.info
    stores = info.get("stock_push_stores")
    if stores is None:
        stores = info["stock_push_stores"] = list(uow.session.scalars(
            select(Store).where(Store.active, Store.platform != "manual")))
    if not stores:
        return
    codes = info.setdefault("stock_push_codes", {})
    if (sku_id, warehouse_id) not in codes:
        codes[(sku_id, warehouse_id)] = tuple(uow.session.connection().execute(
            select(select(Sku.code).where(Sku.id == sku_id).scalar_subquery(),
                   select(Warehouse.code).where(Warehouse.id == warehouse_id).scalar_subquery())
        ).one())
    sku_code, wh_code = codes[(sku_id, warehouse_id)]
    total = uow.session.connection().execute(
        select(func.sum(_LEVELS.c.on_hand - _LEVELS.c.reserved)).where(_LEVELS.c.sku_id == sku_id)
    ).scalar() or 0
    # "available" is this warehouse's; a storefront with one location wants "available_total"
    payload = {"sku": sku_code, "warehouse": wh_code, "available": available_now,
               "available_total": int(total)}
    for store in stores:
        enqueue(uow, store, "stock", payload, key=f"{sku_code}:{wh_code}:{movement_id}")


def _refusal(uow, sku_id, warehouse_id, on_hand_delta, reserved_delta) -> Exception:
    """Why the conditional update matched no row."""
    message = _shortage_message(uow, sku_id, warehouse_id, on_hand_delta, reserved_delta)
    return InsufficientStock(message) if message else ValidationError(
        f"{_sku_code(uow, sku_id)} would have more than the limit of {MAX_QUANTITY:,} units "
        "on hand; check the quantity.")


def _sku_code(uow, sku_id) -> str:
    sku = uow.session.get(Sku, sku_id)
    return sku.code if sku else f"SKU {sku_id}"


def _shortage_message(uow, sku_id, warehouse_id, on_hand_delta, reserved_delta) -> str:
    sku = uow.session.get(Sku, sku_id)
    wh = uow.session.get(Warehouse, warehouse_id)
    level = uow.session.execute(
        select(SL.on_hand, SL.reserved).where(SL.sku_id == sku_id, SL.warehouse_id == warehouse_id)
    ).first()
    code = sku.code if sku else f"SKU {sku_id}"
    where = wh.code if wh else f"warehouse {warehouse_id}"
    if level is None:
        return f"{code} is not stocked in {where}."
    available = level.on_hand - level.reserved
    if level.on_hand + on_hand_delta > MAX_QUANTITY:
        return ""  # not a shortage
    if reserved_delta > 0:
        return f"Not enough {code} in {where}: {available} available, {reserved_delta} needed."
    if on_hand_delta < 0:
        return (f"Cannot take {-on_hand_delta} of {code} out of {where}: {level.on_hand} on hand, "
                f"{level.reserved} reserved.")
    return f"{code} in {where} has only {level.reserved} reserved; cannot release more."


def availability(uow: UnitOfWork, sku_ids) -> dict[tuple[int, int], int]:
    """{(sku_id, warehouse_id): available} for these SKUs, in one query."""
    ids = sorted(set(sku_ids))
    if not ids:
        return {}
    rows = uow.session.connection().execute(
        select(_LEVELS.c.sku_id, _LEVELS.c.warehouse_id, _LEVELS.c.on_hand - _LEVELS.c.reserved)
        .where(_LEVELS.c.sku_id.in_(ids)))
    return {(sku, wh): avail for sku, wh, avail in rows}


def available(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> int:
    return uow.session.connection().execute(_AVAILABLE, {"sku": sku_id, "wh": warehouse_id}).scalar() or 0


def receive(uow: UnitOfWork, sku_id: int, warehouse_id: int, quantity: int, *, reason: str,
            ref: Ref | None = None) -> None:
    """Goods in: create the stock level on first receipt."""
    if quantity <= 0:
        raise ValidationError("The quantity received must be at least 1.")
    ensure_level(uow, sku_id, warehouse_id)
    move(uow, sku_id, warehouse_id, "receive", on_hand=quantity, reason=reason, ref=ref)


def ensure_level(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> None:
    """Create the (empty) stock level of a SKU in a warehouse if it does not exist yet."""
    exists = uow.session.execute(select(SL.id).where(
        SL.sku_id == sku_id, SL.warehouse_id == warehouse_id)).first()
    if exists:
        return
    dialect = uow.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    # another workstation may create the same level at the same moment: keep whichever came first
    uow.session.execute(dialect_insert(SL).values(
        sku_id=sku_id, warehouse_id=warehouse_id, on_hand=0, reserved=0, threshold=0, version=1)
        .on_conflict_do_nothing())


# -- ledger verification ------------------------------------------------------------------------

@dataclass(frozen=True)
class Drift:
    sku_id: int
    warehouse_id: int
    sku: str
    warehouse: str
    on_hand: int
    reserved: int
    ledger_on_hand: int
    ledger_reserved: int

    def describe(self) -> str:
        return (f"{self.sku} in {self.warehouse}: level says {self.on_hand} on hand / "
                f"{self.reserved} reserved, ledger sums to {self.ledger_on_hand} / "
                f"{self.ledger_reserved}")


def verify_ledger(conn) -> list[Drift]:
    """Every stock level must equal the sum of its movements; return those that do not.

    Works on a Connection (read-only). Levels without any movement must be zero; movements for a
    level that does not exist count as drift too. Never fails on values it did not expect (see
    `bad_values` for those).
    """
    MV = StockMovement
    # SQLite's sum() raises "integer overflow" past 2^63 (for the whole check); total() sums
    # into a float instead, exact for any count a real ledger holds.
    total = func.total if conn.dialect.name == "sqlite" else func.sum
    sums = (select(MV.sku_id, MV.warehouse_id, total(MV.on_hand_delta).label("oh"),
                   total(MV.reserved_delta).label("rs"))
            .group_by(MV.sku_id, MV.warehouse_id).subquery())
    oh = func.coalesce(sums.c.oh, 0)
    rs = func.coalesce(sums.c.rs, 0)
    drifted = conn.execute(
        select(SL.sku_id, SL.warehouse_id, Sku.code, Warehouse.code, SL.on_hand, SL.reserved, oh, rs)
        .join(Sku, Sku.id == SL.sku_id).join(Warehouse, Warehouse.id == SL.warehouse_id)
        .outerjoin(sums, and_(sums.c.sku_id == SL.sku_id, sums.c.warehouse_id == SL.warehouse_id))
        .where((SL.on_hand != oh) | (SL.reserved != rs))
        .order_by(Sku.code, Warehouse.code)).all()
    orphans = conn.execute(
        select(sums.c.sku_id, sums.c.warehouse_id, Sku.code, Warehouse.code, sums.c.oh, sums.c.rs)
        .join(Sku, Sku.id == sums.c.sku_id).join(Warehouse, Warehouse.id == sums.c.warehouse_id)
        .outerjoin(SL, and_(SL.sku_id == sums.c.sku_id, SL.warehouse_id == sums.c.warehouse_id))
        .where(SL.id.is_(None), (sums.c.oh != 0) | (sums.c.rs != 0))).all()
    n = _number
    result = [Drift(r[0], r[1], r[2], r[3], n(r[4]), n(r[5]), n(r[6]), n(r[7])) for r in drifted]
    result += [Drift(r[0], r[1], r[2], r[3], 0, 0, n(r[4]), n(r[5])) for r in orphans]
    return result


def _number(value):
    """A whole number as int; anything else (a float SQLite made of a huge integer) as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if value is not None else 0


@dataclass(frozen=True)
class BadValue:
    """A stock number that no service can have written: not a whole number, or beyond the
    limit (written by an older version, or by hand)."""

    where: str
    column: str
    value: object

    def describe(self) -> str:
        why = ("is not stored as a whole number" if not isinstance(self.value, int)
               else f"is beyond the limit of {MAX_QUANTITY:,}")
        return (f"{self.where}: {self.column} = {self.value!r} {why}; correct it with a "
                "stocktake or ask your administrator")


def bad_values(conn) -> list[BadValue]:
    """Stock levels and movements holding a number that is not a whole number within limits."""
    MV = StockMovement
    sqlite = conn.dialect.name == "sqlite"

    def bad(column):
        # no abs(): SQLite's abs() of -2^63 is itself an integer overflow
        out_of_range = (column > MAX_QUANTITY) | (column < -MAX_QUANTITY)
        return out_of_range | (func.typeof(column) != "integer") if sqlite else out_of_range

    found = []
    level_cols = (SL.on_hand, SL.reserved)
    for row in conn.execute(
            select(Sku.code, Warehouse.code, *level_cols)
            .join(Sku, Sku.id == SL.sku_id).join(Warehouse, Warehouse.id == SL.warehouse_id)
            .where(or_(*(bad(c) for c in level_cols))).order_by(Sku.code, Warehouse.code)):
        found += [BadValue(f"stock level {row[0]} in {row[1]}", c.key, v)
                  for c, v in zip(level_cols, row[2:]) if _is_bad(v)]
    move_cols = (MV.on_hand_delta, MV.reserved_delta, MV.on_hand_after, MV.reserved_after)
    for row in conn.execute(
            select(MV.id, Sku.code, Warehouse.code, *move_cols)
            .join(Sku, Sku.id == MV.sku_id).join(Warehouse, Warehouse.id == MV.warehouse_id)
            .where(or_(*(bad(c) for c in move_cols))).order_by(MV.id)):
        found += [BadValue(f"movement {row[0]} ({row[1]} in {row[2]})", c.key, v)
                  for c, v in zip(move_cols, row[3:]) if _is_bad(v)]
    return found


def _is_bad(value) -> bool:
    return type(value) is not int or not -MAX_QUANTITY <= value <= MAX_QUANTITY  # noqa: E721
