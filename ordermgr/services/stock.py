"""Stock movements: the one place that changes on hand and reserved.

Every change is an atomic conditional UPDATE (the condition is the business rule, e.g.
"available >= qty" for a reservation) followed by a ledger row with the values after the change.
The database evaluates the condition under its row lock, so two workstations reserving the last
unit at the same moment can never both succeed, on PostgreSQL or SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, insert, select, update

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import InsufficientStock, ValidationError
from ordermgr.models import Sku, StockLevel, StockMovement, Warehouse, utcnow

SL = StockLevel


@dataclass(frozen=True)
class Ref:
    type: str  # order, return, stocktake, transfer, adjustment, import
    id: int | None


def move(uow: UnitOfWork, sku_id: int, warehouse_id: int, kind: str, *, on_hand: int = 0,
         reserved: int = 0, reason: str = "", ref: Ref | None = None) -> tuple[int, int]:
    """Apply deltas to one stock level if the result stays valid; record the movement.

    Returns (on_hand, reserved) after the change. Raises InsufficientStock if the conditional
    update matched no row.
    """
    conditions = [SL.sku_id == sku_id, SL.warehouse_id == warehouse_id]
    # the new values must keep 0 <= reserved <= on_hand
    conditions.append(SL.on_hand + on_hand >= SL.reserved + reserved)
    conditions.append(SL.reserved + reserved >= 0)
    stmt = (update(SL).where(and_(*conditions))
            .values(on_hand=SL.on_hand + on_hand, reserved=SL.reserved + reserved,
                    version=SL.version + 1)
            .returning(SL.on_hand, SL.reserved)
            .execution_options(synchronize_session=False))
    row = uow.session.execute(stmt).first()
    if row is None:
        raise InsufficientStock(_shortage_message(uow, sku_id, warehouse_id, on_hand, reserved))
    uow.session.execute(insert(StockMovement).values(
        at=utcnow(), sku_id=sku_id, warehouse_id=warehouse_id, kind=kind, on_hand_delta=on_hand,
        reserved_delta=reserved, on_hand_after=row.on_hand, reserved_after=row.reserved,
        reason=reason, ref_type=ref.type if ref else None, ref_id=ref.id if ref else None,
        user_id=uow.actor.user_id))
    uow.changes.stock = True
    return row.on_hand, row.reserved


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
    if reserved_delta > 0:
        return f"Not enough {code} in {where}: {available} available, {reserved_delta} needed."
    if on_hand_delta < 0:
        return (f"Cannot take {-on_hand_delta} of {code} out of {where}: {level.on_hand} on hand, "
                f"{level.reserved} reserved.")
    return f"{code} in {where} has only {level.reserved} reserved; cannot release more."


def available(uow: UnitOfWork, sku_id: int, warehouse_id: int) -> int:
    row = uow.session.execute(
        select(SL.on_hand - SL.reserved).where(SL.sku_id == sku_id, SL.warehouse_id == warehouse_id)
    ).scalar()
    return row or 0


def receive(uow: UnitOfWork, sku_id: int, warehouse_id: int, quantity: int, *, reason: str,
            ref: Ref | None = None) -> None:
    """Goods in: create the stock level on first receipt."""
    if quantity <= 0:
        raise ValidationError("The quantity received must be at least 1.")
    exists = uow.session.execute(select(SL.id).where(
        SL.sku_id == sku_id, SL.warehouse_id == warehouse_id)).first()
    if not exists:
        uow.session.execute(insert(SL).values(sku_id=sku_id, warehouse_id=warehouse_id, on_hand=0,
                                              reserved=0, threshold=0, version=1))
    move(uow, sku_id, warehouse_id, "receive", on_hand=quantity, reason=reason, ref=ref)
